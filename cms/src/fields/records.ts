import type { DateFieldValidation, TextFieldSingleValidation } from 'payload'

import { localize } from '../lib/messages'

/** Mã định danh học sinh on the sector's database (CSDL ngành): letters and digits. */
export const STUDENT_CODE = /^[A-Za-z0-9]{4,20}$/

export const studentCode: TextFieldSingleValidation = (value, { req }) =>
  typeof value === 'string' && STUDENT_CODE.test(value.trim())
    ? true
    : localize(req, {
        vi: 'Mã học sinh gồm 4–20 chữ hoặc số, không dấu cách (mã định danh trên CSDL ngành).',
        en: 'The pupil code has 4–20 letters or digits, no spaces (the sector database id).',
      })

/** Số định danh cá nhân (Luật Căn cước 2023): the twelve digits of the citizen's id. */
export const personalIdNumber: TextFieldSingleValidation = (value, { req }) =>
  value === undefined || value === null || value === '' || /^\d{12}$/.test(String(value).trim())
    ? true
    : localize(req, {
        vi: 'Số định danh cá nhân gồm đúng 12 chữ số.',
        en: 'The personal identification number has exactly 12 digits.',
      })

/** A date that has already happened: births, events, check-ups. */
export const notInFuture: DateFieldValidation = (value, { req, required }) => {
  if (value === undefined || value === null || (value as unknown) === '') {
    return required ? localize(req, { vi: 'Cần nhập ngày.', en: 'A date is required.' }) : true
  }
  const date = new Date(value)
  if (Number.isNaN(date.getTime()))
    return localize(req, { vi: 'Ngày không hợp lệ.', en: 'Invalid date.' })
  if (date.getTime() > Date.now() + 24 * 60 * 60 * 1000) {
    return localize(req, {
      vi: 'Ngày không được ở tương lai.',
      en: 'The date cannot be in the future.',
    })
  }
  return true
}

export const dateOnly = {
  date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' },
}
