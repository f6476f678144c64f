import {
  ARCHIVE_ENTRY_KIND_LABELS,
  ARCHIVE_ENTRY_KINDS,
  ARCHIVE_STATUS_LABELS,
  ARCHIVE_STATUSES,
  DOCUMENT_KIND_LABELS,
  DOCUMENT_KINDS,
  optionsOf,
} from '@school/shared'
import type { CollectionConfig } from 'payload'

import {
  collectionAccess,
  fieldReadAccess,
  hideUnreadableEmptyArrays,
} from '../../access/payload-access'
import { L, periodOptions } from '../assessment/labels'

/**
 * An entry of the school's electronic archive (Điều 13.2, 14.2): a school year's final
 * transcripts and summaries sent by the IT teacher and received by the clerk, or a summary the
 * teachers signed (Điều 13.1), filed by the clerk. Written by the archive's code only
 * (`documents/archive.ts`), which moves it forward (preparing → sent → received, or failed) and
 * never back; read-only forever once received. The checksums of its files are in `archive-files`.
 */
export const ArchiveEntries: CollectionConfig = {
  slug: 'archive-entries',
  labels: {
    singular: { vi: 'Hồ sơ lưu trữ', en: 'Archive entry' },
    plural: { vi: 'Lưu trữ điện tử', en: 'Electronic archive' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'schoolYear', 'kind', 'status', 'sentAt', 'receivedAt'],
    group: { vi: 'Học bạ và lưu trữ', en: 'Transcripts and archive' },
  },
  access: collectionAccess('archive-entries'),
  defaultSort: '-createdAt',
  hooks: { afterRead: [hideUnreadableEmptyArrays('archive-entries', ['files'])] },
  fields: [
    { name: 'title', type: 'text', required: true, label: { vi: 'Tên hồ sơ', en: 'Title' } },
    { name: 'schoolYear', type: 'text', required: true, index: true, label: L.schoolYear },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: optionsOf(ARCHIVE_ENTRY_KINDS, ARCHIVE_ENTRY_KIND_LABELS),
      label: { vi: 'Loại hồ sơ', en: 'Kind' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: optionsOf(ARCHIVE_STATUSES, ARCHIVE_STATUS_LABELS),
      label: { vi: 'Trạng thái', en: 'Status' },
    },
    {
      name: 'progress',
      type: 'group',
      label: { vi: 'Tiến độ (lớp)', en: 'Progress (classes)' },
      fields: [
        { name: 'done', type: 'number', defaultValue: 0, label: { vi: 'Đã xong', en: 'Done' } },
        { name: 'total', type: 'number', defaultValue: 0, label: { vi: 'Tổng', en: 'Total' } },
      ],
    },
    {
      name: 'failure',
      type: 'text',
      label: { vi: 'Lí do không hoàn thành', en: 'Why it failed' },
    },
    {
      name: 'files',
      type: 'array',
      label: { vi: 'Các tệp', en: 'Files' },
      access: fieldReadAccess('archive-entries', 'files'),
      fields: [
        {
          name: 'file',
          type: 'relationship',
          relationTo: 'archive-files',
          required: true,
          label: { vi: 'Tệp', en: 'File' },
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: optionsOf(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS),
          label: { vi: 'Loại tài liệu', en: 'Document' },
        },
        { name: 'class', type: 'relationship', relationTo: 'groups', label: L.class },
        { name: 'period', type: 'select', options: periodOptions, label: L.period },
      ],
    },
    {
      name: 'sentBy',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      label: { vi: 'Người gửi', en: 'Sent by' },
    },
    { name: 'sentAt', type: 'date', label: { vi: 'Thời điểm gửi', en: 'Sent at' } },
    {
      name: 'receivedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người nhận', en: 'Received by' },
    },
    { name: 'receivedAt', type: 'date', label: { vi: 'Thời điểm nhận', en: 'Received at' } },
  ],
}
