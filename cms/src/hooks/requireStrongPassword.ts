import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

import { localize } from '../lib/messages'

/** At least 8 characters with a letter and a digit: the accounts hold children's records (Điều 4). */
export function isStrongPassword(password: string): boolean {
  return password.length >= 8 && /\p{L}/u.test(password) && /\d/.test(password)
}

export const WEAK_PASSWORD = {
  vi: 'Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.',
  en: 'A password needs at least 8 characters, with letters and digits.',
}

export const requireStrongPassword: CollectionBeforeValidateHook = ({ data, req }) => {
  const password = data?.password
  if (typeof password !== 'string' || isStrongPassword(password)) return data
  throw new ValidationError({
    collection: 'users',
    errors: [
      {
        path: 'password',
        message: localize(req, WEAK_PASSWORD),
      },
    ],
  })
}
