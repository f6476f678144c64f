/**
 * Moves a published record one step (Điều 17.3, 17.4): its keeper sends it for approval,
 * leadership approves it (not the one who sent it), the web admin publishes it or takes it down.
 * Publishing writes the record's public snapshot (`public-notices`), which the website reads.
 */
import type { PayloadRequest } from 'payload'
import {
  PUBLICATION_ACTIONS,
  PUBLICATION_ACTION_LABELS,
  PUBLICATION_STAGES,
  PUBLICATION_STAGE_LABELS,
  isPublicationAction,
  type PublicationAction,
  type PublicationStage,
} from '@school/shared'

import { authorize, isAllowed, type Target } from '../access/authorize'
import { noticeKeepers, publicationPolicy, type NoticeCollection } from '../access/policy'
import type { Rule } from '../access/rules'
import { userError } from '../lib/messages'
import { oneAtATime } from '../lib/one-at-a-time'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import { prepareSiteBuildWhenApproved } from '../site-build/hooks'
import type { User } from '../payload-types'
import { removeNotices, upsertNotices } from './notices'
import type { NoticeSource } from './source'

type Doc = Record<string, unknown> & { id: number | string }

interface Step {
  action: PublicationAction
  from: readonly PublicationStage[]
  /** null: the stage stays (a take-down of an older version leaves the newer draft as it is). */
  to: PublicationStage | null
  rule: (collection: NoticeCollection) => Rule
  /** The live version comes down: possible whatever the stage, while one is live. */
  needsLive?: boolean
}

const STEPS: readonly Step[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', rule: (c) => noticeKeepers[c] },
  { action: 'approve', from: ['submitted'], to: 'approved', rule: () => publicationPolicy.approve },
  {
    action: 'return',
    from: ['submitted', 'approved'],
    to: 'draft',
    rule: () => publicationPolicy.return,
  },
  { action: 'publish', from: ['approved'], to: 'published', rule: () => publicationPolicy.publish },
  {
    action: 'unpublish',
    from: PUBLICATION_STAGES,
    to: null,
    rule: () => publicationPolicy.unpublish,
    needsLive: true,
  },
]

function stepFor(action: PublicationAction, doc: Doc): Step | undefined {
  return STEPS.find(
    (step) =>
      step.action === action &&
      step.from.includes(doc.publicationStage as PublicationStage) &&
      (!step.needsLive || doc.publicationLive === true),
  )
}

/**
 * What the rules weigh: the stored record for its keeper's rule (which may be a query, "albums
 * this user made"), the record in hand for the others (who sent it for approval).
 */
function targetOf(step: Step, source: NoticeSource<never>, doc: Doc): Target {
  return step.action === 'submit'
    ? { collection: source.collection as NoticeCollection, id: doc.id }
    : { record: doc }
}

async function ruleAllows(req: PayloadRequest, step: Step, source: NoticeSource<never>, doc: Doc) {
  const collection = source.collection as NoticeCollection
  return isAllowed(req, step.rule(collection), targetOf(step, source, doc))
}

/** The steps this user may take now: the admin's panel offers these buttons. */
export async function availablePublicationActions(
  req: PayloadRequest,
  source: NoticeSource<never>,
  doc: Doc,
): Promise<PublicationAction[]> {
  const actions: PublicationAction[] = []
  for (const action of PUBLICATION_ACTIONS) {
    const step = stepFor(action, doc)
    if (step && (await ruleAllows(req, step, source, doc))) actions.push(action)
  }
  return actions
}

/** The record as this user may read it; 404 when they may not. */
export async function readRecord(
  req: PayloadRequest,
  source: NoticeSource<never>,
  id: number | string,
): Promise<Doc> {
  try {
    return (await req.payload.findByID({
      collection: source.collection,
      id,
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })) as unknown as Doc
  } catch {
    throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
  }
}

export interface PublicationRequest {
  id: number | string
  action: unknown
  comment?: unknown
}

function parse(req: PayloadRequest, input: PublicationRequest) {
  if (!isPublicationAction(input.action)) {
    throw userError(req, 400, {
      vi: `Thao tác không hợp lệ. Các thao tác: ${PUBLICATION_ACTIONS.join(', ')}.`,
      en: `Unknown action. Actions: ${PUBLICATION_ACTIONS.join(', ')}.`,
    })
  }
  if (input.comment !== undefined && input.comment !== null && typeof input.comment !== 'string')
    throw userError(req, 400, { vi: 'Ý kiến phải là văn bản.', en: 'The comment must be text.' })
  const comment = typeof input.comment === 'string' ? input.comment.trim().slice(0, 2000) : ''
  if (input.action === 'return' && comment === '') {
    throw userError(req, 400, {
      vi: 'Khi trả lại cần ghi ý kiến để người soạn biết cần sửa gì.',
      en: 'Sending it back needs a comment saying what to change.',
    })
  }
  return { action: input.action, comment }
}

export async function applyPublicationStep(
  req: PayloadRequest,
  source: NoticeSource<never>,
  input: PublicationRequest,
): Promise<Doc> {
  const actor = req.user as User | null
  if (!actor) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
  const { action, comment } = parse(req, input)
  return oneAtATime(`${source.collection}:${String(input.id)}`, async () => {
    const doc = await readRecord(req, source, input.id)
    const step = stepFor(action, doc)
    if (!step) {
      const stage = doc.publicationStage as PublicationStage
      throw userError(req, 409, {
        vi: `Không thể "${PUBLICATION_ACTION_LABELS[action].vi}" khi đang ở bước "${PUBLICATION_STAGE_LABELS[stage]?.vi ?? stage}".`,
        en: `Cannot "${action}" at "${PUBLICATION_STAGE_LABELS[stage]?.en ?? stage}".`,
      })
    }
    await authorize(
      req,
      step.rule(source.collection as NoticeCollection),
      {
        vi: `Bạn không được "${PUBLICATION_ACTION_LABELS[action].vi}" mục này.`,
        en: `You may not "${action}" this.`,
      },
      targetOf(step, source, doc),
    )
    const hydrated = (await req.payload.findByID({
      collection: source.collection,
      id: doc.id,
      depth: 1,
      overrideAccess: true,
      req,
    })) as unknown as Doc
    if (action === 'submit') {
      const missing = await source.missingForSubmission?.(req, hydrated as never)
      if (missing) throw userError(req, 400, missing)
    }
    if (action === 'publish') {
      const problem = await source.problemForPublication?.(req, hydrated as never)
      if (problem) throw userError(req, 400, problem)
    }
    const now = new Date().toISOString()
    const data: Record<string, unknown> = {}
    if (step.to) data.publicationStage = step.to
    if (action === 'submit')
      Object.assign(data, { submittedBy: actor.id, publicationComment: null })
    if (action === 'approve') data.approvedBy = actor.id
    if (action === 'return') Object.assign(data, { publicationComment: comment, approvedBy: null })
    if (action === 'publish')
      Object.assign(data, { publishedBy: actor.id, publishedAt: now, publicationLive: true })
    if (action === 'unpublish') {
      data.publicationLive = false
      if (doc.publicationStage === 'published') data.publicationStage = 'draft'
    }
    const origin = { collection: source.collection, id: doc.id }
    const updated = await inTransaction(req, async () => {
      if (action === 'publish') {
        const snapshots = await source.snapshot(req, hydrated as never)
        const changedAt = String(hydrated.contentChangedAt ?? hydrated.updatedAt ?? now)
        const list = Array.isArray(snapshots) ? snapshots : [snapshots]
        await upsertNotices(req, origin, source.kind, list, changedAt)
      }
      if (action === 'unpublish') await removeNotices(req, origin, source.kind)
      // The collection's `update` rule lets the publication write (publicationInProgress).
      return (await withFlag(req, 'publication', () =>
        req.payload.update({
          collection: source.collection,
          id: doc.id,
          data,
          depth: 0,
          user: actor,
          overrideAccess: false,
          req,
        }),
      )) as unknown as Doc
    })
    if (action === 'publish' || action === 'unpublish')
      await source.afterLiveChange?.(req, updated as never, action === 'publish')
    prepareSiteBuildWhenApproved(req.payload, action)
    return updated
  })
}
