/**
 * The path of a post (SPEC "The website and its editorial workflow"): which action moves it from
 * which stage to which, and who, by `workflowPolicy`, may take it.
 */
import type { Stage, WorkflowAction } from '@school/shared'

import type { WorkflowRole } from '../access/policy'

export interface Transition {
  action: WorkflowAction
  from: Stage
  to: Stage
  who: WorkflowRole
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'submit', from: 'draft', to: 'submitted', who: 'writer' },
  { action: 'submit', from: 'returned', to: 'submitted', who: 'writer' },
  { action: 'accept', from: 'submitted', to: 'reviewed', who: 'reviewer' },
  { action: 'return', from: 'submitted', to: 'returned', who: 'reviewer' },
  { action: 'approve', from: 'reviewed', to: 'approved', who: 'approver' },
  { action: 'return', from: 'reviewed', to: 'returned', who: 'approver' },
  { action: 'publish', from: 'approved', to: 'published', who: 'publisher' },
  // An unpublished post goes back to its writers as a draft; a correction takes the whole path.
  { action: 'unpublish', from: 'published', to: 'draft', who: 'publisher' },
]

export function transitionFor(action: WorkflowAction, from: Stage): Transition | undefined {
  return TRANSITIONS.find((transition) => transition.action === action && transition.from === from)
}

export function actionsFrom(from: Stage): WorkflowAction[] {
  return [
    ...new Set(TRANSITIONS.filter((transition) => transition.from === from).map((t) => t.action)),
  ]
}
