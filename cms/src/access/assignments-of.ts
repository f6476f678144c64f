/**
 * The teaching assignments of a person (phân công giảng dạy), looked up once per request: the
 * assessment rules ask for them on every grid, list and save.
 */
import type { PayloadRequest } from 'payload'

import type { TeachingAssignment, User } from '../payload-types'

const cache = new WeakMap<PayloadRequest, Map<string, Promise<TeachingAssignment[]>>>()

/** Assignments of one school year, or of every year when `schoolYear` is null. */
export function assignmentsOf(
  req: PayloadRequest,
  userId: User['id'],
  schoolYear: string | null,
): Promise<TeachingAssignment[]> {
  let byKey = cache.get(req)
  if (!byKey) {
    byKey = new Map()
    cache.set(req, byKey)
  }
  const key = `${userId}|${schoolYear ?? '*'}`
  let found = byKey.get(key)
  if (!found) {
    found = req.payload
      .find({
        collection: 'teaching-assignments',
        where: {
          and: [
            { teacher: { equals: userId } },
            ...(schoolYear ? [{ schoolYear: { equals: schoolYear } }] : []),
          ],
        },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      .then((result) => result.docs)
    byKey.set(key, found)
  }
  return found
}
