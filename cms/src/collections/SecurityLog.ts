import type { CollectionConfig } from 'payload'
import { SECURITY_EVENT_LABELS, SECURITY_EVENTS, optionsOf } from '@school/shared'

import { collectionAccess } from '../access/payload-access'

/**
 * Logins, failures, lockouts, unlocks, password and role changes and refused requests (ASVS
 * V16): who, when, from where. Written by the server only (`auth/security-log.ts`); the principal
 * reads it; nobody edits or deletes an entry. People are kept as text, never as a link: a deleted
 * account leaves its entries naming it, and no entry stops an account from being deleted.
 */
export const SecurityLog: CollectionConfig = {
  slug: 'security-log',
  labels: {
    singular: { vi: 'Nhật ký an ninh', en: 'Security log entry' },
    plural: { vi: 'Nhật ký an ninh', en: 'Security log' },
  },
  admin: {
    group: { vi: 'Nhà trường', en: 'School' },
    defaultColumns: [
      'createdAt',
      'event',
      'actorName',
      'targetEmail',
      'clientAddress',
      'path',
      'detail',
      'count',
    ],
    useAsTitle: 'event',
    description: {
      vi:
        'Đăng nhập, đăng nhập sai, khóa và mở khóa tài khoản, đổi mật khẩu, đổi vai trò và các ' +
        'yêu cầu bị từ chối: ai, lúc nào, từ địa chỉ nào. Không ai sửa hay xóa được.',
      en:
        'Logins, failed logins, lockouts and unlocks, password and role changes and refused ' +
        'requests: who, when, from where. Nobody can edit or delete an entry.',
    },
  },
  access: collectionAccess('security-log'),
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'event',
      type: 'select',
      required: true,
      index: true,
      options: optionsOf(SECURITY_EVENTS, SECURITY_EVENT_LABELS),
      label: { vi: 'Sự kiện', en: 'Event' },
    },
    {
      name: 'actorUserId',
      type: 'text',
      index: true,
      label: { vi: 'Mã người thực hiện', en: 'Actor id' },
      admin: {
        description: { vi: 'Trống: chưa đăng nhập.', en: 'Empty: nobody logged in.' },
      },
    },
    { name: 'actorName', type: 'text', label: { vi: 'Người thực hiện', en: 'Actor' } },
    { name: 'actorEmail', type: 'text', label: { vi: 'Email người thực hiện', en: 'Actor email' } },
    {
      name: 'targetUserId',
      type: 'text',
      index: true,
      label: { vi: 'Mã tài khoản liên quan', en: 'Account id' },
      admin: {
        description: {
          vi: 'Trống: không có tài khoản nào mang email này.',
          en: 'Empty: no account has this email.',
        },
      },
    },
    {
      name: 'targetEmail',
      type: 'text',
      index: true,
      label: { vi: 'Email tài khoản liên quan', en: 'Account email' },
      admin: {
        description: {
          vi: 'Với đăng nhập sai: email đã được thử (không bao giờ ghi mật khẩu).',
          en: 'For a failed login: the email tried (the password is never kept).',
        },
      },
    },
    {
      name: 'clientAddress',
      type: 'text',
      index: true,
      label: { vi: 'Địa chỉ IP', en: 'Client address' },
    },
    { name: 'userAgent', type: 'text', label: { vi: 'Trình duyệt', en: 'User agent' } },
    { name: 'method', type: 'text', label: { vi: 'Phương thức', en: 'Method' } },
    { name: 'path', type: 'text', label: { vi: 'Đường dẫn', en: 'Path' } },
    {
      name: 'collection',
      type: 'text',
      label: { vi: 'Mục dữ liệu', en: 'Collection' },
    },
    { name: 'status', type: 'number', label: { vi: 'Mã trả lời', en: 'Status' } },
    { name: 'detail', type: 'text', label: { vi: 'Chi tiết', en: 'Detail' } },
    {
      name: 'count',
      type: 'number',
      defaultValue: 1,
      label: { vi: 'Số lần', en: 'Times' },
      admin: {
        description: {
          vi: 'Lớn hơn 1: bản ghi tóm tắt các lần giống nhau từ một địa chỉ trong một phút.',
          en: 'Above 1: one entry summarising like events from one address within a minute.',
        },
      },
    },
  ],
}
