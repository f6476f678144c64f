/**
 * Turns the policy's tables into Payload's access functions: every access key of every
 * collection and global, field rules, and the guards Payload itself lacks. Code that asks the
 * policy for a user goes through `./authorize.ts`.
 */
import type {
  Access,
  CollectionAfterReadHook,
  FieldAccess,
  FilterOptions,
  PayloadRequest,
} from 'payload'

import { unlessRestricted } from '../auth/account-restriction'
import { MESSAGES, userError, type Message } from '../lib/messages'
import { sameValue, type Sameness } from '../lib/values'
import { actorOf, grantCovers } from './authorize'
import {
  ACCESS_KEYS,
  collectionPolicy,
  fieldWritePolicy,
  fieldReadPolicy,
  globalPolicy,
  globalPickerPolicy,
  pickerPolicy,
  restrictedAccountPolicy,
  type AccessKey,
  type CollectionRules,
  type PolicyCollection,
  type PolicyGlobal,
} from './policy'
import type { Rule } from './rules'

export function toAccess(rule: Rule): Access {
  return ({ req, id, data }) => rule({ user: actorOf(req), req, id, data })
}

/**
 * The `access` block of a collection: every key Payload asks, straight from the policy table;
 * for an account that must first change its password or confirm its code, from
 * `restrictedAccountPolicy` instead.
 */
export function collectionAccess(collection: PolicyCollection) {
  const rules: CollectionRules = collectionPolicy[collection]
  const meanwhile: Partial<CollectionRules> =
    (restrictedAccountPolicy as Partial<Record<PolicyCollection, Partial<CollectionRules>>>)[
      collection
    ] ?? {}
  const access = Object.fromEntries(
    ACCESS_KEYS.map((key) => [key, toAccess(unlessRestricted(rules[key], meanwhile[key]))]),
  )
  const admin = rules.admin && unlessRestricted(rules.admin, meanwhile.admin)
  return {
    ...access,
    ...(admin && {
      admin: async ({ req }: { req: PayloadRequest }) =>
        (await admin({ user: actorOf(req), req })) === true,
    }),
  } as Record<AccessKey, Access> & { admin?: (args: { req: PayloadRequest }) => Promise<boolean> }
}

export function globalAccess(global: PolicyGlobal) {
  const rules = globalPolicy[global]
  return {
    read: toAccess(unlessRestricted(rules.read)),
    readVersions: toAccess(unlessRestricted(rules.readVersions)),
    update: toAccess(unlessRestricted(rules.update)),
  }
}

/**
 * A form value compares equal however it was sent: an untouched checkbox as empty, the ids of a
 * hasMany as a set.
 */
const FORM_SAMENESS: Sameness = { falseIsBlank: true, listsAsSets: true }

function changes(incoming: unknown, current: unknown): boolean {
  if (incoming === undefined) return false
  return !sameValue(incoming, current, FORM_SAMENESS)
}

/**
 * Field access from `fieldWritePolicy`. Payload silently drops a field the user may not write; we
 * answer 403 instead when the request really tries to change it, so nobody believes a change
 * was saved. Sending the unchanged value (as the admin form does) is fine.
 */
export function fieldAccess<C extends keyof typeof fieldWritePolicy>(
  collection: C,
  field: keyof (typeof fieldWritePolicy)[C] & string,
  label: Message,
  /** The value a new document starts with (the field's default), which a create form sends as is. */
  initialValue?: unknown,
  /** What the user is told when refused, when the field's name alone does not say why. */
  refusal: Message = MESSAGES.fieldForbidden(label),
): { create: FieldAccess; update: FieldAccess } {
  const rule = fieldWritePolicy[collection][field] as Rule
  const check: FieldAccess = async ({ req, id, data, doc, siblingData }) => {
    let grant = await rule({ user: actorOf(req), req, id, data, doc })
    if (typeof grant !== 'boolean') {
      // Asked with a record's id only (the admin's permissions of a document): ask the database.
      if (id !== undefined) grant = await grantCovers(req, grant, collection, id)
      // Asked without a record (may this form field be edited at all?): a rule that depends on
      // the record allows the form; the save itself is checked with the record.
      else if (!data && !(doc && 'id' in doc)) return true
      else throw new Error(`Field rule ${collection}.${field} must answer true or false`)
    }
    // A create's `doc` is an empty object: the value it starts from is the field's default.
    const current = doc && 'id' in doc ? doc[field] : initialValue
    if (!grant && siblingData && changes(siblingData[field], current)) {
      throw userError(req, 403, refusal)
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
      if (doc === undefined && id !== undefined) return grantCovers(req, grant, collection, id)
      // Asked without a document (the admin's schema of what this user may see): a rule that
      // depends on the record answers "for some records". Filtering by such a field is refused
      // separately (./query-guard.ts): it would reveal the field for the other records.
      if (doc === undefined) return true
      throw new Error(
        `Field read rule ${collection}.${field} must answer true or false for a document`,
      )
    },
  }
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

/** A relationship's picker (and the values a save accepts), from `pickerPolicy`. */
export function pickerFilter<C extends keyof typeof pickerPolicy>(
  collection: C,
  field: keyof (typeof pickerPolicy)[C] & string,
): FilterOptions {
  const rule = pickerPolicy[collection][field] as Rule
  // `id`: the document being edited, for rules about it (an account's own uploads).
  return ({ req, id }) => rule({ user: actorOf(req), req, id })
}

/** A global's picker (and the values a save accepts), from `globalPickerPolicy`. */
export function globalPickerFilter<G extends keyof typeof globalPickerPolicy>(
  global: G,
  field: keyof (typeof globalPickerPolicy)[G] & string,
): FilterOptions {
  const rule = globalPickerPolicy[global][field] as Rule
  return ({ req }) => rule({ user: actorOf(req), req })
}
