/**
 * The policy's vocabulary: who someone is to a document (principal, author of the post, homeroom
 * teacher of the pupil's class…), each as a small predicate with the article it comes from.
 * `./policy.ts` builds its tables from these alone; nothing outside `access/` uses them directly.
 */
import type { Where } from 'payload'
import { IN_REVIEW_STAGES, schoolYearOf, vietnamDay } from '@school/shared'

import { idOf, idsOf, sameId as same } from '../lib/ids'
import { hasFlag } from '../lib/request-flags'
import type { Group, User } from '../payload-types'
import { assignmentsOf } from './assignments-of'
import { groupsOf } from './groups-of'
import {
  allOf,
  anyOf,
  hasRole,
  type Grant,
  type PostContext,
  type Rule,
  type RuleContext,
} from './rules'

/**
 * Điều 5.1–5.2: the principal sets up accounts and permissions, or delegates account management
 * to someone (a flag only the principal can grant).
 */
export const principal: Rule = hasRole('principal')
export const delegate: Rule = ({ user }) => Boolean(user?.canManageAccounts)
export const accountManager: Rule = anyOf(principal, delegate)

/**
 * A delegate manages everyone's account but the principal's: no delegate can take over the school.
 * (A `not_in` on the roles array would match a principal who also holds another role, so the
 * principals are looked up by id.)
 */
export const notPrincipalAccount: Rule = async ({ req }) => {
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
export const manageableAccount: Rule = anyOf(principal, allOf(delegate, notPrincipalAccount))

/** The document in hand (field rules) is the actor's own account: yes or no, never a query. */
export const ownAccount: Rule = ({ user, id, doc }) => {
  const target = doc && 'id' in doc ? doc.id : id
  return Boolean(user) && target !== undefined && String(target) === String(user?.id)
}

const mentionsPrincipal = (roles: unknown) => Array.isArray(roles) && roles.includes('principal')
/** Only the principal gives or takes away the principal role. */
export const principalRoleOnlyByPrincipal: Rule = async (context) =>
  (await principal(context)) === true ||
  (!mentionsPrincipal(context.data?.roles) && !mentionsPrincipal(context.doc?.roles))

export const leadership: Rule = hasRole('principal', 'vice_principal')

/**
 * The workflow itself is writing (it set `req.context.workflow` after checking `workflowPolicy`).
 * Only server code can set a request's context: no REST or GraphQL client can.
 */
export const workflowInProgress: Rule = ({ req }) => hasFlag(req, 'workflow')

/** Posts the actor writes: as an author, or as a member of the post's owner group (Điều 7, 9.6, 10.3). */
export const ownPost: Rule = async ({ user, req }) => {
  if (!user) return false
  const groups = await groupsOf(req, user.id)
  const mine: Where[] = [{ authors: { equals: user.id } }]
  if (groups.length > 0) mine.push({ ownerGroup: { in: groups.map((group) => group.id) } })
  return { or: mine }
}

export const published: Rule = () => ({ _status: { equals: 'published' } })
/** Between submission and publication a post is in the reviewers' hands, not its writers'. */
export const notInReview: Rule = () => ({
  stage: { not_in: [...IN_REVIEW_STAGES] },
})
/** Heads of a group or organisation assign writers (Điều 7); leadership may too. */
export const headOfAGroup: Rule = async ({ user, req }) => {
  if (!user) return false
  const groups = await groupsOf(req, user.id)
  return groups.some((group) => same(group.head, user.id))
}
export const assignedBySelf: Rule = ({ user }) =>
  user ? { assignedBy: { equals: user.id } } : false

/** Not on the website: a writer may withdraw (delete) it. */
export const notLive: Rule = () => ({ _status: { equals: 'draft' } })
export const uploadedBySelf: Rule = ({ user }) =>
  user ? { uploadedBy: { equals: user.id } } : false

/**
 * A file that published content shows (a live post's cover or image, the school's about text):
 * the mark is kept by the server (media/public-use.ts), never sent by a client.
 */
export const onWebsite: Rule = () => ({ onWebsite: { equals: true } })
/** A file no published content shows (files stored before the mark existed have none). */
export const notOnWebsite: Rule = () => ({
  or: [{ onWebsite: { equals: false } }, { onWebsite: { exists: false } }],
})

/**
 * The start-of-year import is writing (Điều 8): it checked `importPolicy` first and set
 * `req.context.recordsImport`, which only server code can set.
 */
export const importInProgress: Rule = ({ req }) => hasFlag(req, 'recordsImport')

/**
 * A decider is applying one of the import's proposals (Điều 5.1, 6, 16): the decision endpoint
 * set `req.context.proposalDecision` after checking `importPolicy` for that kind of change.
 */
export const proposalDecisionInProgress: Rule = ({ req }) => hasFlag(req, 'proposalDecision')

/** Proposals the actor filed (the server records who proposed; no client sends it). */
export const proposedBySelf: Rule = ({ user }) =>
  user ? { proposedBy: { equals: user.id } } : false

/** The import's proposals about records of these collections. */
export const proposalsAbout =
  (
    ...collections: Array<'groups' | 'staff-profiles' | 'students' | 'teaching-assignments'>
  ): Rule =>
  () => ({ targetCollection: { in: collections } })

export const nurse: Rule = hasRole('nurse')
export const hrOfficer: Rule = hasRole('hr_officer')

type ClassIds = Array<Group['id']>

/** Classes whose homeroom teacher the actor is (Điều 9.1). */
export async function homeroomClasses(req: RuleContext['req'], user: User): Promise<ClassIds> {
  const groups = await groupsOf(req, user.id)
  return groups
    .filter((group) => group.kind === 'class' && same(group.homeroomTeacher, user.id))
    .map((group) => group.id)
}

/**
 * Classes the actor teaches this school year, from the teaching assignments (phân công giảng
 * dạy, Điều 6): not from class membership, which says who writes the class's posts.
 */
export async function taughtClasses(req: RuleContext['req'], user: User): Promise<ClassIds> {
  const assignments = await assignmentsOf(req, user.id, schoolYearOf(new Date()))
  return idsOf(assignments.map((assignment) => assignment.class))
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
export const homeroomOfPupil: Rule = pupilsOfClasses(homeroomClasses, pupilRecord)
/** A subject teacher sees who is in the classes they teach, nothing more. */
export const teacherOfPupil: Rule = pupilsOfClasses(taughtClasses, pupilRecord)
export const homeroomOfExaminedPupil: Rule = pupilsOfClasses(homeroomClasses, pupilHealthRecord)
/** A record being created (no document yet). */
export const newRecord: Rule = ({ doc }) => !(doc && 'id' in doc)
export const ownStaffProfile: Rule = ({ user }) => (user ? { user: { equals: user.id } } : false)

/** Who may enter the admin panel: any staff account with at least one role. */
export const adminPanel: Rule = ({ user }) => Boolean(user?.roles?.length)

/** Website managers: the web admin runs the site (Điều 17), the principal answers for it (5.1). */
export const websiteManager: Rule = hasRole('principal', 'web_admin')
/** Who watches the site's builds and reads the editorial report (Điều 17.1). */
export const editorialOversight: Rule = hasRole('principal', 'vice_principal', 'web_admin')
export const itTeacher: Rule = hasRole('it_teacher')
/** Văn thư (Điều 14): the school's registers and archive. */
export const clerk: Rule = hasRole('clerk')

// ── The workflow's predicates (Điều 5.1, 5.6, 6, 7, 17.3): asked with the post in `post`. ──

const postOf = ({ post }: RuleContext): PostContext | undefined => post

/**
 * The people a post is credited to or was made by: its creator (recorded by the server) and
 * every author. None of them reviews or approves it.
 */
export const writerOfRecord: Rule = (context) => {
  const post = postOf(context)
  const { user } = context
  if (!post || !user) return false
  return same(post.post.createdBy, user.id) || post.post.authors.some((a) => same(a, user.id))
}

/** The people of a group: its head, its homeroom teacher (a class) and its members. */
function peopleOf(group: Group): Array<User['id']> {
  return idsOf([group.head, group.homeroomTeacher, ...(group.members ?? [])])
}

/** A member (head, homeroom teacher, member) of the post's owner group. */
export const memberOfOwnerGroup: Rule = (context) => {
  const group = postOf(context)?.ownerGroup
  const { user } = context
  if (!group || !user) return false
  return peopleOf(group).some((member) => same(member, user.id))
}

/** The head who checks a post's accuracy (thẩm định, Điều 7); null when leadership does it. */
export function reviewerOf({ ownerGroup, parentGroup }: PostContext): User['id'] | null {
  const group = ownerGroup?.kind === 'class' ? parentGroup : ownerGroup
  return idOf(group?.head)
}

/**
 * The head of the owner group (of the grade's group, for a class; the leader, for an
 * organisation); when there is none, or the head is among the post's writers, null: leadership
 * reviews instead.
 */
function designatedReviewer(post: PostContext): User['id'] | null {
  const head = reviewerOf(post)
  if (head === null) return null
  const headWrote = same(post.post.createdBy, head) || post.post.authors.some((a) => same(a, head))
  return headWrote ? null : head
}

export const designatedReviewerOfPost: Rule = (context) => {
  const post = postOf(context)
  if (!post || !context.user) return false
  const reviewer = designatedReviewer(post)
  return reviewer !== null && same(reviewer, context.user.id)
}

/** No head can review the post: leadership does it. */
export const postWithoutDesignatedReviewer: Rule = (context) => {
  const post = postOf(context)
  return Boolean(post) && designatedReviewer(post!) === null
}

/** The person who accepted the post in review: a second person must approve it. */
export const reviewerOfRecord: Rule = (context) => {
  const post = postOf(context)
  return Boolean(post && context.user && same(post.post.reviewedBy, context.user.id))
}

/** Classes (groups) the actor keeps as homeroom teacher or teaches this year (Điều 9.1, 10). */
export const keptOrTaughtClass: Rule = async ({ user, req }): Promise<Grant> => {
  if (!user) return false
  const taught = await taughtClasses(req, user)
  return {
    and: [
      { kind: { equals: 'class' } },
      {
        or: [
          { homeroomTeacher: { equals: user.id } },
          ...(taught.length > 0 ? [{ id: { in: taught } }] : []),
        ],
      },
    ],
  } satisfies Where
}

// ── Who a post is credited to and which group it belongs to (Điều 7): these pick its reviewer. ──

type Relation = number | string | { id: number | string } | null | undefined

const relations = (value: unknown) => idsOf(Array.isArray(value) ? (value as Relation[]) : [])

/** The value a save gives a field: the incoming one, else the stored one. */
function incoming(context: RuleContext, field: string): unknown {
  if (context.data && field in context.data) return context.data[field]
  return context.doc?.[field]
}

/**
 * The post's authors are the actor, authors it already had, and members of the group it belongs
 * to: a writer credits colleagues they write with, never someone outside (the principal, say).
 */
export const authorsFromOwnCircle: Rule = async (context) => {
  const { user, req } = context
  if (!user) return false
  const allowed = new Set([String(user.id), ...relations(context.doc?.authors).map(String)])
  const mine = await groupsOf(req, user.id)
  const chosen = incoming(context, 'ownerGroup')
  // A new post without a group is filed under the writer's own (Posts/hooks/assignOwnership).
  const groupId =
    chosen === undefined ? (defaultOwnerGroup(mine)?.id ?? null) : idOf(chosen as Relation)
  const circle = mine.filter((group) => groupId !== null && same(group.id, groupId))
  for (const group of circle) {
    for (const person of peopleOf(group)) allowed.add(String(person))
  }
  return relations(incoming(context, 'authors')).every((author) => allowed.has(String(author)))
}

/** A writer's own group, in the order a post most likely belongs to it. */
const OWNER_GROUP_PREFERENCE: Group['kind'][] = [
  'professional',
  'class',
  'organisation',
  'editorial_board',
]

/** The group a new post of this writer belongs to when the writer names none. */
export function defaultOwnerGroup(groups: Group[]): Group | undefined {
  return [...groups].sort(
    (a, b) => OWNER_GROUP_PREFERENCE.indexOf(a.kind) - OWNER_GROUP_PREFERENCE.indexOf(b.kind),
  )[0]
}

/** The post belongs to a group the actor is in, or to the whole school (reviewed by leadership). */
export const ownerGroupOfActor: Rule = async (context) => {
  const { user, req } = context
  if (!user) return false
  const groupId = idOf(incoming(context, 'ownerGroup') as Relation)
  if (groupId === null) return true
  return (await groupsOf(req, user.id)).some((group) => same(group.id, groupId))
}

/** An assignment for a group the actor heads (Điều 7: the head assigns the group's writers). */
export const headOfAssignedGroup: Rule = async (context) => {
  const { user, req } = context
  if (!user) return false
  const groupId = idOf(incoming(context, 'group') as Relation)
  if (groupId === null) return false
  return (await groupsOf(req, user.id)).some(
    (group) => same(group.id, groupId) && same(group.head, user.id),
  )
}

/** Assignments given to the actor: the topics they may link a post to. */
export const assignedToSelf: Rule = ({ user }) => (user ? { writer: { equals: user.id } } : false)

// ── Payload's own collections ──

/** The actor's own admin preferences (columns, filters), as Payload itself scopes them. */
export const ownPreference: Rule = ({ user }): Grant =>
  user
    ? ({
        and: [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: 'users' } }],
      } satisfies Where)
    : false

/** Locks the actor holds (the admin's own forms). */
export const ownLock: Rule = ({ user }): Grant =>
  user
    ? ({
        and: [{ 'user.value': { equals: user.id } }, { 'user.relationTo': { equals: 'users' } }],
      } satisfies Where)
    : false

/** A save of a lock names the actor as its holder (or leaves the holder as it is). */
export const lockHeldBySelf: Rule = ({ user, data }) => {
  if (!user) return false
  const holder = data?.user as { value?: Relation } | Relation
  if (holder === undefined) return true
  const value = holder && typeof holder === 'object' && 'value' in holder ? holder.value : holder
  return same(value, user.id)
}

// ── Assessment (Điều 6, 9.2, 10, 12; TT27): records that carry their pupil's class. ──

/** A record in hand (a field rule's document, a create's data), or none (a list, an update by id). */
function recordInHand({ id, doc, data }: RuleContext): Record<string, unknown> | undefined {
  if (doc && 'id' in doc) return doc
  return id === undefined ? data : undefined
}

/** Records whose `class` is one of the classes `classesOf` gives the actor. */
function recordsOfClasses(
  classesOf: (req: RuleContext['req'], user: User) => Promise<ClassIds>,
): Rule {
  return async (context) => {
    const { user, req } = context
    if (!user) return false
    const classes = await classesOf(req, user)
    if (classes.length === 0) return false
    const record = recordInHand(context)
    if (!record) return { class: { in: classes } }
    return classes.some((classId) => same(classId, record.class as Relation))
  }
}

const headedClassesCache = new WeakMap<RuleContext['req'], Map<string, Promise<ClassIds>>>()

/**
 * Classes of the professional groups the actor heads (Điều 7: the group head follows them),
 * looked up once per request: the progress tables ask it of every row.
 */
export function classesOfHeadedGroups(req: RuleContext['req'], user: User): Promise<ClassIds> {
  let byUser = headedClassesCache.get(req)
  if (!byUser) headedClassesCache.set(req, (byUser = new Map()))
  let found = byUser.get(String(user.id))
  if (!found) {
    found = loadClassesOfHeadedGroups(req, user)
    byUser.set(String(user.id), found)
  }
  return found
}

async function loadClassesOfHeadedGroups(req: RuleContext['req'], user: User): Promise<ClassIds> {
  const headed = (await groupsOf(req, user.id)).filter(
    (group) => group.kind === 'professional' && same(group.head, user.id),
  )
  if (headed.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'groups',
    where: {
      and: [
        { kind: { equals: 'class' } },
        { parentGroup: { in: headed.map((group) => group.id) } },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.id)
}

/** Điều 9.1, 9.2: the homeroom teacher follows every result and the attendance of their class. */
export const homeroomOfRecordClass: Rule = recordsOfClasses(homeroomClasses)
/** Điều 7: a group head reads the results of their group's classes. */
export const headOfRecordClassGroup: Rule = recordsOfClasses(classesOfHeadedGroups)

/**
 * The teacher assigned to the record's class and subject in its school year (Điều 10.1, 12.1):
 * `subjectField` names where the record keeps the subject code.
 */
export function assignedTeacherOfRecord(subjectField: 'subject' | 'scope' = 'subject'): Rule {
  return async (context) => {
    const { user, req } = context
    if (!user) return false
    const mine = await assignmentsOf(req, user.id, null)
    if (mine.length === 0) return false
    const record = recordInHand(context)
    if (!record) {
      return {
        or: mine.map((assignment): Where => ({
          and: [
            { class: { equals: idOf(assignment.class) } },
            { [subjectField]: { equals: assignment.subject } },
            { schoolYear: { equals: assignment.schoolYear } },
          ],
        })),
      }
    }
    return mine.some(
      (assignment) =>
        same(assignment.class, record.class as Relation) &&
        assignment.subject === record[subjectField] &&
        assignment.schoolYear === record.schoolYear,
    )
  }
}

/** What the actor entered (a subject teacher reads what they entered, Điều 10.1). */
export const enteredBySelf: Rule = ({ user }) => (user ? { enteredBy: { equals: user.id } } : false)

/** Correction requests the actor filed. */
export const requestedBySelf: Rule = ({ user }) =>
  user ? { requestedBy: { equals: user.id } } : false

async function correctionRequestOf(context: RuleContext) {
  const record = recordInHand(context)
  if (record && 'requestedBy' in record) return record
  if (context.id === undefined) return null
  return context.req.payload.findByID({
    collection: 'correction-requests',
    id: context.id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req: context.req,
  }) as Promise<Record<string, unknown> | null>
}

/** The actor filed the correction request in hand: nobody decides their own (Điều 12.2). */
export const requesterOfCorrection: Rule = async (context) => {
  if (!context.user) return false
  const request = await correctionRequestOf(context)
  return Boolean(request) && same(request!.requestedBy as Relation, context.user.id)
}

/** The correction request in hand is still waiting for a decision. */
export const pendingCorrection: Rule = async (context) =>
  (await correctionRequestOf(context))?.status === 'pending'

/**
 * The correction is of a year the principal approved: only the principal decides it (Điều 5.4).
 * Asked with the request in hand or by its id.
 */
export const correctionOfApprovedYear: Rule = async (context) => {
  const request = await correctionRequestOf(context)
  const classId = idOf(request?.class as Relation)
  if (!request || classId === null) return false
  const { totalDocs } = await context.req.payload.count({
    collection: 'assessment-confirmations',
    where: {
      and: [
        { class: { equals: classId } },
        { schoolYear: { equals: request.schoolYear } },
        { kind: { equals: 'approved' } },
      ],
    },
    overrideAccess: true,
    req: context.req,
  })
  return totalDocs > 0
}

/** The actor's own comment templates; the school's shared ones. */
export const ownCommentTemplate: Rule = ({ user }) =>
  user ? { owner: { equals: user.id } } : false
export const sharedCommentTemplate: Rule = () => ({ shared: { equals: true } })

/** Records written only by server code that recorded a teacher's or principal's step. */
export const confirmationInProgress: Rule = ({ req }) => hasFlag(req, 'assessmentConfirmation')
/** The decision endpoint is writing a correction request's decision (after `assessmentPolicy`). */
export const correctionDecisionInProgress: Rule = ({ req }) => hasFlag(req, 'correctionDecision')
/** An approved correction is being applied to its entry. */
export const correctionInProgress: Rule = ({ req }) => hasFlag(req, 'assessmentCorrection')
/** The signing endpoint is recording a step of a class's transcripts (after `documentPolicy`). */
export const transcriptSigningInProgress: Rule = ({ req }) => hasFlag(req, 'transcriptSigning')

/**
 * The rule, asked of the assessment a new record refers to (`data.assessment`): a correction
 * request is filed by whoever the policy lets file one for that entry.
 */
export function ofReferencedAssessment(rule: Rule): Rule {
  return async (context) => {
    // Asked with no record (may this user file any at all? the admin's create button).
    if (!context.data) return (await rule(context)) !== false
    const assessmentId = idOf(context.data.assessment as Relation)
    if (assessmentId === null) return false
    const assessment = await context.req.payload.findByID({
      collection: 'assessments',
      id: assessmentId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req: context.req,
    })
    if (!assessment) return false
    const doc = assessment as unknown as Record<string, unknown>
    return (await rule({ ...context, id: undefined, data: undefined, doc })) === true
  }
}

/** Has teaching assignments this school year (the grid and progress pages have work for them). */
export const teacherThisYear: Rule = async ({ user, req }) =>
  Boolean(user) && (await assignmentsOf(req, user!.id, schoolYearOf(new Date()))).length > 0
/** Homeroom teacher of some class (Điều 9.1). */
export const homeroomOfAClass: Rule = async ({ user, req }) =>
  Boolean(user) && (await homeroomClasses(req, user!)).length > 0

// ── The school's electronic archive (Điều 13.2, 14.2). ──

/**
 * The archive's own code is filing files or moving an entry forward, after checking
 * `documentPolicy` (send, receive, file a signed summary). It also reads the year's records to
 * make the files it seals: what it makes is read only by the archive's readers.
 */
export const archivingInProgress: Rule = ({ req }) => hasFlag(req, 'archiving')
/** The archive entry was sent by the actor: they follow its progress. */
export const sentBySelf: Rule = ({ user }) => (user ? { sentBy: { equals: user.id } } : false)
/**
 * The entry still moves: a send being prepared, or sent and awaiting the clerk. A received (or
 * failed) entry is final: nothing changes it again, the archive's code included.
 */
export const archiveEntryOpen: Rule = () => ({ status: { in: ['preparing', 'sent'] } })

// ── Documents of a final year (issue 12.1: made from the locked data only). ──

/**
 * The pupil record in hand (a create's incoming data) is put in a class of this school year. A
 * past year's class keeps its homeroom teacher (they make its transcripts), but who was in it is
 * what its records say: a pupil added to it later would be printed in its final documents.
 */
export const pupilInThisYearsClass: Rule = async ({ req, data, doc }) => {
  const record = doc && 'id' in doc ? doc : data
  if (!record) return true
  const classId = idOf(record.class as Group['id'] | Group | null | undefined)
  // No class: the required field says so (400), not the policy.
  if (classId === null) return true
  // A class's year is public inside the school (groups' `read` is anyone).
  const group = await req.payload.findByID({
    collection: 'groups',
    id: classId,
    depth: 0,
    select: { schoolYear: true },
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return !group?.schoolYear || group.schoolYear === schoolYearOf(new Date())
}

/**
 * A guardian's erasure request is being completed (Law 91/2025; `dataRightsPolicy.decideRequest`
 * was asked first): the server removes what the school may remove from the pupil's records.
 */
export const erasureInProgress: Rule = ({ req }) => hasFlag(req, 'dataErasure')

/**
 * A pupil's consent was just withdrawn: the server takes down the posts naming or showing them,
 * through the workflow (Law 91/2025: processing stops when consent is withdrawn).
 */
export const consentWithdrawalInProgress: Rule = ({ req }) => hasFlag(req, 'consentWithdrawal')

// ── Backups (Điều 8: the school keeps its data safe; issue 13). ──

/** The web admin runs the server's backups (sets when and how many). */
export const backupOperator: Rule = hasRole('web_admin')
/** Who watches that backups succeed: the web admin, and the principal who answers for the data. */
export const backupOversight: Rule = hasRole('principal', 'web_admin')

// ── Contests (Điều 8). ──

/**
 * The celebration endpoint is marking the results a new post lists (after
 * `contestPolicy.celebrate`): which post celebrated a result is the server's to say.
 */
export const contestCelebrationInProgress: Rule = ({ req }) => hasFlag(req, 'contestCelebration')

// ── Assets and teaching equipment (Điều 6, 15). ──

/** Điều 15: the equipment officer keeps the register of assets and teaching equipment. */
export const equipmentOfficer: Rule = hasRole('equipment_officer')
/** Điều 15: the accountant keeps the assets' values (nguyên giá, hao mòn). */
export const accountant: Rule = hasRole('accountant')
/**
 * Teachers: who teaches, keeps or leads a class or a group (Điều 6, 7, 8, 9, 10). They look up
 * and borrow the teaching equipment, and read the papers of tests already taken.
 */
export const teachingStaff: Rule = hasRole(
  'group_head',
  'homeroom_teacher',
  'subject_teacher',
  'it_teacher',
)
/** Loans of equipment to the actor. */
export const borrowedBySelf: Rule = ({ user }) => (user ? { borrower: { equals: user.id } } : false)
/**
 * The equipment's own bookkeeping is writing (a return's damage, an approved disposal taking
 * the quantity off the register): the server set it after checking `equipmentPolicy`.
 */
export const equipmentBookkeeping: Rule = ({ req }) => hasFlag(req, 'equipmentBookkeeping')
/** An inventory not yet approved (after approval nothing changes: Điều 15). */
export const inventoryNotApproved: Rule = () => ({ status: { not_equals: 'approved' } })
/** An inventory still being counted. */
export const inventoryDraft: Rule = () => ({ status: { equals: 'draft' } })
/** A loan not yet returned (a returned loan is part of the record). */
export const loanOut: Rule = () => ({ status: { equals: 'out' } })
/** A damage recorded, or a repair or disposal not yet decided. */
export const assetEventOpen: Rule = () => ({ status: { in: ['recorded', 'proposed'] } })
// ── The periodic test archive (Điều 6: the vice-principal keeps it, the library receives it). ──

/** Nhân viên thư viện: keeps the library and what is handed to it (Điều 6, 15). */
export const librarian: Rule = hasRole('librarian')

const takenTestsCache = new WeakMap<RuleContext['req'], Promise<Where>>()

/**
 * Papers of tests already taken: the checkpoint's entry window (`assessment-periods`, set by
 * leadership) closed before today in Vietnam, make-up tests included; a checkpoint without a
 * window counts as taken once its school year is over. Until then a paper is secret. Asked once
 * per request (the list's every row asks it).
 */
export const testTaken: Rule = ({ req }) => {
  let found = takenTestsCache.get(req)
  if (!found) {
    found = (async (): Promise<Where> => {
      // Checkpoints and their dates are no secret among staff: read without the reader's access.
      const { docs } = await req.payload.find({
        collection: 'assessment-periods',
        depth: 0,
        limit: 0,
        pagination: false,
        select: { schoolYear: true, period: true, closesOn: true },
        overrideAccess: true,
        req,
      })
      const today = vietnamDay()
      const closed = docs
        .filter((window) => window.closesOn && vietnamDay(window.closesOn) < today)
        .map((window): Where => ({
          and: [
            { schoolYear: { equals: window.schoolYear } },
            { period: { equals: window.period } },
          ],
        }))
      return { or: [{ schoolYear: { less_than: schoolYearOf(new Date()) } }, ...closed] }
    })()
    takenTestsCache.set(req, found)
  }
  return found
}

/** The school years handed to the library (`received`: those the librarian confirmed). */
async function handedYears(req: RuleContext['req'], receivedOnly: boolean): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'test-paper-handovers',
    where: receivedOnly ? { status: { equals: 'received' } } : undefined,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { schoolYear: true },
    overrideAccess: true,
    req,
  })
  return docs.map((doc) => doc.schoolYear)
}

/** Papers of a year the vice-principal handed to the library (Điều 6). */
export const yearHandedToLibrary: Rule = async ({ req }) => {
  const years = await handedYears(req, false)
  return years.length > 0 ? { schoolYear: { in: years } } : false
}
/** Papers of a year the librarian confirmed receiving: the library's, lent to all staff. */
export const yearReceivedByLibrary: Rule = async ({ req }) => {
  const years = await handedYears(req, true)
  return years.length > 0 ? { schoolYear: { in: years } } : false
}
/** Papers of a year not yet handed over: the vice-principal still keeps (and edits) them. */
export const yearNotHandedOver: Rule = async ({ req }) => {
  const years = await handedYears(req, false)
  return years.length > 0 ? { schoolYear: { not_in: years } } : true
}
/** A handover the librarian has not confirmed yet; once received it is the record, final. */
export const handoverOpen: Rule = () => ({ status: { equals: 'handed' } })
// ── Official documents (Điều 14.1; Nghị định 30/2020/NĐ-CP) ──

/**
 * The ids of the incoming documents given to the user to handle (as lead or support). Looked up
 * past access: the user's own assignments decide what they read, not what they read decides.
 */
async function documentsHandledBy(
  req: RuleContext['req'],
  user: User,
): Promise<Array<number | string>> {
  const { docs } = await req.payload.find({
    collection: 'document-handlings',
    where: { handler: { equals: user.id } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { document: true },
    overrideAccess: true,
    req,
  })
  return [...new Set(docs.map((doc) => idOf(doc.document)).filter((id) => id !== null))]
}

/** An incoming document given to the actor to handle (Nghị định 30, Điều 24). */
export const handlerOfIncomingDocument: Rule = async ({ user, req }) => {
  if (!user) return false
  const ids = await documentsHandledBy(req, user)
  return ids.length > 0 ? { id: { in: ids } } : false
}

/** A handling row of a document given to the actor (theirs, or a co-handler's of it). */
export const handlingOfOwnDocument: Rule = async ({ user, req }) => {
  if (!user) return false
  const ids = await documentsHandledBy(req, user)
  return ids.length > 0 ? { document: { in: ids } } : false
}

/** The actor's own handling rows. */
export const handlerOfRow: Rule = ({ user }) => (user ? { handler: { equals: user.id } } : false)

/** The handling row in hand (field rules) is the actor's own: yes or no, never a query. */
export const ownHandlingRowInHand: Rule = ({ user, doc }) =>
  Boolean(user && doc && 'id' in doc) && same(doc?.handler, user?.id)

/** A handling not yet done: an assignment made by mistake may still be withdrawn. */
export const handlingOpen: Rule = () => ({ status: { equals: 'assigned' } })

/**
 * An inventory the actor did not submit: nobody approves their own count (as nobody approves
 * their own post), should one account hold both the equipment officer's and a leader's role.
 */
export const inventoryNotSubmittedBySelf: Rule = ({ user }) =>
  user
    ? { or: [{ submittedBy: { exists: false } }, { submittedBy: { not_equals: user.id } }] }
    : false

/**
 * Issue 15: the publication's own code is writing a notice or a record's stage, after
 * `publicationPolicy` (or the keeper's rule) said yes. Only server code sets the flag.
 */
export const publicationInProgress: Rule = ({ req }) => hasFlag(req, 'publication')

/** Who sent the record for approval does not approve it too (Điều 17.3: a second pair of eyes). */
export const submittedBySelf: Rule = ({ user, data }) =>
  // Asked without the record, assume the worst: nobody approves what they may have sent.
  data === undefined || !user || same(data.submittedBy, user.id)

/**
 * Issue 15, Thông tư 09/2024/TT-BGDĐT Điều 5: the finances section of the public disclosure,
 * which the accountant keeps. A create is judged by its data; a change by the stored record (a
 * query) and, when it moves the record to another section, by where it goes too.
 */
export const financeDisclosure: Rule = ({ data, id }) => {
  if (data && data.section !== undefined && data.section !== 'finances') return false
  if (id === undefined && data && data.section !== undefined) return true
  return { section: { equals: 'finances' } }
}

/**
 * Issue 15 (Điều 17.3): a notice's record with no version on the website. A live one comes down
 * first, through the web admin who alone unpublishes (an album's images become private with it).
 */
export const noticeNotLive: Rule = () => ({
  or: [{ publicationLive: { equals: false } }, { publicationLive: { exists: false } }],
})

/** A picture, not a PDF: what an album (Thư viện ảnh) may show. */
export const imageFile: Rule = () => ({ mimeType: { like: 'image/' } })

/**
 * Issue 15: the images of the albums the actor keeps (as for posts: ownPost), so that any of an
 * album's makers may keep an image a colleague uploaded into it.
 */
export const imageOfKeptAlbum: Rule = async (context) => {
  const kept = await ownPost(context)
  if (kept === false) return false
  const { docs } = await context.req.payload.find({
    collection: 'albums',
    where: kept === true ? {} : kept,
    select: { images: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req: context.req,
  })
  const ids = docs.flatMap((album) => idsOf((album.images ?? []).map((row) => row.image)))
  return ids.length > 0 ? { id: { in: ids } } : false
}

/**
 * Issue 15, Cơ cấu tổ chức: pictures the account being edited uploaded (its owner's own
 * portrait), asked with that account's id; nothing on a new account.
 */
export const uploadedByEditedAccount: Rule = ({ id }) =>
  id === undefined ? false : { uploadedBy: { equals: id } }
