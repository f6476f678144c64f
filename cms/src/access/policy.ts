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
import {
  allOf,
  anyOf,
  anyone,
  hasRole,
  nobody,
  notSelf,
  notSelfById,
  self,
  staff,
  type Rule,
  type RuleContext,
} from './rules'

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

/**
 * The start-of-year import is writing (Điều 8): it checked `importPolicy` first and set
 * `req.context.recordsImport`, which only server code can set.
 */
export const importInProgress: Rule = ({ req }) => req.context?.recordsImport === true

const nurse: Rule = hasRole('nurse')
const hrOfficer: Rule = hasRole('hr_officer')

type ClassIds = Array<Group['id']>

/** Classes whose homeroom teacher the actor is (Điều 9.1). */
async function homeroomClasses(req: RuleContext['req'], user: User): Promise<ClassIds> {
  const groups = await groupsOf(req, user.id)
  return groups
    .filter((group) => group.kind === 'class' && same(group.homeroomTeacher, user.id))
    .map((group) => group.id)
}

/** Classes the actor teaches: a class's members are the teachers who teach it. */
async function taughtClasses(req: RuleContext['req'], user: User): Promise<ClassIds> {
  const groups = await groupsOf(req, user.id)
  return groups
    .filter(
      (group) =>
        group.kind === 'class' && (group.members ?? []).some((member) => same(member, user.id)),
    )
    .map((group) => group.id)
}

/** How a kind of record reaches a pupil's class: for lists (a `Where`) and for one record. */
interface PupilScope {
  where: (classes: ClassIds) => Where
  classOf: (record: Record<string, unknown>, req: RuleContext['req']) => Promise<Group['id'] | null>
}

const pupilClassCache = new WeakMap<RuleContext['req'], Map<string, Promise<Group['id'] | null>>>()

/** The class of a pupil, looked up once per request (check-up rules ask for it per field). */
function classOfPupil(
  req: RuleContext['req'],
  pupilId: number | string | null,
): Promise<Group['id'] | null> {
  if (pupilId === null) return Promise.resolve(null)
  let byPupil = pupilClassCache.get(req)
  if (!byPupil) pupilClassCache.set(req, (byPupil = new Map()))
  let found = byPupil.get(String(pupilId))
  if (!found) {
    found = req.payload
      .find({
        collection: 'students',
        where: { id: { equals: pupilId } },
        depth: 0,
        limit: 1,
        select: { class: true },
        overrideAccess: true,
        req,
      })
      .then(({ docs }) => idOf(docs[0]?.class))
    byPupil.set(String(pupilId), found)
  }
  return found
}

const pupilRecord: PupilScope = {
  where: (classes) => ({ class: { in: classes } }),
  classOf: async (record) => idOf(record.class as Group['id'] | Group | null | undefined),
}
const pupilHealthRecord: PupilScope = {
  where: (classes) => ({ 'student.class': { in: classes } }),
  classOf: (record, req) =>
    classOfPupil(
      req,
      idOf(record.student as number | string | { id: number | string } | null | undefined),
    ),
}

/**
 * Records of pupils in the classes `classesOf` gives the actor. Answers a `Where` for lists and
 * updates by id, and yes/no for one record in hand (field rules, and a create's incoming data).
 */
function pupilsOfClasses(classesOf: typeof homeroomClasses, scope: PupilScope): Rule {
  return async ({ user, req, id, doc, data }) => {
    if (!user) return false
    const classes = await classesOf(req, user)
    if (classes.length === 0) return false
    const record = doc && 'id' in doc ? doc : id === undefined ? data : undefined
    if (!record) return scope.where(classes)
    const pupilClass = await scope.classOf(record, req)
    return pupilClass !== null && classes.some((classId) => same(classId, pupilClass))
  }
}

/** Điều 9.1: the homeroom teacher keeps the records of their own class. */
const homeroomOfPupil = pupilsOfClasses(homeroomClasses, pupilRecord)
/** A subject teacher sees who is in the classes they teach, nothing more. */
const teacherOfPupil = pupilsOfClasses(taughtClasses, pupilRecord)
const homeroomOfExaminedPupil = pupilsOfClasses(homeroomClasses, pupilHealthRecord)
/** A record being created (no document yet). */
const newRecord: Rule = ({ doc }) => !(doc && 'id' in doc)
const ownStaffProfile: Rule = ({ user }) => (user ? { user: { equals: user.id } } : false)

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
    // Điều 8: the start-of-year import creates the year's classes.
    create: anyOf(accountManager, importInProgress),
    // The website lists each group's and class's posts: names are public, people are not
    // (see fieldReadPolicy).
    read: anyone,
    update: anyOf(accountManager, importInProgress),
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
  /**
   * Pupils' records (Điều 9.1; children's personal data under Law 91/2025): need-to-know.
   * Leadership follows every pupil (Điều 6), the homeroom teacher keeps their class, a subject
   * teacher sees who is in the classes they teach and the nurse who she examines (Điều 11);
   * `pupilFieldAudience` narrows what each of them reads. Nobody else, and never the public.
   */
  students: {
    create: anyOf(importInProgress, leadership, homeroomOfPupil),
    read: anyOf(leadership, nurse, homeroomOfPupil, teacherOfPupil),
    // The nurse updates the health part only (fieldPolicy); the rest stays with the homeroom.
    update: anyOf(importInProgress, leadership, nurse, homeroomOfPupil),
    // A pupil who leaves is marked by an enrollment event, not deleted: deletion undoes a mistake.
    delete: principal,
  },
  /** Periodic check-ups (Điều 11): kept by the nurse, read by the pupil's homeroom teacher. */
  'health-checkups': {
    create: nurse,
    read: anyOf(leadership, nurse, homeroomOfExaminedPupil),
    update: nurse,
    delete: nurse,
  },
  /** Staff records and evaluations (Điều 16): the HR officer writes; leadership and the person read. */
  'staff-profiles': {
    create: anyOf(importInProgress, hrOfficer),
    read: anyOf(leadership, hrOfficer, ownStaffProfile),
    update: anyOf(importInProgress, hrOfficer),
    delete: hrOfficer,
  },
  /** Who touched which record: written by the system only, read by the principal, never changed. */
  'audit-log': {
    create: nobody,
    read: principal,
    update: nobody,
    delete: nobody,
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
 * Who reads which part of a pupil's record, among those who may open it at all (Điều 9.1, 11;
 * Law 91/2025: each role sees what its work needs).
 */
export const pupilAudiences = {
  /** Who is in the class: all who may open the record, subject teachers included. */
  basic: anyone,
  /** The pupil's code and enrollment status: the nurse needs them to keep the health record. */
  identity: anyOf(leadership, nurse, homeroomOfPupil),
  /** Family, contact and policy data: only those who keep the pupil's record. */
  family: anyOf(leadership, homeroomOfPupil),
  /** Điều 11: the nurse's part, read by the homeroom teacher and leadership. */
  health: anyOf(leadership, nurse, homeroomOfPupil),
} satisfies Record<string, Rule>

export type PupilAudience = keyof typeof pupilAudiences

/** Each field of a pupil's record and the audience that reads it. */
export const pupilFieldAudience = {
  fullName: 'basic',
  dateOfBirth: 'basic',
  gender: 'basic',
  class: 'basic',
  studentCode: 'identity',
  status: 'identity',
  ethnicity: 'family',
  permanentAddress: 'family',
  policyStatus: 'family',
  guardians: 'family',
  consent: 'family',
  enrollmentEvents: 'family',
  health: 'health',
  checkups: 'health',
} as const satisfies Record<string, PupilAudience>

export type PupilField = keyof typeof pupilFieldAudience

function studentFieldReaders() {
  return Object.fromEntries(
    Object.entries(pupilFieldAudience).map(([field, audience]) => [
      field,
      pupilAudiences[audience],
    ]),
  ) as Record<PupilField, Rule>
}

/** Who writes each field of a pupil's record. */
function studentFieldWriters() {
  const recordKeeper = anyOf(importInProgress, leadership, homeroomOfPupil)
  const writable = Object.keys(pupilFieldAudience).filter((field) => field !== 'checkups') as Array<
    Exclude<PupilField, 'checkups'>
  >
  const writers = Object.fromEntries(writable.map((field) => [field, recordKeeper])) as Record<
    (typeof writable)[number],
    Rule
  >
  return {
    ...writers,
    // A homeroom teacher enrolls a pupil into their class; moving a pupil to another class is
    // the school's decision (Điều 6), recorded as a class change.
    class: anyOf(importInProgress, leadership, allOf(newRecord, homeroomOfPupil)),
    // Derived from the enrollment events (Students/hooks), never typed in.
    status: nobody,
    // Điều 11: health is written by the nurse only.
    health: nurse,
  }
}

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
  students: studentFieldWriters(),
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

/** Fields only some readers of the document may see. */
export const fieldReadPolicy = {
  groups: {
    head: staff,
    homeroomTeacher: staff,
    members: staff,
  },
  students: studentFieldReaders(),
  posts: {
    // Which pupils appear in a post is a staff matter (consent), never public.
    pupils: staff,
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

const isLeader = (actor: User) =>
  actor.roles.some((role) => role === 'principal' || role === 'vice_principal')
const isAuthor = (actor: User, { post }: PostContext) =>
  post.authors.some((author) => same(author, actor.id))

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
    return [group.head, group.homeroomTeacher, ...(group.members ?? [])].some((member) =>
      same(member, actor.id),
    )
  },
  /**
   * The head of the owner group (of the grade's group, for a class; the leader, for an
   * organisation) reviews for accuracy. When there is none, or the head wrote the post, a
   * vice-principal or the principal does it. Nobody reviews their own post.
   */
  reviewer: (actor, context) => {
    if (isAuthor(actor, context)) return false
    const reviewer = reviewerOf(context)
    const reviewerIsAuthor =
      reviewer !== null && context.post.authors.some((author) => same(author, reviewer))
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
  /** Điều 8, 6: counts of pupils per class, without a single name. */
  pupilStatistics: hasRole('principal', 'vice_principal', 'it_teacher'),
} satisfies Record<string, Rule>

/** Điều 8: the IT teacher loads the year's classes, pupils and staff from a spreadsheet. */
export const importPolicy = {
  records: hasRole('it_teacher', 'principal'),
} satisfies Record<string, Rule>
