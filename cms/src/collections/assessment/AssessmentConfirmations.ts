import type { CollectionConfig } from 'payload'

import { collectionAccess } from '../../access/payload-access'
import { GROUP, L, periodOptions } from './labels'

/**
 * The steps that lock a class's entries (Điều 12.2; TT27 Điều 13): a teacher's confirmation that
 * a checkpoint is entered for the class (one subject, or the qualities and competencies), and the
 * principal's approval of the class's year-end results. Written by their endpoints only; never
 * changed or deleted: a later change goes through a correction request.
 */
export const AssessmentConfirmations: CollectionConfig = {
  slug: 'assessment-confirmations',
  labels: {
    singular: { vi: 'Xác nhận / phê duyệt kết quả', en: 'Confirmation' },
    plural: { vi: 'Xác nhận và phê duyệt kết quả', en: 'Confirmations' },
  },
  admin: {
    defaultColumns: ['class', 'schoolYear', 'period', 'scope', 'kind', 'by', 'createdAt'],
    group: GROUP,
  },
  access: collectionAccess('assessment-confirmations'),
  defaultSort: '-createdAt',
  indexes: [{ fields: ['class', 'schoolYear', 'period', 'scope', 'kind'], unique: true }],
  fields: [
    {
      name: 'class',
      type: 'relationship',
      relationTo: 'groups',
      required: true,
      index: true,
      label: L.class,
    },
    { name: 'schoolYear', type: 'text', required: true, label: L.schoolYear },
    { name: 'period', type: 'select', options: periodOptions, required: true, label: L.period },
    {
      name: 'scope',
      type: 'text',
      required: true,
      label: { vi: 'Môn / phần', en: 'Scope' },
      admin: {
        description: {
          vi: 'Mã môn, "traits" (phẩm chất, năng lực) hoặc "year-end" (cả năm học).',
          en: 'A subject code, "traits" or "year-end".',
        },
      },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: [
        { value: 'confirmed', label: { vi: 'Giáo viên xác nhận', en: 'Confirmed by teacher' } },
        { value: 'approved', label: { vi: 'Hiệu trưởng phê duyệt', en: 'Approved by principal' } },
      ],
      label: { vi: 'Bước', en: 'Step' },
    },
    {
      name: 'by',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      label: { vi: 'Người thực hiện', en: 'By' },
    },
  ],
}
