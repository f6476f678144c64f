/**
 * Who may do what in the school's system: the one place every permission is declared.
 *
 * Collections take their `access` from here (see ./payload-access.ts), hooks and endpoints ask
 * `can()`, and the admin UI gets what Payload derives from the same functions. Each rule names
 * the article of the regulation it comes from. `tests/int/policy-matrix.int.test.ts` walks every
 * role through every cell of this table.
 */
import type { Where } from 'payload'

import { idOf, sameId as same } from '../lib/ids'
import type { Group, User } from '../payload-types'
import { groupsOf } from './groups-of'
import { allOf, anyOf, anyone, hasRole, nobody, notSelf, notSelfById, self, staff, type Rule } from './rules'

/**
 * Điều 5.1–5.2: the principal sets up accounts and permissions, or delegates account management
 * to someone (a flag only the principal can grant).
 */
export const principal: Rule = hasRole('principal')
const delegate: Rule = ({ user }) => Boolean(user?.canManageAccounts)
export const accountManager: Rule = anyOf(principal, delegate)

/**
 * A delegate manages everyone's account but the principal's: no delegate can take over the school.
 * (A `not_in` on the roles array would match a principal who also holds another role, so the
 * principals are looked up by id.)
 */
const notPrincipalAccount: Rule = async ({ req }) => {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { in: ['principal'] } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  return { id: { not_in: docs.map((doc) => doc.id) } }
}
const manageableAccount: Rule = anyOf(principal, allOf(delegate, notPrincipalAccount))

const mentionsPrincipal = (roles: unknown) => Array.isArray(roles) && roles.includes('principal')
/** Only the principal gives or takes away the principal role. */
const principalRoleOnlyByPrincipal: Rule = async (context) =>
  (await principal(context)) === true ||
  (!mentionsPrincipal(context.data?.roles) && !mentionsPrincipal(context.doc?.roles))

export const leadership: Rule = hasRole('principal', 'vice_principal')

/**
 * The workflow itself is writing (it set `req.context.workflow` after checking `workflowPolicy`).
 * Only server code can set a request's context: no REST or GraphQL client can.
 */
export const workflowInProgress: Rule = ({ req }) => req.context?.workflow === true

/** Posts the actor writes: as an author, or as a member of the post's owner group (Điều 7, 9.6, 10.3). */
const ownPost: Rule = async ({ user, req }) => {
  if (!user) return false
  const groups = await groupsOf(req, user.id)
  const mine: Where[] = [{ authors: { equals: user.id } }]
  if (groups.length > 0) mine.push({ ownerGroup: { in: groups.map((group) => group.id) } })
  return { or: mine }
}

const published: Rule = () => ({ _status: { equals: 'published' } })
/** Between submission and publication a post is in the reviewers' hands, not its writers'. */
const notInReview: Rule = () => ({ stage: { not_in: ['submitted', 'reviewed', 'approved'] } })
/** Heads of a group or organisation assign writers (Điều 7); leadership may too. */
const headOfAGroup: Rule = async ({ user, req }) => {
  if (!user) return false
  const groups = await groupsOf(req, user.id)
  return groups.some((group) => same(group.head, user.id))
}
const assignedBySelf: Rule = ({ user }) => (user ? { assignedBy: { equals: user.id } } : false)

/** Not on the website: a writer may withdraw (delete) it. */
const notLive: Rule = () => ({ _status: { equals: 'draft' } })
const uploadedBySelf: Rule = ({ user }) => (user ? { uploadedBy: { equals: user.id } } : false)

export type CrudAction = 'create' | 'read' | 'update' | 'delete'
export type CrudRules = Record<CrudAction, Rule>

export const collectionPolicy = {
  /** Staff accounts (Điều 4, 5.1, 5.2). */
  users: {
    create: accountManager,
    // Colleagues' names appear as authors, heads and homeroom teachers: all staff see them.
    read: staff,
    // Everyone keeps their own name, phone and password up to date (Điều 4: change passwords).
    update: anyOf(manageableAccount, self),
    // Nobody deletes their own account: the school would lose its last principal that way.
    delete: allOf(manageableAccount, notSelf),
  },
  /** Professional groups, organisations, classes and the editorial board (Điều 5.6, 7, 9). */
  groups: {
    create: accountManager,
    // The website lists each group's and class's posts: names are public, people are not
    // (see fieldReadPolicy).
    read: anyone,
    update: accountManager,
    delete: accountManager,
  },
  /** Website posts (Điều 5.6, 7, 9.4, 9.6, 10.3, 17). Only the workflow moves them between stages. */
  posts: {
    create: staff,
    // The public sees what was published; staff see the drafts of the school too.
    read: anyOf(staff, published),
    // The admin shows a post in review read-only; Posts/hooks/guardWorkflowState also refuses
    // (409) an edit of a live post's newer draft while that draft is in review.
    update: anyOf(workflowInProgress, allOf(ownPost, notInReview)),
    delete: anyOf(hasRole('principal'), allOf(ownPost, notLive)),
  },
  /** The record of every workflow step: written by the workflow only, never edited or deleted. */
  'workflow-events': {
    create: workflowInProgress,
    read: staff,
    update: nobody,
    delete: nobody,
  },
  /** Writing assignments: a topic, a writer and a due date (Điều 7). */
  assignments: {
    create: anyOf(leadership, headOfAGroup),
    read: staff,
    update: anyOf(workflowInProgress, leadership, assignedBySelf),
    delete: anyOf(leadership, assignedBySelf),
  },
  /** Images and files of posts: public once uploaded (they appear on the website). */
  media: {
    create: staff,
    read: anyone,
    update: anyOf(hasRole('principal', 'web_admin'), uploadedBySelf),
    delete: anyOf(hasRole('principal', 'web_admin'), uploadedBySelf),
  },
} satisfies Record<string, CrudRules>

export type PolicyCollection = keyof typeof collectionPolicy

/**
 * Fields some who may update the document still may not change. A rule here is checked on
 * create and update; a refused change answers 403 with a message, it is never silently dropped.
 */
export const fieldPolicy = {
  users: {
    // Điều 5.1: roles are given by the principal (or delegate); nobody changes their own.
    roles: allOf(accountManager, notSelfById, principalRoleOnlyByPrincipal),
    // Điều 5.2: only the principal delegates account management, and never to themself.
    canManageAccounts: allOf(principal, notSelfById),
    // The login name is part of the account the principal set up.
    email: accountManager,
  },
  posts: {
    // Stages and the people who moved the post along are written by the workflow only.
    stage: workflowInProgress,
    reviewedBy: workflowInProgress,
    approvedBy: workflowInProgress,
    returnComment: workflowInProgress,
    publishAt: workflowInProgress,
    publishedAt: workflowInProgress,
  },
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

/** Fields only some readers of the document may see. */
export const fieldReadPolicy = {
  groups: {
    head: staff,
    homeroomTeacher: staff,
    members: staff,
  },
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

export const globalPolicy = {
  /** The school's public profile and links shown on the website (Điều 17.2). */
  'school-profile': {
    read: anyone,
    update: hasRole('principal', 'web_admin'),
  },
  /** Written by the site builder only; the web admin and leadership watch it. */
  'site-build': {
    read: hasRole('principal', 'vice_principal', 'web_admin'),
    update: nobody,
  },
} satisfies Record<string, { read: Rule; update: Rule }>

export type PolicyGlobal = keyof typeof globalPolicy

/** Who may enter the admin panel: any staff account with at least one role. */
export const adminPanel: Rule = ({ user }) => Boolean(user?.roles?.length)

/**
 * Who may move a post (Điều 5.1, 5.6, 6, 7, 17.3). The workflow's transition table names one of
 * these for each step; `PostContext` carries the post and its owner group as they are now.
 */
export interface PostContext {
  post: {
    id: number | string
    stage: string
    authors: Array<User['id']>
    reviewedBy: User['id'] | null
  }
  /** The group, organisation or class the post belongs to; null for the whole school. */
  ownerGroup: Group | null
  /** For a class: the professional group of its grade, whose head reviews the class's posts. */
  parentGroup: Group | null
}

export type WorkflowRule = (actor: User, context: PostContext) => boolean | Promise<boolean>


const isLeader = (actor: User) => actor.roles.some((role) => role === 'principal' || role === 'vice_principal')
const isAuthor = (actor: User, { post }: PostContext) => post.authors.some((author) => same(author, actor.id))

/** The head who checks a post's accuracy (thẩm định, Điều 7); null when leadership does it. */
export function reviewerOf({ ownerGroup, parentGroup }: PostContext): User['id'] | null {
  const group = ownerGroup?.kind === 'class' ? parentGroup : ownerGroup
  return idOf(group?.head)
}

export const workflowPolicy = {
  /** An author, or a member of the owner group, hands the post in (Điều 7, 10.3). */
  writer: (actor, context) => {
    if (isAuthor(actor, context)) return true
    const group = context.ownerGroup
    if (!group) return false
    return [group.head, group.homeroomTeacher, ...(group.members ?? [])].some((member) => same(member, actor.id))
  },
  /**
   * The head of the owner group (of the grade's group, for a class; the leader, for an
   * organisation) reviews for accuracy. When there is none, or the head wrote the post, a
   * vice-principal or the principal does it. Nobody reviews their own post.
   */
  reviewer: (actor, context) => {
    if (isAuthor(actor, context)) return false
    const reviewer = reviewerOf(context)
    const reviewerIsAuthor = reviewer !== null && context.post.authors.some((author) => same(author, reviewer))
    if (reviewer !== null && !reviewerIsAuthor) return same(reviewer, actor.id)
    return isLeader(actor)
  },
  /**
   * A vice-principal approves on the principal's behalf (Điều 6), the principal approves anything
   * (Điều 5.1). Two different people check every post: not an author, not the one who accepted it.
   */
  approver: (actor, context) =>
    isLeader(actor) && !isAuthor(actor, context) && !same(context.post.reviewedBy, actor.id),
  /** The web admin publishes right after approval (Điều 17.3); the principal answers for all (5.1). */
  publisher: (actor) => actor.roles.some((role) => role === 'web_admin' || role === 'principal'),
} satisfies Record<string, WorkflowRule>

export type WorkflowRole = keyof typeof workflowPolicy

/** Reports and who reads them. */
export const reportPolicy = {
  /** Điều 17.1: the web admin reports monthly to the principal on the editorial board's work. */
  editorial: hasRole('principal', 'vice_principal', 'web_admin'),
} satisfies Record<string, Rule>
