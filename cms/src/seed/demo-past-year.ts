/**
 * The demo school's last school year, complete and approved (TT27 Điều 7, 9, 13; Điều 5.4): so
 * a transcript (học bạ) and a class summary can be made from day one. This year's pupils of
 * grade g were last year in grade g − 1 (the teachers stay with their grade); this year's
 * grade 1 had no last year here, and last year's grade 5 left with their primary certificate
 * (not seeded: their records went with them). Pupils who transferred in this year are skipped.
 */
import {
  PERIODS,
  previousSchoolYear,
  yearEndResult,
  yearEndSubjectsOfGrade,
  type Period,
} from '@school/shared'

import type { Group, User } from '../payload-types'
import {
  rowId,
  seedTeachingAssignments,
  storeSeededHistory,
  type DemoAssessmentContext,
  type SeededPupil,
} from './demo-assessment'
import { generator } from './demo-records'
import { classSessions } from './demo-current-year'
import {
  DEMO_ELECTIVES,
  pupilProfile,
  pupilResults,
  subjectsOfGrade,
  YEAR_END_COMMENTS,
} from './demo-results'
import { DEMO_GROUPS } from './demo-school'

/** Last year's windows, by month (0-based) and day of the school year's first or second year. */
const PAST_WINDOWS: Record<
  Period,
  { opens: [number, number, number]; closes: [number, number, number] }
> = {
  mid1: { opens: [0, 9, 26], closes: [0, 10, 6] },
  end1: { opens: [1, 0, 5], closes: [1, 0, 16] },
  mid2: { opens: [1, 2, 23], closes: [1, 3, 3] },
  end: { opens: [1, 4, 11], closes: [1, 4, 22] },
}

function pastDate(startYear: number, [yearOffset, month, day]: [number, number, number], hour = 3) {
  return new Date(Date.UTC(startYear + yearOffset, month, day, hour)).toISOString()
}

/** The pupils of this year's grades 2–5 who were here last year, with last year's class key. */
function lastYearPupils(pupils: SeededPupil[]) {
  return pupils.flatMap((pupil) => {
    const grade = Number(pupil.demo.className[0])
    if (grade < 2 || pupil.demo.transfer?.kind === 'transfer_in') return []
    const pastClass = `${grade - 1}${pupil.demo.className.slice(1)}`
    return [{ pupil, grade: grade - 1, classKey: `class-${pastClass}` }]
  })
}

/**
 * Two pupils did not complete Toán last year: they practised over the summer; one passed the
 * supplementary assessment, the other was promoted by the principal's decision (TT27 Điều 12.2).
 */
const STRUGGLING = new Set([60, 120])

/** Lunar New Year's day: the school breaks for Tết from five days before to a week after. */
const TET: Record<number, string> = {
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
}
const HOLIDAYS = ['01-01', '04-30', '05-01']

/** The school days (Monday to Friday) of the school year starting in `startYear`: 5/9 to 31/5. */
export function pastSchoolDays(startYear: number): string[] {
  const days: string[] = []
  const tet = TET[startYear + 1] ? new Date(`${TET[startYear + 1]}T00:00:00Z`).getTime() : null
  const last = Date.UTC(startYear + 1, 4, 31)
  for (let time = Date.UTC(startYear, 8, 5); time <= last; time += 86_400_000) {
    const date = new Date(time)
    const weekday = date.getUTCDay()
    const day = date.toISOString().slice(0, 10)
    if (weekday === 0 || weekday === 6 || HOLIDAYS.includes(day.slice(5))) continue
    if (tet !== null && time >= tet - 5 * 86_400_000 && time <= tet + 7 * 86_400_000) continue
    days.push(day)
  }
  return days
}

export interface PastYearSummary {
  schoolYear: string
  classIds: Map<string, Group['id']>
  results: Record<string, number>
  sessions: number
}

export async function seedPastYear(context: DemoAssessmentContext): Promise<PastYearSummary> {
  const { req, users } = context
  const schoolYear = previousSchoolYear(context.schoolYear)
  const startYear = Number(schoolYear.slice(0, 4))
  const person = (key: string) => {
    const user = users.get(key)
    if (!user) throw new Error(`Demo seed: unknown person "${key}"`)
    return user
  }

  // Last year's classes 1A…4B: named with their year, so they never pass for this year's.
  const classIds = new Map<string, Group['id']>()
  for (const group of DEMO_GROUPS.filter((g) => g.kind === 'class' && (g.grade ?? 5) <= 4)) {
    const created = await req.payload.create({
      collection: 'groups',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        name: `${group.name} (${schoolYear})`,
        kind: 'class',
        grade: group.grade,
        schoolYear,
        homeroomTeacher: person(group.homeroomTeacher!).id,
        parentGroup: context.groupIds.get(group.parentGroup!),
      },
    })
    classIds.set(group.key, created.id)
  }
  const userIds = new Map([...users].map(([key, user]) => [key, user.id]))
  await seedTeachingAssignments(req, classIds, userIds, schoolYear)
  for (const period of PERIODS) {
    await req.payload.create({
      collection: 'assessment-periods',
      overrideAccess: true,
      req,
      data: {
        schoolYear,
        period,
        opensOn: pastDate(startYear, PAST_WINDOWS[period].opens),
        closesOn: pastDate(startYear, PAST_WINDOWS[period].closes, 16),
      },
    })
  }

  const teacherOf = new Map<string, User['id']>()
  const { docs: assignments } = await req.payload.find({
    collection: 'teaching-assignments',
    where: { schoolYear: { equals: schoolYear } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const assignment of assignments) {
    teacherOf.set(`${String(assignment.class)}:${assignment.subject}`, assignment.teacher as number)
  }

  const assessments: Array<Record<string, unknown>> = []
  const sheets: Array<Record<string, unknown>> = []
  const years: Array<Record<string, unknown>> = []
  const results: Record<string, number> = {}
  for (const { pupil, grade, classKey } of lastYearPupils(context.pupils)) {
    const classId = classIds.get(classKey)!
    const homeroom = DEMO_GROUPS.find((group) => group.key === classKey)!.homeroomTeacher!
    const random = generator(10_000 + pupil.index)
    const profile = pupilProfile(random)
    if (STRUGGLING.has(pupil.index)) profile.struggles = 'toan'
    const electives = DEMO_ELECTIVES[grade] ?? []
    const { entries, sheets: traitSheets } = pupilResults(
      profile,
      grade,
      subjectsOfGrade(grade, electives),
      PERIODS,
      random,
    )
    for (const entry of entries) {
      const at = pastDate(startYear, PAST_WINDOWS[entry.period].closes, 1)
      assessments.push({
        student: pupil.id,
        class: classId,
        subject: entry.subject,
        period: entry.period,
        schoolYear,
        level: entry.level,
        score: entry.score,
        comment: entry.comment,
        attempts: entry.score === null ? [] : [{ id: rowId(), score: entry.score, recordedAt: at }],
        enteredBy: teacherOf.get(`${String(classId)}:${entry.subject}`) ?? null,
        createdAt: at,
        updatedAt: at,
      })
    }
    for (const sheet of traitSheets) {
      const at = pastDate(startYear, PAST_WINDOWS[sheet.period].closes, 2)
      sheets.push({
        student: pupil.id,
        class: classId,
        period: sheet.period,
        schoolYear,
        traits: sheet.traits.map((row) => ({ id: rowId(), ...row })),
        qualitiesComment: sheet.qualitiesComment,
        competenciesComment: sheet.competenciesComment,
        enteredBy: person(homeroom).id,
        createdAt: at,
        updatedAt: at,
      })
    }
    const end = traitSheets.find((sheet) => sheet.period === 'end')!
    const outcome = yearEndResult({
      grade,
      subjects: yearEndSubjectsOfGrade(grade, electives),
      entries: entries.filter((entry) => entry.period === 'end'),
      traits: Object.fromEntries(end.traits.map((row) => [row.trait, row.level])),
    })
    if (!outcome.result) throw new Error(`Demo seed: pupil ${pupil.demo.fullName} lacks results`)
    results[outcome.result] = (results[outcome.result] ?? 0) + 1
    const at = pastDate(startYear, PAST_WINDOWS.end.closes, 4)
    const failed = outcome.result === 'CHT'
    // Every third HTT pupil is proposed as outstanding in a subject they did best in.
    const outstanding = outcome.result === 'HTT' && pupil.index % 3 === 0
    years.push({
      student: pupil.id,
      class: classId,
      schoolYear,
      result: outcome.result,
      resultReasons: outcome.reasons,
      comment: YEAR_END_COMMENTS[outcome.result],
      award: outcome.result === 'HTXS' ? 'excellent' : outstanding ? 'outstanding' : null,
      awardNote: outstanding
        ? random.pick(['Tiêu biểu môn Toán', 'Tiêu biểu môn Tiếng Việt', 'Tiến bộ vượt bậc'])
        : null,
      // After the summer both are in the next grade: one passed, one by the principal's decision.
      promotion: 'promoted',
      supplementary: failed
        ? {
            date: pastDate(startYear, [1, 7, 10]),
            passed: pupil.index === 60,
            comment:
              pupil.index === 60
                ? 'Đã hoàn thành nội dung Toán sau rèn luyện trong hè.'
                : 'Còn chậm ở phép chia; nhà trường tiếp tục hỗ trợ ở lớp trên.',
          }
        : undefined,
      principalDecision: failed && pupil.index !== 60 ? 'promote' : null,
      createdAt: at,
      updatedAt: at,
    })
  }
  await storeSeededHistory(req, 'assessments', assessments)
  await storeSeededHistory(req, 'trait-assessments', sheets)
  await storeSeededHistory(req, 'year-end-results', years)

  // The year's attendance, for the transcript's days absent with and without leave (Điều 9.3).
  const days = pastSchoolDays(startYear)
  const pupilsByClass = new Map<string, Array<SeededPupil['id']>>()
  for (const { pupil, classKey } of lastYearPupils(context.pupils)) {
    pupilsByClass.set(classKey, [...(pupilsByClass.get(classKey) ?? []), pupil.id])
  }
  let sessions = 0
  for (const [index, [classKey, classId]] of [...classIds].entries()) {
    const homeroom = DEMO_GROUPS.find((group) => group.key === classKey)!.homeroomTeacher!
    const rows = classSessions({
      classId,
      pupils: pupilsByClass.get(classKey) ?? [],
      days,
      takenBy: person(homeroom).id,
      seed: 50_000 + index,
    })
    sessions += rows.length
    await storeSeededHistory(req, 'attendance', rows)
  }

  const principal = person('principal')
  for (const classId of classIds.values()) {
    await req.payload.create({
      collection: 'assessment-confirmations',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        class: classId,
        schoolYear,
        period: 'end',
        scope: 'year-end',
        kind: 'approved',
        by: principal.id,
      },
    })
  }
  return { schoolYear, classIds, results, sessions }
}
