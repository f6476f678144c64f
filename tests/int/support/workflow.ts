import { createLocalReq, type Payload } from 'payload'
import type { Role } from '@school/shared'

import type { User } from '../../../cms/src/payload-types'
import { demoLoginEmail } from '../../../cms/src/seed/demo-school'
import { findUserByEmail } from './payload'

/** The demo account holding `role`. */
export function demoUser(payload: Payload, role: Role): Promise<User> {
  return findUserByEmail(payload, demoLoginEmail(role))
}

/** Takes one workflow step as `who`, through the same function the REST endpoint calls. */
export async function stepAs(
  payload: Payload,
  who: User,
  postId: number,
  action: string,
  comment?: string,
) {
  const { applyTransition } = await import('../../../cms/src/workflow/apply')
  const req = await createLocalReq({ user: { ...who, collection: 'users' } }, payload)
  return applyTransition(req, { postId, action, comment })
}
