import type { CollectionConfig } from 'payload'
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_OUTCOME_LABELS,
  AUDIT_OUTCOMES,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  RECORD_COLLECTIONS,
  optionsOf,
} from '@school/shared'

import { collectionAccess } from '../access/payload-access'

const COLLECTION_LABELS = {
  students: { vi: 'Học sinh', en: 'Pupils' },
  'health-checkups': { vi: 'Khám sức khỏe', en: 'Health check-ups' },
  'staff-profiles': { vi: 'Hồ sơ cán bộ', en: 'Staff profiles' },
  assessments: { vi: 'Kết quả môn học', en: 'Subject assessments' },
  'trait-assessments': { vi: 'Phẩm chất, năng lực', en: 'Qualities and competencies' },
  'year-end-results': { vi: 'Kết quả cuối năm', en: 'Year-end results' },
  attendance: { vi: 'Điểm danh', en: 'Attendance' },
  'data-requests': { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Data requests' },
  'data-breaches': { vi: 'Sự cố dữ liệu cá nhân', en: 'Data breaches' },
}

/**
 * Who read or changed which record, and which fields (never their values). Written by
 * `audit/hooks` only; the principal reads it; nobody edits or deletes an entry (the server only
 * confirms a deletion's entry once the record is gone). The actor is kept as text: an account
 * deleted later leaves its entries naming it.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { vi: 'Nhật ký truy cập hồ sơ', en: 'Audit entry' },
    plural: { vi: 'Nhật ký truy cập hồ sơ', en: 'Audit log' },
  },
  admin: {
    group: { vi: 'Hồ sơ', en: 'Records' },
    defaultColumns: [
      'createdAt',
      'actorName',
      'action',
      'outcome',
      'collection',
      'docId',
      'fields',
      'count',
      'document',
    ],
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
      name: 'actorUserId',
      type: 'text',
      index: true,
      label: { vi: 'Mã người thực hiện', en: 'Actor id' },
      admin: { description: { vi: 'Trống: hệ thống.', en: 'Empty: the system.' } },
    },
    {
      name: 'actorName',
      type: 'text',
      label: { vi: 'Người thực hiện', en: 'Actor' },
    },
    {
      name: 'actorEmail',
      type: 'text',
      label: { vi: 'Email người thực hiện', en: 'Actor email' },
    },
    {
      // A link to the account while it exists; the database empties it when the account is
      // deleted, and the three fields above still say who acted.
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: { vi: 'Tài khoản', en: 'Account' },
      admin: {
        description: {
          vi: 'Trống: hệ thống, hoặc tài khoản đã bị xóa (xem các trường trên).',
          en: 'Empty: the system, or an account since deleted (see the fields above).',
        },
      },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: optionsOf(AUDIT_ACTIONS, AUDIT_ACTION_LABELS),
      label: { vi: 'Thao tác', en: 'Action' },
    },
    {
      name: 'outcome',
      type: 'select',
      defaultValue: 'done',
      options: optionsOf(AUDIT_OUTCOMES, AUDIT_OUTCOME_LABELS),
      label: { vi: 'Kết quả', en: 'Outcome' },
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
      name: 'docIds',
      type: 'text',
      hasMany: true,
      index: true,
      label: { vi: 'Mã các bản ghi trong danh sách', en: 'Records listed (ids)' },
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
    {
      name: 'document',
      type: 'select',
      options: optionsOf(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS),
      label: { vi: 'Tài liệu xuất', en: 'Document exported' },
    },
    {
      name: 'detail',
      type: 'text',
      label: { vi: 'Của', en: 'Of' },
      admin: { description: { vi: 'Lớp, năm học, kì.', en: 'Class, school year, checkpoint.' } },
    },
  ],
}
