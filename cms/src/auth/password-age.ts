/** How old a password may grow (Điều 4), and when the dashboard reminds its owner. */
import type { User } from '../payload-types'
import type { SecuritySettingsValues } from './security-settings'

/** The dashboard reminds this many days before a password expires. */
export const REMINDER_DAYS = 14

const DAY = 24 * 60 * 60 * 1000

type PasswordState = Pick<User, 'passwordChangedAt' | 'createdAt'>

/** When the password expires: its age is counted from its last change (else the account's start). */
export function passwordExpiresAt(user: PasswordState, settings: SecuritySettingsValues): Date {
  const changed = new Date(user.passwordChangedAt ?? user.createdAt).getTime()
  return new Date(changed + settings.passwordMaxAgeDays * DAY)
}

export function isPasswordExpired(
  user: PasswordState,
  settings: SecuritySettingsValues,
  now: Date = new Date(),
): boolean {
  return passwordExpiresAt(user, settings).getTime() <= now.getTime()
}

/**
 * The dashboard's reminder: the expiry date when it is at most two weeks away (and not yet
 * passed: an expired password is a forced change, not a reminder), else null.
 */
export function passwordReminder(
  user: PasswordState,
  settings: SecuritySettingsValues,
  now: Date = new Date(),
): { expiresAt: Date; daysLeft: number } | null {
  const expiresAt = passwordExpiresAt(user, settings)
  const left = expiresAt.getTime() - now.getTime()
  if (left <= 0 || left > REMINDER_DAYS * DAY) return null
  return { expiresAt, daysLeft: Math.ceil(left / DAY) }
}
