import type { PayloadRequest } from 'payload'
import type { Stage, WorkflowAction } from '@school/shared'

import { isAllowed } from '../access/authorize'
import { workflowPolicy } from '../access/policy'
import type { Post, User } from '../payload-types'
import { loadPostContext } from './context'
import { TRANSITIONS } from './transitions'

/** The steps this user may take on this post now: what the admin shows as buttons. */
export async function availableActions(req: PayloadRequest, post: Post): Promise<WorkflowAction[]> {
  const actor = req.user as User | null
  if (!actor) return []
  const context = await loadPostContext(req, post)
  const actions: WorkflowAction[] = []
  for (const transition of TRANSITIONS) {
    if (transition.from !== (post.stage as Stage) || actions.includes(transition.action)) continue
    if (await isAllowed(req, workflowPolicy[transition.who], { post: context }))
      actions.push(transition.action)
  }
  return actions
}
