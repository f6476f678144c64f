import type { CollectionConfig } from 'payload'

import { collectionAccess } from '../../access/payload-access'
import { GROUP, L, periodOptions } from './labels'

/**
 * The grade change log (Điều 12.2): append-only, written by the server on every change of an
 * assessment, a qualities-and-competencies sheet or a year-end result (assessment/change-log.ts);
 * read by leadership and the teachers concerned; never changed or deleted.
 */
export const GradeChanges: CollectionConfig = {
  slug: 'grade-changes',
  labels: {
    singular: { vi: 'Lịch sử sửa kết quả', en: 'Grade change' },
    plural: { vi: 'Lịch sử sửa kết quả', en: 'Grade changes' },
  },
  admin: {
    defaultColumns: ['createdAt', 'student', 'scope', 'period', 'source', 'changedBy'],
    group: GROUP,
  },
  access: collectionAccess('grade-changes'),
  defaultSort: '-createdAt',
  indexes: [{ fields: ['class', 'scope', 'schoolYear'] }],
  fields: [
    {
      name: 'collection',
      type: 'select',
      required: true,
      options: [
        { value: 'assessments', label: { vi: 'Môn học', en: 'Subject' } },
        { value: 'trait-assessments', label: { vi: 'Phẩm chất, năng lực', en: 'Traits' } },
        { value: 'year-end-results', label: { vi: 'Cuối năm', en: 'Year-end' } },
      ],
      label: { vi: 'Loại', en: 'Kind' },
    },
    {
      name: 'document',
      type: 'text',
      required: true,
      index: true,
      label: { vi: 'Mã bản ghi', en: 'Record' },
    },
    {
      name: 'student',
      type: 'relationship',
      relationTo: 'students',
      index: true,
      label: L.student,
    },
    { name: 'class', type: 'relationship', relationTo: 'groups', label: L.class },
    { name: 'schoolYear', type: 'text', label: L.schoolYear },
    { name: 'period', type: 'select', options: periodOptions, label: L.period },
    { name: 'scope', type: 'text', label: L.subject },
    { name: 'before', type: 'json', label: { vi: 'Trước', en: 'Before' } },
    { name: 'after', type: 'json', label: { vi: 'Sau', en: 'After' } },
    {
      name: 'source',
      type: 'select',
      required: true,
      options: [
        { value: 'entry', label: { vi: 'Nhập trực tiếp', en: 'Entry' } },
        { value: 'upload', label: { vi: 'Tải tệp Excel', en: 'Spreadsheet upload' } },
        { value: 'correction', label: { vi: 'Điều chỉnh đã duyệt', en: 'Approved correction' } },
        { value: 'system', label: { vi: 'Hệ thống', en: 'System' } },
      ],
      label: { vi: 'Nguồn', en: 'Source' },
    },
    {
      name: 'changedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người sửa', en: 'Changed by' },
    },
    {
      name: 'correctionRequest',
      type: 'relationship',
      relationTo: 'correction-requests',
      label: { vi: 'Theo đề nghị', en: 'Correction request' },
    },
  ],
}
