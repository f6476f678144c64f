import { createHash } from 'node:crypto'
import path from 'node:path'
import { DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, optionsOf } from '@school/shared'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { fieldAccess } from '../../access/payload-access'
import { collectionAccess } from '../../access/payload-access'
import { recordArchiveDownload } from '../../documents/archive-audit'
import { PRIVATE_FILE_HEADERS } from '../../lib/download'
import { userError } from '../../lib/messages'
import { fileResponseHeaders } from '../../media/file-headers'
import { L, periodOptions } from '../assessment/labels'

/** Where the archive keeps its files: outside any public folder, beside the database. */
export function archiveDirectory(): string {
  return path.resolve(process.env.ARCHIVE_DIR || 'data/archive')
}

/**
 * The file headers of the media (type kept, never sniffed, nothing runs), and those of every file
 * of pupils' records: no shared cache nor the browser's keeps a transcript (a shared computer).
 */
function archiveFileHeaders(args: { headers: Headers }): Headers {
  const headers = fileResponseHeaders(args)
  for (const [name, value] of Object.entries(PRIVATE_FILE_HEADERS)) headers.set(name, value)
  return headers
}

const SHA256_LABEL = { vi: 'Mã kiểm tra SHA-256', en: 'SHA-256' }
const SIZE_LABEL = { vi: 'Dung lượng (byte)', en: 'Size (bytes)' }

/**
 * The checksum and size are of the bytes the server stores, computed here from the upload
 * itself: nobody sends them (fieldWritePolicy), and a file is never replaced afterwards.
 */
const sealUploadedBytes: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const bytes = req.file?.data
  if (!bytes || bytes.length === 0) {
    throw userError(req, 400, { vi: 'Chưa có tệp để lưu trữ.', en: 'No file to archive.' })
  }
  return {
    ...data,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    byteSize: bytes.length,
  }
}

/**
 * A file of the school's electronic archive (Điều 13.2, 14.2): a final transcript or summary of a
 * class, or a summary the teachers signed on paper, scanned (Điều 13.1). Filed by the archive's
 * code only (`documents/archive.ts`), never changed or deleted; its bytes are served only to the
 * archive's readers, and each download is logged as an export of pupil data.
 */
export const ArchiveFiles: CollectionConfig = {
  slug: 'archive-files',
  labels: {
    singular: { vi: 'Tệp lưu trữ', en: 'Archived file' },
    plural: { vi: 'Tệp lưu trữ', en: 'Archived files' },
  },
  admin: {
    defaultColumns: ['filename', 'kind', 'class', 'schoolYear', 'sha256'],
    group: { vi: 'Học bạ và lưu trữ', en: 'Transcripts and archive' },
  },
  access: collectionAccess('archive-files'),
  defaultSort: '-createdAt',
  hooks: { beforeChange: [sealUploadedBytes] },
  upload: {
    staticDir: archiveDirectory(),
    mimeTypes: [
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    modifyResponseHeaders: archiveFileHeaders,
    handlers: [recordArchiveDownload],
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: optionsOf(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS),
      label: { vi: 'Loại tài liệu', en: 'Document' },
    },
    { name: 'schoolYear', type: 'text', required: true, index: true, label: L.schoolYear },
    { name: 'class', type: 'relationship', relationTo: 'groups', label: L.class },
    { name: 'period', type: 'select', options: periodOptions, label: L.period },
    {
      name: 'sha256',
      type: 'text',
      label: SHA256_LABEL,
      access: fieldAccess('archive-files', 'sha256', SHA256_LABEL),
      admin: { readOnly: true },
    },
    {
      name: 'byteSize',
      type: 'number',
      label: SIZE_LABEL,
      access: fieldAccess('archive-files', 'byteSize', SIZE_LABEL),
      admin: { readOnly: true },
    },
  ],
}
