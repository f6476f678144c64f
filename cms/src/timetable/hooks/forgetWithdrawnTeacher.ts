/**
 * A teacher who withdraws their consent to appear on the website (or whose account goes) is no
 * longer named on the live timetables: the published snapshots froze the names they had agreed
 * to. Their lessons keep the subject and the room, as for a teacher who never agreed. Matching
 * is by the name the page shows, so a namesake who agreed loses the name on those lessons too:
 * the safe side.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import type { PublicTimetableData } from '@school/shared'

import { withFlag } from '../../lib/request-flags'
import type { User } from '../../payload-types'
import { requestSiteBuild } from '../../site-build/runner'

async function forgetOnLiveTimetables(req: PayloadRequest, names: string[]): Promise<void> {
  const forgotten = new Set(names.filter(Boolean))
  if (forgotten.size === 0) return
  const { docs } = await req.payload.find({
    collection: 'public-notices',
    where: { kind: { equals: 'timetable' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  let changed = 0
  await withFlag(req, 'publication', async () => {
    for (const notice of docs) {
      const data = notice.data as unknown as PublicTimetableData
      if (!data.lessons?.some((lesson) => lesson.teacher && forgotten.has(lesson.teacher))) continue
      const lessons = data.lessons.map((lesson) =>
        lesson.teacher && forgotten.has(lesson.teacher) ? { ...lesson, teacher: null } : lesson,
      )
      await req.payload.update({
        collection: 'public-notices',
        id: notice.id,
        data: { data: { ...data, lessons } as unknown as Record<string, unknown> },
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })
      changed += 1
    }
  })
  if (changed > 0) requestSiteBuild(req.payload, 'timetable: a teacher withdrew consent')
}

export const forgetTeacherWhenConsentWithdrawn: CollectionAfterChangeHook<User> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'update' && previousDoc?.websiteConsent && !doc.websiteConsent)
    await forgetOnLiveTimetables(req, [previousDoc.fullName, doc.fullName])
  return doc
}

export const forgetTeacherWhenAccountDeleted: CollectionAfterDeleteHook<User> = async ({
  doc,
  req,
}) => {
  if (doc.websiteConsent) await forgetOnLiveTimetables(req, [doc.fullName])
  return doc
}
