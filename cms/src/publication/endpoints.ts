import type { Endpoint, PayloadRequest } from 'payload'

import { couldBeId } from '../lib/ids'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { applyPublicationStep, availablePublicationActions, readRecord } from './apply'
import type { NoticeSource } from './source'

function idFrom(req: PayloadRequest): string {
  const id = String(req.routeParams?.id ?? '')
  if (!couldBeId(id)) throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
  return id
}

function loggedIn(req: PayloadRequest) {
  if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
}

/**
 * POST /api/<collection>/:id/publication  { action, comment? }: 200 with the record · 400 bad
 * input or incomplete · 401 · 403 not this user's step · 404 not visible · 409 not from this stage.
 * GET  /api/<collection>/:id/publication: the stage, whether a version is live, the last return's
 * comment and the steps this user may take now (the admin's panel).
 */
export function publicationEndpoints(source: NoticeSource<never>): Endpoint[] {
  return [
    {
      path: '/:id/publication',
      method: 'post',
      handler: async (req) => {
        loggedIn(req)
        const body = await jsonBodyOf(req)
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw userError(req, 400, {
            vi: 'Dữ liệu gửi lên phải là một đối tượng JSON.',
            en: 'The body must be a JSON object.',
          })
        }
        const { action, comment } = body as Record<string, unknown>
        const doc = await applyPublicationStep(req, source, { id: idFrom(req), action, comment })
        return Response.json({ doc })
      },
    },
    {
      path: '/:id/publication',
      method: 'get',
      handler: async (req) => {
        loggedIn(req)
        const doc = await readRecord(req, source, idFrom(req))
        return Response.json({
          id: doc.id,
          stage: doc.publicationStage,
          live: doc.publicationLive === true,
          comment: doc.publicationComment ?? null,
          publishedAt: doc.publishedAt ?? null,
          contentChangedAt: doc.contentChangedAt ?? null,
          actions: await availablePublicationActions(req, source, doc),
        })
      },
    },
  ]
}
