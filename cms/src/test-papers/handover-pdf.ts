/**
 * "Biên bản bàn giao đề kiểm tra định kỳ" (Điều 6): what the vice-principal hands the library
 * for a school year, set by set, with what is missing, and the two signatures, on A4.
 */
import { formatDateVi } from '@school/shared'

import { FONTS, mm, newPdf, pdfBuffer, type PdfDocument } from '../documents/pdf'
import type { TestPaperHandover, User } from '../payload-types'

export const HANDOVER_TITLE = 'BIÊN BẢN BÀN GIAO ĐỀ KIỂM TRA ĐỊNH KỲ'

const COLUMNS = [
  { header: 'STT', width: 28 },
  { header: 'Khối', width: 32 },
  { header: 'Môn', width: 92 },
  { header: 'Kì kiểm tra', width: 82 },
  { header: 'Đã có', width: 140 },
  { header: 'Còn thiếu', width: 80 },
]
const ROW = 16

const nameOf = (person: number | User | null | undefined) =>
  person && typeof person === 'object' ? person.fullName : ''

function row(doc: PdfDocument, y: number, cells: string[], bold = false): void {
  let x = doc.page.margins.left
  doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(9.5)
  cells.forEach((text, index) => {
    const { width } = COLUMNS[index]
    doc.rect(x, y, width, ROW).lineWidth(0.5).stroke()
    doc.text(text, x + 3, y + 4, { width: width - 6, height: ROW - 4, lineBreak: false })
    x += width
  })
}

export async function handoverListPdf(
  handover: TestPaperHandover,
  schoolName: string,
): Promise<Buffer> {
  const doc = newPdf({ title: `Biên bản bàn giao đề kiểm tra định kỳ ${handover.schoolYear}` })
  const done = pdfBuffer(doc)
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right
  doc
    .font(FONTS.bold)
    .fontSize(11)
    .text(schoolName.toUpperCase(), { width: width / 2 })
  doc.moveDown(1.2)
  doc.font(FONTS.bold).fontSize(14).text(HANDOVER_TITLE, { align: 'center', width })
  doc.font(FONTS.regular).fontSize(12)
  doc.text(`Năm học ${handover.schoolYear}`, { align: 'center', width })
  doc.moveDown(0.8).fontSize(11)
  const handedOn = handover.handedAt ? formatDateVi(handover.handedAt) : ''
  doc.text(`Ngày bàn giao: ${handedOn}`)
  doc.text(`Bên giao: ${nameOf(handover.handedBy)} (Phó Hiệu trưởng phụ trách chuyên môn)`)
  doc.text(
    `Bên nhận: ${nameOf(handover.receivedBy) || '..............................'} ` +
      '(Nhân viên thư viện)',
  )
  doc.text(
    `Số bộ đề: ${handover.setCount ?? 0}, trong đó đủ đề, đáp án và ma trận: ` +
      `${handover.completeSets ?? 0}; số tệp: ${handover.fileCount ?? 0}.`,
  )
  doc.moveDown(0.6)
  let y = doc.y
  row(
    doc,
    y,
    COLUMNS.map((column) => column.header),
    true,
  )
  y += ROW
  for (const [index, item] of (handover.items ?? []).entries()) {
    if (y + ROW > doc.page.height - doc.page.margins.bottom) {
      doc.addPage()
      y = doc.page.margins.top
    }
    row(doc, y, [
      String(index + 1),
      item.grade ?? '',
      item.subject ?? '',
      item.period ?? '',
      item.parts ?? '',
      item.missing || '–',
    ])
    y += ROW
  }
  doc.x = doc.page.margins.left
  doc.y = y + mm(4)
  doc.font(FONTS.regular).fontSize(11)
  if (handover.note) doc.text(`Ghi chú bên giao: ${handover.note}`, { width })
  if (handover.receiptNote) doc.text(`Ghi chú bên nhận: ${handover.receiptNote}`, { width })
  if (handover.receivedAt)
    doc.text(`Thư viện xác nhận đã nhận ngày ${formatDateVi(handover.receivedAt)}.`)
  if (doc.y + mm(35) > doc.page.height - doc.page.margins.bottom) doc.addPage()
  const top = doc.y + mm(6)
  const half = width / 2
  const left = doc.page.margins.left
  doc.font(FONTS.bold).text('BÊN GIAO', left, top, { width: half, align: 'center' })
  doc.text('BÊN NHẬN', left + half, top, { width: half, align: 'center' })
  doc.font(FONTS.italic).fontSize(10)
  doc.text('(Ký, ghi rõ họ tên)', left, top + 15, { width: half, align: 'center' })
  doc.text('(Ký, ghi rõ họ tên)', left + half, top + 15, { width: half, align: 'center' })
  doc.font(FONTS.regular).fontSize(11)
  doc.text(nameOf(handover.handedBy), left, top + mm(25), { width: half, align: 'center' })
  doc.text(nameOf(handover.receivedBy), left + half, top + mm(25), {
    width: half,
    align: 'center',
  })
  doc.end()
  return done
}
