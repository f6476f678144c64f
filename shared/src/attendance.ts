/**
 * Attendance totals for the transcript (Điều 9.3; the học bạ shows days absent with and without
 * leave) and the week arithmetic of the attendance grid. Pure; dates are ISO `YYYY-MM-DD` in the
 * school's own calendar (no time zone involved).
 */
import type { AttendanceMark, Session } from './assessment'

export type StudentKey = number | string

/** One session a class took attendance in; a pupil without a mark was present. */
export interface AttendanceSessionRecord {
  date: string
  session: Session
  marks: Array<{ student: StudentKey; mark: AttendanceMark }>
}

export interface AttendanceTotals {
  /** Days absent with leave; a session counts half a day when the class had two that day. */
  excusedDays: number
  /** Days absent without leave, counted the same way. */
  unexcusedDays: number
  /** Sessions the pupil came late to (late is present). */
  lateCount: number
  /** Sessions the class took attendance in over the span. */
  sessionsCounted: number
  /** Distinct days the class took attendance on over the span. */
  daysCounted: number
}

export interface PupilAttendance {
  term1: AttendanceTotals
  term2: AttendanceTotals
  year: AttendanceTotals
}

export interface AttendanceSummary {
  term1: Pick<AttendanceTotals, 'sessionsCounted' | 'daysCounted'>
  term2: Pick<AttendanceTotals, 'sessionsCounted' | 'daysCounted'>
  year: Pick<AttendanceTotals, 'sessionsCounted' | 'daysCounted'>
  /** Totals of every pupil marked at least once, and of every pupil asked for in `students`. */
  pupils: Map<string, PupilAttendance>
  /** A pupil's totals; zeros (with the class's session counts) for one never marked. */
  of(student: StudentKey): PupilAttendance
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function parseIsoDate(value: string): Date {
  const match = ISO_DATE.exec(value)
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new RangeError(`Ngày không hợp lệ (cần YYYY-MM-DD): ${value}`)
  }
  return date
}

const toIsoDate = (date: Date) => date.toISOString().slice(0, 10)

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

/** The Monday of the week (Monday to Sunday) that holds `dateISO`. */
export function mondayOf(dateISO: string): string {
  const date = parseIsoDate(dateISO)
  const sinceMonday = (date.getUTCDay() + 6) % 7
  return toIsoDate(addDays(date, -sinceMonday))
}

/**
 * The school days of the week that holds `mondayISO` (normally its Monday): Monday to Friday,
 * and Saturday when the school teaches on it.
 */
export function weekDays(mondayISO: string, options: { saturday?: boolean } = {}): string[] {
  const monday = parseIsoDate(mondayOf(mondayISO))
  const count = options.saturday ? 6 : 5
  return Array.from({ length: count }, (_, index) => toIsoDate(addDays(monday, index)))
}

const zeroTotals = (): AttendanceTotals => ({
  excusedDays: 0,
  unexcusedDays: 0,
  lateCount: 0,
  sessionsCounted: 0,
  daysCounted: 0,
})

/**
 * Totals per pupil for term I (dates before `term2StartsOn`), term II and the year. The same date
 * and session given twice is one session: the later record wins (a re-saved grid); a pupil marked
 * twice in one session keeps the last mark.
 */
export function summarizeAttendance(
  sessions: readonly AttendanceSessionRecord[],
  options: { term2StartsOn: string; students?: readonly StudentKey[] },
): AttendanceSummary {
  parseIsoDate(options.term2StartsOn)
  const bySession = new Map<string, AttendanceSessionRecord>()
  for (const record of sessions) {
    parseIsoDate(record.date)
    bySession.set(`${record.date} ${record.session}`, record)
  }
  const sessionsOfDate = new Map<string, number>()
  for (const record of bySession.values()) {
    sessionsOfDate.set(record.date, (sessionsOfDate.get(record.date) ?? 0) + 1)
  }

  const classTotals = { term1: zeroTotals(), term2: zeroTotals() }
  for (const [date, count] of sessionsOfDate) {
    // ISO dates compare as strings in calendar order.
    const term = date < options.term2StartsOn ? classTotals.term1 : classTotals.term2
    term.sessionsCounted += count
    term.daysCounted += 1
  }

  const terms = new Map<string, { term1: AttendanceTotals; term2: AttendanceTotals }>()
  const termsOf = (student: StudentKey) => {
    const key = String(student)
    let pupil = terms.get(key)
    if (!pupil) {
      pupil = { term1: zeroTotals(), term2: zeroTotals() }
      terms.set(key, pupil)
    }
    return pupil
  }
  for (const student of options.students ?? []) termsOf(student)

  for (const record of bySession.values()) {
    const dayShare = sessionsOfDate.get(record.date) === 2 ? 0.5 : 1
    const lastMarks = new Map(record.marks.map((entry) => [String(entry.student), entry]))
    for (const { student, mark } of lastMarks.values()) {
      const pupil = termsOf(student)
      const term = record.date < options.term2StartsOn ? pupil.term1 : pupil.term2
      if (mark === 'excused') term.excusedDays += dayShare
      else if (mark === 'unexcused') term.unexcusedDays += dayShare
      else term.lateCount += 1
    }
  }

  const withClassCounts = (totals: AttendanceTotals, term: AttendanceTotals) => ({
    ...totals,
    sessionsCounted: term.sessionsCounted,
    daysCounted: term.daysCounted,
  })
  const sum = (a: AttendanceTotals, b: AttendanceTotals): AttendanceTotals => ({
    excusedDays: a.excusedDays + b.excusedDays,
    unexcusedDays: a.unexcusedDays + b.unexcusedDays,
    lateCount: a.lateCount + b.lateCount,
    sessionsCounted: a.sessionsCounted + b.sessionsCounted,
    daysCounted: a.daysCounted + b.daysCounted,
  })
  const pupilTotals = (pupil: { term1: AttendanceTotals; term2: AttendanceTotals }) => {
    const term1 = withClassCounts(pupil.term1, classTotals.term1)
    const term2 = withClassCounts(pupil.term2, classTotals.term2)
    return { term1, term2, year: sum(term1, term2) }
  }

  const pupils = new Map<string, PupilAttendance>()
  for (const [key, pupil] of terms) pupils.set(key, pupilTotals(pupil))
  const counts = (totals: AttendanceTotals) => ({
    sessionsCounted: totals.sessionsCounted,
    daysCounted: totals.daysCounted,
  })
  return {
    term1: counts(classTotals.term1),
    term2: counts(classTotals.term2),
    year: counts(sum(classTotals.term1, classTotals.term2)),
    pupils,
    of: (student) =>
      pupils.get(String(student)) ?? pupilTotals({ term1: zeroTotals(), term2: zeroTotals() }),
  }
}
