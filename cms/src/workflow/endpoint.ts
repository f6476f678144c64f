import type { Endpoint } from 'payload'

import { userError } from '../lib/messages'
import { applyTransition } from './apply'

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
    let body: Record<string, unknown>
    try {
      body = ((await req.json?.()) ?? {}) as Record<string, unknown>
    } catch {
      throw userError(req, 400, { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The body is not valid JSON.' })
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw userError(req, 400, { vi: 'Dữ liệu gửi lên phải là một đối tượng JSON.', en: 'The body must be a JSON object.' })
    }
    const id = req.routeParams?.id as string
    if (!/^[a-f0-9]{1,24}$/i.test(id)) throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
    const doc = await applyTransition(req, { postId: id, action: body.action, comment: body.comment, publishAt: body.publishAt })
    return Response.json({ doc })
  },
}
