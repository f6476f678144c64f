/**
 * How code outside the policy asks it. Endpoints, hooks and workflow steps call `authorize()`,
 * which answers 401/403 with a Vietnamese message when the policy says no; the admin asks
 * `abilities()` which links and panels to show. Both read only `./policy.ts`.
 */
import type { PayloadRequest, Where } from 'payload'

import { unlessRestricted } from '../auth/account-restriction'
import { recordDeniedAuthorization } from '../auth/security-log'
import { userError, type Message } from '../lib/messages'
import type { User } from '../payload-types'
import {
  documentPolicy,
  equipmentPolicy,
  assessmentPolicy,
  exportPolicy,
  importPolicy,
  reportPolicy,
  disclosurePolicy,
  type PolicyCollection,
} from './policy'
import type { Grant, PostContext, Rule } from './rules'

export function actorOf(req: PayloadRequest): User | null {
  return (req.user as User | null | undefined) ?? null
}

const LOGIN_REQUIRED: Message = { vi: 'Cần đăng nhập.', en: 'You must log in.' }

/**
 * What the rule is asked about: a stored document, a post in the workflow, or a record in hand
 * that is not stored yet (a grid's class, subject and checkpoint).
 */
export type Target =
  | { collection: PolicyCollection; id: number | string }
  | { post: PostContext }
  | { record: Record<string, unknown> }

/** Does the document satisfy the rule's `Where`? Asked of the database, as Payload would. */
export async function grantCovers(
  req: PayloadRequest,
  grant: Grant,
  collection: PolicyCollection,
  id: number | string,
): Promise<boolean> {
  if (typeof grant === 'boolean') return grant
  const { totalDocs } = await req.payload.count({
    collection,
    where: { and: [{ id: { equals: id } }, grant] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/**
 * Does the policy allow it? Yes or no, never a query. Never, for an account that must first
 * change its password or confirm its second factor (Điều 4).
 */
export async function isAllowed(
  req: PayloadRequest,
  rule: Rule,
  target?: Target,
): Promise<boolean> {
  const post = target && 'post' in target ? target.post : undefined
  const id = target && 'id' in target ? target.id : undefined
  const data = target && 'record' in target ? target.record : undefined
  const grant = await unlessRestricted(rule)({ user: actorOf(req), req, id, post, data })
  if (typeof grant === 'boolean') return grant
  if (target && 'collection' in target) return grantCovers(req, grant, target.collection, target.id)
  throw new Error('A rule that answers with a query needs the document it is asked about')
}

/**
 * Goes on when the policy allows it; otherwise throws 401 (nobody logged in) or 403 with
 * `refusal`, which the user reads in the admin or the API's answer.
 */
export async function authorize(
  req: PayloadRequest,
  rule: Rule,
  refusal: Message,
  target?: Target,
): Promise<void> {
  if (await isAllowed(req, rule, target)) return
  if (!req.user) throw userError(req, 401, LOGIN_REQUIRED)
  const denial = userError(req, 403, refusal)
  // A logged-in user refused by the policy is a security event (ASVS V16); nobody logged in is not.
  await recordDeniedAuthorization(
    req,
    denial,
    target && 'collection' in target ? target : undefined,
  )
  throw denial
}

/** What the admin shows this user: the serialised answer of the policy, one flag per ability. */
export interface Abilities {
  editorialReport: boolean
  recordsImport: boolean
  pupilStatistics: boolean
  /** The classes whose list the user may download; none when the user keeps or teaches none. */
  classLists: Where | false
  /** Whether the records page has anything for the user. */
  recordsPage: boolean
  /** The assessment's pages (Điều 6, 9.2, 9.3, 10, 12). */
  assessmentGrid: boolean
  yearEnd: boolean
  attendance: boolean
  assessmentProgress: boolean
  /** Transcripts, summaries, the Ministry's files and the archive (TT27 Điều 13; Điều 13, 14.2). */
  documents: boolean
  /** The equipment reports (Điều 6, 15). */
  equipmentReports: boolean
  /** Which public disclosures are due or late (Thông tư 09/2024/TT-BGDĐT). */
  disclosureStatus: boolean
}

export async function abilities(req: PayloadRequest): Promise<Abilities> {
  const [
    editorialReport,
    recordsImport,
    pupilStatistics,
    assessmentGrid,
    yearEnd,
    attendance,
    assessmentProgress,
    documents,
    equipmentReports,
    disclosureStatus,
  ] = await Promise.all([
    isAllowed(req, reportPolicy.editorial),
    isAllowed(req, importPolicy.records),
    isAllowed(req, reportPolicy.pupilStatistics),
    isAllowed(req, assessmentPolicy.gridPage),
    isAllowed(req, assessmentPolicy.yearEndPage),
    isAllowed(req, assessmentPolicy.attendancePage),
    isAllowed(req, assessmentPolicy.progressPage),
    isAllowed(req, documentPolicy.documentsPage),
    isAllowed(req, equipmentPolicy.reports),
    isAllowed(req, disclosurePolicy.statusPage),
  ])
  const grant = await unlessRestricted(exportPolicy.classList)({ user: actorOf(req), req })
  const where: Where | false =
    grant === true ? { kind: { equals: 'class' } } : grant === false ? false : grant
  // A rule that answers with a query gives classes only when some class matches it.
  const classLists =
    where !== false &&
    (await req.payload.count({ collection: 'groups', where, overrideAccess: true, req }))
      .totalDocs > 0
      ? where
      : false
  return {
    editorialReport,
    recordsImport,
    pupilStatistics,
    classLists,
    recordsPage: recordsImport || pupilStatistics || classLists !== false,
    assessmentGrid,
    yearEnd,
    attendance,
    assessmentProgress,
    documents,
    equipmentReports,
    disclosureStatus,
  }
}

/**
 * How many documents of `collection` matching `where` the rule allows, asked of the database
 * (`overrideAccess`: the rule is the access asked). For a step that needs every document of a set
 * to pass a rule (a year's papers all taken before it is handed to the library).
 */
export async function countAllowed(
  req: PayloadRequest,
  rule: Rule,
  collection: PolicyCollection,
  where: Where,
): Promise<number> {
  const grant = await unlessRestricted(rule)({ user: actorOf(req), req })
  if (grant === false) return 0
  const { totalDocs } = await req.payload.count({
    collection,
    where: grant === true ? where : { and: [where, grant] },
    overrideAccess: true,
    req,
  })
  return totalDocs
}
