/**
 * An optional second factor (Điều 4): a time-based code (TOTP, RFC 6238, by otplib) from an
 * authenticator app, which the principal can require of the roles holding records or publishing
 * (globals/SecuritySettings). The secret stays on the server (a hidden field no reader gets); a
 * session counts as verified once a valid code was entered in it, and until then the account may
 * do nothing but this (auth/account-restriction.ts).
 */
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import type { Endpoint, Field, PayloadRequest } from 'payload'
import { RateLimiterMemory } from 'rate-limiter-flexible'

import { fieldAccess, fieldReadAccess } from '../access/payload-access'
import { userError, type Message } from '../lib/messages'
import type { User } from '../payload-types'
import { verifiedSessions } from './account-restriction'

const ISSUER = 'Trường Tiểu học Gia Thượng'

/** Wrong codes one account may enter in a window: a 6-digit code must not be guessable. */
export const TOTP_ATTEMPTS = { attempts: 5, minutes: 15 } as const

const wrongCodes = new RateLimiterMemory({
  keyPrefix: 'totp',
  points: TOTP_ATTEMPTS.attempts,
  duration: TOTP_ATTEMPTS.minutes * 60,
})

type SignedIn = User & { _sid?: string }

const LOGIN_REQUIRED: Message = { vi: 'Cần đăng nhập.', en: 'You must log in.' }
const ALREADY_ON: Message = {
  vi: 'Xác thực hai lớp đã được bật cho tài khoản này. Muốn cài lại (mất điện thoại…), hãy nhờ Hiệu trưởng.',
  en: 'The second factor is already on for this account. To set it up again, ask the principal.',
}
const NOT_SET_UP: Message = {
  vi: 'Tài khoản chưa cài xác thực hai lớp: hãy cài đặt trước (POST /api/totp/setup).',
  en: 'No second factor is set up yet: set it up first (POST /api/totp/setup).',
}
const BAD_CODE_FORMAT: Message = {
  vi: 'Mã xác thực gồm 6 chữ số, ví dụ {"code": "123456"}.',
  en: 'The code has 6 digits, e.g. {"code": "123456"}.',
}
const WRONG_CODE: Message = {
  vi: 'Mã xác thực không đúng hoặc đã hết hạn. Hãy nhập mã đang hiện trong ứng dụng.',
  en: 'The code is wrong or expired. Enter the code your app shows now.',
}
const NO_SESSION: Message = {
  vi: 'Hãy đăng nhập bằng mật khẩu trước khi nhập mã.',
  en: 'Log in with your password before entering a code.',
}
const TOO_MANY = (minutes: number): Message => ({
  vi: `Đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
  en: `Too many wrong codes. Please try again in ${minutes} minutes.`,
})

function signedIn(req: PayloadRequest): SignedIn {
  const user = req.user as (SignedIn & { collection?: string }) | null | undefined
  if (!user || user.collection !== 'users') throw userError(req, 401, LOGIN_REQUIRED)
  return user
}

/** The account as stored, with its secret: read by the server only. */
async function storedAccount(req: PayloadRequest, id: User['id']): Promise<User> {
  return req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
}

async function saveSecondFactor(req: PayloadRequest, id: User['id'], data: Partial<User>) {
  await req.payload.update({ collection: 'users', id, data, depth: 0, overrideAccess: true, req })
}

/**
 * POST /api/totp/setup: a new secret for the signed-in account, as an otpauth:// URI and its QR
 * code (PNG data URL) for the app. It counts only once a code from it is verified.
 */
export const totpSetupEndpoint: Endpoint = {
  path: '/totp/setup',
  method: 'post',
  handler: async (req) => {
    const user = signedIn(req)
    // A stolen password must not be enough to replace the second factor.
    if (user.totpEnabled) throw userError(req, 409, ALREADY_ON)
    const secret = generateSecret()
    await saveSecondFactor(req, user.id, { totpSecret: secret })
    const otpauthUri = generateURI({ issuer: ISSUER, label: user.email, secret })
    const qrCode = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 240 })
    return Response.json({ otpauthUri, qrCode, secret })
  },
}

/** Refuses (429) an account that entered too many wrong codes lately. */
async function refuseWhileThrottled(req: PayloadRequest, key: string): Promise<void> {
  const state = await wrongCodes.get(key)
  if (!state || state.consumedPoints < TOTP_ATTEMPTS.attempts) return
  const seconds = Math.ceil(state.msBeforeNext / 1000)
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('Retry-After', String(seconds))
  throw userError(req, 429, TOO_MANY(Math.ceil(seconds / 60)))
}

/**
 * POST /api/totp/verify {"code": "123456"}: checks the code; a valid one turns the second factor
 * on (at setup) and marks this session verified. Five wrong codes lock the check for 15 minutes.
 */
export const totpVerifyEndpoint: Endpoint = {
  path: '/totp/verify',
  method: 'post',
  handler: async (req) => {
    const user = signedIn(req)
    if (!user._sid) throw userError(req, 401, NO_SESSION)
    const key = String(user.id)
    await refuseWhileThrottled(req, key)
    const body = (await req.json?.().catch(() => undefined)) as { code?: unknown } | undefined
    const code = typeof body?.code === 'string' ? body.code.replace(/\s/g, '') : ''
    if (!/^\d{6}$/.test(code)) throw userError(req, 400, BAD_CODE_FORMAT)
    const account = await storedAccount(req, user.id)
    if (!account.totpSecret) throw userError(req, 400, NOT_SET_UP)
    // One period either side: a phone's clock a little off still works.
    const { valid } = await verify({ secret: account.totpSecret, token: code, epochTolerance: 30 })
    if (!valid) {
      await wrongCodes.penalty(key, 1)
      throw userError(req, 400, WRONG_CODE)
    }
    await wrongCodes.delete(key)
    const liveSessions = new Set((account.sessions ?? []).map((session) => session.id))
    const sessions = [
      ...verifiedSessions(account).filter((sid) => liveSessions.has(sid)),
      user._sid,
    ]
    await saveSecondFactor(req, user.id, { totpEnabled: true, totpVerifiedSessions: sessions })
    return Response.json({ verified: true })
  },
}

export const totpEndpoints: Endpoint[] = [totpSetupEndpoint, totpVerifyEndpoint]

const TOTP_LABEL = { vi: 'Xác thực hai lớp (TOTP)', en: 'Second factor (TOTP)' }

/** The fields of Users that keep the second factor. */
export const totpFields: Field[] = [
  {
    name: 'totpEnabled',
    type: 'checkbox',
    defaultValue: false,
    label: TOTP_LABEL,
    access: {
      ...fieldAccess('users', 'totpEnabled', TOTP_LABEL, false),
      ...fieldReadAccess('users', 'totpEnabled'),
    },
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: {
        vi: 'Bật khi người dùng cài ứng dụng xác thực ở trang /admin/totp.',
        en: 'On once the user set up an authenticator app at /admin/totp.',
      },
    },
  },
  {
    // The shared secret: the server's alone, never sent after setup.
    name: 'totpSecret',
    type: 'text',
    hidden: true,
    access: {
      ...fieldAccess('users', 'totpSecret', TOTP_LABEL),
      ...fieldReadAccess('users', 'totpSecret'),
    },
  },
  {
    // Sessions (JWT `sid`) that entered a valid code. Not hidden, so Payload's JWT strategy puts
    // it on `req.user` for the restriction check; read by nobody through the API.
    name: 'totpVerifiedSessions',
    type: 'json',
    access: {
      ...fieldAccess('users', 'totpVerifiedSessions', TOTP_LABEL),
      ...fieldReadAccess('users', 'totpVerifiedSessions'),
    },
    admin: { disabled: true },
  },
]
