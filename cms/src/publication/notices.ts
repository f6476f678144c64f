/**
 * The public snapshots in `public-notices`: written and removed by the publication's own code
 * (flag `publication`, after `publicationPolicy` said yes), which then asks for a site build.
 */
import type { PayloadRequest } from 'payload'
import type { NoticeKind } from '@school/shared'

import { withFlag } from '../lib/request-flags'
import { requestSiteBuild } from '../site-build/runner'
import type { NoticeSnapshot } from './source'

export interface NoticeOrigin {
  collection: string
  id: number | string
}

const asPublication = (req: PayloadRequest) =>
  ({ user: req.user, overrideAccess: false, req, depth: 0 }) as const

/** The notices a record put on the website (ids), found by their origin. */
async function noticesOf(req: PayloadRequest, origin: NoticeOrigin) {
  const { docs } = await req.payload.find({
    collection: 'public-notices',
    where: {
      and: [
        { sourceCollection: { equals: origin.collection } },
        { sourceId: { equals: String(origin.id) } },
      ],
    },
    limit: 0,
    pagination: false,
    select: { noticeKey: true },
    overrideAccess: true,
    req,
  })
  return docs
}

/**
 * Puts the record's pages on the website, replacing what it put there before. `changedAt` is
 * when the record's content last changed: the page shows it ("Cập nhật lần cuối").
 */
export async function upsertNotices(
  req: PayloadRequest,
  origin: NoticeOrigin,
  kind: NoticeKind,
  snapshots: NoticeSnapshot[],
  changedAt: string,
): Promise<void> {
  const now = new Date().toISOString()
  await withFlag(req, 'publication', async () => {
    const keep = new Set<string>()
    for (const snapshot of snapshots) {
      const noticeKey = `${kind}:${snapshot.key}`
      keep.add(noticeKey)
      const data = {
        kind,
        key: snapshot.key,
        noticeKey,
        title: snapshot.title,
        path: snapshot.path,
        schoolYear: snapshot.schoolYear ?? null,
        data: snapshot.data,
        changedAt,
        publishedAt: now,
        sourceCollection: origin.collection,
        sourceId: String(origin.id),
      }
      const { docs } = await req.payload.find({
        collection: 'public-notices',
        where: { noticeKey: { equals: noticeKey } },
        limit: 1,
        select: {},
        overrideAccess: true,
        req,
      })
      if (docs[0]) {
        await req.payload.update({
          collection: 'public-notices',
          id: docs[0].id,
          data,
          ...asPublication(req),
        })
      } else {
        await req.payload.create({ collection: 'public-notices', data, ...asPublication(req) })
      }
    }
    for (const notice of await noticesOf(req, origin)) {
      if (notice.noticeKey && !keep.has(notice.noticeKey)) {
        await req.payload.delete({
          collection: 'public-notices',
          id: notice.id,
          ...asPublication(req),
        })
      }
    }
  })
  requestSiteBuild(req.payload, `${kind} published`)
}

/** Takes the record's pages off the website. */
export async function removeNotices(
  req: PayloadRequest,
  origin: NoticeOrigin,
  kind: NoticeKind,
): Promise<number> {
  const notices = await noticesOf(req, origin)
  await withFlag(req, 'publication', async () => {
    for (const notice of notices) {
      await req.payload.delete({
        collection: 'public-notices',
        id: notice.id,
        ...asPublication(req),
      })
    }
  })
  if (notices.length > 0) requestSiteBuild(req.payload, `${kind} unpublished`)
  return notices.length
}
