/**
 * Every touch of a record is accounted for (Điều 9.1, 11, 16; Law 91/2025): creates, updates and
 * deletes, and reads by users — one entry per opened record, one per list (with the ids it
 * returned), however many reads one request holds. An entry names the fields that changed, never
 * their values, and keeps who acted by id, name and email. A change whose entry cannot be written
 * fails, loudly, and is undone (by the transaction where there is one, by hand where there is
 * none); a deletion is logged before it happens and confirmed after (see `beforeDelete`).
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionAfterOperationHook,
  CollectionBeforeDeleteHook,
  CollectionBeforeOperationHook,
  CollectionBeforeReadHook,
  CollectionConfig,
  Field,
  PayloadRequest,
} from 'payload'
import type { AuditAction, AuditOutcome, DocumentKind, RecordCollection } from '@school/shared'

import { sameValue } from '../lib/values'
import type { AuditLog } from '../payload-types'

/** Bookkeeping fields: they change on every save and say nothing about the record. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt'])

/** The names of the fields a collection stores (rows and collapsibles flattened; joins are queries). */
function storedFieldNames(fields: Field[]): string[] {
  return fields.flatMap((field) => {
    if (field.type === 'row' || field.type === 'collapsible') return storedFieldNames(field.fields)
    if (field.type === 'join' || field.type === 'ui' || !('name' in field)) return []
    return [field.name]
  })
}

/** Names of the stored fields whose values differ. */
export function changedFields(
  names: string[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): string[] {
  return names.filter((name) => !IGNORED.has(name) && !sameValue(before[name], after[name])).sort()
}

interface Entry {
  action: AuditAction
  collection: RecordCollection
  docId?: number | string
  /** The ids a list read returned. */
  docIds?: (number | string)[]
  fields?: string[]
  count?: number
  outcome?: AuditOutcome
  /** An export: which document was made, and of what ("Lớp 3A · 2025-2026"). */
  document?: DocumentKind
  detail?: string
}

/**
 * The ids one entry names at most: SQLite takes a bounded number of values per insert, and a
 * list read of the whole school (thousands of results) must still be logged, in several entries.
 */
export const AUDIT_IDS_PER_ENTRY = 1000

/**
 * Writes one entry for the request's user (none: the system) and returns the entry's id; a list
 * read of more than `AUDIT_IDS_PER_ENTRY` documents is logged as several entries (the first id).
 */
export async function writeAuditEntry(req: PayloadRequest, entry: Entry): Promise<number> {
  if (entry.docIds && entry.docIds.length > AUDIT_IDS_PER_ENTRY) {
    let first: number | undefined
    for (let start = 0; start < entry.docIds.length; start += AUDIT_IDS_PER_ENTRY) {
      const docIds = entry.docIds.slice(start, start + AUDIT_IDS_PER_ENTRY)
      const id = await writeAuditEntry(req, { ...entry, docIds })
      first ??= id
    }
    return first!
  }
  const user = req.user
  const data: Omit<AuditLog, 'id' | 'createdAt' | 'updatedAt'> = {
    // As text, so that deleting the account later leaves the entry naming who acted.
    actorUserId: user ? String(user.id) : null,
    actorName: user?.fullName ?? null,
    actorEmail: user?.email ?? null,
    actor: (user?.id as AuditLog['actor']) ?? null,
    action: entry.action,
    outcome: entry.outcome ?? 'done',
    collection: entry.collection,
    docId: entry.docId === undefined ? null : String(entry.docId),
    docIds: entry.docIds?.map(String) ?? [],
    fields: entry.fields ?? [],
    count: entry.count ?? null,
    document: entry.document ?? null,
    detail: entry.detail ?? null,
  }
  const created = await req.payload.create({
    collection: 'audit-log',
    data,
    overrideAccess: true,
    req,
    depth: 0,
  })
  return created.id
}

/** Work begun in a `before` hook and finished in the matching `after` hook of one operation. */
export function pendingWork<T>() {
  const byRequest = new WeakMap<object, Map<string, T>>()
  return {
    put(req: PayloadRequest, key: string, value: T) {
      const pending = byRequest.get(req) ?? new Map<string, T>()
      pending.set(key, value)
      byRequest.set(req, pending)
    },
    take(req: PayloadRequest, key: string): T | undefined {
      const value = byRequest.get(req)?.get(key)
      byRequest.get(req)?.delete(key)
      return value
    },
  }
}

const deletionEntries = pendingWork<number>()

/**
 * Documents of audited reads being opened, per request object: counted from `beforeRead` (the
 * query ran and access passed) until the read's `afterOperation`. Payload populates a document's
 * relationships and joins inside that window, on the same request object, and marks those reads
 * with a `currentDepth`; they belong to the outer read. GraphQL runs each query of a request
 * (aliased or batched) on a request object of its own, so siblings never count as nested, and
 * resolves relationship fields after the query that found them ended, so they get entries of
 * their own. (A per-request flag let the first query of a GraphQL request hide all the others.)
 */
const openedDocuments = new WeakMap<object, number>()
/** Arguments of reads nested in an audited read (Payload hands the object to afterOperation). */
const nestedReads = new WeakSet<object>()

function countOpened(req: PayloadRequest, change: number): void {
  openedDocuments.set(req, Math.max(0, (openedDocuments.get(req) ?? 0) + change))
}

/** How many documents a read operation opened (ran `beforeRead` for). */
function openedBy(operation: string, result: unknown): number {
  if (!result) return 0
  if (operation === 'find' || operation === 'findVersions')
    return (result as { docs: unknown[] }).docs.length
  if (operation === 'findByID' || operation === 'findVersionByID') return 1
  return 0
}

function auditHooks(collection: RecordCollection, fields: string[]) {
  const afterChange: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
    const changed = changedFields(fields, operation === 'create' ? {} : (previousDoc ?? {}), doc)
    if (operation === 'update' && changed.length === 0) return doc
    try {
      await writeAuditEntry(req, { action: operation, collection, docId: doc.id, fields: changed })
    } catch (error) {
      // In a transaction the change is rolled back with it. Without one (SQLite, a standalone
      // MongoDB) it is undone here, below the hooks, so no unaudited change remains.
      if (!req.transactionID) {
        if (operation === 'create')
          await req.payload.db.deleteOne({ collection, where: { id: { equals: doc.id } }, req })
        else
          await req.payload.db.updateOne({
            collection,
            id: doc.id,
            data: previousDoc,
            req,
            returning: false,
          })
      }
      throw error
    }
    return doc
  }
  /**
   * Written before the record goes, as unconfirmed: a deletion that cannot be logged does not
   * happen. Confirmed in `afterDelete`, once the record is gone; a deletion that fails after this
   * (a later hook, the database) leaves the entry unconfirmed and the record in place — what
   * happened. Writing the entry only afterwards would need undoing a deletion by hand when it
   * cannot be written, and without a transaction that cannot bring back what the database
   * removed with the record (its rows in other tables, the links to it).
   */
  const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
    const entry = await writeAuditEntry(req, {
      action: 'delete',
      collection,
      docId: id,
      outcome: 'unconfirmed',
    })
    deletionEntries.put(req, `${collection}:${id}`, entry)
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ id, doc, req }) => {
    const entry = deletionEntries.take(req, `${collection}:${id}`)
    if (entry === undefined) return doc
    await req.payload.update({
      collection: 'audit-log',
      id: entry,
      data: { outcome: 'done' },
      overrideAccess: true,
      req,
      depth: 0,
    })
    return doc
  }
  const beforeOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    const { currentDepth } = args as { currentDepth?: number }
    if (operation === 'read' && currentDepth !== undefined && (openedDocuments.get(req) ?? 0) > 0)
      nestedReads.add(args)
    return args
  }
  const beforeRead: CollectionBeforeReadHook = ({ doc, req }) => {
    countOpened(req, 1)
    return doc
  }
  /** Reads made for a user (the system's own lookups bypass access and are not reads by anyone). */
  const afterOperation: CollectionAfterOperationHook = async ({
    args,
    operation,
    overrideAccess,
    req,
    result,
  }) => {
    countOpened(req, -openedBy(operation, result))
    if (nestedReads.has(args) || overrideAccess || !req.user || !result) return result
    if (operation === 'findByID') {
      const { id } = result as { id: number | string }
      await writeAuditEntry(req, { action: 'read', collection, docId: id })
    }
    if (operation === 'find') {
      const { docs } = result as { docs: { id: number | string }[] }
      const docIds = docs.map((doc) => doc.id)
      await writeAuditEntry(req, { action: 'read', collection, docIds, count: docIds.length })
    }
    if (operation === 'findDistinct') {
      // The values of one field across records: a list read, without ids to record.
      const { values } = result as { values: unknown[] }
      await writeAuditEntry(req, { action: 'read', collection, count: values.length })
    }
    return result
  }
  return { afterChange, beforeDelete, afterDelete, beforeOperation, beforeRead, afterOperation }
}

/** Adds the audit hooks to a records collection, after its own hooks. */
export function audited(config: CollectionConfig & { slug: RecordCollection }): CollectionConfig {
  const hooks = auditHooks(config.slug, storedFieldNames(config.fields))
  return {
    ...config,
    // Read by `withAuditedReferences`: deletions elsewhere that change these records are logged.
    custom: { ...config.custom, audited: true },
    hooks: {
      ...config.hooks,
      afterChange: [...(config.hooks?.afterChange ?? []), hooks.afterChange],
      beforeDelete: [...(config.hooks?.beforeDelete ?? []), hooks.beforeDelete],
      afterDelete: [...(config.hooks?.afterDelete ?? []), hooks.afterDelete],
      beforeOperation: [...(config.hooks?.beforeOperation ?? []), hooks.beforeOperation],
      beforeRead: [...(config.hooks?.beforeRead ?? []), hooks.beforeRead],
      afterOperation: [...(config.hooks?.afterOperation ?? []), hooks.afterOperation],
    },
  }
}
