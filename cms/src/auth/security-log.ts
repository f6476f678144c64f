/**
 * The security log (ASVS V16): logins, failures, throttles, lockouts, unlocks, password, role and
 * delegation changes, and refused requests — who, when, from where (the address the login
 * throttle reads). Entries are written by the server only, bypassing access; the principal reads
 * them (policy: 'security-log').
 *
 * An entry that cannot be written never breaks the user's request: it is logged as a server
 * error instead. The log watches the system; a failure to write it must not lock the school out of
 * its own accounts, nor turn an attacker's refused request into a 500.
 *
 * Refusals and failed logins come from clients the school does not control: per client address
 * and kind of event, at most `SECURITY_LOG_FLOOD.entries` are written a minute, and the rest are
 * counted into one summarising entry when the minute ends, so a flood of refused requests costs
 * the CMS a counter, not a write each.
 */
import {
  AuthenticationError,
  LockedAuth,
  type AfterErrorHook,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionAfterLoginHook,
  type CollectionAfterLogoutHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionConfig,
  type Payload,
  type PayloadRequest,
} from 'payload'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { ROLE_LABELS, isRole, type SecurityEvent } from '@school/shared'

import type { SecurityLog, User } from '../payload-types'
import { ACCOUNT_LOCKOUT, clientAddress } from './login-throttle'

/** Entries of one kind one client address may cause in a window; the rest are summarised. */
export const SECURITY_LOG_FLOOD = { entries: 10, seconds: 60 } as const

/** Events a client causes without any right (or against one): these are capped per address. */
const FLOODABLE: ReadonlySet<SecurityEvent> = new Set<SecurityEvent>([
  'login_failed',
  'login_throttled',
  'password_reset_requested',
  'authorization_denied',
])

const USER_AGENT_LENGTH = 200
const EMAIL_LENGTH = 320

type EntryData = Omit<SecurityLog, 'id' | 'createdAt' | 'updatedAt'>

interface Person {
  id: number | string
  fullName?: string | null
  email?: string | null
}

interface Entry {
  event: SecurityEvent
  /** Who acted; the request's user when left out. */
  actor?: Person | null
  target?: { id?: number | string | null; email?: string | null } | null
  method?: string | null
  path?: string | null
  collection?: string | null
  status?: number | null
  detail?: string | null
}

function entryData(req: PayloadRequest, entry: Entry): EntryData {
  const actor = entry.actor === undefined ? ((req.user as User | null) ?? null) : entry.actor
  const agent = req.headers?.get('user-agent') ?? null
  return {
    event: entry.event,
    // As text, so that deleting the account later leaves the entry naming who acted.
    actorUserId: actor ? String(actor.id) : null,
    actorName: actor?.fullName ?? null,
    actorEmail: actor?.email ?? null,
    targetUserId: entry.target?.id == null ? null : String(entry.target.id),
    targetEmail: entry.target?.email?.slice(0, EMAIL_LENGTH) ?? null,
    clientAddress: req.headers ? clientAddress(req) : 'unknown',
    userAgent: agent ? agent.slice(0, USER_AGENT_LENGTH) : null,
    method: entry.method ?? null,
    path: entry.path ?? null,
    collection: entry.collection ?? null,
    status: entry.status ?? null,
    detail: entry.detail ?? null,
    count: 1,
  }
}

/**
 * `inRequest`: the entry belongs to a change the request makes, and is written in its
 * transaction (undone with it). Refusals and failures are written on their own: the request's
 * transaction is rolled back, and the entry must stay.
 */
async function write(payload: Payload, data: EntryData, req?: PayloadRequest): Promise<void> {
  try {
    await payload.create({
      collection: 'security-log',
      data,
      overrideAccess: true,
      depth: 0,
      ...(req && { req }),
    })
  } catch (error) {
    payload.logger.error({ err: error, msg: `Security log: "${data.event}" not written` })
  }
}

const entriesPerAddress = new RateLimiterMemory({
  keyPrefix: 'security-log',
  points: SECURITY_LOG_FLOOD.entries,
  duration: SECURITY_LOG_FLOOD.seconds,
})

interface Suppressed {
  payload: Payload
  /** The latest of the entries held back, which the summary shows. */
  data: EntryData
  count: number
  timer: ReturnType<typeof setTimeout>
}
const suppressed = new Map<string, Suppressed>()

async function writeSummary(key: string): Promise<void> {
  const held = suppressed.get(key)
  if (!held) return
  suppressed.delete(key)
  clearTimeout(held.timer)
  const summary =
    `Thêm ${held.count} lần như vậy từ địa chỉ này trong ${SECURITY_LOG_FLOOD.seconds} giây, ` +
    'gộp lại thành bản ghi này (lần cuối được ghi ở đây).'
  await write(held.payload, {
    ...held.data,
    count: held.count,
    detail: held.data.detail ? `${summary} ${held.data.detail}` : summary,
  })
}

/**
 * Writes the summaries of every entry held back so far, without waiting for their minute to end
 * (the server's timers do it then). For a shutdown, and for tests.
 */
export async function flushSuppressedSecurityEvents(): Promise<void> {
  for (const key of [...suppressed.keys()]) await writeSummary(key)
}

/** Writes one entry (or counts it towards a summary when its address floods the log). */
export async function recordSecurityEvent(
  req: PayloadRequest,
  entry: Entry,
  options: { inRequest?: boolean } = {},
): Promise<void> {
  const data = entryData(req, entry)
  if (FLOODABLE.has(entry.event)) {
    const key = `${data.clientAddress}|${entry.event}`
    try {
      await entriesPerAddress.consume(key)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      const held = suppressed.get(key)
      if (held) {
        held.count += 1
        held.data = data
      } else {
        const timer = setTimeout(() => void writeSummary(key), rejection.msBeforeNext)
        timer.unref?.()
        suppressed.set(key, { payload: req.payload, data, count: 1, timer })
      }
      return
    }
  }
  await write(req.payload, data, options.inRequest ? req : undefined)
}

// ── Refusals ────────────────────────────────────────────────────────────────────────────────────

/** Errors already recorded where they were raised (by `authorize()`), skipped by `afterError`. */
const recordedErrors = new WeakSet<object>()

/** `authorize()` refused the request's user: recorded with what they asked for. */
export async function recordDeniedAuthorization(
  req: PayloadRequest,
  error: Error & { status?: number },
  target?: { collection?: string; id?: number | string },
): Promise<void> {
  recordedErrors.add(error)
  await recordSecurityEvent(req, {
    event: 'authorization_denied',
    method: req.method ?? null,
    path: req.pathname ?? null,
    collection: target?.collection ?? null,
    status: error.status ?? 403,
    detail: target?.id === undefined ? error.message : `#${target.id}: ${error.message}`,
  })
}

// ── Logins ──────────────────────────────────────────────────────────────────────────────────────

interface LoginAttempt {
  email: string
  accountId: number | string | null
  lockedBefore: boolean
}
/** The login a request tries, by its context (shared by all of a GraphQL request's resolvers). */
const loginAttempts = new WeakMap<object, LoginAttempt>()

interface AccountLock {
  id: number | string
  lockUntil?: string | null
}

async function accountByEmail(payload: Payload, email: string): Promise<AccountLock | null> {
  return (await payload.db.findOne({
    collection: 'users',
    where: { email: { equals: email } },
  })) as AccountLock | null
}

function isLocked(account: AccountLock | null): boolean {
  return Boolean(account?.lockUntil && new Date(account.lockUntil).getTime() > Date.now())
}

/**
 * Notes which account a client tries to log into, and whether it was locked, before Payload (or
 * the throttle) answers: a failure reaches `afterError` with neither. Runs first on the login.
 */
export const noteLoginAttempt: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (typeof email !== 'string') return args
  const normalised = email.toLowerCase().trim().slice(0, EMAIL_LENGTH)
  const account = await accountByEmail(req.payload, normalised)
  loginAttempts.set(req.context ?? req, {
    email: normalised,
    accountId: account?.id ?? null,
    lockedBefore: isLocked(account),
  })
  return args
}

async function recordFailedLogin(
  req: PayloadRequest,
  attempt: LoginAttempt,
  error: Error & { status?: number },
): Promise<void> {
  const target = { id: attempt.accountId, email: attempt.email }
  const where = { method: 'POST', path: req.pathname ?? null, actor: null }
  if (error.status === 429) {
    await recordSecurityEvent(req, {
      ...where,
      event: 'login_throttled',
      target,
      status: 429,
      detail: error.message,
    })
    return
  }
  const detail = !attempt.accountId
    ? 'Không có tài khoản nào mang email này.'
    : attempt.lockedBefore
      ? 'Tài khoản đang bị tạm khóa.'
      : 'Sai mật khẩu.'
  await recordSecurityEvent(req, { ...where, event: 'login_failed', target, status: 401, detail })
  if (!attempt.accountId || attempt.lockedBefore) return
  if (isLocked(await accountByEmail(req.payload, attempt.email)))
    await recordSecurityEvent(req, {
      ...where,
      event: 'account_locked',
      target,
      status: 401,
      detail:
        `Sau ${ACCOUNT_LOCKOUT.attempts} lần nhập sai mật khẩu liên tiếp; ` +
        `khóa ${ACCOUNT_LOCKOUT.minutes} phút.`,
    })
}

export const recordLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  if (req.payloadAPI === 'local') return
  const account = user as User
  await recordSecurityEvent(
    req,
    { event: 'login_succeeded', actor: account, target: account, path: req.pathname ?? null },
    { inRequest: true },
  )
}

export const recordLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user as User | null
  await recordSecurityEvent(req, { event: 'logout', target: user, path: req.pathname ?? null })
}

// ── Errors of REST and GraphQL requests ─────────────────────────────────────────────────────────

/**
 * Failed logins (all three kinds: unknown email, wrong password, locked account), throttled
 * logins, and every 403 a client gets: Payload's own access refusals, field refusals, endpoints'
 * refusals. 401s without a login (a page loaded logged out, an expired session) are not
 * recorded: they are the normal start of a visit, and say nothing a defender can act on.
 */
export const recordRefusals: AfterErrorHook = async ({ collection, error, graphqlResult, req }) => {
  const original = ((error as { originalError?: unknown }).originalError ?? error) as Error & {
    status?: number
  }
  const attempt = loginAttempts.get(req.context ?? req)
  const loginFailure =
    original instanceof AuthenticationError ||
    original instanceof LockedAuth ||
    original.status === 429
  if (attempt && loginFailure) {
    await recordFailedLogin(req, attempt, original)
    return
  }
  if (original.status !== 403 || recordedErrors.has(original)) return
  recordedErrors.add(original)
  const graphqlPath = graphqlResult?.path as Array<number | string> | undefined
  await recordSecurityEvent(req, {
    event: 'authorization_denied',
    method: req.method ?? null,
    path: req.pathname ?? null,
    collection: collection?.slug ?? null,
    status: 403,
    detail: graphqlPath ? `${graphqlPath.join('.')}: ${original.message}` : original.message,
  })
}

// ── Accounts ────────────────────────────────────────────────────────────────────────────────────

/** Accounts whose password the request is changing (Payload drops it from `data` before saving). */
const passwordChanges = new WeakMap<object, Set<string>>()

export const notePasswordChange: CollectionBeforeChangeHook = ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const password = (data as { password?: unknown }).password
  if (operation !== 'update' || !originalDoc || typeof password !== 'string' || !password)
    return data
  const changing = passwordChanges.get(req) ?? new Set<string>()
  changing.add(String(originalDoc.id))
  passwordChanges.set(req, changing)
  return data
}

function rolesText(roles: unknown): string {
  const list = Array.isArray(roles) ? roles : []
  if (list.length === 0) return '(không có)'
  return list.map((role) => (isRole(role) ? ROLE_LABELS[role].vi : String(role))).join(', ')
}

function sameRoles(before: unknown, after: unknown): boolean {
  const a = new Set(Array.isArray(before) ? before.map(String) : [])
  const b = new Set(Array.isArray(after) ? after.map(String) : [])
  return a.size === b.size && [...a].every((role) => b.has(role))
}

export const recordAccountChanges: CollectionAfterChangeHook = async ({
  doc,
  operation,
  previousDoc,
  req,
}) => {
  const account = doc as User
  const target = { id: account.id, email: account.email }
  const where = { target, collection: 'users', path: req.pathname ?? null }
  if (operation === 'create') {
    const delegate = account.canManageAccounts ? '; được ủy quyền quản lý tài khoản' : ''
    await recordSecurityEvent(
      req,
      {
        ...where,
        event: 'account_created',
        detail: `Vai trò: ${rolesText(account.roles)}${delegate}`,
      },
      { inRequest: true },
    )
    return doc
  }
  const before = (previousDoc ?? {}) as Partial<User>
  if (!sameRoles(before.roles, account.roles))
    await recordSecurityEvent(
      req,
      {
        ...where,
        event: 'roles_changed',
        detail: `${rolesText(before.roles)} → ${rolesText(account.roles)}`,
      },
      { inRequest: true },
    )
  if (Boolean(before.canManageAccounts) !== Boolean(account.canManageAccounts))
    await recordSecurityEvent(
      req,
      {
        ...where,
        event: 'delegation_changed',
        detail: account.canManageAccounts
          ? 'Được ủy quyền quản lý tài khoản.'
          : 'Thôi ủy quyền quản lý tài khoản.',
      },
      { inRequest: true },
    )
  const changing = passwordChanges.get(req)
  if (changing?.delete(String(account.id))) {
    const own = req.user && String(req.user.id) === String(account.id)
    await recordSecurityEvent(
      req,
      {
        ...where,
        event: 'password_changed',
        detail: own ? 'Tự đổi mật khẩu.' : 'Người quản lý tài khoản đặt mật khẩu mới.',
      },
      { inRequest: true },
    )
  }
  return doc
}

export const recordAccountDeletion: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const account = doc as User
  await recordSecurityEvent(
    req,
    {
      event: 'account_deleted',
      target: { id: account.id, email: account.email },
      collection: 'users',
      path: req.pathname ?? null,
      detail: `${account.fullName ?? ''} — vai trò: ${rolesText(account.roles)}`,
    },
    { inRequest: true },
  )
}

/** Asked for a reset mail: recorded with the email asked about, known or not (after the throttle). */
export const recordPasswordResetRequest: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'forgotPassword' || req.payloadAPI === 'local') return args
  const email = (args as { data?: { email?: unknown } }).data?.email
  if (typeof email !== 'string') return args
  const normalised = email.toLowerCase().trim().slice(0, EMAIL_LENGTH)
  const account = await accountByEmail(req.payload, normalised)
  await recordSecurityEvent(req, {
    event: 'password_reset_requested',
    target: { id: account?.id ?? null, email: normalised },
    path: req.pathname ?? null,
    detail: account ? null : 'Không có tài khoản nào mang email này.',
  })
  return args
}

export const recordUnlockAndReset: CollectionAfterOperationHook = async ({
  args,
  operation,
  req,
  result,
}) => {
  if (operation === 'unlock') {
    const email = (args as { data?: { email?: unknown } }).data?.email
    const normalised = typeof email === 'string' ? email.toLowerCase().trim() : null
    const account = normalised ? await accountByEmail(req.payload, normalised) : null
    await recordSecurityEvent(
      req,
      {
        event: 'account_unlocked',
        target: { id: account?.id ?? null, email: normalised },
        collection: 'users',
        path: req.pathname ?? null,
      },
      { inRequest: true },
    )
  }
  if (operation === 'resetPassword') {
    const user = (result as unknown as { user?: User } | undefined)?.user ?? null
    await recordSecurityEvent(
      req,
      {
        event: 'password_reset',
        actor: user,
        target: user,
        path: req.pathname ?? null,
        detail: 'Đặt mật khẩu mới bằng liên kết gửi qua email.',
      },
      { inRequest: true },
    )
  }
  return result
}

/**
 * The accounts collection with its security log hooks: the login is noted before the throttle
 * can refuse it, a reset request after the throttle let it through.
 */
export function withSecurityLog(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: {
      ...hooks,
      beforeOperation: [
        noteLoginAttempt,
        ...(hooks.beforeOperation ?? []),
        recordPasswordResetRequest,
      ],
      afterOperation: [...(hooks.afterOperation ?? []), recordUnlockAndReset],
      afterLogin: [...(hooks.afterLogin ?? []), recordLogin],
      afterLogout: [...(hooks.afterLogout ?? []), recordLogout],
      beforeChange: [...(hooks.beforeChange ?? []), notePasswordChange],
      afterChange: [...(hooks.afterChange ?? []), recordAccountChanges],
      afterDelete: [...(hooks.afterDelete ?? []), recordAccountDeletion],
    },
  }
}
