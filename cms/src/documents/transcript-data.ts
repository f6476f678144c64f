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
  TRANSCRIPT_SIGNING_STEPS,
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
import type { Group, Student, User } from '../payload-types'

type Id = number | string

/** A year of the pupil's schooling here: the class they were in and its school year. */
export interface PupilClassYear {
  schoolYear: string
  classId: Id
}

const asUser = (req: PayloadRequest) =>
  ({ overrideAccess: false, user: req.user, req, depth: 0 }) as const

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
  const found = new Map<string, Id>()
  const byStudent = { student: { equals: pupil.id } }
  const collections = ['year-end-results', 'trait-assessments', 'assessments'] as const
  for (const collection of collections) {
    const { docs } = await req.payload.find({
      collection,
      where: byStudent,
      select: { class: true, schoolYear: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) {
      const classId = idOf(doc.class as Id | Group | null)
      if (classId !== null && !found.has(doc.schoolYear)) found.set(doc.schoolYear, classId)
    }
  }
  const current = await classById(req, pupil.class)
  if (current?.schoolYear && !found.has(current.schoolYear)) {
    found.set(current.schoolYear, current.id)
  }
  return [...found]
    .map(([schoolYear, classId]) => ({ schoolYear, classId }))
    .sort((a, b) => a.schoolYear.localeCompare(b.schoolYear))
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

/** The class's signing steps of the year (học bạ số), as the user may read them. */
function signingsOf(req: PayloadRequest, classId: Id, schoolYear: string) {
  return oncePerRequest(req, `transcript:signing:${classId}:${schoolYear}`, async () => {
    const { docs } = await req.payload.find({
      collection: 'transcript-signatures',
      where: { and: [{ class: { equals: classId } }, { schoolYear: { equals: schoolYear } }] },
      limit: 0,
      pagination: false,
      sort: 'createdAt',
      ...asUser(req),
    })
    const steps: TranscriptYear['signatures'] = {}
    for (const doc of docs) {
      if (!TRANSCRIPT_SIGNING_STEPS.includes(doc.step)) continue
      const signing: TranscriptSigning = {
        step: doc.step,
        signerName: doc.signerName,
        at: doc.createdAt,
        certificateSubject: doc.certificateSubject ?? null,
      }
      steps[doc.step] = signing
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

/** The height and weight of the year's last check-up. */
async function lastCheckupOf(req: PayloadRequest, pupilId: Id, schoolYear: string) {
  const { docs } = await req.payload.find({
    collection: 'health-checkups',
    where: { student: { equals: pupilId } },
    select: { date: true, heightCm: true, weightKg: true },
    sort: '-date',
    limit: 0,
    pagination: false,
    ...asUser(req),
  })
  return docs.find((checkup) => schoolYearOf(new Date(checkup.date)) === schoolYear) ?? null
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
  const ofPupilYear: { and: Where[] } = {
    and: [{ student: { equals: pupil.id } }, { schoolYear: { equals: schoolYear } }],
  }
  const [subjects, teachers, signatures, final, absences, checkup, entries, sheets, records] =
    await Promise.all([
      allSubjects(req),
      teachersOf(req, classId, schoolYear),
      signingsOf(req, classId, schoolYear),
      approvalOf(req, classId, schoolYear),
      absencesOf(req, pupil.id, year, classmates),
      lastCheckupOf(req, pupil.id, schoolYear),
      req.payload.find({
        collection: 'assessments',
        where: { and: [...ofPupilYear.and, { period: { equals: 'end' } }] },
        select: { subject: true, level: true, score: true, comment: true },
        limit: 0,
        pagination: false,
        ...asUser(req),
      }),
      req.payload.find({
        collection: 'trait-assessments',
        where: { and: [...ofPupilYear.and, { period: { equals: 'end' } }] },
        limit: 1,
        ...asUser(req),
      }),
      req.payload.find({
        collection: 'year-end-results',
        where: ofPupilYear,
        limit: 1,
        ...asUser(req),
      }),
    ])
  const entryOf = new Map(entries.docs.map((entry) => [entry.subject, entry]))
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

  const sheet = sheets.docs[0]
  const levels: Partial<Record<TraitCode, QualityLevel>> = {}
  for (const row of sheet?.traits ?? []) {
    if (TRAIT_LEVELS.has(row.level)) levels[row.trait] = row.level as QualityLevel
  }
  const rated = new Set(traitsOfGrade(grade))
  const traitRows = (codes: readonly TraitCode[]): TranscriptTrait[] =>
    codes
      .filter((code) => rated.has(code))
      .map((code) => ({ code, name: TRAIT_LABELS[code], level: levels[code] ?? null }))

  const record = records.docs[0]
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
