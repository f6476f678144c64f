import { describe, expect, it } from 'vitest'

import { backupDue, backupNotice, scheduledToday } from './schedule'

const at = (iso: string) => new Date(iso)
const settings = { enabled: true, time: '02:30', keep: 14 }
const longAgo = at('2026-01-01T00:00:00Z')

describe('when the nightly backup is due (Vietnam time, once a day)', () => {
  it('02:30 in Vietnam is 19:30 UTC the day before', () => {
    expect(scheduledToday(at('2026-12-01T20:00:00Z'), '02:30').toISOString()).toBe(
      '2026-12-01T19:30:00.000Z',
    )
    expect(scheduledToday(at('2026-12-01T10:00:00Z'), '02:30').toISOString()).toBe(
      '2026-11-30T19:30:00.000Z',
    )
  })

  it('is due once the time has come, and not again after it started that day', () => {
    const before = at('2026-12-01T19:29:00Z')
    const after = at('2026-12-01T19:31:00Z')
    const yesterday = { lastAttemptAt: '2026-11-30T19:30:05Z' }
    expect(backupDue(before, settings, yesterday, longAgo)).toBe(false)
    expect(backupDue(after, settings, yesterday, longAgo)).toBe(true)
    // A restart after tonight's backup: no second one.
    expect(backupDue(after, settings, { lastAttemptAt: '2026-12-01T19:30:10Z' }, longAgo)).toBe(
      false,
    )
  })

  it('a server that was off at the time backs up when it comes back', () => {
    const morning = at('2026-12-02T01:00:00Z') // 08:00 in Vietnam
    expect(backupDue(morning, settings, { lastAttemptAt: '2026-11-30T19:30:05Z' }, longAgo)).toBe(
      true,
    )
  })

  it('a new schedule waits for its next occurrence; off means never', () => {
    const now = at('2026-12-01T10:00:00Z')
    expect(backupDue(now, settings, {}, now)).toBe(false)
    expect(backupDue(now, settings, {}, longAgo)).toBe(true)
    expect(backupDue(now, { ...settings, enabled: false }, {}, longAgo)).toBe(false)
    expect(backupDue(now, { ...settings, time: '25:00' }, {}, longAgo)).toBe(false)
  })
})

describe('the dashboard notice', () => {
  const now = at('2026-12-02T03:00:00Z')

  it('says when the last backup succeeded, without a warning when it is recent', () => {
    const notice = backupNotice(
      settings,
      { state: 'ok', lastSuccessAt: '2026-12-01T19:31:00Z', lastSize: 5 * 1024 * 1024 },
      now,
    )
    expect(notice).toEqual({
      level: 'ok',
      text: 'Sao lưu gần nhất thành công lúc 02:31 ngày 02/12/2026 (5.0 MB).',
    })
  })

  it('warns when the last success is older than 36 hours, the last run failed, or none ran', () => {
    const stale = backupNotice(
      settings,
      { state: 'ok', lastSuccessAt: '2026-11-30T12:00:00Z' },
      now,
    )
    expect(stale.level).toBe('warning')
    expect(stale.text).toContain('36 giờ')
    const failed = backupNotice(
      settings,
      {
        state: 'failed',
        lastSuccessAt: '2026-12-01T19:31:00Z',
        lastFailureAt: '2026-12-02T02:00:00Z',
        lastFailureMessage: 'Hết dung lượng đĩa',
      },
      now,
    )
    expect(failed.level).toBe('warning')
    expect(failed.text).toContain('thất bại lúc 09:00 ngày 02/12/2026: Hết dung lượng đĩa')
    expect(backupNotice(settings, {}, now)).toMatchObject({ level: 'warning' })
    expect(
      backupNotice({ ...settings, enabled: false }, { lastSuccessAt: '2026-12-01T19:31:00Z' }, now)
        .level,
    ).toBe('warning')
  })
})
