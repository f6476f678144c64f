import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import type { Stage } from '@school/shared'

import { idOf } from '../lib/ids'
import type { Assignment, Post } from '../payload-types'
import { hasFlag, withFlag } from '../lib/request-flags'

const STATUS_OF_STAGE: Record<Stage, Assignment['status']> = {
  draft: 'writing',
  returned: 'writing',
  submitted: 'in_review',
  reviewed: 'in_review',
  approved: 'in_review',
  published: 'published',
}

/** Keeps an assignment's status in step with the post that fulfils it. */
export async function syncAssignment(
  req: PayloadRequest,
  post: Pick<Post, 'assignment' | 'stage'>,
): Promise<void> {
  const assignmentId = idOf(post.assignment)
  if (assignmentId === null || assignmentId === undefined) return
  const status = STATUS_OF_STAGE[post.stage as Stage]
  await withFlag(req, 'workflow', () =>
    req.payload.update({
      collection: 'assignments',
      id: assignmentId,
      data: { status },
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    }),
  )
}

/** A writer who links a post to their assignment starts it. */
export const startLinkedAssignment: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
}) => {
  if (hasFlag(req, 'workflow')) return doc
  if (idOf(doc.assignment) !== idOf(previousDoc?.assignment)) await syncAssignment(req, doc)
  return doc
}
