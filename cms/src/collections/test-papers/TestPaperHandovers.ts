import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { TEST_PAPER_PART_LABELS, isSchoolYear } from '@school/shared'

import { countAllowed } from '../../access/authorize'
import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { testArchivePolicy, type fieldWritePolicy } from '../../access/policy'
import { userError } from '../../lib/messages'
import type { TestPaperHandover } from '../../payload-types'
import { exportButton, type RegisterExport } from '../../registers/export'
import { yearCompleteness } from '../../test-papers/completeness'
import { dateOnly } from '../../fields/records'
import { schoolYearValidation } from '../assessment/labels'
import { ARCHIVE_GROUP, HO, handoverStatusOptions } from './labels'

type Written = keyof (typeof fieldWritePolicy)['test-paper-handovers'] & keyof typeof HO

const written = (field: Written, initialValue?: unknown) => ({
  access: fieldAccess('test-paper-handovers', field, HO[field], initialValue),
})

/**
 * Handing a year over counts what is handed from the archive as it is at that moment, per
 * grade, subject, checkpoint and part; a year is handed once, and only when every paper of it
 * is of a test already taken (a secret paper would reach the library's readers). Confirming
 * receipt records who and when; a receipt only goes forward.
 */
const countAndRecordSteps: CollectionBeforeChangeHook<TestPaperHandover> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const now = new Date().toISOString()
  if (operation === 'create') {
    const schoolYear = data.schoolYear
    if (!isSchoolYear(schoolYear)) return data
    const { totalDocs: already } = await req.payload.count({
      collection: 'test-paper-handovers',
      where: { schoolYear: { equals: schoolYear } },
      overrideAccess: true,
      req,
    })
    if (already > 0) {
      throw userError(req, 409, {
        vi: `Đề kiểm tra năm học ${schoolYear} đã được bàn giao cho thư viện.`,
        en: `The test papers of ${schoolYear} were already handed to the library.`,
      })
    }
    const year = { schoolYear: { equals: schoolYear } }
    const { totalDocs: papers } = await req.payload.count({
      collection: 'test-papers',
      where: year,
      overrideAccess: true,
      req,
    })
    if (papers === 0) {
      throw userError(req, 400, {
        vi: `Chưa có đề kiểm tra nào của năm học ${schoolYear} để bàn giao.`,
        en: `There are no test papers of ${schoolYear} to hand over.`,
      })
    }
    const taken = await countAllowed(req, testArchivePolicy.practisable, 'test-papers', year)
    if (taken < papers) {
      throw userError(req, 409, {
        vi:
          `Chưa bàn giao được: ${papers - taken} tệp của năm học ${schoolYear} là đề của kì ` +
          'kiểm tra chưa kết thúc (còn giữ bí mật).',
        en: `${papers - taken} papers of ${schoolYear} are of tests not yet taken (secret).`,
      })
    }
    const completeness = await yearCompleteness(req, schoolYear, true)
    const items = completeness.sets
      .filter((set) => set.missing.length < 3)
      .map((set) => ({
        grade: String(set.grade),
        subject: set.subjectName,
        period: set.periodLabel,
        parts: (['paper', 'answer_key', 'matrix'] as const)
          .filter((part) => set.parts[part] !== null)
          .map((part) => TEST_PAPER_PART_LABELS[part].vi)
          .join(', '),
        missing: set.missing.map((part) => TEST_PAPER_PART_LABELS[part].vi).join(', '),
      }))
    return {
      ...data,
      status: 'handed',
      items,
      setCount: completeness.setCount,
      completeSets: completeness.completeSets,
      fileCount: completeness.fileCount,
      handedBy: req.user?.id ?? null,
      handedAt: now,
    }
  }
  if (originalDoc?.status === 'handed' && data.status === 'received') {
    return { ...data, receivedBy: req.user?.id ?? null, receivedAt: now }
  }
  return data
}

const handoverExport: RegisterExport = {
  title: { vi: 'Sổ bàn giao đề kiểm tra định kỳ cho thư viện', en: 'Test paper handovers' },
  fileName: 'ban-giao-de-kiem-tra',
  columns: [
    'schoolYear',
    'setCount',
    'completeSets',
    'fileCount',
    'handedBy',
    'handedAt',
    'status',
    'receivedBy',
    'receivedAt',
    'receiptNote',
  ],
}

/**
 * A year's periodic test papers handed by the vice-principal to the library (Điều 6), and the
 * librarian's receipt. The handover list prints as "Biên bản bàn giao đề kiểm tra định kỳ"
 * (`/api/test-archive/handovers/:id/pdf`) for both to sign.
 */
export const TestPaperHandovers: CollectionConfig = {
  slug: 'test-paper-handovers',
  labels: {
    singular: { vi: 'Bàn giao đề cho thư viện', en: 'Handover to the library' },
    plural: { vi: 'Bàn giao đề cho thư viện', en: 'Handovers to the library' },
  },
  admin: {
    group: ARCHIVE_GROUP,
    useAsTitle: 'schoolYear',
    defaultColumns: [
      'schoolYear',
      'setCount',
      'completeSets',
      'fileCount',
      'handedBy',
      'handedAt',
      'status',
      'receivedAt',
    ],
    description: {
      vi:
        'Cuối năm học, Phó Hiệu trưởng bàn giao bộ đề của năm cho thư viện; nhân viên thư viện ' +
        'xác nhận đã nhận (chọn "Thư viện đã nhận" rồi lưu) và ghi những gì còn thiếu.',
      en:
        'At the end of the year the vice-principal hands the papers to the library; the ' +
        'librarian confirms receipt and notes anything missing.',
    },
    components: { beforeListTable: [exportButton('test-paper-handovers')] },
  },
  custom: { registerExport: handoverExport },
  access: collectionAccess('test-paper-handovers'),
  defaultSort: '-schoolYear',
  hooks: { beforeChange: [countAndRecordSteps] },
  fields: [
    {
      name: 'schoolYear',
      type: 'text',
      required: true,
      unique: true,
      validate: schoolYearValidation,
      label: HO.schoolYear,
      admin: { placeholder: '2025-2026' },
      ...written('schoolYear'),
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'handed',
      index: true,
      options: handoverStatusOptions,
      label: HO.status,
      admin: {
        position: 'sidebar',
        description: {
          vi: 'Nhân viên thư viện chọn "Thư viện đã nhận" khi đã nhận đủ bản giấy và tệp.',
          en: 'The librarian sets "received" once the papers are in the library.',
        },
      },
      ...written('status', 'handed'),
    },
    {
      name: 'note',
      type: 'textarea',
      label: HO.note,
      ...written('note'),
    },
    {
      name: 'receiptNote',
      type: 'textarea',
      label: HO.receiptNote,
      ...written('receiptNote'),
    },
    {
      name: 'handoverList',
      type: 'ui',
      admin: {
        condition: (data) => Boolean(data?.id),
        components: { Field: '/components/test-papers/HandoverListLink#HandoverListLink' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'setCount',
          type: 'number',
          label: HO.setCount,
          admin: { readOnly: true },
          ...written('setCount'),
        },
        {
          name: 'completeSets',
          type: 'number',
          label: HO.completeSets,
          admin: { readOnly: true },
          ...written('completeSets'),
        },
        {
          name: 'fileCount',
          type: 'number',
          label: HO.fileCount,
          admin: { readOnly: true },
          ...written('fileCount'),
        },
      ],
    },
    {
      name: 'items',
      type: 'array',
      label: HO.items,
      admin: { readOnly: true, initCollapsed: true },
      ...written('items'),
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'grade', type: 'text', label: { vi: 'Khối', en: 'Grade' } },
            { name: 'subject', type: 'text', label: { vi: 'Môn', en: 'Subject' } },
            { name: 'period', type: 'text', label: { vi: 'Kì', en: 'Checkpoint' } },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'parts', type: 'text', label: { vi: 'Đã có', en: 'Handed' } },
            { name: 'missing', type: 'text', label: { vi: 'Còn thiếu', en: 'Missing' } },
          ],
        },
      ],
    },
    {
      type: 'collapsible',
      label: { vi: 'Người bàn giao, người nhận', en: 'Handed and received' },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'handedBy',
          type: 'relationship',
          relationTo: 'users',
          label: HO.handedBy,
          admin: { readOnly: true },
          ...written('handedBy'),
        },
        {
          name: 'handedAt',
          type: 'date',
          label: HO.handedAt,
          admin: { readOnly: true, ...dateOnly },
          ...written('handedAt'),
        },
        {
          name: 'receivedBy',
          type: 'relationship',
          relationTo: 'users',
          label: HO.receivedBy,
          admin: { readOnly: true },
          ...written('receivedBy'),
        },
        {
          name: 'receivedAt',
          type: 'date',
          label: HO.receivedAt,
          admin: { readOnly: true, ...dateOnly },
          ...written('receivedAt'),
        },
      ],
    },
  ],
}
