/**
 * The weekly timetable (thời khóa biểu) of a class: day × period → subject, teacher, room. The
 * school's day of periods is one small constant here: a primary school teaching two sessions a
 * day, at most 7 periods of 35 minutes.
 */
export const TIMETABLE_DAYS = ['2', '3', '4', '5', '6', '7'] as const
export type TimetableDay = (typeof TIMETABLE_DAYS)[number]

export const TIMETABLE_DAY_LABELS: Record<TimetableDay, string> = {
  '2': 'Thứ 2',
  '3': 'Thứ 3',
  '4': 'Thứ 4',
  '5': 'Thứ 5',
  '6': 'Thứ 6',
  '7': 'Thứ 7',
}

export type TimetableSession = 'morning' | 'afternoon'

export const TIMETABLE_SESSION_LABELS: Record<TimetableSession, string> = {
  morning: 'Buổi sáng',
  afternoon: 'Buổi chiều',
}

export interface TimetablePeriod {
  period: number
  session: TimetableSession
  start: string
  end: string
}

/** Tiết 1–4 in the morning, 5–7 in the afternoon. */
export const TIMETABLE_PERIODS: readonly TimetablePeriod[] = [
  { period: 1, session: 'morning', start: '07:30', end: '08:05' },
  { period: 2, session: 'morning', start: '08:10', end: '08:45' },
  { period: 3, session: 'morning', start: '09:05', end: '09:40' },
  { period: 4, session: 'morning', start: '09:45', end: '10:20' },
  { period: 5, session: 'afternoon', start: '14:00', end: '14:35' },
  { period: 6, session: 'afternoon', start: '14:40', end: '15:15' },
  { period: 7, session: 'afternoon', start: '15:25', end: '16:00' },
]

export function isTimetableDay(value: unknown): value is TimetableDay {
  return typeof value === 'string' && (TIMETABLE_DAYS as readonly string[]).includes(value)
}

export function isTimetablePeriod(value: unknown): value is number {
  return TIMETABLE_PERIODS.some((p) => p.period === value)
}

/** The days a timetable shows: Thứ 2–6, and Thứ 7 when the class learns on Saturdays. */
export function timetableDays(saturday: boolean | null | undefined): TimetableDay[] {
  return TIMETABLE_DAYS.filter((day) => day !== '7' || Boolean(saturday))
}

/** "Thứ 3, tiết 2" */
export function timetableSlotLabel(day: string, period: number): string {
  return `${TIMETABLE_DAY_LABELS[day as TimetableDay] ?? `Thứ ${day}`}, tiết ${period}`
}

/**
 * A class's page address: "Lớp 3A" → "3a" (`/thoi-khoa-bieu/3a/`). Kept short and stable: the
 * class's name without the word "Lớp".
 */
export function timetableClassKey(className: string): string {
  return className
    .replace(/^\s*lớp\s+/iu, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** One lesson of the public timetable, as the website shows it. */
export interface PublicTimetableLesson {
  day: TimetableDay
  period: number
  subject: string
  /** The teacher's name only when they agreed to appear on the website; else null. */
  teacher: string | null
  room: string | null
}

/** The `data` of a timetable notice (public-notices, kind `timetable`). */
export interface PublicTimetableData {
  className: string
  grade: number | null
  validFrom: string
  days: TimetableDay[]
  periods: TimetablePeriod[]
  lessons: PublicTimetableLesson[]
}
