/**
 * Guards every collection's operations against requests that would otherwise reach the database
 * malformed and end as a 500: the answer is a 4xx with a message, and nothing is written.
 */
import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { userError } from '../lib/messages'
import { refuseDeletingWhatIsReferenced } from './deletionGuard'

function isWellFormedId(id: unknown, idType: 'number' | 'text'): boolean {
  if (idType === 'number') return /^\d+$/.test(String(id))
  // MongoDB ObjectIds: 24 hex characters.
  return /^[a-f0-9]{24}$/i.test(String(id))
}

/** `/api/users/abc` on SQLite reaches the database as NaN: an id that cannot exist is not found. */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (!isWellFormedId(id, req.payload.db.defaultIDType)) {
    throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
  }
  return args
}

/** A missing body, or a JSON body that is a string, a number or a list, is not a document. */
export const rejectNonObjectData: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return args
  throw userError(req, 400, {
    vi: 'Dữ liệu gửi lên phải là một đối tượng JSON, ví dụ {"fullName": "…"}.',
    en: 'The request body must be a JSON object, e.g. {"fullName": "…"}.',
  })
}

/**
 * `POST /api/users/versions/1` restores a version of a collection that keeps none: Payload reads
 * it from a table that does not exist and answers 500. (Reading versions reaches the hooks as
 * 'read', and `readVersions: nobody` already refuses it with a 403.)
 */
export const rejectVersionsOfUnversioned: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'restoreVersion' && operation !== 'countVersions') return args
  if (collection.versions) return args
  throw userError(req, 404, {
    vi: 'Mục này không lưu các phiên bản cũ: không có phiên bản nào để xem hay khôi phục.',
    en: 'This collection keeps no versions: there is none to read or restore.',
  })
}

/** Adds the guards to every collection, so no new collection can forget them. */
export function withRequestGuards(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        rejectVersionsOfUnversioned,
        rejectMalformedId,
        rejectNonObjectData,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
      beforeDelete: [refuseDeletingWhatIsReferenced, ...(collection.hooks?.beforeDelete ?? [])],
    },
  }))
}
