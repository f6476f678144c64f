/**
 * The entry grid (Điều 10.1, 12.1): a class's results in one subject (or its qualities and
 * competencies) at one checkpoint, read and saved as a whole. Reading asks the collections as the
 * user (their read rules decide what is shown); a save is checked whole before anything is
 * written, and then writes each changed entry as the user, through the collection's own rules
 * and hooks (the window, the locks, the change log).
 */
import type { PayloadRequest } from 'payload'
import {
  PERIODS,
  QUALITY_LEVELS,
  SUBJECT_LEVELS,
  TRAIT_LABELS,
  compareVietnameseNames,
  isSchoolYear,
  traitsOfGrade,
  type GridError,
  type Period,
  type QualityLevel,
  type SubjectGrid,
  type SubjectGridEntry,
  type SubjectGridRow,
  type SubjectLevel,
  type TraitCode,
  type TraitGrid,
  type TraitGridEntry,
  type TraitGridRow,
} from '@school/shared'

import { authorize, isAllowed } from '../access/authorize'
import { assessmentPolicy } from '../access/policy'
import { couldBeId, idOf } from '../lib/ids'
import { userError, type Message } from '../lib/messages'
import { inOneSqliteWrite } from '../lib/sqlite-write'
import { inTransaction } from '../lib/transaction'
import type { Assessment, Group, Subject, TraitAssessment } from '../payload-types'
import { classById, isTested, subjectByCode, taughtInGrade } from './catalogue'
import { lockMessage, lockOf, TRAITS_SCOPE, type LockTarget } from './locks'
import { asUser, allAsUser } from '../lib/as-user'

export const MAX_COMMENT = 1000

const REFUSED_VIEW: Message = {
  vi: 'Bạn không được xem kết quả của lớp và môn này.',
  en: 'You may not see the results of this class and subject.',
}
const REFUSED_ENTRY: Message = {
  vi: 'Chỉ giáo viên được phân công dạy môn này ở lớp này mới nhập kết quả.',
  en: 'Only the teacher assigned to this class and subject enters its results.',
}
const REFUSED_TRAITS: Message = {
  vi: 'Chỉ giáo viên chủ nhiệm của lớp nhập phẩm chất, năng lực.',
  en: "Only the class's homeroom teacher enters qualities and competencies.",
}

/** What a request names: class, checkpoint, school year (and subject), not yet checked. */
export interface SheetKey {
  class?: unknown
  period?: unknown
  schoolYear?: unknown
  subject?: unknown
}

export interface Sheet {
  schoolClass: Group
  period: Period
  schoolYear: string
}

/** The class, checkpoint and school year a request names, checked (400/404 in Vietnamese). */
export async function sheetOf(req: PayloadRequest, key: SheetKey): Promise<Sheet> {
  if (!PERIODS.includes(key.period as Period)) {
    throw userError(req, 400, {
      vi: 'Kì đánh giá là mid1, end1, mid2 hoặc end.',
      en: 'The checkpoint is mid1, end1, mid2 or end.',
    })
  }
  const classId = typeof key.class === 'string' || typeof key.class === 'number' ? key.class : null
  const schoolClass = classId !== null && couldBeId(classId) ? await classById(req, classId) : null
  if (!schoolClass) throw userError(req, 404, { vi: 'Không tìm thấy lớp.', en: 'Not Found' })
  const schoolYear = key.schoolYear ?? schoolClass.schoolYear
  if (!isSchoolYear(schoolYear)) {
    throw userError(req, 400, { vi: 'Năm học có dạng 2026-2027.', en: 'A school year: 2026-2027.' })
  }
  return { schoolClass, period: key.period as Period, schoolYear }
}

async function subjectOf(req: PayloadRequest, sheet: Sheet, code: unknown): Promise<Subject> {
  const subject = await subjectByCode(req, code)
  if (!subject || !taughtInGrade(subject, sheet.schoolClass.grade ?? 0)) {
    throw userError(req, 400, {
      vi: `Khối ${sheet.schoolClass.grade} không học môn có mã "${String(code)}".`,
      en: `Grade ${sheet.schoolClass.grade} has no subject coded "${String(code)}".`,
    })
  }
  return subject
}

const recordOf = (sheet: Sheet, scope: string | null) => ({
  class: sheet.schoolClass.id,
  schoolYear: sheet.schoolYear,
  period: sheet.period,
  ...(scope === null ? {} : { subject: scope }),
})

interface Pupil {
  id: number | string
  fullName: string
  studentCode: string | null
}

/**
 * The sheet's pupils as the user may see them, in Vietnamese name order: the class's pupils, and
 * those with results in it who have since moved on (a past year's class, a class change).
 */
async function pupilsOf(
  req: PayloadRequest,
  sheet: Sheet,
  withEntries: Array<number | string> = [],
): Promise<Pupil[]> {
  const inClass = { class: { equals: sheet.schoolClass.id } }
  const { docs } = await req.payload.find({
    collection: 'students',
    where: withEntries.length > 0 ? { or: [inClass, { id: { in: withEntries } }] } : inClass,
    depth: 0,
    limit: 0,
    pagination: false,
    // The class too: who reads a pupil's code is decided from the pupil's class.
    select: { fullName: true, studentCode: true, class: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs
    .map((pupil) => ({
      id: pupil.id,
      fullName: pupil.fullName,
      studentCode: pupil.studentCode ?? null,
    }))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
}

async function commentBankOf(req: PayloadRequest, scope: string) {
  const { docs } = await req.payload.find({
    collection: 'comment-bank',
    where: { subject: { equals: scope } },
    depth: 0,
    limit: 200,
    sort: 'text',
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs.map((doc) => ({ level: (doc.level || null) as never, text: doc.text }))
}

const byStudent = <T extends { student: unknown }>(docs: T[]) =>
  new Map(docs.map((doc) => [String(idOf(doc.student as number)), doc]))

async function subjectEntries(req: PayloadRequest, sheet: Sheet, code: string) {
  const { docs } = await req.payload.find({
    collection: 'assessments',
    where: {
      and: [
        { class: { equals: sheet.schoolClass.id } },
        { subject: { equals: code } },
        { period: { equals: sheet.period } },
        { schoolYear: { equals: sheet.schoolYear } },
      ],
    },
    ...allAsUser(req),
  })
  return byStudent(docs)
}

function classSummary(schoolClass: Group) {
  return { id: schoolClass.id, name: schoolClass.name, grade: schoolClass.grade ?? 0 }
}

export async function loadSubjectGrid(req: PayloadRequest, key: SheetKey): Promise<SubjectGrid> {
  const sheet = await sheetOf(req, key)
  const subject = await subjectOf(req, sheet, key.subject)
  const record = recordOf(sheet, subject.code)
  await authorize(req, assessmentPolicy.viewSubjectGrid, REFUSED_VIEW, { record })
  const entries = await subjectEntries(req, sheet, subject.code)
  const [pupils, commentBank, lock, mayEnter] = await Promise.all([
    pupilsOf(req, sheet, [...entries.keys()]),
    commentBankOf(req, subject.code),
    lockOf(req, { ...lockTargetOfSheet(sheet), scope: subject.code }),
    isAllowed(req, assessmentPolicy.enterSubject, { record }),
  ])
  const rows: SubjectGridRow[] = pupils.map((pupil) => {
    const entry = entries.get(String(pupil.id))
    const attempts = entry?.attempts ?? []
    return {
      student: pupil.id,
      studentCode: pupil.studentCode,
      fullName: pupil.fullName,
      assessment: entry?.id ?? null,
      level: (entry?.level as SubjectLevel | undefined) ?? null,
      score: entry?.score ?? null,
      earlierScores: attempts.slice(0, -1).map((attempt) => attempt.score),
      comment: entry?.comment ?? null,
    }
  })
  return {
    kind: 'subject',
    class: classSummary(sheet.schoolClass),
    subject: { code: subject.code, name: subject.name },
    period: sheet.period,
    schoolYear: sheet.schoolYear,
    tested: isTested(subject, sheet.schoolClass.grade ?? 0, sheet.period),
    lock,
    editable: mayEnter && lock === null,
    rows,
    commentBank,
  }
}

function lockTargetOfSheet(sheet: Sheet): Omit<LockTarget, 'scope'> {
  return { class: sheet.schoolClass.id, schoolYear: sheet.schoolYear, period: sheet.period }
}

/** Refuses (403, then 409 with the lock's reason) a save the user may not make now. */
export async function refuseUnlessWritable(
  req: PayloadRequest,
  sheet: Sheet,
  scope: string,
  rule: (typeof assessmentPolicy)['enterSubject'] | (typeof assessmentPolicy)['enterTraits'],
  refusal: Message,
) {
  await authorize(req, rule, refusal, { record: recordOf(sheet, scope) })
  const target = { ...lockTargetOfSheet(sheet), scope }
  const lock = await lockOf(req, target)
  if (lock) throw userError(req, 409, await lockMessage(req, target, lock))
}

/** A 400 that lists every error of the grid: nothing was written. */
export class GridErrors extends Error {
  constructor(readonly errors: GridError[]) {
    super(`${errors.length} lỗi trong bảng; chưa lưu gì.`)
  }
}

const isText = (value: unknown): value is string | null | undefined =>
  value === undefined || value === null || typeof value === 'string'

function cleanComment(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().normalize('NFC') : null
}

function rowsOf(req: PayloadRequest, body: { rows?: unknown }): Array<Record<string, unknown>> {
  if (!Array.isArray(body.rows) || body.rows.some((row) => !row || typeof row !== 'object')) {
    throw userError(req, 400, {
      vi: 'Gửi "rows": danh sách các dòng của bảng.',
      en: 'Send "rows": the rows of the grid.',
    })
  }
  if (body.rows.length > 200) {
    throw userError(req, 400, { vi: 'Một lớp có tối đa 200 dòng.', en: 'At most 200 rows.' })
  }
  return body.rows as Array<Record<string, unknown>>
}

/** Checks every row of a subject grid against the rules of TT27 Điều 6–7; lists every error. */
export function checkSubjectRows(
  rows: Array<Record<string, unknown>>,
  pupils: Map<string, Pupil>,
  existing: Map<string, Assessment>,
  tested: boolean,
): { errors: GridError[]; entries: SubjectGridEntry[] } {
  const errors: GridError[] = []
  const entries: SubjectGridEntry[] = []
  const seen = new Set<string>()
  for (const row of rows) {
    const student = String(row.student)
    const pupil = pupils.get(student)
    const where = { student: row.student as number, studentCode: pupil?.studentCode ?? undefined }
    if (!pupil) {
      errors.push({ ...where, column: 'student', message: 'Học sinh không thuộc lớp này.' })
      continue
    }
    if (seen.has(student)) {
      errors.push({ ...where, column: 'student', message: 'Học sinh có hai dòng trong bảng.' })
      continue
    }
    seen.add(student)
    const level = row.level === '' || row.level === undefined ? null : row.level
    const score = row.score === '' || row.score === undefined ? null : row.score
    const comment = row.comment
    const stored = existing.get(student)
    if (level !== null && !SUBJECT_LEVELS.includes(level as SubjectLevel)) {
      errors.push({ ...where, column: 'level', message: 'Mức đạt được là T, H hoặc C.' })
    }
    if (
      score !== null &&
      !(Number.isInteger(score) && (score as number) >= 1 && (score as number) <= 10)
    ) {
      errors.push({ ...where, column: 'score', message: 'Điểm là số nguyên từ 1 đến 10.' })
    }
    if (!isText(comment) || (typeof comment === 'string' && comment.length > MAX_COMMENT)) {
      errors.push({ ...where, column: 'comment', message: 'Nhận xét tối đa 1000 ký tự.' })
    }
    const blank = level === null && score === null && cleanComment(comment) === null
    if (blank && !stored) continue
    if (level === null) {
      errors.push({
        ...where,
        column: 'level',
        message: stored
          ? 'Kết quả đã nhập không để trống mức đạt được.'
          : 'Cần chọn mức đạt được (T, H hoặc C).',
      })
    }
    if (tested && score === null && level !== null) {
      errors.push({ ...where, column: 'score', message: 'Môn có kiểm tra định kì: cần nhập điểm.' })
    }
    if (!tested && score !== null) {
      errors.push({ ...where, column: 'score', message: 'Môn không kiểm tra ở kì này: bỏ điểm.' })
    }
    entries.push({
      student: pupil.id,
      level: level as SubjectLevel | null,
      score: score as number | null,
      comment: cleanComment(comment),
      retest: row.retest === true,
    })
  }
  return { errors, entries }
}

/** Writes each entry that changes something, as the user, one after the other. */
async function writeEntries<T extends { id: number | string }>(
  req: PayloadRequest,
  changes: Array<{ existing: T | undefined; data: Record<string, unknown>; retest?: boolean }>,
  collection: 'assessments' | 'trait-assessments',
  source: 'entry' | 'upload',
): Promise<number> {
  return inOneSqliteWrite(req.payload, () =>
    inTransaction(req, async () => {
      req.context ??= {}
      if (source === 'upload') req.context.gridUpload = true
      try {
        for (const change of changes) {
          if (change.retest) req.context.retest = true
          try {
            if (change.existing) {
              await req.payload.update({
                collection,
                id: change.existing.id,
                data: change.data,
                ...asUser(req),
              })
            } else {
              await req.payload.create({
                collection,
                data: change.data as never,
                ...asUser(req),
              })
            }
          } finally {
            delete req.context.retest
          }
        }
      } finally {
        delete req.context.gridUpload
      }
      return changes.length
    }),
  )
}

export async function saveSubjectGrid(
  req: PayloadRequest,
  body: SheetKey & { rows?: unknown },
  source: 'entry' | 'upload' = 'entry',
): Promise<{ saved: number }> {
  const sheet = await sheetOf(req, body)
  const subject = await subjectOf(req, sheet, body.subject)
  const rows = rowsOf(req, body)
  await refuseUnlessWritable(req, sheet, subject.code, assessmentPolicy.enterSubject, REFUSED_ENTRY)
  const existing = await subjectEntries(req, sheet, subject.code)
  const pupils = await pupilsOf(req, sheet, [...existing.keys()])
  const tested = isTested(subject, sheet.schoolClass.grade ?? 0, sheet.period)
  const { errors, entries } = checkSubjectRows(
    rows,
    new Map(pupils.map((pupil) => [String(pupil.id), pupil])),
    existing,
    tested,
  )
  if (errors.length > 0) throw new GridErrors(errors)
  const changes = entries.flatMap((entry) => {
    const stored = existing.get(String(entry.student))
    const same =
      stored &&
      !entry.retest &&
      stored.level === entry.level &&
      (stored.score ?? null) === (entry.score ?? null) &&
      (stored.comment ?? null) === (entry.comment ?? null)
    if (same) return []
    const data: Record<string, unknown> = {
      level: entry.level,
      score: entry.score ?? null,
      comment: entry.comment ?? null,
    }
    if (!stored) {
      Object.assign(data, {
        student: entry.student,
        class: sheet.schoolClass.id,
        subject: subject.code,
        period: sheet.period,
        schoolYear: sheet.schoolYear,
      })
    }
    return [{ existing: stored, data, retest: entry.retest }]
  })
  return { saved: await writeEntries(req, changes, 'assessments', source) }
}

// ── Qualities and competencies (TT27 Điều 5.2, 6.1b): the homeroom teacher's grid. ──

async function traitEntries(req: PayloadRequest, sheet: Sheet) {
  const { docs } = await req.payload.find({
    collection: 'trait-assessments',
    where: {
      and: [
        { class: { equals: sheet.schoolClass.id } },
        { period: { equals: sheet.period } },
        { schoolYear: { equals: sheet.schoolYear } },
      ],
    },
    ...allAsUser(req),
  })
  return byStudent(docs)
}

function levelsOf(doc: TraitAssessment | undefined): TraitGridRow['levels'] {
  const levels: TraitGridRow['levels'] = {}
  for (const row of doc?.traits ?? []) levels[row.trait as TraitCode] = row.level as QualityLevel
  return levels
}

export async function loadTraitGrid(req: PayloadRequest, key: SheetKey): Promise<TraitGrid> {
  const sheet = await sheetOf(req, key)
  const record = recordOf(sheet, null)
  await authorize(req, assessmentPolicy.viewTraitGrid, REFUSED_VIEW, { record })
  const entries = await traitEntries(req, sheet)
  const [pupils, commentBank, lock, mayEnter] = await Promise.all([
    pupilsOf(req, sheet, [...entries.keys()]),
    commentBankOf(req, TRAITS_SCOPE),
    lockOf(req, { ...lockTargetOfSheet(sheet), scope: TRAITS_SCOPE }),
    isAllowed(req, assessmentPolicy.enterTraits, { record }),
  ])
  return {
    kind: 'traits',
    class: classSummary(sheet.schoolClass),
    period: sheet.period,
    schoolYear: sheet.schoolYear,
    traits: traitsOfGrade(sheet.schoolClass.grade ?? 0),
    lock,
    editable: mayEnter && lock === null,
    rows: pupils.map((pupil) => {
      const entry = entries.get(String(pupil.id))
      return {
        student: pupil.id,
        studentCode: pupil.studentCode,
        fullName: pupil.fullName,
        assessment: entry?.id ?? null,
        levels: levelsOf(entry),
        qualitiesComment: entry?.qualitiesComment ?? null,
        competenciesComment: entry?.competenciesComment ?? null,
      }
    }),
    commentBank: commentBank as TraitGrid['commentBank'],
  }
}

/** Checks every row of a traits grid: the grade's traits only, levels T/Đ/C, comments' length. */
export function checkTraitRows(
  rows: Array<Record<string, unknown>>,
  pupils: Map<string, Pupil>,
  traits: TraitCode[],
): { errors: GridError[]; entries: TraitGridEntry[] } {
  const errors: GridError[] = []
  const entries: TraitGridEntry[] = []
  const allowed = new Set<string>(traits)
  const seen = new Set<string>()
  for (const row of rows) {
    const student = String(row.student)
    const pupil = pupils.get(student)
    const where = { student: row.student as number, studentCode: pupil?.studentCode ?? undefined }
    if (!pupil || seen.has(student)) {
      errors.push({
        ...where,
        column: 'student',
        message: pupil ? 'Học sinh có hai dòng trong bảng.' : 'Học sinh không thuộc lớp này.',
      })
      continue
    }
    seen.add(student)
    const levels: TraitGridEntry['levels'] = {}
    const given =
      row.levels && typeof row.levels === 'object' ? (row.levels as Record<string, unknown>) : {}
    for (const [trait, value] of Object.entries(given)) {
      if (value === null || value === undefined || value === '') continue
      if (!allowed.has(trait)) {
        errors.push({ ...where, column: trait, message: 'Khối này không đánh giá mục này.' })
      } else if (!QUALITY_LEVELS.includes(value as QualityLevel)) {
        errors.push({
          ...where,
          column: trait,
          message: `${TRAIT_LABELS[trait as TraitCode]}: mức là T, Đ hoặc C.`,
        })
      } else {
        levels[trait as TraitCode] = value as QualityLevel
      }
    }
    for (const column of ['qualitiesComment', 'competenciesComment'] as const) {
      const value = row[column]
      if (!isText(value) || (typeof value === 'string' && value.length > MAX_COMMENT)) {
        errors.push({ ...where, column, message: 'Nhận xét tối đa 1000 ký tự.' })
      }
    }
    entries.push({
      student: pupil.id,
      levels,
      qualitiesComment: cleanComment(row.qualitiesComment),
      competenciesComment: cleanComment(row.competenciesComment),
    })
  }
  return { errors, entries }
}

export async function saveTraitGrid(
  req: PayloadRequest,
  body: SheetKey & { rows?: unknown },
  source: 'entry' | 'upload' = 'entry',
): Promise<{ saved: number }> {
  const sheet = await sheetOf(req, body)
  const rows = rowsOf(req, body)
  await refuseUnlessWritable(req, sheet, TRAITS_SCOPE, assessmentPolicy.enterTraits, REFUSED_TRAITS)
  const existing = await traitEntries(req, sheet)
  const pupils = await pupilsOf(req, sheet, [...existing.keys()])
  const traits = traitsOfGrade(sheet.schoolClass.grade ?? 0)
  const { errors, entries } = checkTraitRows(
    rows,
    new Map(pupils.map((pupil) => [String(pupil.id), pupil])),
    traits,
  )
  if (errors.length > 0) throw new GridErrors(errors)
  const changes = entries.flatMap((entry) => {
    const stored = existing.get(String(entry.student))
    const traitRows = traits
      .filter((trait) => entry.levels[trait])
      .map((trait) => ({ trait, level: entry.levels[trait]! }))
    const data: Record<string, unknown> = {
      traits: traitRows,
      qualitiesComment: entry.qualitiesComment ?? null,
      competenciesComment: entry.competenciesComment ?? null,
    }
    const storedLevels = levelsOf(stored)
    const same =
      stored &&
      traits.every((trait) => (storedLevels[trait] ?? null) === (entry.levels[trait] ?? null)) &&
      (stored.qualitiesComment ?? null) === data.qualitiesComment &&
      (stored.competenciesComment ?? null) === data.competenciesComment
    const blank = traitRows.length === 0 && !data.qualitiesComment && !data.competenciesComment
    if (same || (!stored && blank)) return []
    if (!stored) {
      Object.assign(data, {
        student: entry.student,
        class: sheet.schoolClass.id,
        period: sheet.period,
        schoolYear: sheet.schoolYear,
      })
    }
    return [{ existing: stored, data }]
  })
  return { saved: await writeEntries(req, changes, 'trait-assessments', source) }
}

/** Refuses (403/409) what a save of this grid would refuse, before a file is even read. */
export async function refuseUnlessGridWritable(
  req: PayloadRequest,
  key: SheetKey,
  kind: 'subject' | 'traits',
): Promise<void> {
  const sheet = await sheetOf(req, key)
  if (kind === 'traits') {
    return refuseUnlessWritable(
      req,
      sheet,
      TRAITS_SCOPE,
      assessmentPolicy.enterTraits,
      REFUSED_TRAITS,
    )
  }
  const subject = await subjectOf(req, sheet, key.subject)
  await refuseUnlessWritable(req, sheet, subject.code, assessmentPolicy.enterSubject, REFUSED_ENTRY)
}
