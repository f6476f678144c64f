import type { CollectionConfig } from 'payload'
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, RECORD_COLLECTIONS, optionsOf } from '@school/shared'

import { collectionAccess } from '../access/payload-access'

const COLLECTION_LABELS = {
  students: { vi: 'Học sinh', en: 'Pupils' },
  'health-checkups': { vi: 'Khám sức khỏe', en: 'Health check-ups' },
  'staff-profiles': { vi: 'Hồ sơ cán bộ', en: 'Staff profiles' },
}

/**
 * Who read or changed which record, and which fields (never their values). Written by
 * `audit/hooks` only; the principal reads it; nobody edits or deletes an entry.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { vi: 'Nhật ký truy cập hồ sơ', en: 'Audit entry' },
    plural: { vi: 'Nhật ký truy cập hồ sơ', en: 'Audit log' },
  },
  admin: {
    group: { vi: 'Hồ sơ', en: 'Records' },
    defaultColumns: ['createdAt', 'actor', 'action', 'collection', 'docId', 'fields', 'count'],
    useAsTitle: 'action',
    description: {
      vi: 'Mỗi lần xem hồ sơ học sinh và mỗi thay đổi hồ sơ. Chỉ ghi tên trường đã đổi, không ghi giá trị.',
      en: 'Every view of a pupil record and every change of a record. Field names only, never values.',
    },
  },
  access: collectionAccess('audit-log'),
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { vi: 'Người thực hiện', en: 'Actor' },
      admin: { description: { vi: 'Trống: hệ thống.', en: 'Empty: the system.' } },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: optionsOf(AUDIT_ACTIONS, AUDIT_ACTION_LABELS),
      label: { vi: 'Thao tác', en: 'Action' },
    },
    {
      name: 'collection',
      type: 'select',
      required: true,
      index: true,
      options: RECORD_COLLECTIONS.map((slug) => ({ value: slug, label: COLLECTION_LABELS[slug] })),
      label: { vi: 'Loại hồ sơ', en: 'Records' },
    },
    {
      name: 'docId',
      type: 'text',
      index: true,
      label: { vi: 'Mã bản ghi', en: 'Record id' },
      admin: { description: { vi: 'Trống: xem danh sách.', en: 'Empty: a list was read.' } },
    },
    {
      name: 'fields',
      type: 'text',
      hasMany: true,
      label: { vi: 'Trường đã đổi', en: 'Changed fields' },
    },
    {
      name: 'count',
      type: 'number',
      label: { vi: 'Số bản ghi trong danh sách', en: 'Records listed' },
    },
  ],
}
