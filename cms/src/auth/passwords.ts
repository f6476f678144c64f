/**
 * Password rules of Điều 4: a maximum age the principal sets, a reminder two weeks before, a
 * forced change when it is reached or when the principal asks for one, and no reuse of the last
 * five passwords. What an account may do meanwhile is decided in `./account-restriction.ts`.
 */
import { pbkdf2, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

import {
  ValidationError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type CollectionBeforeValidateHook,
  type Field,
  type PayloadRequest,
} from 'payload'

import { fieldAccess, fieldReadAccess } from '../access/payload-access'
import { isStrongPassword, WEAK_PASSWORD } from '../hooks/requireStrongPassword'
import { localize } from '../lib/messages'

/** The current password and the four before it may not be chosen again. */
export const PASSWORDS_REMEMBERED = 5
/** One earlier password as Payload stored it (payload/dist/auth/strategies/local). */
interface StoredPassword {
  hash: string
  salt: string
}

/** Payload's hash parameters: current (prefixed) and legacy hashes both stay comparable. */
const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const derive = promisify(pbkdf2)

async function isSamePassword(password: string, stored: StoredPassword): Promise<boolean> {
  const current = stored.hash.startsWith(CURRENT_PREFIX)
  const expected = Buffer.from(
    current ? stored.hash.slice(CURRENT_PREFIX.length) : stored.hash,
    'hex',
  )
  const actual = await derive(
    password,
    stored.salt,
    current ? 600_000 : 25_000,
    current ? 32 : 512,
    'sha256',
  )
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

function storedPasswords(value: unknown): StoredPassword[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (entry): entry is StoredPassword =>
      typeof entry?.hash === 'string' && typeof entry?.salt === 'string',
  )
}

const REUSED = {
  vi: `Mật khẩu mới không được trùng với ${PASSWORDS_REMEMBERED} mật khẩu gần nhất của bạn.`,
  en: `The new password may not be one of your last ${PASSWORDS_REMEMBERED} passwords.`,
}

/**
 * Refuses (400) a password equal to the account's current one or one of those it remembers;
 * answers the history to keep once the new one replaces the current one.
 */
async function historyAfterChange(
  req: PayloadRequest,
  password: string,
  account: Record<string, unknown>,
): Promise<StoredPassword[]> {
  const recent = [
    ...storedPasswords([{ hash: account.hash, salt: account.salt }]),
    ...storedPasswords(account.passwordHistory),
  ].slice(0, PASSWORDS_REMEMBERED)
  const matches = await Promise.all(recent.map((stored) => isSamePassword(password, stored)))
  if (matches.some(Boolean)) {
    throw new ValidationError({
      collection: 'users',
      errors: [{ path: 'password', message: localize(req, REUSED) }],
    })
  }
  return recent.slice(0, PASSWORDS_REMEMBERED - 1)
}

/**
 * Whenever a password is set: refuses one of the last five (400), remembers the one it replaces,
 * stamps the time of the change and, when the owner made it, lifts a change the principal asked
 * for. The fields are the server's: no client writes them (fieldWritePolicy.users), Payload's
 * field access having run before this hook.
 */
export const keepPasswordHistory: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const password = data?.password
  if (typeof password !== 'string' || password.length === 0) return data
  const history =
    operation === 'update' && originalDoc
      ? await historyAfterChange(req, password, originalDoc)
      : []
  // The owner's own new password meets a change the principal asked for; a password the
  // principal sets for someone leaves the request as it is.
  const byOwner = operation === 'update' && String(req.user?.id) === String(originalDoc?.id)
  return {
    ...data,
    passwordHistory: history,
    passwordChangedAt: new Date().toISOString(),
    ...(byOwner && { mustChangePassword: false }),
  }
}

/** Resets by e-mailed link checked before Payload saves them: the account and its history. */
const pendingResets = new WeakMap<PayloadRequest, { id: unknown; history: StoredPassword[] }>()

/**
 * "Forgot password" sets the password without the update's hooks: the same rules are applied
 * here (strong, not one of the last five), before Payload looks the token up itself.
 */
export const checkPasswordReset: CollectionBeforeOperationHook = async ({
  args,
  operation,
  req,
}) => {
  if (operation !== 'resetPassword') return args
  const { token, password } = ((args as { data?: Record<string, unknown> }).data ?? {}) as {
    token?: unknown
    password?: unknown
  }
  if (typeof token !== 'string' || typeof password !== 'string') return args
  if (!isStrongPassword(password)) {
    throw new ValidationError({
      collection: 'users',
      errors: [{ path: 'password', message: localize(req, WEAK_PASSWORD) }],
    })
  }
  const account = (await req.payload.db.findOne({
    collection: 'users',
    where: {
      and: [
        { resetPasswordToken: { equals: token } },
        { resetPasswordExpiration: { greater_than: new Date().toISOString() } },
      ],
    },
    req,
  })) as Record<string, unknown> | null
  // An unknown or expired token: Payload answers it.
  if (!account) return args
  pendingResets.set(req, {
    id: account.id,
    history: await historyAfterChange(req, password, account),
  })
  return args
}

/**
 * The reset's save: Payload passes the whole account to the beforeValidate hooks and saves that
 * object, so the history and the time of the change are written onto it.
 */
export const recordPasswordReset: CollectionBeforeValidateHook = ({ data, req }) => {
  const pending = pendingResets.get(req)
  if (!pending || !data || String(data.id) !== String(pending.id)) return data
  pendingResets.delete(req)
  Object.assign(data, {
    passwordHistory: pending.history,
    passwordChangedAt: new Date().toISOString(),
    mustChangePassword: false,
  })
  return data
}

const MUST_CHANGE_LABEL = { vi: 'Phải đổi mật khẩu', en: 'Must change password' }

/** The fields of Users that keep the password's age and history. */
export const passwordFields: Field[] = [
  {
    name: 'mustChangePassword',
    type: 'checkbox',
    defaultValue: false,
    label: MUST_CHANGE_LABEL,
    access: {
      ...fieldAccess('users', 'mustChangePassword', MUST_CHANGE_LABEL, false),
      ...fieldReadAccess('users', 'mustChangePassword'),
    },
    admin: {
      position: 'sidebar',
      description: {
        vi: 'Điều 4: người này phải đặt mật khẩu mới ở lần làm việc tới, trước khi làm việc khác.',
        en: 'Điều 4: this person must set a new password before doing anything else.',
      },
    },
  },
  {
    name: 'passwordChangedAt',
    type: 'date',
    label: { vi: 'Đổi mật khẩu lần cuối', en: 'Password last changed' },
    access: {
      ...fieldAccess('users', 'passwordChangedAt', {
        vi: 'Đổi mật khẩu lần cuối',
        en: 'Password last changed',
      }),
      ...fieldReadAccess('users', 'passwordChangedAt'),
    },
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { displayFormat: 'dd/MM/yyyy HH:mm' },
    },
  },
  {
    // Earlier hashes and salts: the server's alone, never sent to anyone.
    name: 'passwordHistory',
    type: 'json',
    hidden: true,
    access: {
      ...fieldAccess('users', 'passwordHistory', { vi: 'Mật khẩu cũ', en: 'Earlier passwords' }),
      ...fieldReadAccess('users', 'passwordHistory'),
    },
  },
]
