import type { CollectionConfig } from 'payload'
import { NOTICE_KINDS, NOTICE_KIND_LABELS } from '@school/shared'

import { collectionAccess, fieldReadAccess } from '../access/payload-access'

/**
 * What the website shows of the school's data (Điều 17.4): one snapshot per page, written when a
 * timetable, a lunch menu, a test schedule, a disclosure or an album is published (publication/).
 * The site reads this collection only; the records it comes from stay staff-only.
 */
export const PublicNotices: CollectionConfig = {
  slug: 'public-notices',
  labels: {
    singular: { vi: 'Bản đăng website', en: 'Published notice' },
    plural: { vi: 'Bản đăng website', en: 'Published notices' },
  },
  admin: {
    group: { vi: 'Website', en: 'Website' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'schoolYear', 'changedAt', 'publishedAt'],
    description: {
      vi: 'Những gì website đang hiện từ dữ liệu của trường. Được ghi khi đăng, không sửa tay.',
      en: 'What the website shows of the school’s data. Written on publication, never by hand.',
    },
  },
  access: collectionAccess('public-notices'),
  defaultSort: '-publishedAt',
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      label: { vi: 'Loại', en: 'Kind' },
      options: NOTICE_KINDS.map((kind) => ({ value: kind, label: NOTICE_KIND_LABELS[kind] })),
    },
    { name: 'key', type: 'text', required: true, label: { vi: 'Mã', en: 'Key' } },
    // One page per kind and key: a second publication replaces the first.
    { name: 'noticeKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    { name: 'path', type: 'text', required: true, label: { vi: 'Địa chỉ trang', en: 'Page' } },
    { name: 'schoolYear', type: 'text', index: true, label: { vi: 'Năm học', en: 'School year' } },
    { name: 'data', type: 'json', required: true, label: { vi: 'Nội dung', en: 'Content' } },
    {
      name: 'changedAt',
      type: 'date',
      required: true,
      label: { vi: 'Cập nhật lần cuối', en: 'Last changed' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      required: true,
      label: { vi: 'Đăng lúc', en: 'Published at' },
    },
    {
      name: 'sourceCollection',
      type: 'text',
      index: true,
      access: fieldReadAccess('public-notices', 'sourceCollection'),
      admin: { hidden: true },
    },
    {
      name: 'sourceId',
      type: 'text',
      index: true,
      access: fieldReadAccess('public-notices', 'sourceId'),
      admin: { hidden: true },
    },
  ],
}
