import type { CollectionBeforeOperationHook, CollectionConfig } from 'payload'

import { userError } from '../lib/messages'

function isWellFormedId(id: unknown, idType: 'number' | 'text'): boolean {
  if (idType === 'number') return /^\d+$/.test(String(id))
  // MongoDB ObjectIds: 24 hex characters.
  return /^[a-f0-9]{24}$/i.test(String(id))
}

/**
 * `/api/users/abc` on SQLite reaches the database as NaN and fails with a 500. An id that cannot
 * exist is simply not found.
 */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (!isWellFormedId(id, req.payload.db.defaultIDType)) {
    throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
  }
  return args
}

/** Adds the id guard to every collection, so no new collection can forget it. */
export function withIdGuard(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [rejectMalformedId, ...(collection.hooks?.beforeOperation ?? [])],
    },
  }))
}
