/**
 * Progress of a checkpoint's entry, reminders and abnormal results (Điều 6, 7; issue 11 point 5),
 * through the real REST handlers and the Local API with the demo school's accounts.
 */
import { createLocalReq } from 'payload'
import { schoolYearOf, traitsOfGrade, vietnamDay, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { findUserByEmail, useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
const schoolYear = schoolYearOf(new Date())
let RestClient: typeof RestClientType

beforeAll(async () => {
  // The route handlers read the config at import: after the test school has set the database.
  ;({ RestClient } = await import('./support/rest'))
})

const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))

async function clientAs(role: Role): Promise<RestClientType> {
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  return client
}

async function classNamed(name: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ name: { equals: name } }, { kind: { equals: 'class' } }] },
    overrideAccess: true,
  })
  return docs[0]!
}

async function pupilsOf(schoolClass: Group) {
  const { docs } = await school.payload.find({
    collection: 'students',
    where: { and: [{ class: { equals: schoolClass.id } }, { status: { equals: 'studying' } }] },
    sort: 'id',
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs
}

interface Row {
  scope: string
  className: string
  teacherId: number
  done: number
  required: number
  status: string
  confirmed: boolean
}

const rowOf = (rows: Row[], className: string, scope: string) =>
  rows.find((row) => row.className === className && row.scope === scope)

const progressPath = (period = 'end1') =>
  `/assessment-progress?schoolYear=${schoolYear}&period=${period}`

describe('progress of a checkpoint', () => {
  it('counts entries per class × subject, per teacher and per class, as entered', async () => {
    const { payload } = school
    const english = await user('subject_teacher')
    const head3 = await user('group_head')
    const class3A = await classNamed('Lớp 3A')
    const pupils = await pupilsOf(class3A)
    const vice = await clientAs('vice_principal')

    const before = await vice.get(progressPath())
    expect(before.status).toBe(200)
    const englishBefore = rowOf(before.body.rows, 'Lớp 3A', 'ngoai-ngu')!
    const traitsBefore = rowOf(before.body.rows, 'Lớp 3A', 'traits')!
    expect(englishBefore).toMatchObject({ required: pupils.length, teacherId: english.id })
    expect(traitsBefore).toMatchObject({ required: pupils.length, teacherId: head3.id })

    // Three English results at end1 (tested in grade 3: a score each).
    for (const pupil of pupils.slice(0, 3)) {
      await payload.create({
        collection: 'assessments',
        data: {
          student: pupil.id,
          class: class3A.id,
          subject: 'ngoai-ngu',
          period: 'end1',
          schoolYear,
          level: 'H',
          score: 7,
        },
        user: english,
        overrideAccess: false,
      })
    }
    // One pupil's traits complete, another's with one trait only: one is done.
    const traits = traitsOfGrade(3)
    for (const [index, rated] of [traits, traits.slice(0, 1)].entries()) {
      await payload.create({
        collection: 'trait-assessments',
        data: {
          student: pupils[index]!.id,
          class: class3A.id,
          period: 'end1',
          schoolYear,
          traits: rated.map((trait) => ({ trait, level: 'Đ' })),
        },
        user: head3,
        overrideAccess: false,
      })
    }

    const after = await vice.get(progressPath())
    const englishRow = rowOf(after.body.rows, 'Lớp 3A', 'ngoai-ngu')!
    expect(englishRow.done).toBe(englishBefore.done + 3)
    expect(englishRow.status).toBe(englishRow.done === englishRow.required ? 'done' : 'open')
    expect(rowOf(after.body.rows, 'Lớp 3A', 'traits')!.done).toBe(traitsBefore.done + 1)

    const teacherOf = (body: typeof after.body, id: number) =>
      body.byTeacher.find((t: { teacherId: number }) => t.teacherId === id)
    expect(teacherOf(after.body, english.id).done).toBe(teacherOf(before.body, english.id).done + 3)
    // english-1 teaches grades 3 and 4: required is every pupil of those classes.
    const englishClasses = after.body.rows.filter(
      (row: Row) => row.teacherId === english.id && row.scope === 'ngoai-ngu',
    )
    expect(englishClasses.map((row: Row) => row.className).sort()).toEqual([
      'Lớp 3A',
      'Lớp 3B',
      'Lớp 4A',
      'Lớp 4B',
    ])
    expect(teacherOf(after.body, english.id).required).toBe(
      englishClasses.reduce((sum: number, row: Row) => sum + row.required, 0),
    )
    const class3ATotal = after.body.byClass.find(
      (c: { className: string }) => c.className === 'Lớp 3A',
    )
    const class3ARows = after.body.rows.filter((row: Row) => row.className === 'Lớp 3A')
    expect(class3ATotal.done).toBe(class3ARows.reduce((s: number, r: Row) => s + r.done, 0))
    expect(class3ATotal.required).toBe(pupils.length * class3ARows.length)
  })

  it('shows each role its own scope, and refuses those who follow none', async () => {
    const english = await user('subject_teacher')
    const classNames = (rows: Row[]) => [...new Set(rows.map((row) => row.className))].sort()

    const readsLogged = async () =>
      (
        await school.payload.count({
          collection: 'audit-log',
          where: {
            and: [{ action: { equals: 'read' } }, { collection: { equals: 'assessments' } }],
          },
          overrideAccess: true,
        })
      ).totalDocs
    const loggedBefore = await readsLogged()
    const vice = await (await clientAs('vice_principal')).get(progressPath())
    expect(classNames(vice.body.rows)).toHaveLength(10)
    // Counting is no read of the entries: the audit log does not list the school's entries.
    expect(await readsLogged()).toBe(loggedBefore)

    // The group head: the classes of Tổ khối 3, every subject of them, nothing of grade 4.
    const head = await (await clientAs('group_head')).get(progressPath())
    expect(head.status).toBe(200)
    expect(classNames(head.body.rows)).toEqual(['Lớp 3A', 'Lớp 3B'])
    expect(rowOf(head.body.rows, 'Lớp 3B', 'ngoai-ngu')).toBeDefined()

    // The subject teacher: their own assignments only.
    const teacher = await (await clientAs('subject_teacher')).get(progressPath())
    expect(teacher.status).toBe(200)
    expect(teacher.body.rows.length).toBeGreaterThan(0)
    expect(teacher.body.rows.every((row: Row) => row.teacherId === english.id)).toBe(true)
    expect(rowOf(teacher.body.rows, 'Lớp 3A', 'toan')).toBeUndefined()

    // The homeroom teacher of 3B: all of 3B (the English teacher's row too), nothing of 3A.
    const homeroom = await (await clientAs('homeroom_teacher')).get(progressPath())
    expect(classNames(homeroom.body.rows)).toEqual(['Lớp 3B'])
    expect(rowOf(homeroom.body.rows, 'Lớp 3B', 'ngoai-ngu')).toBeDefined()
    expect(rowOf(homeroom.body.rows, 'Lớp 3B', 'traits')).toBeDefined()

    expect((await (await clientAs('nurse')).get(progressPath())).status).toBe(403)
    expect((await (await clientAs('clerk')).get(progressPath())).status).toBe(403)
    expect((await new RestClient().get(progressPath())).status).toBe(401)

    // The month-by-month view is leadership's.
    const months = `/assessment-progress/months?schoolYear=${schoolYear}`
    const monthly = await (await clientAs('vice_principal')).get(months)
    expect(monthly.status).toBe(200)
    expect(monthly.body.months).toContain(vietnamDay().slice(0, 7))
    expect((await (await clientAs('group_head')).get(months)).status).toBe(403)
  })

  it('answers a bad checkpoint with 400', async () => {
    const vice = await clientAs('vice_principal')
    const bad = await vice.get(`/assessment-progress?schoolYear=2026&period=end1`)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toContain('schoolYear')
    expect((await vice.get(`/assessment-progress?period=q3`)).status).toBe(400)
  })
})

describe('abnormal results', () => {
  it('flags a level T with a score of 4, not a T with 9; leadership only', async () => {
    const { payload } = school
    const english = await user('subject_teacher')
    const class4A = await classNamed('Lớp 4A')
    const [odd, normal] = await pupilsOf(class4A)
    for (const [pupil, score] of [
      [odd!, 4],
      [normal!, 9],
    ] as const) {
      await payload.create({
        collection: 'assessments',
        data: {
          student: pupil.id,
          class: class4A.id,
          subject: 'ngoai-ngu',
          period: 'end1',
          schoolYear,
          level: 'T',
          score,
        },
        user: english,
        overrideAccess: false,
      })
    }
    const path = `/assessment-anomalies?schoolYear=${schoolYear}&period=end1`
    const response = await (await clientAs('vice_principal')).get(path)
    expect(response.status).toBe(200)
    const levelAnomalies = response.body.anomalies.filter(
      (a: { kind: string; className: string }) =>
        a.kind === 'score-level' && a.className === 'Lớp 4A',
    )
    expect(levelAnomalies).toHaveLength(1)
    expect(levelAnomalies[0]).toMatchObject({
      student: odd!.id,
      studentName: odd!.fullName,
      subject: 'ngoai-ngu',
      score: 4,
      level: 'T',
    })
    expect(levelAnomalies[0].description).toContain(`${odd!.fullName} (Lớp 4A)`)
    expect(levelAnomalies[0].description).toContain('điểm KTĐK 4')
    // What the report showed is logged as read by the vice-principal: the flagged entry.
    const { docs: logged } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'read' } }, { collection: { equals: 'assessments' } }] },
      sort: '-createdAt',
      limit: 1,
      overrideAccess: true,
    })
    const { docs: flagged } = await payload.find({
      collection: 'assessments',
      where: { and: [{ student: { equals: odd!.id } }, { period: { equals: 'end1' } }] },
      overrideAccess: true,
    })
    expect(logged[0]!.docIds).toContain(String(flagged[0]!.id))
    expect(logged[0]!.actorEmail).toBe(demoLoginEmail('vice_principal'))

    expect((await (await clientAs('subject_teacher')).get(path)).status).toBe(403)
    expect((await (await clientAs('group_head')).get(path)).status).toBe(403)
    expect((await new RestClient().get(path)).status).toBe(401)
  })
})

describe('reminders', () => {
  it('tells the teachers behind near the deadline, not those done or not assigned', async () => {
    const { payload } = school
    const { reminderRecipients, sendProgressReminders } =
      await import('../../cms/src/assessment/progress-reminders')
    const vice = await user('vice_principal')
    const asVice = await createLocalReq({ user: vice }, payload)
    const { docs: windows } = await payload.find({
      collection: 'assessment-periods',
      where: { and: [{ schoolYear: { equals: schoolYear } }, { period: { equals: 'end1' } }] },
      overrideAccess: true,
    })
    const closesOn = vietnamDay(windows[0]!.closesOn)
    const twoDaysBefore = vietnamDay(new Date(Date.parse(closesOn) - 2 * 24 * 3600 * 1000))

    // Lâm Thị Huyền teaches Đạo đức in grade 4 (4A, 4B) and enters all of it.
    const { docs: ethics } = await payload.find({
      collection: 'teaching-assignments',
      where: { and: [{ schoolYear: { equals: schoolYear } }, { subject: { equals: 'dao-duc' } }] },
      depth: 1,
      limit: 0,
      overrideAccess: true,
    })
    const grade4 = ethics.filter((a) => (a.class as Group).grade === 4)
    const diligent = grade4[0]!.teacher as User
    expect(grade4.every((a) => (a.teacher as User).id === diligent.id)).toBe(true)
    for (const assignment of grade4) {
      for (const pupil of await pupilsOf(assignment.class as Group)) {
        await payload.create({
          collection: 'assessments',
          data: {
            student: pupil.id,
            class: (assignment.class as Group).id,
            subject: 'dao-duc',
            period: 'end1',
            schoolYear,
            level: 'H',
          },
          user: diligent,
          overrideAccess: false,
        })
      }
    }

    // With two weeks left nobody is behind yet.
    expect(await reminderRecipients(asVice, schoolYear, 'end1')).toEqual([])

    const near = await reminderRecipients(asVice, schoolYear, 'end1', twoDaysBefore)
    const names = near.map((reminder) => reminder.teacher.id)
    const english = await user('subject_teacher')
    expect(names).toContain(english.id)
    expect(names).not.toContain(diligent.id)
    expect(names).not.toContain((await user('nurse')).id)
    const englishReminder = near.find((reminder) => reminder.teacher.id === english.id)!
    expect(englishReminder.rows.every((row) => row.status === 'due_soon')).toBe(true)
    expect(englishReminder.rows.map((row) => row.className)).toContain('Lớp 3A')

    // Emails go out once a day per checkpoint (the transport is the only thing replaced).
    const sent: string[] = []
    const sendEmail = payload.sendEmail
    process.env.SMTP_HOST = 'smtp.test.invalid'
    payload.sendEmail = (async (message: { to: string }) => {
      sent.push(message.to)
    }) as typeof payload.sendEmail
    try {
      const first = await sendProgressReminders(asVice, schoolYear, 'end1', twoDaysBefore)
      expect(first.sent).toBe(near.length)
      expect(sent).toContain(english.email)
      const again = await sendProgressReminders(asVice, schoolYear, 'end1', twoDaysBefore)
      expect(again).toMatchObject({ sent: 0, alreadyToday: near.length })
    } finally {
      payload.sendEmail = sendEmail
      delete process.env.SMTP_HOST
    }

    // Only leadership sends reminders.
    const teacher = await clientAs('subject_teacher')
    const refused = await teacher.post('/assessment-progress/remind', {
      schoolYear,
      period: 'end1',
    })
    expect(refused.status).toBe(403)
    const allowed = await (
      await clientAs('principal')
    ).post('/assessment-progress/remind', {
      schoolYear,
      period: 'end1',
    })
    expect(allowed.status).toBe(200)
    expect(allowed.body).toMatchObject({ sent: 0, smtp: false })
  })
})
