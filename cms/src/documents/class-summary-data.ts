/**
 * What a class summary (bảng tổng hợp, TT27 Điều 13) is made of: the class's records of one
 * checkpoint, read as the user, laid out in the checkpoint's layout (`@school/shared`
 * class-summary), with the totals, each subject's teacher for the signature lines (the school's
 * regulation Điều 13.1), the homeroom teacher and the principal, and whether it is still a draft.
 *
 * A fixed handful of queries whatever the class's size. The caller has checked
 * `documentPolicy.classSummary` for the class and year.
 */
import type { PayloadRequest, Where } from 'payload'
import {
  classSummaryLayout,
  compareVietnameseNames,
  formatDateVi,
  summarySubjects,
  summaryTotals,
  yearEndCells,
  type Period,
  type SummaryLayout,
  type SummaryRow,
} from '@school/shared'

import { periodWindow } from '../assessment/catalogue'
import { windowState, yearApproved } from '../assessment/locks'
import { idOf } from '../lib/ids'
import type { Group } from '../payload-types'
import { allAsUser } from '../lib/as-user'

export interface SummaryTeacher {
  name: string
  /** The subjects the teacher teaches the class this year, in the programme's order. */
  subjects: string[]
}

export interface ClassSummary {
  school: { name: string; commune: string; province: string }
  class: { id: number; name: string; grade: number }
  schoolYear: string
  period: Period
  layout: SummaryLayout
  rows: SummaryRow[]
  totals: Record<string, string>[]
  teachers: SummaryTeacher[]
  homeroomTeacher: string | null
  principal: string | null
  /**
   * A draft until the data is locked: the end of year until the principal approved the class's
   * year (TT27 Điều 13); another checkpoint until its entry window has closed (or the year was
   * approved), since until then its entries may still change.
   */
  draft: boolean
}

type Relation = number | { id: number } | null | undefined

/** The users' names (staff read one another's names: the collection's read rule). */
async function namesOf(req: PayloadRequest, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
    select: { fullName: true },
    ...allAsUser(req),
  })
  return new Map(docs.map((doc) => [doc.id, doc.fullName]))
}

async function principalName(req: PayloadRequest): Promise<string | null> {
  // Whose name stands under "Hiệu trưởng": a lookup of who holds the office, not a permission.
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { contains: 'principal' } },
    select: { fullName: true },
    depth: 0,
    limit: 1,
    sort: 'createdAt',
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs[0]?.fullName ?? null
}

/** Whether the summary is still a draft (see `ClassSummary.draft`). */
async function isDraft(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
  period: Period,
) {
  if (await yearApproved(req, schoolClass.id, schoolYear)) return false
  if (period === 'end') return true
  return windowState(await periodWindow(req, schoolYear, period)) !== 'closed'
}

export async function classSummaryData(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
  period: Period,
): Promise<ClassSummary> {
  const grade = schoolClass.grade ?? 0
  const ofClass: Where[] = [
    { class: { equals: schoolClass.id } },
    { schoolYear: { equals: schoolYear } },
  ]
  const ofCheckpoint: Where = { and: [...ofClass, { period: { equals: period } }] }
  // Once the principal approved the year, its class list is its locked records' (issue 12.1): a
  // pupil put in the class since (a past year's class keeps its homeroom teacher) is no row of it.
  const approved = await yearApproved(req, schoolClass.id, schoolYear)
  const [assessments, traitSheets, yearEnds, assignments, enrolled, profile, draft] =
    await Promise.all([
      req.payload.find({
        collection: 'assessments',
        where: ofCheckpoint,
        select: { student: true, subject: true, level: true, score: true },
        ...allAsUser(req),
      }),
      req.payload.find({
        collection: 'trait-assessments',
        where: ofCheckpoint,
        select: { student: true, traits: true },
        ...allAsUser(req),
      }),
      period === 'end'
        ? req.payload.find({
            collection: 'year-end-results',
            where: { and: ofClass },
            ...allAsUser(req),
          })
        : null,
      req.payload.find({
        collection: 'teaching-assignments',
        where: { and: ofClass },
        select: { teacher: true, subject: true },
        ...allAsUser(req),
      }),
      // This year's pupils studying in the class: ids only, the names are read below.
      approved
        ? null
        : req.payload.find({
            collection: 'students',
            where: {
              and: [{ class: { equals: schoolClass.id } }, { status: { equals: 'studying' } }],
            },
            select: { status: true },
            ...allAsUser(req),
          }),
      // The school's name and place for the heading: not personal data.
      req.payload.findGlobal({ slug: 'school-profile', depth: 0, overrideAccess: true, req }),
      isDraft(req, schoolClass, schoolYear, period),
    ])

  const cellsOf = new Map<number, Record<string, string>>()
  const cells = (student: Relation) => {
    const id = idOf(student)
    if (id === null) return null
    let found = cellsOf.get(id)
    if (!found) cellsOf.set(id, (found = {}))
    return found
  }
  const electives = new Set<string>()
  for (const entry of assessments.docs) {
    const row = cells(entry.student as Relation)
    if (!row) continue
    electives.add(entry.subject)
    if (entry.level) row[`level:${entry.subject}`] = entry.level
    // `score` is the last attempt (a re-test adds one): what the records show (TT27 Điều 7.2).
    if (typeof entry.score === 'number') row[`score:${entry.subject}`] = String(entry.score)
  }
  for (const sheet of traitSheets.docs) {
    const row = cells(sheet.student as Relation)
    if (!row) continue
    for (const trait of sheet.traits ?? []) {
      if (trait.level) row[`trait:${trait.trait}`] = trait.level
    }
  }
  for (const record of yearEnds?.docs ?? []) {
    const row = cells(record.student as Relation)
    if (!row) continue
    Object.assign(
      row,
      yearEndCells({
        result: record.result,
        award: record.award,
        promotion: record.promotion,
        supplementaryPassed: record.supplementary?.passed ?? null,
        principalDecision: record.principalDecision,
      }),
    )
  }
  for (const pupil of enrolled?.docs ?? []) cells(pupil.id)

  // The class list: the pupils with a record of the class at this checkpoint, and those studying
  // in it now. Their names and dates of birth are read past the students' collection rules: the
  // caller may make the class's summary (documentPolicy.classSummary), whose rows are this class
  // list, and last year's class has moved on (its pupils' records now belong to other classes).
  const ids = [...cellsOf.keys()]
  const { docs: pupils } =
    ids.length === 0
      ? { docs: [] }
      : await req.payload.find({
          collection: 'students',
          where: { id: { in: ids } },
          select: { fullName: true, dateOfBirth: true },
          depth: 0,
          limit: 0,
          pagination: false,
          overrideAccess: true,
          req,
        })
  const layout = classSummaryLayout(period, grade, [...electives])
  const rows: SummaryRow[] = pupils
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .map((pupil, at) => ({
      student: pupil.id,
      cells: {
        ...cellsOf.get(pupil.id),
        number: String(at + 1),
        name: pupil.fullName,
        birth: pupil.dateOfBirth ? formatDateVi(pupil.dateOfBirth) : '',
      },
    }))

  const subjectOrder = summarySubjects(grade, [...electives])
  const subjectsOfTeacher = new Map<number, Set<string>>()
  for (const assignment of assignments.docs) {
    const teacher = idOf(assignment.teacher as Relation)
    if (teacher === null) continue
    const subjects = subjectsOfTeacher.get(teacher) ?? new Set<string>()
    subjects.add(assignment.subject)
    subjectsOfTeacher.set(teacher, subjects)
  }
  const homeroomId = idOf(schoolClass.homeroomTeacher as Relation)
  const [names, principal] = await Promise.all([
    namesOf(req, [...subjectsOfTeacher.keys(), ...(homeroomId === null ? [] : [homeroomId])]),
    principalName(req),
  ])
  const teachers: SummaryTeacher[] = [...subjectsOfTeacher]
    .map(([teacher, codes]) => ({
      name: names.get(teacher) ?? '',
      subjects: subjectOrder.filter((s) => codes.has(s.code)).map((s) => s.name),
      first: Math.min(...subjectOrder.map((s, at) => (codes.has(s.code) ? at : Infinity))),
    }))
    .filter((teacher) => teacher.name && teacher.subjects.length > 0)
    .sort((a, b) => a.first - b.first || compareVietnameseNames(a.name, b.name))
    .map(({ name, subjects }) => ({ name, subjects }))

  return {
    school: {
      name: profile.name,
      commune: profile.commune ?? '',
      province: profile.province ?? '',
    },
    class: { id: schoolClass.id, name: schoolClass.name, grade },
    schoolYear,
    period,
    layout,
    rows,
    totals: summaryTotals(layout, rows),
    teachers,
    homeroomTeacher: homeroomId === null ? null : (names.get(homeroomId) ?? null),
    principal,
    draft,
  }
}
