import type { PayloadRequest } from 'payload'

import type { PostContext } from '../access/rules'
import { idOf } from '../lib/ids'
import type { Group, Post } from '../payload-types'

const groupCache = new WeakMap<PayloadRequest, Map<string, Promise<Group | null>>>()

/** Groups are read once per request: a dashboard weighs many posts of the same few groups. */
function findGroup(req: PayloadRequest, id: Group['id'] | null | undefined): Promise<Group | null> {
  if (id === null || id === undefined) return Promise.resolve(null)
  let cache = groupCache.get(req)
  if (!cache) groupCache.set(req, (cache = new Map()))
  let group = cache.get(String(id))
  if (!group) {
    group = req.payload.findByID({
      collection: 'groups',
      id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    cache.set(String(id), group)
  }
  return group
}

/** The post and the groups that decide who reviews it, as they are now. */
export async function loadPostContext(req: PayloadRequest, post: Post): Promise<PostContext> {
  const ownerGroup = await findGroup(req, idOf(post.ownerGroup))
  const parentGroup =
    ownerGroup?.kind === 'class' ? await findGroup(req, idOf(ownerGroup.parentGroup)) : null
  return {
    post: {
      id: post.id,
      stage: post.stage,
      createdBy: idOf(post.createdBy) ?? null,
      authors: (post.authors ?? []).map((author) => idOf(author)!),
      reviewedBy: idOf(post.reviewedBy) ?? null,
    },
    ownerGroup,
    parentGroup,
  }
}
