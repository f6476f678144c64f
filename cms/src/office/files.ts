/**
 * Where the office keeps the files of its registers (scans of documents, handling results):
 * folders of their own under OFFICE_DIR, never in `media` (the website's). A file is stored under
 * the type its bytes show, PDF or image only (media/stored-type.ts), served with that type only,
 * never sniffed, never cached by a shared computer's browser.
 */
import path from 'node:path'
import type { CollectionBeforeChangeHook, CollectionConfig, Endpoint } from 'payload'
import { MEDIA_TYPES } from '@school/shared'

import { PRIVATE_FILE_HEADERS } from '../lib/download'
import { userError } from '../lib/messages'
import { fileResponseHeaders } from '../media/file-headers'
import { refuseUnsafeStoredName, storeUnderDetectedType } from '../media/stored-type'

export function officeDirectory(slug: string): string {
  return path.resolve(process.env.OFFICE_DIR || 'data/office', slug)
}

function officeFileHeaders(args: { headers: Headers }): Headers {
  const headers = fileResponseHeaders(args)
  for (const [name, value] of Object.entries(PRIVATE_FILE_HEADERS)) headers.set(name, value)
  return headers
}

/** The upload settings of an office register: its own folder, the file optional. */
export function officeUpload(slug: string): CollectionConfig['upload'] {
  return {
    staticDir: officeDirectory(slug),
    filesRequiredOnCreate: false,
    mimeTypes: Object.keys(MEDIA_TYPES),
    modifyResponseHeaders: officeFileHeaders,
  }
}

/** A register's entry may have no file: only a stored file's name and type are checked. */
const refuseUnsafeOfficeFile: CollectionBeforeChangeHook = (args) => {
  const { filename } = args.data as { filename?: unknown }
  if (!args.originalDoc?.filename && (filename === undefined || filename === null)) return args.data
  return refuseUnsafeStoredName(args)
}

/** The hooks that keep a stored file's name and type those of its bytes. */
export const officeFileHooks = {
  beforeOperation: [storeUnderDetectedType],
  beforeChange: [refuseUnsafeOfficeFile],
}

/**
 * GET /api/<slug>/file/<name> in front of Payload's own: Payload answers 500 to a `?prefix=`
 * (these collections have no prefix field) and to a name with no file on the disk (when the
 * reader may read every record); a reader's bad URL gets 400 or 404 instead. Access is still
 * Payload's own check, run by the built-in handler this one hands the request to.
 */
export function officeFileEndpoint(slug: string): Endpoint {
  const endpoint: Endpoint = {
    path: '/file/:filename',
    method: 'get',
    handler: async (req) => {
      if (req.searchParams?.has('prefix')) {
        throw userError(req, 400, {
          vi: 'Đường dẫn tệp không hợp lệ.',
          en: 'Invalid file address.',
        })
      }
      const endpoints = req.payload.config.collections.find(
        (collection) => collection.slug === slug,
      )?.endpoints
      const builtIn = (endpoints || []).find(
        (candidate: Endpoint) =>
          candidate !== endpoint &&
          candidate.path === '/file/:filename' &&
          candidate.method === 'get',
      )
      if (!builtIn) throw userError(req, 404, { vi: 'Không tìm thấy tệp.', en: 'No such file.' })
      const response = await builtIn.handler(req)
      if (response.status === 500)
        throw userError(req, 404, { vi: 'Không tìm thấy tệp.', en: 'No such file.' })
      return response
    },
  }
  return endpoint
}
