import { redirect } from 'next/navigation'
import type { PayloadRequest } from 'payload'
import { formatDateVi } from '@school/shared'

import { accountRestriction, RESTRICTION_MESSAGES } from '../../auth/account-restriction'
import { passwordReminder } from '../../auth/password-age'
import { securitySettings } from '../../auth/security-settings'
import type { User } from '../../payload-types'
import './account.scss'

interface HeaderProps {
  req?: PayloadRequest
  params?: { segments?: string[] }
}

/**
 * Above every admin page (Điều 4): an account that must change its password is sent to its
 * account page, one that must enter or set up its code to /admin/totp, with a notice of why
 * (the API refuses everything else to it anyway: auth/account-restriction.ts).
 */
export async function AccountGate({ req, params }: HeaderProps) {
  if (!req?.user) return null
  const restriction = await accountRestriction(req)
  if (!restriction) return null
  const adminRoute = req.payload.config.routes.admin
  const page = restriction.startsWith('totp') ? 'totp' : 'account'
  if (params?.segments?.[0] !== page) redirect(`${adminRoute}/${page}`)
  return (
    <p className="account-notice account-notice--gate" role="alert">
      {RESTRICTION_MESSAGES[restriction].vi}
    </p>
  )
}

/** On the dashboard, two weeks before the password expires: the date, and where to change it. */
export async function PasswordReminder({ req }: { req?: PayloadRequest }) {
  const user = req?.user as User | null | undefined
  if (!req || !user) return null
  const reminder = passwordReminder(user, await securitySettings(req))
  if (!reminder) return null
  const adminRoute = req.payload.config.routes.admin
  return (
    <p className="account-notice" role="status" data-password-reminder>
      Mật khẩu của bạn sẽ hết hạn ngày {formatDateVi(reminder.expiresAt)} (còn {reminder.daysLeft}{' '}
      ngày, Điều 4). Hãy <a href={`${adminRoute}/account`}>đổi mật khẩu</a> trước ngày đó.
    </p>
  )
}
