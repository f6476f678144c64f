import type {
  CollectionBeforeDeleteHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { localize, userError } from '../../lib/messages'
import { GROUP, gradeOptions, periodOptions } from './labels'

const CODE_LABEL = { vi: 'Mã môn', en: 'Code' }

const subjectCode: TextFieldSingleValidation = (value, { req }) =>
  typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value)
    ? true
    : localize(req, {
        vi: 'Mã môn gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: tieng-viet).',
        en: 'A subject code has lower-case letters, digits and hyphens (e.g. tieng-viet).',
      })

/** Assessments and assignments refer to a subject by its code: one in use is kept (409). */
const keepSubjectsInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const subject = await req.payload.findByID({
    collection: 'subjects',
    id,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const where = { subject: { equals: subject.code } }
  const [assessments, assignments] = await Promise.all([
    req.payload.count({ collection: 'assessments', where, overrideAccess: true, req }),
    req.payload.count({ collection: 'teaching-assignments', where, overrideAccess: true, req }),
  ])
  if (assessments.totalDocs + assignments.totalDocs > 0) {
    throw userError(req, 409, {
      vi: `Không xóa được môn ${subject.name}: đã có ${assessments.totalDocs} kết quả đánh giá và ${assignments.totalDocs} phân công giảng dạy dùng môn này.`,
      en: `${subject.name} is in use by assessments or teaching assignments.`,
    })
  }
}

/**
 * The subjects and educational activities of the 2018 programme per grade (TT27 Điều 5, 7),
 * seeded from `PROGRAMME_SUBJECTS`; the school adds its electives. The code is what the API,
 * the grid and the spreadsheets use: it never changes once assessments refer to it.
 */
export const Subjects: CollectionConfig = {
  slug: 'subjects',
  labels: {
    singular: { vi: 'Môn học', en: 'Subject' },
    plural: { vi: 'Môn học và hoạt động', en: 'Subjects' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'code', 'grades', 'electiveGrades'],
    group: GROUP,
  },
  access: collectionAccess('subjects'),
  defaultSort: 'order',
  hooks: { beforeDelete: [keepSubjectsInUse] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, label: { vi: 'Tên môn', en: 'Name' } },
        {
          name: 'shortName',
          type: 'text',
          label: { vi: 'Tên ngắn (tiêu đề cột)', en: 'Short name' },
        },
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          validate: subjectCode,
          label: CODE_LABEL,
          access: fieldAccess('subjects', 'code', CODE_LABEL),
        },
        { name: 'order', type: 'number', label: { vi: 'Thứ tự', en: 'Order' } },
      ],
    },
    {
      name: 'grades',
      type: 'select',
      hasMany: true,
      options: gradeOptions,
      label: { vi: 'Khối học bắt buộc', en: 'Compulsory in grades' },
    },
    {
      name: 'electiveGrades',
      type: 'select',
      hasMany: true,
      options: gradeOptions,
      label: { vi: 'Khối học tự chọn', en: 'Elective in grades' },
    },
    {
      name: 'tests',
      type: 'array',
      label: { vi: 'Kiểm tra định kì (điểm 1–10)', en: 'Periodic tests (1–10)' },
      admin: {
        description: {
          vi: 'TT27 Điều 7: các kì có bài kiểm tra định kì, theo khối.',
          en: 'TT27 Điều 7: checkpoints with a periodic test, per grade.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'grade',
              type: 'select',
              required: true,
              options: gradeOptions,
              label: { vi: 'Khối', en: 'Grade' },
            },
            {
              name: 'periods',
              type: 'select',
              hasMany: true,
              required: true,
              options: periodOptions,
              label: { vi: 'Các kì kiểm tra', en: 'Tested at' },
            },
          ],
        },
      ],
    },
  ],
}
