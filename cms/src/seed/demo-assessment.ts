/**
 * The demo school's teaching assignments and checkpoint windows (Điều 6, 12.2). The windows are
 * placed around the day of seeding: `mid1` closed a few days ago, `end1` open now, the rest to
 * come, so every demo shows an open checkpoint and a locked one.
 */
import type { PayloadRequest } from 'payload'
import type { Period } from '@school/shared'

import type { Group, Student, User } from '../payload-types'
import { demoPupils, type DemoPupil } from './demo-records'
import { DEMO_GROUPS } from './demo-school'

/** What each specialist teaches (the homeroom teacher teaches the rest of the class's subjects). */
const SPECIALIST_SUBJECTS: Record<string, string> = {
  'english-1': 'ngoai-ngu',
  'english-2': 'ngoai-ngu',
  pe: 'giao-duc-the-chat',
  art: 'mi-thuat',
  'head-specialist': 'am-nhac',
  it: 'tin-hoc-cong-nghe',
}
/** The grade teachers without a class teach Đạo đức in their grade. */
const GRADE_TEACHER_SUBJECTS: Record<string, string> = {
  'teacher-1': 'dao-duc',
  'teacher-4': 'dao-duc',
  'teacher-5': 'dao-duc',
}

function homeroomSubjects(grade: number, gradeTeacherTakesEthics: boolean): string[] {
  const science = grade <= 3 ? ['tu-nhien-xa-hoi'] : ['khoa-hoc', 'lich-su-dia-li']
  const ethics = gradeTeacherTakesEthics ? [] : ['dao-duc']
  return ['tieng-viet', 'toan', ...ethics, ...science, 'hoat-dong-trai-nghiem']
}

export interface DemoAssignment {
  teacher: string
  classKey: string
  subject: string
}

/** Who teaches what in each demo class: the homeroom teacher, the grade's teacher, specialists. */
export function demoTeachingAssignments(): DemoAssignment[] {
  const assignments: DemoAssignment[] = []
  for (const group of DEMO_GROUPS.filter((g) => g.kind === 'class')) {
    const grade = group.grade ?? 1
    const gradeTeacher = DEMO_GROUPS.find((g) => g.key === `grade-${grade}`)?.members.find(
      (member) => member in GRADE_TEACHER_SUBJECTS,
    )
    for (const subject of homeroomSubjects(grade, Boolean(gradeTeacher))) {
      assignments.push({ teacher: group.homeroomTeacher!, classKey: group.key, subject })
    }
    if (gradeTeacher) {
      assignments.push({
        teacher: gradeTeacher,
        classKey: group.key,
        subject: GRADE_TEACHER_SUBJECTS[gradeTeacher]!,
      })
    }
    for (const member of group.members) {
      const subject = SPECIALIST_SUBJECTS[member]
      if (subject) assignments.push({ teacher: member, classKey: group.key, subject })
    }
  }
  return assignments
}

export async function seedTeachingAssignments(
  req: PayloadRequest,
  groupIds: Map<string, Group['id']>,
  userIds: Map<string, User['id']>,
  schoolYear: string,
): Promise<void> {
  for (const assignment of demoTeachingAssignments()) {
    // Last year's map holds only the classes that year had.
    if (!groupIds.has(assignment.classKey)) continue
    await req.payload.create({
      collection: 'teaching-assignments',
      overrideAccess: true,
      req,
      data: {
        teacher: userIds.get(assignment.teacher)!,
        class: groupIds.get(assignment.classKey)!,
        subject: assignment.subject,
        schoolYear,
      },
    })
  }
}

const DAY = 24 * 60 * 60 * 1000

/** Days from the seed's day to each window's opening and closing. */
const WINDOWS: Record<Period, [number, number]> = {
  mid1: [-30, -3],
  end1: [-5, 14],
  mid2: [60, 75],
  end: [150, 170],
}

export async function seedAssessmentWindows(
  req: PayloadRequest,
  schoolYear: string,
  today = new Date(),
): Promise<void> {
  for (const [period, [opens, closes]] of Object.entries(WINDOWS) as Array<
    [Period, [number, number]]
  >) {
    await req.payload.create({
      collection: 'assessment-periods',
      overrideAccess: true,
      req,
      data: {
        schoolYear,
        period,
        opensOn: new Date(today.getTime() + opens * DAY).toISOString(),
        closesOn: new Date(today.getTime() + closes * DAY).toISOString(),
      },
    })
  }
}

/** A pupil of the demo school as seeded: the made-up data and the stored id. */
export interface SeededPupil {
  id: Student['id']
  index: number
  demo: DemoPupil
  status: Student['status']
}

/** What the assessment seed works from: the request, this year's classes, people and pupils. */
export interface DemoAssessmentContext {
  req: PayloadRequest
  schoolYear: string
  groupIds: Map<string, Group['id']>
  users: Map<string, User>
  pupils: SeededPupil[]
}

/** The pupils just seeded by demo-records, in seeding order, with their ids. */
export async function seededPupils(req: PayloadRequest, startYear: number): Promise<SeededPupil[]> {
  const { docs } = await req.payload.find({
    collection: 'students',
    depth: 0,
    limit: 0,
    pagination: false,
    select: { studentCode: true, status: true },
    overrideAccess: true,
    req,
  })
  const byCode = new Map(docs.map((doc) => [doc.studentCode, doc]))
  return demoPupils(startYear).flatMap((demo, index) => {
    const doc = byCode.get(demo.studentCode)
    return doc ? [{ id: doc.id, index, demo, status: doc.status }] : []
  })
}

let rowSequence = 0
/** An id for an array row (Payload's are 24 hex digits), the same on every run. */
export function rowId(): string {
  rowSequence += 1
  return `5eed${String(rowSequence).padStart(20, '0')}`
}

/**
 * Stores seeded history straight through the database adapter: thousands of past results in a
 * few seconds. What the hooks would add is given here (class, enteredBy, timestamps); the
 * history written so is the school's record before this system, so it has no audit or
 * grade-change entries (a change made after the seed has both).
 */
export async function storeSeededHistory(
  req: PayloadRequest,
  collection: 'assessments' | 'trait-assessments' | 'year-end-results' | 'attendance',
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  for (const data of rows) {
    await req.payload.db.create({ collection, data, req, returning: false })
  }
}
