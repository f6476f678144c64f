import type { CollectionBeforeChangeHook } from 'payload'

import { groupsOf } from '../../../access/groups-of'
import type { Group } from '../../../payload-types'

/** A writer's own group, in the order a post most likely belongs to it. */
const PREFERENCE: Group['kind'][] = ['professional', 'class', 'organisation', 'editorial_board']

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
    const preferred = [...groups].sort(
      (a, b) => PREFERENCE.indexOf(a.kind) - PREFERENCE.indexOf(b.kind),
    )[0]
    next.ownerGroup = preferred?.id ?? null
  }
  return next
}
