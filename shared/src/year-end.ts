/**
 * The year-end overall result of a pupil (TT27 Điều 9.2),
 * with the reasons a parent reads beside it and, while entries are missing, the list the
 * principal's approval refuses with. Pure: the CMS, the site and the PDFs compute it the same way.
 */
import {
  PROGRAMME_SUBJECTS,
  QUALITY_CODES,
  QUALITY_LEVEL_LABELS,
  SUBJECT_LEVEL_LABELS,
  TRAIT_LABELS,
  YEAR_RESULTS,
  traitsOfGrade,
  type QualityLevel,
  type SubjectLevel,
  type TraitCode,
  type YearResult,
} from './assessment'

/** A subject or activity the pupil must be assessed in at the end of the year. */
export interface YearEndSubjectRequirement {
  code: string
  name: string
  /** Whether the subject carries an end-of-year test for the pupil's grade (TT27 Điều 7.2). */
  tested: boolean
}

/** The pupil's `end` entry of one subject; `score` is the last test attempt. */
export interface YearEndSubjectEntry {
  subject: string
  name?: string
  level: SubjectLevel | null
  score?: number | null
}

export interface YearEndInput {
  grade: number
  /** Compulsory subjects of the grade plus the electives the pupil takes, in transcript order. */
  subjects: YearEndSubjectRequirement[]
  entries: YearEndSubjectEntry[]
  /** `end` levels of the qualities and competencies; `traitsOfGrade(grade)` are required. */
  traits: Partial<Record<TraitCode, QualityLevel | null>>
}

export interface YearEndMissing {
  kind: 'subject' | 'score' | 'trait'
  code: string
  name: string
}

export interface YearEndOutcome {
  /** Null while any required entry is missing (see `missing`). */
  result: YearResult | null
  /** Why the pupil is not in the next higher category (Vietnamese); empty for HTXS. */
  reasons: string[]
  missing: YearEndMissing[]
}

/** The lowest end-of-year test score of each category (TT27 Điều 9.2a–c). */
export const YEAR_RESULT_MIN_SCORE: Record<Exclude<YearResult, 'CHT'>, number> = {
  HTXS: 9,
  HTT: 7,
  HT: 5,
}

/** TT27 Điều 9.2, one line per category, for the admin to show beside computed results. */
export const YEAR_RESULT_RULE_LINES: Record<YearResult, string> = {
  HTXS:
    'Hoàn thành xuất sắc (HTXS): mọi môn học, hoạt động giáo dục đạt mức Hoàn thành tốt; ' +
    'mọi phẩm chất, năng lực đạt mức Tốt; mọi bài kiểm tra định kì cuối năm đạt từ 9 điểm.',
  HTT:
    'Hoàn thành tốt (HTT): chưa đạt HTXS, nhưng mọi môn học, hoạt động giáo dục đạt mức ' +
    'Hoàn thành tốt; mọi phẩm chất, năng lực đạt mức Tốt; mọi bài kiểm tra định kì cuối năm ' +
    'đạt từ 7 điểm.',
  HT:
    'Hoàn thành (HT): chưa đạt HTXS, HTT, nhưng mọi môn học, hoạt động giáo dục đạt mức ' +
    'Hoàn thành tốt hoặc Hoàn thành; mọi phẩm chất, năng lực đạt mức Tốt hoặc Đạt; mọi bài ' +
    'kiểm tra định kì cuối năm đạt từ 5 điểm.',
  CHT: 'Chưa hoàn thành (CHT): học sinh không thuộc các mức trên.',
}
export const YEAR_RESULT_RULE_TEXT = YEAR_RESULTS.map(
  (result) => YEAR_RESULT_RULE_LINES[result],
).join('\n')

/**
 * The subjects a pupil of `grade` is assessed in at the end of the year: the compulsory ones and
 * the electives among `electives` (codes) the grade offers, in the transcript's order.
 */
export function yearEndSubjectsOfGrade(
  grade: number,
  electives: readonly string[] = [],
): YearEndSubjectRequirement[] {
  return PROGRAMME_SUBJECTS.filter(
    (subject) =>
      subject.grades.includes(grade) ||
      (subject.electiveGrades.includes(grade) && electives.includes(subject.code)),
  )
    .sort((a, b) => a.order - b.order)
    .map((subject) => ({
      code: subject.code,
      name: subject.name,
      tested: subject.tested[grade]?.includes('end') ?? false,
    }))
}

/** Tests are scored in whole numbers 1–10; anything else cannot be judged and counts as missing. */
function isValidScore(score: number | null | undefined): score is number {
  return typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 10
}

const QUALITY_SET: ReadonlySet<string> = new Set(QUALITY_CODES)

function traitName(code: TraitCode): string {
  return `${QUALITY_SET.has(code) ? 'phẩm chất' : 'năng lực'} ${TRAIT_LABELS[code]}`
}

/** What keeps the pupil below one category: each failed condition, worded for parents. */
interface Shortfall {
  /** The highest category this shortfall still allows. */
  allows: YearResult
  text: string
}

function subjectShortfall(name: string, level: SubjectLevel): Shortfall | null {
  if (level === 'C') return { allows: 'CHT', text: `${name}: ${SUBJECT_LEVEL_LABELS.C.vi}` }
  if (level === 'H') return { allows: 'HT', text: `${name}: H` }
  return null
}

function scoreShortfall(name: string, score: number): Shortfall | null {
  const needs = (min: number) => `điểm KTĐK ${name}: ${score} (cần ≥ ${min})`
  if (score < YEAR_RESULT_MIN_SCORE.HT)
    return { allows: 'CHT', text: needs(YEAR_RESULT_MIN_SCORE.HT) }
  if (score < YEAR_RESULT_MIN_SCORE.HTT)
    return { allows: 'HT', text: needs(YEAR_RESULT_MIN_SCORE.HTT) }
  if (score < YEAR_RESULT_MIN_SCORE.HTXS) {
    return { allows: 'HTT', text: needs(YEAR_RESULT_MIN_SCORE.HTXS) }
  }
  return null
}

function traitShortfall(code: TraitCode, level: QualityLevel): Shortfall | null {
  if (level === 'T') return null
  return {
    allows: level === 'C' ? 'CHT' : 'HT',
    text: `${traitName(code)}: ${QUALITY_LEVEL_LABELS[level].vi}`,
  }
}

/** Lower index = higher category. */
const rank = (result: YearResult) => YEAR_RESULTS.indexOf(result)

/**
 * TT27 Điều 9.2. The result is the highest category whose every condition holds; the reasons are
 * the shortfalls that keep the pupil out of the category just above it ("không đạt HTT vì …"),
 * or, for CHT, those that keep them below HT ("CHT vì …") — what the supplementary assessment
 * must make up.
 */
export function yearEndResult(input: YearEndInput): YearEndOutcome {
  const missing: YearEndMissing[] = []
  const shortfalls: Shortfall[] = []
  const entries = new Map(input.entries.map((entry) => [entry.subject, entry]))

  for (const subject of input.subjects) {
    const entry = entries.get(subject.code)
    const name = subject.name || entry?.name || subject.code
    if (!entry?.level) {
      missing.push({ kind: 'subject', code: subject.code, name })
    } else {
      const shortfall = subjectShortfall(name, entry.level)
      if (shortfall) shortfalls.push(shortfall)
    }
    // A score given for an untested subject is no end-of-year test: it does not count.
    if (!subject.tested) continue
    if (!isValidScore(entry?.score)) {
      missing.push({ kind: 'score', code: subject.code, name })
    } else {
      const shortfall = scoreShortfall(name, entry.score)
      if (shortfall) shortfalls.push(shortfall)
    }
  }

  for (const code of traitsOfGrade(input.grade)) {
    const level = input.traits[code]
    if (!level) {
      missing.push({ kind: 'trait', code, name: TRAIT_LABELS[code] })
    } else {
      const shortfall = traitShortfall(code, level)
      if (shortfall) shortfalls.push(shortfall)
    }
  }

  if (missing.length > 0) return { result: null, reasons: [], missing }

  const result = shortfalls.reduce<YearResult>(
    (lowest, shortfall) => (rank(shortfall.allows) > rank(lowest) ? shortfall.allows : lowest),
    'HTXS',
  )
  if (result === 'HTXS') return { result, reasons: [], missing }
  const blocking = shortfalls.filter((shortfall) => shortfall.allows === result)
  const prefix = result === 'CHT' ? 'CHT vì' : `không đạt ${YEAR_RESULTS[rank(result) - 1]} vì`
  return { result, reasons: blocking.map((shortfall) => `${prefix} ${shortfall.text}`), missing }
}
