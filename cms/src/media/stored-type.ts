/**
 * An upload is stored under the type its bytes show, never the name or type its sender gave:
 * a PNG with a page appended, sent as `a.HTML`, `a.html.` or `a.htm `, is kept as `a.png`, typed
 * `image/png`, and can only ever be served as an image (issue 10, hole 1). What is not a raster
 * image or a PDF is refused; SVG too, since it can carry scripts.
 */
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import type { CollectionBeforeChangeHook, CollectionBeforeOperationHook } from 'payload'
import { MEDIA_TYPES, isMediaType, mediaFileName } from '@school/shared'

import { userError } from '../lib/messages'

const ACCEPTED = Object.values(MEDIA_TYPES)
  .map((extension) => extension.toUpperCase())
  .join(', ')

function refused(name: string) {
  return {
    vi:
      `Tệp "${name}" không được nhận: chỉ nhận ảnh hoặc tài liệu ${ACCEPTED}. ` +
      'Loại tệp được xác định theo nội dung tệp, không theo tên tệp.',
    en:
      `The file "${name}" is not accepted: only ${ACCEPTED} images or documents are. ` +
      "A file's type is read from its content, not from its name.",
  }
}

/** Renames and retypes the incoming file from its content before Payload stores it. */
export const storeUnderDetectedType: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args
  const detected = file.tempFilePath
    ? await fileTypeFromFile(file.tempFilePath)
    : await fileTypeFromBuffer(file.data)
  if (!isMediaType(detected?.mime)) throw userError(req, 400, refused(file.name))
  req.file = { ...file, name: mediaFileName(file.name, detected.mime), mimetype: detected.mime }
  return args
}

/**
 * The last word before anything is written: the stored name ends with the extension of the
 * stored type, and that type is one the school accepts. Covers files Payload fetches itself (an
 * upload by URL), which never pass through `req.file`.
 */
export const refuseUnsafeStoredName: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const { filename, mimeType } = data as { filename?: unknown; mimeType?: unknown }
  // A save that keeps the stored file (a new alt text) has nothing new to check.
  if (originalDoc && (filename === undefined || filename === originalDoc.filename)) return data
  const safe =
    typeof filename === 'string' &&
    isMediaType(mimeType) &&
    filename === mediaFileName(filename, mimeType)
  if (!safe) throw userError(req, 400, refused(String(filename ?? '')))
  return data
}
