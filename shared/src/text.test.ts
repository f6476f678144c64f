import { describe, expect, it } from 'vitest'

import {
  compareVietnameseNames,
  dStrokeWordsFolded,
  formatDateTimeVi,
  formatDateVi,
  pageSafeSlug,
  schoolYearOf,
  slugify,
  stripDiacritics,
} from './text'

describe('Vietnamese text helpers', () => {
  it('slugs without diacritics, đ → d', () => {
    expect(slugify('Đội Thiếu niên Tiền phong Hồ Chí Minh')).toBe(
      'doi-thieu-nien-tien-phong-ho-chi-minh',
    )
    expect(slugify('Lễ khai giảng năm học 2026–2027!')).toBe('le-khai-giang-nam-hoc-2026-2027')
    expect(slugify('  ---  ')).toBe('')
  })

  it('folds every Vietnamese mark, and đ to d', () => {
    expect(stripDiacritics('Trường học sinh Đoàn đội ƯƠ ăâêô')).toBe(
      'Truong hoc sinh Doan doi UO aaeo',
    )
  })

  it('gives the search index each word with đ once, spelled with d', () => {
    expect(dStrokeWordsFolded('Đội viên Liên đội và Công đoàn; đội, ĐOÀN. Học sinh trường')).toBe(
      'doi doan',
    )
    expect(dStrokeWordsFolded('Học sinh trường Gia Thượng')).toBe('')
  })

  it('finds the words with đ as splitting the text into words would', () => {
    const bySplitting = (text: string) =>
      [
        ...new Set(
          text
            .split(/[^\p{L}\p{N}]+/u)
            .filter((word) => /[đĐ]/.test(word))
            .map((word) => stripDiacritics(word).toLowerCase()),
        ),
      ].join(' ')
    const texts = [
      'đ',
      'Đ, đ; Đ.',
      'đầu câu và cuối câu: đường',
      'số 12đ3 và 2025Đ, (đoàn)đội-đẹp',
      'chữ 𝐀đ𝐁 ngoài mặt phẳng cơ bản, và emoji 😀đi😀',
      'Đại hội Liên đội năm học 2026–2027 được tổ chức tại hội trường; đại biểu đông đủ.',
    ]
    for (const text of texts) expect(dStrokeWordsFolded(text), text).toBe(bySplitting(text))
    expect(dStrokeWordsFolded('chữ 𝐀đ𝐁')).toBe('𝐀d𝐁'.toLowerCase())
  })

  it('writes dates dd/mm/yyyy in Vietnam time', () => {
    expect(formatDateVi('2026-09-04T18:30:00Z')).toBe('05/09/2026')
    expect(formatDateTimeVi('2026-09-04T18:30:00Z')).toBe('05/09/2026 01:30')
    expect(formatDateVi('not a date')).toBe('')
  })

  it('sorts people by given name, in Vietnamese order', () => {
    const names = ['Trần Văn Đức', 'Nguyễn Thị Ánh', 'Lê Văn An', 'Phạm Thị Bình']
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Lê Văn An',
      'Nguyễn Thị Ánh',
      'Phạm Thị Bình',
      'Trần Văn Đức',
    ])
  })

  it('knows the school year: September starts a new one', () => {
    expect(schoolYearOf(new Date('2026-11-29'))).toBe('2026-2027')
    expect(schoolYearOf(new Date('2027-08-31'))).toBe('2026-2027')
    expect(schoolYearOf(new Date('2027-09-01'))).toBe('2027-2028')
    // Already 1 September in Vietnam (UTC+7), whatever the server's own time zone.
    expect(schoolYearOf(new Date('2027-08-31T17:30:00Z'))).toBe('2027-2028')
  })

  it('never makes a slug that reads as a page number of a list', () => {
    expect(pageSafeSlug(slugify('2026'))).toBe('so-2026')
    expect(pageSafeSlug(slugify('Năm 2026'))).toBe('nam-2026')
    expect(pageSafeSlug('12a')).toBe('12a')
  })
})
