/**
 * The building blocks of the policy: small predicates that answer "may this actor do it?".
 *
 * A rule answers with a Grant: `true` (yes), `false` (no) or a Payload `Where` (yes, for the
 * documents that match). Rules compose with `anyOf`, `allOf` and `not`, so the policy table reads
 * like the regulation: `anyOf(accountManager, self)`.
 */
import type { PayloadRequest, Where } from 'payload'
import type { Role } from '@school/shared'

import type { Group, User } from '../payload-types'

export type Grant = boolean | Where

/** A post as the workflow's rules weigh it, with the groups that decide who reviews it. */
export interface PostContext {
  post: {
    id: number | string
    stage: string
    /** Who made the post: recorded by the server at creation, never sent by a client. */
    createdBy: User['id'] | null
    authors: Array<User['id']>
    reviewedBy: User['id'] | null
  }
  /** The group, organisation or class the post belongs to; null for the whole school. */
  ownerGroup: Group | null
  /** For a class: the professional group of its grade, whose head reviews the class's posts. */
  parentGroup: Group | null
}

export interface RuleContext {
  user: User | null
  req: PayloadRequest
  /** The id of the document acted on, when there is one (update, delete, field access). */
  id?: number | string
  /** The incoming data of a create or update. */
  data?: Record<string, unknown>
  /** The document as it is before the change (field rules only). */
  doc?: Record<string, unknown>
  /** The post a workflow step is asked about. */
  post?: PostContext
}

export type Rule = (context: RuleContext) => Grant | Promise<Grant>

export const anyone: Rule = () => true
export const nobody: Rule = () => false

/** A signed-in staff member. Accounts are personal (Điều 4): there is no anonymous staff. */
export const staff: Rule = ({ user }) => Boolean(user)

export const hasRole =
  (...roles: Role[]): Rule =>
  ({ user }) =>
    Boolean(user?.roles?.some((role) => roles.includes(role)))

/** The document is the actor's own account. */
export const self: Rule = ({ user }) => (user ? { id: { equals: user.id } } : false)

/** Any document but the actor's own account. */
export const notSelf: Rule = ({ user }) => (user ? { id: { not_equals: user.id } } : false)

/** The document acted on (by id) is not the actor's own account: for field rules. */
export const notSelfById: Rule = ({ user, id }) =>
  Boolean(user) && (id === undefined || String(id) !== String(user?.id))

/** Rules are tried in order and stop at the first that decides: put cheap ones first. */
export function anyOf(...rules: Rule[]): Rule {
  return async (context) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const grant = await rule(context)
      if (grant === true) return true
      if (grant !== false) wheres.push(grant)
    }
    if (wheres.length === 0) return false
    return wheres.length === 1 ? wheres[0] : { or: wheres }
  }
}

export function allOf(...rules: Rule[]): Rule {
  return async (context) => {
    const wheres: Where[] = []
    for (const rule of rules) {
      const grant = await rule(context)
      if (grant === false) return false
      if (grant !== true) wheres.push(grant)
    }
    if (wheres.length === 0) return true
    return wheres.length === 1 ? wheres[0] : { and: wheres }
  }
}

/**
 * The opposite of a yes/no rule. A rule that answers with a `Where` cannot be negated here
 * (Payload has no `not` operator over a whole query): that is a mistake in the policy.
 */
export function not(rule: Rule): Rule {
  return async (context) => {
    const grant = await rule(context)
    if (typeof grant !== 'boolean') throw new Error('not() takes only rules that answer yes or no')
    return !grant
  }
}
