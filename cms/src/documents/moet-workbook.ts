/**
 * The Ministry's files as workbooks (exceljs): written with the header of `@school/shared`'s
 * definitions, read back into plain cells for its readers, by header name, never by position.
 */
import ExcelJS from 'exceljs'
import {
  MOET_RESULTS_HEADER_ROWS,
  normalizeMoetHeader,
  type MoetCell,
  type MoetColumn,
  type MoetSheet,
} from '@school/shared'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** exceljs's value as text, number or date (rich text, formulas and hyperlinks unwrapped). */
function plainCell(value: ExcelJS.CellValue): MoetCell {
  if (value === null || value === undefined) return null
  if (value instanceof Date || typeof value === 'number') return value
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
  }
  return null
}

/** Why a file cannot be read at all: said to the user as it is (a 400). */
export class UnreadableWorkbook extends Error {}

export async function loadWorkbook(buffer: ArrayBuffer | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as ArrayBuffer)
  } catch {
    throw new UnreadableWorkbook('Không đọc được tệp: cần tệp Excel .xlsx của CSDL ngành.')
  }
  return workbook
}

/** Where a sheet's header starts: the first of its top rows that names "Mã học sinh". */
function headerStart(sheet: ExcelJS.Worksheet): number | null {
  const wanted = normalizeMoetHeader('Mã học sinh')
  for (let row = 1; row <= Math.min(sheet.rowCount, 15); row += 1) {
    const cells = sheet.getRow(row)
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const text = plainCell(cells.getCell(column).value)
      if (typeof text === 'string' && normalizeMoetHeader(text) === wanted) return row
    }
  }
  return null
}

/**
 * The sheet named `preferred`, else the first sheet whose top rows name "Mã học sinh", read into
 * plain cells under a header of `headerRows` rows (a merged header cell gives its text to every
 * cell it covers). Null when no sheet has such a header.
 */
export function moetSheet(
  workbook: ExcelJS.Workbook,
  preferred: string,
  headerRows: number,
): MoetSheet | null {
  const named = workbook.worksheets.find(
    (sheet) => normalizeMoetHeader(sheet.name) === normalizeMoetHeader(preferred),
  )
  const candidates = named
    ? [named, ...workbook.worksheets.filter((s) => s !== named)]
    : workbook.worksheets
  for (const sheet of candidates) {
    const start = headerStart(sheet)
    if (start === null) continue
    const header = new Map<number, string[]>()
    for (let column = 1; column <= sheet.columnCount; column += 1) {
      const texts: string[] = []
      for (let row = start; row < start + headerRows; row += 1) {
        const value = plainCell(sheet.getRow(row).getCell(column).value)
        texts.push(value === null ? '' : String(value))
      }
      header.set(column, texts)
    }
    const rows: MoetSheet['rows'][number][] = []
    sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
      if (rowNumber < start + headerRows) return
      const cells = new Map<number, MoetCell>()
      excelRow.eachCell({ includeEmpty: false }, (cell, column) => {
        cells.set(column, plainCell(cell.value))
      })
      rows.push({ row: rowNumber, cells })
    })
    return { name: sheet.name, header, rows }
  }
  return null
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

/**
 * A sheet with the columns' header (as many rows as the columns' `header` has), merging what the
 * template merges: the same text over adjacent rows of a column, or over adjacent columns of a
 * row under the same heading above. Then `rows` (cells by column key); text cells stay text, so
 * a code keeps its leading zeros.
 */
export function writeMoetSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly MoetColumn[],
  rows: ReadonlyArray<Record<string, string | number | null>>,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name)
  const height = Math.max(...columns.map((column) => column.header.length))
  for (let row = 1; row <= height; row += 1) {
    const values = columns.map((column) => column.header[row - 1] ?? column.header.at(-1) ?? '')
    const excelRow = sheet.getRow(row)
    values.forEach((value, at) => (excelRow.getCell(at + 1).value = value))
    excelRow.font = { bold: true }
    excelRow.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
  }
  // Vertical merges: a column whose header repeats downwards.
  const mergedDown = new Map<number, number>()
  columns.forEach((column, at) => {
    const texts = Array.from({ length: height }, (_, row) => column.header[row] ?? '')
    let top = 0
    while (top < height) {
      let bottom = top
      while (bottom + 1 < height && texts[bottom + 1] === texts[top]) bottom += 1
      if (bottom > top) sheet.mergeCells(top + 1, at + 1, bottom + 1, at + 1)
      if (top === 0) mergedDown.set(at, bottom)
      top = bottom + 1
    }
  })
  // Horizontal merges: neighbours under the same heading above, each merged down no further.
  for (let row = 0; row < height - 1; row += 1) {
    let left = 0
    while (left < columns.length) {
      const key = (at: number) => columns[at].header.slice(0, row + 1).join('\u0000')
      let right = left
      while (
        right + 1 < columns.length &&
        key(right + 1) === key(left) &&
        (mergedDown.get(right + 1) ?? 0) <= row &&
        (mergedDown.get(left) ?? 0) <= row
      )
        right += 1
      if (right > left && (mergedDown.get(left) ?? 0) <= row)
        sheet.mergeCells(row + 1, left + 1, row + 1, right + 1)
      left = right + 1
    }
  }
  for (const values of rows) {
    const excelRow = sheet.addRow(columns.map((column) => values[column.key] ?? null))
    excelRow.eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN))
  }
  for (let row = 1; row <= height; row += 1)
    sheet.getRow(row).eachCell({ includeEmpty: true }, (cell) => (cell.border = THIN))
  columns.forEach((column, at) => {
    const excelColumn = sheet.getColumn(at + 1)
    // Codes, dates and phones as text: Excel would drop a leading 0.
    excelColumn.numFmt = '@'
    excelColumn.width = column.key === 'fullName' ? 26 : column.header.length > 1 ? 9 : 16
  })
  sheet.views = [{ state: 'frozen', ySplit: height, xSplit: Math.min(4, columns.length) }]
  return sheet
}

export { MOET_RESULTS_HEADER_ROWS }
