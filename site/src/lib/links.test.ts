import { describe, expect, it } from 'vitest'

import { paths, safeHref } from './links'

describe('safeHref', () => {
  it.each([
    ['https://moet.gov.vn/', 'https://moet.gov.vn/'],
    ['http://hanoi.edu.vn', 'http://hanoi.edu.vn/'],
    ['mailto:vanphong@giathuong.edu.vn', 'mailto:vanphong@giathuong.edu.vn'],
    ['tel:02438720000', 'tel:02438720000'],
    ['/tin-tuc/le-khai-giang/', '/tin-tuc/le-khai-giang/'],
    ['#noi-dung', '#noi-dung'],
  ])('keeps %s', (input, expected) => expect(safeHref(input)).toBe(expected))

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '//evil.example/x',
    '/\\evil.example/x',
    '/\t/evil.example',
    'java\nscript:alert(1)',
    'không phải địa chỉ',
    42,
    null,
  ])('drops %s', (input) => expect(safeHref(input)).toBeNull())
})

describe('paths', () => {
  it('makes tag addresses without diacritics', () => {
    expect(paths.tag('Đọc hiểu')).toBe('/the/doc-hieu/')
    expect(paths.newsPage(null)).toBe('/tin-tuc/')
    expect(paths.newsPage(3)).toBe('/tin-tuc/3/')
  })
})
