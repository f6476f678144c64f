/**
 * Moves a post one step: checks the action, the stage and the policy, writes the post with its
 * new stage (and Payload's `_status` when it goes live or comes down), and appends the step to
 * `workflow-events`, all in one transaction.
 */
import type { PayloadRequest } from 'payload'
import {
  ACTION_LABELS,
  STAGE_LABELS,
  WORKFLOW_ACTIONS,
  formatDateTimeVi,
  isWorkflowAction,
  type Stage,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { workflowPolicy, type WorkflowRole } from '../access/policy'
import { localize, userError } from '../lib/messages'
import { oneAtATime } from '../lib/one-at-a-time'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import type { Post, User } from '../payload-types'
import { syncAssignment } from './assignments'
import { consentProblems } from './consent'
import { loadPostContext } from './context'
import { notifyStep } from './notify'
import {
  prepareSiteBuildWhenApproved,
  rebuildSiteWhenPostGoesLiveOrDown,
} from '../site-build/hooks'
import { missingForPublication } from './requirements'
import { actionsFrom, transitionFor } from './transitions'

export interface TransitionRequest {
  postId: number | string
  action: unknown
  comment?: unknown
  publishAt?: unknown
}

/** The queue the CMS process runs by itself for scheduled publication. */
export const SCHEDULED_PUBLICATION_QUEUE = 'scheduled-publication'

function parseInput(req: PayloadRequest, input: TransitionRequest) {
  if (!isWorkflowAction(input.action)) {
    throw userError(req, 400, {
      vi: `Thao tác không hợp lệ. Các thao tác: ${WORKFLOW_ACTIONS.join(', ')}.`,
      en: `Unknown action. Actions: ${WORKFLOW_ACTIONS.join(', ')}.`,
    })
  }
  if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string') {
    throw userError(req, 400, {
      vi: 'Ý kiến phải là một đoạn văn bản.',
      en: 'The comment must be text.',
    })
  }
  const comment = typeof input.comment === 'string' ? input.comment.trim() : ''
  if (input.action === 'return' && comment === '') {
    throw userError(req, 400, {
      vi: 'Khi trả lại bài cần ghi ý kiến để người viết biết cần sửa gì.',
      en: 'Sending a post back needs a comment telling the writer what to change.',
    })
  }
  let publishAt: Date | null = null
  if (input.publishAt !== undefined && input.publishAt !== null && input.publishAt !== '') {
    publishAt = typeof input.publishAt === 'string' ? new Date(input.publishAt) : new Date(NaN)
    if (Number.isNaN(publishAt.getTime())) {
      throw userError(req, 400, {
        vi: 'Thời điểm hẹn đăng không hợp lệ (cần dạng ISO, ví dụ 2026-12-01T07:00:00+07:00).',
        en: 'Invalid publishAt (an ISO date, e.g. 2026-12-01T07:00:00+07:00).',
      })
    }
    if (input.action !== 'publish') {
      throw userError(req, 400, {
        vi: 'Chỉ thao tác "publish" mới hẹn giờ đăng được.',
        en: 'Only "publish" takes publishAt.',
      })
    }
  }
  return { action: input.action, comment, publishAt }
}

/**
 * One step at a time per post: the stage read here is still the post's stage when the step is
 * written (see lib/one-at-a-time). A second step sent meanwhile then finds the post moved on and
 * is refused with 409, as when it comes later.
 */
export async function applyTransition(
  req: PayloadRequest,
  input: TransitionRequest,
  /**
   * Server code only: take the step under another of `workflowPolicy`'s rules than the
   * transition's own (a withdrawn consent's take-down: `consentWithdrawal`).
   */
  options: { role?: WorkflowRole; fromLiveDocument?: boolean } = {},
): Promise<Post> {
  const { updated, tellPeople } = await oneAtATime(`posts:${String(input.postId)}`, () =>
    takeStep(req, input, options),
  )
  // The mail goes out after the queue moves on: the next step on the post need not wait for it.
  await tellPeople()
  return updated
}

async function takeStep(
  req: PayloadRequest,
  input: TransitionRequest,
  options: { role?: WorkflowRole; fromLiveDocument?: boolean },
): Promise<{ updated: Post; tellPeople: () => Promise<void> }> {
  const actor = req.user as User | null
  if (!actor) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
  const { action, comment, publishAt } = parseInput(req, input)
  const { payload } = req
  const asActor = { user: actor, overrideAccess: false, req } as const

  // The latest version: a correction of a live post is a newer draft.
  const post = await payload.findByID({
    collection: 'posts',
    id: input.postId,
    draft: true,
    depth: 0,
    ...asActor,
  })
  // A take-down acts on what is on the website, even while a newer correction is in review.
  const liveStage = options.fromLiveDocument
    ? (
        await payload.findByID({
          collection: 'posts',
          id: post.id,
          depth: 0,
          select: { stage: true },
          overrideAccess: true,
          req,
        })
      ).stage
    : null
  const from = (liveStage ?? post.stage) as Stage
  const transition = transitionFor(action, from)
  if (!transition) {
    const possible = actionsFrom(from)
    throw userError(req, 409, {
      vi: `Không thể "${ACTION_LABELS[action].vi}" bài đang ở bước "${STAGE_LABELS[from].vi}". Có thể: ${possible.map((a) => `"${ACTION_LABELS[a].vi}" (${a})`).join(', ') || 'không thao tác nào'}.`,
      en: `Cannot "${action}" a post at "${STAGE_LABELS[from].en}". Possible: ${possible.join(', ') || 'none'}.`,
    })
  }
  await authorize(
    req,
    workflowPolicy[options.role ?? transition.who],
    {
      vi: `Bạn không được "${ACTION_LABELS[action].vi}" bài viết này.`,
      en: `You may not "${action}" this post.`,
    },
    { post: await loadPostContext(req, post) },
  )
  if (action === 'submit') {
    const missing = missingForPublication(post)
    if (missing.length > 0) {
      throw userError(req, 400, {
        vi: `Chưa gửi được: bài còn thiếu ${missing.map((m) => m.vi).join(', ')}.`,
        en: `Not submitted: the post lacks ${missing.map((m) => m.en).join(', ')}.`,
      })
    }
  }

  if (action === 'publish') {
    const problem = await consentProblems(req, post, publishAt ?? new Date())
    if (problem) throw userError(req, 400, problem)
  }

  const scheduled = action === 'publish' && publishAt !== null && publishAt.getTime() > Date.now()
  const to: Stage = scheduled ? from : transition.to
  const data: Record<string, unknown> = { stage: to }
  if (action === 'submit')
    Object.assign(data, {
      returnComment: null,
      reviewedBy: null,
      approvedBy: null,
      publishAt: null,
    })
  if (action === 'accept') data.reviewedBy = actor.id
  if (action === 'approve') data.approvedBy = actor.id
  if (action === 'return') data.returnComment = comment
  if (action === 'publish') {
    // The date readers see is the first publication; a correction keeps it.
    Object.assign(
      data,
      scheduled
        ? { publishAt: publishAt!.toISOString() }
        : {
            _status: 'published',
            publishAt: null,
            publishedAt: post.publishedAt ?? new Date().toISOString(),
          },
    )
  }
  if (action === 'unpublish') data._status = 'draft'
  // Going live or coming down writes the main document. Other steps of a post that is not on the
  // website write it too, so lists and joins see its stage; a live post's correction stays a draft.
  const live = await payload.findByID({
    collection: 'posts',
    id: post.id,
    depth: 0,
    select: { _status: true },
    overrideAccess: true,
    req,
  })
  const isLive = live._status === 'published'
  const writesLiveDocument =
    (action === 'publish' && !scheduled) || action === 'unpublish' || !isLive
  if (!isLive && !('_status' in data)) data._status = 'draft'

  const updated: Post = await withFlag(req, 'workflow', () =>
    inTransaction(req, async () => {
      const written = await payload.update({
        collection: 'posts',
        id: post.id,
        data,
        draft: !writesLiveDocument,
        depth: 0,
        ...asActor,
      })
      await payload.create({
        collection: 'workflow-events',
        data: {
          post: post.id,
          action,
          fromStage: from,
          toStage: to,
          actor: actor.id,
          comment:
            comment ||
            (scheduled
              ? localize(req, {
                  vi: `Hẹn đăng lúc ${formatDateTimeVi(publishAt!)}`,
                  en: `Scheduled for ${publishAt!.toISOString()}`,
                })
              : undefined),
        },
        ...asActor,
      })
      await syncAssignment(req, written)
      if (scheduled) {
        await payload.jobs.queue({
          task: 'publishScheduledPost',
          input: { post: String(post.id), actor: String(actor.id) },
          queue: SCHEDULED_PUBLICATION_QUEUE,
          waitUntil: publishAt!,
          req,
        })
      }
      return written
    }),
  )
  rebuildSiteWhenPostGoesLiveOrDown(payload, action, post.slug, scheduled)
  prepareSiteBuildWhenApproved(payload, action)
  return {
    updated,
    tellPeople: async () => {
      if (!scheduled) await notifyStep(payload, req, updated, action)
    },
  }
}
