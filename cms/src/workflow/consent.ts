/**
 * A post may name or picture pupils only with consent (Law 91/2025 on children's data): a
 * guardian's always, and from age 7 the pupil's own too. Checked when the post goes live.
 */
import type { PayloadRequest } from 'payload'
import { OWN_CONSENT_AGE, ageOn } from '@school/shared'

import { idOf } from '../lib/ids'
import type { Message } from '../lib/messages'
import type { Post } from '../payload-types'

/**
 * The pupils among `ids` whose consent does not allow them on the website on that day, each
 * with what is missing (also asked for the images of a photo album: albums/consent.ts).
 */
export async function pupilsLackingConsent(
  req: PayloadRequest,
  ids: Array<number | string>,
  on: Date = new Date(),
): Promise<Message[]> {
  if (ids.length === 0) return []
  // A system lookup: the publisher need not be able to open the pupils' records.
  const { docs } = await req.payload.find({
    collection: 'students',
    where: { id: { in: ids } },
    select: { fullName: true, dateOfBirth: true, consent: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.flatMap((pupil) => {
    if (!pupil.consent?.guardian)
      return [
        {
          vi: `${pupil.fullName} (chưa có đồng ý của cha mẹ)`,
          en: `${pupil.fullName} (no guardian consent)`,
        },
      ]
    if (ageOn(pupil.dateOfBirth, on) >= OWN_CONSENT_AGE && !pupil.consent?.pupil) {
      return [
        {
          vi: `${pupil.fullName} (từ ${OWN_CONSENT_AGE} tuổi, chưa có đồng ý của chính em)`,
          en: `${pupil.fullName} (aged ${OWN_CONSENT_AGE}+, no own consent)`,
        },
      ]
    }
    return []
  })
}

export async function consentProblems(
  req: PayloadRequest,
  post: Post,
  on: Date = new Date(),
): Promise<Message | null> {
  const ids = (post.pupils ?? []).map((pupil) => idOf(pupil)).filter((id) => id !== null)
  const lacking = await pupilsLackingConsent(req, ids, on)
  if (lacking.length === 0) return null
  return {
    vi: `Chưa đăng được: bài nêu tên, hình ảnh học sinh chưa có sự đồng ý cần thiết — ${lacking.map((l) => l.vi).join('; ')}. Hãy bỏ các em khỏi bài hoặc ghi nhận sự đồng ý trong hồ sơ học sinh.`,
    en: `Not published: the post names or pictures pupils without the needed consent — ${lacking.map((l) => l.en).join('; ')}. Remove them or record the consent in the pupil's record.`,
  }
}
