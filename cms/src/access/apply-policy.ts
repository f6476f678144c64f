/**
 * Applies the policy to the whole sanitized config, Payload's own collections included (the
 * locks, preferences, migrations and job queue that a plugin-time hook never sees): every access
 * key of every collection and global, the job queue's endpoints, and the query guard. A
 * collection or global without an entry in the policy stops the CMS at start, so a new one cannot
 * be forgotten.
 */
import type { CollectionBeforeOperationHook, SanitizedConfig } from 'payload'

import { collectionAccess, globalAccess, toAccess } from './payload-access'
import {
  collectionPolicy,
  dropLocksOfNonEditors,
  globalPolicy,
  jobsPolicy,
  type PolicyCollection,
  type PolicyGlobal,
} from './policy'
import { hiddenPathGuard } from './query-guard'

/** Payload's lock check runs inside the save: a non-editor's lock is gone before it. */
const dropLocksOfNonEditorsBeforeSaving: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  const { id } = args as { id?: number | string }
  if ((operation === 'update' || operation === 'delete') && id !== undefined) {
    await dropLocksOfNonEditors(req, collection.slug, id)
  }
  return args
}

export async function withPolicy(pending: Promise<SanitizedConfig>): Promise<SanitizedConfig> {
  const config = await pending
  for (const collection of config.collections) {
    if (!(collection.slug in collectionPolicy)) {
      throw new Error(`The policy has no entry for the collection "${collection.slug}"`)
    }
    const access = collectionAccess(collection.slug as PolicyCollection)
    if (!collection.auth) delete access.admin
    collection.access = access as typeof collection.access
    // Payload answers 501 ("not implemented") for a collection without REST endpoints (its
    // migrations); with an empty list of endpoints it answers 404, as for any unknown route.
    if (collection.endpoints === false) collection.endpoints = []
    // The query guard first; the locks last, after the request guards checked the id.
    collection.hooks.beforeOperation = [
      hiddenPathGuard(config, collection),
      ...(collection.hooks.beforeOperation ?? []),
      ...(collection.lockDocuments === false ? [] : [dropLocksOfNonEditorsBeforeSaving]),
    ]
  }
  for (const global of config.globals) {
    if (!(global.slug in globalPolicy)) {
      throw new Error(`The policy has no entry for the global "${global.slug}"`)
    }
    global.access = globalAccess(global.slug as PolicyGlobal) as typeof global.access
  }
  config.jobs.access = {
    run: toAccess(jobsPolicy.run),
    queue: toAccess(jobsPolicy.queue),
    cancel: toAccess(jobsPolicy.cancel),
  } as typeof config.jobs.access
  return config
}
