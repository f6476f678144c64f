/**
 * Changes the database makes to audited records when something they point at is deleted: on
 * SQLite a relationship's column is emptied (ON DELETE SET NULL) and a hasMany link row removed
 * (CASCADE), with no hook of the record running. Deleting an account empties the `user` of its
 * staff profile; deleting a pupil, the `student` of a check-up. Each such change gets an 'update'
 * entry naming the field, under the user who deleted. The relationships come from the audited
 * collections' own field configs, so a new audited collection or field is covered as it is added.
 *
 * What is recorded is what the database did: the pointing records are looked up before the
 * deletion and again after it, and only those that no longer point at the deleted document get
 * an entry (MongoDB leaves the reference in place, so there it writes none). The change is made
 * by the database with the deletion and cannot be undone by hand, so an entry that cannot be
 * written fails the request loudly after the fact.
 */
import type {
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  Field,
  Plugin,
  PayloadRequest,
  Where,
} from 'payload'
import { RECORD_COLLECTIONS, type RecordCollection } from '@school/shared'

import { pendingWork, writeAuditEntry } from './hooks'

/** A relationship of an audited collection to another collection. */
interface Reference {
  collection: RecordCollection
  /** The top-level field the audit names (as in an update's entry). */
  field: string
  /** The query path to the relationship, through groups, arrays, blocks and named tabs. */
  path: string
  target: string
  polymorphic: boolean
}

function isRecordCollection(slug: string): slug is RecordCollection {
  return (RECORD_COLLECTIONS as readonly string[]).includes(slug)
}

function referencesIn(
  collection: RecordCollection,
  fields: Field[],
  prefix = '',
  top?: string,
): Reference[] {
  return fields.flatMap((field): Reference[] => {
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
      return targets.map((target) => ({
        collection,
        field: top ?? field.name,
        path: prefix + field.name,
        target,
        polymorphic: Array.isArray(field.relationTo),
      }))
    }
    if (field.type === 'row' || field.type === 'collapsible')
      return referencesIn(collection, field.fields, prefix, top)
    if ((field.type === 'group' || field.type === 'array') && 'name' in field && field.name)
      return referencesIn(collection, field.fields, `${prefix}${field.name}.`, top ?? field.name)
    if (field.type === 'group') return referencesIn(collection, field.fields, prefix, top)
    if (field.type === 'blocks')
      return (field.blocks ?? []).flatMap((block) =>
        referencesIn(collection, block.fields, `${prefix}${field.name}.`, top ?? field.name),
      )
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name
          ? referencesIn(collection, tab.fields, `${prefix}${tab.name}.`, top ?? tab.name)
          : referencesIn(collection, tab.fields, prefix, top),
      )
    return []
  })
}

function pointingAt(reference: Reference, id: number | string): Where {
  if (!reference.polymorphic) return { [reference.path]: { in: [id] } }
  return {
    and: [
      { [`${reference.path}.relationTo`]: { equals: reference.target } },
      { [`${reference.path}.value`]: { in: [id] } },
    ],
  }
}

async function idsPointingAt(
  req: PayloadRequest,
  reference: Reference,
  id: number | string,
  among?: (number | string)[],
): Promise<(number | string)[]> {
  const where = pointingAt(reference, id)
  const { docs } = await req.payload.find({
    collection: reference.collection,
    where: among ? { and: [where, { id: { in: among } }] } : where,
    depth: 0,
    limit: 0,
    pagination: false,
    // The system's own lookup, not a read by the user: no read entry.
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.id)
}

interface Pointing {
  reference: Reference
  ids: (number | string)[]
}

const pointingRecords = pendingWork<Pointing[]>()

function referenceHooks(target: string, references: Reference[]) {
  const beforeDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
    const pointing: Pointing[] = []
    for (const reference of references) {
      const ids = await idsPointingAt(req, reference, id)
      if (ids.length > 0) pointing.push({ reference, ids })
    }
    if (pointing.length > 0) pointingRecords.put(req, `${target}:${id}`, pointing)
  }
  const afterDelete: CollectionAfterDeleteHook = async ({ id, doc, req }) => {
    const pointing = pointingRecords.take(req, `${target}:${id}`) ?? []
    // One entry per record changed, naming every field of it the database emptied.
    const changed = new Map<string, { collection: RecordCollection; id: number | string }>()
    const fieldsOf = new Map<string, Set<string>>()
    for (const { reference, ids } of pointing) {
      const still = new Set(await idsPointingAt(req, reference, id, ids))
      for (const recordId of ids.filter((each) => !still.has(each))) {
        const key = `${reference.collection}:${recordId}`
        changed.set(key, { collection: reference.collection, id: recordId })
        fieldsOf.set(key, (fieldsOf.get(key) ?? new Set()).add(reference.field))
      }
    }
    for (const [key, record] of changed)
      await writeAuditEntry(req, {
        action: 'update',
        collection: record.collection,
        docId: record.id,
        fields: [...(fieldsOf.get(key) ?? [])].sort(),
      })
    return doc
  }
  return { beforeDelete, afterDelete }
}

/**
 * Gives every collection an audited record points at the hooks that log what its deletions do
 * to those records. The `afterDelete` hook goes first, so an audited collection's own deletion
 * entry is confirmed only once these are written.
 */
export function withAuditedReferences(collections: CollectionConfig[]): CollectionConfig[] {
  const references = collections.flatMap((config) =>
    config.custom?.audited === true && isRecordCollection(config.slug)
      ? referencesIn(config.slug, config.fields)
      : [],
  )
  return collections.map((config) => {
    const toThis = references.filter((reference) => reference.target === config.slug)
    if (toThis.length === 0) return config
    const hooks = referenceHooks(config.slug, toThis)
    return {
      ...config,
      hooks: {
        ...config.hooks,
        beforeDelete: [...(config.hooks?.beforeDelete ?? []), hooks.beforeDelete],
        afterDelete: [hooks.afterDelete, ...(config.hooks?.afterDelete ?? [])],
      },
    }
  })
}

/** The same, as a plugin: it sees the collections once they are all configured. */
export const auditedReferences: Plugin = (config) => ({
  ...config,
  collections: withAuditedReferences(config.collections ?? []),
})
