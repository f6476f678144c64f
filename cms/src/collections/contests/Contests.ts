import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'
import {
  CONTEST_LEVEL_LABELS,
  CONTEST_LEVELS,
  CONTEST_SUBJECT_LABELS,
  CONTEST_SUBJECTS,
  isSchoolYear,
  optionsOf,
  schoolYearOf,
  type ContestLevel,
  type ContestSubject,
} from '@school/shared'

import { collectionAccess } from '../../access/payload-access'
import { dateOnly } from '../../fields/records'
import { userError } from '../../lib/messages'
import { exportButton, type RegisterExport } from '../../registers/export'
import { foldSearchQuery, keepSearchText, searchTextField } from '../../registers/search-text'
import { celebrateEndpoint, recordResultsEndpoint } from './endpoints'

const validSchoolYear: TextFieldSingleValidation = (value, { req }) =>
  isSchoolYear(value) ||
  (req.i18n.language === 'en'
    ? 'A school year is written 2026-2027.'
    : 'Năm học viết dạng 2026-2027.')

/** A contest ends on or after the day it starts. */
const checkDates: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data } as { startDate?: string; endDate?: string }
  if (merged.startDate && merged.endDate && merged.endDate < merged.startDate)
    throw userError(req, 400, {
      vi: 'Ngày kết thúc không thể trước ngày bắt đầu.',
      en: 'A contest cannot end before it starts.',
    })
  return data
}

const validWebsite: TextFieldSingleValidation = (value, { req }) => {
  if (!value) return true
  try {
    const url = new URL(value)
    if (url.protocol === 'https:' || url.protocol === 'http:') return true
  } catch {
    // Not a URL: answered below.
  }
  return req.i18n.language === 'en'
    ? 'A website address starts with https://'
    : 'Địa chỉ website bắt đầu bằng https://'
}

/** A contest with results keeps them: the entries are removed first, one by one, on purpose. */
const keepContestWithEntries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  // A count, not a read: who deletes a contest may not read every entry's pupil.
  const { totalDocs } = await req.payload.count({
    collection: 'contest-entries',
    where: { contest: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0)
    throw userError(req, 409, {
      vi: `Cuộc thi đã có ${totalDocs} kết quả của học sinh: xóa các kết quả trước.`,
      en: `The contest has ${totalDocs} pupils' results: delete them first.`,
    })
}

/**
 * The contests the pupils enter (Điều 8): Violympic, IOE, Trạng Nguyên Tiếng Việt, Tin học
 * trẻ…, each with its organiser, level, school year, rounds and dates. The pupils' entries and
 * results are `contest-entries`; a contest names no pupil, so staff read it.
 */
export const Contests: CollectionConfig = {
  slug: 'contests',
  labels: {
    singular: { vi: 'Cuộc thi', en: 'Contest' },
    plural: { vi: 'Cuộc thi', en: 'Contests' },
  },
  admin: {
    group: { vi: 'Văn phòng', en: 'Office' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'level', 'schoolYear', 'subjectArea', 'startDate', 'endDate'],
    listSearchableFields: ['searchText'],
    description: {
      vi: 'Các cuộc thi, sân chơi trí tuệ của học sinh (Điều 8); kết quả ở mục "Kết quả thi".',
      en: "Pupils' contests (Điều 8); results are under Contest results.",
    },
    components: { beforeListTable: [exportButton('contests')] },
  },
  access: collectionAccess('contests'),
  defaultSort: '-startDate',
  custom: {
    registerExport: {
      title: { vi: 'Danh sách các cuộc thi', en: 'Contests' },
      fileName: 'danh-sach-cuoc-thi',
      columns: [
        'name',
        'organiser',
        'level',
        'schoolYear',
        'subjectArea',
        'startDate',
        'endDate',
        'website',
      ],
    } satisfies RegisterExport,
  },
  endpoints: [celebrateEndpoint, recordResultsEndpoint],
  hooks: {
    beforeOperation: [foldSearchQuery],
    beforeChange: [
      checkDates,
      keepSearchText((doc) => [
        doc.name,
        doc.organiser,
        doc.schoolYear,
        doc.level && CONTEST_LEVEL_LABELS[doc.level as ContestLevel]?.vi,
        doc.subjectArea && CONTEST_SUBJECT_LABELS[doc.subjectArea as ContestSubject]?.vi,
        doc.note,
        ((doc.rounds as Array<{ name?: string }> | undefined) ?? []).map((round) => round.name),
      ]),
    ],
    beforeDelete: [keepContestWithEntries],
  },
  fields: [
    {
      name: 'actions',
      type: 'ui',
      label: { vi: 'Kết quả và tuyên dương', en: 'Results and celebration' },
      admin: {
        position: 'sidebar',
        components: { Field: '/components/contests/ContestActions#ContestActions' },
      },
    },
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { vi: 'Tên cuộc thi', en: 'Name' },
      admin: { placeholder: 'Violympic Toán' } as never,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'organiser',
          type: 'text',
          label: { vi: 'Đơn vị tổ chức', en: 'Organiser' },
        },
        {
          name: 'level',
          type: 'select',
          required: true,
          options: optionsOf(CONTEST_LEVELS, CONTEST_LEVEL_LABELS),
          label: { vi: 'Cấp', en: 'Level' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          defaultValue: () => schoolYearOf(new Date()),
          validate: validSchoolYear,
          label: { vi: 'Năm học', en: 'School year' },
        },
        {
          name: 'subjectArea',
          type: 'select',
          options: optionsOf(CONTEST_SUBJECTS, CONTEST_SUBJECT_LABELS),
          label: { vi: 'Lĩnh vực', en: 'Subject area' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startDate',
          type: 'date',
          label: { vi: 'Ngày bắt đầu', en: 'Starts on' },
          admin: dateOnly,
        },
        {
          name: 'endDate',
          type: 'date',
          label: { vi: 'Ngày kết thúc', en: 'Ends on' },
          admin: dateOnly,
        },
      ],
    },
    {
      name: 'rounds',
      type: 'array',
      label: { vi: 'Các vòng thi', en: 'Rounds' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: { vi: 'Vòng', en: 'Round' } },
            { name: 'date', type: 'date', label: { vi: 'Ngày thi', en: 'Date' }, admin: dateOnly },
          ],
        },
      ],
    },
    {
      name: 'website',
      type: 'text',
      validate: validWebsite,
      label: { vi: 'Website cuộc thi', en: 'Website' },
    },
    { name: 'note', type: 'textarea', label: { vi: 'Ghi chú', en: 'Note' } },
    searchTextField('contests'),
  ],
}
