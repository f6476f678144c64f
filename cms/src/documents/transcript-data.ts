/**
 * The one reader of a pupil's transcript (học bạ, TT27 Phụ lục 1): the pupil's personal page, the
 * classes they were in, and for each school year the page TT27 Điều 13 asks for. Everything about
 * the pupil is read as the request's user (`overrideAccess: false`): a transcript shows no more
 * than its maker may read. Only names that are not the pupil's (the school, a class, a teacher,
 * the subject list) are looked up past access.
 *
 * A class is read one pupil at a time (the endpoint streams each pupil's pages before reading the
 * next); what the pupils of a class share (subjects, teachers, approval, signing steps,
 * attendance) is looked up once per request.
 */
import type { PayloadRequest, Where } from 'payload'
import {
  GENERAL_COMPETENCY_CODES,
  QUALITY_CODES,
  QUALITY_LEVELS,
  SPECIFIC_COMPETENCY_CODES,
  TRAIT_LABELS,
  awardsOf,
  completionOf,
  reasonsOf,
  schoolYearOf,
  traitsOfGrade,
  yearEndResult,
  type QualityLevel,
  type SubjectLevel,
  type TraitCode,
  type Transcript,
  type TranscriptEnrolment,
  type TranscriptPupil,
  type TranscriptSchool,
  type TranscriptSigning,
  type TranscriptTrait,
  type TranscriptYear,
} from '@school/shared'

import { attendanceTotalsOf } from '../assessment/attendance-totals'
import {
  allSubjects,
  classById,
  isTested,
  oncePerRequest,
  taughtInGrade,
} from '../assessment/catalogue'
import { yearApproved } from '../assessment/locks'
import { idOf } from '../lib/ids'
import { signingStatus } from './transcript-signing'
import type {
  Assessment,
  Group,
  HealthCheckup,
  Student,
  TraitAssessment,
  User,
  YearEndResult,
} from '../payload-types'
import { asUser } from '../lib/as-user'

type Id = number | string

/** A year of the pupil's schooling here: the class they were in and its school year. */
export interface PupilClassYear {
  schoolYear: string
  classId: Id
}

/** The pupil as the user may read them; null when unknown or not theirs to read. */
export async function pupilForReader(req: PayloadRequest, studentId: Id): Promise<Student | null> {
  return req.payload.findByID({
    collection: 'students',
    id: studentId,
    disableErrors: true,
    ...asUser(req),
  })
}

/**
 * The classes a pupil the user already reads was in, year by year, from the year's records (the
 * pupil's class field is only this year's). Looked up past access because the policy's answer
 * depends on the class: the caller asks `documentPolicy.transcripts` with it before anything of
 * the year is read as the user. The current class counts for its year even before any record.
 */
export async function classYearsOf(req: PayloadRequest, pupil: Student): Promise<PupilClassYear[]> {
  return (await classYearsOfPupils(req, [pupil])).get(String(pupil.id)) ?? []
}

/** `classYearsOf` for many pupils at once (a class file): three queries, whatever the class. */
export async function classYearsOfPupils(
  req: PayloadRequest,
  pupils: ReadonlyArray<Student>,
): Promise<Map<string, PupilClassYear[]>> {
  const found = new Map<string, Map<string, Id>>(
    pupils.map((pupil) => [String(pupil.id), new Map()]),
  )
  const byStudent = { student: { in: pupils.map((pupil) => pupil.id) } }
  const collections = ['year-end-results', 'trait-assessments', 'assessments'] as const
  for (const collection of collections) {
    const { docs } = await req.payload.find({
      collection,
      where: byStudent,
      select: { student: true, class: true, schoolYear: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) {
      const years = found.get(String(idOf(doc.student as Id | Student | null)))
      const classId = idOf(doc.class as Id | Group | null)
      if (years && classId !== null && !years.has(doc.schoolYear))
        years.set(doc.schoolYear, classId)
    }
  }
  const histories = new Map<string, PupilClassYear[]>()
  for (const pupil of pupils) {
    const years = found.get(String(pupil.id))!
    const current = await classById(req, pupil.class)
    // The current class counts for its year until the year is final: a final (approved) year
    // is its locked records' (issue 12.1), and a pupil put in its class since has none there.
    if (
      current?.schoolYear &&
      !years.has(current.schoolYear) &&
      !(await approvalOf(req, current.id, current.schoolYear))
    ) {
      years.set(current.schoolYear, current.id)
    }
    histories.set(
      String(pupil.id),
      [...years]
        .map(([schoolYear, classId]) => ({ schoolYear, classId }))
        .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)),
    )
  }
  return histories
}

/** The school's name and codes (the school profile is public): once per request. */
export function schoolOf(req: PayloadRequest): Promise<TranscriptSchool> {
  return oncePerRequest(req, 'transcript:school', async () => {
    const profile = await req.payload.findGlobal({
      slug: 'school-profile',
      depth: 0,
      overrideAccess: true,
      req,
    })
    return {
      name: profile.name,
      schoolCode: profile.schoolCode ?? null,
      commune: profile.commune ?? null,
      province: profile.province ?? null,
    }
  })
}

/** A staff member's name, as printed on the transcript (a teacher's name is no pupil data). */
function staffName(
  req: PayloadRequest,
  user: Id | User | null | undefined,
): Promise<string | null> {
  const id = idOf(user)
  if (id === null) return Promise.resolve(null)
  return oncePerRequest(req, `transcript:user:${id}`, async () => {
    const found = await req.payload.findByID({
      collection: 'users',
      id,
      depth: 0,
      select: { fullName: true },
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    return found?.fullName ?? null
  })
}

/** Who teaches each subject in the class that year (its teaching assignments), by subject code. */
function teachersOf(req: PayloadRequest, classId: Id, schoolYear: string) {
  return oncePerRequest(req, `transcript:teachers:${classId}:${schoolYear}`, async () => {
    const { docs } = await req.payload.find({
      collection: 'teaching-assignments',
      where: { and: [{ class: { equals: classId } }, { schoolYear: { equals: schoolYear } }] },
      limit: 0,
      pagination: false,
      ...asUser(req),
    })
    const names = new Map<string, string>()
    for (const assignment of docs) {
      const name = await staffName(req, assignment.teacher)
      if (name && !names.has(assignment.subject)) names.set(assignment.subject, name)
    }
    return names
  })
}

/**
 * The class's signing steps of the year (học bạ số) that still cover its data: the latest
 * round's, unless the data changed after them (a correction of the approved year), when the
 * transcript prints blank signature lines until the class is confirmed and signed again.
 */
function signingsOf(req: PayloadRequest, classId: Id, schoolYear: string) {
  return oncePerRequest(req, `transcript:signing:${classId}:${schoolYear}`, async () => {
    const steps: TranscriptYear['signatures'] = {}
    const schoolClass = await classById(req, classId)
    if (!schoolClass) return steps
    const status = await signingStatus(req, schoolClass, schoolYear)
    if (status.state === 'changed') return steps
    for (const record of status.steps) {
      const signing: TranscriptSigning = {
        step: record.step,
        signerName: record.by.name,
        at: record.at,
        certificateSubject: record.certificateSubject,
      }
      steps[record.step] = signing
    }
    return steps
  })
}

function approvalOf(req: PayloadRequest, classId: Id, schoolYear: string) {
  return oncePerRequest(req, `transcript:approved:${classId}:${schoolYear}`, () =>
    yearApproved(req, classId as Group['id'], schoolYear),
  )
}

/**
 * Days absent of the pupil in the year. Given the class's pupils (a class file), the whole class
 * is counted in one pass and kept for the request: a map of numbers, not pages.
 */
async function absencesOf(
  req: PayloadRequest,
  pupilId: Id,
  year: PupilClassYear,
  classmates?: ReadonlyArray<Id>,
) {
  const totals = classmates
    ? await oncePerRequest(req, `transcript:attendance:${year.classId}:${year.schoolYear}`, () =>
        attendanceTotalsOf(req, classmates, year.schoolYear),
      )
    : await attendanceTotalsOf(req, [pupilId], year.schoolYear)
  const pupil = totals.get(String(pupilId))
  return {
    excused: pupil?.year.excusedDays ?? 0,
    unexcused: pupil?.year.unexcusedDays ?? 0,
  }
}

/** Whether the class's year is final (approved) and who signed as the principal, if anyone. */
export async function classYearSigning(req: PayloadRequest, classId: Id, schoolYear: string) {
  const [final, steps] = await Promise.all([
    approvalOf(req, classId, schoolYear),
    signingsOf(req, classId, schoolYear),
  ])
  return { final, principal: steps.principal ?? null }
}

/** What the year's page prints of one pupil's records, as the user reads them. */
interface PupilRecords {
  entries: Array<Pick<Assessment, 'subject' | 'level' | 'score' | 'comment'>>
  sheet: TraitAssessment | null
  record: YearEndResult | null
  checkup: Pick<HealthCheckup, 'date' | 'heightCm' | 'weightKg'> | null
}

/**
 * The year's end entries, trait sheet, year-end record and check-ups of the pupils asked for, in
 * one query per collection, grouped by pupil.
 */
async function recordsOfPupils(
  req: PayloadRequest,
  pupils: ReadonlyArray<Id>,
  schoolYear: string,
): Promise<Map<string, PupilRecords>> {
  const ofYear: Where[] = [{ student: { in: pupils } }, { schoolYear: { equals: schoolYear } }]
  const many = { limit: 0, pagination: false, ...asUser(req) } as const
  const [entries, sheets, records, checkups] = await Promise.all([
    req.payload.find({
      collection: 'assessments',
      where: { and: [...ofYear, { period: { equals: 'end' } }] },
      select: { student: true, subject: true, level: true, score: true, comment: true },
      ...many,
    }),
    req.payload.find({
      collection: 'trait-assessments',
      where: { and: [...ofYear, { period: { equals: 'end' } }] },
      ...many,
    }),
    req.payload.find({ collection: 'year-end-results', where: { and: ofYear }, ...many }),
    req.payload.find({
      collection: 'health-checkups',
      where: { student: { in: pupils } },
      select: { student: true, date: true, heightCm: true, weightKg: true },
      sort: '-date',
      ...many,
    }),
  ])
  const byPupil = new Map<string, PupilRecords>(
    pupils.map((id) => [String(id), { entries: [], sheet: null, record: null, checkup: null }]),
  )
  const of = (student: Id | { id: Id } | null | undefined) => byPupil.get(String(idOf(student)))
  for (const entry of entries.docs) of(entry.student)?.entries.push(entry)
  for (const sheet of sheets.docs) {
    const pupil = of(sheet.student)
    if (pupil) pupil.sheet = sheet
  }
  for (const record of records.docs) {
    const pupil = of(record.student)
    if (pupil) pupil.record = record
  }
  // The year's last check-up (sorted newest first).
  for (const checkup of checkups.docs) {
    const pupil = of(checkup.student)
    if (pupil && !pupil.checkup && schoolYearOf(new Date(checkup.date)) === schoolYear) {
      pupil.checkup = checkup
    }
  }
  return byPupil
}

/** One pupil's records of the year; for a class file, the class's are read once and kept. */
async function pupilRecords(
  req: PayloadRequest,
  pupilId: Id,
  year: PupilClassYear,
  classmates?: ReadonlyArray<Id>,
): Promise<PupilRecords> {
  const records = classmates
    ? await oncePerRequest(req, `transcript:records:${year.classId}:${year.schoolYear}`, () =>
        recordsOfPupils(req, classmates, year.schoolYear),
      )
    : await recordsOfPupils(req, [pupilId], year.schoolYear)
  return records.get(String(pupilId)) ?? { entries: [], sheet: null, record: null, checkup: null }
}

const TRAIT_LEVELS: ReadonlySet<string> = new Set(QUALITY_LEVELS)

/** One school year's page of the pupil's transcript. */
export async function transcriptYear(
  req: PayloadRequest,
  pupil: Student,
  year: PupilClassYear,
  classmates?: ReadonlyArray<Id>,
): Promise<TranscriptYear> {
  const { schoolYear, classId } = year
  const schoolClass = await classById(req, classId)
  const grade = schoolClass?.grade ?? 0
  const [subjects, teachers, signatures, final, absences, records] = await Promise.all([
    allSubjects(req),
    teachersOf(req, classId, schoolYear),
    signingsOf(req, classId, schoolYear),
    approvalOf(req, classId, schoolYear),
    absencesOf(req, pupil.id, year, classmates),
    pupilRecords(req, pupil.id, year, classmates),
  ])
  const { checkup, sheet, record } = records
  const entryOf = new Map(records.entries.map((entry) => [entry.subject, entry]))
  // Compulsory subjects of the grade, and the electives the pupil has entries in; in the
  // programme's order (the subjects are sorted by it).
  const taken = subjects.filter((subject) => {
    const taught = taughtInGrade(subject, grade)
    return taught === 'compulsory' || (taught === 'elective' && entryOf.has(subject.code))
  })
  const subjectRows = taken.map((subject) => {
    const entry = entryOf.get(subject.code)
    const tested = isTested(subject, grade, 'end')
    return {
      code: subject.code,
      name: subject.name,
      level: (entry?.level ?? null) as SubjectLevel | null,
      tested,
      score: tested ? (entry?.score ?? null) : null,
      comment: entry?.comment?.trim() || null,
      teacher: teachers.get(subject.code) ?? null,
    }
  })

  const levels: Partial<Record<TraitCode, QualityLevel>> = {}
  for (const row of sheet?.traits ?? []) {
    if (TRAIT_LEVELS.has(row.level)) levels[row.trait] = row.level as QualityLevel
  }
  const rated = new Set(traitsOfGrade(grade))
  const traitRows = (codes: readonly TraitCode[]): TranscriptTrait[] =>
    codes
      .filter((code) => rated.has(code))
      .map((code) => ({ code, name: TRAIT_LABELS[code], level: levels[code] ?? null }))

  // Once approved the stored result is the locked one; before, the page shows what the entries
  // give now (a draft).
  const computed = yearEndResult({
    grade,
    subjects: subjectRows.map(({ code, name, tested }) => ({ code, name, tested })),
    entries: subjectRows.map((row) => ({ subject: row.code, level: row.level, score: row.score })),
    traits: levels,
  })
  const result = record?.result ?? (final ? null : computed.result)
  const resultReasons = record?.result ? reasonsOf(record.resultReasons) : computed.reasons

  return {
    schoolYear,
    class: { id: classId, name: schoolClass?.name ?? '', grade },
    homeroomTeacher: await staffName(req, schoolClass?.homeroomTeacher),
    heightCm: checkup?.heightCm ?? null,
    weightKg: checkup?.weightKg ?? null,
    checkedOn: checkup?.date ?? null,
    daysAbsentExcused: absences.excused,
    daysAbsentUnexcused: absences.unexcused,
    subjects: subjectRows,
    qualities: traitRows(QUALITY_CODES),
    generalCompetencies: traitRows(GENERAL_COMPETENCY_CODES),
    specificCompetencies: traitRows(SPECIFIC_COMPETENCY_CODES),
    qualitiesComment: sheet?.qualitiesComment?.trim() || null,
    competenciesComment: sheet?.competenciesComment?.trim() || null,
    result,
    resultReasons: result ? resultReasons : [],
    comment: record?.comment?.trim() || null,
    awards: record ? awardsOf(record) : [],
    completion: completionOf(grade, result, record ?? {}),
    final,
    signatures,
  }
}

function personalPage(pupil: Student): TranscriptPupil {
  const guardians = pupil.guardians ?? []
  const person = (relationship: string) => {
    const found = guardians.find((guardian) => guardian.relationship === relationship)
    return found ? { name: found.name, occupation: found.occupation ?? null } : null
  }
  const other = guardians.find(
    (guardian) => guardian.relationship !== 'father' && guardian.relationship !== 'mother',
  )
  return {
    id: pupil.id,
    fullName: pupil.fullName,
    studentCode: pupil.studentCode,
    gender: pupil.gender ?? null,
    dateOfBirth: pupil.dateOfBirth ?? null,
    ethnicity: pupil.ethnicity ?? null,
    nationality: pupil.nationality ?? null,
    placeOfBirth: pupil.placeOfBirth ?? null,
    homeTown: pupil.homeTown ?? null,
    currentAddress: pupil.currentAddress ?? pupil.permanentAddress ?? null,
    registerNumber: pupil.registerNumber ?? null,
    father: person('father'),
    mother: person('mother'),
    guardian: other ? { name: other.name, occupation: other.occupation ?? null } : null,
  }
}

/** "Quá trình học tập": every year here, with the day the pupil transferred in, if they did. */
async function enrolmentsOf(
  req: PayloadRequest,
  pupil: Student,
  years: PupilClassYear[],
  school: TranscriptSchool,
): Promise<TranscriptEnrolment[]> {
  const arrivals = (pupil.enrollmentEvents ?? []).filter((event) => event.kind === 'transfer_in')
  const rows: TranscriptEnrolment[] = []
  for (const year of years) {
    const schoolClass = await classById(req, year.classId)
    const arrival = arrivals.find((event) => schoolYearOf(new Date(event.date)) === year.schoolYear)
    rows.push({
      schoolYear: year.schoolYear,
      className: schoolClass?.name ?? '',
      school: school.name,
      registerNumber: pupil.registerNumber ?? null,
      enteredOn: arrival?.date ?? null,
      cameFrom: arrival?.school ?? null,
    })
  }
  return rows
}

/**
 * The pupil's transcript: the personal pages, "Quá trình học tập" over every year of `history`,
 * and the pages of the years in `pages` (each already authorized by the caller).
 */
export async function readTranscript(
  req: PayloadRequest,
  pupil: Student,
  history: PupilClassYear[],
  pages: PupilClassYear[],
  classmates?: ReadonlyArray<Id>,
): Promise<Transcript> {
  const school = await schoolOf(req)
  const years: TranscriptYear[] = []
  for (const year of pages) years.push(await transcriptYear(req, pupil, year, classmates))
  return {
    school,
    pupil: personalPage(pupil),
    enrolments: await enrolmentsOf(req, pupil, history, school),
    years,
  }
}
