/**
 * The words and weeks of the lunch menu and the test schedule (issue 15, Điều 17.4), shared by
 * the CMS (labels, snapshots) and the site (which week is current).
 */
import { SESSION_LABELS, type Period, type Session } from './assessment'
import { mondayOf } from './attendance'

type Labels<K extends string> = Record<K, { vi: string; en: string }>

/** The school days a menu may cover (semi-boarding runs Monday to Friday, some schools Saturday). */
export const MENU_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
export type MenuDay = (typeof MENU_DAYS)[number]
export const MENU_DAY_LABELS: Labels<MenuDay> = {
  mon: { vi: 'Thứ Hai', en: 'Monday' },
  tue: { vi: 'Thứ Ba', en: 'Tuesday' },
  wed: { vi: 'Thứ Tư', en: 'Wednesday' },
  thu: { vi: 'Thứ Năm', en: 'Thursday' },
  fri: { vi: 'Thứ Sáu', en: 'Friday' },
  sat: { vi: 'Thứ Bảy', en: 'Saturday' },
}

export const MEALS = ['breakfast', 'lunch', 'afternoon_snack'] as const
export type Meal = (typeof MEALS)[number]
export const MEAL_LABELS: Labels<Meal> = {
  breakfast: { vi: 'Bữa sáng', en: 'Breakfast' },
  lunch: { vi: 'Bữa trưa', en: 'Lunch' },
  afternoon_snack: { vi: 'Bữa phụ chiều', en: 'Afternoon snack' },
}

const DAY_MS = 24 * 60 * 60 * 1000
const two = (value: number) => String(value).padStart(2, '0')

/** A `YYYY-MM-DD` calendar day as a UTC midnight (calendar arithmetic, no time zone). */
function dayAt(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00.000Z`)
}
const dayOf = (date: Date) =>
  `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`

export function isMonday(day: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && mondayOf(day) === day
}

export function plusDays(day: string, days: number): string {
  return dayOf(new Date(dayAt(day).getTime() + days * DAY_MS))
}

/** The day of a menu's weekday in the week of `monday`. */
export function dayOfWeek(monday: string, weekday: MenuDay): string {
  return plusDays(monday, MENU_DAYS.indexOf(weekday))
}

/**
 * The school's week number: week 1 is the week of the opening day, 5 September (Quyết định on
 * the school year's calendar fixes it every year). The week of 30/11/2026 is week 14.
 */
export function schoolWeekNumber(monday: string): number {
  const month = Number(monday.slice(5, 7))
  const year = Number(monday.slice(0, 4))
  const startYear = month >= 8 ? year : year - 1
  const first = mondayOf(`${startYear}-09-05`)
  return Math.floor((dayAt(monday).getTime() - dayAt(first).getTime()) / (7 * DAY_MS)) + 1
}

const short = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`
const full = (day: string) => `${short(day)}/${day.slice(0, 4)}`

/** "Tuần 14 (30/11 – 04/12/2026)": Monday to Friday, or Saturday when the menu has one. */
export function menuWeekLabel(monday: string, lastDay: MenuDay = 'fri'): string {
  const last = dayOfWeek(monday, lastDay)
  const week = schoolWeekNumber(monday)
  const range = `${short(monday)} – ${full(last)}`
  return week >= 1 && week <= 53 ? `Tuần ${week} (${range})` : `Tuần ${range}`
}

/** One meal of one day as the public sees it. */
export interface PublicMenuMeal {
  meal: Meal
  label: string
  dishes: string[]
}
export interface PublicMenuDay {
  weekday: MenuDay
  label: string
  /** `YYYY-MM-DD` */
  date: string
  meals: PublicMenuMeal[]
}
/** The data of a published lunch menu (`public-notices`, kind `lunch_menu`, key = Monday). */
export interface PublicLunchMenu {
  weekOf: string
  label: string
  days: PublicMenuDay[]
  note: string | null
}

/** The session of a test: the assessment's two sessions. */
export const TEST_SESSION_LABELS: Labels<Session> = SESSION_LABELS

/** One test of a published schedule: a grade, a subject, a day, a session. Never a pupil. */
export interface PublicTestRow {
  grade: number
  subject: string
  /** `YYYY-MM-DD` */
  date: string
  session: Session
}
/** The data of a published test schedule (kind `test_schedule`, key = school year + period). */
export interface PublicTestSchedule {
  schoolYear: string
  period: Period
  periodLabel: string
  rows: PublicTestRow[]
}
