import { createLocalReq, type TaskConfig } from 'payload'

import type { User } from '../payload-types'
import { applyTransition } from './apply'

/**
 * Publishes a post at its `publishAt`, in the name of the person who scheduled it: the policy
 * and the stage are checked again then (a post sent back meanwhile is not published).
 */
export const publishScheduledPost: TaskConfig<'publishScheduledPost'> = {
  slug: 'publishScheduledPost',
  inputSchema: [
    { name: 'post', type: 'text', required: true },
    { name: 'actor', type: 'text', required: true },
  ],
  retries: 0,
  handler: async ({ input, req }) => {
    const actor = (await req.payload.findByID({
      collection: 'users',
      id: input.actor,
      depth: 0,
      overrideAccess: true,
      req,
    })) as User
    const actingReq = await createLocalReq({ user: { ...actor, collection: 'users' } }, req.payload)
    await applyTransition(actingReq, { postId: input.post, action: 'publish' })
    return { output: {} }
  },
}
