import { describe, expect, it } from 'vitest'

import {
  PUBLIC_HOLIDAYS,
  addWorkingDays,
  breachNoticeDeadline,
  dataRequestDeadlines,
  isOverdue,
  isWorkingDay,
} from './data-rights'
import { vietnamDay } from './text'

describe('working days in Vietnam', () => {
  it('skips the weekend', () => {
    // Thursday 03/12/2026: Friday is the first working day, Monday the second.
    expect(addWorkingDays(new Date('2026-12-03T09:00:00+07:00'), 2)).toBe('2026-12-07')
    // Received on a Saturday: Monday and Tuesday.
    expect(addWorkingDays(new Date('2026-12-05T10:00:00+07:00'), 2)).toBe('2026-12-08')
  })

  it('skips Tết, which moves every year', () => {
    // Friday 13/02/2026; Tết off Monday 16 to Friday 20, then the weekend.
    expect(addWorkingDays(new Date('2026-02-13T15:00:00+07:00'), 2)).toBe('2026-02-24')
    expect(isWorkingDay('2026-02-18')).toBe(false)
    // The same calendar day of 2025 was an ordinary Wednesday.
    expect(isWorkingDay('2025-02-18')).toBe(true)
  })

  it('skips a fixed holiday even in a year without a list, and a moved one', () => {
    expect(isWorkingDay('2031-09-02')).toBe(false)
    expect(PUBLIC_HOLIDAYS[2031]).toBeUndefined()
    // Wednesday 29/04/2026: 30/04 and 01/05 off, the weekend, so Monday 04/05 and Tuesday 05/05.
    expect(addWorkingDays(new Date('2026-04-29T08:00:00+07:00'), 2)).toBe('2026-05-05')
    // Hùng Kings' day 2026 falls on a Sunday: Monday 27/04 is off.
    expect(isWorkingDay('2026-04-27')).toBe(false)
  })

  it("counts the day in Vietnam's time, not UTC", () => {
    // 23:30 UTC on Thursday is already Friday 06:30 in Hà Nội.
    expect(vietnamDay(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04')
    expect(addWorkingDays(new Date('2026-12-03T23:30:00Z'), 2)).toBe('2026-12-08')
  })
})

describe('the legal clock', () => {
  it('gives a request its acknowledgement and completion deadlines, end of day in Vietnam', () => {
    const { acknowledgeBy, completeBy } = dataRequestDeadlines(
      new Date('2026-12-03T09:00:00+07:00'),
      'access',
    )
    expect(acknowledgeBy.toISOString()).toBe('2026-12-07T16:59:59.999Z')
    // Ten working days after Thursday 03/12: Thursday 17/12.
    expect(completeBy.toISOString()).toBe('2026-12-17T16:59:59.999Z')
  })

  it('gives a breach 72 hours from its finding, weekends included', () => {
    expect(breachNoticeDeadline(new Date('2026-12-04T10:00:00+07:00')).toISOString()).toBe(
      '2026-12-07T03:00:00.000Z',
    )
  })

  it('is overdue only when passed and not done', () => {
    const now = new Date('2026-12-10T00:00:00Z')
    expect(isOverdue('2026-12-09T00:00:00Z', false, now)).toBe(true)
    expect(isOverdue('2026-12-09T00:00:00Z', true, now)).toBe(false)
    expect(isOverdue('2026-12-11T00:00:00Z', false, now)).toBe(false)
  })
})
