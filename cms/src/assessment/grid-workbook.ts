/**
 * The entry grid as a spreadsheet (Điều 10.1, 12.1): the .xlsx a teacher downloads for a class ×
 * subject × checkpoint (or the class's qualities and competencies), fills in Excel, and uploads.
 *
 * Reading never trusts positions: the header row is found by its header names, columns by
 * header, and every data row is matched to a pupil of the grid by "Mã học sinh" (the sector
 * database's code; for a pupil who has none yet, by the hidden "Mã hệ thống" column). Every
 * error of the file is listed with its cell as Excel shows it ("D7"); the caller writes nothing
 * when there is one.
 *
 * What a cell means:
 * - A blank cell keeps what is stored (as in the start-of-year import: a blank never erases).
 *   Each entry read is the pupil's whole resulting state (the stored values with the file's
 *   non-blank cells over them), so whatever the save does with a null, an upload clears nothing.
 *   Clearing a stored value is done in the admin grid.
 * - A row whose level, score and comment cells are all blank is "no change": its entry is the
 *   stored state (for a pupil not assessed yet, `level: null` and nothing else).
 * - A pupil of the grid missing from the file is "no change" too, not an error: a teacher may
 *   upload only the pupils they have assessed. Such a pupil gets no entry.
 * - Formula cells are read as the value Excel saved with them (one saved without a value is an
 *   error), rich text as its plain text, a cell merged into its neighbour as blank.
 * - Levels: the letter in any case, the full words with or without marks, HTT/HT/CHT; for
 *   qualities and competencies also D for Đ and CCG. Scores: whole numbers 1–10 only.
 */
import ExcelJS from 'exceljs'
import {
  PERIOD_LABELS,
  PERIOD_SHORT_LABELS,
  PERIODS,
  QUALITY_CODES,
  QUALITY_LEVEL_LABELS,
  QUALITY_LEVELS,
  SUBJECT_LEVEL_LABELS,
  SUBJECT_LEVELS,
  GENERAL_COMPETENCY_CODES,
  stripDiacritics,
  TRAIT_LABELS,
  type GridError,
  type TraitGridEntry,
  type Period,
  type QualityLevel,
  type SubjectGrid,
  type SubjectGridEntry,
  type SubjectGridRow,
  type SubjectLevel,
  type TraitCode,
  type TraitGrid,
  type TraitGridRow,
} from '@school/shared'

/** The headers as written; reading matches them without case, marks or extra spaces. */
export const GRID_HEADERS = {
  number: 'STT',
  studentCode: 'Mã học sinh',
  fullName: 'Họ và tên',
  level: 'Mức đạt được',
  score: 'Điểm KTĐK',
  comment: 'Nhận xét',
  qualitiesComment: 'Nhận xét phẩm chất',
  competenciesComment: 'Nhận xét năng lực',
  /** The pupil's id in this system: the key of a pupil who has no sector code yet. */
  studentId: 'Mã hệ thống',
} as const

/** The header row is looked for in this many rows at the top of each sheet. */
const HEADER_SEARCH_ROWS = 15
const TITLE_LABELS = {
  schoolYear: 'Năm học',
  period: 'Thời điểm',
  className: 'Lớp',
  subject: 'Môn học',
} as const
type TitleKey = keyof typeof TITLE_LABELS

/** Row of the header in a downloaded file; the title block and a hint sit above it. */
const HEADER_ROW = 7

interface GridColumn {
  /** `level`, `score`, `comment`, a trait code… (GridError.column) */
  key: string
  header: string
  width: number
  editable?: boolean
  hidden?: boolean
  choices?: readonly string[]
  wholeNumber?: { min: number; max: number }
  note?: string
}

const LOCKED_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7E6E6' },
}
const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFD9E1F2' },
}
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
}

const identityColumns: GridColumn[] = [
  { key: 'number', header: GRID_HEADERS.number, width: 5 },
  {
    key: 'studentCode',
    header: GRID_HEADERS.studentCode,
    width: 16,
    note:
      'Mã định danh trên CSDL ngành: hệ thống nhận ra học sinh theo mã này, ' +
      'không theo thứ tự dòng.',
  },
  { key: 'fullName', header: GRID_HEADERS.fullName, width: 28 },
]
const studentIdColumn: GridColumn = {
  key: 'studentId',
  header: GRID_HEADERS.studentId,
  width: 10,
  hidden: true,
}

function subjectColumns(tested: boolean): GridColumn[] {
  return [
    ...identityColumns,
    {
      key: 'level',
      header: GRID_HEADERS.level,
      width: 14,
      editable: true,
      choices: SUBJECT_LEVELS,
      note: 'T: Hoàn thành tốt, H: Hoàn thành, C: Chưa hoàn thành',
    },
    ...(tested
      ? [
          {
            key: 'score',
            header: GRID_HEADERS.score,
            width: 11,
            editable: true,
            wholeNumber: { min: 1, max: 10 },
            note: 'Điểm bài kiểm tra định kì: số nguyên từ 1 đến 10 (lần kiểm tra cuối cùng).',
          },
        ]
      : []),
    { key: 'comment', header: GRID_HEADERS.comment, width: 60, editable: true },
    studentIdColumn,
  ]
}

function traitColumns(traits: readonly TraitCode[]): GridColumn[] {
  return [
    ...identityColumns,
    ...traits.map((trait) => ({
      key: trait,
      header: TRAIT_LABELS[trait],
      width: Math.max(9, Math.min(16, TRAIT_LABELS[trait].length)),
      editable: true,
      choices: QUALITY_LEVELS,
      note: 'T: Tốt, Đ: Đạt, C: Cần cố gắng',
    })),
    {
      key: 'qualitiesComment',
      header: GRID_HEADERS.qualitiesComment,
      width: 45,
      editable: true,
    },
    {
      key: 'competenciesComment',
      header: GRID_HEADERS.competenciesComment,
      width: 45,
      editable: true,
    },
    studentIdColumn,
  ]
}

interface PupilRow {
  student: number | string
  studentCode: string | null
  fullName: string
}

interface SheetLayout {
  title: string
  titleBlock: Array<[TitleKey, string]>
  hint: string
  columns: GridColumn[]
  /** Header groups written in the row above the header (the trait sheet's three groups). */
  groups?: Array<{ label: string; keys: readonly string[] }>
  rows: Array<{ pupil: PupilRow; values: Record<string, ExcelJS.CellValue> }>
}

async function writeGridWorkbook(layout: SheetLayout): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Hệ thống quản trị trường học'
  const sheet = workbook.addWorksheet('Đánh giá', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 3 }],
  })
  const { columns } = layout

  sheet.getCell(1, 1).value = layout.title
  sheet.getCell(1, 1).font = { bold: true, size: 14 }
  layout.titleBlock.forEach(([key, value], index) => {
    // Label in A (it overflows into the empty B), value in C: no merged cells to misread.
    sheet.getCell(2 + index, 1).value = `${TITLE_LABELS[key]}:`
    sheet.getCell(2 + index, 3).value = value
    sheet.getCell(2 + index, 3).font = { bold: true }
  })
  const hintCell = sheet.getCell(HEADER_ROW - (layout.groups ? 2 : 1), 1)
  hintCell.value = layout.hint
  hintCell.font = { italic: true, color: { argb: 'FF595959' } }

  if (layout.groups) {
    for (const group of layout.groups) {
      const indexes = group.keys
        .map((key) => columns.findIndex((column) => column.key === key) + 1)
        .filter((index) => index > 0)
      if (indexes.length === 0) continue
      const [first, last] = [Math.min(...indexes), Math.max(...indexes)]
      if (last > first) sheet.mergeCells(HEADER_ROW - 1, first, HEADER_ROW - 1, last)
      const cell = sheet.getCell(HEADER_ROW - 1, first)
      cell.value = group.label
      cell.font = { bold: true }
      cell.alignment = { horizontal: 'center' }
      cell.fill = HEADER_FILL
      cell.border = THIN_BORDER
    }
  }

  const header = sheet.getRow(HEADER_ROW)
  columns.forEach((column, index) => {
    const excelColumn = sheet.getColumn(index + 1)
    excelColumn.width = column.width
    if (column.hidden) excelColumn.hidden = true
    const cell = header.getCell(index + 1)
    cell.value = column.header
    cell.font = { bold: true }
    cell.fill = HEADER_FILL
    cell.border = THIN_BORDER
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
    if (column.note) cell.note = column.note
  })
  header.height = 32

  layout.rows.forEach(({ pupil, values }, rowIndex) => {
    const row = sheet.getRow(HEADER_ROW + 1 + rowIndex)
    columns.forEach((column, index) => {
      const cell = row.getCell(index + 1)
      cell.border = THIN_BORDER
      if (column.key === 'number') cell.value = rowIndex + 1
      else if (column.key === 'studentCode') cell.value = pupil.studentCode ?? ''
      else if (column.key === 'fullName') cell.value = pupil.fullName
      else if (column.key === 'studentId') cell.value = String(pupil.student)
      else cell.value = values[column.key] ?? null
      if (column.key === 'studentCode' || column.key === 'studentId') cell.numFmt = '@'
      if (!column.editable) {
        cell.fill = LOCKED_FILL
        return
      }
      cell.protection = { locked: false }
      if (column.key.endsWith('omment')) cell.alignment = { wrapText: true, vertical: 'top' }
      else cell.alignment = { horizontal: 'center' }
      if (column.choices) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: 'Giá trị không hợp lệ',
          error: `Chọn một trong: ${column.choices.join(', ')}`,
        }
      }
      if (column.wholeNumber) {
        const { min, max } = column.wholeNumber
        cell.dataValidation = {
          type: 'whole',
          operator: 'between',
          allowBlank: true,
          formulae: [min, max],
          showErrorMessage: true,
          errorTitle: 'Điểm không hợp lệ',
          error: `Điểm là số nguyên từ ${min} đến ${max}.`,
        }
      }
    })
  })
  // No password: the protection only keeps a slip of the mouse off the pupil's code and name
  // (reading never relies on it; Excel's "Unprotect Sheet" lifts it).
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true,
    formatColumns: true,
    formatRows: true,
    sort: true,
    autoFilter: true,
  })
  sheet.pageSetup = {
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The download of a subject's grid: one row per pupil, in the grid's order. */
export function subjectGridWorkbook(grid: SubjectGrid): Promise<Buffer> {
  const scoreHint = grid.tested ? ' Điểm KTĐK: số nguyên từ 1 đến 10.' : ''
  return writeGridWorkbook({
    title: 'BẢNG ĐÁNH GIÁ MÔN HỌC, HOẠT ĐỘNG GIÁO DỤC',
    titleBlock: [
      ['schoolYear', grid.schoolYear],
      ['period', PERIOD_LABELS[grid.period].vi],
      ['className', grid.class.name],
      ['subject', grid.subject.name],
    ],
    hint:
      'Mức đạt được: T (Hoàn thành tốt), H (Hoàn thành), C (Chưa hoàn thành).' +
      `${scoreHint} Ô để trống: giữ nguyên dữ liệu đã lưu.`,
    columns: subjectColumns(grid.tested),
    rows: grid.rows.map((row) => ({
      pupil: row,
      values: { level: row.level, score: grid.tested ? row.score : null, comment: row.comment },
    })),
  })
}

/** The download of the class's qualities and competencies: one column per trait of the grade. */
export function traitGridWorkbook(grid: TraitGrid): Promise<Buffer> {
  const general = new Set<string>(GENERAL_COMPETENCY_CODES)
  const qualities = new Set<string>(QUALITY_CODES)
  return writeGridWorkbook({
    title: 'BẢNG ĐÁNH GIÁ PHẨM CHẤT, NĂNG LỰC',
    titleBlock: [
      ['schoolYear', grid.schoolYear],
      ['period', PERIOD_LABELS[grid.period].vi],
      ['className', grid.class.name],
    ],
    hint: 'Mức: T (Tốt), Đ (Đạt), C (Cần cố gắng). Ô để trống: giữ nguyên dữ liệu đã lưu.',
    columns: traitColumns(grid.traits),
    groups: [
      { label: 'Phẩm chất', keys: grid.traits.filter((trait) => qualities.has(trait)) },
      { label: 'Năng lực chung', keys: grid.traits.filter((trait) => general.has(trait)) },
      {
        label: 'Năng lực đặc thù',
        keys: grid.traits.filter((trait) => !qualities.has(trait) && !general.has(trait)),
      },
    ],
    rows: grid.rows.map((row) => ({
      pupil: row,
      values: {
        ...Object.fromEntries(grid.traits.map((trait) => [trait, row.levels[trait] ?? null])),
        qualitiesComment: row.qualitiesComment,
        competenciesComment: row.competenciesComment,
      },
    })),
  })
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Case, marks, `*`, a trailing colon and extra spaces do not count: " mã  HỌC sinh *" matches. */
export function normalizeHeader(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .replace(/\*/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*:\s*$/, '')
    .trim()
    .toLowerCase()
}

type PlainValue = string | number | boolean | Date | null

/** What the cell shows: a formula's saved result, rich text's text, an error as "#N/A". */
function plainValue(value: ExcelJS.CellValue | undefined): PlainValue {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || value instanceof Date) return value
  if ('error' in value) return value.error
  if ('richText' in value) return value.richText.map((part) => part.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return plainValue(value.result ?? null)
  if ('text' in value) return plainValue(value.text as ExcelJS.CellValue)
  return null
}

function isUncomputedFormula(value: ExcelJS.CellValue): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    ('formula' in value || 'sharedFormula' in value) &&
    (value.result === undefined || value.result === null)
  )
}

/** A cell merged into another shows nothing of its own (exceljs would repeat the first's value). */
function cellValue(cell: ExcelJS.Cell): PlainValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null
  return plainValue(cell.value)
}

function textOf(value: PlainValue): string {
  if (value === null) return ''
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  }
  return String(value).normalize('NFC').trim()
}

interface ReadCell {
  value: PlainValue
  text: string
  address: string
}

interface MatchedRow<Row> {
  row: Row
  cell: (key: string) => ReadCell | null
}

interface SheetRead<Row> {
  matched: Array<MatchedRow<Row>>
  errors: GridError[]
}

interface ReadSpec<Row extends PupilRow> {
  rows: readonly Row[]
  /** Every header the reader knows, by key. */
  columns: Array<{ key: string; header: string; required: boolean }>
  /** Columns whose cells carry a value (a row with all of them blank is skipped or unchanged). */
  valueKeys: readonly string[]
  titleChecks: Partial<Record<TitleKey, (text: string) => string | null>>
}

const notXlsx: GridError = {
  column: 'file',
  message: 'Không đọc được tệp: cần tệp Excel .xlsx (tải bảng về, điền rồi tải lên lại).',
}

async function readGridSheet<Row extends PupilRow>(
  buffer: Buffer,
  spec: ReadSpec<Row>,
): Promise<SheetRead<Row>> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  } catch {
    return { matched: [], errors: [notXlsx] }
  }
  const codeHeader = normalizeHeader(GRID_HEADERS.studentCode)
  let found: { sheet: ExcelJS.Worksheet; headerRow: number } | null = null
  for (const sheet of workbook.worksheets) {
    for (let rowNumber = 1; rowNumber <= HEADER_SEARCH_ROWS && !found; rowNumber += 1) {
      const row = sheet.getRow(rowNumber)
      for (let index = 1; index <= row.cellCount; index += 1) {
        if (normalizeHeader(textOf(cellValue(row.getCell(index)))) === codeHeader) {
          found = { sheet, headerRow: rowNumber }
          break
        }
      }
    }
    if (found) break
  }
  if (!found) {
    const wanted = spec.columns.filter((column) => column.required).map((c) => `"${c.header}"`)
    return {
      matched: [],
      errors: [
        {
          column: 'header',
          message:
            `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu: cần các cột ` +
            `${wanted.join(', ')}. Hãy tải bảng về và điền vào bảng đó.`,
        },
      ],
    }
  }
  const { sheet, headerRow } = found
  const errors: GridError[] = []

  const positions = new Map<string, number>()
  const byHeader = new Map(spec.columns.map((column) => [normalizeHeader(column.header), column]))
  const header = sheet.getRow(headerRow)
  for (let index = 1; index <= header.cellCount; index += 1) {
    const cell = header.getCell(index)
    const column = byHeader.get(normalizeHeader(textOf(cellValue(cell))))
    if (!column) continue // an extra column of the teacher's own: ignored
    if (positions.has(column.key)) {
      const first = header.getCell(positions.get(column.key) ?? 0).address
      errors.push({
        column: 'header',
        cell: cell.address,
        message: `Cột "${column.header}" có hai lần (ô ${first} và ${cell.address}): giữ một cột.`,
      })
      continue
    }
    positions.set(column.key, index)
  }
  for (const column of spec.columns.filter((c) => c.required && !positions.has(c.key))) {
    errors.push({
      column: 'header',
      message: `Dòng tiêu đề (dòng ${headerRow}) thiếu cột "${column.header}".`,
    })
  }
  errors.push(...checkTitleBlock(sheet, headerRow, spec.titleChecks))

  const pupilsByCode = new Map<string, Row>()
  const pupilsById = new Map<string, Row>()
  for (const pupil of spec.rows) {
    if (pupil.studentCode) pupilsByCode.set(pupil.studentCode.trim().toUpperCase(), pupil)
    pupilsById.set(String(pupil.student), pupil)
  }
  const findByCode = (value: PlainValue): Row | null => {
    const code = textOf(value).toUpperCase()
    const exact = pupilsByCode.get(code)
    if (exact) return exact
    // A code retyped into a number cell loses its leading zeros (0125000001 → 125000001).
    if (typeof value === 'number') {
      const candidates = [...pupilsByCode.entries()].filter(
        ([known]) => /^0+\d+$/.test(known) && known.replace(/^0+/, '') === code,
      )
      if (candidates.length === 1) return candidates[0][1]
    }
    return null
  }

  const matched: Array<MatchedRow<Row>> = []
  const seen = new Map<Row, string>()
  // Only the rows the file has: a column formatted down to row 1 048 576 makes no rows of its own.
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber <= headerRow) return
    const cell = (key: string): ReadCell | null => {
      const index = positions.get(key)
      if (index === undefined) return null
      const excelCell = excelRow.getCell(index)
      const value = cellValue(excelCell)
      return { value, text: textOf(value), address: excelCell.address }
    }
    const codeCell = cell('studentCode')
    const idCell = cell('studentId')
    const hasValues = spec.valueKeys.some((key) => (cell(key)?.text ?? '') !== '')
    if (!codeCell?.text && !hasValues) return // a blank row, a footer, a signature line
    let pupil: Row | null = null
    if (codeCell?.text) {
      pupil = findByCode(codeCell.value)
      if (!pupil) {
        errors.push({
          studentCode: codeCell.text,
          column: 'studentCode',
          cell: codeCell.address,
          message: `Mã học sinh "${codeCell.text}" không có trong danh sách lớp của bảng này.`,
        })
        return
      }
    } else if (idCell?.text) {
      pupil = pupilsById.get(idCell.text) ?? null
      // A pupil with a sector code is known by it: a blanked code cell is a slip, not a key.
      if (pupil?.studentCode) pupil = null
    }
    if (!pupil) {
      errors.push({
        column: 'studentCode',
        cell: codeCell?.address,
        message: `Dòng ${rowNumber} có dữ liệu nhưng thiếu mã học sinh.`,
      })
      return
    }
    const keyCell = codeCell?.address ?? idCell?.address ?? `A${rowNumber}`
    const firstSeen = seen.get(pupil)
    if (firstSeen) {
      errors.push({
        student: pupil.student,
        studentCode: pupil.studentCode ?? undefined,
        column: 'studentCode',
        cell: keyCell,
        message:
          `Học sinh ${pupil.fullName} có hai dòng (ô ${firstSeen} và ô ${keyCell}): ` +
          'giữ một dòng.',
      })
      return
    }
    seen.set(pupil, keyCell)
    for (const key of spec.valueKeys) {
      const index = positions.get(key)
      const raw = index === undefined ? null : excelRow.getCell(index)
      // A formula saved without its result (written by a program, never opened in Excel): its
      // value is unknown, and reading it as blank would drop what the teacher meant silently.
      if (raw && isUncomputedFormula(raw.value))
        errors.push({
          student: pupil.student,
          studentCode: pupil.studentCode ?? undefined,
          column: key,
          cell: raw.address,
          message:
            'Ô có công thức chưa được tính: mở tệp bằng Excel, lưu lại rồi tải lên, ' +
            'hoặc nhập giá trị thay cho công thức.',
        })
    }
    matched.push({ row: pupil, cell })
  })
  return { matched, errors }
}

/** The title block, when the file still has it, must be this grid's: not another subject's file. */
function checkTitleBlock(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  checks: ReadSpec<PupilRow>['titleChecks'],
): GridError[] {
  const errors: GridError[] = []
  const labels = new Map(
    (Object.keys(TITLE_LABELS) as TitleKey[]).map((key) => [
      normalizeHeader(TITLE_LABELS[key]),
      key,
    ]),
  )
  for (let rowNumber = 1; rowNumber < headerRow; rowNumber += 1) {
    const row = sheet.getRow(rowNumber)
    for (let index = 1; index <= row.cellCount; index += 1) {
      const text = textOf(cellValue(row.getCell(index)))
      // "Năm học: 2026-2027" in one cell, or the label in one cell and the value further right.
      const colon = text.indexOf(':')
      const inline = colon > 0 ? labels.get(normalizeHeader(text.slice(0, colon))) : undefined
      const key = inline ?? labels.get(normalizeHeader(text))
      const check = key && checks[key]
      if (!key || !check) continue
      let value = inline ? text.slice(colon + 1).trim() : ''
      let address = row.getCell(index).address
      for (let next = index + 1; !value && next <= row.cellCount; next += 1) {
        value = textOf(cellValue(row.getCell(next)))
        address = row.getCell(next).address
      }
      const problem = value ? check(value) : null
      if (problem) errors.push({ column: 'header', cell: address, message: problem })
      break
    }
  }
  return errors
}

const sameText = (a: string, b: string) => normalizeHeader(a) === normalizeHeader(b)

function commonTitleChecks(grid: SubjectGrid | TraitGrid): ReadSpec<PupilRow>['titleChecks'] {
  const periodOf = (text: string): Period | undefined =>
    PERIODS.find(
      (period) =>
        sameText(text, PERIOD_LABELS[period].vi) ||
        sameText(text, PERIOD_SHORT_LABELS[period]) ||
        sameText(text, period),
    )
  const className = (text: string) => normalizeHeader(text).replace(/^lop\s*/, '')
  return {
    schoolYear: (text) =>
      sameText(text, grid.schoolYear)
        ? null
        : `Tệp là của năm học ${text}, không phải năm học ${grid.schoolYear}.`,
    period: (text) =>
      periodOf(text) === grid.period
        ? null
        : `Tệp là của thời điểm "${text}", không phải "${PERIOD_LABELS[grid.period].vi}".`,
    className: (text) =>
      className(text) === className(grid.class.name)
        ? null
        : `Tệp là của lớp ${text}, không phải lớp ${grid.class.name}.`,
  }
}

function levelOf<Level extends string>(
  text: string,
  levels: readonly Level[],
  labels: Record<Level, { vi: string }>,
  aliases: Record<string, Level> = {},
): Level | null {
  const wanted = normalizeHeader(text)
  return (
    levels.find(
      (level) => normalizeHeader(level) === wanted || normalizeHeader(labels[level].vi) === wanted,
    ) ??
    aliases[wanted] ??
    null
  )
}

/** HTT, HT, CHT: the abbreviations of the Ministry's summary tables and of teachers' own files. */
const SUBJECT_ALIASES: Record<string, SubjectLevel> = { htt: 'T', ht: 'H', cht: 'C' }

/** A whole number 1–10: 8, "8", 8.0 and "8,0" are 8; 8.5, 0, 11 and "tám" are not scores. */
export function scoreOf(value: PlainValue): number | null {
  let number: number
  if (typeof value === 'number') number = value
  else if (typeof value === 'string' && /^\d{1,2}([.,]0+)?$/.test(value.trim()))
    number = Number(value.trim().replace(',', '.'))
  else return null
  return Number.isInteger(number) && number >= 1 && number <= 10 ? number : null
}

const codeOf = (row: PupilRow) => row.studentCode ?? undefined

/**
 * Reads an uploaded subject grid. Entries come in the grid's order, one per pupil found in the
 * file, each the pupil's resulting state (see the top of this file); `errors` lists every bad
 * cell, and when it is not empty nothing may be written.
 */
export async function readSubjectGridWorkbook(
  buffer: Buffer,
  grid: SubjectGrid,
): Promise<{ rows: SubjectGridEntry[]; errors: GridError[] }> {
  const { matched, errors } = await readGridSheet<SubjectGridRow>(buffer, {
    rows: grid.rows,
    columns: [
      { key: 'studentCode', header: GRID_HEADERS.studentCode, required: true },
      { key: 'level', header: GRID_HEADERS.level, required: true },
      // Known even when the subject has no test, so a score typed there is refused, not lost.
      { key: 'score', header: GRID_HEADERS.score, required: grid.tested },
      // Without the column, the comments stay as stored.
      { key: 'comment', header: GRID_HEADERS.comment, required: false },
      { key: 'studentId', header: GRID_HEADERS.studentId, required: false },
    ],
    valueKeys: ['level', 'score', 'comment'],
    titleChecks: {
      ...commonTitleChecks(grid),
      subject: (text) =>
        sameText(text, grid.subject.name) || sameText(text, grid.subject.code)
          ? null
          : `Tệp là của môn ${text}, không phải môn ${grid.subject.name}.`,
    },
  })
  const entries = new Map<SubjectGridRow, SubjectGridEntry>()
  for (const { row, cell } of matched) {
    const fail = (column: string, at: ReadCell | null, message: string) =>
      errors.push({
        student: row.student,
        studentCode: codeOf(row),
        column,
        cell: at?.address,
        message,
      })
    const levelCell = cell('level')
    const scoreCell = cell('score')
    const commentCell = cell('comment')
    let level = row.level
    if (levelCell?.text) {
      const read = levelOf(levelCell.text, SUBJECT_LEVELS, SUBJECT_LEVEL_LABELS, SUBJECT_ALIASES)
      if (read) level = read
      else
        fail(
          'level',
          levelCell,
          `Mức "${levelCell.text}" không hợp lệ: T (Hoàn thành tốt), H (Hoàn thành) ` +
            'hoặc C (Chưa hoàn thành).',
        )
    }
    let score = grid.tested ? row.score : null
    if (scoreCell?.text && !grid.tested) {
      fail(
        'score',
        scoreCell,
        `Môn ${grid.subject.name} không có bài kiểm tra định kì ở thời điểm này: ` +
          'để trống cột Điểm KTĐK.',
      )
    } else if (scoreCell?.text) {
      const read = scoreOf(scoreCell.value)
      if (read !== null) score = read
      else
        fail(
          'score',
          scoreCell,
          `Điểm "${scoreCell.text}" không hợp lệ: số nguyên từ 1 đến 10, không có phần thập phân.`,
        )
    }
    const levelGiven = Boolean(levelCell?.text)
    if (grid.tested && levelGiven && score === null && !scoreCell?.text)
      fail(
        'score',
        scoreCell ?? levelCell,
        `Môn ${grid.subject.name} có bài kiểm tra định kì: cần nhập Điểm KTĐK cùng mức đạt được.`,
      )
    if (grid.tested && scoreCell?.text && !levelGiven && level === null)
      fail('level', levelCell, 'Đã nhập điểm nhưng chưa nhập mức đạt được.')
    const comment = commentCell?.text ? commentCell.text : row.comment
    entries.set(row, {
      student: row.student,
      level,
      ...(grid.tested ? { score } : {}),
      comment,
    })
  }
  return { rows: grid.rows.flatMap((row) => entries.get(row) ?? []), errors: sortErrors(errors) }
}

/** "D" for Đ (a keyboard without Vietnamese input), "CCG" as teachers abbreviate it. */
const QUALITY_ALIASES: Record<string, QualityLevel> = { d: 'Đ', ccg: 'C' }

/** Reads an uploaded qualities and competencies grid; the same rules as a subject's. */
export async function readTraitGridWorkbook(
  buffer: Buffer,
  grid: TraitGrid,
): Promise<{ rows: TraitGridEntry[]; errors: GridError[] }> {
  const ofGrade = new Set<TraitCode>(grid.traits)
  const otherTraits = (Object.keys(TRAIT_LABELS) as TraitCode[]).filter(
    (trait) => !ofGrade.has(trait),
  )
  const { matched, errors } = await readGridSheet<TraitGridRow>(buffer, {
    rows: grid.rows,
    columns: [
      { key: 'studentCode', header: GRID_HEADERS.studentCode, required: true },
      ...grid.traits.map((trait) => ({ key: trait, header: TRAIT_LABELS[trait], required: true })),
      // Traits the grade is not rated on (công nghệ, tin học in grades 1–2): refused if filled.
      ...otherTraits.map((trait) => ({ key: trait, header: TRAIT_LABELS[trait], required: false })),
      { key: 'qualitiesComment', header: GRID_HEADERS.qualitiesComment, required: false },
      { key: 'competenciesComment', header: GRID_HEADERS.competenciesComment, required: false },
      { key: 'studentId', header: GRID_HEADERS.studentId, required: false },
    ],
    valueKeys: [...grid.traits, ...otherTraits, 'qualitiesComment', 'competenciesComment'],
    titleChecks: commonTitleChecks(grid),
  })
  const entries = new Map<TraitGridRow, TraitGridEntry>()
  for (const { row, cell } of matched) {
    const fail = (column: string, at: ReadCell, message: string) =>
      errors.push({
        student: row.student,
        studentCode: codeOf(row),
        column,
        cell: at.address,
        message,
      })
    const levels: TraitGridEntry['levels'] = {}
    for (const trait of grid.traits) {
      const levelCell = cell(trait)
      levels[trait] = row.levels[trait] ?? null
      if (!levelCell?.text) continue
      const read = levelOf(levelCell.text, QUALITY_LEVELS, QUALITY_LEVEL_LABELS, QUALITY_ALIASES)
      if (read) levels[trait] = read
      else
        fail(
          trait,
          levelCell,
          `${TRAIT_LABELS[trait]}: mức "${levelCell.text}" không hợp lệ: T (Tốt), Đ (Đạt) ` +
            'hoặc C (Cần cố gắng).',
        )
    }
    for (const trait of otherTraits) {
      const levelCell = cell(trait)
      if (levelCell?.text)
        fail(
          trait,
          levelCell,
          `Học sinh khối ${grid.class.grade} không đánh giá ${TRAIT_LABELS[trait]}: ` +
            'để trống cột này.',
        )
    }
    const qualitiesCell = cell('qualitiesComment')
    const competenciesCell = cell('competenciesComment')
    entries.set(row, {
      student: row.student,
      levels,
      qualitiesComment: qualitiesCell?.text ? qualitiesCell.text : row.qualitiesComment,
      competenciesComment: competenciesCell?.text ? competenciesCell.text : row.competenciesComment,
    })
  }
  return { rows: grid.rows.flatMap((row) => entries.get(row) ?? []), errors: sortErrors(errors) }
}

/** Errors in the order of the sheet: by row, then by column (the file-wide ones first). */
function sortErrors(errors: GridError[]): GridError[] {
  const position = (error: GridError) => {
    const match = /^([A-Z]+)(\d+)$/.exec(error.cell ?? '')
    if (!match) return [0, 0]
    const column = [...match[1]].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0)
    return [Number(match[2]), column]
  }
  return errors
    .map((error, index) => ({ error, index, at: position(error) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.index - b.index)
    .map(({ error }) => error)
}
