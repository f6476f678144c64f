/**
 * Markers that server code puts on a request while it does something the policy trusts: the
 * workflow writing a post after checking `workflowPolicy`, the import writing records after
 * checking `importPolicy`, a decider applying an import's proposal after checking who decides it.
 * They live in `req.context`, which no REST or GraphQL client can set.
 * `withFlag` always restores the value it found, so a flag never outlives the work it marks, even
 * when that work fails or runs inside another flagged piece of work.
 */
import type { PayloadRequest } from 'payload'

export type RequestFlag =
  | 'workflow'
  | 'recordsImport'
  | 'proposalDecision'
  // Applying an approved correction of an assessment (correction-requests' decision endpoint).
  | 'assessmentCorrection'
  // Recording a teacher's confirmation or the principal's approval of a class's results.
  | 'assessmentConfirmation'
  // Deciding a correction request (its status and decider are written by the endpoint only).
  | 'correctionDecision'
  // The principal's approval writing each pupil's computed year-end result (past the year's lock).
  | 'yearEndApproval'
  // Recording a step of a class's transcripts (the homeroom's confirmation, the principal's signing).
  | 'transcriptSigning'
  // The archive's own code filing files and moving an entry forward (after `documentPolicy`).
  | 'archiving'
  // Completing a guardian's erasure request (Law 91/2025): removing what the school may remove.
  | 'dataErasure'
  // Taking down the posts of a pupil whose consent was withdrawn (through the workflow).
  | 'consentWithdrawal'
  // Marking the contest results a celebration post lists (after `contestPolicy.celebrate`).
  | 'contestCelebration'
  // The equipment's own bookkeeping: a return's damage, an approved disposal (Điều 15).
  | 'equipmentBookkeeping'
  // Publishing a notice from the school's data: its stage and its public snapshot (issue 15).
  | 'publication'

export function hasFlag(req: PayloadRequest | undefined, flag: RequestFlag): boolean {
  return req?.context?.[flag] === true
}

export async function withFlag<T>(
  req: PayloadRequest,
  flag: RequestFlag,
  work: () => Promise<T>,
): Promise<T> {
  req.context ??= {}
  const had = Object.prototype.hasOwnProperty.call(req.context, flag)
  const previous = req.context[flag]
  req.context[flag] = true
  try {
    return await work()
  } finally {
    if (had) req.context[flag] = previous
    else delete req.context[flag]
  }
}
