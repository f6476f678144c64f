/**
 * Bảng tổng hợp kết quả đánh giá giáo dục (TT27 Điều 13; the school's regulation Điều 13.1): a
 * class's results at one checkpoint, one row per pupil, in one of nine layouts — the checkpoint's
 * kind (mid-term = `mid1` and `mid2`, end of term I = `end1`, end of year = `end`) × the grade
 * band (1–2, 3, 4–5). Pure: the PDF, the spreadsheet and the tests build the same columns.
 *
 * Columns, left to right: STT, Họ và tên, Ngày sinh; every subject and activity of the band in
 * the programme's order with its level ("Mức đạt được") and, where that checkpoint tests it in
 * that grade (TT27 Điều 7.2), its test score ("Điểm KTĐK"); the five qualities, the three
 * general and the band's specific competencies; at the end of the year the overall result
 * (Điều 9.2), the award (Điều 15), "Hoàn thành chương trình lớp học / tiểu học" and promotion.
 * Each column has a three-row heading (group, title, sub-title) and a flat name — the title, and
 * " - " and the sub-title when there is one — by which the spreadsheet is read, never by position.
 */
import {
  GENERAL_COMPETENCY_CODES,
  PERIOD_LABELS,
  PROGRAMME_SUBJECTS,
  QUALITY_CODES,
  QUALITY_LEVELS,
  SUBJECT_LEVELS,
  TRAIT_LABELS,
  YEAR_RESULTS,
  traitsOfGrade,
  type Period,
  type TraitCode,
} from './assessment'

export const SUMMARY_TITLE = 'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC'

/** The three kinds of checkpoint that have a layout of their own. */
export type CheckpointKind = 'mid' | 'end1' | 'end'
/** The grade bands of the Ministry's templates: their subjects and tests differ. */
export type GradeBand = '1-2' | '3' | '4-5'

export const CHECKPOINT_KINDS: readonly CheckpointKind[] = ['mid', 'end1', 'end']
export const GRADE_BANDS: readonly GradeBand[] = ['1-2', '3', '4-5']

export function checkpointKindOf(period: Period): CheckpointKind {
  return period === 'mid1' || period === 'mid2' ? 'mid' : period
}

export function gradeBandOf(grade: number): GradeBand {
  if (grade <= 2) return '1-2'
  return grade === 3 ? '3' : '4-5'
}

export type SummaryColumnKind =
  | 'number'
  | 'name'
  | 'birth'
  | 'level'
  | 'score'
  | 'trait'
  | 'result'
  | 'award'
  | 'completion'
  | 'promotion'

export interface SummaryColumn {
  /** Stable key: `level:toan`, `score:toan`, `trait:yeu-nuoc`, `result`… */
  key: string
  kind: SummaryColumnKind
  /** The subject's code (level and score columns) or the trait's (trait columns). */
  code?: string
  /** Top heading row (merged over neighbours that share it); empty for the pupil columns. */
  group: string
  /** Second heading row; spans the third when there is no sub-title. */
  title: string
  /** Third heading row: "Mức đạt được" / "Điểm KTĐK" under a subject. */
  subtitle?: string
  /** The flat header name the spreadsheet is read by. */
  name: string
  /** The values the totals rows count, in the order of those rows (none: no totals). */
  tally: readonly string[]
}

export interface SummaryLayout {
  kind: CheckpointKind
  band: GradeBand
  period: Period
  grade: number
  columns: SummaryColumn[]
}

export const HEADINGS = {
  number: 'STT',
  name: 'Họ và tên',
  birth: 'Ngày sinh',
  subjects: 'Môn học và hoạt động giáo dục',
  level: 'Mức đạt được',
  score: 'Điểm KTĐK',
  qualities: 'Phẩm chất chủ yếu',
  general: 'Năng lực chung',
  specific: 'Năng lực đặc thù',
  yearEnd: 'Tổng hợp cuối năm học',
  result: 'Đánh giá kết quả giáo dục',
  award: 'Khen thưởng',
  completionOfGrade: 'Hoàn thành chương trình lớp học',
  completionOfPrimary: 'Hoàn thành chương trình tiểu học',
  promotion: 'Lên lớp',
} as const

/** Test scores are counted in bands (TT27 Điều 9.2's thresholds 9, 7, 5). */
export const SCORE_BANDS = ['9-10', '7-8', '5-6', '<5'] as const
export type ScoreBand = (typeof SCORE_BANDS)[number]

export function scoreBandOf(score: number): ScoreBand {
  if (score >= 9) return '9-10'
  if (score >= 7) return '7-8'
  if (score >= 5) return '5-6'
  return '<5'
}

/** The award as the table writes it (Điều 15: the principal's two awards). */
export const AWARD_SHORT_LABELS: Record<string, string> = {
  excellent: 'Xuất sắc',
  outstanding: 'Tiêu biểu',
}
/** The mark of a completed grade or programme. */
export const COMPLETED_MARK = 'x'
/** Promotion as the table writes it, from the record's note and the principal's decision. */
export const PROMOTION_SHORT_LABELS = {
  promoted: 'Lên lớp',
  completed_primary: 'Lên lớp',
  summer_practice: 'Rèn luyện hè',
  retained: 'Ở lại lớp',
} as const
const PROMOTION_VALUES = ['Lên lớp', 'Rèn luyện hè', 'Ở lại lớp'] as const

const SPECIFIC: ReadonlySet<string> = new Set(
  traitsOfGrade(3).filter(
    (code) =>
      !(QUALITY_CODES as readonly string[]).includes(code) &&
      !(GENERAL_COMPETENCY_CODES as readonly string[]).includes(code),
  ),
)

function traitGroup(code: TraitCode): string {
  if ((QUALITY_CODES as readonly string[]).includes(code)) return HEADINGS.qualities
  return SPECIFIC.has(code) ? HEADINGS.specific : HEADINGS.general
}

const flatName = (title: string, subtitle?: string) => (subtitle ? `${title} - ${subtitle}` : title)

function column(
  fields: Omit<SummaryColumn, 'name' | 'group' | 'tally'> &
    Partial<Pick<SummaryColumn, 'group' | 'tally'>>,
): SummaryColumn {
  return {
    group: '',
    tally: [],
    ...fields,
    name: flatName(fields.title, fields.subtitle),
  }
}

/**
 * The subjects of a grade the summary has a column for: the compulsory ones and the electives
 * among `electives` (codes of those some pupil of the class takes), in the programme's order.
 */
export function summarySubjects(grade: number, electives: readonly string[] = []) {
  return PROGRAMME_SUBJECTS.filter(
    (subject) =>
      subject.grades.includes(grade) ||
      (subject.electiveGrades.includes(grade) && electives.includes(subject.code)),
  ).sort((a, b) => a.order - b.order)
}

/** The layout of a class of `grade` at `period`; `electives` as in `summarySubjects`. */
export function classSummaryLayout(
  period: Period,
  grade: number,
  electives: readonly string[] = [],
): SummaryLayout {
  const kind = checkpointKindOf(period)
  const columns: SummaryColumn[] = [
    column({ key: 'number', kind: 'number', title: HEADINGS.number }),
    column({ key: 'name', kind: 'name', title: HEADINGS.name }),
    column({ key: 'birth', kind: 'birth', title: HEADINGS.birth }),
  ]
  for (const subject of summarySubjects(grade, electives)) {
    const group = HEADINGS.subjects
    columns.push(
      column({
        key: `level:${subject.code}`,
        kind: 'level',
        code: subject.code,
        group,
        title: subject.name,
        subtitle: HEADINGS.level,
        tally: SUBJECT_LEVELS,
      }),
    )
    if (subject.tested[grade]?.includes(period)) {
      columns.push(
        column({
          key: `score:${subject.code}`,
          kind: 'score',
          code: subject.code,
          group,
          title: subject.name,
          subtitle: HEADINGS.score,
          tally: SCORE_BANDS,
        }),
      )
    }
  }
  for (const code of traitsOfGrade(grade)) {
    columns.push(
      column({
        key: `trait:${code}`,
        kind: 'trait',
        code,
        group: traitGroup(code),
        title: TRAIT_LABELS[code],
        tally: QUALITY_LEVELS,
      }),
    )
  }
  if (kind === 'end') {
    const group = HEADINGS.yearEnd
    columns.push(
      column({ key: 'result', kind: 'result', group, title: HEADINGS.result, tally: YEAR_RESULTS }),
      column({
        key: 'award',
        kind: 'award',
        group,
        title: HEADINGS.award,
        tally: Object.values(AWARD_SHORT_LABELS),
      }),
      column({
        key: 'completion',
        kind: 'completion',
        group,
        title: grade >= 5 ? HEADINGS.completionOfPrimary : HEADINGS.completionOfGrade,
        tally: [COMPLETED_MARK],
      }),
    )
    // Grade 5 leaves primary school: its completion is the whole answer.
    if (grade < 5) {
      columns.push(
        column({
          key: 'promotion',
          kind: 'promotion',
          group,
          title: HEADINGS.promotion,
          tally: PROMOTION_VALUES,
        }),
      )
    }
  }
  return { kind, band: gradeBandOf(grade), period, grade, columns }
}

/** "Giữa học kì I" …, for the document's title and the audit entry. */
export const checkpointLabel = (period: Period) => PERIOD_LABELS[period].vi

/** One pupil's row: cell text by column key (empty or absent: nothing recorded). */
export interface SummaryRow {
  student: number | string
  cells: Record<string, string>
}

/** A pupil's year-end record as the table needs it. */
export interface SummaryYearEnd {
  result?: string | null
  award?: string | null
  promotion?: string | null
  supplementaryPassed?: boolean | null
  principalDecision?: string | null
}

/** The four year-end cells: completion (Điều 12.2: a CHT pupil who passed the supplementary
 * assessment completes too) and promotion (the principal's decision over the teacher's note). */
export function yearEndCells(record: SummaryYearEnd | null | undefined): Record<string, string> {
  if (!record) return {}
  const result = record.result ?? ''
  const completed =
    result === 'HTXS' ||
    result === 'HTT' ||
    result === 'HT' ||
    (result === 'CHT' && record.supplementaryPassed === true)
  let promotion: string =
    PROMOTION_SHORT_LABELS[record.promotion as keyof typeof PROMOTION_SHORT_LABELS] ?? ''
  if (record.principalDecision === 'promote') promotion = PROMOTION_SHORT_LABELS.promoted
  if (record.principalDecision === 'retain') promotion = PROMOTION_SHORT_LABELS.retained
  return {
    result,
    award: AWARD_SHORT_LABELS[record.award ?? ''] ?? '',
    completion: completed ? COMPLETED_MARK : '',
    promotion,
  }
}

/** The value a column's totals count for a cell (a score counts in its band). */
function tallied(columnDef: SummaryColumn, cell: string | undefined): string | null {
  if (!cell) return null
  if (columnDef.kind === 'score') {
    const score = Number(cell)
    return Number.isFinite(score) ? scoreBandOf(score) : null
  }
  return cell
}

/**
 * The totals rows: row `i` counts, in each column, the pupils whose cell is that column's
 * `tally[i]` ("T: 20"). As many rows as the longest tally; a column with fewer leaves the rest
 * blank.
 */
export function summaryTotals(layout: SummaryLayout, rows: SummaryRow[]): Record<string, string>[] {
  const depth = Math.max(...layout.columns.map((columnDef) => columnDef.tally.length))
  const totals: Record<string, string>[] = []
  for (let at = 0; at < depth; at += 1) {
    const line: Record<string, string> = {}
    for (const columnDef of layout.columns) {
      const value = columnDef.tally[at]
      if (value === undefined) continue
      const count = rows.filter((row) => tallied(columnDef, row.cells[columnDef.key]) === value)
      line[columnDef.key] = `${value}: ${count.length}`
    }
    totals.push(line)
  }
  return totals
}

/** The label of the totals block, in the name column of its first row. */
export const TOTALS_LABEL = 'Tổng hợp (số học sinh)'
