import { describe, expect, it } from 'vitest'

import { pdfFonts, pdfInfo, pdfText } from '../../../tests/int/support/pdf'
import { FONTS, newPdf, pdfBuffer } from './pdf'

const MARKS = 'Nguyễn Thị Ánh Tuyết, Đặng Quốc Bảo, Lữ Ỷ Lan: Hoàn thành xuất sắc; ỹ ữ ặ ẫ ỗ ợ'

describe('the PDF every document starts from', () => {
  it('embeds its fonts, is A4, and gives back every Vietnamese mark as written', async () => {
    const doc = newPdf({ title: 'Học bạ' })
    const file = pdfBuffer(doc)
    doc.text(MARKS)
    doc.font(FONTS.bold).text('HỌC BẠ TIỂU HỌC')
    doc.font(FONTS.italic).text('Bản nháp')
    doc.end()
    const pdf = await file
    const text = pdfText(pdf)
    expect(text).toContain('Nguyễn Thị Ánh Tuyết, Đặng Quốc Bảo, Lữ Ỷ Lan: Hoàn thành xuất sắc')
    expect(text).toContain('HỌC BẠ TIỂU HỌC')
    expect(text).toContain('Bản nháp')
    const fonts = pdfFonts(pdf)
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toEqual([
      'Tinos-Regular',
      'Tinos-Bold',
      'Tinos-Italic',
    ])
    expect(fonts.every((font) => font.embedded)).toBe(true)
    const info = pdfInfo(pdf)
    expect(info['Page size']).toMatch(/^595\.28 x 841\.89 pts \(A4\)/)
    expect(info.Title).toBe('Học bạ')
  })
})
