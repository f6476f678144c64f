/**
 * The groups a person belongs to (as member, head or homeroom teacher), looked up once per
 * request: access rules ask for them on every list, edit and workflow check.
 */
import type { PayloadRequest } from 'payload'

import type { Group, User } from '../payload-types'

const cache = new WeakMap<PayloadRequest, Map<User['id'], Promise<Group[]>>>()

export function groupsOf(req: PayloadRequest, userId: User['id']): Promise<Group[]> {
  let byUser = cache.get(req)
  if (!byUser) {
    byUser = new Map()
    cache.set(req, byUser)
  }
  let groups = byUser.get(userId)
  if (!groups) {
    groups = req.payload
      .find({
        collection: 'groups',
        where: {
          or: [
            { members: { equals: userId } },
            { head: { equals: userId } },
            { homeroomTeacher: { equals: userId } },
          ],
        },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      .then((result) => result.docs)
    byUser.set(userId, groups)
  }
  return groups
}
