/**
 * Turns the policy table into Payload's access functions, and answers `can()` for hooks,
 * endpoints and the admin UI. Nothing else in the CMS decides a permission.
 */
import type {
  Access,
  CollectionAfterReadHook,
  CollectionBeforeOperationHook,
  FieldAccess,
  Payload,
  PayloadRequest,
  Where,
} from 'payload'

import { MESSAGES, userError, type Message } from '../lib/messages'
import type { User } from '../payload-types'
import {
  adminPanel,
  collectionPolicy,
  fieldPolicy,
  fieldReadPolicy,
  globalPolicy,
  type CrudAction,
  type PolicyCollection,
  type PolicyGlobal,
} from './policy'
import type { Grant, Rule, RuleContext } from './rules'

function actorOf(req: PayloadRequest): User | null {
  return (req.user as User | null | undefined) ?? null
}

function toAccess(rule: Rule): Access {
  return ({ req, id, data }) => rule({ user: actorOf(req), req, id, data })
}

/** The `access` block of a collection, straight from the policy table. */
export function collectionAccess(collection: PolicyCollection) {
  const rules = collectionPolicy[collection]
  return {
    create: toAccess(rules.create),
    read: toAccess(rules.read),
    update: toAccess(rules.update),
    delete: toAccess(rules.delete),
  }
}

/** Who may enter the admin panel at all. */
export const adminPanelAccess = async ({ req }: { req: PayloadRequest }): Promise<boolean> =>
  (await adminPanel({ user: actorOf(req), req })) === true

export function globalAccess(global: PolicyGlobal) {
  const rules = globalPolicy[global]
  return { read: toAccess(rules.read), update: toAccess(rules.update) }
}

/** Does the record with this id satisfy the rule's `Where`? */
async function matches(
  req: PayloadRequest,
  collection: PolicyCollection,
  id: number | string,
  where: Where,
): Promise<boolean> {
  const { totalDocs } = await req.payload.count({
    collection,
    where: { and: [{ id: { equals: id } }, where] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

/**
 * A value in a form that compares equal however it was sent: ids of a hasMany as a sorted set,
 * rows of an array in order, objects by key, populated relations by id, empty values as absent.
 */
function canonical(value: unknown): unknown {
  if (isEmptyValue(value)) return null
  if (Array.isArray(value)) {
    const items = value.map(canonical)
    return items.every((item) => typeof item !== 'object' || item === null)
      ? items.map(String).sort()
      : items
  }
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, canonical(item)] as const)
      .filter(([, item]) => item !== null)
      .sort(([a], [b]) => a.localeCompare(b))
    return Object.fromEntries(entries)
  }
  return value
}

function normalized(value: unknown): string {
  return JSON.stringify(canonical(value))
}

function changes(incoming: unknown, current: unknown): boolean {
  if (incoming === undefined) return false
  if (isEmptyValue(incoming) && isEmptyValue(current)) return false
  return normalized(incoming) !== normalized(current)
}

/**
 * Field access from `fieldPolicy`. Payload silently drops a field the user may not write; we
 * answer 403 instead when the request really tries to change it, so nobody believes a change
 * was saved. Sending the unchanged value (as the admin form does) is fine.
 */
export function fieldAccess<C extends keyof typeof fieldPolicy>(
  collection: C,
  field: keyof (typeof fieldPolicy)[C] & string,
  label: Message,
  /** The value a new document starts with (the field's default), which a create form sends as is. */
  initialValue?: unknown,
): { create: FieldAccess; update: FieldAccess } {
  const rule = fieldPolicy[collection][field] as Rule
  const check: FieldAccess = async ({ req, id, data, doc, siblingData }) => {
    let grant = await rule({ user: actorOf(req), req, id, data, doc })
    if (typeof grant !== 'boolean') {
      // Asked with a record's id only (the admin's permissions of a document): ask the database.
      if (id !== undefined) grant = await matches(req, collection, id, grant)
      // Asked without a record (may this form field be edited at all?): a rule that depends on
      // the record allows the form; the save itself is checked with the record.
      else if (!data && !(doc && 'id' in doc)) return true
      else throw new Error(`Field rule ${collection}.${field} must answer true or false`)
    }
    // A create's `doc` is an empty object: the value it starts from is the field's default.
    const current = doc && 'id' in doc ? doc[field] : initialValue
    if (!grant && siblingData && changes(siblingData[field], current)) {
      throw userError(req, 403, MESSAGES.fieldForbidden(label))
    }
    return grant
  }
  return { create: check, update: check }
}

/** Who may read a field, from `fieldReadPolicy`. */
export function fieldReadAccess<C extends keyof typeof fieldReadPolicy>(
  collection: C,
  field: keyof (typeof fieldReadPolicy)[C] & string,
): { read: FieldAccess } {
  const rule = fieldReadPolicy[collection][field] as Rule
  return {
    read: async ({ req, id, doc }) => {
      const grant = await rule({ user: actorOf(req), req, id, doc })
      if (typeof grant === 'boolean') return grant
      // Asked with a record's id only (the admin's permissions of a document): ask the database.
      if (doc === undefined && id !== undefined) return matches(req, collection, id, grant)
      // Asked without a document (the admin's schema of what this user may see): a rule that
      // depends on the record answers "for some records". Filtering by such a field is refused
      // separately (refuseFiltersBeyondReach): it would reveal the field for the other records.
      if (doc === undefined) return true
      throw new Error(
        `Field read rule ${collection}.${field} must answer true or false for a document`,
      )
    },
  }
}

/**
 * May `user` take `action` on this document? For hooks and endpoints. A rule that answers with a
 * `Where` is checked against the database, so the answer is the one Payload itself would give.
 */
export async function can(
  payload: Payload,
  req: PayloadRequest,
  action: CrudAction,
  collection: PolicyCollection,
  id?: number | string,
): Promise<boolean> {
  const context: RuleContext = { user: actorOf(req), req, id }
  const grant: Grant = await collectionPolicy[collection][action](context)
  if (typeof grant === 'boolean') return grant
  if (id === undefined) return true
  const where: Where = { and: [{ id: { equals: id } }, grant] }
  const { totalDocs } = await payload.count({ collection, where, req, overrideAccess: true })
  return totalDocs > 0
}

/**
 * Payload answers `[]` for an array field the reader may not see (it deletes the value, then
 * fills in an empty list). Removes such lists so a hidden field is absent, not falsely empty.
 */
export function hideUnreadableEmptyArrays<C extends keyof typeof fieldReadPolicy>(
  collection: C,
  fields: Array<keyof (typeof fieldReadPolicy)[C] & string>,
): CollectionAfterReadHook {
  return async ({ doc, req }) => {
    for (const field of fields) {
      if (!Array.isArray(doc[field]) || doc[field].length > 0) continue
      const rule = fieldReadPolicy[collection][field] as Rule
      if ((await rule({ user: actorOf(req), req, id: doc.id, doc })) !== true) delete doc[field]
    }
    return doc
  }
}

function pathsOf(where: Where | undefined, found = new Set<string>()): Set<string> {
  if (!where || typeof where !== 'object') return found
  for (const [key, value] of Object.entries(where)) {
    if ((key === 'and' || key === 'or') && Array.isArray(value))
      for (const inner of value) pathsOf(inner as Where, found)
    else found.add(key.split('.')[0])
  }
  return found
}

/**
 * Refuses a list filtered by a field the user reads only for some of the records (a homeroom
 * teacher filtering by address would learn the addresses of pupils in classes they only teach).
 */
export function refuseFiltersBeyondReach<C extends keyof typeof fieldReadPolicy>(
  collection: C,
  /** The fields guarded this way, with their labels for the message. */
  guarded: Partial<Record<keyof (typeof fieldReadPolicy)[C] & string, Message>>,
): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'read' && operation !== 'count') return args
    const { where, overrideAccess } = args as { where?: Where; overrideAccess?: boolean }
    if (overrideAccess || !req.user) return args
    for (const path of pathsOf(where)) {
      const label = guarded[path as keyof typeof guarded]
      const rule = (fieldReadPolicy[collection] as Record<string, Rule | undefined>)[path]
      if (!label || !rule) continue
      if ((await rule({ user: actorOf(req), req })) === true) continue
      throw userError(req, 403, {
        vi: `Bạn không được lọc theo trường "${label.vi}" (${path}).`,
        en: `You may not filter by "${label.en}" (${path}).`,
      })
    }
    return args
  }
}
