/**
 * The lunch menu and the test schedule (issue 15, Điều 17.4): who keeps them (the nurse and
 * leadership; leadership), who reads them (staff, never the public), their path to the website
 * (keeper submits, another leader approves, the web admin publishes) and the test schedule's
 * "Lấy từ lịch đánh giá" fill from the checkpoints (TT27 Điều 7.2).
 */
import { ROLES, plusDays, mondayOf, schoolYearOf, vietnamDay, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { demoUsers, restClients } from './support/data-rights'
import { outcomeOf, type Outcome } from './support/outcome'
import { useTestSchool } from './support/payload'
import type * as Rest from './support/rest'

const school = useTestSchool()
const as = restClients()
let payload: Payload
let users: Record<Role, User>
let RestClient: typeof Rest.RestClient
let GraphQLClient: typeof Rest.GraphQLClient

const thisYear = schoolYearOf(new Date())
/** Weeks far from the seeded ones (this week and next), one per test. */
let weeks = 20
const freshMonday = () => plusDays(mondayOf(vietnamDay()), 7 * weeks++)
const at = (day: string) => `${day}T05:00:00.000Z`

const DAYS = [
  { weekday: 'mon', meals: [{ meal: 'lunch', dishes: 'Cơm trắng\n  Thịt kho\n\nCanh rau' }] },
  { weekday: 'tue', meals: [{ meal: 'afternoon_snack', dishes: 'Sữa chua' }] },
]

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
})

async function menuAs(role: Role, monday = freshMonday(), days: unknown = DAYS) {
  const response = await (
    await as(role)
  ).post('/lunch-menus', {
    weekOf: at(monday),
    days,
    note: 'Có tôm (dị ứng hải sản).',
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return { id: response.body.doc.id as number, monday }
}

const step = async (role: Role, collection: string, id: number, action: string, comment?: string) =>
  (await as(role)).post(`/${collection}/${id}/publication`, { action, comment })

async function noticeOf(noticeKey: string) {
  const { body } = await new RestClient().get(
    `/public-notices?where[noticeKey][equals]=${encodeURIComponent(noticeKey)}&depth=0`,
  )
  return body.docs[0] as Record<string, unknown> | undefined
}

describe('lunch menus: the records', () => {
  const expected: Record<'create' | 'read' | 'update' | 'delete', Role[]> = {
    create: ['principal', 'vice_principal', 'nurse'],
    read: [...ROLES],
    update: ['principal', 'vice_principal', 'nurse'],
    delete: ['principal', 'vice_principal', 'nurse'],
  }

  it('are kept by the nurse and leadership and read by every staff member (each role, both ways)', async () => {
    const { id } = await menuAs('nurse')
    const outcome: Record<string, Record<Role, Outcome>> = {
      create: {},
      read: {},
      update: {},
      delete: {},
    } as never
    for (const role of ROLES) {
      const user = users[role]
      outcome.create[role] = await outcomeOf(() =>
        payload.create({
          collection: 'lunch-menus',
          data: { weekOf: at(freshMonday()), days: DAYS } as never,
          user,
          overrideAccess: false,
        }),
      )
      outcome.read[role] = await outcomeOf(() =>
        payload.findByID({ collection: 'lunch-menus', id, user, overrideAccess: false }),
      )
      outcome.update[role] = await outcomeOf(() =>
        payload.update({
          collection: 'lunch-menus',
          id,
          data: { note: `Sửa bởi ${role}` },
          user,
          overrideAccess: false,
        }),
      )
    }
    for (const role of ROLES) {
      const scratch = await payload.create({
        collection: 'lunch-menus',
        data: { weekOf: at(freshMonday()), days: DAYS } as never,
        overrideAccess: true,
      })
      outcome.delete[role] = await outcomeOf(() =>
        payload.delete({
          collection: 'lunch-menus',
          id: scratch.id,
          user: users[role],
          overrideAccess: false,
        }),
      )
    }
    for (const action of ['create', 'read', 'update', 'delete'] as const) {
      const want = Object.fromEntries(
        ROLES.map((role) => [role, expected[action].includes(role) ? 'allowed' : 'refused']),
      )
      expect(outcome[action], action).toEqual(want)
    }
  })

  it('are never read by the public, in REST or GraphQL', async () => {
    const { id } = await menuAs('nurse')
    const anonymous = new RestClient()
    expect((await anonymous.get('/lunch-menus')).status).toBe(403)
    expect((await anonymous.get(`/lunch-menus/${id}`)).status).toBe(403)
    expect((await anonymous.get(`/lunch-menus/${id}/publication`)).status).toBe(401)
    const graphql = await new GraphQLClient().query('{ LunchMenus { docs { id note } } }')
    expect(graphql.data?.LunchMenus?.docs ?? []).toHaveLength(0)
    expect(graphql.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('start on a Monday, are named after their week, one menu a week', async () => {
    const client = await as('nurse')
    const tuesday = plusDays(freshMonday(), 1)
    const refused = await client.post('/lunch-menus', { weekOf: at(tuesday), days: DAYS })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('thứ Hai')
    const created = await client.post('/lunch-menus', { weekOf: at('2027-03-01'), days: DAYS })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc.label).toBe('Tuần 27 (01/03 – 05/03/2027)')
    expect(created.body.doc.schoolYear).toBe('2026-2027')
    const twice = await client.post('/lunch-menus', { weekOf: at('2027-03-01'), days: DAYS })
    expect(twice.status).toBe(400)
    await payload.delete({
      collection: 'lunch-menus',
      id: created.body.doc.id,
      overrideAccess: true,
    })
  })
})

describe('lunch menus: the path to the website', () => {
  it('is refused at every step, at its own stage, to a teacher who keeps no menu (403)', async () => {
    const { id } = await menuAs('nurse')
    const teacher = (action: string) => step('homeroom_teacher', 'lunch-menus', id, action, 'Sai')
    expect((await teacher('submit')).status).toBe(403)
    expect((await step('nurse', 'lunch-menus', id, 'submit')).status).toBe(200)
    expect((await teacher('approve')).status).toBe(403)
    expect((await teacher('return')).status).toBe(403)
    expect((await step('vice_principal', 'lunch-menus', id, 'approve')).status).toBe(200)
    expect((await teacher('publish')).status).toBe(403)
    expect((await step('web_admin', 'lunch-menus', id, 'publish')).status).toBe(200)
    expect((await teacher('unpublish')).status).toBe(403)
    expect((await step('web_admin', 'lunch-menus', id, 'unpublish')).status).toBe(200)
  })

  it('needs dishes before it is sent for approval', async () => {
    const { id } = await menuAs('nurse', freshMonday(), [{ weekday: 'mon', meals: [] }])
    const response = await step('nurse', 'lunch-menus', id, 'submit')
    expect(response.status).toBe(400)
    expect(JSON.stringify(response.body)).toContain('chưa có món')
  })

  it('goes: nurse submits, another leader approves, the web admin publishes; an edit keeps the live page until republished', async () => {
    const { id, monday } = await menuAs('vice_principal')
    expect((await step('vice_principal', 'lunch-menus', id, 'submit')).status).toBe(200)
    // Who sent it does not approve it; the nurse is no leader.
    expect((await step('vice_principal', 'lunch-menus', id, 'approve')).status).toBe(403)
    expect((await step('nurse', 'lunch-menus', id, 'approve')).status).toBe(403)
    expect((await step('principal', 'lunch-menus', id, 'approve')).status).toBe(200)
    for (const role of ['nurse', 'vice_principal', 'homeroom_teacher'] as const)
      expect((await step(role, 'lunch-menus', id, 'publish')).status, role).toBe(403)
    expect((await step('web_admin', 'lunch-menus', id, 'publish')).status).toBe(200)

    const notice = await noticeOf(`lunch_menu:${monday}`)
    expect(notice).toMatchObject({ kind: 'lunch_menu', key: monday, path: '/thuc-don/' })
    // Exactly what the page needs: no author, no stage, no record id.
    expect(Object.keys(notice!.data as object).sort()).toEqual(['days', 'label', 'note', 'weekOf'])
    expect(notice!.data).toMatchObject({
      weekOf: monday,
      note: 'Có tôm (dị ứng hải sản).',
      days: [
        {
          weekday: 'mon',
          label: 'Thứ Hai',
          date: monday,
          meals: [
            { meal: 'lunch', label: 'Bữa trưa', dishes: ['Cơm trắng', 'Thịt kho', 'Canh rau'] },
          ],
        },
        { weekday: 'tue', date: plusDays(monday, 1), meals: [{ label: 'Bữa phụ chiều' }] },
      ],
    })
    expect(JSON.stringify(notice)).not.toMatch(/@|submittedBy|publishedBy/)

    // Live records are not deleted behind the web admin's back.
    const deleted = await (await as('nurse')).delete(`/lunch-menus/${id}`)
    expect(deleted.status).toBeGreaterThanOrEqual(400)
    expect(deleted.status).toBeLessThan(500)

    const edited = await (await as('nurse')).patch(`/lunch-menus/${id}`, { note: 'Thay món cá.' })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.publicationStage).toBe('draft')
    expect(edited.body.doc.publicationLive).toBe(true)
    expect((await noticeOf(`lunch_menu:${monday}`))!.data).toMatchObject({
      note: 'Có tôm (dị ứng hải sản).',
    })

    expect((await step('nurse', 'lunch-menus', id, 'unpublish')).status).toBe(403)
    expect((await step('web_admin', 'lunch-menus', id, 'unpublish')).status).toBe(200)
    expect(await noticeOf(`lunch_menu:${monday}`)).toBeUndefined()
    expect((await (await as('nurse')).delete(`/lunch-menus/${id}`)).status).toBe(200)
  })

  it('cannot be pushed past its steps by writing the publication fields', async () => {
    const { id } = await menuAs('nurse')
    const forged = await (
      await as('principal')
    ).patch(`/lunch-menus/${id}`, {
      publicationStage: 'published',
      publicationLive: true,
    })
    expect(forged.status).toBe(403)
  })
})

describe('test schedules', () => {
  async function scheduleAs(role: Role, schoolYear: string, period: string) {
    const response = await (await as(role)).post('/test-schedules', { schoolYear, period })
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    return response.body.doc.id as number
  }

  it('are kept by leadership and read by staff, never by the public', async () => {
    const id = await scheduleAs('principal', '2031-2032', 'mid1')
    for (const role of ['nurse', 'homeroom_teacher', 'web_admin', 'it_teacher'] as const) {
      const client = await as(role)
      expect(
        (await client.post('/test-schedules', { schoolYear: '2031-2032', period: 'end1' })).status,
        role,
      ).toBe(403)
      expect((await client.patch(`/test-schedules/${id}`, { rows: [] })).status, role).toBe(403)
      expect((await client.get(`/test-schedules/${id}`)).status, role).toBe(200)
      expect((await client.post(`/test-schedules/${id}/fill`, {})).status, role).toBe(403)
    }
    expect(
      (await (await as('vice_principal')).patch(`/test-schedules/${id}`, { rows: [] })).status,
    ).toBe(200)
    const anonymous = new RestClient()
    expect((await anonymous.get('/test-schedules')).status).toBe(403)
    expect((await anonymous.post(`/test-schedules/${id}/fill`, {})).status).toBe(401)
    const graphql = await new GraphQLClient().query('{ TestSchedules { docs { id } } }')
    expect(graphql.data?.TestSchedules?.docs ?? []).toHaveLength(0)
    expect(graphql.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('are filled from the checkpoints: TT27 subjects per grade, on school days from the window', async () => {
    const id = await scheduleAs('vice_principal', thisYear, 'mid2')
    const filled = await (await as('principal')).post(`/test-schedules/${id}/fill`, {})
    expect(filled.status, JSON.stringify(filled.body)).toBe(200)
    const rows = filled.body.doc.rows as Array<{ grade: string; subject: string; date: string }>
    // Mid-term II: Tiếng Việt and Toán in grades 4 and 5 only (TT27 Điều 7.2).
    expect(rows.map((row) => `${row.grade} ${row.subject}`).sort()).toEqual([
      '4 Tiếng Việt',
      '4 Toán',
      '5 Tiếng Việt',
      '5 Toán',
    ])
    const { docs } = await payload.find({
      collection: 'assessment-periods',
      where: { and: [{ schoolYear: { equals: thisYear } }, { period: { equals: 'mid2' } }] },
      overrideAccess: true,
    })
    const opens = vietnamDay(docs[0].opensOn)
    for (const row of rows) {
      const day = vietnamDay(row.date)
      expect(day >= opens, `${day} ≥ ${opens}`).toBe(true)
      expect([0, 6]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay())
    }
    // One subject a day: Tiếng Việt and Toán on two different days, the same for both grades.
    expect(new Set(rows.map((row) => vietnamDay(row.date))).size).toBe(2)

    // Leadership moves a test; the end-of-term fill of grade 4 has the science subjects too.
    const moved = rows.map((row, index) => (index === 0 ? { ...row, session: 'afternoon' } : row))
    const adjusted = await (
      await as('vice_principal')
    ).patch(`/test-schedules/${id}`, { rows: moved })
    expect(adjusted.status).toBe(200)
    expect(adjusted.body.doc.rows[0].session).toBe('afternoon')
  })

  it('are not filled without a checkpoint (409, in Vietnamese)', async () => {
    const id = await scheduleAs('principal', '2032-2033', 'end')
    const response = await (await as('principal')).post(`/test-schedules/${id}/fill`, {})
    expect(response.status).toBe(409)
    expect(JSON.stringify(response.body)).toContain('Chưa có lịch đánh giá')
    expect((await (await as('principal')).post('/test-schedules/abc/fill', {})).status).toBe(404)
  })

  it('go to the website through the same path, grades, subjects, days and sessions only', async () => {
    const id = await scheduleAs('vice_principal', thisYear, 'end')
    expect((await (await as('vice_principal')).post(`/test-schedules/${id}/fill`, {})).status).toBe(
      200,
    )
    expect((await step('homeroom_teacher', 'test-schedules', id, 'submit')).status).toBe(403)
    expect((await step('nurse', 'test-schedules', id, 'submit')).status).toBe(403)
    expect((await step('vice_principal', 'test-schedules', id, 'submit')).status).toBe(200)
    expect((await step('vice_principal', 'test-schedules', id, 'approve')).status).toBe(403)
    expect((await step('principal', 'test-schedules', id, 'approve')).status).toBe(200)
    expect((await step('vice_principal', 'test-schedules', id, 'publish')).status).toBe(403)
    expect((await step('principal', 'test-schedules', id, 'publish')).status).toBe(200)
    const notice = await noticeOf(`test_schedule:${thisYear}:end`)
    expect(notice).toMatchObject({
      kind: 'test_schedule',
      path: '/lich-kiem-tra/',
      schoolYear: thisYear,
    })
    const data = notice!.data as { rows: Array<Record<string, unknown>>; periodLabel: string }
    expect(data.periodLabel).toBe('Cuối năm học')
    // End of year: grade 4 takes Tiếng Việt, Toán, Ngoại ngữ, Khoa học, LS&ĐL, Tin học và Công nghệ.
    const grade4 = data.rows.filter((row) => row.grade === 4).map((row) => row.subject)
    expect(grade4).toEqual(
      expect.arrayContaining(['Tiếng Việt', 'Toán', 'Khoa học', 'Lịch sử và Địa lí']),
    )
    expect(
      data.rows
        .filter((row) => row.grade === 1)
        .map((row) => row.subject)
        .sort(),
    ).toEqual(['Tiếng Việt', 'Toán'])
    for (const row of data.rows)
      expect(Object.keys(row).sort()).toEqual(['date', 'grade', 'session', 'subject'])

    // The same rows again change nothing: the schedule stays as published.
    expect((await (await as('principal')).post(`/test-schedules/${id}/fill`, {})).status).toBe(200)
    const after = await payload.findByID({ collection: 'test-schedules', id, overrideAccess: true })
    expect(after.publicationStage).toBe('published')
    expect((await step('web_admin', 'test-schedules', id, 'unpublish')).status).toBe(200)
    expect(await noticeOf(`test_schedule:${thisYear}:end`)).toBeUndefined()
  })
})
