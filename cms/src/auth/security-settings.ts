/** The principal's account rules (Điều 4) as the server applies them. */
import type { PayloadRequest } from 'payload'
import type { Role } from '@school/shared'

/** Điều 4: passwords are changed at least this often unless the principal sets otherwise. */
export const DEFAULT_PASSWORD_MAX_AGE_DAYS = 180

/** Roles that hold pupils' or staff records, or publish on the website: the suggested TOTP roles. */
export const RECORD_OR_PUBLISHING_ROLES: Role[] = [
  'principal',
  'vice_principal',
  'homeroom_teacher',
  'subject_teacher',
  'nurse',
  'hr_officer',
  'it_teacher',
  'web_admin',
  'clerk',
]

export interface SecuritySettingsValues {
  passwordMaxAgeDays: number
  totpRequired: boolean
  totpRequiredRoles: Role[]
}

const settingsCache = new WeakMap<PayloadRequest, Promise<SecuritySettingsValues>>()

/** The settings as the server applies them, read once per request. */
export function securitySettings(req: PayloadRequest): Promise<SecuritySettingsValues> {
  let found = settingsCache.get(req)
  if (!found) {
    found = req.payload
      .findGlobal({ slug: 'security-settings', depth: 0, overrideAccess: true, req })
      .then((stored) => ({
        passwordMaxAgeDays: stored.passwordMaxAgeDays || DEFAULT_PASSWORD_MAX_AGE_DAYS,
        totpRequired: stored.totpRequired === true,
        totpRequiredRoles: (stored.totpRequiredRoles ?? []) as Role[],
      }))
    settingsCache.set(req, found)
  }
  return found
}
