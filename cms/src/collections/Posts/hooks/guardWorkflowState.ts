import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  PayloadRequest,
} from 'payload'
import { IN_REVIEW_STAGES, STAGE_LABELS, type Stage } from '@school/shared'

import { userError } from '../../../lib/messages'
import { oneAtATime } from '../../../lib/one-at-a-time'
import { hasFlag } from '../../../lib/request-flags'

/** The workflow's stage lives in the newest version: a live post may have a newer draft in review. */
async function latestStage(req: PayloadRequest, id: number | string): Promise<Stage | null> {
  const latest = await req.payload.findByID({
    collection: 'posts',
    id,
    draft: true,
    depth: 0,
    select: { stage: true },
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  return (latest?.stage as Stage | undefined) ?? null
}

/** A post in the reviewers' hands is not edited until it is sent back or published. */
const inReview = (req: PayloadRequest, stage: Stage) =>
  userError(req, 409, {
    vi: `Bài viết đang ở bước "${STAGE_LABELS[stage].vi}": không sửa được cho đến khi được trả lại hoặc đăng.`,
    en: `The post is at "${STAGE_LABELS[stage].en}": it cannot be edited until it is sent back or published.`,
  })

/**
 * Before any access check, an edit of one post is refused with the reason: a post in the
 * reviewers' hands cannot be edited (409); a save without `?draft=true` would write the live
 * version of a post on the website, which only the workflow does (403).
 */
export const guardPostUpdate: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  // An erasure request removes the pupil from posts in any stage (Law 91/2025; data-rights).
  if (operation !== 'update' || hasFlag(req, 'workflow') || hasFlag(req, 'dataErasure')) return args
  const { draft, id } = args as { draft?: boolean; id?: number | string }
  const refuseLiveWrite = () =>
    userError(req, 403, {
      vi: 'Bài đã đăng chỉ được sửa bằng bản nháp mới (lưu nháp) rồi gửi duyệt lại; gỡ bài do Quản trị Website làm.',
      en: 'A published post is corrected through a new draft that is reviewed again; the web admin unpublishes.',
    })
  if (id === undefined) {
    if (!draft) throw refuseLiveWrite()
    return args
  }
  const stage = await latestStage(req, id)
  if (stage && IN_REVIEW_STAGES.includes(stage)) throw inReview(req, stage)
  if (!draft) {
    const live = await req.payload.findByID({
      collection: 'posts',
      id,
      depth: 0,
      select: { _status: true },
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    if (live?._status === 'published') throw refuseLiveWrite()
  }
  return args
}

/**
 * Only the workflow moves a post (POST /api/posts/:id/workflow). A plain create or update keeps
 * the post a draft and cannot publish it. Editing a published post starts a new draft; the
 * published version stays live.
 */
export const guardWorkflowState: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (hasFlag(req, 'workflow')) return data
  if (data._status === 'published') {
    throw userError(req, 403, {
      vi: 'Bài viết chỉ được đăng qua quy trình duyệt: lưu bản nháp (?draft=true) rồi gửi thẩm định.',
      en: 'Posts are published only through the review workflow: save a draft (?draft=true) and submit it.',
    })
  }
  if (operation === 'create' || !originalDoc?.id) return { ...data, stage: 'draft' }
  // The stage as it is now, not as it was when this save began: an autosave racing a workflow
  // step (the writer handing the post in) wrote back the stage it had read, and the post fell
  // back to draft while its history said submitted. A step under way finishes first.
  const id = originalDoc.id as number | string
  const stage = await oneAtATime(`posts:${String(id)}`, () => latestStage(req, id))
  if (stage === 'published') return { ...data, stage: 'draft', returnComment: null }
  if (stage && IN_REVIEW_STAGES.includes(stage)) throw inReview(req, stage)
  return stage ? { ...data, stage } : data
}
