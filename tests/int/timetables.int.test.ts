/**
 * The timetable (issue 15, Điều 6, 17.4): every save is refused with a message naming the clash
 * (a teacher or a room in two places at once across the year's timetables, a subject outside the
 * class's programme, a teacher not assigned), in REST, GraphQL and the Local API, two clashing
 * saves at once never both pass; who keeps and who reads it; its way to the website.
 */
import type { Payload } from 'payload'
import { schoolYearOf, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group, Timetable } from '../../cms/src/payload-types'
import { restClients } from './support/data-rights'
import type * as Rest from './support/rest'
import { useTestSchool } from './support/payload'

interface Entry {
  day: string
  period: number
  subject: string
  teacher: number | null
  room: string | null
}

const school = useTestSchool()
const as = restClients()
let payload: Payload
let RestClient: typeof Rest.RestClient
let GraphQLClient: typeof Rest.GraphQLClient
const schoolYear = schoolYearOf(new Date())
const startYear = Number(schoolYear.slice(0, 4))
let classes: Record<string, Group>
let demo: Record<string, Timetable>
/** The demo's PE teacher (teaches every class): the one to put in two places. */
let pe: number

const entriesOf = (timetable: Timetable) => structuredClone(timetable.entries) as Entry[]
const slot = (e: { day: string; period: number }) => `${e.day}|${e.period}`
const SLOTS = ['2', '3', '4', '5', '6'].flatMap((day) =>
  [1, 2, 3, 4, 5, 6, 7].map((period) => ({ day, period })),
)

/** Slots where none of the year's demo timetables has `teacher`. */
function freeSlotsOf(teacher: number) {
  const busy = new Set(
    Object.values(demo).flatMap((t) =>
      entriesOf(t)
        .filter((e) => e.teacher === teacher)
        .map(slot),
    ),
  )
  return SLOTS.filter((s) => !busy.has(slot(s)))
}

/** Class `name`'s demo week with the lesson at `at` replaced. */
function withLesson(name: string, lesson: Entry): Entry[] {
  return [...entriesOf(demo[name]!).filter((e) => slot(e) !== slot(lesson)), lesson]
}

/** A value written as a GraphQL literal (a JSON field takes objects, not a JSON string). */
function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`
  return JSON.stringify(value)
}

// The stage starts as a draft by default: a create never sends it (typed as the form sends it).
const body = (name: string, validFrom: string, entries: Entry[]) =>
  ({
    class: classes[name]!.id,
    schoolYear,
    validFrom,
    entries,
  }) as unknown as Omit<Timetable, 'id' | 'createdAt' | 'updatedAt'>

beforeAll(async () => {
  payload = school.payload
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  const { docs: groups } = await payload.find({
    collection: 'groups',
    where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: schoolYear } }] },
    limit: 0,
    depth: 0,
  })
  classes = Object.fromEntries(groups.map((g) => [g.name, g]))
  const { docs } = await payload.find({ collection: 'timetables', limit: 0, depth: 0 })
  demo = Object.fromEntries(
    docs.map((t) => [groups.find((g) => g.id === t.class)!.name, t]),
  ) as Record<string, Timetable>
  const { docs: assignments } = await payload.find({
    collection: 'teaching-assignments',
    where: { subject: { equals: 'giao-duc-the-chat' } },
    limit: 1,
    depth: 0,
  })
  pe = assignments[0]!.teacher as number
})

describe('the demo school', () => {
  it('has a published timetable for each class, consistent with the assignments', async () => {
    expect(Object.keys(demo).sort()).toEqual(Object.keys(classes).sort())
    for (const timetable of Object.values(demo)) {
      expect(timetable.publicationLive).toBe(true)
      expect(entriesOf(timetable).length).toBeGreaterThan(20)
    }
    const { docs } = await payload.find({
      collection: 'public-notices',
      where: { kind: { equals: 'timetable' } },
      limit: 0,
    })
    expect(docs.map((d) => d.path)).toContain('/thoi-khoa-bieu/3a/')
  })
})

describe('the checks on every save', () => {
  const later = `${startYear + 1}-02-02T00:00:00.000Z`

  it('save a valid timetable (a new week of 3A from February)', async () => {
    const vp = await as('vice_principal')
    const free = freeSlotsOf(pe)[0]!
    const response = await vp.post(
      '/timetables',
      body(
        'Lớp 3A',
        later,
        withLesson('Lớp 3A', {
          ...free,
          subject: 'giao-duc-the-chat',
          teacher: pe,
          room: 'Sân thể chất',
        }),
      ),
    )
    expect(response.status, JSON.stringify(response.body)).toBe(201)
    await payload.delete({ collection: 'timetables', id: response.body.doc.id })
  })

  it('refuse a teacher in two classes at once, naming the teacher, the class and the slot', async () => {
    const vp = await as('vice_principal')
    const taken = entriesOf(demo['Lớp 3B']!).find((e) => e.teacher === pe)!
    const response = await vp.post(
      '/timetables',
      body('Lớp 3A', later, withLesson('Lớp 3A', { ...taken, room: null })),
    )
    expect(response.status).toBe(400)
    const message = response.body.errors[0].message as string
    expect(message).toContain('Trùng lịch giáo viên')
    expect(message).toContain('Lớp 3B')
    expect(message).toContain(`tiết ${taken.period}`)
    const { fullName } = await payload.findByID({ collection: 'users', id: pe, depth: 0 })
    expect(message).toContain(fullName)
    // Nothing was saved.
    const { totalDocs } = await payload.count({
      collection: 'timetables',
      where: { validFrom: { equals: later } },
    })
    expect(totalDocs).toBe(0)
  })

  it('refuse the other way round too: 3B saved against a new 3A that applies at the same time', async () => {
    const free = freeSlotsOf(pe)[0]!
    const newA = await payload.create({
      collection: 'timetables',
      data: body(
        'Lớp 3A',
        later,
        withLesson('Lớp 3A', { ...free, subject: 'giao-duc-the-chat', teacher: pe, room: null }),
      ),
    })
    try {
      // 3B's September week applies past February too: the PE teacher there clashes with 3A.
      const vp = await as('vice_principal')
      const clash = await vp.patch(`/timetables/${demo['Lớp 3B']!.id}`, {
        entries: withLesson('Lớp 3B', {
          ...free,
          subject: 'giao-duc-the-chat',
          teacher: pe,
          room: null,
        }),
      })
      expect(clash.status).toBe(400)
      expect(clash.body.errors[0].message).toContain('Lớp 3A')
      // A slot the PE teacher has free in every class saves.
      const other = freeSlotsOf(pe).find((s) => slot(s) !== slot(free))!
      const fine = await vp.patch(`/timetables/${demo['Lớp 3B']!.id}`, {
        entries: withLesson('Lớp 3B', {
          ...other,
          subject: 'giao-duc-the-chat',
          teacher: pe,
          room: null,
        }),
      })
      expect(fine.status, JSON.stringify(fine.body)).toBe(200)
      await payload.update({
        collection: 'timetables',
        id: demo['Lớp 3B']!.id,
        data: { entries: demo['Lớp 3B']!.entries },
      })
    } finally {
      await payload.delete({ collection: 'timetables', id: newA.id })
    }
  })

  it('refuse a room used twice at once, and accept it where the room is free', async () => {
    const vp = await as('vice_principal')
    const inB = entriesOf(demo['Lớp 3B']!).filter((e) => e.room === 'Phòng 3B')
    const mine = entriesOf(demo['Lớp 3A']!).find((e) => inB.some((b) => slot(b) === slot(e)))!
    const clash = await vp.post(
      '/timetables',
      body('Lớp 3A', later, withLesson('Lớp 3A', { ...mine, room: 'phòng  3b' })),
    )
    expect(clash.status).toBe(400)
    expect(clash.body.errors[0].message).toContain('Trùng phòng')
    const bFree = SLOTS.find(
      (s) =>
        !entriesOf(demo['Lớp 3B']!).some((e) => slot(e) === slot(s) && e.room === 'Phòng 3B') &&
        entriesOf(demo['Lớp 3A']!).some((e) => slot(e) === slot(s) && e.room === 'Phòng 3A'),
    )!
    const lesson = entriesOf(demo['Lớp 3A']!).find((e) => slot(e) === slot(bFree))!
    const fine = await vp.post(
      '/timetables',
      body('Lớp 3A', later, withLesson('Lớp 3A', { ...lesson, room: 'Phòng 3B' })),
    )
    expect(fine.status, JSON.stringify(fine.body)).toBe(201)
    await payload.delete({ collection: 'timetables', id: fine.body.doc.id })
  })

  it("refuse a subject the class's programme lacks", async () => {
    const vp = await as('vice_principal')
    const lesson = entriesOf(demo['Lớp 3A']!)[0]!
    const response = await vp.post(
      '/timetables',
      body('Lớp 3A', later, withLesson('Lớp 3A', { ...lesson, subject: 'khoa-hoc' })),
    )
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toContain('không có môn "Khoa học"')
  })

  it('refuse a teacher not assigned to the subject in that class (the homeroom teacher of 3B in 3A)', async () => {
    const vp = await as('vice_principal')
    const lesson = entriesOf(demo['Lớp 3A']!).find((e) => e.subject === 'toan')!
    const other = classes['Lớp 3B']!.homeroomTeacher as number
    const response = await vp.post(
      '/timetables',
      body('Lớp 3A', later, withLesson('Lớp 3A', { ...lesson, teacher: other })),
    )
    expect(response.status).toBe(400)
    expect(response.body.errors[0].message).toContain('không được phân công dạy môn Toán')
    // The homeroom teacher of 3A teaches its homeroom subjects: their own assignments.
    expect(lesson.teacher).toBe(classes['Lớp 3A']!.homeroomTeacher)
  })

  it('refuse through GraphQL and the Local API too (even with access overridden)', async () => {
    const taken = entriesOf(demo['Lớp 3B']!).find((e) => e.teacher === pe)!
    const clashing = withLesson('Lớp 3A', { ...taken, room: null })
    await expect(
      payload.update({
        collection: 'timetables',
        id: demo['Lớp 3A']!.id,
        data: { entries: clashing },
        overrideAccess: true,
      }),
    ).rejects.toThrow(/Trùng lịch giáo viên/)
    const graphql = new GraphQLClient()
    const { demoLoginEmail, demoPassword } = await import('../../cms/src/seed/demo-school')
    await graphql.login(demoLoginEmail('vice_principal'), demoPassword())
    const result = await graphql.query(
      `mutation { updateTimetable(id: ${demo['Lớp 3A']!.id}, data: { entries: ${literal(
        clashing,
      )} }) { id } }`,
    )
    expect(result.errors?.[0]?.message).toContain('Trùng lịch giáo viên')
    const stored = await payload.findByID({ collection: 'timetables', id: demo['Lớp 3A']!.id })
    expect(stored.entries).toEqual(demo['Lớp 3A']!.entries)
  })

  it('let only one of two clashing saves at the same moment through', async () => {
    const free = freeSlotsOf(pe)[0]!
    const lesson = { ...free, subject: 'giao-duc-the-chat', teacher: pe, room: null }
    const vp = await as('vice_principal')
    const results = await Promise.all([
      vp.post('/timetables', body('Lớp 3A', later, withLesson('Lớp 3A', lesson))),
      vp.post('/timetables', body('Lớp 3B', later, withLesson('Lớp 3B', lesson))),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([201, 400])
    for (const r of results) {
      if (r.status === 201) await payload.delete({ collection: 'timetables', id: r.body.doc.id })
    }
  })

  it('refuse a deletion that lets an older timetable apply again where it now clashes', async () => {
    // 3A from February frees its PE slot; 3B then takes the PE teacher there from February.
    const taken = entriesOf(demo['Lớp 3A']!).find((e) => e.teacher === pe)!
    const newA = await payload.create({
      collection: 'timetables',
      data: body('Lớp 3A', later, [
        ...entriesOf(demo['Lớp 3A']!).filter((e) => slot(e) !== slot(taken)),
      ]),
    })
    const lesson = { ...taken, room: null }
    const newB = await payload.create({
      collection: 'timetables',
      data: body('Lớp 3B', later, withLesson('Lớp 3B', lesson)),
    })
    const vp = await as('vice_principal')
    const refused = await vp.delete(`/timetables/${newA.id}`)
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toContain('Không xóa được')
    expect((await vp.delete(`/timetables/${newB.id}`)).status).toBe(200)
    expect((await vp.delete(`/timetables/${newA.id}`)).status).toBe(200)
  })
})

describe('who keeps and who reads the timetables', () => {
  it('leadership writes; teachers read but may not write; the public reads nothing', async () => {
    const id = demo['Lớp 3A']!.id
    for (const role of ['homeroom_teacher', 'subject_teacher', 'web_admin'] as const) {
      const client = await as(role)
      const read = await client.get(`/timetables/${id}?depth=0`)
      expect(read.status, role).toBe(200)
      expect((await client.patch(`/timetables/${id}`, { saturday: false })).status, role).toBe(403)
      expect((await client.delete(`/timetables/${id}`)).status, role).toBe(403)
      expect(
        (await client.post('/timetables', body('Lớp 3A', '2027-03-01', []))).status,
        role,
      ).toBe(403)
      expect(
        (await client.post('/timetables/check', body('Lớp 3A', '2027-03-01', []))).status,
      ).toBe(403)
    }
    const vp = await as('vice_principal')
    const check = await vp.post('/timetables/check', {
      ...body('Lớp 3A', '2027-03-01', entriesOf(demo['Lớp 3A']!)),
      id,
    })
    expect(check.status).toBe(200)
    expect(check.body.problems).toEqual([])
    const anonymous = new RestClient()
    expect((await anonymous.get(`/timetables/${id}`)).status).toBe(403)
    expect((await anonymous.get('/timetables')).status).toBe(403)
    const graphql = await new GraphQLClient().query('{ Timetables { docs { id entries } } }')
    expect(graphql.data?.Timetables?.docs ?? []).toHaveLength(0)
  })
})

describe('the way to the website', () => {
  it('keeper submits, another leader approves, the web admin publishes; consent decides names', async () => {
    const free = freeSlotsOf(pe)[0]!
    const created = await payload.create({
      collection: 'timetables',
      data: body(
        'Lớp 3A',
        `${startYear + 1}-03-02T00:00:00.000Z`,
        withLesson('Lớp 3A', { ...free, subject: 'giao-duc-the-chat', teacher: pe, room: null }),
      ),
    })
    const step = async (role: Role, action: string) =>
      (await as(role)).post(`/timetables/${created.id}/publication`, { action })
    expect((await step('homeroom_teacher', 'submit')).status).toBe(403)
    expect((await step('vice_principal', 'submit')).status).toBe(200)
    expect((await step('vice_principal', 'approve')).status).toBe(403)
    expect((await step('principal', 'approve')).status).toBe(200)
    expect((await step('vice_principal', 'publish')).status).toBe(403)
    expect((await step('homeroom_teacher', 'publish')).status).toBe(403)
    // The homeroom teacher of 3A agreed to appear on the website; the PE teacher did not.
    const homeroom = classes['Lớp 3A']!.homeroomTeacher as number
    await payload.update({
      collection: 'users',
      id: homeroom,
      data: { websiteConsent: true },
      overrideAccess: true,
    })
    expect((await step('web_admin', 'publish')).status).toBe(200)
    const notice = (
      await new RestClient().get('/public-notices?where[noticeKey][equals]=timetable:3a&depth=0')
    ).body.docs[0]
    expect(notice.path).toBe('/thoi-khoa-bieu/3a/')
    const lessons = notice.data.lessons as Array<{
      day: string
      period: number
      teacher: string | null
    }>
    const { fullName } = await payload.findByID({ collection: 'users', id: homeroom, depth: 0 })
    expect(lessons.some((l) => l.teacher === fullName)).toBe(true)
    const peLesson = lessons.find((l) => l.day === free.day && l.period === free.period)!
    expect(peLesson.teacher).toBeNull()
    expect(JSON.stringify(notice.data)).not.toMatch(/@|\d{4} \d{3} \d{3}/)

    // An edit makes it a draft again; the published snapshot stays until published again.
    const vp = await as('vice_principal')
    const edited = await vp.patch(`/timetables/${created.id}`, { saturday: true })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.publicationStage).toBe('draft')
    const still = await new RestClient().get(
      '/public-notices?where[noticeKey][equals]=timetable:3a',
    )
    expect(still.body.docs[0].data.lessons).toEqual(notice.data.lessons)

    expect((await step('vice_principal', 'unpublish')).status).toBe(403)
    expect((await step('web_admin', 'unpublish')).status).toBe(200)
    const gone = await new RestClient().get('/public-notices?where[noticeKey][equals]=timetable:3a')
    expect(gone.body.docs).toHaveLength(0)
    await payload.delete({ collection: 'timetables', id: created.id })
  })
})
