/**
 * Attendance (Điều 9.3): the homeroom teacher takes it in a weekly grid, a week ahead for a known
 * leave; leadership reads it; nobody else, and nothing reaches the public site. Totals per term
 * and year feed the transcript.
 */
import { mondayOf, schoolYearOf, vietnamDay, weekDays, type Role } from '@school/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Group, Student, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { outcomeOf } from './support/outcome'
import { findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType

const today = vietnamDay()
const week = mondayOf(today)
const days = weekDays(week)
const schoolYear = schoolYearOf(new Date())

const shift = (day: string, by: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + by * 86_400_000).toISOString().slice(0, 10)

let class3B: Group
let class3A: Group
let pupils3B: Student[]
let pupil3A: Student
const clients = new Map<Role | 'anonymous', RestClientType>()

async function classNamed(name: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ name: { equals: name } }, { kind: { equals: 'class' } }] },
    overrideAccess: true,
  })
  return docs[0]!
}

async function pupilsOf(schoolClass: Group): Promise<Student[]> {
  const { docs } = await school.payload.find({
    collection: 'students',
    where: { and: [{ class: { equals: schoolClass.id } }, { status: { equals: 'studying' } }] },
    sort: 'id',
    limit: 0,
    overrideAccess: true,
  })
  return docs
}

const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))
const rest = (role: Role | 'anonymous') => clients.get(role)!

async function attendanceOf(schoolClass: Group) {
  const { docs } = await school.payload.find({
    collection: 'attendance',
    where: { class: { equals: schoolClass.id } },
    limit: 0,
    depth: 0,
    sort: 'id',
    overrideAccess: true,
  })
  return docs
}

async function clearAttendance(schoolClass: Group) {
  await school.payload.delete({
    collection: 'attendance',
    where: { class: { equals: schoolClass.id } },
    overrideAccess: true,
  })
}

const REFUSED_ROLES: Role[] = ['group_head', 'subject_teacher', 'nurse', 'clerk']

beforeAll(async () => {
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  class3B = await classNamed('Lớp 3B')
  class3A = await classNamed('Lớp 3A')
  pupils3B = await pupilsOf(class3B)
  pupil3A = (await pupilsOf(class3A))[0]!
  // The demo may have seeded recent weeks: these tests count from a clean class.
  await clearAttendance(class3B)
  const roles: Role[] = ['homeroom_teacher', 'principal', 'vice_principal', ...REFUSED_ROLES]
  for (const role of roles) {
    const client = new RestClient()
    expect((await client.login(demoLoginEmail(role), demoPassword())).status, role).toBe(200)
    clients.set(role, client)
  }
  clients.set('anonymous', new RestClient())
}, 180_000)

afterAll(async () => {
  await clearAttendance(class3B)
})

describe('the weekly grid', () => {
  it('the homeroom teacher of 3B saves a week in one request and reads it back', async () => {
    const [first, second, third] = pupils3B
    const ahead = shift(today, 7)
    const response = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week,
      sessions: [
        {
          date: days[0],
          session: 'morning',
          taken: true,
          marks: [
            { student: first!.id, mark: 'excused', reason: 'Ốm, mẹ xin phép' },
            { student: second!.id, mark: 'late' },
            { student: third!.id, mark: 'present' },
          ],
        },
        { date: days[0], session: 'afternoon', taken: true, marks: [] },
        { date: days[1], session: 'morning', taken: false, marks: [] },
      ],
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.saved).toEqual({ created: 2, updated: 0, removed: 0, unchanged: 0 })
    const stored = await attendanceOf(class3B)
    expect(stored).toHaveLength(2)
    const morning = stored.find((doc) => doc.session === 'morning')!
    expect(morning.day).toBe(days[0])
    expect(morning.schoolYear).toBe(schoolYear)
    // "Present" is what no mark means: only the absent and the late are stored.
    expect(morning.marks?.map((row) => [row.student, row.mark, row.reason ?? null])).toEqual([
      [first!.id, 'excused', 'Ốm, mẹ xin phép'],
      [second!.id, 'late', null],
    ])

    // A known leave a week ahead, and the afternoon taken back (no longer taken: no document).
    const nextWeek = mondayOf(ahead)
    const aheadSave = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week: nextWeek,
      sessions: [
        {
          date: ahead,
          session: 'morning',
          taken: true,
          marks: [{ student: first!.id, mark: 'excused', reason: 'Về quê' }],
        },
      ],
    })
    if (weekDays(nextWeek).includes(ahead)) expect(aheadSave.status).toBe(200)
    const undo = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week,
      sessions: [{ date: days[0], session: 'afternoon', taken: false, marks: [] }],
    })
    expect(undo.status).toBe(200)
    expect(undo.body.saved.removed).toBe(1)

    const grid = await rest('homeroom_teacher').get(
      `/attendance-grid?class=${class3B.id}&week=${days[2]}`,
    )
    expect(grid.status).toBe(200)
    expect(grid.body.week).toBe(week)
    expect(grid.body.days).toEqual(days)
    expect(grid.body.editable).toBe(true)
    expect(grid.body.sessions).toHaveLength(10)
    expect(grid.body.pupils.map((pupil: { id: number }) => pupil.id).sort()).toEqual(
      pupils3B.map((pupil) => pupil.id).sort(),
    )
    const given = (name: string) => name.trim().split(/\s+/).pop()!
    const names: string[] = grid.body.pupils.map((pupil: { name: string }) => pupil.name)
    const collator = new Intl.Collator('vi', { sensitivity: 'base' })
    for (let index = 1; index < names.length; index += 1)
      expect(collator.compare(given(names[index - 1]!), given(names[index]!))).toBeLessThanOrEqual(
        0,
      )
    const cell = (date: string, session: string) =>
      grid.body.sessions.find(
        (entry: { date: string; session: string }) =>
          entry.date === date && entry.session === session,
      )
    expect(cell(days[0]!, 'morning')).toMatchObject({
      taken: true,
      marks: [
        { student: first!.id, mark: 'excused', reason: 'Ốm, mẹ xin phép' },
        { student: second!.id, mark: 'late', reason: null },
      ],
    })
    expect(cell(days[0]!, 'afternoon')).toEqual({
      date: days[0],
      session: 'afternoon',
      taken: false,
      marks: [],
    })
  })

  it('a pupil who left mid-week keeps their marks, and the session saves again', async () => {
    const leaver = pupils3B.at(-1)!
    const afternoon = {
      date: days[0],
      session: 'afternoon',
      taken: true,
      marks: [{ student: leaver.id, mark: 'excused', reason: 'Chuyển nhà' }],
    }
    const first = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week,
      sessions: [afternoon],
    })
    expect(first.status).toBe(200)
    // The status follows the latest enrollment event (a history that is never rewritten).
    await school.payload.update({
      collection: 'students',
      id: leaver.id,
      data: {
        enrollmentEvents: [
          ...(leaver.enrollmentEvents ?? []),
          {
            kind: 'transfer_out',
            date: new Date().toISOString(),
            reason: 'Gia đình chuyển nhà',
            school: 'Trường Tiểu học Yên Viên',
          },
        ],
      },
      overrideAccess: true,
    })
    const grid = await rest('homeroom_teacher').get(
      `/attendance-grid?class=${class3B.id}&week=${week}`,
    )
    const listed = grid.body.pupils.find((pupil: { id: number }) => pupil.id === leaver.id)
    expect(listed).toMatchObject({ left: true })
    expect(grid.body.pupils.at(-1).id).toBe(leaver.id)
    const again = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week,
      sessions: [
        { ...afternoon, marks: [...afternoon.marks, { student: pupils3B[3]!.id, mark: 'late' }] },
      ],
    })
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.saved.updated).toBe(1)
  })

  it('leadership reads every class but does not take attendance', async () => {
    for (const role of ['principal', 'vice_principal'] as const) {
      const grid = await rest(role).get(`/attendance-grid?class=${class3B.id}&week=${week}`)
      expect(grid.status, role).toBe(200)
      expect(grid.body.editable).toBe(false)
      expect(grid.body.sessions.some((entry: { taken: boolean }) => entry.taken)).toBe(true)
      const save = await rest(role).post('/attendance-grid', {
        class: class3B.id,
        week,
        sessions: [{ date: days[3], session: 'morning', taken: true, marks: [] }],
      })
      expect(save.status, role).toBe(403)
      const list = await rest(role).get(`/attendance?where[class][equals]=${class3B.id}`)
      expect(list.body.totalDocs, role).toBeGreaterThan(0)
    }
    const principal = await user('principal')
    const { totalDocs } = await school.payload.find({
      collection: 'attendance',
      where: { class: { equals: class3B.id } },
      user: principal,
      overrideAccess: false,
    })
    expect(totalDocs).toBeGreaterThan(0)
    expect(
      await outcomeOf(() =>
        school.payload.create({
          collection: 'attendance',
          data: { class: class3B.id, date: `${days[4]}T05:00:00.000Z`, session: 'afternoon' },
          user: principal,
          overrideAccess: false,
        }),
      ),
    ).toBe('refused')
  })

  it('another homeroom teacher, a subject teacher, the nurse and the clerk are refused', async () => {
    if ((await attendanceOf(class3B)).length === 0) {
      await school.payload.create({
        collection: 'attendance',
        data: { class: class3B.id, date: `${days[0]}T05:00:00.000Z`, session: 'morning' },
        overrideAccess: true,
      })
    }
    const before = await attendanceOf(class3B)
    for (const role of REFUSED_ROLES) {
      const client = rest(role)
      const grid = await client.get(`/attendance-grid?class=${class3B.id}&week=${week}`)
      expect(grid.status, role).toBe(403)
      expect(grid.body.errors?.[0]?.message ?? '', role).toMatch(/giáo viên chủ nhiệm/)
      const save = await client.post('/attendance-grid', {
        class: class3B.id,
        week,
        sessions: [{ date: days[3], session: 'morning', taken: true, marks: [] }],
      })
      expect(save.status, role).toBe(403)
      const totals = await client.get(`/attendance/totals?class=${class3B.id}`)
      expect(totals.status, role).toBe(403)
      const list = await client.get(`/attendance?where[class][equals]=${class3B.id}`)
      expect([200, 403], role).toContain(list.status)
      expect(list.body.totalDocs ?? 0, role).toBe(0)
      const one = await client.get(`/attendance/${before[0]!.id}`)
      expect([403, 404], role).toContain(one.status)
      const patch = await client.patch(`/attendance/${before[0]!.id}`, { marks: [] })
      expect([403, 404], role).toContain(patch.status)

      const actor = await user(role)
      // No read access at all is a 403; a read limited to other classes finds none here.
      const visible = await school.payload
        .find({
          collection: 'attendance',
          where: { class: { equals: class3B.id } },
          user: actor,
          overrideAccess: false,
        })
        .then(
          ({ totalDocs }) => totalDocs,
          (error: { status?: number }) => (error.status === 403 ? 0 : Promise.reject(error)),
        )
      expect(visible, role).toBe(0)
      expect(
        await outcomeOf(() =>
          school.payload.create({
            collection: 'attendance',
            data: { class: class3B.id, date: `${days[4]}T05:00:00.000Z`, session: 'afternoon' },
            user: actor,
            overrideAccess: false,
          }),
        ),
        role,
      ).toBe('refused')
      expect(
        await outcomeOf(() =>
          school.payload.delete({
            collection: 'attendance',
            id: before[0]!.id,
            user: actor,
            overrideAccess: false,
          }),
        ),
        role,
      ).toBe('refused')
    }
    expect(await attendanceOf(class3B)).toEqual(before)
  })

  it('the group head, as homeroom teacher of 3A, takes 3A but not 3B', async () => {
    const before3A = await attendanceOf(class3A)
    const save = await rest('group_head').post('/attendance-grid', {
      class: class3A.id,
      week,
      sessions: [
        { date: days[2], session: 'morning', taken: true, marks: [] },
        {
          date: days[2],
          session: 'afternoon',
          taken: true,
          marks: [{ student: pupils3B[0]!.id, mark: 'late' }],
        },
      ],
    })
    // A pupil of 3B is not 3A's to mark: the whole save is refused, nothing written.
    expect(save.status).toBe(400)
    expect(await attendanceOf(class3A)).toEqual(before3A)
  })

  it('nobody logged in gets nothing: REST, the grid, the totals, GraphQL', async () => {
    const anonymous = rest('anonymous')
    expect((await anonymous.get(`/attendance-grid?class=${class3B.id}`)).status).toBe(401)
    expect(
      (
        await anonymous.post('/attendance-grid', {
          class: class3B.id,
          week,
          sessions: [{ date: days[3], session: 'morning', taken: true, marks: [] }],
        })
      ).status,
    ).toBe(401)
    expect((await anonymous.get(`/attendance/totals?class=${class3B.id}`)).status).toBe(401)
    const list = await anonymous.get('/attendance')
    expect([401, 403]).toContain(list.status)
    expect(JSON.stringify(list.body)).not.toContain('Ốm, mẹ xin phép')
    const graphql = new GraphQLClient()
    const answer = await graphql.query('{ Attendances { totalDocs docs { id } } }')
    expect(answer.data?.Attendances?.totalDocs ?? 0).toBe(0)
    expect(JSON.stringify(answer)).not.toContain('Ốm, mẹ xin phép')
    const subjectTeacher = new GraphQLClient()
    await subjectTeacher.login(demoLoginEmail('subject_teacher'), demoPassword())
    const taught = await subjectTeacher.query('{ Attendances { totalDocs docs { id } } }')
    expect(taught.data?.Attendances?.totalDocs ?? 0).toBe(0)
    const homeroom = new GraphQLClient()
    await homeroom.login(demoLoginEmail('homeroom_teacher'), demoPassword())
    const own = await homeroom.query('{ Attendances { totalDocs } }')
    expect(own.data.Attendances.totalDocs).toBeGreaterThan(0)
  })

  it('nothing of attendance is in the site build data', async () => {
    const { serveRestOverHttp } = await import('./support/rest')
    const server = await serveRestOverHttp()
    process.env.CMS_URL = server.url
    try {
      const cms = await import('../../site/src/lib/cms')
      cms.forgetCmsAnswers()
      const data = JSON.stringify(
        await Promise.all([
          cms.getSchoolProfile(),
          cms.getPublishedPosts(),
          cms.getGroupsWithPosts(),
          cms.getTags(),
          cms.getMediaFiles(),
        ]),
      )
      expect(data.length).toBeGreaterThan(100)
      expect(data).not.toMatch(/Ốm, mẹ xin phép|Về quê|unexcused/)
      for (const pupil of pupils3B.slice(0, 2)) expect(data).not.toContain(pupil.fullName)
    } finally {
      await server.close()
    }
  })
})

describe('bad input', () => {
  it('answers 400 with every error and writes nothing', async () => {
    const before = await attendanceOf(class3B)
    const tooFar = shift(today, 21)
    const response = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week,
      sessions: [
        // A good session: not written either, because the request has errors.
        { date: days[4], session: 'morning', taken: true, marks: [] },
        {
          date: days[3],
          session: 'morning',
          taken: true,
          marks: [
            { student: pupil3A.id, mark: 'excused' },
            { student: pupils3B[0]!.id, mark: 'sick' },
            { student: pupils3B[1]!.id, mark: 'late', reason: 'x'.repeat(201) },
            { student: pupils3B[2]!.id, mark: 'late' },
            { student: pupils3B[2]!.id, mark: 'excused' },
          ],
        },
        { date: shift(week, 7), session: 'morning', taken: true, marks: [] },
        { date: days[3], session: 'evening', taken: true, marks: [] },
        { date: days[2], session: 'afternoon', marks: [] },
        {
          date: days[1],
          session: 'afternoon',
          taken: false,
          marks: [{ student: pupils3B[0]!.id, mark: 'unexcused' }],
        },
        { date: days[1], session: 'morning', taken: true },
        { date: days[1], session: 'morning', taken: true },
      ],
    })
    expect(response.status).toBe(400)
    expect(response.body.message).toMatch(/chưa lưu/)
    const paths = response.body.errors.map((error: { path: string }) => error.path)
    expect(paths).toEqual([
      'sessions[1].marks[0].student',
      'sessions[1].marks[1].mark',
      'sessions[1].marks[2].reason',
      'sessions[1].marks[4].student',
      'sessions[2].date',
      'sessions[3].session',
      'sessions[4].taken',
      'sessions[5].taken',
      'sessions[7]',
    ])
    for (const error of response.body.errors) expect(error.message).toMatch(/[ạảãàáâầấậẩẫăắằặẳẵ]/)
    expect(await attendanceOf(class3B)).toEqual(before)

    // More than DAYS_AHEAD ahead, and before the school year.
    const far = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week: tooFar,
      sessions: [{ date: tooFar, session: 'morning', taken: true, marks: [] }],
    })
    if (weekDays(tooFar).includes(tooFar)) {
      expect(far.status).toBe(400)
      expect(far.body.errors[0].message).toMatch(/trước tối đa 14 ngày/)
    }
    const start = Number(schoolYear.slice(0, 4))
    const august = mondayOf(`${start}-08-20`)
    const past = await rest('homeroom_teacher').post('/attendance-grid', {
      class: class3B.id,
      week: august,
      sessions: [{ date: august, session: 'morning', taken: true, marks: [] }],
    })
    expect(past.status).toBe(400)
    expect(past.body.errors[0].message).toMatch(/trước năm học/)

    for (const body of [
      { class: class3B.id, week: '2026-13-40', sessions: [] },
      { class: 'x y', week, sessions: [] },
      { class: class3B.id, week, sessions: 'all' },
    ]) {
      const bad = await rest('homeroom_teacher').post('/attendance-grid', body)
      expect(bad.status, JSON.stringify(body)).toBe(400)
    }
    // Straight through the collection's API, the same bounds hold.
    for (const date of [`${shift(today, 15)}T05:00:00.000Z`, `${start}-08-20T05:00:00.000Z`]) {
      const direct = await rest('homeroom_teacher').post('/attendance', {
        class: class3B.id,
        date,
        session: 'morning',
      })
      expect(direct.status, date).toBe(400)
      expect(JSON.stringify(direct.body)).toMatch(/trước tối đa 14 ngày/)
    }
    const notJson = await rest('homeroom_teacher').request(
      'POST',
      '/attendance-grid',
      undefined,
      '{',
    )
    expect(notJson.status).toBe(400)
    const unknownClass = await rest('homeroom_teacher').get(`/attendance-grid?class=999999`)
    expect(unknownClass.status).toBe(404)
    expect(await attendanceOf(class3B)).toEqual(before)
  })
})

describe('totals per term and year', () => {
  it('counts days with and without leave, half a day for one of two sessions', async () => {
    await clearAttendance(class3B)
    const { docs: windows } = await school.payload.find({
      collection: 'assessment-periods',
      where: { and: [{ schoolYear: { equals: schoolYear } }, { period: { equals: 'end1' } }] },
      overrideAccess: true,
    })
    const term2 = shift(vietnamDay(windows[0]!.closesOn), 1)
    const [a, b] = pupils3B
    const marks = (rows: Array<[Student, 'excused' | 'unexcused' | 'late']>) =>
      rows.map(([pupil, mark]) => ({ student: pupil.id, mark }))
    const sessions: Array<[string, 'morning' | 'afternoon', ReturnType<typeof marks>]> = [
      // Term I: a day both sessions away with leave = 1 day.
      [shift(term2, -10), 'morning', marks([[a!, 'excused']])],
      [shift(term2, -10), 'afternoon', marks([[a!, 'excused']])],
      // The class's only session that day: a whole day without leave.
      [shift(term2, -9), 'morning', marks([[a!, 'unexcused']])],
      // Late in the morning, away without leave in the afternoon: half a day, one late.
      [
        shift(term2, -8),
        'morning',
        marks([
          [a!, 'late'],
          [b!, 'excused'],
        ]),
      ],
      [shift(term2, -8), 'afternoon', marks([[a!, 'unexcused']])],
      // Term II starts the day after end1's window closes: half a day with leave.
      [term2, 'morning', marks([[a!, 'excused']])],
      [term2, 'afternoon', []],
    ]
    for (const [day, session, rows] of sessions) {
      await school.payload.create({
        collection: 'attendance',
        data: { class: class3B.id, date: `${day}T05:00:00.000Z`, session, marks: rows },
        overrideAccess: true,
      })
    }
    const response = await rest('homeroom_teacher').get(`/attendance/totals?class=${class3B.id}`)
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(response.body.schoolYear).toBe(schoolYear)
    expect(response.body.term2StartsOn).toBe(term2)
    const totalsOf = (pupil: Student) =>
      response.body.pupils.find((row: { id: number }) => row.id === pupil.id)
    expect(totalsOf(a!)).toMatchObject({
      term1: {
        excusedDays: 1,
        unexcusedDays: 1.5,
        lateCount: 1,
        sessionsCounted: 5,
        daysCounted: 3,
      },
      term2: {
        excusedDays: 0.5,
        unexcusedDays: 0,
        lateCount: 0,
        sessionsCounted: 2,
        daysCounted: 1,
      },
      year: {
        excusedDays: 1.5,
        unexcusedDays: 1.5,
        lateCount: 1,
        sessionsCounted: 7,
        daysCounted: 4,
      },
    })
    expect(totalsOf(b!)).toMatchObject({
      term1: { excusedDays: 0.5, unexcusedDays: 0, lateCount: 0 },
      year: { excusedDays: 0.5, unexcusedDays: 0, lateCount: 0 },
    })
    expect(totalsOf(pupils3B[2]!).year).toMatchObject({ excusedDays: 0, unexcusedDays: 0 })
    // The pupil who transferred out above is no longer the class's.
    expect(response.body.pupils).toHaveLength(pupils3B.length - 1)

    const principal = await rest('principal').get(`/attendance/totals?class=${class3B.id}`)
    expect(principal.status).toBe(200)
    const totalsOnly = (rows: Array<Record<string, unknown>>) =>
      rows.map(({ id, term1, term2, year }) => ({ id, term1, term2, year }))
    expect(totalsOnly(principal.body.pupils)).toEqual(totalsOnly(response.body.pupils))
    expect(
      (await rest('homeroom_teacher').get(`/attendance/totals?class=${class3B.id}&schoolYear=2026`))
        .status,
    ).toBe(400)

    // Without an end1 window, term II starts on 15 January.
    await school.payload.delete({
      collection: 'assessment-periods',
      id: windows[0]!.id,
      overrideAccess: true,
    })
    const fallback = await rest('homeroom_teacher').get(`/attendance/totals?class=${class3B.id}`)
    expect(fallback.body.term2StartsOn).toBe(`${schoolYear.slice(5)}-01-15`)
    await school.payload.create({
      collection: 'assessment-periods',
      data: {
        schoolYear,
        period: 'end1',
        opensOn: windows[0]!.opensOn,
        closesOn: windows[0]!.closesOn,
      },
      overrideAccess: true,
    })
  })
})
