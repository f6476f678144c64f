import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess, fieldAccess, fieldReadAccess } from '../../access/payload-access'
import { userError } from '../../lib/messages'
import { fileResponseHeaders } from '../../media/file-headers'
import { refuseUnsafeStoredName, storeUnderDetectedType } from '../../media/stored-type'
import { officeDirectory } from '../../office/files'
import { voidApprovalWhenFileChanges } from '../../publication/approval-void'

const ON_WEBSITE = { vi: 'Đang hiện trên website', en: 'Shown on the website' }
const PUBLISHED_IN = { vi: 'Trong mục công khai đã đăng', en: 'In published disclosures' }

/** Only PDFs: a disclosure's documents are signed papers, scanned or exported, never pages. */
const onlyPdf: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const mimeType = (data as { mimeType?: unknown }).mimeType ?? originalDoc?.mimeType
  if (mimeType !== 'application/pdf') {
    throw userError(req, 400, {
      vi: 'Tài liệu công khai phải là tệp PDF.',
      en: 'A disclosure document must be a PDF file.',
    })
  }
  return data
}

/**
 * The PDF documents of the public disclosures (Thông tư 09/2024/TT-BGDĐT), apart from the posts'
 * media: they are public exactly while a published disclosure lists them (disclosure/files.ts
 * keeps the mark), and private again when it comes down.
 */
export const DisclosureFiles: CollectionConfig = {
  slug: 'disclosure-files',
  labels: {
    singular: { vi: 'Tài liệu công khai', en: 'Disclosure document' },
    plural: { vi: 'Tài liệu công khai', en: 'Disclosure documents' },
  },
  admin: {
    group: { vi: 'Công khai', en: 'Public disclosure' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'filename', 'onWebsite'],
  },
  access: collectionAccess('disclosure-files'),
  hooks: {
    beforeOperation: [storeUnderDetectedType],
    beforeChange: [refuseUnsafeStoredName, onlyPdf],
    afterChange: [voidApprovalWhenFileChanges('disclosures', 'documents.file')],
  },
  upload: {
    // Beside the office's files (in the backups), not in `media`: their own access, own marks.
    staticDir: officeDirectory('disclosure-files'),
    mimeTypes: ['application/pdf'],
    modifyResponseHeaders: fileResponseHeaders,
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 300,
      label: { vi: 'Tên tài liệu', en: 'Title' },
    },
    {
      name: 'onWebsite',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: ON_WEBSITE,
      access: fieldAccess('disclosure-files', 'onWebsite', ON_WEBSITE, false),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'publishedIn',
      type: 'relationship',
      relationTo: 'disclosures',
      hasMany: true,
      label: PUBLISHED_IN,
      access: {
        ...fieldAccess('disclosure-files', 'publishedIn', PUBLISHED_IN),
        ...fieldReadAccess('disclosure-files', 'publishedIn'),
      },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
