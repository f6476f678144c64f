/**
 * The monthly report on the editorial board's work (Điều 17.1): per group and per person, posts
 * assigned, submitted, returned and published in a month. Counts come from the assignments and
 * from the workflow's own event log, so they say what happened, not what a post is now.
 */
import type { PayloadRequest } from 'payload'
import { compareVi, compareVietnameseNames } from '@school/shared'

import { idOf } from '../lib/ids'
import type { Group, Post, User } from '../payload-types'

export interface ReportCounts {
  assigned: number
  submitted: number
  returned: number
  published: number
}

export interface EditorialReport {
  month: string
  groups: Array<{ id: Group['id'] | null; name: string } & ReportCounts>
  people: Array<{ id: User['id']; name: string; onBoard: boolean } & ReportCounts>
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value)
}

/** The month in Vietnam's time zone: 2026-11 runs from 01/11 00:00 to 01/12 00:00 (UTC+7). */
export function monthRange(month: string): { start: string; end: string } {
  const [, year, mm] = MONTH.exec(month)!
  const start = new Date(`${year}-${mm}-01T00:00:00+07:00`)
  const nextMonth =
    Number(mm) === 12
      ? `${Number(year) + 1}-01`
      : `${year}-${String(Number(mm) + 1).padStart(2, '0')}`
  return {
    start: start.toISOString(),
    end: new Date(`${nextMonth}-01T00:00:00+07:00`).toISOString(),
  }
}

export function currentMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
  }).format(now)
  return parts.slice(0, 7)
}

const empty = (): ReportCounts => ({ assigned: 0, submitted: 0, returned: 0, published: 0 })

export async function editorialReport(
  req: PayloadRequest,
  month: string,
): Promise<EditorialReport> {
  const { payload } = req
  const { start, end } = monthRange(month)
  const asUser = {
    user: req.user,
    overrideAccess: false,
    req,
    depth: 0,
    limit: 0,
    pagination: false,
  } as const
  const inMonth = {
    and: [{ createdAt: { greater_than_equal: start } }, { createdAt: { less_than: end } }],
  }

  const [{ docs: events }, { docs: assignments }, { docs: groups }, { docs: users }] =
    await Promise.all([
      payload.find({
        collection: 'workflow-events',
        ...asUser,
        where: { and: [...inMonth.and, { action: { in: ['submit', 'return', 'publish'] } }] },
      }),
      payload.find({ collection: 'assignments', ...asUser, where: inMonth }),
      payload.find({ collection: 'groups', ...asUser, where: { kind: { not_equals: 'class' } } }),
      payload.find({ collection: 'users', ...asUser, select: { fullName: true } }),
    ])
  const postIds = [...new Set(events.map((event) => idOf(event.post)))]
  const { docs: posts } =
    postIds.length === 0
      ? { docs: [] as Post[] }
      : await payload.find({
          collection: 'posts',
          ...asUser,
          draft: true,
          where: { id: { in: postIds } },
          select: { ownerGroup: true, authors: true },
        })
  const postById = new Map(posts.map((post) => [String(post.id), post]))

  const byGroup = new Map<string, ReportCounts>()
  const byPerson = new Map<string, ReportCounts>()
  const bump = (map: Map<string, ReportCounts>, key: unknown, field: keyof ReportCounts) => {
    const k = String(key ?? 'school')
    if (!map.has(k)) map.set(k, empty())
    map.get(k)![field] += 1
  }

  for (const assignment of assignments) {
    bump(byGroup, idOf(assignment.group), 'assigned')
    bump(byPerson, idOf(assignment.writer), 'assigned')
  }
  for (const event of events) {
    const field: keyof ReportCounts | null =
      event.action === 'submit'
        ? 'submitted'
        : event.action === 'return'
          ? 'returned'
          : event.toStage === 'published'
            ? 'published'
            : null
    if (!field) continue
    const post = postById.get(String(idOf(event.post)))
    if (!post) continue
    bump(byGroup, idOf(post.ownerGroup) ?? null, field)
    for (const author of post.authors ?? []) bump(byPerson, idOf(author), field)
  }

  // Classes count toward the professional group of their grade.
  const classParent = new Map<string, string>()
  const { docs: classes } = await payload.find({
    collection: 'groups',
    ...asUser,
    where: { kind: { equals: 'class' } },
  })
  for (const schoolClass of classes)
    classParent.set(String(schoolClass.id), String(idOf(schoolClass.parentGroup) ?? 'school'))
  for (const [key, counts] of [...byGroup]) {
    const parent = classParent.get(key)
    if (!parent) continue
    byGroup.delete(key)
    const target = byGroup.get(parent) ?? empty()
    for (const field of Object.keys(counts) as Array<keyof ReportCounts>)
      target[field] += counts[field]
    byGroup.set(parent, target)
  }

  const board = groups.find((group) => group.kind === 'editorial_board')
  const boardMembers = new Set([idOf(board?.head), ...(board?.members ?? []).map(idOf)].map(String))
  const nameOf = new Map(users.map((user) => [String(user.id), user.fullName]))

  return {
    month,
    groups: [
      ...groups
        .filter((group) => group.kind !== 'editorial_board')
        .map((group) => ({
          id: group.id,
          name: group.name,
          ...(byGroup.get(String(group.id)) ?? empty()),
        }))
        .sort((a, b) => compareVi(a.name, b.name)),
      { id: null, name: 'Toàn trường', ...(byGroup.get('school') ?? empty()) },
    ],
    people: [...new Set([...boardMembers, ...byPerson.keys()])]
      .filter((key) => nameOf.has(key))
      .map((key) => ({
        id: users.find((user) => String(user.id) === key)!.id,
        name: nameOf.get(key)!,
        onBoard: boardMembers.has(key),
        ...(byPerson.get(key) ?? empty()),
      }))
      .sort((a, b) => compareVietnameseNames(a.name, b.name)),
  }
}
