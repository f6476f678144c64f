import type { CollectionSlug, Where } from 'payload'
import {
  mondayOf,
  previousSchoolYear,
  ROLES,
  schoolYearOf,
  summarizeAttendance,
  vietnamDay,
  weekDays,
  yearEndResult,
  yearEndSubjectsOfGrade,
} from '@school/shared'
import { describe, expect, it } from 'vitest'

import {
  DEMO_GROUPS,
  DEMO_STAFF,
  demoLoginEmail,
  demoPassword,
} from '../../cms/src/seed/demo-school'
import { seedDemoSchoolIfEmpty } from '../../cms/src/seed'
import { findUserByEmail, useTestSchool } from './support/payload'

const school = useTestSchool()

describe('demo school', () => {
  it('has one demo login per role, each holding that role, all with the demo password', async () => {
    for (const role of ROLES) {
      const result = await school.payload.login({
        collection: 'users',
        data: { email: demoLoginEmail(role), password: demoPassword() },
      })
      expect(result.token).toBeTruthy()
      expect(result.user?.roles).toContain(role)
    }
  })

  it('seeds the whole staff and every group', async () => {
    const users = await school.payload.count({ collection: 'users', overrideAccess: true })
    const groups = await school.payload.count({ collection: 'groups', overrideAccess: true })
    expect(users.totalDocs).toBe(DEMO_STAFF.length)
    // This year's groups, and last year's classes 1A…4B (their pupils are in 2A…5B now).
    expect(groups.totalDocs).toBe(DEMO_GROUPS.length + 8)
    const teachers = DEMO_STAFF.filter((person) =>
      person.roles.some((role) => role.endsWith('teacher') || role === 'group_head'),
    )
    expect(teachers.length).toBeGreaterThanOrEqual(20)
  })

  it('puts the demo homeroom and subject teachers in the group the demo group head heads, and the homeroom teacher in a class of it', async () => {
    const head = await findUserByEmail(school.payload, demoLoginEmail('group_head'))
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('homeroom_teacher'))
    const subject = await findUserByEmail(school.payload, demoLoginEmail('subject_teacher'))
    const { docs: headed } = await school.payload.find({
      collection: 'groups',
      where: { head: { equals: head.id } },
      depth: 0,
      overrideAccess: true,
    })
    expect(headed).toHaveLength(1)
    const group = headed[0]
    expect(group.members).toEqual(expect.arrayContaining([homeroom.id, subject.id]))
    const { docs: classes } = await school.payload.find({
      collection: 'groups',
      where: {
        and: [
          { kind: { equals: 'class' } },
          { homeroomTeacher: { equals: homeroom.id } },
          { schoolYear: { equals: schoolYearOf() } },
        ],
      },
      depth: 0,
      overrideAccess: true,
    })
    expect(classes).toHaveLength(1)
    expect(classes[0].parentGroup).toBe(group.id)
  })

  it('has ten classes 1A…5B with a homeroom teacher and the editorial board headed by the principal', async () => {
    const { docs: classes } = await school.payload.find({
      collection: 'groups',
      where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: schoolYearOf() } }] },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    expect(classes.map((group) => group.name).sort()).toEqual(
      ['1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B', '5A', '5B'].map((name) => `Lớp ${name}`),
    )
    expect(classes.every((group) => group.homeroomTeacher)).toBe(true)
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const { docs: boards } = await school.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'editorial_board' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(boards).toHaveLength(1)
    expect(boards[0].head).toBe(principal.id)
  })

  it('has demo posts walked through the real workflow: four published, others on their way', async () => {
    const { payload } = school
    const { docs } = await payload.find({
      collection: 'posts',
      draft: true,
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    const stages = Object.fromEntries(docs.map((post) => [post.title, post.stage]))
    expect(stages).toMatchObject({
      'Lễ khai giảng năm học mới': 'published',
      'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3': 'published',
      'Lớp 3B trải nghiệm làm bánh trôi': 'submitted',
      'Hội thi kể chuyện theo sách': 'returned',
      'Lịch nghỉ Tết Nguyên đán': 'approved',
    })
    const published = await payload.find({ collection: 'posts', overrideAccess: false, limit: 100 })
    expect(published.totalDocs).toBe(4)
    const events = await payload.count({ collection: 'workflow-events', overrideAccess: true })
    expect(events.totalDocs).toBeGreaterThanOrEqual(20)
  })

  it('never seeds into a database that already holds data', async () => {
    await seedDemoSchoolIfEmpty(school.payload)
    const users = await school.payload.count({ collection: 'users', overrideAccess: true })
    expect(users.totalDocs).toBe(DEMO_STAFF.length)
  })
})

/** School days (Monday to Friday) of this week before today. */
const daysThisWeek = (today: string) => weekDays(mondayOf(today)).filter((d) => d < today).length

describe('demo school assessment (issue 11, point 9)', () => {
  const thisYear = schoolYearOf()
  const lastYear = previousSchoolYear(thisYear)
  const all = async <T extends CollectionSlug>(collection: T, where: Where) =>
    (
      await school.payload.find({
        collection,
        where,
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
      })
    ).docs
  const classNamed = async (name: string, schoolYear = thisYear) => {
    const [found] = await all('groups', {
      and: [{ name: { equals: name } }, { schoolYear: { equals: schoolYear } }],
    })
    return found!
  }

  it('has last year complete for every class: results computed by the rule, approved by the principal', async () => {
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const classes = await all('groups', {
      and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: lastYear } }],
    })
    expect(classes.map((group) => group.name).sort()).toEqual(
      ['1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B'].map((name) => `Lớp ${name} (${lastYear})`),
    )
    const approvals = await all('assessment-confirmations', {
      and: [{ schoolYear: { equals: lastYear } }, { kind: { equals: 'approved' } }],
    })
    expect(approvals).toHaveLength(classes.length)
    expect(approvals.every((a) => a.by === principal.id && a.scope === 'year-end')).toBe(true)
    expect(approvals.every((a) => a.period === 'end')).toBe(true)
    const windows = await all('assessment-periods', { schoolYear: { equals: lastYear } })
    expect(windows).toHaveLength(4)
    expect(windows.every((window) => vietnamDay(window.closesOn) < vietnamDay())).toBe(true)
    const assignments = await all('teaching-assignments', { schoolYear: { equals: lastYear } })
    expect(assignments.length).toBeGreaterThan(60)

    const years = await all('year-end-results', { schoolYear: { equals: lastYear } })
    const ends = await all('assessments', {
      and: [{ schoolYear: { equals: lastYear } }, { period: { equals: 'end' } }],
    })
    const traits = await all('trait-assessments', {
      and: [{ schoolYear: { equals: lastYear } }, { period: { equals: 'end' } }],
    })
    const gradeOf = new Map(classes.map((group) => [group.id, group.grade!]))
    expect(years.length).toBeGreaterThan(150)
    const tally: Record<string, number> = {}
    for (const year of years) {
      const grade = gradeOf.get(year.class as number)!
      const electives = grade <= 2 ? ['ngoai-ngu'] : []
      const sheet = traits.find((t) => t.student === year.student)!
      const expected = yearEndResult({
        grade,
        subjects: yearEndSubjectsOfGrade(grade, electives),
        entries: ends
          .filter((entry) => entry.student === year.student)
          .map((entry) => ({ subject: entry.subject, level: entry.level, score: entry.score })),
        traits: Object.fromEntries((sheet.traits ?? []).map((row) => [row.trait, row.level])),
      })
      expect(expected.missing).toEqual([])
      expect(year.result).toBe(expected.result)
      expect(year.resultReasons).toEqual(expected.reasons)
      if (year.result === 'HTXS') expect(year.award).toBe('excellent')
      if (year.result === 'CHT') expect(year.supplementary?.date).toBeTruthy()
      expect(year.promotion).toBe('promoted')
      tally[year.result!] = (tally[year.result!] ?? 0) + 1
    }
    // Realistic: all four results, most HT or HTT, a couple of CHT.
    expect(Object.keys(tally).sort()).toEqual(['CHT', 'HT', 'HTT', 'HTXS'])
    expect(tally.CHT).toBe(2)
    expect(tally.HT! + tally.HTT!).toBeGreaterThan(years.length / 2)
    // The transcript's days absent: every class took attendance all year, Tết excepted.
    const pastSessions = await all('attendance', { schoolYear: { equals: lastYear } })
    const summary = summarizeAttendance(
      pastSessions
        .filter((session) => session.class === classes[0]!.id)
        .map((session) => ({
          date: session.day!,
          session: session.session,
          marks: (session.marks ?? []).map((row) => ({
            student: row.student as number,
            mark: row.mark,
          })),
        })),
      { term2StartsOn: `${lastYear.slice(5)}-01-15` },
    )
    expect(summary.year.daysCounted).toBeGreaterThan(150)
    expect([...summary.pupils.values()].some((pupil) => pupil.year.excusedDays > 0)).toBe(true)
    // Every checkpoint of the year is there: four per subject of each pupil.
    const mid1 = await school.payload.count({
      collection: 'assessments',
      where: { and: [{ schoolYear: { equals: lastYear } }, { period: { equals: 'mid1' } }] },
      overrideAccess: true,
    })
    expect(mid1.totalDocs).toBe(ends.length)
  })

  it('keeps last year read-only: its homeroom teacher cannot change an approved result (409)', async () => {
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('homeroom_teacher'))
    const past3B = await classNamed(`Lớp 3B (${lastYear})`, lastYear)
    const [entry] = await all('year-end-results', { class: { equals: past3B.id } })
    await expect(
      school.payload.update({
        collection: 'year-end-results',
        id: entry!.id,
        data: { comment: 'Sửa sau khi đã phê duyệt' },
        overrideAccess: false,
        user: homeroom,
      }),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('has this year: mid1 entered but for 4B Âm nhạc (half) and 1B GDTC, closed; end1 open today', async () => {
    const windows = await all('assessment-periods', { schoolYear: { equals: thisYear } })
    const today = vietnamDay()
    const window = (period: string) => windows.find((w) => w.period === period)!
    expect(vietnamDay(window('mid1').closesOn) < today).toBe(true)
    expect(vietnamDay(window('end1').opensOn) <= today).toBe(true)
    expect(vietnamDay(window('end1').closesOn) >= today).toBe(true)

    const entriesOf = async (className: string, subject: string) =>
      all('assessments', {
        and: [
          { class: { equals: (await classNamed(className)).id } },
          { subject: { equals: subject } },
          { period: { equals: 'mid1' } },
        ],
      })
    const pupilsOf = async (className: string) =>
      (
        await school.payload.count({
          collection: 'students',
          where: {
            and: [
              { class: { equals: (await classNamed(className)).id } },
              { status: { equals: 'studying' } },
            ],
          },
          overrideAccess: true,
        })
      ).totalDocs
    const pupils4B = await pupilsOf('Lớp 4B')
    expect((await entriesOf('Lớp 4B', 'am-nhac')).length).toBe(Math.floor(pupils4B / 2))
    expect(await entriesOf('Lớp 1B', 'giao-duc-the-chat')).toHaveLength(0)
    const pupils3A = await pupilsOf('Lớp 3A')
    for (const subject of ['tieng-viet', 'toan', 'ngoai-ngu', 'am-nhac']) {
      expect(await entriesOf('Lớp 3A', subject)).toHaveLength(pupils3A)
    }
    const sheets = await school.payload.count({
      collection: 'trait-assessments',
      where: { and: [{ schoolYear: { equals: thisYear } }, { period: { equals: 'mid1' } }] },
      overrideAccess: true,
    })
    expect(sheets.totalDocs).toBeGreaterThan(200)
    // Grades 4–5 take Tiếng Việt and Toán tests at mid1: every such entry has its score.
    const fiveA = await entriesOf('Lớp 5A', 'toan')
    expect(fiveA.every((entry) => Number.isInteger(entry.score))).toBe(true)
  })

  it('has three correction requests of the subject teacher: pending, approved (applied, logged), refused', async () => {
    const teacher = await findUserByEmail(school.payload, demoLoginEmail('subject_teacher'))
    const vp = await findUserByEmail(school.payload, demoLoginEmail('vice_principal'))
    const requests = await all('correction-requests', { schoolYear: { equals: thisYear } })
    expect(requests.map((r) => r.status).sort()).toEqual(['approved', 'pending', 'refused'])
    expect(requests.every((r) => r.requestedBy === teacher.id)).toBe(true)
    expect(requests.every((r) => r.subject === 'ngoai-ngu' && r.period === 'mid1')).toBe(true)
    const approved = requests.find((r) => r.status === 'approved')!
    const refused = requests.find((r) => r.status === 'refused')!
    expect(approved.decidedBy).toBe(vp.id)
    expect(refused.decidedBy).toBe(vp.id)
    expect(refused.decisionComment).toBeTruthy()
    const corrected = await school.payload.findByID({
      collection: 'assessments',
      id: approved.assessment as number,
      overrideAccess: true,
    })
    expect(corrected.level).toBe('T')
    const [change] = await all('grade-changes', { correctionRequest: { equals: approved.id } })
    expect(change).toMatchObject({
      source: 'correction',
      changedBy: vp.id,
      before: { level: 'H' },
      after: { level: 'T' },
    })
    // The vice-principal sees the pending one to decide; the teacher sees their own requests.
    const pendingForVp = await school.payload.find({
      collection: 'correction-requests',
      where: { status: { equals: 'pending' } },
      overrideAccess: false,
      user: vp,
    })
    expect(pendingForVp.totalDocs).toBe(1)
  })

  it('has end1 begun by the subject teacher in 3B Ngoại ngữ (3A left empty), through the real checks', async () => {
    const teacher = await findUserByEmail(school.payload, demoLoginEmail('subject_teacher'))
    const endOf = async (className: string) =>
      (
        await school.payload.find({
          collection: 'assessments',
          where: {
            and: [
              { class: { equals: (await classNamed(className)).id } },
              { subject: { equals: 'ngoai-ngu' } },
              { period: { equals: 'end1' } },
            ],
          },
          depth: 0,
          overrideAccess: false,
          user: teacher,
        })
      ).docs
    expect(await endOf('Lớp 3A')).toHaveLength(0)
    const docs = await endOf('Lớp 3B')
    expect(docs).toHaveLength(10)
    expect(docs.every((entry) => entry.enteredBy === teacher.id)).toBe(true)
    expect(docs.every((entry) => Number.isInteger(entry.score))).toBe(true)
    const logged = await school.payload.count({
      collection: 'grade-changes',
      where: { and: [{ period: { equals: 'end1' } }, { source: { equals: 'entry' } }] },
      overrideAccess: true,
    })
    expect(logged.totalDocs).toBe(10)
  })

  it('has attendance of every class for the last three weeks, with a leave filled ahead for next week', async () => {
    const today = vietnamDay()
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('homeroom_teacher'))
    const classes = await all('groups', {
      and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: thisYear } }],
    })
    const threeWeeksAgo = new Date(Date.parse(mondayOf(today)) - 21 * 86_400_000)
      .toISOString()
      .slice(0, 10)
    const sessions = await all('attendance', {
      and: [{ schoolYear: { equals: thisYear } }, { day: { less_than: today } }],
    })
    for (const group of classes) {
      const days = sessions.filter((session) => session.class === group.id).map((s) => s.day!)
      // Three full weeks and this week's days before today, morning and afternoon.
      expect(days.length).toBe(2 * weekDays(threeWeeksAgo).length * 3 + 2 * daysThisWeek(today))
      expect(days.sort()[0]).toBe(threeWeeksAgo)
    }
    const marks = sessions.flatMap((session) => session.marks ?? []).map((row) => row.mark)
    expect(new Set(marks)).toEqual(new Set(['excused', 'unexcused', 'late']))
    const ahead = await school.payload.find({
      collection: 'attendance',
      where: { day: { greater_than: today } },
      overrideAccess: false,
      user: homeroom,
    })
    expect(ahead.totalDocs).toBe(4)
    expect(ahead.docs.every((session) => session.marks?.[0]?.mark === 'excused')).toBe(true)
  })

  it('has a comment bank: shared templates per subject and level, and the subject teacher’s own', async () => {
    const teacher = await findUserByEmail(school.payload, demoLoginEmail('subject_teacher'))
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('homeroom_teacher'))
    const shared = await all('comment-bank', { shared: { equals: true } })
    for (const level of ['T', 'H', 'C']) {
      expect(shared.some((t) => t.subject === 'toan' && t.level === level)).toBe(true)
    }
    expect(shared.some((t) => t.subject === 'traits')).toBe(true)
    const own: Where = {
      and: [{ subject: { equals: 'ngoai-ngu' } }, { shared: { equals: false } }],
    }
    const mine = await school.payload.count({
      collection: 'comment-bank',
      where: own,
      overrideAccess: false,
      user: teacher,
    })
    expect(mine.totalDocs).toBe(4)
    const others = await school.payload.count({
      collection: 'comment-bank',
      where: own,
      overrideAccess: false,
      user: homeroom,
    })
    expect(others.totalDocs).toBe(0)
  })
})
