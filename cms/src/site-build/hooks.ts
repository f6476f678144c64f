import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  Payload,
} from 'payload'

import { requestSiteBuild } from './runner'

/** The site is built from the CMS at start, so it shows what is published now. */
export function requestSiteBuildAtStart(payload: Payload): void {
  requestSiteBuild(payload, 'start')
}

/** Groups and the school profile appear on the website: any change rebuilds it. */
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
    requestSiteBuild(req.payload, global.slug)
    return doc
  }) satisfies GlobalAfterChangeHook,
}

/** A published post deleted takes its page down. */
export const rebuildSiteWhenLivePostDeleted: CollectionAfterDeleteHook = ({ doc, req }) => {
  if (doc?._status === 'published') requestSiteBuild(req.payload, 'post deleted')
  return doc
}
