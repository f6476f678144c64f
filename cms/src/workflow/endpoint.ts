import type { Endpoint } from 'payload'

import { couldBeId } from '../lib/ids'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { applyTransition } from './apply'
import { availableActions } from './available'

function postIdFrom(req: Parameters<Endpoint['handler']>[0]): string {
  const id = String(req.routeParams?.id ?? '')
  if (!couldBeId(id)) throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
  return id
}

/**
 * POST /api/posts/:id/workflow  { action, comment?, publishAt? }
 * 200 with the post · 400 bad input · 401 not logged in · 403 not this user's step ·
 * 404 no such post (or not visible) · 409 not possible from the post's stage.
 */
export const workflowEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const parsed = await jsonBodyOf(req)
    if (parsed === null) {
      throw userError(req, 400, {
        vi: 'Nội dung gửi lên không phải JSON hợp lệ.',
        en: 'The body is not valid JSON.',
      })
    }
    const body = parsed as Record<string, unknown>
    if (typeof body !== 'object' || Array.isArray(body)) {
      throw userError(req, 400, {
        vi: 'Dữ liệu gửi lên phải là một đối tượng JSON.',
        en: 'The body must be a JSON object.',
      })
    }
    const doc = await applyTransition(req, {
      postId: postIdFrom(req),
      action: body.action,
      comment: body.comment,
      publishAt: body.publishAt,
    })
    return Response.json({ doc })
  },
}

/**
 * GET /api/posts/:id/workflow: the post's stage, the steps this user may take now, the comment
 * of the last return and the history of every step. The admin's workflow panel reads it.
 */
export const workflowStatusEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const id = postIdFrom(req)
    const post = await req.payload.findByID({
      collection: 'posts',
      id,
      draft: true,
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })
    const { docs: history } = await req.payload.find({
      collection: 'workflow-events',
      where: { post: { equals: post.id } },
      sort: 'createdAt',
      depth: 1,
      limit: 200,
      select: {
        action: true,
        fromStage: true,
        toStage: true,
        comment: true,
        createdAt: true,
        actor: true,
      },
      populate: { users: { fullName: true } },
      user: req.user,
      overrideAccess: false,
      req,
    })
    return Response.json({
      id: post.id,
      stage: post.stage,
      returnComment: post.returnComment ?? null,
      publishAt: post.publishAt ?? null,
      actions: await availableActions(req, post),
      history: history.map((event) => ({
        action: event.action,
        fromStage: event.fromStage,
        toStage: event.toStage,
        comment: event.comment ?? null,
        createdAt: event.createdAt,
        actor: typeof event.actor === 'object' && event.actor ? event.actor.fullName : null,
      })),
    })
  },
}
