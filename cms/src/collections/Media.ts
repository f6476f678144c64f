import path from 'node:path'
import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
} from 'payload'
import { MEDIA_TYPES } from '@school/shared'

import { authorize } from '../access/authorize'
import { fieldAccess, fieldReadAccess, collectionAccess } from '../access/payload-access'
import { mediaPolicy } from '../access/policy'
import { fileResponseHeaders } from '../media/file-headers'
import { refuseUnsafeStoredName, storeUnderDetectedType } from '../media/stored-type'
import { voidApprovalWhenFileChanges } from '../publication/approval-void'

const UPLOADED_BY_LABEL = { vi: 'Người tải lên', en: 'Uploaded by' }
const PUBLISHED_IN_LABEL = { vi: 'Dùng trong bài đã đăng', en: 'Used by published posts' }
const ON_SCHOOL_PROFILE_LABEL = {
  vi: 'Dùng trong trang Giới thiệu',
  en: 'Used by the About page',
}
const IN_ALBUMS_LABEL = { vi: 'Dùng trong album đã đăng', en: 'Used by published albums' }
const ON_WEBSITE_LABEL = { vi: 'Đang hiện trên website', en: 'Shown on the website' }

const LIVE_FILE_UNCHANGEABLE = {
  vi:
    'Ảnh / tệp này đang hiện trên website (trong bài đã đăng hoặc trang Giới thiệu) nên không ' +
    'sửa, thay hay xóa được. Muốn thay ảnh, hãy tải ảnh mới lên, tạo bản sửa của bài viết dùng ' +
    'ảnh mới và gửi duyệt; khi bản sửa được đăng, ảnh cũ sẽ sửa hoặc xóa được.',
  en:
    'This file is shown on the website (in a published post or the About page), so it cannot be ' +
    'edited, replaced or deleted. To change it, upload a new file, make a correction of the post ' +
    'using it and send it for review; once the correction is published, the old file can change.',
}

/** The server records who uploaded a file; an update keeps it. Nobody sends it (fieldWritePolicy). */
const recordUploader: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, uploadedBy: req.user?.id ?? data.uploadedBy }
  return { ...data, uploadedBy: originalDoc?.uploadedBy ?? null }
}

/**
 * A file on the website is as published: its alt text, its bytes and the file itself change
 * only through the workflow (a new post version with a new file). Asked before Payload's own
 * access check, so the refusal says how to do it; bulk changes are filtered by the policy.
 */
const keepLiveFilesUnchanged: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'update' && operation !== 'delete') return args
  const { id, overrideAccess } = args as { id?: number | string; overrideAccess?: boolean }
  if (overrideAccess || id === undefined) return args
  await authorize(req, mediaPolicy.changeable, LIVE_FILE_UNCHANGEABLE, { collection: 'media', id })
  return args
}

/**
 * Images and files of posts. An upload is stored under the type its bytes show (media/stored-
 * type.ts) and served as that type only (media/file-headers.ts); sharp makes the responsive sizes
 * once, at upload, in WebP, and the original stays as the fallback. Who reads a file depends on
 * whether published content shows it (media/public-use.ts keeps the marks).
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { vi: 'Ảnh / tệp', en: 'Media' },
    plural: { vi: 'Thư viện ảnh và tệp', en: 'Media' },
  },
  admin: {
    group: { vi: 'Website', en: 'Website' },
    defaultColumns: ['filename', 'alt', 'uploadedBy', 'onWebsite'],
  },
  access: collectionAccess('media'),
  hooks: {
    beforeOperation: [keepLiveFilesUnchanged, storeUnderDetectedType],
    beforeChange: [recordUploader, refuseUnsafeStoredName],
    afterChange: [voidApprovalWhenFileChanges('albums', 'images.image')],
  },
  upload: {
    staticDir: path.resolve(process.env.MEDIA_DIR || 'data/media'),
    mimeTypes: Object.keys(MEDIA_TYPES),
    modifyResponseHeaders: fileResponseHeaders,
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
      label: UPLOADED_BY_LABEL,
      access: {
        ...fieldAccess('media', 'uploadedBy', UPLOADED_BY_LABEL),
        ...fieldReadAccess('media', 'uploadedBy'),
      },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'onWebsite',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: ON_WEBSITE_LABEL,
      access: fieldAccess('media', 'onWebsite', ON_WEBSITE_LABEL, false),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'publishedIn',
      type: 'relationship',
      relationTo: 'posts',
      hasMany: true,
      label: PUBLISHED_IN_LABEL,
      access: {
        ...fieldAccess('media', 'publishedIn', PUBLISHED_IN_LABEL),
        ...fieldReadAccess('media', 'publishedIn'),
      },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'onSchoolProfile',
      type: 'checkbox',
      defaultValue: false,
      label: ON_SCHOOL_PROFILE_LABEL,
      access: fieldAccess('media', 'onSchoolProfile', ON_SCHOOL_PROFILE_LABEL, false),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // Issue 15: kept by the albums' publication (media/public-use.ts: markAlbumMedia).
      name: 'inAlbums',
      type: 'relationship',
      relationTo: 'albums',
      hasMany: true,
      label: IN_ALBUMS_LABEL,
      access: {
        ...fieldAccess('media', 'inAlbums', IN_ALBUMS_LABEL),
        ...fieldReadAccess('media', 'inAlbums'),
      },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
