/**
 * The học bạ's layout (TT27 Phụ lục 1): a cover, the personal page, "Quá trình học tập", and one
 * page per school year with (1) subjects, (2) qualities, (3) competencies, (4) the result,
 * (5) awards, (6) completion, and the homeroom teacher's and the principal's signature blocks.
 * A4 in Tinos (`./pdf.ts`). A year the principal has not approved carries a diagonal "Bản nháp"
 * on each of its pages and says so in its first line. A table row is never split: a row that
 * does not fit starts the next page, under the table's header again.
 */
import {
  SUBJECT_LEVEL_LABELS,
  TRANSCRIPT_DRAFT_MARK,
  YEAR_RESULT_LABELS,
  formatDateVi,
  type Transcript,
  type TranscriptTrait,
  type TranscriptYear,
} from '@school/shared'

import { FONTS, type PdfDocument } from './pdf'

const BODY = 10
const SMALL = 9
const CELL_PADDING = 2
const GENDER = { male: 'Nam', female: 'Nữ' } as const

/** What the level letters stand for, printed under the subjects' table. */
const LEVEL_LEGEND = Object.entries(SUBJECT_LEVEL_LABELS)
  .map(([code, label]) => `${code}: ${label.vi}`)
  .join('; ')

const started = new WeakSet<PdfDocument>()

/** A new page; the document's automatic first page is used for the first one. */
function newPage(doc: PdfDocument): void {
  if (started.has(doc)) doc.addPage()
  else started.add(doc)
  doc.x = doc.page.margins.left
  doc.y = doc.page.margins.top
}

const left = (doc: PdfDocument) => doc.page.margins.left
const contentWidth = (doc: PdfDocument) =>
  doc.page.width - doc.page.margins.left - doc.page.margins.right
const bottom = (doc: PdfDocument) => doc.page.height - doc.page.margins.bottom

const blank = (value: string | null | undefined, dots = '……………………') =>
  value && value.trim() ? value : dots
const decimal = (value: number) => String(value).replace('.', ',')
const dateOrBlank = (value: string | null | undefined) => (value ? formatDateVi(value) : '')

/** "Hà Nội, ngày 31 tháng 05 năm 2026": the place and date line of a signature. */
function placeAndDate(place: string | null, at: string | null): string {
  const where = place?.trim() || '……………'
  if (!at) return `${where}, ngày …… tháng …… năm ………`
  const [day, month, year] = formatDateVi(at).split('/')
  return `${where}, ngày ${day} tháng ${month} năm ${year}`
}

function centred(doc: PdfDocument, text: string, size: number, font: string = FONTS.regular) {
  doc
    .font(font)
    .fontSize(size)
    .text(text, left(doc), doc.y, { width: contentWidth(doc), align: 'center' })
}

/** A "label: value" line, the label regular and the value bold, wrapping as one paragraph. */
function field(doc: PdfDocument, label: string, value: string, onNewPage?: () => void) {
  doc.font(FONTS.regular).fontSize(BODY)
  const height = doc.heightOfString(`${label}: ${value}`, { width: contentWidth(doc) })
  if (onNewPage && doc.y + height > bottom(doc)) onNewPage()
  doc
    .font(FONTS.regular)
    .text(`${label}: `, left(doc), doc.y, { continued: true, width: contentWidth(doc) })
    .font(FONTS.bold)
    .text(value)
  doc.font(FONTS.regular)
}

/** A paragraph that moves whole to the next page when it does not fit. */
function paragraph(
  doc: PdfDocument,
  text: string,
  onNewPage: () => void,
  options: { font?: string; size?: number } = {},
) {
  doc.font(options.font ?? FONTS.regular).fontSize(options.size ?? BODY)
  const height = doc.heightOfString(text, { width: contentWidth(doc) })
  if (doc.y + height > bottom(doc)) {
    onNewPage()
    doc.font(options.font ?? FONTS.regular).fontSize(options.size ?? BODY)
  }
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc) })
}

interface Column {
  header: string
  /** Share of the content width. */
  share: number
  align?: 'left' | 'center'
}

/** A bordered table; a row that does not fit goes to a new page, under the header again. */
function table(doc: PdfDocument, columns: Column[], rows: string[][], onNewPage: () => void) {
  const total = columns.reduce((sum, column) => sum + column.share, 0)
  const widths = columns.map((column) => (column.share / total) * contentWidth(doc))
  const heightOf = (cells: string[], font: string) => {
    doc.font(font).fontSize(SMALL)
    return (
      Math.max(
        ...cells.map((cell, at) =>
          doc.heightOfString(cell || ' ', { width: widths[at] - 2 * CELL_PADDING }),
        ),
      ) +
      2 * CELL_PADDING
    )
  }
  const drawRow = (cells: string[], font: string, height: number) => {
    let x = left(doc)
    const y = doc.y
    doc.font(font).fontSize(SMALL).lineWidth(0.5)
    cells.forEach((cell, at) => {
      doc.rect(x, y, widths[at], height).stroke()
      doc.text(cell, x + CELL_PADDING, y + CELL_PADDING, {
        width: widths[at] - 2 * CELL_PADDING,
        align: columns[at].align ?? 'left',
        lineBreak: true,
      })
      x += widths[at]
    })
    doc.x = left(doc)
    doc.y = y + height
  }
  const headers = columns.map((column) => column.header)
  const headerHeight = heightOf(headers, FONTS.bold)
  const drawHeader = () => drawRow(headers, FONTS.bold, headerHeight)
  if (doc.y + headerHeight + heightOf(rows[0] ?? [], FONTS.regular) > bottom(doc)) onNewPage()
  drawHeader()
  for (const row of rows) {
    const height = heightOf(row, FONTS.regular)
    if (doc.y + height > bottom(doc)) {
      onNewPage()
      drawHeader()
    }
    drawRow(row, FONTS.regular, height)
  }
  doc.font(FONTS.regular).fontSize(BODY)
  doc.moveDown(0.4)
}

function heading(doc: PdfDocument, text: string, onNewPage: () => void) {
  doc.font(FONTS.bold).fontSize(BODY)
  // A heading never stays alone at the foot of a page.
  if (doc.y + 3 * doc.currentLineHeight() > bottom(doc)) onNewPage()
  doc.text(text, left(doc), doc.y, { width: contentWidth(doc) })
  doc.font(FONTS.regular)
}

/** The diagonal mark of a year not yet approved, drawn under the page's text. */
function draftMark(doc: PdfDocument) {
  const { x, y } = doc
  const centreX = doc.page.width / 2
  const centreY = doc.page.height / 2
  doc.save()
  doc.rotate(-45, { origin: [centreX, centreY] })
  doc.font(FONTS.bold).fontSize(96).fillColor('#000000').fillOpacity(0.12)
  doc.text(TRANSCRIPT_DRAFT_MARK.toUpperCase(), centreX - 300, centreY - 55, {
    width: 600,
    align: 'center',
    lineBreak: false,
  })
  doc.restore()
  doc.fillColor('#000000').fillOpacity(1)
  doc.x = x
  doc.y = y
}

function cover(doc: PdfDocument, transcript: Transcript) {
  newPage(doc)
  const { school, pupil } = transcript
  centred(doc, 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', 13, FONTS.bold)
  doc.moveDown(9)
  centred(doc, 'HỌC BẠ TIỂU HỌC', 30, FONTS.bold)
  doc.moveDown(5)
  const lines: Array<[string, string]> = [
    ['Họ và tên học sinh', pupil.fullName],
    ['Mã học sinh', pupil.studentCode],
    ['Trường', school.name],
    ['Xã/Phường/Đặc khu', blank(school.commune)],
    ['Tỉnh/Thành phố', blank(school.province)],
  ]
  doc.x = left(doc) + 60
  for (const [label, value] of lines) {
    doc.font(FONTS.regular).fontSize(13)
    doc
      .text(`${label}: `, left(doc) + 60, doc.y, { continued: true })
      .font(FONTS.bold)
      .text(value)
    doc.moveDown(0.6)
  }
}

function personal(doc: PdfDocument, transcript: Transcript) {
  newPage(doc)
  const { pupil, school } = transcript
  centred(doc, 'HỌC BẠ', 16, FONTS.bold)
  doc.moveDown(1.2)
  const person = (who: { name: string; occupation: string | null } | null) =>
    who ? `${who.name}${who.occupation ? `; nghề nghiệp: ${who.occupation}` : ''}` : blank(null)
  const lines: Array<[string, string]> = [
    ['Họ và tên học sinh', pupil.fullName],
    ['Giới tính', pupil.gender ? GENDER[pupil.gender] : blank(null)],
    ['Ngày, tháng, năm sinh', blank(dateOrBlank(pupil.dateOfBirth))],
    ['Dân tộc', blank(pupil.ethnicity)],
    ['Quốc tịch', blank(pupil.nationality)],
    ['Nơi sinh', blank(pupil.placeOfBirth)],
    ['Quê quán', blank(pupil.homeTown)],
    ['Nơi ở hiện nay', blank(pupil.currentAddress)],
    ['Họ và tên cha', person(pupil.father)],
    ['Họ và tên mẹ', person(pupil.mother)],
    ['Người giám hộ', person(pupil.guardian)],
  ]
  for (const [label, value] of lines) {
    field(doc, label, value)
    doc.moveDown(0.5)
  }
  doc.moveDown(2)
  const column = { x: left(doc) + contentWidth(doc) / 2, width: contentWidth(doc) / 2 }
  doc.font(FONTS.italic).fontSize(BODY)
  doc.text(placeAndDate(school.commune, null), column.x, doc.y, {
    width: column.width,
    align: 'center',
  })
  doc.font(FONTS.bold).text('HIỆU TRƯỞNG', { width: column.width, align: 'center' })
  doc.font(FONTS.italic).text('(Ký, ghi rõ họ tên và đóng dấu)', {
    width: column.width,
    align: 'center',
  })
  doc.x = left(doc)
}

function history(doc: PdfDocument, transcript: Transcript) {
  newPage(doc)
  centred(doc, 'QUÁ TRÌNH HỌC TẬP', 14, FONTS.bold)
  doc.moveDown(1)
  const columns: Column[] = [
    { header: 'Năm học', share: 12, align: 'center' },
    { header: 'Lớp', share: 20, align: 'center' },
    { header: 'Tên trường', share: 28 },
    { header: 'Số đăng bộ', share: 11, align: 'center' },
    { header: 'Ngày nhập học / chuyển đến', share: 29 },
  ]
  const rows = transcript.enrolments.map((row) => [
    row.schoolYear,
    row.className,
    row.school,
    row.registerNumber ?? '',
    row.enteredOn
      ? `${formatDateVi(row.enteredOn)}${row.cameFrom ? ` (chuyển từ ${row.cameFrom})` : ''}`
      : '',
  ])
  table(doc, columns, rows, () => newPage(doc))
}

const traitCell = (trait: TranscriptTrait | undefined): [string, string] =>
  trait ? [trait.name, trait.level ?? ''] : ['', '']

function yearPage(doc: PdfDocument, transcript: Transcript, year: TranscriptYear) {
  const startPage = () => {
    newPage(doc)
    if (!year.final) draftMark(doc)
  }
  startPage()
  if (!year.final) {
    doc.font(FONTS.italic).fontSize(SMALL)
    doc.text(
      `${TRANSCRIPT_DRAFT_MARK}: kết quả năm học ${year.schoolYear} ` +
        'chưa được Hiệu trưởng phê duyệt.',
      left(doc),
      doc.y,
      { width: contentWidth(doc), align: 'right' },
    )
  }
  const { pupil, school } = transcript
  doc.font(FONTS.bold).fontSize(BODY)
  doc.text(
    `Họ và tên: ${pupil.fullName}    Lớp: ${year.class.name}    Năm học: ${year.schoolYear}`,
    left(doc),
    doc.y,
    { width: contentWidth(doc) },
  )
  const height = year.heightCm === null ? '……' : `${decimal(year.heightCm)} cm`
  const weight = year.weightKg === null ? '……' : `${decimal(year.weightKg)} kg`
  const checked = year.checkedOn ? ` (khám ngày ${formatDateVi(year.checkedOn)})` : ''
  field(doc, 'Chiều cao', `${height}; cân nặng: ${weight}${checked}`)
  field(
    doc,
    'Số ngày nghỉ',
    `có phép: ${year.daysAbsentExcused}; không phép: ${year.daysAbsentUnexcused}`,
  )
  doc.moveDown(0.4)

  heading(doc, '1. Các môn học và hoạt động giáo dục', startPage)
  table(
    doc,
    [
      { header: 'Môn học và hoạt động giáo dục', share: 21 },
      { header: 'Mức đạt được', share: 9, align: 'center' },
      { header: 'Điểm KTĐK', share: 9, align: 'center' },
      { header: 'Nhận xét', share: 40 },
      { header: 'Giáo viên', share: 21 },
    ],
    year.subjects.map((row) => [
      row.name,
      row.level ?? '',
      row.score === null ? '' : decimal(row.score),
      row.comment ?? '',
      row.teacher ?? '',
    ]),
    startPage,
  )
  paragraph(doc, `Mức đạt được: ${LEVEL_LEGEND}.`, startPage, { font: FONTS.italic, size: SMALL })
  doc.moveDown(0.3)

  heading(doc, '2. Những phẩm chất chủ yếu; 3. Những năng lực cốt lõi', startPage)
  const rowCount = Math.max(
    year.qualities.length,
    year.generalCompetencies.length,
    year.specificCompetencies.length,
  )
  table(
    doc,
    [
      { header: 'Phẩm chất', share: 16 },
      { header: 'Mức', share: 6, align: 'center' },
      { header: 'Năng lực chung', share: 24 },
      { header: 'Mức', share: 6, align: 'center' },
      { header: 'Năng lực đặc thù', share: 16 },
      { header: 'Mức', share: 6, align: 'center' },
    ],
    Array.from({ length: rowCount }, (_, at) => [
      ...traitCell(year.qualities[at]),
      ...traitCell(year.generalCompetencies[at]),
      ...traitCell(year.specificCompetencies[at]),
    ]),
    startPage,
  )
  paragraph(doc, `Nhận xét về phẩm chất: ${year.qualitiesComment ?? ''}`, startPage)
  paragraph(doc, `Nhận xét về năng lực: ${year.competenciesComment ?? ''}`, startPage)
  doc.moveDown(0.4)

  const result = year.result ? `${YEAR_RESULT_LABELS[year.result].vi} (${year.result})` : ''
  heading(doc, `4. Đánh giá kết quả giáo dục: ${result}`, startPage)
  if (year.resultReasons.length > 0) {
    paragraph(doc, `Căn cứ: ${year.resultReasons.join('; ')}`, startPage, {
      font: FONTS.italic,
      size: SMALL,
    })
  }
  if (year.comment) {
    paragraph(doc, `Nhận xét của giáo viên chủ nhiệm: ${year.comment}`, startPage)
  }
  heading(doc, `5. Khen thưởng: ${year.awards.join('; ') || 'Không'}`, startPage)
  heading(doc, `6. Hoàn thành chương trình: ${year.completion ?? ''}`, startPage)
  doc.moveDown(0.5)
  signatures(doc, school.commune, year, startPage)
}

function signatures(
  doc: PdfDocument,
  place: string | null,
  year: TranscriptYear,
  onNewPage: () => void,
) {
  const { homeroom, principal } = year.signatures
  const half = contentWidth(doc) / 2
  const lineHeight = doc.font(FONTS.regular).fontSize(BODY).currentLineHeight(true)
  const homeroomLines = [
    ' ',
    'Xác nhận của giáo viên chủ nhiệm',
    '(Ký và ghi rõ họ tên)',
    ...(homeroom
      ? [`Đã xác nhận ngày ${formatDateVi(homeroom.at)}`, homeroom.signerName]
      : [' ', '……………………………']),
  ]
  const principalLines = [
    placeAndDate(place, principal?.at ?? null),
    'Hiệu trưởng',
    '(Ký, ghi rõ họ tên và đóng dấu)',
    ...(principal
      ? [
          `Đã ký số ngày ${formatDateVi(principal.at)}`,
          principal.signerName,
          ...(principal.certificateSubject
            ? [`Chứng thư số: ${principal.certificateSubject}`]
            : []),
        ]
      : [' ', '……………………………']),
  ]
  const blockHeight = Math.max(homeroomLines.length, principalLines.length) * lineHeight
  if (doc.y + blockHeight > bottom(doc)) onNewPage()
  const top = doc.y
  const write = (lines: string[], at: number, fonts: string[]) => {
    doc.y = top
    lines.forEach((line, index) => {
      doc.font(fonts[index] ?? FONTS.regular).fontSize(BODY)
      doc.text(line, left(doc) + at, doc.y, { width: half, align: 'center' })
    })
    return doc.y
  }
  const fonts = [FONTS.italic, FONTS.bold, FONTS.italic, FONTS.regular, FONTS.bold, FONTS.italic]
  const endLeft = write(homeroomLines, 0, fonts)
  const endRight = write(principalLines, half, fonts)
  doc.x = left(doc)
  doc.y = Math.max(endLeft, endRight)
}

/** Writes one pupil's transcript into the document: cover, personal page, history, years. */
export function writeTranscript(doc: PdfDocument, transcript: Transcript): void {
  cover(doc, transcript)
  personal(doc, transcript)
  history(doc, transcript)
  for (const year of transcript.years) yearPage(doc, transcript, year)
}
