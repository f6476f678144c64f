import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import {
  MEDIA_TYPES,
  PERIOD_LABELS,
  TEST_PAPER_PART_LABELS,
  hasPeriodicTest,
  type Period,
  type TestPaperPart,
} from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import type { fieldWritePolicy } from '../../access/policy'
import { PRIVATE_FILE_HEADERS } from '../../lib/download'
import { userError } from '../../lib/messages'
import { fileResponseHeaders } from '../../media/file-headers'
import { refuseUnsafeStoredName, storeUnderDetectedType } from '../../media/stored-type'
import { officeFileEndpoint } from '../../office/files'
import { exportButton, type RegisterExport } from '../../registers/export'
import { foldSearchQuery, keepSearchText, searchTextField } from '../../registers/search-text'
import { gradeOptions, periodOptions, schoolYearValidation } from '../assessment/labels'
import { ARCHIVE_GROUP, TP, partOptions, subjectName, testedSubjectOptions } from './labels'

/** Where the office keeps the papers: outside any public folder, backed up with the database. */
export function testPaperDirectory(): string {
  return path.resolve(process.env.OFFICE_DIR || 'data/office', 'test-papers')
}

/** The media's file headers (type kept, nothing runs), and never cached: a paper may be secret. */
function privateFileHeaders(args: { headers: Headers }): Headers {
  const headers = fileResponseHeaders(args)
  for (const [name, value] of Object.entries(PRIVATE_FILE_HEADERS)) headers.set(name, value)
  return headers
}

type Written = keyof (typeof fieldWritePolicy)['test-papers'] & keyof typeof TP

const written = (field: Written) => ({ access: fieldAccess('test-papers', field, TP[field]) })

interface PaperData {
  schoolYear?: string
  grade?: string
  subject?: string
  period?: Period
  part?: TestPaperPart
  filename?: string
  uploadedBy?: unknown
}

/**
 * A paper belongs to a set that exists (TT27 Điều 7.2: the subject is tested at that grade and
 * checkpoint), holds a file, and is named after its set; the server records who uploaded it.
 */
const checkAndNamePaper: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const merged = { ...(originalDoc as PaperData | undefined), ...(data as PaperData) }
  const grade = Number(merged.grade)
  if (merged.subject && merged.period && !hasPeriodicTest(merged.subject, grade, merged.period)) {
    throw userError(req, 400, {
      vi:
        `Môn ${subjectName(merged.subject)} khối ${grade} không có bài kiểm tra định kỳ ` +
        `${PERIOD_LABELS[merged.period].vi} (Thông tư 27, Điều 7).`,
      en: `${merged.subject} has no periodic test in grade ${grade} at ${merged.period}.`,
    })
  }
  if (operation === 'create' && !req.file && !merged.filename) {
    throw userError(req, 400, {
      vi: 'Chưa chọn tệp: mỗi thành phần (đề, đáp án, ma trận) là một tệp PDF hoặc ảnh.',
      en: 'No file: each part (paper, answer key, matrix) is one PDF or image.',
    })
  }
  const part = merged.part ? TEST_PAPER_PART_LABELS[merged.part].vi : ''
  const period = merged.period ? PERIOD_LABELS[merged.period].vi : ''
  const title =
    `${part} ${subjectName(merged.subject)} lớp ${merged.grade ?? ''} – ${period} – ` +
    `${merged.schoolYear ?? ''}`
  return {
    ...data,
    title,
    uploadedBy: operation === 'create' ? (req.user?.id ?? null) : (originalDoc?.uploadedBy ?? null),
  }
}

const paperExport: RegisterExport = {
  title: { vi: 'Danh mục đề kiểm tra định kỳ', en: 'Periodic test papers' },
  fileName: 'de-kiem-tra-dinh-ky',
  columns: ['schoolYear', 'grade', 'subject', 'period', 'part', 'filename', 'note'],
  sort: '-schoolYear',
}

/**
 * One part of a periodic test's set (Điều 6; TT27 Điều 7.2): the paper, its answer key or its
 * matrix, of a school year, grade, subject and checkpoint. One record per part: each file is one
 * upload with its own access (the file URL asks the record's `read`), a missing part is an
 * absent record (the completeness table says which), and the website takes the paper and the key
 * without the matrix. A set is the records sharing year, grade, subject and checkpoint.
 */
export const TestPapers: CollectionConfig = {
  slug: 'test-papers',
  labels: {
    singular: { vi: 'Đề kiểm tra định kỳ', en: 'Periodic test paper' },
    plural: { vi: 'Đề kiểm tra định kỳ', en: 'Periodic test papers' },
  },
  admin: {
    group: ARCHIVE_GROUP,
    useAsTitle: 'title',
    defaultColumns: ['title', 'schoolYear', 'grade', 'subject', 'period', 'part', 'filename'],
    listSearchableFields: ['searchText'],
    groupBy: true,
    description: {
      vi:
        'Mỗi bộ đề (năm học, khối, môn, kì) gồm 3 tệp: đề, đáp án – hướng dẫn chấm, ma trận. ' +
        'Đề chưa thi chỉ Ban giám hiệu xem; sau khi kì kiểm tra kết thúc (hết hạn nhập kết quả) ' +
        'giáo viên xem và tải về.',
      en:
        'Each set (year, grade, subject, checkpoint) has 3 files: paper, answer key, matrix. ' +
        'Until the checkpoint is over only leadership reads them; then teachers do.',
    },
    components: {
      beforeListTable: [
        exportButton('test-papers'),
        '/components/test-papers/CompletenessTable#CompletenessTable',
      ],
    },
  },
  custom: { registerExport: paperExport },
  access: collectionAccess('test-papers'),
  defaultSort: '-schoolYear',
  indexes: [{ fields: ['schoolYear', 'grade', 'subject', 'period', 'part'], unique: true }],
  hooks: {
    beforeOperation: [storeUnderDetectedType, foldSearchQuery],
    beforeChange: [
      refuseUnsafeStoredName,
      checkAndNamePaper,
      keepSearchText((doc) => [
        doc.title,
        doc.schoolYear,
        `khối ${String(doc.grade ?? '')}`,
        subjectName(doc.subject),
        doc.period ? PERIOD_LABELS[doc.period as Period].vi : '',
        doc.part ? TEST_PAPER_PART_LABELS[doc.part as TestPaperPart].vi : '',
        doc.filename,
        doc.note,
      ]),
    ],
  },
  endpoints: [officeFileEndpoint('test-papers')],
  upload: {
    staticDir: testPaperDirectory(),
    filesRequiredOnCreate: false,
    mimeTypes: Object.keys(MEDIA_TYPES),
    modifyResponseHeaders: privateFileHeaders,
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      label: TP.title,
      admin: { readOnly: true },
      ...written('title'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          validate: schoolYearValidation,
          label: TP.schoolYear,
          admin: { placeholder: '2025-2026' },
        },
        {
          name: 'grade',
          type: 'select',
          required: true,
          options: gradeOptions,
          label: TP.grade,
        },
        {
          name: 'subject',
          type: 'select',
          required: true,
          options: testedSubjectOptions,
          label: TP.subject,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'period',
          type: 'select',
          required: true,
          options: periodOptions,
          label: TP.period,
        },
        { name: 'part', type: 'select', required: true, options: partOptions, label: TP.part },
      ],
    },
    { name: 'note', type: 'textarea', label: TP.note },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      label: TP.uploadedBy,
      admin: { readOnly: true, position: 'sidebar' },
      ...written('uploadedBy'),
    },
    searchTextField('test-papers'),
  ],
}
