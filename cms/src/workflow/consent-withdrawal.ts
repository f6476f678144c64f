/**
 * A withdrawn consent takes the pupil off the website (Law 91/2025: processing based on consent
 * stops when it is withdrawn). Every published post that lists the pupil (named or pictured)
 * comes down through the workflow: an `unpublish` step with the reason, so the post's history
 * shows who and why, the site rebuilds, and the website's managers are emailed. New posts naming
 * the pupil are refused at publication by `./consent.ts`.
 */
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { OWN_CONSENT_AGE, ageOn } from '@school/shared'

import { takeDownAlbumsOf } from '../albums/consent-withdrawal'
import { localize } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import type { Post, Student } from '../payload-types'
import { applyTransition } from './apply'
import { notifyConsentTakedown } from './notify'

/** The reason every take-down step records. */
export const WITHDRAWAL_REASON = { vi: 'Rút lại sự đồng ý', en: 'Consent withdrawn' }

type Consent = Student['consent']

/** Whether a post may show the pupil with this consent on this day (the rule of `./consent.ts`). */
function allowsPosts(consent: Consent | undefined, dateOfBirth: string, on: Date): boolean {
  if (!consent?.guardian) return false
  return ageOn(dateOfBirth, on) < OWN_CONSENT_AGE || Boolean(consent.pupil)
}

/** Takes down the pupil's published posts (and albums); returns the posts it took down. */
export async function takeDownPostsOf(
  req: PayloadRequest,
  pupilId: number | string,
  source: string,
): Promise<Array<Pick<Post, 'id' | 'title'>>> {
  // Which posts list the pupil: the take-down is the school's duty whoever withdrew the
  // consent, so the lookup does not depend on who may open which post.
  const { docs } = await req.payload.find({
    collection: 'posts',
    where: { and: [{ pupils: { equals: pupilId } }, { _status: { equals: 'published' } }] },
    select: { title: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const comment = `${localize(req, WITHDRAWAL_REASON)} (${source})`
  const takenDown: Array<Pick<Post, 'id' | 'title'>> = []
  for (const post of docs) {
    await withFlag(req, 'consentWithdrawal', () =>
      applyTransition(
        req,
        { postId: post.id, action: 'unpublish', comment },
        { role: 'consentWithdrawal', fromLiveDocument: true },
      ),
    )
    takenDown.push({ id: post.id, title: post.title })
  }
  // Issue 15: the albums whose images show the pupil come down with the posts.
  await takeDownAlbumsOf(req, pupilId, comment)
  await notifyConsentTakedown(req.payload, req, takenDown)
  return takenDown
}

/**
 * After a pupil's record is saved: a consent that allowed posts and no longer does (a guardian's
 * withdrawal, the pupil's own from age 7) takes the pupil's posts down.
 */
export const takeDownPostsWhenConsentWithdrawn: CollectionAfterChangeHook<Student> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || !previousDoc) return doc
  const now = new Date()
  if (!allowsPosts(previousDoc.consent, previousDoc.dateOfBirth, now)) return doc
  if (allowsPosts(doc.consent, doc.dateOfBirth, now)) return doc
  await takeDownPostsOf(req, doc.id, localize(req, { vi: 'hồ sơ học sinh', en: "pupil's record" }))
  return doc
}
