/**
 * The equipment reports as .xlsx, and the inventory's record ("Biên bản kiểm kê tài sản, thiết
 * bị") as PDF and .xlsx, with the differences listed.
 */
import ExcelJS from 'exceljs'
import { formatDateVi } from '@school/shared'

import { FONTS, mm, newPdf, pdfBuffer } from '../documents/pdf'
import type { AssetInventory, Asset, User } from '../payload-types'
import {
  EQUIPMENT_REPORT_TITLES,
  MINIMUM_VERDICT_LABELS,
  conditionLabel,
  type CountRow,
  type EquipmentReportKind,
  type LoanRow,
  type MinimumRow,
} from './reports'

export type ReportRows =
  | { kind: 'room' | 'subject'; rows: CountRow[] }
  | { kind: 'loans'; rows: LoanRow[] }
  | { kind: 'minimum'; rows: MinimumRow[] }

/** The header and cells of each report, shared by the admin's table and the spreadsheet. */
export function reportTable(report: ReportRows): {
  header: string[]
  rows: Array<Array<string | number>>
} {
  switch (report.kind) {
    case 'room':
    case 'subject':
      return {
        header: [
          report.kind === 'room' ? 'Phòng' : 'Môn học',
          'Số mục',
          'Số lượng',
          'Hỏng',
          'Đang cho mượn',
          'Nguyên giá (đồng)',
          'Giá trị còn lại (đồng)',
        ],
        rows: report.rows.map((row) => [
          row.label,
          row.assets,
          row.quantity,
          row.broken,
          row.out,
          row.originalValue,
          row.remainingValue,
        ]),
      }
    case 'loans':
      return {
        header: ['Mã', 'Thiết bị', 'Người mượn', 'Số lượng', 'Ngày mượn', 'Hạn trả', 'Quá hạn'],
        rows: report.rows.map((row) => [
          row.code,
          row.asset,
          row.borrower,
          row.quantity,
          formatDateVi(row.lentOn),
          formatDateVi(row.dueOn),
          row.overdue ? 'Quá hạn' : '',
        ]),
      }
    case 'minimum':
      return {
        header: [
          'Mã TT37',
          'Khối',
          'Môn',
          'Thiết bị',
          'Đơn vị',
          'Cần có',
          'Đang có (dùng được)',
          'Còn thiếu',
          'Đánh giá',
        ],
        rows: report.rows.map((row) => [
          row.item.code,
          `Lớp ${row.item.grade}`,
          row.subjectName,
          row.item.name,
          row.item.unit,
          row.required,
          row.held,
          row.shortBy,
          MINIMUM_VERDICT_LABELS[row.verdict],
        ]),
      }
  }
}

async function workbookOf(title: string, header: string[], rows: Array<Array<string | number>>) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31))
  sheet.addRow([title]).font = { bold: true, size: 14 }
  sheet.addRow([`Lập ngày ${formatDateVi(new Date())}`])
  sheet.addRow(['STT', ...header]).font = { bold: true }
  rows.forEach((row, index) => sheet.addRow([index + 1, ...row]))
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 6 : 20
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export function reportXlsx(kind: EquipmentReportKind, report: ReportRows): Promise<Buffer> {
  const { header, rows } = reportTable(report)
  return workbookOf(EQUIPMENT_REPORT_TITLES[kind], header, rows)
}

export const INVENTORY_TITLE = 'BIÊN BẢN KIỂM KÊ TÀI SẢN, THIẾT BỊ'

type Line = NonNullable<AssetInventory['lines']>[number]
const assetOf = (line: Line) => (typeof line.asset === 'object' ? (line.asset as Asset) : null)
const nameOf = (user: AssetInventory['approvedBy']) =>
  user && typeof user === 'object' ? (user as User).fullName : ''

function inventoryRows(inventory: AssetInventory) {
  return (inventory.lines ?? []).map((line) => {
    const asset = assetOf(line)
    return [
      asset?.code ?? '',
      asset?.name ?? String(line.asset),
      asset?.unit ?? '',
      line.registeredQuantity ?? 0,
      line.countedQuantity ?? 0,
      line.difference ?? 0,
      conditionLabel(line.conditionFound),
      line.note ?? '',
    ] as Array<string | number>
  })
}

const INVENTORY_HEADER = [
  'Mã',
  'Tên tài sản, thiết bị',
  'ĐVT',
  'Trên sổ',
  'Kiểm kê',
  'Chênh lệch',
  'Tình trạng',
  'Ghi chú',
]

export function inventoryFileName(inventory: AssetInventory, extension: 'pdf' | 'xlsx') {
  return `Biên bản kiểm kê tài sản ${inventory.schoolYear}.${extension}`
}

export async function inventoryXlsx(inventory: AssetInventory): Promise<Buffer> {
  const rows = inventoryRows(inventory)
  const differences = rows.filter((row) => row[5] !== 0)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Biên bản kiểm kê')
  sheet.addRow([`${INVENTORY_TITLE} NĂM HỌC ${inventory.schoolYear}`]).font = { bold: true }
  sheet.addRow([`Ngày kiểm kê: ${formatDateVi(inventory.date)}`])
  sheet.addRow(['STT', ...INVENTORY_HEADER]).font = { bold: true }
  rows.forEach((row, index) => sheet.addRow([index + 1, ...row]))
  const differencesSheet = workbook.addWorksheet('Chênh lệch')
  differencesSheet.addRow(['STT', ...INVENTORY_HEADER]).font = { bold: true }
  differences.forEach((row, index) => differencesSheet.addRow([index + 1, ...row]))
  for (const each of [sheet, differencesSheet])
    each.columns.forEach((column, index) => {
      column.width = index === 2 ? 36 : 12
    })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const WIDTHS = [22, 70, 22, 30, 30, 32, 40, 0]

/** The record as the school files it: heading, committee, the table, differences, signatures. */
export async function inventoryPdf(inventory: AssetInventory, schoolName: string): Promise<Buffer> {
  const doc = newPdf({ title: `${INVENTORY_TITLE} ${inventory.schoolYear}`, author: schoolName })
  const done = pdfBuffer(doc)
  const left = doc.page.margins.left
  const width = doc.page.width - left - doc.page.margins.right
  doc.font(FONTS.bold).fontSize(11).text(schoolName.toUpperCase(), { align: 'left' })
  doc.moveDown(1)
  doc.fontSize(14).text(INVENTORY_TITLE, { align: 'center' })
  doc.font(FONTS.regular).fontSize(12)
  doc.text(`Năm học ${inventory.schoolYear} · Ngày kiểm kê ${formatDateVi(inventory.date)}`, {
    align: 'center',
  })
  if (inventory.status !== 'approved')
    doc.font(FONTS.italic).text('(Chưa được phê duyệt)', { align: 'center' }).font(FONTS.regular)
  doc.moveDown(0.8)
  doc.font(FONTS.bold).text('Ban kiểm kê:').font(FONTS.regular)
  for (const member of inventory.committee ?? [])
    doc.text(`– ${member.name}${member.position ? `, ${member.position}` : ''}`)
  doc.moveDown(0.6)
  const widths = WIDTHS.map((value) => mm(value / 2.1))
  widths[7] = width - widths.slice(0, 7).reduce((sum, value) => sum + value, 0)
  const row = (cells: Array<string | number>, bold = false) => {
    doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(9)
    const heights = cells.map((cell, index) =>
      doc.heightOfString(String(cell), { width: widths[index] - 4 }),
    )
    const height = Math.max(...heights) + 4
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
    const top = doc.y
    let x = left
    cells.forEach((cell, index) => {
      doc.rect(x, top, widths[index], height).lineWidth(0.5).stroke()
      doc.text(String(cell), x + 2, top + 2, { width: widths[index] - 4 })
      x += widths[index]
    })
    doc.x = left
    doc.y = top + height
  }
  const rows = inventoryRows(inventory)
  row(INVENTORY_HEADER, true)
  rows.forEach((cells) => row(cells))
  doc.moveDown(0.8)
  doc.font(FONTS.bold).fontSize(12).text('Chênh lệch giữa sổ sách và thực tế:', left)
  doc.font(FONTS.regular)
  const differences = rows.filter((cells) => cells[5] !== 0)
  if (differences.length === 0) doc.text('Không có chênh lệch.')
  for (const cells of differences) {
    const difference = Number(cells[5])
    doc.text(
      `– ${cells[0]} ${cells[1]}: trên sổ ${cells[3]}, kiểm kê ${cells[4]} ` +
        `(${difference > 0 ? 'thừa' : 'thiếu'} ${Math.abs(difference)} ${cells[2]}).`,
    )
  }
  if (inventory.conclusion) {
    doc.moveDown(0.6)
    doc.font(FONTS.bold).text('Kết luận, kiến nghị:').font(FONTS.regular)
    doc.text(inventory.conclusion)
  }
  doc.moveDown(1.2)
  const half = width / 2
  const signTop = doc.y
  doc.font(FONTS.bold).text('NGƯỜI LẬP BIÊN BẢN', left, signTop, { width: half, align: 'center' })
  doc.text('PHÊ DUYỆT', left + half, signTop, { width: half, align: 'center' })
  doc.font(FONTS.regular)
  const signed = doc.y + 40
  doc.text(nameOf(inventory.submittedBy), left, signed, { width: half, align: 'center' })
  doc.text(
    inventory.approvedAt
      ? `${nameOf(inventory.approvedBy)} (${formatDateVi(inventory.approvedAt)})`
      : '',
    left + half,
    signed,
    { width: half, align: 'center' },
  )
  doc.end()
  return done
}
