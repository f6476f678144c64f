/**
 * What leadership approved is what goes live (Điều 17.3): a file or picture changed under a
 * record sent for approval, or approved, makes that record a draft again, as an edit of the
 * record itself does (fields.ts, the same APPROVAL_VOIDED). Only a change of what the public
 * would see counts (the file, its caption or title), not the server's own marks of where a file
 * is used.
 */
import type { CollectionAfterChangeHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { withFlag } from '../lib/request-flags'
import { APPROVAL_VOIDED } from './fields'

const CONTENT_OF_A_FILE = ['filename', 'filesize', 'mimeType', 'alt', 'title'] as const

async function backToDraft(req: PayloadRequest, collection: CollectionSlug, where: Where) {
  const { docs } = await req.payload.find({
    collection,
    where: { and: [where, { publicationStage: { in: ['submitted', 'approved'] } }] },
    limit: 0,
    pagination: false,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  await withFlag(req, 'publication', async () => {
    for (const doc of docs) {
      await req.payload.update({
        collection,
        id: doc.id,
        data: APPROVAL_VOIDED,
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })
    }
  })
}

/** The records (of `collection`, found by `pathToFile` = the file's id) that show this file. */
export function voidApprovalWhenFileChanges(
  collection: CollectionSlug,
  pathToFile: string,
): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update' || !previousDoc) return doc
    const changed = CONTENT_OF_A_FILE.some(
      (field) => (doc as Record<string, unknown>)[field] !== previousDoc[field],
    )
    if (changed) await backToDraft(req, collection, { [pathToFile]: { equals: doc.id } })
    return doc
  }
}
