import type { CollectionBeforeChangeHook } from 'payload'

import { groupsOf } from '../../../access/groups-of'
import { defaultOwnerGroup } from '../../../access/predicates'

/**
 * The server records who made a post (`createdBy`, kept for good on every later save). A new post
 * is written by its creator and belongs to the creator's group, unless the request says
 * otherwise (`ownerGroup: null` means the whole school); who may set those is `fieldWritePolicy`.
 */
export const assignOwnership: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'create') return { ...data, createdBy: originalDoc?.createdBy ?? null }
  if (!req.user) return data
  const next: Record<string, unknown> = { ...data, createdBy: req.user.id }
  if (!Array.isArray(next.authors) || next.authors.length === 0) next.authors = [req.user.id]
  if (next.ownerGroup === undefined) {
    const groups = await groupsOf(req, req.user.id)
    const preferred = defaultOwnerGroup(groups)
    next.ownerGroup = preferred?.id ?? null
  }
  return next
}
