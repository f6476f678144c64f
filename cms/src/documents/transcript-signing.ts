/**
 * Học bạ số (Công văn 119/BGDĐT-GDTH; TT27 Điều 13): a class's transcripts of a year are
 * confirmed by its homeroom teacher, then signed by the principal, for the whole class at once.
 *
 * Each step records a SHA-256 of the class's year-end data as the step saw it (the entries the
 * transcript is made from). When the principal later corrects an approved year (a correction
 * request, Điều 12.2), the signed transcripts no longer match the records: the steps stay as
 * they were (what was signed, by whom, when), the status says the data changed since, and a new
 * round opens — the homeroom teacher confirms the corrected data, then the principal signs it.
 * The transcript printed is the latest round's, and it is final only while its fingerprint
 * still matches the records (`signingStatus(...).state === 'signed'`).
 */
import { createHash } from 'node:crypto'

import { schoolYearOf, type TranscriptSigningStep } from '@school/shared'
import type { PayloadRequest, Where } from 'payload'

import { isAllowed } from '../access/authorize'
import { documentPolicy } from '../access/policy'
import { yearApproved } from '../assessment/locks'
import { idOf } from '../lib/ids'
import type { Message } from '../lib/messages'
import type { Group, TranscriptSignature, User } from '../payload-types'
import { allAsUser } from '../lib/as-user'

export interface SigningStepRecord {
  step: TranscriptSigningStep
  round: number
  by: { id: number | null; name: string }
  at: string
  certificateSubject: string | null
  /** Whether the class's data is still what this step confirmed or signed. */
  current: boolean
}

/**
 * `unsigned`: nothing yet · `confirmed`: the homeroom teacher confirmed, the principal has not
 * signed · `signed`: signed and the data unchanged since · `changed`: the data changed after
 * the latest step; the steps must be taken again (a new round).
 */
export type SigningState = 'unsigned' | 'confirmed' | 'signed' | 'changed'

export interface PendingPupil {
  id: number
  fullName: string
  /** Why the pupil's transcript cannot be signed yet. */
  reason: string
}

export interface SigningStatus {
  class: { id: number; name: string }
  schoolYear: string
  yearApproved: boolean
  state: SigningState
  /** The latest round's steps (the ones a printed transcript shows). */
  steps: SigningStepRecord[]
  /** Earlier rounds, kept: what was signed before a correction. */
  earlier: SigningStepRecord[]
  round: number
  /** The step that comes next, whoever takes it; null once signed and unchanged. */
  next: { step: TranscriptSigningStep; round: number } | null
  /** CHT pupils whose transcript waits for the supplementary assessment (TT27 Điều 12.2). */
  pendingPupils: PendingPupil[]
  /** Whether this user may take the next step now, and if not why (Vietnamese). */
  may: Record<TranscriptSigningStep, boolean>
  why: string | null
}

const STEP_RULES = {
  homeroom: documentPolicy.confirmTranscripts,
  principal: documentPolicy.signTranscripts,
} as const

export const STEP_REFUSALS: Record<TranscriptSigningStep, Message> = {
  homeroom: {
    vi: 'Chỉ giáo viên chủ nhiệm của lớp xác nhận học bạ của lớp.',
    en: "Only the class's homeroom teacher confirms its transcripts.",
  },
  principal: {
    vi: 'Chỉ Hiệu trưởng ký học bạ.',
    en: 'Only the principal signs transcripts.',
  },
}

/**
 * A SHA-256 of what the class's transcripts of the year print from the records: each pupil's
 * end-of-year subject levels, scores and comments, qualities and competencies, year-end
 * record (result, reasons, awards, promotion, supplementary assessment, principal's decision),
 * and the year's check-ups (the page prints the last one's height and weight). Read as the
 * user: the caller has checked that the user makes this class's transcripts, who read all of
 * these; the check-ups see `yearCheckups`.
 */
export async function classDataFingerprint(
  req: PayloadRequest,
  classId: Group['id'],
  schoolYear: string,
): Promise<string> {
  const ofClass: Where[] = [{ class: { equals: classId } }, { schoolYear: { equals: schoolYear } }]
  const atYearEnd: Where = { and: [...ofClass, { period: { equals: 'end' } }] }
  const [assessments, traits, years] = await Promise.all([
    req.payload.find({ collection: 'assessments', where: atYearEnd, ...allAsUser(req) }),
    req.payload.find({ collection: 'trait-assessments', where: atYearEnd, ...allAsUser(req) }),
    req.payload.find({
      collection: 'year-end-results',
      where: { and: ofClass },
      ...allAsUser(req),
    }),
  ])
  const pupils = new Set<number | string>()
  for (const doc of [...assessments.docs, ...traits.docs, ...years.docs]) {
    const pupil = idOf(doc.student)
    if (pupil !== null) pupils.add(pupil)
  }
  const canonical = {
    assessments: assessments.docs
      .map((entry) => [
        idOf(entry.student),
        entry.subject,
        entry.level ?? null,
        entry.score ?? null,
        entry.comment ?? null,
      ])
      .sort(byKey),
    traits: traits.docs
      .map((sheet) => [
        idOf(sheet.student),
        (sheet.traits ?? [])
          .map((row) => [row.trait, row.level ?? null])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        sheet.qualitiesComment ?? null,
        sheet.competenciesComment ?? null,
      ])
      .sort(byKey),
    years: years.docs
      .map((year) => [
        idOf(year.student),
        year.result ?? null,
        year.resultReasons ?? null,
        year.comment ?? null,
        year.award ?? null,
        year.awardNote ?? null,
        year.promotion ?? null,
        year.supplementary?.date ?? null,
        year.supplementary?.passed ?? null,
        year.supplementary?.comment ?? null,
        year.principalDecision ?? null,
      ])
      .sort(byKey),
    checkups: await yearCheckups(req, [...pupils], schoolYear),
  }
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

/**
 * The pupils' check-ups dated in the school year, as [pupil, date, height, weight], in a fixed
 * order: the nurse keeps check-ups past the year's approval, so one added or changed after the
 * signing must reopen it like any correction (it changes the printed page). Read past access:
 * the fingerprint must be the same whoever computes it (the principal signing, a past class's
 * homeroom teacher printing, the archive's check), and only its hash leaves this function.
 */
async function yearCheckups(
  req: PayloadRequest,
  pupils: ReadonlyArray<number | string>,
  schoolYear: string,
): Promise<unknown[][]> {
  if (pupils.length === 0) return []
  const { docs } = await req.payload.find({
    collection: 'health-checkups',
    where: { student: { in: pupils } },
    select: { student: true, date: true, heightCm: true, weightKg: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
    .filter((checkup) => schoolYearOf(new Date(checkup.date)) === schoolYear)
    .map((checkup) => [
      idOf(checkup.student),
      checkup.date,
      checkup.heightCm ?? null,
      checkup.weightKg ?? null,
    ])
    .sort((a, b) => byKey(a, b) || String(a[2]).localeCompare(String(b[2])))
}

function byKey(a: unknown[], b: unknown[]): number {
  const left = `${String(a[0])}\u0000${String(a[1])}`
  const right = `${String(b[0])}\u0000${String(b[1])}`
  return left < right ? -1 : left > right ? 1 : 0
}

/**
 * CHT pupils of the class whose transcript is signed only after the supplementary assessment
 * (ASSESSMENT.md; TT27 Điều 12.2): not yet re-assessed, or re-assessed without passing and
 * still waiting for the principal's decision on promotion.
 */
export async function pupilsAwaitingSupplementary(
  req: PayloadRequest,
  classId: Group['id'],
  schoolYear: string,
): Promise<PendingPupil[]> {
  const { docs } = await req.payload.find({
    collection: 'year-end-results',
    where: {
      and: [
        { class: { equals: classId } },
        { schoolYear: { equals: schoolYear } },
        { result: { equals: 'CHT' } },
      ],
    },
    ...allAsUser(req),
  })
  const waiting = docs.flatMap((year) => {
    const student = idOf(year.student)
    if (student === null) return []
    if (!year.supplementary?.date) {
      return [{ id: student, reason: 'chưa có kết quả đánh giá bổ sung' }]
    }
    if (year.supplementary.passed !== true && !year.principalDecision) {
      return [{ id: student, reason: 'chưa có quyết định của Hiệu trưởng sau đánh giá bổ sung' }]
    }
    return []
  })
  if (waiting.length === 0) return []
  // Only the pupils' names: whoever makes the class's transcripts sees who is in it (a pupil
  // of last year's class may since be in another class, whose record this user does not keep).
  const { docs: pupils } = await req.payload.find({
    collection: 'students',
    where: { id: { in: waiting.map((pupil) => pupil.id) } },
    select: { fullName: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const nameOf = new Map(pupils.map((pupil) => [String(pupil.id), pupil.fullName]))
  return waiting.map((pupil) => ({ ...pupil, fullName: nameOf.get(String(pupil.id)) ?? '' }))
}

function recordOf(doc: TranscriptSignature, fingerprint: string): SigningStepRecord {
  return {
    step: doc.step,
    round: doc.round ?? 1,
    by: { id: idOf(doc.by as User['id'] | User), name: doc.signerName },
    at: doc.createdAt,
    certificateSubject: doc.certificateSubject ?? null,
    current: doc.fingerprint === fingerprint,
  }
}

/**
 * Where the class's signing stands, what comes next and whether this user may take it. The
 * caller has checked `documentPolicy.transcripts` (or the step's own rule).
 */
export async function signingStatus(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
): Promise<SigningStatus & { fingerprint: string }> {
  const [approved, fingerprint, pendingPupils, stored, ...allowed] = await Promise.all([
    yearApproved(req, schoolClass.id, schoolYear),
    classDataFingerprint(req, schoolClass.id, schoolYear),
    pupilsAwaitingSupplementary(req, schoolClass.id, schoolYear),
    req.payload.find({
      collection: 'transcript-signatures',
      where: {
        and: [{ class: { equals: schoolClass.id } }, { schoolYear: { equals: schoolYear } }],
      },
      sort: 'createdAt',
      ...allAsUser(req),
    }),
    ...(['homeroom', 'principal'] as const).map((step) =>
      isAllowed(req, STEP_RULES[step], { record: { class: schoolClass.id, schoolYear } }),
    ),
  ])
  const records = stored.docs.map((doc) => recordOf(doc, fingerprint))
  const round = records.reduce((highest, record) => Math.max(highest, record.round), 0)
  const steps = records.filter((record) => record.round === round)
  const earlier = records.filter((record) => record.round !== round)
  const confirmed = steps.find((record) => record.step === 'homeroom')
  const signed = steps.find((record) => record.step === 'principal')

  let state: SigningState
  let next: SigningStatus['next']
  if (round === 0) {
    state = 'unsigned'
    next = { step: 'homeroom', round: 1 }
  } else if (!confirmed?.current || (signed && !signed.current)) {
    state = 'changed'
    next = { step: 'homeroom', round: round + 1 }
  } else if (!signed) {
    state = 'confirmed'
    next = { step: 'principal', round }
  } else {
    state = 'signed'
    next = null
  }

  let why: string | null = null
  if (!approved) {
    why = 'Hiệu trưởng chưa phê duyệt kết quả năm học của lớp: chưa thể xác nhận hay ký học bạ.'
  } else if (pendingPupils.length > 0) {
    why =
      'Học bạ của học sinh chưa hoàn thành được ký sau khi có kết quả đánh giá bổ sung: ' +
      pendingPupils.map((pupil) => `${pupil.fullName} (${pupil.reason})`).join('; ') +
      '.'
  } else if (next === null) {
    why = 'Học bạ của lớp đã được xác nhận và ký.'
  }
  const [mayConfirm, maySign] = allowed
  const open = why === null && next !== null
  return {
    class: { id: schoolClass.id, name: schoolClass.name },
    schoolYear,
    yearApproved: approved,
    state,
    steps,
    earlier,
    round,
    next,
    pendingPupils,
    may: {
      homeroom: open && next?.step === 'homeroom' && mayConfirm,
      principal: open && next?.step === 'principal' && maySign,
    },
    why,
    fingerprint,
  }
}
