/**
 * Public disclosure (công khai) under Thông tư 09/2024/TT-BGDĐT, for a primary school: the
 * sections the circular requires, when each is due, and the year's results as aggregates that
 * identify no child. Pure: the CMS (the admin's due/late view, the snapshot) and the site share it.
 *
 * The article numbers and the time limit after a change are as we read the circular (Điều 4–8:
 * the contents; Điều 9: how and when); check them against the text in force before relying on
 * them in an inspection.
 */
import { addWorkingDays } from './data-rights'
import { formatDateVi, vietnamDay } from './text'

export const DISCLOSURE_SECTIONS = [
  'general',
  'finances',
  'staff',
  'facilities',
  'quality',
  'plan',
  'results',
  'annual_report',
] as const
export type DisclosureSection = (typeof DISCLOSURE_SECTIONS)[number]

export interface DisclosureSectionInfo {
  label: { vi: string; en: string }
  /** The circular's article the section comes from. */
  article: string
  /** The page under /cong-khai/ (stable: outside checks link to it). */
  slug: string
}

export const DISCLOSURE_SECTION_INFO: Record<DisclosureSection, DisclosureSectionInfo> = {
  general: {
    label: { vi: 'Thông tin chung về cơ sở giáo dục', en: 'General information' },
    article: 'Điều 4',
    slug: 'thong-tin-chung',
  },
  finances: {
    label: { vi: 'Thu chi tài chính', en: 'Finances' },
    article: 'Điều 5',
    slug: 'tai-chinh',
  },
  staff: {
    label: { vi: 'Đội ngũ nhà giáo, cán bộ quản lý và nhân viên', en: 'Staff' },
    article: 'Điều 6.1',
    slug: 'doi-ngu',
  },
  facilities: {
    label: { vi: 'Cơ sở vật chất', en: 'Facilities' },
    article: 'Điều 6.2',
    slug: 'co-so-vat-chat',
  },
  quality: {
    label: { vi: 'Kiểm định chất lượng, chuẩn quốc gia', en: 'Quality assurance' },
    article: 'Điều 6.3',
    slug: 'kiem-dinh-chat-luong',
  },
  plan: {
    label: { vi: 'Kế hoạch hoạt động giáo dục', en: 'Education plan' },
    article: 'Điều 7.1',
    slug: 'ke-hoach-giao-duc',
  },
  results: {
    label: { vi: 'Kết quả giáo dục năm học trước', en: "Last year's results" },
    article: 'Điều 7.2',
    slug: 'ket-qua-giao-duc',
  },
  annual_report: {
    label: { vi: 'Báo cáo thường niên', en: 'Annual report' },
    article: 'Điều 8',
    slug: 'bao-cao-thuong-nien',
  },
}

export function isDisclosureSection(value: unknown): value is DisclosureSection {
  return typeof value === 'string' && (DISCLOSURE_SECTIONS as readonly string[]).includes(value)
}

/** "Thu chi tài chính (Điều 5)": the admin's and the site's label. */
export function disclosureSectionLabel(section: DisclosureSection, language: 'vi' | 'en' = 'vi') {
  const info = DISCLOSURE_SECTION_INFO[section]
  return `${info.label[language]} (${info.article})`
}

export const disclosurePath = (section: DisclosureSection) =>
  `/cong-khai/${DISCLOSURE_SECTION_INFO[section].slug}/`

/** The notice's key: one page part per section and school year. */
export const disclosureKey = (section: DisclosureSection, schoolYear: string) =>
  `${section}-${schoolYear}`

/** How many school years the website keeps online (the circular: at least five years). */
export const DISCLOSURE_YEARS_ONLINE = 5

/**
 * The school years the site shows: the current one and the four before it. Older ones stay in
 * the CMS (and their documents with them) but leave the site at the next build.
 */
export function schoolYearsOnline(currentSchoolYear: string): string[] {
  const start = Number(currentSchoolYear.slice(0, 4))
  return Array.from({ length: DISCLOSURE_YEARS_ONLINE }, (_, back) => {
    const year = start - back
    return `${year}-${year + 1}`
  })
}

/** Working days after a recorded change within which it must be online (Điều 9). */
export const DISCLOSURE_CHANGE_WORKING_DAYS = 10

/** 30 June of the school year's end ("2025-2026" → "2026-06-30"): the yearly deadline. */
export function annualDisclosureDeadline(schoolYear: string): string {
  return `${Number(schoolYear.slice(5, 9))}-06-30`
}

export type DisclosureState = 'published' | 'due' | 'late'

export const DISCLOSURE_STATE_LABELS: Record<DisclosureState, { vi: string; en: string }> = {
  published: { vi: 'Đã công khai', en: 'Published' },
  due: { vi: 'Cần công khai', en: 'Due' },
  late: { vi: 'Quá hạn', en: 'Late' },
}

export interface DisclosureStatusInput {
  schoolYear: string
  /** The published version, when one is online. */
  publishedAt?: string | null
  live?: boolean
  /** The day of the change the record reports (a new fee, a new head), when there was one. */
  changeDate?: string | null
  now?: Date
}

export interface DisclosureStatus {
  state: DisclosureState
  /** `YYYY-MM-DD` in Vietnam. */
  dueDay: string
  /** Why that day: the yearly deadline or a change. */
  reason: 'annual' | 'change'
  /** dd/mm/yyyy, for the admin. */
  dueDate: string
  publishedDate: string | null
}

const asDay = (day: string) => formatDateVi(`${day}T12:00:00+07:00`)

/**
 * Whether a section of a school year is online in time. A year's information is due by 30 June
 * of the year's end; a recorded change is due within the working days after it. It counts as
 * published when a version is live that was published on or after the change's day. Dates are
 * compared as calendar days in Vietnam: a publication at 23:30 on 30 June is in time.
 */
export function disclosureStatus(input: DisclosureStatusInput): DisclosureStatus {
  const now = input.now ?? new Date()
  const today = vietnamDay(now)
  const publishedDay = input.live && input.publishedAt ? vietnamDay(input.publishedAt) : null
  const changeDay = input.changeDate ? vietnamDay(input.changeDate) : null
  const annual = annualDisclosureDeadline(input.schoolYear)
  const changeDue = changeDay
    ? addWorkingDays(new Date(`${changeDay}T12:00:00+07:00`), DISCLOSURE_CHANGE_WORKING_DAYS)
    : null
  const coversChange = publishedDay !== null && (changeDay === null || publishedDay >= changeDay)
  // A live version older than the change owes the change; with nothing live, whichever of the
  // year's deadline and the change's comes first.
  const dueDay =
    changeDue !== null && ((publishedDay !== null && !coversChange) || changeDue < annual)
      ? changeDue
      : annual
  const reason = changeDue !== null && dueDay === changeDue ? 'change' : 'annual'
  const state: DisclosureState = coversChange ? 'published' : today > dueDay ? 'late' : 'due'
  return {
    state,
    dueDay,
    reason,
    dueDate: asDay(dueDay),
    publishedDate: publishedDay ? asDay(publishedDay) : null,
  }
}

// ── The year's results, as aggregates (Điều 7.2): never a pupil. ──

export const RESULT_CATEGORIES = ['HTXS', 'HTT', 'HT', 'CHT'] as const
export const PROMOTION_CATEGORIES = [
  'promoted',
  'completed_primary',
  'summer_practice',
  'retained',
] as const
export type ResultCategory = (typeof RESULT_CATEGORIES)[number]
export type PromotionCategory = (typeof PROMOTION_CATEGORIES)[number]

export const RESULT_CATEGORY_LABELS: Record<ResultCategory, string> = {
  HTXS: 'Hoàn thành xuất sắc',
  HTT: 'Hoàn thành tốt',
  HT: 'Hoàn thành',
  CHT: 'Chưa hoàn thành',
}
export const PROMOTION_CATEGORY_LABELS: Record<PromotionCategory, string> = {
  promoted: 'Lên lớp',
  completed_primary: 'Hoàn thành chương trình tiểu học',
  summer_practice: 'Rèn luyện trong hè',
  retained: 'Ở lại lớp',
}

/** A cell counting fewer pupils than this (but some) is not shown: no child is identifiable. */
export const SMALL_CELL = 5

/** One pupil's year, as the aggregation reads it: nothing that names them. */
export interface ResultRow {
  grade: number
  result: string | null | undefined
  promotion: string | null | undefined
}

/** A count and its share of the grade, or null when suppressed. */
export interface ResultCell {
  count: number | null
  /** Percent with one decimal, or null when suppressed. */
  percent: number | null
}

export interface GradeResults {
  grade: number
  /** Pupils of the grade; null when the whole grade is too small to show. */
  pupils: number | null
  results: Record<ResultCategory, ResultCell>
  promotion: Record<PromotionCategory, ResultCell>
}

export interface ResultsAggregate {
  grades: GradeResults[]
  pupils: number
  /** Whether some cells were suppressed (the page then explains the dash). */
  suppressed: boolean
}

const percentOf = (count: number, total: number) =>
  total === 0 ? 0 : Math.round((count / total) * 1000) / 10

/**
 * Hides the small cells of one group of counts that add up to the grade's total. Hiding only
 * the small ones would let a reader subtract the others from the total, so while exactly one
 * non-zero cell is hidden, the next smallest is hidden too. Zeros are shown: they name no one.
 */
function suppress<K extends string>(counts: Record<K, number>, keys: readonly K[]): Set<K> {
  const hidden = new Set(keys.filter((key) => counts[key] > 0 && counts[key] < SMALL_CELL))
  if (hidden.size === 1) {
    const next = keys
      .filter((key) => !hidden.has(key) && counts[key] > 0)
      .sort((a, b) => counts[a] - counts[b])[0]
    if (next) hidden.add(next)
  }
  return hidden
}

function cells<K extends string>(
  counts: Record<K, number>,
  keys: readonly K[],
  total: number,
  hideAll: boolean,
): { cells: Record<K, ResultCell>; hidden: boolean } {
  const hidden = hideAll ? new Set(keys) : suppress(counts, keys)
  const out = {} as Record<K, ResultCell>
  for (const key of keys) {
    out[key] = hidden.has(key)
      ? { count: null, percent: null }
      : { count: counts[key], percent: percentOf(counts[key], total) }
  }
  return { cells: out, hidden: hidden.size > 0 }
}

/**
 * Counts and percentages per grade of the year-end results (TT27 Điều 9.2) and promotions, with
 * the small cells suppressed. Takes rows without names and returns no row per pupil.
 */
export function aggregateResults(rows: readonly ResultRow[]): ResultsAggregate {
  const byGrade = new Map<number, ResultRow[]>()
  for (const row of rows) {
    if (!Number.isInteger(row.grade)) continue
    byGrade.set(row.grade, [...(byGrade.get(row.grade) ?? []), row])
  }
  let suppressed = false
  const grades = [...byGrade.keys()]
    .sort((a, b) => a - b)
    .map((grade): GradeResults => {
      const list = byGrade.get(grade)!
      const total = list.length
      const tooSmall = total < SMALL_CELL
      const results = Object.fromEntries(RESULT_CATEGORIES.map((k) => [k, 0])) as Record<
        ResultCategory,
        number
      >
      const promotion = Object.fromEntries(PROMOTION_CATEGORIES.map((k) => [k, 0])) as Record<
        PromotionCategory,
        number
      >
      for (const row of list) {
        if ((RESULT_CATEGORIES as readonly string[]).includes(String(row.result)))
          results[row.result as ResultCategory] += 1
        if ((PROMOTION_CATEGORIES as readonly string[]).includes(String(row.promotion)))
          promotion[row.promotion as PromotionCategory] += 1
      }
      const r = cells(results, RESULT_CATEGORIES, total, tooSmall)
      const p = cells(promotion, PROMOTION_CATEGORIES, total, tooSmall)
      suppressed ||= r.hidden || p.hidden || tooSmall
      return {
        grade,
        pupils: tooSmall ? null : total,
        results: r.cells,
        promotion: p.cells,
      }
    })
  return { grades, pupils: rows.length, suppressed }
}
