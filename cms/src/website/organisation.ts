/**
 * Cơ cấu tổ chức (issue 15; Điều lệ trường tiểu học: Ban giám hiệu, tổ chuyên môn, tổ văn phòng,
 * Công đoàn, Đội…): what the website's organisation page shows, and nothing more.
 *
 * The site reads the CMS anonymously and the public may not read accounts, so this endpoint
 * answers exactly the page's content: the groups' names, and of each member of staff who agreed
 * in their own profile (`websiteConsent`) their name, public title and photo. Someone who has
 * not agreed is only counted ("12 thành viên"), never named, and no other field of an account
 * (email, phone, roles, job title) ever leaves here. The answer is computed on each request, so
 * a withdrawn consent is gone from it at once; the hooks below rebuild the site to match.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Endpoint,
  PayloadRequest,
} from 'payload'
import { compareVi, compareVietnameseNames, LEADERSHIP_ROLES, type Role } from '@school/shared'

import { authorize } from '../access/authorize'
import { websitePolicy } from '../access/policy'
import { idOf } from '../lib/ids'
import { markSiteWideMedia } from '../media/public-use'
import type { Group, User } from '../payload-types'
import { requestSiteBuild } from '../site-build/runner'

/** One consenting member of staff, as the public sees them. */
export interface PublicPerson {
  name: string
  /** Their own public title (websiteTitle); null when they gave none. */
  title: string | null
  /** The media id of their photo, public while they agree (media/public-use.ts). */
  photo: number | string | null
}

export interface PublicOrganisationGroup {
  name: string
  slug: string
  kind: 'professional' | 'organisation' | 'editorial_board'
  /** The head, when they agreed to appear; null otherwise (or when the group has none). */
  head: PublicPerson | null
  /** Consenting members other than the head, in Vietnamese name order. */
  members: PublicPerson[]
  /** Everyone in the group, head included, named or not. */
  memberCount: number
}

export interface PublicOrganisation {
  /** Ban giám hiệu: the principal, then the vice-principals. */
  leadership: Array<{ role: 'principal' | 'vice_principal'; people: PublicPerson[]; count: number }>
  groups: PublicOrganisationGroup[]
}

const SHOWN_KINDS = ['professional', 'organisation', 'editorial_board'] as const
const KIND_ORDER: Record<string, number> = { professional: 0, organisation: 1, editorial_board: 2 }

type StaffRow = Pick<User, 'id' | 'fullName' | 'roles' | 'websiteConsent' | 'websiteTitle'> & {
  websitePhoto?: unknown
}

function publicPerson(user: StaffRow): PublicPerson {
  const title = typeof user.websiteTitle === 'string' ? user.websiteTitle.trim() : ''
  return {
    name: user.fullName,
    title: title || null,
    photo: idOf(user.websitePhoto as never),
  }
}

const byName = (a: PublicPerson, b: PublicPerson) => compareVietnameseNames(a.name, b.name)

/** The organisation page's content: read as the server, shaped for the public. */
export async function publicOrganisation(req: PayloadRequest): Promise<PublicOrganisation> {
  const { docs: staff } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 0,
    pagination: false,
    select: {
      fullName: true,
      roles: true,
      websiteConsent: true,
      websiteTitle: true,
      websitePhoto: true,
    },
    overrideAccess: true,
    req,
  })
  const byId = new Map((staff as StaffRow[]).map((user) => [String(user.id), user]))
  const consenting = (id: unknown): StaffRow | null => {
    const user = byId.get(String(idOf(id as never)))
    return user?.websiteConsent === true ? user : null
  }

  const leadership = (LEADERSHIP_ROLES as readonly Role[]).map((role) => {
    const holders = (staff as StaffRow[]).filter((user) => (user.roles ?? []).includes(role))
    const people = holders
      .filter((user) => user.websiteConsent === true)
      .map(publicPerson)
      .sort(byName)
    return { role: role as 'principal' | 'vice_principal', people, count: holders.length }
  })

  const { docs: groups } = await req.payload.find({
    collection: 'groups',
    where: { kind: { in: [...SHOWN_KINDS] } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { name: true, slug: true, kind: true, head: true, members: true },
    overrideAccess: true,
    req,
  })
  const shown = (groups as Group[])
    .map((group): PublicOrganisationGroup => {
      const headId = idOf(group.head as never)
      const memberIds = new Set(
        (group.members ?? []).map((member) => String(idOf(member as never))),
      )
      if (headId !== null) memberIds.add(String(headId))
      const head = headId !== null ? consenting(headId) : null
      const members = [...memberIds]
        .filter((id) => id !== String(headId))
        .map(consenting)
        .filter((user): user is StaffRow => user !== null)
        .map(publicPerson)
        .sort(byName)
      return {
        name: group.name,
        slug: group.slug ?? '',
        kind: group.kind as PublicOrganisationGroup['kind'],
        head: head ? publicPerson(head) : null,
        members,
        memberCount: [...memberIds].filter((id) => byId.has(id)).length,
      }
    })
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareVi(a.name, b.name))
  return { leadership, groups: shown }
}

/** GET /api/public/organisation: the website's organisation page (anyone may read it). */
export const publicOrganisationEndpoint: Endpoint = {
  path: '/public/organisation',
  method: 'get',
  handler: async (req) => {
    await authorize(req, websitePolicy.readOrganisation, {
      vi: 'Bạn không được xem cơ cấu tổ chức.',
      en: 'You may not read the organisation page.',
    })
    return Response.json(await publicOrganisation(req), {
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}

/** What the page shows of an account, and what decides who is shown (roles: Ban giám hiệu). */
const SHOWN_FIELDS = ['websiteConsent', 'websiteTitle', 'websitePhoto', 'fullName', 'roles']

function shownPart(user: Partial<User> | undefined): string {
  const part = Object.fromEntries(
    SHOWN_FIELDS.map((field) => {
      const value = (user as Record<string, unknown> | undefined)?.[field]
      return [field, field === 'websitePhoto' ? idOf(value as never) : value]
    }),
  )
  return JSON.stringify(part)
}

/**
 * A change of consent, or of what a consenting person shows, makes their photo public or private
 * again and rebuilds the website, so a withdrawn consent leaves the next build. (Memberships are
 * kept on the groups, whose own hook rebuilds the site.)
 */
export const rebuildOrganisationWhenStaffChanges: CollectionAfterChangeHook<User> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const before = operation === 'create' ? undefined : previousDoc
  if (shownPart(doc) === shownPart(before)) return doc
  const countsOnly = !doc.websiteConsent && !before?.websiteConsent
  // A new account without consent changes nothing on the page but a count of roles.
  if (countsOnly && JSON.stringify(doc.roles) === JSON.stringify(before?.roles)) return doc
  if (!countsOnly) await markSiteWideMedia(req)
  requestSiteBuild(req.payload, 'organisation')
  return doc
}

export const rebuildOrganisationWhenStaffDeleted: CollectionAfterDeleteHook<User> = async ({
  doc,
  req,
}) => {
  if (doc.websiteConsent) await markSiteWideMedia(req)
  requestSiteBuild(req.payload, 'organisation')
  return doc
}
