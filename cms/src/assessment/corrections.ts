/**
 * POST /api/correction-requests/:id/decision  { "decision": "approve" | "refuse", "comment" }
 * (Điều 12.2). 200 with the request (and the corrected entry) · 400 bad input · 401 · 403 not a
 * decider of this request (own request; an approved year's, unless principal) · 404 not found ·
 * 409 already decided. Approval applies the proposed values to the entry as the decider, past
 * its lock, and the change log names the request; a refusal needs its reason.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { authorize } from '../access/authorize'
import { assessmentPolicy } from '../access/policy'
import { couldBeId } from '../lib/ids'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import type { Assessment, CorrectionRequest } from '../payload-types'
import { refreshApprovedResult } from './year-end'
import { asUser } from '../lib/as-user'

const NOT_FOUND = { vi: 'Không tìm thấy đề nghị điều chỉnh.', en: 'Not Found' }
const ALREADY_DECIDED = {
  vi: 'Đề nghị này đã được quyết định.',
  en: 'This request has already been decided.',
}

async function readBody(req: PayloadRequest): Promise<{ decision: string; comment: string }> {
  const body = await jsonBodyOf(req)
  const { decision, comment } = (body ?? {}) as { decision?: unknown; comment?: unknown }
  const text = typeof comment === 'string' ? comment.trim() : ''
  const validComment = comment === undefined || comment === null || typeof comment === 'string'
  if ((decision !== 'approve' && decision !== 'refuse') || !validComment || text.length > 2000) {
    throw userError(req, 400, {
      vi:
        'Gửi {"decision": "approve"} (duyệt) hoặc {"decision": "refuse"} (không duyệt), ' +
        'kèm "comment" (tối đa 2000 ký tự).',
      en: 'Send {"decision": "approve"} or {"decision": "refuse"}, with a "comment".',
    })
  }
  if (decision === 'refuse' && text === '') {
    throw userError(req, 400, {
      vi: 'Khi không duyệt, hãy ghi lý do để giáo viên biết.',
      en: 'Say why the request is refused.',
    })
  }
  return { decision, comment: text }
}

export async function decideCorrection(
  req: PayloadRequest,
  id: string,
  decision: string,
  comment: string,
): Promise<{ doc: CorrectionRequest; assessment: Assessment | null }> {
  const request = await req.payload.findByID({
    collection: 'correction-requests',
    id,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
    req,
  })
  if (!request) throw userError(req, 404, NOT_FOUND)
  if (request.status !== 'pending') throw userError(req, 409, ALREADY_DECIDED)
  await authorize(
    req,
    assessmentPolicy.decideCorrection,
    {
      vi:
        'Phó hiệu trưởng hoặc Hiệu trưởng duyệt đề nghị điều chỉnh, không ai tự duyệt đề nghị ' +
        'của mình; kết quả năm học đã phê duyệt chỉ Hiệu trưởng được điều chỉnh.',
      en: 'Leadership decides, never their own request; an approved year only the principal.',
    },
    { collection: 'correction-requests', id },
  )
  const outcome = decision === 'approve' ? 'approved' : 'refused'
  const setStatus = (from: string, to: string) =>
    req.payload.db.updateOne({
      collection: 'correction-requests',
      where: { and: [{ id: { equals: id } }, { status: { equals: from } }] },
      data: { status: to },
      options: { atomic: true },
      req,
    })
  return inTransaction(req, async () => {
    // Two deciders at once both read "pending" above: the first to turn it into a decision in
    // one conditional write wins, the other is told it was decided (and applies nothing).
    if (!(await setStatus('pending', outcome))) throw userError(req, 409, ALREADY_DECIDED)
    try {
      return await applyDecision(req, request, outcome, comment)
    } catch (error) {
      // Without transactions (SQLite, standalone MongoDB) the claim would outlive an approval
      // that could not be applied: the request is pending again, as it was.
      await setStatus(outcome, 'pending').catch(() => undefined)
      throw error
    }
  })
}

async function applyDecision(
  req: PayloadRequest,
  request: CorrectionRequest,
  outcome: 'approved' | 'refused',
  comment: string,
): Promise<{ doc: CorrectionRequest; assessment: Assessment | null }> {
  let assessment: Assessment | null = null
  if (outcome === 'approved') {
    const changes: Partial<Assessment> = {}
    if (request.level) changes.level = request.level
    if (request.score !== null && request.score !== undefined) changes.score = request.score
    if (request.comment) changes.comment = request.comment
    req.context.correctionRequest = request.id
    try {
      assessment = await withFlag(req, 'assessmentCorrection', () =>
        req.payload.update({
          collection: 'assessments',
          id: request.assessment as number,
          data: changes,
          ...asUser(req),
        }),
      )
      await refreshApprovedResult(req, assessment)
    } finally {
      delete req.context.correctionRequest
    }
  }
  const doc = await withFlag(req, 'correctionDecision', () =>
    req.payload.update({
      collection: 'correction-requests',
      id: request.id,
      data: {
        status: outcome,
        decidedBy: req.user!.id,
        decidedAt: new Date().toISOString(),
        decisionComment: comment || null,
      },
      ...asUser(req),
    }),
  )
  return { doc, assessment }
}

export const correctionDecisionEndpoint: Endpoint = {
  path: '/:id/decision',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const id = String(req.routeParams?.id ?? '')
    if (!couldBeId(id)) throw userError(req, 404, NOT_FOUND)
    const { decision, comment } = await readBody(req)
    return Response.json(await decideCorrection(req, id, decision, comment))
  },
}
