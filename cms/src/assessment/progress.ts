/**
 * How far the entry of a checkpoint has come (Điều 6, 7; issue 11 point 5): for each teaching
 * assignment (teacher × class × subject) every pupil of the class needs an entry (with its score
 * where the subject is tested then); for each class the homeroom teacher rates every pupil's
 * qualities and competencies. Counted in memory from one query per collection, so the whole
 * school costs the same few queries as one class.
 */
import type { PayloadRequest, Where } from 'payload'
import {
  PERIODS,
  PERIOD_LABELS,
  compareVietnameseNames,
  findAnomalies,
  traitsOfGrade,
  vietnamDay,
  type Anomaly,
  type AssessmentFact,
  type Period,
  type SubjectLevel,
} from '@school/shared'

import { isAllowed } from '../access/authorize'
import { writeAuditEntry } from '../audit/hooks'
import { assessmentPolicy } from '../access/policy'
import { idOf } from '../lib/ids'
import type { Assessment, Group, Student, TraitAssessment } from '../payload-types'
import { allSubjects, isTested, periodWindow } from './catalogue'
import { TRAITS_SCOPE } from './locks'
import { asUser } from '../lib/as-user'

/** A checkpoint closing within this many days is "sắp hết hạn". */
export const DUE_SOON_DAYS = 3

/**
 * Where a row stands: complete; or, with entries missing, by its window: not set, not open yet,
 * open, closing within `DUE_SOON_DAYS`, or closed (overdue).
 */
export type ProgressStatus = 'done' | 'no_window' | 'not_open' | 'open' | 'due_soon' | 'overdue'

export const PROGRESS_STATUS_LABELS: Record<ProgressStatus, { vi: string; en: string }> = {
  done: { vi: 'Đã nhập đủ', en: 'Complete' },
  no_window: { vi: 'Chưa đặt hạn nhập', en: 'No window set' },
  not_open: { vi: 'Chưa đến hạn nhập', en: 'Not open yet' },
  open: { vi: 'Đang nhập', en: 'In progress' },
  due_soon: { vi: 'Sắp hết hạn', en: 'Closing soon' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
}

/** How urgent a status is: a total takes the most urgent of its rows. */
const URGENCY: ProgressStatus[] = ['done', 'no_window', 'not_open', 'open', 'due_soon', 'overdue']

type Id = number | string
const isId = <T>(value: T | null): value is T => value !== null

export interface ProgressRow {
  /** A subject code, or `traits` for the class's qualities and competencies. */
  scope: string
  scopeName: string
  classId: Id
  className: string
  grade: number
  teacherId: Id | null
  teacherName: string
  required: number
  done: number
  /** Entries saved without the score their checkpoint's test requires (not done). */
  missingScore: number
  /** The teacher confirmed the checkpoint for this class (Điều 12.2: its entries are locked). */
  confirmed: boolean
  status: ProgressStatus
}

export interface ProgressTotal {
  done: number
  required: number
  rows: number
  confirmedRows: number
  status: ProgressStatus
}

export interface TeacherProgress extends ProgressTotal {
  teacherId: Id | null
  teacherName: string
}

export interface ClassProgress extends ProgressTotal {
  classId: Id
  className: string
  grade: number
}

export interface CheckpointProgress {
  schoolYear: string
  period: Period
  opensOn: string | null
  closesOn: string | null
  /** Whole days from today (in Vietnam) to the last day of the window; negative once closed. */
  daysLeft: number | null
  rows: ProgressRow[]
  byTeacher: TeacherProgress[]
  byClass: ClassProgress[]
  total: ProgressTotal
}

const DAY_MS = 24 * 60 * 60 * 1000
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS)

export function statusOf(
  done: number,
  required: number,
  window: { opensOn: string; closesOn: string } | null,
  today: string,
): ProgressStatus {
  if (done >= required) return 'done'
  if (!window) return 'no_window'
  if (today < vietnamDay(window.opensOn)) return 'not_open'
  const daysLeft = dayNumber(vietnamDay(window.closesOn)) - dayNumber(today)
  if (daysLeft < 0) return 'overdue'
  return daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'open'
}

const mostUrgent = (statuses: ProgressStatus[]): ProgressStatus =>
  statuses.reduce<ProgressStatus>(
    (worst, status) => (URGENCY.indexOf(status) > URGENCY.indexOf(worst) ? status : worst),
    'done',
  )

function totalOf(rows: ProgressRow[]): ProgressTotal {
  return {
    done: rows.reduce((sum, row) => sum + row.done, 0),
    required: rows.reduce((sum, row) => sum + row.required, 0),
    rows: rows.length,
    confirmedRows: rows.filter((row) => row.confirmed).length,
    status: mostUrgent(rows.map((row) => row.status)),
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    const group = groups.get(key) ?? []
    group.push(item)
    groups.set(key, group)
  }
  return groups
}

/**
 * Rows as stored, for counting: entries are counted, not read, so none of their content leaves
 * this module and the rows shown are the policy's. Read for the user, each page view would log
 * the ids of the school's thousands of entries as read by them (audit/hooks.ts), and Payload's
 * per-document read hooks would cost seconds for a whole school.
 */
async function storedRows<T>(
  req: PayloadRequest,
  collection: 'students' | 'assessments' | 'trait-assessments',
  where: Where,
  select: Record<string, true>,
): Promise<T[]> {
  const { docs } = await req.payload.db.find({
    collection,
    where,
    select,
    limit: 0,
    pagination: false,
    req,
  })
  return docs as T[]
}

/** Classes of the school year: those named for it, and any an assignment of the year uses. */
async function classesOfYear(req: PayloadRequest, schoolYear: string, assigned: Id[]) {
  const where: Where = {
    and: [
      { kind: { equals: 'class' } },
      {
        or: [
          { schoolYear: { equals: schoolYear } },
          ...(assigned.length > 0 ? [{ id: { in: assigned } }] : []),
        ],
      },
    ],
  }
  const { docs } = await req.payload.find({
    collection: 'groups',
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { name: true, grade: true, homeroomTeacher: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs as Array<Pick<Group, 'id' | 'name' | 'grade' | 'homeroomTeacher'>>
}

/** The progress of a checkpoint, with the rows this user may follow (`assessmentPolicy`). */
export async function checkpointProgress(
  req: PayloadRequest,
  schoolYear: string,
  period: Period,
  today = vietnamDay(),
): Promise<CheckpointProgress> {
  // What the actor may not read at all counts as nothing entered (their rows are not shown).
  const reading = { ...asUser(req), disableErrors: true } as const
  const everything = { limit: 0, pagination: false } as const
  const inYear: Where = { schoolYear: { equals: schoolYear } }
  const atCheckpoint: Where = { and: [inYear, { period: { equals: period } }] }

  const { docs: assignments } = await req.payload.find({
    collection: 'teaching-assignments',
    where: inYear,
    select: { teacher: true, class: true, subject: true },
    ...everything,
    ...reading,
  })
  const assignedClasses = [...new Set(assignments.map((a) => idOf(a.class)).filter(isId))]
  const classes = await classesOfYear(req, schoolYear, assignedClasses)
  const classIds = classes.map((c) => c.id)
  const ofClasses: Where = { class: { in: classIds } }

  const [pupils, entries, traitEntries, confirmations, subjects, window] = await Promise.all([
    // How many pupils each class has is a count, not a record.
    storedRows<Pick<Student, 'id' | 'class'>>(
      req,
      'students',
      { and: [ofClasses, { status: { equals: 'studying' } }] },
      { class: true },
    ),
    storedRows<Pick<Assessment, 'id' | 'student' | 'class' | 'subject' | 'score'>>(
      req,
      'assessments',
      atCheckpoint,
      { student: true, class: true, subject: true, score: true },
    ),
    storedRows<Pick<TraitAssessment, 'id' | 'student' | 'class' | 'traits'>>(
      req,
      'trait-assessments',
      atCheckpoint,
      { student: true, class: true, traits: true },
    ),
    req.payload.find({
      collection: 'assessment-confirmations',
      where: { and: [atCheckpoint, { kind: { equals: 'confirmed' } }] },
      select: { class: true, scope: true },
      ...everything,
      ...reading,
    }),
    allSubjects(req),
    periodWindow(req, schoolYear, period),
  ])

  const pupilsOfClass = new Map<string, Set<string>>()
  for (const pupil of pupils) {
    const key = String(idOf(pupil.class))
    const set = pupilsOfClass.get(key) ?? new Set<string>()
    set.add(String(pupil.id))
    pupilsOfClass.set(key, set)
  }
  const classOf = new Map(classes.map((c) => [String(c.id), c]))
  const subjectOf = new Map(subjects.map((s) => [s.code, s]))
  const confirmed = new Set(
    confirmations.docs.map((c) => `${String(idOf(c.class))}|${String(c.scope)}`),
  )

  const teacherIds = new Set<string>(assignments.map((a) => String(idOf(a.teacher))))
  for (const c of classes) if (c.homeroomTeacher) teacherIds.add(String(idOf(c.homeroomTeacher)))
  const { docs: teachers } = await req.payload.find({
    collection: 'users',
    where: { id: { in: [...teacherIds] } },
    select: { fullName: true },
    ...everything,
    ...reading,
  })
  const nameOf = new Map(teachers.map((t) => [String(t.id), t.fullName ?? '']))

  // Entries of pupils still in the class, by class and subject: one per pupil at most.
  const doneBySubject = new Map<string, { done: Set<string>; missingScore: Set<string> }>()
  for (const entry of entries) {
    const classKey = String(idOf(entry.class))
    const pupilKey = String(idOf(entry.student))
    const schoolClass = classOf.get(classKey)
    const subject = subjectOf.get(String(entry.subject))
    if (!schoolClass || !subject || !pupilsOfClass.get(classKey)?.has(pupilKey)) continue
    const key = `${classKey}|${String(entry.subject)}`
    const tally = doneBySubject.get(key) ?? { done: new Set(), missingScore: new Set() }
    const scoreMissing =
      isTested(subject, schoolClass.grade ?? 0, period) &&
      (entry.score === null || entry.score === undefined)
    if (scoreMissing) tally.missingScore.add(pupilKey)
    else tally.done.add(pupilKey)
    doneBySubject.set(key, tally)
  }
  const traitsDone = new Map<string, Set<string>>()
  for (const entry of traitEntries) {
    const classKey = String(idOf(entry.class))
    const pupilKey = String(idOf(entry.student))
    const schoolClass = classOf.get(classKey)
    if (!schoolClass || !pupilsOfClass.get(classKey)?.has(pupilKey)) continue
    // Done when every quality and competency of the pupil's grade has its level.
    const rated = new Set((entry.traits ?? []).filter((t) => t.level).map((t) => t.trait))
    if (!traitsOfGrade(schoolClass.grade ?? 0).every((trait) => rated.has(trait))) continue
    const set = traitsDone.get(classKey) ?? new Set<string>()
    set.add(pupilKey)
    traitsDone.set(classKey, set)
  }

  const rows: ProgressRow[] = []
  const row = (
    schoolClass: (typeof classes)[number],
    scope: string,
    scopeName: string,
    teacher: unknown,
    done: number,
    missingScore: number,
  ) => {
    const required = pupilsOfClass.get(String(schoolClass.id))?.size ?? 0
    const teacherId = idOf(teacher as Id | null | undefined)
    rows.push({
      scope,
      scopeName,
      classId: schoolClass.id,
      className: schoolClass.name,
      grade: schoolClass.grade ?? 0,
      teacherId,
      teacherName: teacherId === null ? '' : (nameOf.get(String(teacherId)) ?? ''),
      required,
      done: Math.min(done, required),
      missingScore,
      confirmed: confirmed.has(`${String(schoolClass.id)}|${scope}`),
      status: statusOf(done, required, window, today),
    })
  }
  for (const assignment of assignments) {
    const schoolClass = classOf.get(String(idOf(assignment.class)))
    const subject = subjectOf.get(String(assignment.subject))
    if (!schoolClass || !subject) continue
    const tally = doneBySubject.get(`${String(schoolClass.id)}|${subject.code}`)
    const done = tally?.done.size ?? 0
    row(
      schoolClass,
      subject.code,
      subject.name,
      assignment.teacher,
      done,
      tally?.missingScore.size ?? 0,
    )
  }
  for (const schoolClass of classes) {
    const done = traitsDone.get(String(schoolClass.id))?.size ?? 0
    row(schoolClass, TRAITS_SCOPE, 'Phẩm chất, năng lực', schoolClass.homeroomTeacher, done, 0)
  }

  const visible: ProgressRow[] = []
  for (const candidate of rows) {
    const record = { class: candidate.classId, subject: candidate.scope, schoolYear }
    const rule =
      candidate.scope === TRAITS_SCOPE
        ? assessmentPolicy.progressOfTraits
        : assessmentPolicy.progressOfSubject
    if (await isAllowed(req, rule, { record })) visible.push(candidate)
  }
  visible.sort(
    (a, b) =>
      a.grade - b.grade ||
      a.className.localeCompare(b.className, 'vi') ||
      (subjectOf.get(a.scope)?.order ?? 99) - (subjectOf.get(b.scope)?.order ?? 99),
  )

  const byTeacher = [...groupBy(visible, (r) => String(r.teacherId)).values()]
    .map((teacherRows): TeacherProgress => ({
      teacherId: teacherRows[0]!.teacherId,
      teacherName: teacherRows[0]!.teacherName,
      ...totalOf(teacherRows),
    }))
    .sort((a, b) => compareVietnameseNames(a.teacherName, b.teacherName))
  const byClass = [...groupBy(visible, (r) => String(r.classId)).values()].map(
    (classRows): ClassProgress => ({
      classId: classRows[0]!.classId,
      className: classRows[0]!.className,
      grade: classRows[0]!.grade,
      ...totalOf(classRows),
    }),
  )
  return {
    schoolYear,
    period,
    opensOn: window?.opensOn ?? null,
    closesOn: window?.closesOn ?? null,
    daysLeft: window ? dayNumber(vietnamDay(window.closesOn)) - dayNumber(today) : null,
    rows: visible,
    byTeacher,
    byClass,
    total: totalOf(visible),
  }
}

/** Rows whose teacher is behind: entries missing and the window closing soon, or closed. */
export const isBehind = (row: ProgressRow) => row.status === 'due_soon' || row.status === 'overdue'

/** The checkpoints of the year whose window has opened, latest first (the dashboard's). */
export async function openedCheckpoints(
  req: PayloadRequest,
  schoolYear: string,
  today = vietnamDay(),
): Promise<Period[]> {
  const opened: Period[] = []
  for (const period of PERIODS) {
    const window = await periodWindow(req, schoolYear, period)
    if (window && vietnamDay(window.opensOn) <= today) opened.push(period)
  }
  return opened.reverse()
}

/** Entries made per month and class in a school year (from when each was first saved). */
export interface MonthlyEntries {
  months: string[]
  classes: Array<{ classId: Id; className: string; grade: number; counts: number[] }>
}

export async function entriesByMonth(
  req: PayloadRequest,
  schoolYear: string,
): Promise<MonthlyEntries> {
  const classes = await classesOfYear(req, schoolYear, [])
  // Counted, not read (see storedRows); the caller asked progressByMonth.
  const docs = await storedRows<Pick<Assessment, 'id' | 'class' | 'createdAt'>>(
    req,
    'assessments',
    {
      and: [{ schoolYear: { equals: schoolYear } }, { class: { in: classes.map((c) => c.id) } }],
    },
    { class: true, createdAt: true },
  )
  const monthOf = (value: string) => vietnamDay(value).slice(0, 7)
  const months = [...new Set(docs.map((doc) => monthOf(doc.createdAt)))].sort()
  const counts = new Map<string, number>()
  for (const doc of docs) {
    const key = `${String(idOf(doc.class))}|${monthOf(doc.createdAt)}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return {
    months,
    classes: classes
      .map((c) => ({
        classId: c.id,
        className: c.name,
        grade: c.grade ?? 0,
        counts: months.map((month) => counts.get(`${String(c.id)}|${month}`) ?? 0),
      }))
      .sort((a, b) => a.grade - b.grade || a.className.localeCompare(b.className, 'vi')),
  }
}

/** An abnormal result with what the vice-principal's report names (Điều 6, 7). */
export type ReportedAnomaly = Anomaly & { periodLabel: string }

/**
 * The checkpoint's abnormal results (`findAnomalies`), judged against the same year's earlier
 * checkpoints: one query for the entries, one for the pupils' names, one for the classes.
 */
export async function checkpointAnomalies(
  req: PayloadRequest,
  schoolYear: string,
  period: Period,
): Promise<ReportedAnomaly[]> {
  const classes = await classesOfYear(req, schoolYear, [])
  const upTo = PERIODS.slice(0, PERIODS.indexOf(period) + 1)
  // Weighed by the server; what the report then shows of them is logged as read (below).
  const entries = await storedRows<
    Pick<Assessment, 'id' | 'student' | 'class' | 'subject' | 'period' | 'level' | 'score'>
  >(
    req,
    'assessments',
    {
      and: [
        { schoolYear: { equals: schoolYear } },
        { period: { in: upTo } },
        { class: { in: classes.map((c) => c.id) } },
      ],
    },
    { student: true, class: true, subject: true, period: true, level: true, score: true },
  )
  const subjects = await allSubjects(req)
  const subjectName = new Map(subjects.map((s) => [s.code, s.name]))
  const classOf = new Map(classes.map((c) => [String(c.id), c]))
  const factsWith = (pupilName: Map<string, string>) => {
    const facts: Array<AssessmentFact & { entryId: Id }> = []
    for (const entry of entries) {
      const schoolClass = classOf.get(String(idOf(entry.class)))
      const student = idOf(entry.student)
      if (!schoolClass || student === null) continue
      facts.push({
        entryId: entry.id,
        student,
        studentName: pupilName.get(String(student)) ?? '',
        class: schoolClass.id,
        className: schoolClass.name,
        grade: schoolClass.grade ?? 0,
        subject: String(entry.subject),
        subjectName: subjectName.get(String(entry.subject)),
        schoolYear,
        period: entry.period as Period,
        level: (entry.level ?? null) as SubjectLevel | null,
        score: entry.score ?? null,
      })
    }
    return facts
  }
  const pupilsOf = (anomalies: Anomaly[]) =>
    new Set(anomalies.flatMap((a) => ('student' in a ? [String(a.student)] : [])))
  // The pupils named in the report, read for the user (an audited read of those pupils only).
  const named = pupilsOf(findAnomalies(factsWith(new Map()), { schoolYear, period }))
  const { docs: pupils } =
    named.size === 0
      ? { docs: [] }
      : await req.payload.find({
          collection: 'students',
          where: { id: { in: [...named] } },
          select: { fullName: true },
          limit: 0,
          pagination: false,
          ...asUser(req),
        })
  const facts = factsWith(new Map(pupils.map((p) => [String(p.id), p.fullName ?? ''])))
  const anomalies = findAnomalies(facts, { schoolYear, period })
  // The entries behind each pupil's anomaly: that pupil's subject up to this checkpoint.
  const shown = new Set(
    anomalies.flatMap((a) => ('student' in a ? [`${String(a.student)}|${a.subject}`] : [])),
  )
  const entryIds = facts
    .filter((fact) => shown.has(`${String(fact.student)}|${fact.subject}`))
    .map((fact) => fact.entryId)
  if (req.user && entryIds.length > 0) {
    await writeAuditEntry(req, {
      action: 'read',
      collection: 'assessments',
      docIds: entryIds,
      count: entryIds.length,
    })
  }
  return anomalies.map((anomaly) => ({
    ...anomaly,
    periodLabel: PERIOD_LABELS[anomaly.period].vi,
  }))
}
