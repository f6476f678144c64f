import { describe, expect, it } from 'vitest'

import {
  aggregateResults,
  annualDisclosureDeadline,
  disclosureStatus,
  schoolYearsOnline,
  type ResultRow,
} from './disclosure'

// Vietnam is UTC+7: 30/06 23:30 there is 30/06 16:30 UTC; 01/07 00:30 there is 30/06 17:30 UTC.
const vn = (local: string) => new Date(`${local}+07:00`)

describe('disclosure deadlines (Vietnam time)', () => {
  it('puts the yearly deadline on 30 June of the school year’s end', () => {
    expect(annualDisclosureDeadline('2025-2026')).toBe('2026-06-30')
  })

  it('is due until 30 June in Vietnam, late from 1 July there', () => {
    const before = disclosureStatus({ schoolYear: '2025-2026', now: vn('2026-06-30T23:30:00') })
    expect(before).toMatchObject({ state: 'due', dueDate: '30/06/2026', reason: 'annual' })
    const after = disclosureStatus({ schoolYear: '2025-2026', now: vn('2026-07-01T00:30:00') })
    expect(after.state).toBe('late')
    // In UTC it is still 30 June: the day is Vietnam's.
    expect(vn('2026-07-01T00:30:00').toISOString().slice(0, 10)).toBe('2026-06-30')
  })

  it('counts a publication late in the evening of 30 June, Vietnam time, as in time', () => {
    const status = disclosureStatus({
      schoolYear: '2025-2026',
      live: true,
      publishedAt: vn('2026-06-30T23:30:00').toISOString(),
      now: vn('2026-08-01T09:00:00'),
    })
    expect(status).toMatchObject({ state: 'published', publishedDate: '30/06/2026' })
  })

  it('does not count a version taken down', () => {
    const status = disclosureStatus({
      schoolYear: '2025-2026',
      live: false,
      publishedAt: '2026-05-01T03:00:00.000Z',
      now: vn('2026-07-02T09:00:00'),
    })
    expect(status.state).toBe('late')
    expect(status.publishedDate).toBeNull()
  })

  it('owes a recorded change within 10 working days, even when the year was published', () => {
    const base = {
      schoolYear: '2026-2027',
      live: true,
      publishedAt: vn('2026-09-10T10:00:00').toISOString(),
      changeDate: '2026-10-02',
    }
    expect(disclosureStatus({ ...base, now: vn('2026-10-16T20:00:00') })).toMatchObject({
      state: 'due',
      reason: 'change',
      dueDate: '16/10/2026',
    })
    expect(disclosureStatus({ ...base, now: vn('2026-10-17T08:00:00') }).state).toBe('late')
    const republished = disclosureStatus({
      ...base,
      publishedAt: vn('2026-10-05T08:00:00').toISOString(),
      now: vn('2026-12-01T08:00:00'),
    })
    expect(republished.state).toBe('published')
  })

  it('with nothing live, owes whichever comes first', () => {
    const early = disclosureStatus({
      schoolYear: '2026-2027',
      changeDate: '2026-10-02',
      now: vn('2026-10-20T08:00:00'),
    })
    expect(early).toMatchObject({ state: 'late', reason: 'change', dueDate: '16/10/2026' })
    const lateChange = disclosureStatus({
      schoolYear: '2026-2027',
      changeDate: '2027-06-29',
      now: vn('2027-07-01T08:00:00'),
    })
    expect(lateChange).toMatchObject({ state: 'late', reason: 'annual', dueDate: '30/06/2027' })
  })

  it('keeps five school years online', () => {
    expect(schoolYearsOnline('2026-2027')).toEqual([
      '2026-2027',
      '2025-2026',
      '2024-2025',
      '2023-2024',
      '2022-2023',
    ])
  })
})

const rows = (grade: number, result: string, promotion: string, count: number): ResultRow[] =>
  Array.from({ length: count }, () => ({ grade, result, promotion }))

describe('results aggregates', () => {
  it('counts and percentages per grade', () => {
    const aggregate = aggregateResults([
      ...rows(1, 'HTXS', 'promoted', 10),
      ...rows(1, 'HTT', 'promoted', 20),
      ...rows(1, 'HT', 'promoted', 10),
    ])
    expect(aggregate.suppressed).toBe(false)
    expect(aggregate.grades[0]).toMatchObject({
      grade: 1,
      pupils: 40,
      results: {
        HTXS: { count: 10, percent: 25 },
        HTT: { count: 20, percent: 50 },
        HT: { count: 10, percent: 25 },
        CHT: { count: 0, percent: 0 },
      },
      promotion: { promoted: { count: 40, percent: 100 }, retained: { count: 0, percent: 0 } },
    })
  })

  it('hides a small cell, and the next one so the total does not give it away', () => {
    const aggregate = aggregateResults([
      ...rows(2, 'HTXS', 'promoted', 12),
      ...rows(2, 'HTT', 'promoted', 15),
      ...rows(2, 'HT', 'promoted', 8),
      ...rows(2, 'CHT', 'summer_practice', 1),
    ])
    const grade = aggregate.grades[0]
    expect(aggregate.suppressed).toBe(true)
    expect(grade.results.CHT).toEqual({ count: null, percent: null })
    // HT (8) is the smallest other cell: hidden too, so 36 − 12 − 15 gives only HT + CHT.
    expect(grade.results.HT).toEqual({ count: null, percent: null })
    expect(grade.results.HTXS.count).toBe(12)
    expect(grade.promotion.summer_practice.count).toBeNull()
    expect(grade.promotion.promoted.count).toBeNull()
    expect(JSON.stringify(aggregate)).not.toMatch(/"count":[1-4]\b/)
  })

  it('hides a whole grade with fewer than 5 pupils', () => {
    const grade = aggregateResults(rows(5, 'HTT', 'completed_primary', 3)).grades[0]
    expect(grade.pupils).toBeNull()
    expect(Object.values(grade.results).every((cell) => cell.count === null)).toBe(true)
  })
})
