/**
 * When the nightly backup is due, and what the dashboard says about the last one (Điều 8).
 * Pure functions of the settings, the status and the time, so they are tested without a clock.
 */
import { formatDateVi } from '@school/shared'

export const BACKUP_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/
export const DEFAULT_BACKUP_SETTINGS = { enabled: true, time: '02:30', keep: 14 }
/** A day and a half: one missed night is worth a warning, not just the second. */
export const BACKUP_STALE_AFTER_MS = 36 * 60 * 60 * 1000

/** Vietnam keeps UTC+7 all year; the school's "02:30" is Vietnam's, whatever the server's zone. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000

export interface BackupSettingsValue {
  enabled?: boolean | null
  time?: string | null
  keep?: number | null
}

export interface BackupStatusValue {
  state?: 'running' | 'ok' | 'failed' | null
  lastAttemptAt?: string | null
  lastSuccessAt?: string | null
  lastSize?: number | null
  lastFile?: string | null
  lastFailureAt?: string | null
  lastFailureMessage?: string | null
}

/** The instant of today's (Vietnam's today) backup time. */
export function scheduledToday(now: Date, time: string): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS)
  const [hours, minutes] = time.split(':').map(Number)
  return new Date(
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hours, minutes) -
      VIETNAM_OFFSET_MS,
  )
}

/**
 * Due once a day: today's time has come and nothing was started since. `since` is the last
 * attempt, or (never run) when the schedule began, so a new installation or a changed time waits
 * for its next occurrence instead of starting at once; a server that was off at the set time
 * backs up when it comes back, and a restart after the backup does not make a second one.
 */
export function backupDue(
  now: Date,
  settings: BackupSettingsValue,
  status: BackupStatusValue,
  scheduleBegan: Date,
): boolean {
  if (settings.enabled === false) return false
  const time = settings.time && BACKUP_TIME_PATTERN.test(settings.time) ? settings.time : null
  if (!time) return false
  const scheduled = scheduledToday(now, time)
  const since = status.lastAttemptAt ? new Date(status.lastAttemptAt) : scheduleBegan
  return now >= scheduled && since < scheduled
}

export interface BackupNotice {
  level: 'ok' | 'warning'
  text: string
}

const timeVi = (value: string) => {
  const local = new Date(new Date(value).getTime() + VIETNAM_OFFSET_MS)
  const hh = String(local.getUTCHours()).padStart(2, '0')
  const mm = String(local.getUTCMinutes()).padStart(2, '0')
  return `${hh}:${mm} ngày ${formatDateVi(value)}`
}

/** What the web admin and the principal read on the dashboard. */
export function backupNotice(
  settings: BackupSettingsValue,
  status: BackupStatusValue,
  now: Date,
): BackupNotice {
  const parts: string[] = []
  let level: BackupNotice['level'] = 'ok'
  if (status.lastSuccessAt) {
    const size = status.lastSize ? ` (${(status.lastSize / 1024 / 1024).toFixed(1)} MB)` : ''
    parts.push(`Sao lưu gần nhất thành công lúc ${timeVi(status.lastSuccessAt)}${size}.`)
    if (now.getTime() - new Date(status.lastSuccessAt).getTime() > BACKUP_STALE_AFTER_MS) {
      level = 'warning'
      parts.push('Đã hơn 36 giờ không có bản sao lưu mới.')
    }
  } else {
    level = 'warning'
    parts.push('Chưa có bản sao lưu nào thành công.')
  }
  if (status.state === 'failed') {
    level = 'warning'
    const when = status.lastFailureAt ? ` lúc ${timeVi(status.lastFailureAt)}` : ''
    parts.push(`Lần sao lưu gần nhất thất bại${when}: ${status.lastFailureMessage ?? ''}`.trim())
  }
  if (status.state === 'running') parts.push('Đang sao lưu…')
  if (settings.enabled === false) {
    level = 'warning'
    parts.push('Sao lưu tự động hằng đêm đang tắt (Cài đặt sao lưu).')
  }
  return { level, text: parts.join(' ') }
}
