/**
 * Guessing passwords across accounts (Điều 4, 17.6). Payload locks one account after repeated
 * failures; it does not stop one client from trying a few passwords on every account, nor from
 * sending many aliased `loginUser` mutations in one GraphQL request, and it told a locked account
 * ("this user is locked") from an unknown one. Here: failed logins are counted per client address,
 * one request tries at most one login, and every failed login gets the same answer.
 *
 * The counters live in this process's memory (rate-limiter-flexible's memory limiter): the CMS
 * runs as one process, and a restart forgets them, which only gives back what a wait would.
 */
import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

import {
  AuthenticationError,
  LockedAuth,
  type AfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import { localize, userError, type Message } from '../lib/messages'

/** Payload's own lockout of one account (`auth.maxLoginAttempts`, `auth.lockTime`). */
export const ACCOUNT_LOCKOUT = { attempts: 5, minutes: 15 } as const

/** Failed logins one address may make in a window; a successful login does not count. */
export const LOGIN_ATTEMPTS_PER_ADDRESS = { attempts: 10, minutes: 15 } as const
/** Password-reset mails one address may ask for in a window. */
export const PASSWORD_RESETS_PER_ADDRESS = { attempts: 5, minutes: 60 } as const

const loginAttempts = new RateLimiterMemory({
  keyPrefix: 'login',
  points: LOGIN_ATTEMPTS_PER_ADDRESS.attempts,
  duration: LOGIN_ATTEMPTS_PER_ADDRESS.minutes * 60,
})
const passwordResets = new RateLimiterMemory({
  keyPrefix: 'forgot-password',
  points: PASSWORD_RESETS_PER_ADDRESS.attempts,
  duration: PASSWORD_RESETS_PER_ADDRESS.minutes * 60,
})

/**
 * How many proxies in front of the CMS append the address they saw to X-Forwarded-For.
 * Next fills the header from the socket only when a request has none (base-server: `??=`), so
 * the header's last entry is either the socket's address or what the nearest proxy appended;
 * each further trusted proxy moves the client one entry to the left. Without a proxy a client
 * can write the header itself: the CMS listens on localhost only (scripts/start.mjs), so a school
 * publishes it through a proxy that appends (nginx: `$proxy_add_x_forwarded_for`).
 */
function trustedProxies(): number {
  const hops = Number.parseInt(process.env.TRUSTED_PROXIES ?? '0', 10)
  return Number.isFinite(hops) && hops > 0 ? hops : 0
}

/** The client's address as the outermost trusted proxy (or the socket) saw it. */
export function clientAddress(req: PayloadRequest): string {
  const forwarded = (req.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (forwarded.length === 0) return 'unknown'
  const fromRight = Math.max(trustedProxies(), 1)
  return forwarded[Math.max(forwarded.length - fromRight, 0)]
}

const TOO_MANY_LOGINS = (minutes: number): Message => ({
  vi: `Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`,
  en: `Too many failed logins from this address. Please try again in ${minutes} minutes.`,
})
const ONE_LOGIN_PER_REQUEST: Message = {
  vi: 'Mỗi yêu cầu chỉ được đăng nhập một lần.',
  en: 'A request may log in only once.',
}
const TOO_MANY_RESETS = (minutes: number): Message => ({
  vi: `Đã gửi quá nhiều yêu cầu đặt lại mật khẩu từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`,
  en: `Too many password reset requests from this address. Please try again in ${minutes} minutes.`,
})

/** Payload's two answers to a failed login, made one: nobody learns which accounts exist. */
const LOGIN_FAILED: Message = {
  vi:
    'Email hoặc mật khẩu không đúng. Sau ' +
    `${ACCOUNT_LOCKOUT.attempts} lần nhập sai liên tiếp, tài khoản bị tạm khóa ` +
    `${ACCOUNT_LOCKOUT.minutes} phút.`,
  en:
    'The email or password is incorrect. After ' +
    `${ACCOUNT_LOCKOUT.attempts} wrong attempts in a row, the account is locked for ` +
    `${ACCOUNT_LOCKOUT.minutes} minutes.`,
}

/** Requests that have tried a login, by their context (shared by all of a request's resolvers). */
const requestsWithALogin = new WeakSet<object>()

async function consumeOrRefuse(
  req: PayloadRequest,
  limiter: RateLimiterMemory,
  refusal: (minutes: number) => Message,
): Promise<void> {
  try {
    await limiter.consume(clientAddress(req))
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const seconds = Math.ceil(rejection.msBeforeNext / 1000)
    req.responseHeaders ??= new Headers()
    req.responseHeaders.set('Retry-After', String(seconds))
    throw userError(req, 429, refusal(Math.ceil(seconds / 60)))
  }
}

/**
 * Counts every login a client makes over REST or GraphQL before Payload looks the account up:
 * the 11th failure from one address in 15 minutes is refused with 429 and `Retry-After`, and so
 * is every login after the first in one request (each still counts). Server code logging in
 * through the Local API has no client and is not counted.
 */
export const throttleLoginsPerAddress: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (req.payloadAPI === 'local') return args
  if (operation === 'forgotPassword') {
    await consumeOrRefuse(req, passwordResets, TOO_MANY_RESETS)
    return args
  }
  if (operation !== 'login') return args
  const request = req.context ?? req
  const secondLogin = requestsWithALogin.has(request)
  requestsWithALogin.add(request)
  await consumeOrRefuse(req, loginAttempts, TOO_MANY_LOGINS)
  if (secondLogin) throw userError(req, 429, ONE_LOGIN_PER_REQUEST)
  return args
}

/** Payload's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash). */
const PASSWORD_HASH = { iterations: 600_000, keyLength: 32 } as const
const derive = promisify(pbkdf2)

/**
 * Payload answers an unknown or locked account at once, without checking the password, and a
 * real one after a password hash of several hundred milliseconds: the delay told which accounts
 * exist (7 ms against 180–750 ms here). Such logins now hash the password too.
 */
export const failedLookupsTakeAsLongAsPasswordChecks: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const { email, password } = ((args as { data?: Record<string, unknown> }).data ?? {}) as {
    email?: unknown
    password?: unknown
  }
  if (typeof email !== 'string' || typeof password !== 'string' || !password.trim()) return args
  const account = (await req.payload.db.findOne({
    collection: collection.slug,
    where: { email: { equals: email.toLowerCase().trim() } },
    req,
  })) as { lockUntil?: string | null } | null
  const locked = Boolean(account?.lockUntil && new Date(account.lockUntil).getTime() > Date.now())
  if (!account || locked)
    await derive(
      password,
      randomBytes(32),
      PASSWORD_HASH.iterations,
      PASSWORD_HASH.keyLength,
      'sha256',
    )
  return args
}

/** A successful login gives its attempt back: colleagues behind one school router can log in. */
export const successfulLoginsDoNotCount: CollectionAfterLoginHook = async ({ req }) => {
  if (req.payloadAPI !== 'local') await loginAttempts.reward(clientAddress(req))
}

/**
 * A locked account and an unknown email or a wrong password get the same status and message, in
 * REST and in GraphQL (where the error's name would tell them apart too).
 */
export const answerFailedLoginsAlike: AfterErrorHook = ({ error, graphqlResult, req }) => {
  const original = (error as { originalError?: unknown }).originalError ?? error
  if (!(original instanceof LockedAuth || original instanceof AuthenticationError)) return
  const message = localize(req, LOGIN_FAILED)
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message,
        extensions: { ...graphqlResult.extensions, name: 'AuthenticationError', statusCode: 401 },
      },
    }
  }
  return { response: { errors: [{ message }] }, status: 401 }
}
