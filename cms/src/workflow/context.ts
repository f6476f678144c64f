import type { PayloadRequest } from 'payload'

import type { PostContext } from '../access/policy'
import type { Group, Post } from '../payload-types'

const idOf = (value: unknown) =>
  value && typeof value === 'object' && 'id' in value ? (value as { id: Group['id'] }).id : (value as Group['id'] | null | undefined)

/** The post and the groups that decide who reviews it, as they are now. */
export async function loadPostContext(req: PayloadRequest, post: Post): Promise<PostContext> {
  const findGroup = async (id: Group['id'] | null | undefined) =>
    id === null || id === undefined
      ? null
      : req.payload.findByID({ collection: 'groups', id, depth: 0, overrideAccess: true, req, disableErrors: true })
  const ownerGroup = await findGroup(idOf(post.ownerGroup))
  const parentGroup = ownerGroup?.kind === 'class' ? await findGroup(idOf(ownerGroup.parentGroup)) : null
  return {
    post: {
      id: post.id,
      stage: post.stage,
      authors: (post.authors ?? []).map((author) => idOf(author) as NonNullable<ReturnType<typeof idOf>>),
      reviewedBy: idOf(post.reviewedBy) ?? null,
    },
    ownerGroup,
    parentGroup,
  }
}
