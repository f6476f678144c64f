/**
 * An account that must change its password (expired, or asked by the principal) or confirm its
 * second factor may do nothing else until it has (Điều 4). This module says whether that is
 * so; the policy's gate (`access/payload-access.ts`, `access/authorize.ts`) then answers every
 * access decision for such an account from `restrictedAccountPolicy` alone, and
 * `explainAccountRestriction` tells the user, in the API's 403, what to do.
 */
import type { AfterErrorHook, PayloadRequest } from 'payload'

import type { Rule } from '../access/rules'
import { localize, type Message } from '../lib/messages'
import type { User } from '../payload-types'
import { securitySettings } from './security-settings'
import { isPasswordExpired } from './password-age'

export type AccountRestriction =
  'totpCodeRequired' | 'passwordChangeRequired' | 'passwordExpired' | 'totpSetupRequired'

/** The signed-in account, with the session id Payload's JWT strategy gives it. */
type SignedIn = User & { collection?: string; _sid?: string }

/** The sessions (JWT `sid`) in which the account entered a valid TOTP code. */
export function verifiedSessions(user: Pick<User, 'totpVerifiedSessions'>): string[] {
  const value = user.totpVerifiedSessions
  return Array.isArray(value) ? value.filter((sid): sid is string => typeof sid === 'string') : []
}

/** Does the principal require a second factor of this account's roles? */
export async function totpRequiredFor(req: PayloadRequest, user: User): Promise<boolean> {
  const settings = await securitySettings(req)
  return (
    settings.totpRequired &&
    (user.roles ?? []).some((role) => settings.totpRequiredRoles.includes(role))
  )
}

async function decide(req: PayloadRequest, user: SignedIn): Promise<AccountRestriction | null> {
  // The second factor comes first: without it, the password alone must not change anything.
  if (user.totpEnabled && !(user._sid && verifiedSessions(user).includes(user._sid))) {
    return 'totpCodeRequired'
  }
  if (user.mustChangePassword) return 'passwordChangeRequired'
  if (isPasswordExpired(user, await securitySettings(req))) return 'passwordExpired'
  if (!user.totpEnabled && (await totpRequiredFor(req, user))) return 'totpSetupRequired'
  return null
}

const decided = new WeakMap<PayloadRequest, Map<string, Promise<AccountRestriction | null>>>()

/** What the signed-in account must do first, or null; asked once per request and account. */
export function accountRestriction(req: PayloadRequest): Promise<AccountRestriction | null> {
  const user = req.user as SignedIn | null | undefined
  if (!user || (user.collection && user.collection !== 'users')) return Promise.resolve(null)
  let byAccount = decided.get(req)
  if (!byAccount) decided.set(req, (byAccount = new Map()))
  const key = `${user.id}:${user._sid ?? ''}`
  let answer = byAccount.get(key)
  if (!answer) {
    answer = decide(req, user)
    byAccount.set(key, answer)
  }
  return answer
}

const CHANGE_PASSWORD_HOW =
  'Hãy đổi mật khẩu ở trang Tài khoản (/admin/account) hoặc gửi PATCH /api/users/<id của bạn> ' +
  'với {"password": "…"}; cho đến khi đó bạn không làm được việc nào khác.'
const CHANGE_PASSWORD_HOW_EN =
  'Change it on the Account page (/admin/account) or send PATCH /api/users/<your id> with ' +
  '{"password": "…"}; until then nothing else is allowed.'

export const RESTRICTION_MESSAGES: Record<AccountRestriction, Message> = {
  totpCodeRequired: {
    vi:
      'Tài khoản của bạn dùng xác thực hai lớp: hãy nhập mã 6 số trong ứng dụng xác thực ở trang ' +
      '/admin/totp (hoặc POST /api/totp/verify với {"code": "…"}) trước khi làm việc khác.',
    en:
      'Your account uses a second factor: enter the 6-digit code of your authenticator app at ' +
      '/admin/totp (or POST /api/totp/verify with {"code": "…"}) before anything else.',
  },
  passwordChangeRequired: {
    vi: `Hiệu trưởng yêu cầu bạn đặt mật khẩu mới. ${CHANGE_PASSWORD_HOW}`,
    en: `The principal asks you to set a new password. ${CHANGE_PASSWORD_HOW_EN}`,
  },
  passwordExpired: {
    vi: `Mật khẩu của bạn đã hết hạn (Điều 4). ${CHANGE_PASSWORD_HOW}`,
    en: `Your password has expired (Điều 4). ${CHANGE_PASSWORD_HOW_EN}`,
  },
  totpSetupRequired: {
    vi:
      'Nhà trường yêu cầu vai trò của bạn dùng xác thực hai lớp: hãy cài đặt ứng dụng xác thực ở ' +
      'trang /admin/totp (hoặc POST /api/totp/setup rồi POST /api/totp/verify) trước khi làm ' +
      'việc khác.',
    en:
      'The school requires a second factor for your role: set up an authenticator app at ' +
      '/admin/totp (or POST /api/totp/setup, then POST /api/totp/verify) before anything else.',
  },
}

/**
 * A refusal (403) of a restricted account says why and what to do, in REST and in GraphQL,
 * instead of Payload's "You are not allowed to perform this action".
 */
export const explainAccountRestriction: AfterErrorHook = async ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  const status = (original as { status?: unknown }).status
  if (status !== 403 || !req) return
  const restriction = await accountRestriction(req)
  if (!restriction) return
  const message = localize(req, RESTRICTION_MESSAGES[restriction])
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, restriction, statusCode: 403 },
      },
    }
  }
  return { response: { errors: [{ message, data: { restriction } }] }, status: 403 }
}

/**
 * The policy's gate: `rule` for an account free to work, `meanwhile` (by default: no) for one
 * that must first change its password or confirm its second factor.
 */
export function unlessRestricted(rule: Rule, meanwhile: Rule = () => false): Rule {
  return async (context) =>
    (await accountRestriction(context.req)) ? meanwhile(context) : rule(context)
}
