import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
} from 'payload'

import type { WorkflowAction } from '@school/shared'

import { prepareSiteBuild, requestSiteBuild } from './runner'

/**
 * The site is built from the CMS at start, so it shows what is published now: in full, since the
 * code may be new (the site's integration would notice, but a start is the time to be sure).
 */
export function requestSiteBuildAtStart(payload: Payload): void {
  requestSiteBuild(payload, 'start', 'full')
}

/**
 * Groups and the school profile appear on the website: any change rebuilds it. A collection's
 * change is incremental (the pages whose data changed are found by the site's build); a global
 * (the school profile: name, logo, colours of every page) asks for a full build.
 */
export const rebuildSiteWhenPublicContentChanges = {
  collection: (({ doc, collection, req }) => {
    requestSiteBuild(req.payload, collection.slug)
    return doc
  }) satisfies CollectionAfterChangeHook,
  deletion: (({ doc, collection, req }) => {
    requestSiteBuild(req.payload, `${collection.slug} deleted`)
    return doc
  }) satisfies CollectionAfterDeleteHook,
  global: (({ doc, global, req }) => {
    requestSiteBuild(req.payload, global.slug, 'full')
    return doc
  }) satisfies GlobalAfterChangeHook,
}

/** A published post deleted takes its page down. */
export const rebuildSiteWhenLivePostDeleted: CollectionAfterDeleteHook = ({ doc, req }) => {
  if (doc?._status === 'published') requestSiteBuild(req.payload, 'post deleted')
  return doc
}

/** A post going live or coming down changes the website (Điều 17.3: right after approval). */
export function rebuildSiteWhenPostGoesLiveOrDown(
  payload: Payload,
  action: WorkflowAction,
  slug: string | null | undefined,
  scheduled: boolean,
): void {
  if ((action === 'publish' && !scheduled) || action === 'unpublish')
    requestSiteBuild(payload, `${action} ${slug}`)
}

/**
 * An approval is followed by a publication (the web admin's, Điều 17.3): the site's builder
 * bundles the site meanwhile, so the publication goes live in the time its pages take to render.
 */
export function prepareSiteBuildWhenApproved(payload: Payload, action: string): void {
  if (action !== 'approve') return
  prepareSiteBuild(payload).catch((error: unknown) =>
    payload.logger.warn({ err: error, msg: 'Could not bundle the website ahead of a publication' }),
  )
}
