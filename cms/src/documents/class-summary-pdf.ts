/**
 * The class summary as a PDF (TT27 Điều 13; the school's regulation Điều 13.1): A4 landscape,
 * the school's heading, the title, the class, checkpoint and year, the table with its three
 * heading rows repeated on every page, the totals, one signature line per subject teacher with
 * the subjects they teach the class, then the homeroom teacher and the principal. A draft (see
 * `ClassSummary.draft`) carries "BẢN NHÁP" on every page.
 *
 * Written page after page onto the document it is given: streamed by the endpoint, collected
 * whole by `classSummaryPdf` for the archive.
 */
import { SUMMARY_TITLE, TOTALS_LABEL, checkpointLabel, type SummaryColumn } from '@school/shared'

import type { ClassSummary } from './class-summary-data'
import { FONTS, mm, newPdf, pdfBuffer, type PdfDocument } from './pdf'

/** Wide tables want the paper: a binding margin on the left, narrow ones elsewhere. */
const MARGINS = { top: mm(12), bottom: mm(12), left: mm(20), right: mm(10) }

const WIDTHS: Record<SummaryColumn['kind'], number> = {
  number: 20,
  name: 96,
  birth: 44,
  level: 15,
  score: 15,
  trait: 15,
  result: 28,
  award: 36,
  completion: 28,
  promotion: 32,
}
/** A level or score column is never made wider than this: the rest goes to the names. */
const WIDEST_RESULT = 22
const GROUP_ROW = 16
const TITLE_ROW = 64
const SUBTITLE_ROW = 44
const BODY_ROW = 13
const TOTAL_ROW = 14
const LINE = 0.5

interface Placed {
  column: SummaryColumn
  x: number
  width: number
}

export function summaryFilename(summary: ClassSummary, extension: 'pdf' | 'xlsx'): string {
  const period = checkpointLabel(summary.period)
  return `Bảng tổng hợp ${summary.class.name} ${period} ${summary.schoolYear}.${extension}`
}

const classAndCheckpoint = (summary: ClassSummary) =>
  `${summary.class.name} · ${checkpointLabel(summary.period)}`

function placeColumns(doc: PdfDocument, columns: SummaryColumn[]): Placed[] {
  const available = doc.page.width - MARGINS.left - MARGINS.right
  const widths = columns.map((column) => WIDTHS[column.kind])
  const total = widths.reduce((sum, width) => sum + width, 0)
  const scale = Math.min(1, available / total)
  const scaled = widths.map((width) => width * scale)
  // Room to spare (the narrower layouts) widens the result columns, up to a readable width,
  // then the pupils' names.
  let spare = Math.max(0, available - total)
  const narrow = columns
    .map((column, at) => ({ column, at }))
    .filter(({ column }) => ['level', 'score', 'trait'].includes(column.kind))
  if (narrow.length > 0) {
    const each = Math.min(spare / narrow.length, WIDEST_RESULT - WIDTHS.level)
    for (const { at } of narrow) scaled[at] = scaled[at]! + each
    spare -= each * narrow.length
  }
  const nameAt = columns.findIndex((column) => column.kind === 'name')
  scaled[nameAt] = (scaled[nameAt] ?? 0) + spare
  let x = MARGINS.left
  return columns.map((column, at) => {
    const placed = { column, x, width: scaled[at]! }
    x += scaled[at]!
    return placed
  })
}

function box(doc: PdfDocument, x: number, y: number, width: number, height: number) {
  doc.lineWidth(LINE).rect(x, y, width, height).stroke()
}

/** Text centred in a box, cut to it: never spills onto a new page. */
function cell(
  doc: PdfDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
  options: { font?: string; size?: number; align?: 'left' | 'center' } = {},
) {
  doc.font(options.font ?? FONTS.regular).fontSize(options.size ?? 8)
  const inner = width - 4
  const textHeight = Math.min(doc.heightOfString(text, { width: inner }), height)
  doc.text(text, x + 2, y + (height - textHeight) / 2, {
    width: inner,
    height,
    align: options.align ?? 'center',
    ellipsis: true,
  })
}

/** Text reading upwards, centred in a tall narrow box (the subjects' and traits' headings). */
function upright(
  doc: PdfDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  height: number,
) {
  doc.font(FONTS.bold).fontSize(6.5)
  const inner = height - 4
  const textHeight = Math.min(doc.heightOfString(text, { width: inner }), width)
  doc.save()
  doc.translate(x, y + height)
  doc.rotate(-90)
  doc.text(text, 2, (width - textHeight) / 2, { width: inner, height: width, align: 'center' })
  doc.restore()
}

function drawHeader(doc: PdfDocument, placed: Placed[], top: number): number {
  const full = GROUP_ROW + TITLE_ROW + SUBTITLE_ROW
  // The top row: one merged cell per run of columns sharing a group.
  for (let at = 0; at < placed.length;) {
    const { column, x } = placed[at]!
    let end = at
    while (
      end + 1 < placed.length &&
      column.group &&
      placed[end + 1]!.column.group === column.group
    )
      end += 1
    const width = placed.slice(at, end + 1).reduce((sum, p) => sum + p.width, 0)
    if (column.group) {
      box(doc, x, top, width, GROUP_ROW)
      cell(doc, column.group, x, top, width, GROUP_ROW, { font: FONTS.bold, size: 6.5 })
    }
    at = end + 1
  }
  // The subjects' names: merged over their level and score columns.
  for (let at = 0; at < placed.length;) {
    const { column, x, width } = placed[at]!
    if (!column.group) {
      box(doc, x, top, width, full)
      cell(doc, column.title, x, top, width, full, { font: FONTS.bold, size: 7.5 })
      at += 1
      continue
    }
    if (!column.subtitle) {
      box(doc, x, top + GROUP_ROW, width, TITLE_ROW + SUBTITLE_ROW)
      upright(doc, column.title, x, top + GROUP_ROW, width, TITLE_ROW + SUBTITLE_ROW)
      at += 1
      continue
    }
    let end = at
    while (end + 1 < placed.length && placed[end + 1]!.column.code === column.code) end += 1
    const span = placed.slice(at, end + 1)
    const spanWidth = span.reduce((sum, p) => sum + p.width, 0)
    box(doc, x, top + GROUP_ROW, spanWidth, TITLE_ROW)
    upright(doc, column.title, x, top + GROUP_ROW, spanWidth, TITLE_ROW)
    for (const part of span) {
      box(doc, part.x, top + GROUP_ROW + TITLE_ROW, part.width, SUBTITLE_ROW)
      upright(
        doc,
        part.column.subtitle ?? '',
        part.x,
        top + GROUP_ROW + TITLE_ROW,
        part.width,
        SUBTITLE_ROW,
      )
    }
    at = end + 1
  }
  return top + full
}

function draftMark(doc: PdfDocument) {
  doc.save()
  doc.fillColor('#d0d0d0').fillOpacity(0.45).font(FONTS.bold).fontSize(110)
  const { width, height } = doc.page
  doc.translate(width / 2, height / 2)
  doc.rotate(-25)
  doc.text('BẢN NHÁP', -width / 2, -70, { width, height: 140, align: 'center' })
  doc.restore()
  doc.fillColor('black').fillOpacity(1)
}

function drawHeading(doc: PdfDocument, summary: ClassSummary): number {
  const left = MARGINS.left
  const width = doc.page.width - MARGINS.left - MARGINS.right
  const half = width / 2
  let y = MARGINS.top
  const place = [summary.school.commune, summary.school.province].filter(Boolean).join(', ')
  doc.font(FONTS.regular).fontSize(10)
  doc.text(place ? `UBND ${summary.school.commune || summary.school.province}` : '', left, y, {
    width: half * 0.8,
    align: 'center',
    height: 14,
  })
  doc.font(FONTS.bold).fontSize(10)
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + half, y, {
    width: half,
    align: 'center',
    height: 14,
  })
  y += 13
  doc.text(summary.school.name.toUpperCase(), left, y, {
    width: half * 0.8,
    align: 'center',
    height: 14,
  })
  doc.text('Độc lập - Tự do - Hạnh phúc', left + half, y, {
    width: half,
    align: 'center',
    height: 14,
  })
  y += 24
  doc.font(FONTS.bold).fontSize(14)
  doc.text(SUMMARY_TITLE, left, y, { width, align: 'center', height: 18 })
  y += 18
  doc.font(FONTS.regular).fontSize(11)
  const line = `${classAndCheckpoint(summary)} · Năm học ${summary.schoolYear}`
  doc.text(line, left, y, { width, align: 'center', height: 15 })
  y += 15
  if (summary.draft) {
    doc.font(FONTS.italic).fontSize(9).fillColor('#b00020')
    const why =
      summary.period === 'end'
        ? 'Bản nháp: Hiệu trưởng chưa phê duyệt kết quả năm học của lớp.'
        : 'Bản nháp: chưa hết thời gian nhập kết quả của kì này.'
    doc.text(why, left, y, { width, align: 'center', height: 12 })
    doc.fillColor('black')
    y += 12
  }
  return y + 6
}

function drawRow(
  doc: PdfDocument,
  placed: Placed[],
  cells: Record<string, string>,
  y: number,
  height: number,
  size: number,
) {
  for (const { column, x, width } of placed) {
    box(doc, x, y, width, height)
    const text = cells[column.key] ?? ''
    if (text) {
      cell(doc, text, x, y, width, height, {
        size,
        align: column.kind === 'name' ? 'left' : 'center',
      })
    }
  }
}

function drawSignatures(doc: PdfDocument, summary: ClassSummary, top: number) {
  const left = MARGINS.left
  const width = doc.page.width - MARGINS.left - MARGINS.right
  const bottom = doc.page.height - MARGINS.bottom
  const teacherRow = 18
  const needed = 24 + (summary.teachers.length + 1) * teacherRow + 110
  let y = top + 10
  if (y + needed > bottom) {
    doc.addPage()
    if (summary.draft) draftMark(doc)
    y = MARGINS.top
  }
  doc.font(FONTS.bold).fontSize(10)
  doc.text('CHỮ KÍ CỦA GIÁO VIÊN DẠY CÁC MÔN HỌC, HOẠT ĐỘNG GIÁO DỤC', left, y, {
    width,
    height: 14,
  })
  y += 16
  const widths = [24, 190, width - 24 - 190 - 160, 160]
  const heads = ['STT', 'Họ và tên giáo viên', 'Môn học, hoạt động giáo dục', 'Chữ kí']
  let x = left
  for (const [at, head] of heads.entries()) {
    box(doc, x, y, widths[at]!, teacherRow)
    cell(doc, head, x, y, widths[at]!, teacherRow, { font: FONTS.bold, size: 9 })
    x += widths[at]!
  }
  y += teacherRow
  for (const [index, teacher] of summary.teachers.entries()) {
    const values = [String(index + 1), teacher.name, teacher.subjects.join(', '), '']
    x = left
    for (const [at, value] of values.entries()) {
      box(doc, x, y, widths[at]!, teacherRow)
      cell(doc, value, x, y, widths[at]!, teacherRow, {
        size: 9,
        align: at === 1 || at === 2 ? 'left' : 'center',
      })
      x += widths[at]!
    }
    y += teacherRow
  }
  y += 12
  const half = width / 2
  const place = summary.school.commune || summary.school.province
  doc.font(FONTS.italic).fontSize(10)
  doc.text(`${place ? `${place}, ` : ''}ngày ..... tháng ..... năm .......`, left + half, y, {
    width: half,
    align: 'center',
    height: 14,
  })
  y += 14
  const blocks: Array<[string, string, string | null]> = [
    ['GIÁO VIÊN CHỦ NHIỆM', '(Kí và ghi rõ họ tên)', summary.homeroomTeacher],
    ['HIỆU TRƯỞNG', '(Kí, ghi rõ họ tên và đóng dấu)', summary.principal],
  ]
  for (const [at, [role, hint, name]] of blocks.entries()) {
    const bx = left + at * half
    doc.font(FONTS.bold).fontSize(10)
    doc.text(role, bx, y, { width: half, align: 'center', height: 14 })
    doc.font(FONTS.italic).fontSize(9)
    doc.text(hint, bx, y + 13, { width: half, align: 'center', height: 12 })
    doc.font(FONTS.bold).fontSize(10)
    doc.text(name ?? '', bx, y + 70, { width: half, align: 'center', height: 14 })
  }
}

/** Writes the whole summary onto `doc` (the caller ends it). */
export async function writeClassSummaryPdf(doc: PdfDocument, summary: ClassSummary): Promise<void> {
  if (summary.draft) draftMark(doc)
  const placed = placeColumns(doc, summary.layout.columns)
  const bottom = doc.page.height - MARGINS.bottom
  let y = drawHeader(doc, placed, drawHeading(doc, summary))
  const newPage = () => {
    doc.addPage()
    if (summary.draft) draftMark(doc)
    doc.font(FONTS.italic).fontSize(8)
    const label = `${classAndCheckpoint(summary)} · ${summary.schoolYear} (tiếp theo)`
    doc.text(label, MARGINS.left, MARGINS.top, { height: 10, lineBreak: false })
    y = drawHeader(doc, placed, MARGINS.top + 12)
  }
  for (const row of summary.rows) {
    if (y + BODY_ROW > bottom) newPage()
    drawRow(doc, placed, row.cells, y, BODY_ROW, 8)
    y += BODY_ROW
  }
  const totalsHeight = summary.totals.length * TOTAL_ROW
  if (y + totalsHeight > bottom) newPage()
  const labelWidth = placed
    .filter(
      (p) => p.column.kind === 'number' || p.column.kind === 'name' || p.column.kind === 'birth',
    )
    .reduce((sum, p) => sum + p.width, 0)
  const labelled = placed.filter(
    (p) => p.column.kind !== 'number' && p.column.kind !== 'name' && p.column.kind !== 'birth',
  )
  box(doc, MARGINS.left, y, labelWidth, totalsHeight)
  cell(doc, TOTALS_LABEL, MARGINS.left, y, labelWidth, totalsHeight, { font: FONTS.bold, size: 8 })
  for (const line of summary.totals) {
    // "T: 20" as "T" over "20": the narrow columns hold it.
    const stacked = Object.fromEntries(
      Object.entries(line).map(([key, text]) => [key, text.replace(': ', '\n')]),
    )
    drawRow(doc, labelled, stacked, y, TOTAL_ROW, 5.5)
    y += TOTAL_ROW
  }
  drawSignatures(doc, summary, y)
  // Lets a streamed response send what is written before the next class's pages.
  await Promise.resolve()
}

export function classSummaryPdfDocument(summary: ClassSummary): PdfDocument {
  return newPdf({
    title: `${SUMMARY_TITLE} ${classAndCheckpoint(summary)} ${summary.schoolYear}`,
    subject: 'Bảng tổng hợp kết quả đánh giá giáo dục (TT27 Điều 13)',
    author: summary.school.name,
    layout: 'landscape',
    margins: MARGINS,
  })
}

/** The whole file at once (for the archive). */
export async function classSummaryPdf(summary: ClassSummary): Promise<Buffer> {
  const doc = classSummaryPdfDocument(summary)
  const done = pdfBuffer(doc)
  await writeClassSummaryPdf(doc, summary)
  doc.end()
  return done
}
