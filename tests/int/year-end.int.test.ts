/**
 * A class's year-end (TT27 Điều 9.2, 12, 13; Điều 5.4): results computed with their reasons and
 * what is missing, read by those who follow the class; the principal alone approves, only once
 * everything is entered; the approval stores the results and makes the year read-only, apart
 * from a CHT pupil's supplementary assessment and corrections the principal decides.
 */
import { schoolYearOf, traitsOfGrade, type Role } from '@school/shared'
import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group, Student, Subject, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { outcomeOf } from './support/outcome'
import { findUserByEmail, useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
const schoolYear = schoolYearOf(new Date())
let RestClient: typeof RestClientType

const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))
const clients = new Map<Role, RestClientType>()

async function as(role: Role): Promise<RestClientType> {
  const known = clients.get(role)
  if (known) return known
  const client = new RestClient()
  const response = await client.login(demoLoginEmail(role), demoPassword())
  expect(response.status).toBe(200)
  clients.set(role, client)
  return client
}

async function classNamed(name: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: {
      and: [
        { name: { equals: name } },
        { kind: { equals: 'class' } },
        { schoolYear: { equals: schoolYear } },
      ],
    },
    overrideAccess: true,
  })
  return docs[0]!
}

let class3B: Group
let pupils: Student[]
let subjects: Subject[]

const isTestedAtEnd = (subject: Subject) =>
  (subject.tests ?? []).some((test) => test.grade === '3' && test.periods.includes('end'))

/** Every pupil of the class gets T (score 10) in every subject and Tốt in every trait. */
async function fillTheYear(skip: { pupil: number; subject: string }) {
  const { payload } = school
  for (const [index, pupil] of pupils.entries()) {
    for (const subject of subjects) {
      if (index === skip.pupil && subject.code === skip.subject) continue
      let level: 'T' | 'H' | 'C' = 'T'
      let score: number | undefined = isTestedAtEnd(subject) ? 10 : undefined
      if (index === 0 && subject.code === 'am-nhac') level = 'H'
      if (index === 1 && subject.code === 'toan') score = 8
      if (index === 2 && subject.code === 'toan') level = 'C'
      await payload.create({
        collection: 'assessments',
        data: {
          student: pupil.id,
          class: class3B.id,
          subject: subject.code,
          period: 'end',
          schoolYear,
          level,
          score,
        },
        overrideAccess: true,
      })
    }
    await payload.create({
      collection: 'trait-assessments',
      data: {
        student: pupil.id,
        class: class3B.id,
        period: 'end',
        schoolYear,
        traits: traitsOfGrade(3).map((trait, position) => ({
          trait,
          level: index === 3 && position === 2 ? 'Đ' : 'T',
        })),
      },
      overrideAccess: true,
    })
  }
}

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  const { payload } = school
  class3B = await classNamed('Lớp 3B')
  ;({ docs: pupils } = await payload.find({
    collection: 'students',
    where: { and: [{ class: { equals: class3B.id } }, { status: { equals: 'studying' } }] },
    sort: 'id',
    limit: 0,
    overrideAccess: true,
  }))
  const { docs } = await payload.find({
    collection: 'subjects',
    where: { grades: { in: ['3'] } },
    limit: 0,
    overrideAccess: true,
  })
  subjects = docs
  // The end-of-year window open today: teachers can write, until the principal approves.
  await setEndWindow(-2, 10)
}, 120_000)

/** Moves this year's `end` window to [today + opens, today + closes] days. */
async function setEndWindow(opens: number, closes: number) {
  const { payload } = school
  const { docs: windows } = await payload.find({
    collection: 'assessment-periods',
    where: { and: [{ schoolYear: { equals: schoolYear } }, { period: { equals: 'end' } }] },
    overrideAccess: true,
  })
  const day = 24 * 3600 * 1000
  await payload.update({
    collection: 'assessment-periods',
    id: windows[0]!.id,
    data: {
      opensOn: new Date(Date.now() + opens * day).toISOString(),
      closesOn: new Date(Date.now() + closes * day).toISOString(),
    },
    overrideAccess: true,
  })
}

describe('reading a class year', () => {
  it('leadership, the homeroom teacher and the group head read it; others are refused', async () => {
    const path = `/year-end/${class3B.id}`
    for (const role of ['principal', 'vice_principal', 'homeroom_teacher', 'group_head'] as const) {
      const response = await (await as(role)).get(path)
      expect(response.status, role).toBe(200)
      expect(response.body.pupils, role).toHaveLength(pupils.length)
    }
    const others = [
      'subject_teacher',
      'it_teacher',
      'nurse',
      'clerk',
      'accountant',
      'hr_officer',
      'web_admin',
      'equipment_officer',
      'librarian',
    ] as const
    for (const role of others) {
      expect((await (await as(role)).get(path)).status, role).toBe(403)
    }
    expect((await new RestClient().get(path)).status).toBe(401)
    // The 3B homeroom teacher does not read 3A; the head of Tổ khối 3 does not read grade 1.
    const class3A = await classNamed('Lớp 3A')
    const class1A = await classNamed('Lớp 1A')
    expect((await (await as('homeroom_teacher')).get(`/year-end/${class3A.id}`)).status).toBe(403)
    expect((await (await as('group_head')).get(`/year-end/${class3A.id}`)).status).toBe(200)
    expect((await (await as('group_head')).get(`/year-end/${class1A.id}`)).status).toBe(403)
    expect((await (await as('principal')).get('/year-end/999999')).status).toBe(404)
    const wrongYear = await (await as('principal')).get(`${path}?schoolYear=2001-2002`)
    expect(wrongYear.status).toBe(400)
  })

  it('the class list names only the classes the user may read', async () => {
    const homeroom = await (await as('homeroom_teacher')).get('/year-end')
    expect(homeroom.status).toBe(200)
    expect(homeroom.body.classes.map((c: Group) => c.name)).toEqual(['Lớp 3B'])
    const principal = await (await as('principal')).get('/year-end')
    expect(principal.body.classes.length).toBeGreaterThan(5)
    expect((await (await as('nurse')).get('/year-end')).status).toBe(403)
  })
})

describe("approving a class's year", () => {
  it('only the principal approves; an incomplete year is refused with what is missing', async () => {
    const path = `/year-end/${class3B.id}`
    for (const role of ['vice_principal', 'homeroom_teacher', 'group_head'] as const) {
      expect((await (await as(role)).post(path, { action: 'approve' })).status, role).toBe(403)
    }
    expect((await (await as('principal')).post(path, { action: 'close' })).status).toBe(400)
    const empty = await (await as('principal')).post(path, { action: 'approve' })
    expect(empty.status).toBe(409)
    expect(empty.body.errors[0].message).toMatch(/Chưa thể phê duyệt/)

    await fillTheYear({ pupil: 4, subject: 'tieng-viet' })
    const oneMissing = await (await as('principal')).post(path, { action: 'approve' })
    expect(oneMissing.status).toBe(409)
    expect(oneMissing.body.errors[0].data.missing).toEqual([
      expect.objectContaining({ student: pupils[4]!.id, kind: 'subject', code: 'tieng-viet' }),
      expect.objectContaining({ student: pupils[4]!.id, kind: 'score', code: 'tieng-viet' }),
    ])
    expect(oneMissing.body.errors[0].message).toContain(pupils[4]!.fullName)
    const { totalDocs } = await school.payload.count({
      collection: 'assessment-confirmations',
      where: { and: [{ class: { equals: class3B.id } }, { kind: { equals: 'approved' } }] },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('computes each result with its reason, shown before approval', async () => {
    const { payload } = school
    await payload.create({
      collection: 'assessments',
      data: {
        student: pupils[4]!.id,
        class: class3B.id,
        subject: 'tieng-viet',
        period: 'end',
        schoolYear,
        level: 'T',
        score: 9,
      },
      overrideAccess: true,
    })
    const response = await (await as('homeroom_teacher')).get(`/year-end/${class3B.id}`)
    expect(response.status).toBe(200)
    expect(response.body.missing).toEqual([])
    expect(response.body.approval.approved).toBe(false)
    expect(response.body.may).toMatchObject({ approve: false, editRecords: true, lock: null })
    const byId = new Map(
      response.body.pupils.map((row: { student: { id: number } }) => [row.student.id, row]),
    )
    expect(byId.get(pupils[0]!.id)).toMatchObject({
      result: 'HT',
      reasons: ['không đạt HTT vì Âm nhạc: H'],
    })
    expect(byId.get(pupils[1]!.id)).toMatchObject({
      result: 'HTT',
      reasons: ['không đạt HTXS vì điểm KTĐK Toán: 8 (cần ≥ 9)'],
    })
    expect(byId.get(pupils[2]!.id)).toMatchObject({ result: 'CHT' })
    expect(byId.get(pupils[3]!.id)).toMatchObject({ result: 'HT' })
    expect(byId.get(pupils[4]!.id)).toMatchObject({ result: 'HTXS', reasons: [] })
  })

  it('the principal approves once: results stored, the year locked for its teachers', async () => {
    const { payload } = school
    const homeroom = await user('homeroom_teacher')
    const english = await user('subject_teacher')
    const asTeacher = (teacher: User) => ({ user: teacher, overrideAccess: false }) as const
    const entryOf = async (pupil: Student, subject: string) =>
      (
        await payload.find({
          collection: 'assessments',
          where: {
            and: [
              { student: { equals: pupil.id } },
              { subject: { equals: subject } },
              { period: { equals: 'end' } },
              { schoolYear: { equals: schoolYear } },
            ],
          },
          overrideAccess: true,
        })
      ).docs[0]!
    const sheetOf = async (pupil: Student) =>
      (
        await payload.find({
          collection: 'trait-assessments',
          where: {
            and: [
              { student: { equals: pupil.id } },
              { period: { equals: 'end' } },
              { schoolYear: { equals: schoolYear } },
            ],
          },
          overrideAccess: true,
        })
      ).docs[0]!
    // Before the approval, with the window open, the class's teachers write.
    const english5 = await entryOf(pupils[5]!, 'ngoai-ngu')
    await payload.update({
      collection: 'assessments',
      id: english5.id,
      data: { comment: 'Tự tin khi nói.' },
      ...asTeacher(english),
    })
    await payload.update({
      collection: 'trait-assessments',
      id: (await sheetOf(pupils[5]!)).id,
      data: { qualitiesComment: 'Chăm chỉ.' },
      ...asTeacher(homeroom),
    })
    const proposal = await payload.create({
      collection: 'year-end-results',
      data: {
        student: pupils[4]!.id,
        class: class3B.id,
        schoolYear,
        comment: 'Học tốt.',
        award: 'excellent',
      },
      ...asTeacher(homeroom),
    })

    // The principal approves once the window has closed: the results are written past its lock.
    await setEndWindow(-20, -1)
    const closed = await (await as('homeroom_teacher')).get(`/year-end/${class3B.id}`)
    expect(closed.body.may.lock).toBe('closed')
    const approved = await (
      await as('principal')
    ).post(`/year-end/${class3B.id}`, {
      action: 'approve',
    })
    expect(approved.status).toBe(200)
    expect(approved.body.approval).toMatchObject({
      approved: true,
      by: { fullName: expect.any(String) },
    })
    expect(approved.body.may.lock).toBe('approved')
    const again = await (
      await as('principal')
    ).post(`/year-end/${class3B.id}`, {
      action: 'approve',
    })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toMatch(/đã được phê duyệt/)

    const { docs: stored } = await payload.find({
      collection: 'year-end-results',
      where: { and: [{ class: { equals: class3B.id } }, { schoolYear: { equals: schoolYear } }] },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    expect(stored).toHaveLength(pupils.length)
    const storedOf = (pupil: Student) => stored.find((doc) => doc.student === pupil.id)!
    expect(storedOf(pupils[0]!)).toMatchObject({
      result: 'HT',
      resultReasons: ['không đạt HTT vì Âm nhạc: H'],
    })
    expect(storedOf(pupils[2]!).result).toBe('CHT')
    // The homeroom teacher's proposal is kept beside the computed result.
    expect(storedOf(pupils[4]!)).toMatchObject({
      id: proposal.id,
      result: 'HTXS',
      award: 'excellent',
      comment: 'Học tốt.',
    })

    await expect(
      payload.update({
        collection: 'assessments',
        id: english5.id,
        data: { comment: 'Đổi nhận xét.' },
        ...asTeacher(english),
      }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/phê duyệt/) })
    await expect(
      payload.update({
        collection: 'trait-assessments',
        id: (await sheetOf(pupils[5]!)).id,
        data: { qualitiesComment: 'Đổi.' },
        ...asTeacher(homeroom),
      }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(
      payload.update({
        collection: 'year-end-results',
        id: proposal.id,
        data: { comment: 'Sửa sau phê duyệt.' },
        ...asTeacher(homeroom),
      }),
    ).rejects.toMatchObject({ status: 409 })
    // The lock holds for leadership too: a change after approval is a correction request.
    await expect(
      payload.update({
        collection: 'year-end-results',
        id: proposal.id,
        data: { award: 'outstanding' },
        user: await user('principal'),
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 409 })

    // A CHT pupil's supplementary assessment after the summer is still recorded; nobody else's.
    const supplementary = await payload.update({
      collection: 'year-end-results',
      id: storedOf(pupils[2]!).id,
      data: { supplementary: { date: new Date().toISOString(), passed: true, comment: 'Đạt.' } },
      ...asTeacher(homeroom),
    })
    expect(supplementary.supplementary?.passed).toBe(true)
    await expect(
      payload.update({
        collection: 'year-end-results',
        id: storedOf(pupils[0]!).id,
        data: { supplementary: { passed: true } },
        ...asTeacher(homeroom),
      }),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('a correction of an approved year is decided by the principal, not a vice-principal', async () => {
    const { payload } = school
    const english = await user('subject_teacher')
    const { docs } = await payload.find({
      collection: 'assessments',
      where: {
        and: [
          { student: { equals: pupils[6]!.id } },
          { subject: { equals: 'ngoai-ngu' } },
          { period: { equals: 'end' } },
        ],
      },
      overrideAccess: true,
    })
    const request = await payload.create({
      collection: 'correction-requests',
      data: { assessment: docs[0]!.id, score: 9, reason: 'Chấm nhầm một câu.' },
      user: english,
      overrideAccess: false,
    })
    const { decideCorrection } = await import('../../cms/src/assessment/corrections')
    const asVice = await createLocalReq({ user: await user('vice_principal') }, payload)
    expect(await outcomeOf(() => decideCorrection(asVice, String(request.id), 'approve', ''))).toBe(
      'refused',
    )
    const asPrincipal = await createLocalReq({ user: await user('principal') }, payload)
    const decided = await decideCorrection(asPrincipal, String(request.id), 'approve', 'Đồng ý.')
    expect(decided.doc.status).toBe('approved')
    expect(decided.assessment?.score).toBe(9)
  })

  it("the principal's correction of an approved year's entry carries into the stored result", async () => {
    const { payload } = school
    const english = await user('subject_teacher')
    const pupil = pupils[7]!
    const { docs } = await payload.find({
      collection: 'assessments',
      where: {
        and: [
          { student: { equals: pupil.id } },
          { subject: { equals: 'ngoai-ngu' } },
          { period: { equals: 'end' } },
        ],
      },
      overrideAccess: true,
    })
    const stored = async () =>
      (
        await payload.find({
          collection: 'year-end-results',
          where: {
            and: [
              { student: { equals: pupil.id } },
              { schoolYear: { equals: docs[0]!.schoolYear } },
            ],
          },
          overrideAccess: true,
        })
      ).docs[0]!
    expect((await stored()).result).not.toBe('CHT')
    const request = await payload.create({
      collection: 'correction-requests',
      data: {
        assessment: docs[0]!.id,
        level: 'C',
        score: 3,
        reason: 'Phúc khảo: bài làm nhầm tên.',
      },
      user: english,
      overrideAccess: false,
    })
    const { decideCorrection } = await import('../../cms/src/assessment/corrections')
    const asPrincipal = await createLocalReq({ user: await user('principal') }, payload)
    await decideCorrection(asPrincipal, String(request.id), 'approve', 'Đồng ý.')
    const after = await stored()
    expect(after.result).toBe('CHT')
    expect(JSON.stringify(after.resultReasons)).toContain('Ngoại ngữ')
    const { docs: log } = await payload.find({
      collection: 'grade-changes',
      where: {
        and: [{ document: { equals: String(after.id) } }, { source: { equals: 'correction' } }],
      },
      overrideAccess: true,
    })
    expect(log.length).toBeGreaterThan(0)
  })
})
