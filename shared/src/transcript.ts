/**
 * A pupil's transcript (học bạ, TT27 Phụ lục 1) as the CMS reads it from the records and the PDF
 * prints it: the cover and personal page, the "Quá trình học tập" table and one page per school
 * year. Pure: no Payload, so the layout and its tests share one shape.
 */
import type { QualityLevel, SubjectLevel, TraitCode, YearResult } from './assessment'
import type { TranscriptSigningStep } from './documents'

export interface TranscriptSchool {
  name: string
  schoolCode: string | null
  commune: string | null
  province: string | null
}

export interface TranscriptPupil {
  id: number | string
  fullName: string
  studentCode: string
  gender: 'male' | 'female' | null
  /** ISO date. */
  dateOfBirth: string | null
  ethnicity: string | null
  nationality: string | null
  placeOfBirth: string | null
  homeTown: string | null
  currentAddress: string | null
  registerNumber: string | null
  father: { name: string; occupation: string | null } | null
  mother: { name: string; occupation: string | null } | null
  /** A guardian who is neither parent (grandparent, sibling, other). */
  guardian: { name: string; occupation: string | null } | null
}

/** One row of "Quá trình học tập". */
export interface TranscriptEnrolment {
  schoolYear: string
  className: string
  school: string
  registerNumber: string | null
  /** ISO date the pupil transferred in that year, when they did. */
  enteredOn: string | null
  /** The school they came from, when they transferred in. */
  cameFrom: string | null
}

export interface TranscriptSubject {
  code: string
  name: string
  level: SubjectLevel | null
  /** Whether the grade has an end-of-year test in this subject (TT27 Điều 7.2). */
  tested: boolean
  score: number | null
  comment: string | null
  teacher: string | null
}

export interface TranscriptTrait {
  code: TraitCode
  name: string
  level: QualityLevel | null
}

export interface TranscriptSigning {
  step: TranscriptSigningStep
  signerName: string
  /** ISO date-time. */
  at: string
  certificateSubject: string | null
}

export interface TranscriptYear {
  schoolYear: string
  class: { id: number | string; name: string; grade: number }
  homeroomTeacher: string | null
  heightCm: number | null
  weightKg: number | null
  /** The day of the year's last check-up the height and weight come from. */
  checkedOn: string | null
  daysAbsentExcused: number
  daysAbsentUnexcused: number
  subjects: TranscriptSubject[]
  qualities: TranscriptTrait[]
  generalCompetencies: TranscriptTrait[]
  specificCompetencies: TranscriptTrait[]
  qualitiesComment: string | null
  competenciesComment: string | null
  /** The stored result once approved; before, computed from the entries (null while incomplete). */
  result: YearResult | null
  resultReasons: string[]
  /** The homeroom teacher's year-end comment. */
  comment: string | null
  awards: string[]
  /** Line (6): "Hoàn thành chương trình lớp học" (grade 5: "… tiểu học") or why not. */
  completion: string | null
  /** The principal approved the year: the data are locked, the page is no draft. */
  final: boolean
  signatures: Partial<Record<TranscriptSigningStep, TranscriptSigning>>
}

export interface Transcript {
  school: TranscriptSchool
  pupil: TranscriptPupil
  enrolments: TranscriptEnrolment[]
  years: TranscriptYear[]
}

export const TRANSCRIPT_DRAFT_MARK = 'Bản nháp'

export const AWARD_LABELS = {
  excellent: 'Học sinh Xuất sắc',
  outstanding: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
} as const

/** Line (5): the principal's award of the year (Điều 15), with the teacher's note. */
export function awardsOf(record: {
  award?: keyof typeof AWARD_LABELS | null
  awardNote?: string | null
}): string[] {
  if (!record.award) return []
  const note = record.awardNote?.trim()
  return [note ? `${AWARD_LABELS[record.award]} (${note})` : AWARD_LABELS[record.award]]
}

/**
 * Line (6) (TT27 Điều 12, 13; ASSESSMENT.md "Awards, promotion, completion"): HTXS, HTT or HT
 * completes the grade (grade 5: the primary programme); a CHT pupil completes it only by passing
 * the supplementary assessment; otherwise the principal decides promotion or retention. Null
 * while there is no result yet.
 */
export function completionOf(
  grade: number,
  result: YearResult | null,
  record: {
    supplementary?: { passed?: boolean | null; date?: string | null } | null
    principalDecision?: 'promote' | 'retain' | null
  } = {},
): string | null {
  const completed =
    grade >= 5 ? 'Hoàn thành chương trình tiểu học' : 'Hoàn thành chương trình lớp học'
  const notCompleted =
    grade >= 5 ? 'Chưa hoàn thành chương trình tiểu học' : 'Chưa hoàn thành chương trình lớp học'
  if (!result) return null
  if (result !== 'CHT') return completed
  if (record.supplementary?.passed) return `${completed} (sau đánh giá bổ sung)`
  if (record.principalDecision === 'promote') {
    return `${notCompleted}; được lên lớp theo quyết định của Hiệu trưởng`
  }
  if (record.principalDecision === 'retain') return `${notCompleted}; ở lại lớp`
  return `${notCompleted}; rèn luyện trong hè, chờ đánh giá bổ sung`
}

/** The reasons stored beside a result (JSON in the database): only its strings. */
export function reasonsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}
