import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess } from '../access/payload-access'

const recordUploader: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user) return { ...data, uploadedBy: req.user.id }
  return data
}

/**
 * Images and files of posts. sharp makes the responsive sizes once, at upload, in WebP; the
 * original stays as the fallback.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { vi: 'Ảnh / tệp', en: 'Media' },
    plural: { vi: 'Thư viện ảnh và tệp', en: 'Media' },
  },
  admin: {
    group: { vi: 'Website', en: 'Website' },
    defaultColumns: ['filename', 'alt', 'uploadedBy'],
  },
  access: collectionAccess('media'),
  hooks: { beforeChange: [recordUploader] },
  upload: {
    staticDir: path.resolve(process.env.MEDIA_DIR || 'data/media'),
    mimeTypes: ['image/*', 'application/pdf'],
    imageSizes: [
      {
        name: 'thumbnail',
        width: 400,
        formatOptions: { format: 'webp', options: { quality: 78 } },
      },
      { name: 'card', width: 800, formatOptions: { format: 'webp', options: { quality: 78 } } },
      { name: 'feature', width: 1280, formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
    adminThumbnail: 'thumbnail',
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      label: { vi: 'Mô tả ảnh (cho người khiếm thị)', en: 'Alternative text' },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người tải lên', en: 'Uploaded by' },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
