/**
 * "Sổ đăng ký văn bản đến" and "Sổ đăng ký văn bản đi" of a calendar year, as printed (Nghị định
 * 30/2020/NĐ-CP, Phụ lục IV): A4 landscape PDF with the school's name and the year on a cover
 * line, and the same table as .xlsx. Read as the user (leadership and the clerk read the whole
 * register; `officeDocumentPolicy.printRegisters` says who may print it).
 */
import ExcelJS from 'exceljs'
import type { Endpoint, PayloadRequest } from 'payload'
import {
  OFFICE_DOCUMENT_TYPE_LABELS,
  formatDateVi,
  registerYearOf,
  type OfficeDocumentType,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { officeDocumentPolicy } from '../access/policy'
import { FONTS, mm, newPdf, pdfBuffer, pdfResponse, type PdfDocument } from '../documents/pdf'
import { allAsUser } from '../lib/as-user'
import { spreadsheetResponse } from '../lib/download'
import { userError } from '../lib/messages'

export const REGISTERS = ['incoming', 'outgoing'] as const
export type RegisterKind = (typeof REGISTERS)[number]

interface Column {
  title: string
  /** Relative width on the page. */
  width: number
}

export interface PrintedRegister {
  kind: RegisterKind
  title: string
  school: string
  year: number
  columns: Column[]
  rows: string[][]
}

const COLUMNS: Record<RegisterKind, Column[]> = {
  incoming: [
    { title: 'Số đến', width: 9 },
    { title: 'Ngày đến', width: 12 },
    { title: 'Tác giả', width: 24 },
    { title: 'Số, ký hiệu', width: 22 },
    { title: 'Ngày tháng', width: 12 },
    { title: 'Tên loại và trích yếu nội dung', width: 48 },
    { title: 'Đơn vị hoặc người nhận', width: 26 },
    { title: 'Ký nhận', width: 14 },
    { title: 'Ghi chú', width: 20 },
  ],
  outgoing: [
    { title: 'Số, ký hiệu văn bản', width: 18 },
    { title: 'Ngày tháng văn bản', width: 12 },
    { title: 'Tên loại và trích yếu nội dung', width: 50 },
    { title: 'Người ký', width: 20 },
    { title: 'Nơi nhận văn bản', width: 32 },
    { title: 'Đơn vị, người nhận bản lưu', width: 20 },
    { title: 'Số lượng bản', width: 10 },
    { title: 'Ghi chú', width: 20 },
  ],
}

const TITLES: Record<RegisterKind, string> = {
  incoming: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
  outgoing: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
}

type Doc = Record<string, unknown>

const date = (value: unknown) => (value ? formatDateVi(String(value)) : '')
const typeName = (value: unknown) =>
  OFFICE_DOCUMENT_TYPE_LABELS[value as OfficeDocumentType]?.vi ?? ''
const nameOf = (value: unknown) =>
  value && typeof value === 'object' ? String((value as Doc).fullName ?? '') : ''
const cancelNote = (doc: Doc, note: unknown) =>
  [doc.cancelled ? `Đã hủy: ${doc.cancelReason ?? ''}` : '', note ? String(note) : '']
    .filter(Boolean)
    .join('. ')

async function schoolName(req: PayloadRequest): Promise<string> {
  // The school's public profile: no personal data.
  const profile = await req.payload.findGlobal({
    slug: 'school-profile',
    depth: 0,
    overrideAccess: true,
    req,
  })
  return String(profile?.name ?? 'Trường Tiểu học')
}

/** The register of `year` as the user may read it, in the register's order. */
export async function loadRegister(
  req: PayloadRequest,
  kind: RegisterKind,
  year: number,
): Promise<PrintedRegister> {
  const school = await schoolName(req)
  const rows: string[][] = []
  if (kind === 'incoming') {
    const { docs } = await req.payload.find({
      collection: 'incoming-documents',
      ...allAsUser(req),
      depth: 1,
      where: { arrivalYear: { equals: year } },
      sort: 'arrivalNumber',
    })
    for (const doc of docs as unknown as Doc[]) {
      const handlers = Array.isArray(doc.handlers) ? doc.handlers.map(nameOf) : []
      rows.push([
        String(doc.arrivalNumber ?? ''),
        date(doc.dateReceived),
        String(doc.issuer ?? ''),
        String(doc.numberSymbol ?? ''),
        date(doc.documentDate),
        `${typeName(doc.type)}: ${doc.summary ?? ''}`,
        handlers.filter(Boolean).join(', '),
        '',
        cancelNote(doc, doc.notes),
      ])
    }
  } else {
    const { docs } = await req.payload.find({
      collection: 'outgoing-documents',
      ...allAsUser(req),
      depth: 1,
      where: { documentYear: { equals: year } },
      sort: 'createdAt',
    })
    for (const doc of docs as unknown as Doc[]) {
      rows.push([
        String(doc.symbol ?? ''),
        date(doc.documentDate),
        `${typeName(doc.type)}: ${doc.summary ?? ''}`,
        nameOf(doc.signer),
        String(doc.recipients ?? ''),
        String(doc.keptBy ?? ''),
        doc.copies === null || doc.copies === undefined ? '' : String(doc.copies),
        cancelNote(doc, doc.notes),
      ])
    }
  }
  return { kind, title: TITLES[kind], school, year, columns: COLUMNS[kind], rows }
}

const MARGINS = { top: mm(12), bottom: mm(12), left: mm(20), right: mm(10) }
const PADDING = 3
const LINE = 0.5

function placed(doc: PdfDocument, columns: Column[]) {
  const available = doc.page.width - MARGINS.left - MARGINS.right
  const total = columns.reduce((sum, column) => sum + column.width, 0)
  let x = MARGINS.left
  return columns.map((column) => {
    const width = (column.width / total) * available
    const at = { x, width }
    x += width
    return at
  })
}

function drawRow(
  doc: PdfDocument,
  cells: string[],
  places: Array<{ x: number; width: number }>,
  y: number,
  bold: boolean,
): number {
  doc.font(bold ? FONTS.bold : FONTS.regular).fontSize(bold ? 9 : 8.5)
  const height =
    Math.max(
      ...cells.map((cell, index) =>
        doc.heightOfString(cell || ' ', { width: places[index]!.width - 2 * PADDING }),
      ),
    ) +
    2 * PADDING
  cells.forEach((cell, index) => {
    const { x, width } = places[index]!
    doc.lineWidth(LINE).rect(x, y, width, height).stroke()
    doc.text(cell, x + PADDING, y + PADDING, {
      width: width - 2 * PADDING,
      align: bold ? 'center' : 'left',
    })
  })
  return height
}

/** The printed register: the cover line, then the table, its header on every page. */
export async function registerPdf(register: PrintedRegister): Promise<Buffer> {
  const doc = newPdf({
    title: `${register.title} năm ${register.year}`,
    author: register.school,
    layout: 'landscape',
    margins: MARGINS,
  })
  const done = pdfBuffer(doc)
  const header = register.columns.map((column) => column.title)
  const places = placed(doc, register.columns)
  const bottom = () => doc.page.height - MARGINS.bottom
  doc.font(FONTS.bold).fontSize(11).text(register.school.toUpperCase(), MARGINS.left, MARGINS.top)
  doc.moveDown(0.5)
  doc.fontSize(16).text(register.title, { align: 'center' })
  doc.font(FONTS.regular).fontSize(12).text(`Năm ${register.year}`, { align: 'center' })
  doc.moveDown(0.8)
  let y = doc.y
  y += drawRow(doc, header, places, y, true)
  if (register.rows.length === 0) {
    doc
      .font(FONTS.italic)
      .fontSize(10)
      .text('Chưa có văn bản nào trong sổ.', MARGINS.left, y + 8)
  }
  for (const row of register.rows) {
    doc.font(FONTS.regular).fontSize(8.5)
    const needed =
      Math.max(
        ...row.map((cell, index) =>
          doc.heightOfString(cell || ' ', { width: places[index]!.width - 2 * PADDING }),
        ),
      ) +
      2 * PADDING
    if (y + needed > bottom()) {
      doc.addPage()
      y = MARGINS.top
      y += drawRow(doc, header, places, y, true)
    }
    y += drawRow(doc, row, places, y, false)
  }
  doc.end()
  return done
}

export async function registerXlsx(register: PrintedRegister): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(`Năm ${register.year}`, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  })
  sheet.addRow([register.school.toUpperCase()]).font = { bold: true }
  sheet.addRow([`${register.title} — NĂM ${register.year}`]).font = { bold: true, size: 14 }
  const header = sheet.addRow(register.columns.map((column) => column.title))
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  for (const row of register.rows) {
    const added = sheet.addRow(row)
    added.alignment = { wrapText: true, vertical: 'top' }
  }
  register.columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.max(8, Math.round(column.width * 0.9))
  })
  sheet.views = [{ state: 'frozen', ySplit: 3 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

const FILE_NAMES: Record<RegisterKind, string> = {
  incoming: 'So dang ky van ban den',
  outgoing: 'So dang ky van ban di',
}

const REFUSAL = {
  vi: 'Sổ đăng ký văn bản do văn thư và lãnh đạo nhà trường in.',
  en: 'The registers are printed by the clerk and leadership.',
}

/** GET /api/office/registers/:register/:format?year=2026 (register: incoming|outgoing). */
export const printedRegisterEndpoint: Endpoint = {
  path: '/office/registers/:register/:format',
  method: 'get',
  handler: async (req) => {
    const kind = String(req.routeParams?.register ?? '') as RegisterKind
    const format = String(req.routeParams?.format ?? '')
    if (!REGISTERS.includes(kind) || !['pdf', 'xlsx'].includes(format))
      throw userError(req, 404, { vi: 'Không có sổ này.', en: 'No such register.' })
    await authorize(req, officeDocumentPolicy.printRegisters, REFUSAL)
    const asked = (req.query as { year?: unknown } | undefined)?.year
    const year = asked === undefined ? registerYearOf(new Date()) : Number(asked)
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw userError(req, 400, { vi: 'Năm không hợp lệ.', en: 'Invalid year.' })
    const register = await loadRegister(req, kind, year)
    const name = `${FILE_NAMES[kind]} ${year}.${format}`
    return format === 'pdf'
      ? pdfResponse(await registerPdf(register), name)
      : spreadsheetResponse(await registerXlsx(register), name)
  },
}
