/**
 * Every touch of a record is accounted for (Điều 9.1, 11, 16; Law 91/2025): creates, updates and
 * deletes, and reads by users — one entry per opened record, one per list. An entry names the
 * fields that changed, never their values. A change whose entry cannot be written fails, loudly,
 * and is undone (by the transaction where there is one, by hand where there is none).
 */
import type {
  CollectionAfterChangeHook,
  CollectionBeforeDeleteHook,
  CollectionAfterOperationHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Field,
  PayloadRequest,
} from 'payload'
import type { AuditAction, RecordCollection } from '@school/shared'

import type { AuditLog } from '../payload-types'

/** Bookkeeping fields: they change on every save and say nothing about the record. */
const IGNORED = new Set(['id', 'createdAt', 'updatedAt'])

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

function comparable(value: unknown): string {
  if (isEmpty(value)) return 'null'
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item) && 'id' in item && 'createdAt' in item
      ? item.id
      : item,
  )
}

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
  return names
    .filter((name) => !IGNORED.has(name) && comparable(before[name]) !== comparable(after[name]))
    .sort()
}

interface Entry {
  action: AuditAction
  collection: RecordCollection
  docId?: number | string
  fields?: string[]
  count?: number
}

export async function writeAuditEntry(req: PayloadRequest, entry: Entry): Promise<void> {
  const data: Omit<AuditLog, 'id' | 'createdAt' | 'updatedAt'> = {
    actor: (req.user?.id as AuditLog['actor']) ?? null,
    action: entry.action,
    collection: entry.collection,
    docId: entry.docId === undefined ? null : String(entry.docId),
    fields: entry.fields ?? [],
    count: entry.count ?? null,
  }
  await req.payload.create({ collection: 'audit-log', data, overrideAccess: true, req, depth: 0 })
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
  /** Written before the record goes: a deletion that cannot be logged does not happen. */
  const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
    await writeAuditEntry(req, { action: 'delete', collection, docId: id })
  }
  /**
   * Reads made for a user (the system's own lookups bypass access and are not reads by anyone).
   * Reads nested in another (a pupil's check-ups shown with the pupil) belong to the outer one.
   */
  const beforeOperation: CollectionBeforeOperationHook = ({ args, operation, req }) => {
    if (operation === 'read' && req.context.auditedRead === undefined)
      req.context.auditedRead = collection
    return args
  }
  const afterOperation: CollectionAfterOperationHook = async ({
    operation,
    overrideAccess,
    req,
    result,
  }) => {
    if (operation !== 'find' && operation !== 'findByID') return result
    if (req.context.auditedRead !== collection) return result
    delete req.context.auditedRead
    if (overrideAccess || !req.user) return result
    if (operation === 'findByID' && result) {
      await writeAuditEntry(req, {
        action: 'read',
        collection,
        docId: (result as { id: number | string }).id,
      })
    }
    if (operation === 'find' && result) {
      const { docs } = result as { docs: unknown[] }
      await writeAuditEntry(req, { action: 'read', collection, count: docs.length })
    }
    return result
  }
  return { afterChange, beforeDelete, beforeOperation, afterOperation }
}

/** Adds the audit hooks to a records collection, after its own hooks. */
export function audited(config: CollectionConfig & { slug: RecordCollection }): CollectionConfig {
  const hooks = auditHooks(config.slug, storedFieldNames(config.fields))
  return {
    ...config,
    hooks: {
      ...config.hooks,
      afterChange: [...(config.hooks?.afterChange ?? []), hooks.afterChange],
      beforeDelete: [...(config.hooks?.beforeDelete ?? []), hooks.beforeDelete],
      beforeOperation: [...(config.hooks?.beforeOperation ?? []), hooks.beforeOperation],
      afterOperation: [...(config.hooks?.afterOperation ?? []), hooks.afterOperation],
    },
  }
}
