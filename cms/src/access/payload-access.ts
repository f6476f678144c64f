/**
 * Turns the policy table into Payload's access functions, and answers `can()` for hooks,
 * endpoints and the admin UI. Nothing else in the CMS decides a permission.
 */
import type { Access, FieldAccess, Payload, PayloadRequest, Where } from 'payload'

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

function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === false ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

function normalized(value: unknown): string {
  if (Array.isArray(value)) return JSON.stringify(value.map((item) => String(item)).sort())
  return JSON.stringify(value)
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
    const grant = await rule({ user: actorOf(req), req, id, data, doc })
    if (typeof grant !== 'boolean') {
      throw new Error(`Field rule ${collection}.${field} must answer true or false`)
    }
    const current = doc ? doc[field] : initialValue
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
    read: async ({ req, id }) => {
      const grant = await rule({ user: actorOf(req), req, id })
      if (typeof grant !== 'boolean') throw new Error(`Field read rule ${collection}.${field} must answer true or false`)
      return grant
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
