import { describe, expect, it } from 'vitest'

import { mondayOf, summarizeAttendance, weekDays, type AttendanceSessionRecord } from './attendance'

// Term II starts on Monday 18/01/2027. Totals below are counted by hand from this table.
const TERM_2 = '2027-01-18'
const SESSIONS: AttendanceSessionRecord[] = [
  // Saved first, then re-saved below with other marks: only the later one counts.
  { date: '2027-01-12', session: 'morning', marks: [{ student: 2, mark: 'excused' }] },
  // Monday 11/01: two sessions, so a session absent is half a day.
  {
    date: '2027-01-11',
    session: 'morning',
    marks: [
      { student: 1, mark: 'excused' },
      { student: 2, mark: 'late' },
    ],
  },
  {
    date: '2027-01-11',
    session: 'afternoon',
    marks: [
      { student: 1, mark: 'excused' },
      { student: 2, mark: 'unexcused' },
    ],
  },
  // Tuesday 12/01: morning only, so a session absent is a whole day.
  {
    date: '2027-01-12',
    session: 'morning',
    marks: [
      { student: 1, mark: 'unexcused' },
      { student: 3, mark: 'late' },
    ],
  },
  // Friday 15/01: two sessions; pupil 3 marked twice in the afternoon, the last mark counts.
  { date: '2027-01-15', session: 'morning', marks: [{ student: 2, mark: 'excused' }] },
  {
    date: '2027-01-15',
    session: 'afternoon',
    marks: [
      { student: 3, mark: 'excused' },
      { student: 3, mark: 'late' },
    ],
  },
  // Term II. Monday 18/01: morning only.
  {
    date: '2027-01-18',
    session: 'morning',
    marks: [
      { student: '1', mark: 'excused' },
      { student: 2, mark: 'unexcused' },
    ],
  },
  // Tuesday 19/01: both sessions.
  { date: '2027-01-19', session: 'morning', marks: [{ student: 3, mark: 'unexcused' }] },
  {
    date: '2027-01-19',
    session: 'afternoon',
    marks: [
      { student: 3, mark: 'excused' },
      { student: 1, mark: 'late' },
    ],
  },
]

const counts = {
  term1: { sessionsCounted: 5, daysCounted: 3 },
  term2: { sessionsCounted: 3, daysCounted: 2 },
  year: { sessionsCounted: 8, daysCounted: 5 },
}
const totals = (excusedDays: number, unexcusedDays: number, lateCount: number) => ({
  excusedDays,
  unexcusedDays,
  lateCount,
})

describe('attendance totals (Điều 9.3)', () => {
  const summary = summarizeAttendance(SESSIONS, { term2StartsOn: TERM_2, students: [1, 2, 3, 4] })

  it('counts the sessions and days the class took attendance, per term and year', () => {
    expect(summary.term1).toEqual(counts.term1)
    expect(summary.term2).toEqual(counts.term2)
    expect(summary.year).toEqual(counts.year)
  })

  it.each([
    {
      student: 1,
      // 11/01 two halves with leave; 12/01 a whole day without; 18/01 a whole day with; late 19/01.
      term1: totals(1, 1, 0),
      term2: totals(1, 0, 1),
      year: totals(2, 1, 1),
    },
    {
      student: 2,
      // late 11/01 morning, half a day without 11/01, half a day with 15/01 (12/01 re-saved away);
      // a whole day without 18/01.
      term1: totals(0.5, 0.5, 1),
      term2: totals(0, 1, 0),
      year: totals(0.5, 1.5, 1),
    },
    {
      student: 3,
      // late 12/01 and 15/01 (the last mark); 19/01 half without and half with.
      term1: totals(0, 0, 2),
      term2: totals(0.5, 0.5, 0),
      year: totals(0.5, 0.5, 2),
    },
    { student: 4, term1: totals(0, 0, 0), term2: totals(0, 0, 0), year: totals(0, 0, 0) },
  ])('pupil $student', ({ student, term1, term2, year }) => {
    expect(summary.of(student)).toEqual({
      term1: { ...term1, ...counts.term1 },
      term2: { ...term2, ...counts.term2 },
      year: { ...year, ...counts.year },
    })
  })

  it('lists every pupil marked or asked for, and gives zeros to one never marked', () => {
    expect([...summary.pupils.keys()].sort()).toEqual(['1', '2', '3', '4'])
    expect(summary.of('1')).toEqual(summary.of(1))
    expect(summary.of(99).year).toEqual({ ...totals(0, 0, 0), ...counts.year })
  })

  it('a mark on the day term II starts belongs to term II, the day before to term I', () => {
    const boundary = summarizeAttendance(
      [
        { date: '2027-01-17', session: 'morning', marks: [{ student: 7, mark: 'unexcused' }] },
        { date: TERM_2, session: 'afternoon', marks: [{ student: 7, mark: 'unexcused' }] },
      ],
      { term2StartsOn: TERM_2 },
    )
    expect(boundary.of(7).term1.unexcusedDays).toBe(1)
    expect(boundary.of(7).term2.unexcusedDays).toBe(1)
    expect(boundary.of(7).year.unexcusedDays).toBe(2)
  })

  it('no sessions at all: zeros everywhere', () => {
    const empty = summarizeAttendance([], { term2StartsOn: TERM_2, students: [1] })
    expect(empty.of(1).year).toEqual({ ...totals(0, 0, 0), sessionsCounted: 0, daysCounted: 0 })
  })

  it('refuses a date that is not a real YYYY-MM-DD', () => {
    const bad = (date: string) => () =>
      summarizeAttendance([{ date, session: 'morning', marks: [] }], { term2StartsOn: TERM_2 })
    expect(bad('2027-02-30')).toThrow(RangeError)
    expect(bad('11/01/2027')).toThrow(/YYYY-MM-DD/)
    expect(() => summarizeAttendance([], { term2StartsOn: '2027-1-18' })).toThrow(RangeError)
  })
})

describe('school weeks', () => {
  it('gives Monday to Friday, and Saturday when asked', () => {
    expect(weekDays('2027-01-11')).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
    ])
    expect(weekDays('2027-01-11', { saturday: true })).toEqual([
      '2027-01-11',
      '2027-01-12',
      '2027-01-13',
      '2027-01-14',
      '2027-01-15',
      '2027-01-16',
    ])
  })

  it('crosses a year end and a leap day', () => {
    expect(weekDays('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
    ])
    expect(weekDays('2028-02-28')).toEqual([
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2028-03-02',
      '2028-03-03',
    ])
  })

  it('a day other than Monday gives the week that holds it', () => {
    expect(weekDays('2027-01-14')[0]).toBe('2027-01-11')
  })

  it('finds the Monday of a date, Sunday belonging to the week before it', () => {
    expect(mondayOf('2027-01-11')).toBe('2027-01-11')
    expect(mondayOf('2027-01-01')).toBe('2026-12-28')
    expect(mondayOf('2027-01-03')).toBe('2026-12-28')
    expect(mondayOf('2027-01-16')).toBe('2027-01-11')
    expect(mondayOf('2028-03-01')).toBe('2028-02-28')
    expect(() => mondayOf('2027-13-01')).toThrow(RangeError)
  })
})
