/**
 * The registers' common parts (issue 14), through the contests: the register export endpoint
 * (GET /api/registers/:collection/export) and the folded search (`searchText`).
 * - Export: 401 anonymous; 404 for a slug that is not a register and for Payload's own
 *   collections; the list's `where` and `search` honoured; the file holds exactly the records
 *   and fields the user may read (a homeroom teacher vs the IT teacher; 403 for a teacher who
 *   reads none); Vietnamese headers and dd/mm/yyyy; the audit entry of a register naming pupils;
 *   a bad `where` is a 400, never a 500.
 * - Search: with and without marks, đ/d, upper case, over REST `where[searchText][like]` and the
 *   Local API; nobody writes `searchText`.
 */
import ExcelJS from 'exceljs'
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Contest, ContestEntry, Student, User } from '../../cms/src/payload-types'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>
let pupil3B: Student
let pupil4A: Student
let contest: Contest
let other: Contest
let of3B: ContestEntry
let of4A: ContestEntry

async function workbookOf(response: Response): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
  return workbook.worksheets[0]
}

/** The sheet's rows as text, from the header row (row 3) on. */
function rowsOf(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = []
  sheet.eachRow((row, index) => {
    if (index < 3) return
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? '')))
  })
  return rows
}

async function exportAs(role: Role | null, query = '') {
  const { RestClient } = await import('./support/rest')
  const client = role ? await as(role) : new RestClient()
  return client.raw('GET', `/registers/${query}`)
}

async function exportEntries() {
  const { docs } = await school.payload.find({
    collection: 'audit-log',
    where: { and: [{ action: { equals: 'export' } }, { document: { equals: 'register' } }] },
    overrideAccess: true,
    limit: 0,
    pagination: false,
    sort: '-createdAt',
  })
  return docs
}

beforeAll(async () => {
  const { payload } = school
  users = await demoUsers(payload)
  pupil3B = await pupilOf(payload, 'Lớp 3B', 7)
  pupil4A = await pupilOf(payload, 'Lớp 4A', 7)
  const asIt = { overrideAccess: false, user: users.it_teacher } as const
  contest = await payload.create({
    collection: 'contests',
    ...asIt,
    data: {
      name: 'Đấu trường Toán học Đông Đô',
      organiser: 'Phòng Giáo dục Đống Đa',
      level: 'district',
      subjectArea: 'math',
      schoolYear: '2026-2027',
      startDate: '2026-11-07',
      endDate: '2026-11-08',
    },
  })
  other = await payload.create({
    collection: 'contests',
    ...asIt,
    data: { name: 'Giải cờ vua', level: 'school', schoolYear: '2026-2027' },
  })
  of3B = await payload.create({
    collection: 'contest-entries',
    ...asIt,
    data: { contest: contest.id, pupil: pupil3B.id, score: 88, award: 'first', celebrate: true },
  })
  of4A = await payload.create({
    collection: 'contest-entries',
    ...asIt,
    data: { contest: contest.id, pupil: pupil4A.id, score: 70, award: 'consolation' },
  })
})

describe('the register export endpoint', () => {
  it('asks for a login (401)', async () => {
    const response = await exportAs(null, 'contests/export')
    expect(response.status).toBe(401)
  })

  it('is 404 for a collection that is no register, Payload’s own included', async () => {
    for (const slug of [
      'students',
      'posts',
      'users',
      'audit-log',
      'payload-preferences',
      'payload-locked-documents',
      'payload-migrations',
      'payload-jobs',
      'no-such-thing',
    ]) {
      const response = await exportAs('principal', `${slug}/export`)
      expect(response.status, slug).toBe(404)
      expect(response.headers.get('content-type') ?? '', slug).not.toContain('spreadsheet')
    }
  })

  it('writes Vietnamese headers, labels and dd/mm/yyyy dates', async () => {
    const response = await exportAs('librarian', 'contests/export')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/danh-sach-cuoc-thi-.*\.xlsx/)
    const sheet = await workbookOf(response)
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('Danh sách các cuộc thi')
    const [header, ...rows] = rowsOf(sheet)
    expect(header).toEqual([
      'STT',
      'Tên cuộc thi',
      'Đơn vị tổ chức',
      'Cấp',
      'Năm học',
      'Lĩnh vực',
      'Ngày bắt đầu',
      'Ngày kết thúc',
      'Website cuộc thi',
    ])
    const row = rows.find((cells) => cells[1] === contest.name)
    expect(row).toEqual([
      expect.any(String),
      contest.name,
      'Phòng Giáo dục Đống Đa',
      'Cấp quận/huyện',
      '2026-2027',
      'Toán',
      '07/11/2026',
      '08/11/2026',
      '',
    ])
  })

  it('honours the list’s where and search', async () => {
    const byWhere = await exportAs('it_teacher', `contests/export?where[id][equals]=${other.id}`)
    expect(
      rowsOf(await workbookOf(byWhere))
        .slice(1)
        .map((cells) => cells[1]),
    ).toEqual([other.name])
    // Searched as typed without marks, in capitals: "DONG DO" finds "Đông Đô".
    const bySearch = await exportAs('it_teacher', 'contests/export?search=DAU%20TRUONG%20DONG%20DO')
    expect(
      rowsOf(await workbookOf(bySearch))
        .slice(1)
        .map((cells) => cells[1]),
    ).toEqual([contest.name])
    const both = await exportAs(
      'it_teacher',
      `contests/export?search=dong%20do&where[id][equals]=${other.id}`,
    )
    expect(rowsOf(await workbookOf(both)).slice(1)).toEqual([])
  })

  it('holds what the user reads: a homeroom teacher’s class, all for the IT teacher', async () => {
    const where = `where[contest][equals]=${contest.id}`
    const homeroom = rowsOf(
      await workbookOf(await exportAs('homeroom_teacher', `contest-entries/export?${where}`)),
    )
    const it = rowsOf(
      await workbookOf(await exportAs('it_teacher', `contest-entries/export?${where}`)),
    )
    expect(homeroom[0]).toEqual([
      'STT',
      'Cuộc thi',
      'Năm học',
      'Họ và tên',
      'Lớp',
      'Vòng thi',
      'Điểm',
      'Thời gian làm bài',
      'Xếp hạng',
      'Giải',
      'Nhà trường tuyên dương',
    ])
    expect(homeroom.slice(1).map((cells) => cells[3])).toEqual([pupil3B.fullName])
    expect(homeroom[1]).toEqual([
      '1',
      contest.name,
      '2026-2027',
      pupil3B.fullName,
      'Lớp 3B',
      '',
      '88',
      '',
      '',
      'Giải Nhất',
      'Có',
    ])
    expect(
      it
        .slice(1)
        .map((cells) => cells[3])
        .sort(),
    ).toEqual([pupil3B.fullName, pupil4A.fullName].sort())
    const refused = await exportAs('subject_teacher', `contest-entries/export?${where}`)
    expect(refused.status).toBe(403)
  })

  it('logs an export of results with the pupils in it, before the file leaves', async () => {
    const before = (await exportEntries()).length
    const response = await exportAs(
      'homeroom_teacher',
      `contest-entries/export?where[contest][equals]=${contest.id}`,
    )
    expect(response.status).toBe(200)
    const entries = await exportEntries()
    expect(entries.length).toBe(before + 1)
    expect(entries[0]).toMatchObject({
      collection: 'students',
      document: 'register',
      count: 1,
      docIds: [String(pupil3B.id)],
    })
    expect(String((entries[0].actor as { id?: number })?.id ?? entries[0].actor)).toBe(
      String(users.homeroom_teacher.id),
    )
    // A refused export is not logged as made; a register naming no pupil is not logged at all.
    await exportAs('subject_teacher', 'contest-entries/export')
    await exportAs('it_teacher', 'contests/export')
    expect((await exportEntries()).length).toBe(before + 1)
  })

  it('answers a bad where with 400, never 500', async () => {
    for (const query of [
      'where[noSuchField][equals]=1',
      'where[score][bogus_operator]=1',
      'where[score][greater_than]=abc',
      'where[id][in]=abc',
      'where[and][0][nope][equals]=x',
      'where[pupil.noSuchField][equals]=x',
      // qs reads `where[0]` as a list, not a condition.
      'where[0][score][equals]=1',
    ]) {
      const response = await exportAs('it_teacher', `contest-entries/export?${query}`)
      expect(response.status, query).toBe(400)
    }
  })

  it('refuses a filter on what the user may not read of the pupils (403)', async () => {
    const response = await exportAs(
      'homeroom_teacher',
      'contest-entries/export?where[pupil.guardians.phone][like]=09',
    )
    expect(response.status).toBe(403)
  })
})

describe('the folded search (searchText)', () => {
  const findContests = async (like: string) =>
    (
      await (
        await as('librarian')
      ).get(`/contests?where[searchText][like]=${encodeURIComponent(like)}&depth=0&limit=0`)
    ).body.docs.map((doc: Contest) => doc.name)

  it('finds with and without marks, đ as d, in any case, over REST', async () => {
    for (const typed of [
      'Đấu trường Toán học Đông Đô',
      'dau truong toan hoc dong do',
      'DAU TRUONG',
      'ĐÔNG ĐÔ',
      'đống đa',
      'cap quan',
    ])
      expect(await findContests(typed), typed).toContain(contest.name)
    expect(await findContests('dong do')).not.toContain(other.name)
  })

  it('finds through the Local API too, as the user', async () => {
    const { docs } = await school.payload.find({
      collection: 'contest-entries',
      where: { searchText: { like: pupil3B.fullName.toUpperCase() } },
      overrideAccess: false,
      user: users.it_teacher,
      depth: 0,
    })
    expect(docs.map((doc) => doc.id)).toContain(of3B.id)
    const { docs: byAward } = await school.payload.find({
      collection: 'contest-entries',
      where: {
        and: [{ searchText: { like: 'giai khuyen khich' } }, { contest: { equals: contest.id } }],
      },
      overrideAccess: false,
      user: users.it_teacher,
      depth: 0,
    })
    expect(byAward.map((doc) => doc.id)).toEqual([of4A.id])
    // The homeroom teacher of 3B searching 4A's pupil finds nothing of 4A.
    const { docs: hidden } = await school.payload.find({
      collection: 'contest-entries',
      where: { searchText: { like: pupil4A.fullName } },
      overrideAccess: false,
      user: users.homeroom_teacher,
      depth: 0,
    })
    expect(hidden.map((doc) => doc.id)).not.toContain(of4A.id)
  })

  it('follows a change of the record', async () => {
    const client = await as('it_teacher')
    const changed = await client.patch(`/contests/${other.id}`, {
      organiser: 'Liên đội Gia Thượng',
    })
    expect(changed.status).toBe(200)
    expect(await findContests('lien doi gia thuong')).toEqual([other.name])
  })

  it('cannot be written by a user (403), on create or update', async () => {
    const client = await as('it_teacher')
    const created = await client.post('/contests', {
      name: 'Thi thử',
      level: 'school',
      schoolYear: '2026-2027',
      searchText: 'violympic',
    })
    expect(created.status).toBe(403)
    const updated = await client.patch(`/contests/${other.id}`, { searchText: 'ioe' })
    expect(updated.status).toBe(403)
    const entry = await client.patch(`/contest-entries/${of3B.id}`, { searchText: 'x' })
    expect(entry.status).toBe(403)
    expect(await findContests('ioe')).not.toContain(other.name)
  })

  it('is made anew for a duplicate (the admin’s "Duplicate" of a contest)', async () => {
    const client = await as('it_teacher')
    const copy = await client.post(`/contests/${contest.id}/duplicate`, {})
    expect(copy.status, JSON.stringify(copy.body)).toBe(200)
    const { docs } = await school.payload.find({
      collection: 'contests',
      where: { searchText: { like: 'dong do' } },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs.map((doc) => doc.id)).toContain(copy.body.doc.id)
  })
})
