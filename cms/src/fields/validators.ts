import type { TextFieldSingleValidation } from 'payload'

import { localize } from '../lib/messages'

/** Vietnamese phone numbers: mobiles have 10 digits, landlines 11 (024 …); or +84 instead of 0. */
const VIETNAMESE_PHONE = /^(0\d{9,10}|\+84\d{9,10})$/

/** The number without spaces, dots or dashes, as it is checked and stored. */
export function compactPhone(value: string): string {
  return value.replace(/[\s.-]/g, '')
}

export function isVietnamesePhone(value: string): boolean {
  return VIETNAMESE_PHONE.test(compactPhone(value))
}

export const vietnamesePhone: TextFieldSingleValidation = (value, { req }) => {
  if (value === undefined || value === null || value === '') return true
  if (isVietnamesePhone(String(value))) return true
  return localize(req, {
    vi: 'Số điện thoại không hợp lệ: cần 10 chữ số bắt đầu bằng 0 (ví dụ 0912 345 678).',
    en: 'Invalid phone number: 10 digits starting with 0 (e.g. 0912 345 678).',
  })
}
