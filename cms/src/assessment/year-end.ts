/**
 * A class's year (TT27 Điều 9.2, 11–13; Điều 5.4 of the school's regulation): each pupil's
 * overall result computed from the `end` checkpoint by `yearEndResult`, with its reasons and
 * what is still missing; the principal's approval that stores the results and locks the year.
 *
 * What an approval requires is what the result needs (TT27 Điều 9.2): every required subject's
 * level, every end-of-year test score, every quality and competency of the grade. The homeroom
 * teacher's year-end comment, award proposal and promotion note are not required: they do not
 * make the result, and a missing comment should not hold up the class's approval.
 *
 * Reads are a fixed handful of queries whatever the class's size: its pupils, its assessments of
 * the year, its `end` trait sheets, its year-end records, its confirmations.
 */
import type { PayloadRequest, Where } from 'payload'
import {
  QUALITY_LEVELS,
  compareVietnameseNames,
  yearEndResult,
  type QualityLevel,
  type SubjectLevel,
  type TraitCode,
  type YearEndMissing,
  type YearEndSubjectRequirement,
  type YearResult,
} from '@school/shared'

import { couldBeId, idFromText, idOf } from '../lib/ids'
import { userError } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import type { Assessment, Group, Student, TraitAssessment, YearEndResult } from '../payload-types'
import { allSubjects, classById, isTested, taughtInGrade } from './catalogue'
import { YEAR_END_SCOPE, yearApproved } from './locks'
import { asUser } from '../lib/as-user'

/** The homeroom teacher's part of a pupil's year, as stored (null until first saved). */
export type YearEndRecord = Pick<
  YearEndResult,
  | 'id'
  | 'result'
  | 'resultReasons'
  | 'comment'
  | 'award'
  | 'awardNote'
  | 'promotion'
  | 'supplementary'
  | 'principalDecision'
>

export interface PupilYear {
  student: { id: number; fullName: string; studentCode: string }
  /** Computed now from the entries; null while something required is missing. */
  result: YearResult | null
  reasons: string[]
  missing: YearEndMissing[]
  record: YearEndRecord | null
}

export interface ClassYearApproval {
  approved: boolean
  by: { id: number; fullName: string } | null
  at: string | null
}

export interface ClassYear {
  class: { id: number; name: string; grade: number; schoolYear: string }
  schoolYear: string
  approval: ClassYearApproval
  pupils: PupilYear[]
  /** Every missing entry of the class, pupil by pupil (what an approval is refused with). */
  missing: Array<YearEndMissing & { student: number; fullName: string }>
}

const TRAIT_LEVELS: ReadonlySet<string> = new Set(QUALITY_LEVELS)

/** The class, checked to be a class; the school year defaults to the class's own. */
export async function classAndYear(
  req: PayloadRequest,
  classIdParam: unknown,
  schoolYearParam: unknown,
): Promise<{ schoolClass: Group; schoolYear: string }> {
  const notFound = { vi: 'Không tìm thấy lớp học.', en: 'Class not found.' }
  const raw = String(classIdParam ?? '')
  if (!couldBeId(raw)) throw userError(req, 404, notFound)
  const found = await classById(req, idFromText(raw))
  if (!found) throw userError(req, 404, notFound)
  const asked =
    typeof schoolYearParam === 'string' && schoolYearParam !== '' ? schoolYearParam : null
  const schoolYear = asked ?? found.schoolYear ?? null
  if (!schoolYear || !/^\d{4}-\d{4}$/.test(schoolYear)) {
    throw userError(req, 400, {
      vi: 'Cần chọn năm học (ví dụ 2026-2027).',
      en: 'Choose a school year (e.g. 2026-2027).',
    })
  }
  if (found.schoolYear && found.schoolYear !== schoolYear) {
    throw userError(req, 400, {
      vi: `${found.name} là lớp của năm học ${found.schoolYear}, không phải ${schoolYear}.`,
      en: `${found.name} is a class of ${found.schoolYear}, not ${schoolYear}.`,
    })
  }
  return { schoolClass: found, schoolYear }
}

/** Subjects the class's grade is assessed in at year end: compulsory, and electives taken. */
async function requirementsOf(req: PayloadRequest, grade: number) {
  const subjects = await allSubjects(req)
  const compulsory: YearEndSubjectRequirement[] = []
  const electives: YearEndSubjectRequirement[] = []
  for (const subject of subjects) {
    const taught = taughtInGrade(subject, grade)
    if (!taught) continue
    const requirement = {
      code: subject.code,
      name: subject.name,
      tested: isTested(subject, grade, 'end'),
    }
    if (taught === 'compulsory') compulsory.push(requirement)
    else electives.push(requirement)
  }
  return { compulsory, electives, order: subjects.map((subject) => subject.code) }
}

function traitLevels(sheet: TraitAssessment | undefined) {
  const levels: Partial<Record<TraitCode, QualityLevel | null>> = {}
  for (const row of sheet?.traits ?? []) {
    if (row.level && TRAIT_LEVELS.has(row.level)) {
      levels[row.trait as TraitCode] = row.level as QualityLevel
    }
  }
  return levels
}

/** The approval of the class's year, with who gave it and when. */
async function approvalOf(
  req: PayloadRequest,
  classId: number,
  schoolYear: string,
): Promise<ClassYearApproval> {
  const { docs } = await req.payload.find({
    collection: 'assessment-confirmations',
    where: {
      and: [
        { class: { equals: classId } },
        { schoolYear: { equals: schoolYear } },
        { kind: { equals: 'approved' } },
      ],
    },
    depth: 0,
    limit: 1,
    sort: 'createdAt',
    overrideAccess: true,
    req,
  })
  const approval = docs[0]
  if (!approval) return { approved: false, by: null, at: null }
  const byId = idOf(approval.by)
  // Only the approver's name is shown: whoever sees the class's year sees who approved it.
  const by =
    byId === null
      ? null
      : await req.payload.findByID({
          collection: 'users',
          id: byId,
          depth: 0,
          select: { fullName: true },
          overrideAccess: true,
          disableErrors: true,
          req,
        })
  return {
    approved: true,
    by: by ? { id: by.id, fullName: by.fullName } : null,
    at: approval.createdAt,
  }
}

/**
 * The class's year, computed now. The caller has checked `assessmentPolicy.viewYearEnd`; the
 * results are read for the user (`overrideAccess: false`), so a reader sees no more than the
 * collections give them.
 */
export async function classYear(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
): Promise<ClassYear> {
  const grade = schoolClass.grade ?? 0
  // The pupils' names and codes, no more: whoever may view the class's year sees who is in it
  // (a group head reads the results of their group's classes, not the pupils' records).
  const pupilNames = {
    select: { fullName: true, studentCode: true },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  } as const
  const ofClass: Where[] = [
    { class: { equals: schoolClass.id } },
    { schoolYear: { equals: schoolYear } },
  ]
  const [requirements, assessments, traitSheets, records, enrolled, approval] = await Promise.all([
    requirementsOf(req, grade),
    req.payload.find({
      collection: 'assessments',
      where: { and: ofClass },
      select: { student: true, subject: true, period: true, level: true, score: true },
      limit: 0,
      pagination: false,
      ...asUser(req),
    }),
    req.payload.find({
      collection: 'trait-assessments',
      where: { and: [...ofClass, { period: { equals: 'end' } }] },
      select: { student: true, traits: true },
      limit: 0,
      pagination: false,
      ...asUser(req),
    }),
    req.payload.find({
      collection: 'year-end-results',
      where: { and: ofClass },
      limit: 0,
      pagination: false,
      ...asUser(req),
    }),
    req.payload.find({
      collection: 'students',
      where: {
        and: [{ class: { equals: schoolClass.id } }, { status: { equals: 'studying' } }],
      },
      ...pupilNames,
    }),
    approvalOf(req, schoolClass.id, schoolYear),
  ])

  const entriesOf = new Map<number, Assessment[]>()
  for (const entry of assessments.docs as Assessment[]) {
    const pupil = idOf(entry.student)
    if (pupil === null) continue
    entriesOf.set(pupil, [...(entriesOf.get(pupil) ?? []), entry])
  }
  const sheetOf = new Map<number, TraitAssessment>()
  for (const sheet of traitSheets.docs as TraitAssessment[]) {
    const pupil = idOf(sheet.student)
    if (pupil !== null) sheetOf.set(pupil, sheet)
  }
  const recordOf = new Map<number, YearEndResult>()
  for (const record of records.docs) {
    const pupil = idOf(record.student)
    if (pupil !== null) recordOf.set(pupil, record)
  }

  // Pupils studying in the class, and those assessed in it this year who have since moved.
  const pupils = new Map<number, Pick<Student, 'id' | 'fullName' | 'studentCode'>>()
  for (const pupil of enrolled.docs) pupils.set(pupil.id, pupil)
  const movedIds = [...new Set([...entriesOf.keys(), ...sheetOf.keys()])].filter(
    (id) => !pupils.has(id),
  )
  if (movedIds.length > 0) {
    const { docs } = await req.payload.find({
      collection: 'students',
      where: { id: { in: movedIds } },
      ...pupilNames,
    })
    for (const pupil of docs) pupils.set(pupil.id, pupil)
  }

  const pupilYears: PupilYear[] = [...pupils.values()]
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .map((pupil) => {
      const entries = entriesOf.get(pupil.id) ?? []
      // An elective counts for a pupil who has any entry of it this year (who takes it).
      const taken = new Set(entries.map((entry) => entry.subject))
      const subjects = [
        ...requirements.compulsory,
        ...requirements.electives.filter((elective) => taken.has(elective.code)),
      ].sort((a, b) => requirements.order.indexOf(a.code) - requirements.order.indexOf(b.code))
      const outcome = yearEndResult({
        grade,
        subjects,
        entries: entries
          .filter((entry) => entry.period === 'end')
          .map((entry) => ({
            subject: entry.subject,
            level: (entry.level ?? null) as SubjectLevel | null,
            score: entry.score ?? null,
          })),
        traits: traitLevels(sheetOf.get(pupil.id)),
      })
      const stored = recordOf.get(pupil.id)
      return {
        student: { id: pupil.id, fullName: pupil.fullName, studentCode: pupil.studentCode },
        ...outcome,
        record: stored
          ? {
              id: stored.id,
              result: stored.result ?? null,
              resultReasons: stored.resultReasons ?? null,
              comment: stored.comment ?? null,
              award: stored.award ?? null,
              awardNote: stored.awardNote ?? null,
              promotion: stored.promotion ?? null,
              supplementary: stored.supplementary ?? {},
              principalDecision: stored.principalDecision ?? null,
            }
          : null,
      }
    })

  return {
    class: { id: schoolClass.id, name: schoolClass.name, grade, schoolYear },
    schoolYear,
    approval,
    pupils: pupilYears,
    missing: pupilYears.flatMap((pupil) =>
      pupil.missing.map((item) => ({
        ...item,
        student: pupil.student.id,
        fullName: pupil.student.fullName,
      })),
    ),
  }
}

/** One line per missing entry, for the 409's message ("Nguyễn An: điểm KTĐK Toán"). */
export function missingLines(year: ClassYear): string[] {
  const what = { subject: 'mức', score: 'điểm KTĐK', trait: 'mức' } as const
  return year.missing.map((item) => `${item.fullName}: ${what[item.kind]} ${item.name}`)
}

/**
 * Stores each pupil's computed result and reasons and records the approval (TT27 Điều 13).
 * The caller has checked `assessmentPolicy.approveYear`. 409 when already approved, or while
 * anything required is missing (the list in the message and in `missing`).
 */
export async function approveClassYear(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
): Promise<ClassYear> {
  return inTransaction(req, async () => {
    const year = await classYear(req, schoolClass, schoolYear)
    if (year.approval.approved) {
      throw userError(req, 409, {
        vi: `Kết quả năm học ${schoolYear} của ${schoolClass.name} đã được phê duyệt.`,
        en: `The ${schoolYear} results of ${schoolClass.name} are already approved.`,
      })
    }
    if (year.missing.length > 0) {
      const lines = missingLines(year)
      const shown = lines.slice(0, 20).join('; ')
      const more = lines.length > 20 ? ` … và ${lines.length - 20} mục khác` : ''
      const error = userError(req, 409, {
        vi: `Chưa thể phê duyệt: còn ${lines.length} mục chưa nhập: ${shown}${more}.`,
        en: `Cannot approve yet: ${lines.length} entries are missing.`,
      })
      Object.assign(error, { data: { missing: year.missing } })
      throw error
    }
    // The result fields are the server's (fieldWritePolicy: nobody): written past access, after
    // the policy check, and past the year's lock (the end window may well be closed by now).
    await withFlag(req, 'yearEndApproval', async () => {
      for (const pupil of year.pupils) {
        const data = { result: pupil.result, resultReasons: pupil.reasons }
        if (pupil.record) {
          await req.payload.update({
            collection: 'year-end-results',
            id: pupil.record.id,
            data,
            depth: 0,
            overrideAccess: true,
            req,
          })
        } else {
          await req.payload.create({
            collection: 'year-end-results',
            data: { ...data, student: pupil.student.id, class: schoolClass.id, schoolYear },
            depth: 0,
            overrideAccess: true,
            req,
          })
        }
      }
    })
    await withFlag(req, 'assessmentConfirmation', () =>
      req.payload.create({
        collection: 'assessment-confirmations',
        data: {
          class: schoolClass.id,
          schoolYear,
          period: 'end',
          scope: YEAR_END_SCOPE,
          kind: 'approved',
          by: req.user!.id,
        },
        ...asUser(req),
      }),
    )
    return classYear(req, schoolClass, schoolYear)
  })
}

/**
 * After an approved year's end-of-year entry is corrected (Điều 5.4, 12.2: the principal decided
 * it), the pupil's stored result and reasons follow the corrected entries: the transcript is made
 * from the stored result. Run inside the correction, so the change log names the request.
 */
export async function refreshApprovedResult(
  req: PayloadRequest,
  entry: Pick<Assessment, 'class' | 'schoolYear' | 'period' | 'student'>,
): Promise<void> {
  if (entry.period !== 'end') return
  const classId = idOf(entry.class)
  if (classId === null || !(await yearApproved(req, classId, entry.schoolYear))) return
  const schoolClass = await classById(req, classId)
  if (!schoolClass) return
  const year = await classYear(req, schoolClass, entry.schoolYear)
  const pupil = year.pupils.find((one) => String(one.student.id) === String(idOf(entry.student)))
  if (!pupil?.record || pupil.result === null) return
  const record = pupil.record
  await withFlag(req, 'yearEndApproval', () =>
    req.payload.update({
      collection: 'year-end-results',
      id: record.id,
      data: { result: pupil.result, resultReasons: pupil.reasons },
      depth: 0,
      overrideAccess: true,
      req,
    }),
  )
}
