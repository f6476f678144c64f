/**
 * The Ministry's database (CSDL ngành, Điều 6, 8): the results file of a class per grade band
 * (templates `KQHT-C1-CN-Khoi12-TT27`, `…-Khoi3-…`, `…-Khoi45-…`) and the pupil list
 * `C1-HocSinh`. The Ministry changes the order of columns between template versions, so a file
 * is written and read by its header names, never by position; a header matches whatever its
 * case, spacing or line breaks. Dates arrive as dd/mm/yyyy text, as Excel serial numbers or as
 * date cells. Pure: the CMS reads the workbook (exceljs) into plain cells and hands them here.
 */
import {
  GENERAL_COMPETENCY_CODES,
  QUALITY_CODES,
  YEAR_RESULTS,
  type ProgrammeSubjectCode,
  type QualityLevel,
  type SubjectLevel,
  type TraitCode,
  type YearResult,
} from './assessment'
import {
  GENDER_LABELS,
  GENDERS,
  PUPIL_STATUS_LABELS,
  PUPIL_STATUSES,
  type Gender,
  type PupilStatus,
} from './records'

/** A cell as the CMS hands it over: exceljs's value reduced to text, number or date. */
export type MoetCell = string | number | Date | null

export interface MoetError {
  sheet: string
  /** The row number as Excel shows it (0: the file or sheet as a whole). */
  row: number
  column: string
  message: string
}

/** "Mã học sinh", "MÃ HỌC  SINH", "Mã học\nsinh *" are one header. */
export function normalizeMoetHeader(text: string): string {
  return text.normalize('NFC').replace(/\*/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)
const DAY_MS = 24 * 60 * 60 * 1000

const isoDay = (year: number, month: number, day: number): string | null => {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return date.toISOString()
}

/**
 * A date cell → ISO at midnight UTC (how pupils' dates are stored), or null when it is not a
 * real day: "05/09/2018", "5/9/2018", "05-09-2018", an Excel serial (43348, Excel's 1900 system
 * counting its phantom 29/02/1900, hence the epoch 30/12/1899) or a date cell.
 */
export function parseMoetDate(value: MoetCell): string | null {
  if (value === null) return null
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null
    return isoDay(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate())
  }
  const text = String(value).trim()
  const serial = typeof value === 'number' ? value : /^\d{1,5}$/.test(text) ? Number(text) : null
  if (serial !== null) {
    // 1 … 2958465 is Excel's range; a primary pupil is born long after serial 60 (1900).
    if (!Number.isInteger(serial) || serial < 61 || serial > 2958465) return null
    return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString()
  }
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (!match) return null
  return isoDay(Number(match[3]), Number(match[2]), Number(match[1]))
}

/** ISO (or a Date) → dd/mm/yyyy, as the Ministry's files write a date; "" for none. */
export function formatMoetDate(value: string | Date | null | undefined): string {
  if (!value) return ''
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`
}

// ---------------------------------------------------------------------------------------------
// Temporary codes
// ---------------------------------------------------------------------------------------------

/**
 * A new grade-1 pupil has no Ministry code until the school uploads them: the school gives a
 * temporary code starting with `TMP` (e.g. `TMP2026001`), which no Ministry code does (theirs
 * are digits), and reconciles it when the Ministry's list comes back with the real one.
 */
export const TEMPORARY_CODE_PREFIX = 'TMP'
export const isTemporaryStudentCode = (code: string | null | undefined): boolean =>
  typeof code === 'string' && code.trim().toUpperCase().startsWith(TEMPORARY_CODE_PREFIX)

/** Name + date of birth + class: how a temporary pupil is matched to a row of the Ministry's. */
export function reconcileKey(fullName: string, dateOfBirth: string, classCode: string): string {
  return [
    normalizeMoetHeader(fullName),
    dateOfBirth.slice(0, 10),
    normalizeMoetClassCode(classCode),
  ].join('|')
}

/**
 * "Mã lớp": the school has no Ministry class code of its own, so a class is named by its name
 * without "Lớp" and without the year a past class's name carries ("3A"); "Lớp 3A", "lop 3a",
 * "3a" and "Lớp 3A (2025-2026)" are one code.
 */
export function normalizeMoetClassCode(text: string): string {
  return text
    .normalize('NFC')
    .replace(/^l[ớo]p\s*/i, '')
    .replace(/\s*\(\d{4}-\d{4}\)\s*$/, '')
    .trim()
    .toUpperCase()
}

// ---------------------------------------------------------------------------------------------
// Header matching
// ---------------------------------------------------------------------------------------------

/**
 * A column as the file names it: the texts of its header rows, top to bottom (a cell merged
 * over several rows or columns repeats its text). `key` is ours.
 */
export interface MoetColumn {
  key: string
  header: string[]
  /** Other names the Ministry's template versions have used for the same column. */
  aliases?: string[][]
  required?: boolean
}

/** The distinct, non-empty header texts of a column, in order, normalized. */
function headerParts(texts: readonly string[]): string[] {
  const parts: string[] = []
  for (const text of texts.map(normalizeMoetHeader))
    if (text && parts[parts.length - 1] !== text) parts.push(text)
  return parts
}

const partsKey = (parts: readonly string[]) => parts.join(' / ')

/** A column's name as a person reads it in a message: its last two distinct header texts. */
function columnLabel(column: MoetColumn): string {
  const texts: string[] = []
  for (const text of column.header.map((t) => t.trim()))
    if (text && texts[texts.length - 1] !== text) texts.push(text)
  return texts.slice(-2).join(' – ')
}

export interface MatchedColumns {
  /** Our key → the file's column number (1-based, as Excel counts). */
  positions: Map<string, number>
  errors: MoetError[]
}

/**
 * Finds each of `columns` in the file's header, by name: `header[c]` holds column c's header
 * texts. A column named exactly (all its header rows) is taken; else one whose names below the
 * group heading match a single column of ours (a file whose group row is left blank). Columns of
 * the file we do not know are ignored; a required one missing, or one named twice, is an error.
 */
export function matchMoetColumns(
  sheet: string,
  columns: readonly MoetColumn[],
  header: ReadonlyMap<number, readonly string[]>,
): MatchedColumns {
  const exact = new Map<string, string>()
  const tail = new Map<string, string[]>()
  for (const column of columns) {
    for (const names of [column.header, ...(column.aliases ?? [])]) {
      const parts = headerParts(names)
      exact.set(partsKey(parts), column.key)
      if (parts.length > 1) {
        const key = partsKey(parts.slice(1))
        tail.set(key, [...(tail.get(key) ?? []), column.key])
      }
    }
  }
  const positions = new Map<string, number>()
  const errors: MoetError[] = []
  const label = columnLabel
  for (const [position, texts] of [...header.entries()].sort(([a], [b]) => a - b)) {
    const key = partsKey(headerParts(texts))
    if (!key) continue
    const byTail = tail.get(key)
    const found = exact.get(key) ?? (byTail && byTail.length === 1 ? byTail[0] : undefined)
    if (!found) continue
    if (positions.has(found)) {
      const column = columns.find((c) => c.key === found)!
      errors.push({
        sheet,
        row: 0,
        column: texts.filter(Boolean).join(' – '),
        message: `Cột "${label(column)}" có hai lần trong dòng tiêu đề.`,
      })
      continue
    }
    positions.set(found, position)
  }
  for (const column of columns.filter((c) => c.required && !positions.has(c.key)))
    errors.push({
      sheet,
      row: 0,
      column: label(column),
      message: `Thiếu cột "${label(column)}" ở dòng tiêu đề.`,
    })
  return { positions, errors }
}

/** A cell as the user sees it, trimmed. */
export function moetCellText(value: MoetCell): string {
  if (value === null) return ''
  if (value instanceof Date) return formatMoetDate(value)
  return String(value).trim()
}

// ---------------------------------------------------------------------------------------------
// The results file
// ---------------------------------------------------------------------------------------------

export const MOET_BANDS = ['1-2', '3', '4-5'] as const
export type MoetBand = (typeof MOET_BANDS)[number]

export const moetBandOf = (grade: number): MoetBand =>
  grade <= 2 ? '1-2' : grade === 3 ? '3' : '4-5'

/** The template's code: the name the Ministry's import gives the file and its sheet. */
export const MOET_RESULTS_TEMPLATES: Record<MoetBand, string> = {
  '1-2': 'KQHT-C1-CN-Khoi12-TT27',
  '3': 'KQHT-C1-CN-Khoi3-TT27',
  '4-5': 'KQHT-C1-CN-Khoi45-TT27',
}

interface BandSubject {
  code: ProgrammeSubjectCode
  /** The Ministry's heading of the subject. */
  name: string
  tested: boolean
}

const subject = (code: ProgrammeSubjectCode, name: string, tested = false): BandSubject => ({
  code,
  name,
  tested,
})

/** The subjects of each template, in its order, and which carry "Điểm KTĐK". */
export const MOET_BAND_SUBJECTS: Record<MoetBand, BandSubject[]> = {
  '1-2': [
    subject('toan', 'Toán', true),
    subject('tieng-viet', 'Tiếng Việt', true),
    subject('dao-duc', 'Đạo đức'),
    subject('tu-nhien-xa-hoi', 'Tự nhiên và Xã hội'),
    subject('ngoai-ngu', 'Ngoại ngữ', true),
    subject('tieng-dan-toc', 'Tiếng dân tộc'),
    subject('tin-hoc-cong-nghe', 'TH-CN (Tin học)'),
    subject('am-nhac', 'Âm nhạc'),
    subject('mi-thuat', 'Mĩ thuật'),
    subject('hoat-dong-trai-nghiem', 'Hoạt động trải nghiệm'),
    subject('giao-duc-the-chat', 'Giáo dục thể chất'),
  ],
  '3': [
    subject('toan', 'Toán', true),
    subject('tieng-viet', 'Tiếng Việt', true),
    subject('ngoai-ngu', 'Ngoại ngữ', true),
    subject('dao-duc', 'Đạo đức'),
    subject('tu-nhien-xa-hoi', 'Tự nhiên và Xã hội'),
    subject('tin-hoc-cong-nghe', 'Tin học và Công nghệ', true),
    subject('tieng-dan-toc', 'Tiếng dân tộc'),
    subject('am-nhac', 'Âm nhạc'),
    subject('mi-thuat', 'Mĩ thuật'),
    subject('hoat-dong-trai-nghiem', 'Hoạt động trải nghiệm'),
    subject('giao-duc-the-chat', 'Giáo dục thể chất'),
  ],
  '4-5': [
    subject('toan', 'Toán', true),
    subject('tieng-viet', 'Tiếng Việt', true),
    subject('ngoai-ngu', 'Ngoại ngữ', true),
    subject('dao-duc', 'Đạo đức'),
    subject('khoa-hoc', 'Khoa học', true),
    subject('lich-su-dia-li', 'Lịch sử và Địa lí', true),
    subject('tin-hoc-cong-nghe', 'Tin học và Công nghệ', true),
    subject('tieng-dan-toc', 'Tiếng dân tộc'),
    subject('am-nhac', 'Âm nhạc'),
    subject('mi-thuat', 'Mĩ thuật'),
    subject('hoat-dong-trai-nghiem', 'Hoạt động trải nghiệm'),
    subject('giao-duc-the-chat', 'Giáo dục thể chất'),
  ],
}

/** The competencies and qualities of each template (grade 1–2: five specific competencies). */
export const MOET_BAND_TRAITS: Record<MoetBand, { general: TraitCode[]; specific: TraitCode[] }> = {
  '1-2': {
    general: [...GENERAL_COMPETENCY_CODES],
    specific: ['ngon-ngu', 'tinh-toan', 'khoa-hoc', 'tham-mi', 'the-chat'],
  },
  '3': {
    general: [...GENERAL_COMPETENCY_CODES],
    specific: ['ngon-ngu', 'tinh-toan', 'khoa-hoc', 'cong-nghe', 'tin-hoc', 'tham-mi', 'the-chat'],
  },
  '4-5': {
    general: [...GENERAL_COMPETENCY_CODES],
    specific: ['ngon-ngu', 'tinh-toan', 'khoa-hoc', 'cong-nghe', 'tin-hoc', 'tham-mi', 'the-chat'],
  },
}

/** The Ministry's headings of the qualities and competencies. */
export const MOET_TRAIT_HEADINGS: Record<TraitCode, string> = {
  'yeu-nuoc': 'Yêu nước',
  'nhan-ai': 'Nhân ái',
  'cham-chi': 'Chăm chỉ',
  'trung-thuc': 'Trung thực',
  'trach-nhiem': 'Trách nhiệm',
  'tu-chu-tu-hoc': 'Tự chủ và tự học',
  'giao-tiep-hop-tac': 'Giao tiếp và hợp tác',
  'gqvd-sang-tao': 'Giải quyết vấn đề và sáng tạo',
  'ngon-ngu': 'Ngôn ngữ',
  'tinh-toan': 'Tính toán',
  'khoa-hoc': 'Khoa học',
  'cong-nghe': 'Công nghệ',
  'tin-hoc': 'Tin học',
  'tham-mi': 'Thẩm mĩ',
  'the-chat': 'Thể chất',
}

export const MOET_GROUPS = {
  subjects: 'Môn học và hoạt động giáo dục',
  general: 'Năng lực chung',
  specific: 'Năng lực đặc thù',
  qualities: 'Phẩm chất chủ yếu',
} as const
export const MOET_LEVEL_HEADING = 'Mức đạt được'
export const MOET_SCORE_HEADING = 'Điểm KTĐK'

const single = (key: string, name: string, aliases: string[] = []): MoetColumn => ({
  key,
  header: [name, name, name],
  aliases: aliases.map((alias) => [alias]),
  required: true,
})

/** Our keys of the results file's columns. */
export const resultKeys = {
  level: (code: string) => `level:${code}`,
  score: (code: string) => `score:${code}`,
  trait: (code: string) => `trait:${code}`,
}

const IDENTITY_COLUMNS: MoetColumn[] = [
  single('stt', 'STT'),
  single('classCode', 'Mã lớp'),
  single('studentCode', 'Mã học sinh'),
  single('fullName', 'Họ tên', ['Họ và tên']),
  single('dateOfBirth', 'Ngày sinh'),
]

/**
 * The columns of a band's results file, in the template's order, under its 3-row header: the
 * group (row 1), the subject, competency or quality (row 2), "Mức đạt được" / "Điểm KTĐK"
 * (row 3). Grade 1–2: 35 columns.
 */
export function moetResultColumns(band: MoetBand): MoetColumn[] {
  const columns: MoetColumn[] = [...IDENTITY_COLUMNS]
  for (const { code, name, tested } of MOET_BAND_SUBJECTS[band]) {
    columns.push({
      key: resultKeys.level(code),
      header: [MOET_GROUPS.subjects, name, MOET_LEVEL_HEADING],
      required: true,
    })
    if (tested)
      columns.push({
        key: resultKeys.score(code),
        header: [MOET_GROUPS.subjects, name, MOET_SCORE_HEADING],
        required: true,
      })
  }
  const traits = MOET_BAND_TRAITS[band]
  const traitColumn = (group: string, code: TraitCode): MoetColumn => ({
    key: resultKeys.trait(code),
    header: [group, MOET_TRAIT_HEADINGS[code], MOET_TRAIT_HEADINGS[code]],
    required: true,
  })
  for (const code of traits.general) columns.push(traitColumn(MOET_GROUPS.general, code))
  for (const code of traits.specific) columns.push(traitColumn(MOET_GROUPS.specific, code))
  for (const code of QUALITY_CODES) columns.push(traitColumn(MOET_GROUPS.qualities, code))
  columns.push(
    single('completed', 'Hoàn thành chương trình lớp học', [
      'Hoàn thành chương trình tiểu học',
      'Hoàn thành chương trình lớp học/tiểu học',
    ]),
    single('promoted', 'Lên lớp'),
    single('result', 'Xếp loại'),
  )
  return columns
}

/** The rows of the header: 3 for the results file, 1 for the pupil list. */
export const MOET_RESULTS_HEADER_ROWS = 3

export interface MoetResultRow {
  row: number
  classCode: string
  studentCode: string
  fullName: string
  /** ISO at midnight UTC. */
  dateOfBirth: string | null
  subjects: Partial<
    Record<ProgrammeSubjectCode, { level: SubjectLevel | null; score: number | null }>
  >
  traits: Partial<Record<TraitCode, QualityLevel | null>>
  completed: boolean | null
  promoted: boolean | null
  result: YearResult | null
}

export const MOET_YES = 'Có'
export const MOET_NO = 'Không'

/** "Có" / "x" / "1" → true, "Không" / "0" → false, blank → null; anything else: undefined. */
export function parseMoetYesNo(text: string): boolean | null | undefined {
  const value = normalizeMoetHeader(text)
  if (!value) return null
  if (['có', 'co', 'x', '1', 'true'].includes(value)) return true
  if (['không', 'khong', '0', 'false'].includes(value)) return false
  return undefined
}

/** T/H/C (or the words: "Hoàn thành tốt"…); blank → null; anything else: undefined. */
export function parseSubjectLevel(text: string): SubjectLevel | null | undefined {
  const value = normalizeMoetHeader(text)
  if (!value) return null
  const words: Record<string, SubjectLevel> = {
    t: 'T',
    h: 'H',
    c: 'C',
    'hoàn thành tốt': 'T',
    'hoàn thành': 'H',
    'chưa hoàn thành': 'C',
  }
  return words[value]
}

/** T/Đ/C (D for Đ, as keyboards without Vietnamese type it); blank → null; else undefined. */
export function parseQualityLevel(text: string): QualityLevel | null | undefined {
  const value = normalizeMoetHeader(text)
  if (!value) return null
  const words: Record<string, QualityLevel> = {
    t: 'T',
    đ: 'Đ',
    d: 'Đ',
    c: 'C',
    tốt: 'T',
    đạt: 'Đ',
    'cần cố gắng': 'C',
  }
  return words[value]
}

/** A periodic test score: a whole number 1–10; blank → null; anything else: undefined. */
export function parseMoetScore(value: MoetCell): number | null | undefined {
  const text = moetCellText(value)
  if (!text) return null
  const score = Number(text.replace(',', '.'))
  return Number.isInteger(score) && score >= 1 && score <= 10 ? score : undefined
}

/**
 * A sheet as the CMS hands it over: its name, `header` (column number → its header texts, top
 * to bottom) and its data rows (Excel's row number, column number → cell).
 */
export interface MoetSheet {
  name: string
  header: ReadonlyMap<number, readonly string[]>
  rows: ReadonlyArray<{ row: number; cells: ReadonlyMap<number, MoetCell> }>
}

type Fail = (row: number, column: MoetColumn | string, message: string) => void

function sheetReader(sheet: MoetSheet, columns: readonly MoetColumn[], errors: MoetError[]) {
  const matched = matchMoetColumns(sheet.name, columns, sheet.header)
  errors.push(...matched.errors)
  const fail: Fail = (row, column, message) =>
    errors.push({
      sheet: sheet.name,
      row,
      column: typeof column === 'string' ? column : columnLabel(column),
      message,
    })
  const rows = sheet.rows
    .map(({ row, cells }) => {
      const cell = (key: string): MoetCell => {
        const position = matched.positions.get(key)
        return position === undefined ? null : (cells.get(position) ?? null)
      }
      const text = (key: string) => moetCellText(cell(key))
      return { row, cell, text }
    })
    // A row with nothing in our columns is a spacer or a footer, not a pupil.
    .filter((row) => columns.some((column) => column.key !== 'stt' && row.text(column.key) !== ''))
  return { rows, fail, usable: matched.errors.length === 0 }
}

/** Reads a band's results sheet; each cell checked, each error with its row and column. */
export function readMoetResults(
  sheet: MoetSheet,
  band: MoetBand,
): { rows: MoetResultRow[]; errors: MoetError[] } {
  const columns = moetResultColumns(band)
  const byKey = new Map(columns.map((column) => [column.key, column]))
  const errors: MoetError[] = []
  const reader = sheetReader(sheet, columns, errors)
  if (!reader.usable) return { rows: [], errors }
  const rows: MoetResultRow[] = []
  for (const { row, cell, text } of reader.rows) {
    const fail = (key: string, message: string) => reader.fail(row, byKey.get(key) ?? key, message)
    const dateText = text('dateOfBirth')
    const dateOfBirth = parseMoetDate(cell('dateOfBirth'))
    if (dateText && !dateOfBirth) fail('dateOfBirth', `Ngày sinh "${dateText}" không hợp lệ.`)
    const parsed: MoetResultRow = {
      row,
      classCode: normalizeMoetClassCode(text('classCode')),
      studentCode: text('studentCode'),
      fullName: text('fullName').normalize('NFC'),
      dateOfBirth,
      subjects: {},
      traits: {},
      completed: null,
      promoted: null,
      result: null,
    }
    if (!parsed.studentCode) fail('studentCode', 'Thiếu mã học sinh.')
    for (const { code, tested } of MOET_BAND_SUBJECTS[band]) {
      const levelText = text(resultKeys.level(code))
      const level = parseSubjectLevel(levelText)
      if (level === undefined)
        fail(resultKeys.level(code), `Mức "${levelText}" không hợp lệ: T, H hoặc C.`)
      let score: number | null = null
      if (tested) {
        const parsedScore = parseMoetScore(cell(resultKeys.score(code)))
        if (parsedScore === undefined)
          fail(
            resultKeys.score(code),
            `Điểm "${text(resultKeys.score(code))}" không hợp lệ: số nguyên từ 1 đến 10.`,
          )
        score = parsedScore ?? null
      }
      parsed.subjects[code] = { level: level ?? null, score }
    }
    const traits = MOET_BAND_TRAITS[band]
    for (const code of [...traits.general, ...traits.specific, ...QUALITY_CODES]) {
      const levelText = text(resultKeys.trait(code))
      const level = parseQualityLevel(levelText)
      if (level === undefined)
        fail(resultKeys.trait(code), `Mức "${levelText}" không hợp lệ: T, Đ hoặc C.`)
      parsed.traits[code] = level ?? null
    }
    for (const key of ['completed', 'promoted'] as const) {
      const answer = parseMoetYesNo(text(key))
      if (answer === undefined) fail(key, `"${text(key)}" không hợp lệ: Có hoặc Không.`)
      parsed[key] = answer ?? null
    }
    const resultText = text('result').toUpperCase()
    const result = YEAR_RESULTS.find((candidate) => candidate === resultText) ?? null
    if (resultText && !result)
      fail('result', `Xếp loại "${text('result')}" không hợp lệ: HTXS, HTT, HT hoặc CHT.`)
    parsed.result = result
    rows.push(parsed)
  }
  return { rows, errors }
}

// ---------------------------------------------------------------------------------------------
// The pupil list (C1-HocSinh)
// ---------------------------------------------------------------------------------------------

export const MOET_PUPIL_SHEET = 'C1-HocSinh'

const one = (key: string, name: string, aliases: string[] = [], required = false) => ({
  key,
  header: [name],
  aliases: aliases.map((alias) => [alias]),
  required,
})

/** The pupil list's columns, in the export's order, under a one-row header. */
export const MOET_PUPIL_COLUMNS: MoetColumn[] = [
  one('stt', 'STT'),
  one('classCode', 'Mã lớp', [], true),
  one('studentCode', 'Mã học sinh', [], true),
  one('fullName', 'Họ tên', ['Họ và tên'], true),
  one('dateOfBirth', 'Ngày sinh', [], true),
  one('gender', 'Giới tính', [], true),
  one('status', 'Trạng thái', ['Trạng thái học sinh']),
  one('ethnicity', 'Dân tộc'),
  one('disability', 'Loại khuyết tật'),
  one('personalId', 'Số định danh cá nhân', ['Mã định danh cá nhân', 'Số CCCD/Định danh']),
  one('fatherName', 'Họ tên cha', ['Họ và tên cha']),
  one('fatherJob', 'Nghề nghiệp cha'),
  one('fatherPhone', 'Số điện thoại cha', ['Điện thoại cha', 'SĐT cha']),
  one('motherName', 'Họ tên mẹ', ['Họ và tên mẹ']),
  one('motherJob', 'Nghề nghiệp mẹ'),
  one('motherPhone', 'Số điện thoại mẹ', ['Điện thoại mẹ', 'SĐT mẹ']),
  one('guardianName', 'Họ tên người giám hộ', ['Họ và tên người giám hộ']),
  one('guardianJob', 'Nghề nghiệp người giám hộ'),
  one('guardianPhone', 'Số điện thoại người giám hộ', ['Điện thoại người giám hộ']),
  one('permanentAddress', 'Địa chỉ thường trú', ['Thường trú']),
  one('currentAddress', 'Nơi ở hiện nay', ['Chỗ ở hiện nay', 'Địa chỉ hiện nay']),
]

export const MOET_PARENTS = ['father', 'mother', 'guardian'] as const
export type MoetParent = (typeof MOET_PARENTS)[number]

export interface MoetPupilRow {
  row: number
  classCode: string
  studentCode: string
  fullName: string
  dateOfBirth: string
  gender: Gender
  /** Blank cells are null: a blank never erases a saved value. */
  status: PupilStatus | null
  ethnicity: string | null
  disability: string | null
  personalId: string | null
  parents: Record<MoetParent, { name: string; job: string | null; phone: string | null } | null>
  permanentAddress: string | null
  currentAddress: string | null
}

const MOET_STATUS_WORDS: Record<string, PupilStatus> = {
  ...Object.fromEntries(
    PUPIL_STATUSES.map((status) => [normalizeMoetHeader(PUPIL_STATUS_LABELS[status].vi), status]),
  ),
  'chuyển trường': 'transferred_out',
  'chuyển đi': 'transferred_out',
  'thôi học': 'dropped_out',
  'bỏ học': 'dropped_out',
}

/** A phone typed into a number cell lost its leading 0: 912345678 → 0912345678. */
export function normalizeMoetPhone(value: MoetCell): string {
  const compact = moetCellText(value).replace(/[\s.()-]/g, '')
  return /^\d{9}$/.test(compact) ? `0${compact}` : compact
}

const PHONE = /^0\d{9}$/
const PERSONAL_ID = /^\d{12}$/

/** The pupil list's sheet; every cell checked, every error with its row and column. */
export function readMoetPupils(sheet: MoetSheet): { rows: MoetPupilRow[]; errors: MoetError[] } {
  const errors: MoetError[] = []
  const byKey = new Map(MOET_PUPIL_COLUMNS.map((column) => [column.key, column]))
  const reader = sheetReader(sheet, MOET_PUPIL_COLUMNS, errors)
  if (!reader.usable) return { rows: [], errors }
  const rows: MoetPupilRow[] = []
  const codes = new Map<string, number>()
  for (const { row, cell, text } of reader.rows) {
    const fail = (key: string, message: string) => reader.fail(row, byKey.get(key) ?? key, message)
    let valid = true
    const required = (key: string) => {
      const value = text(key)
      if (!value) {
        fail(key, 'Chưa có (cột bắt buộc).')
        valid = false
      }
      return value
    }
    const classCode = normalizeMoetClassCode(required('classCode'))
    const studentCode = required('studentCode')
    const fullName = required('fullName').normalize('NFC').replace(/\s+/g, ' ')
    const dateText = required('dateOfBirth')
    const genderText = required('gender')
    if (studentCode && !/^[A-Za-z0-9]{4,20}$/.test(studentCode)) {
      fail('studentCode', `Mã học sinh "${studentCode}" không hợp lệ: 4–20 chữ hoặc số.`)
      valid = false
    } else if (studentCode && codes.has(studentCode)) {
      fail('studentCode', `Mã học sinh ${studentCode} trùng với dòng ${codes.get(studentCode)}.`)
      valid = false
    } else if (studentCode) codes.set(studentCode, row)
    const dateOfBirth = parseMoetDate(cell('dateOfBirth'))
    if (dateText && !dateOfBirth) {
      fail('dateOfBirth', `Ngày sinh "${dateText}" không hợp lệ: cần dạng dd/mm/yyyy.`)
      valid = false
    }
    const gender = GENDERS.find(
      (key) => normalizeMoetHeader(GENDER_LABELS[key].vi) === normalizeMoetHeader(genderText),
    )
    if (genderText && !gender) {
      fail('gender', `Giới tính "${genderText}" không hợp lệ: Nam hoặc Nữ.`)
      valid = false
    }
    const statusText = text('status')
    const status = statusText ? (MOET_STATUS_WORDS[normalizeMoetHeader(statusText)] ?? null) : null
    if (statusText && !status) {
      fail('status', `Trạng thái "${statusText}" không hợp lệ: Đang học, Chuyển trường, Thôi học.`)
      valid = false
    }
    const personalId = text('personalId') || null
    if (personalId && !PERSONAL_ID.test(personalId)) {
      fail('personalId', `Số định danh "${personalId}" không hợp lệ: 12 chữ số.`)
      valid = false
    }
    const parents = {} as MoetPupilRow['parents']
    for (const parent of MOET_PARENTS) {
      const name = text(`${parent}Name`).normalize('NFC')
      const phone = normalizeMoetPhone(cell(`${parent}Phone`)) || null
      if (phone && !PHONE.test(phone)) {
        fail(`${parent}Phone`, `Số điện thoại "${phone}" không hợp lệ: 10 chữ số, bắt đầu bằng 0.`)
        valid = false
      }
      if (!name && phone) {
        fail(`${parent}Name`, 'Có số điện thoại nhưng chưa có họ tên.')
        valid = false
      }
      parents[parent] = name ? { name, job: text(`${parent}Job`) || null, phone } : null
    }
    if (!valid || !gender || !dateOfBirth) continue
    rows.push({
      row,
      classCode,
      studentCode,
      fullName,
      dateOfBirth,
      gender,
      status,
      ethnicity: text('ethnicity') || null,
      disability: text('disability') || null,
      personalId,
      parents,
      permanentAddress: text('permanentAddress') || null,
      currentAddress: text('currentAddress') || null,
    })
  }
  return { rows, errors }
}

/** The cells of a pupil row for the export, by our column key. */
export function moetPupilCells(row: Omit<MoetPupilRow, 'row'>): Record<string, string> {
  const cells: Record<string, string> = {
    classCode: row.classCode,
    studentCode: row.studentCode,
    fullName: row.fullName,
    dateOfBirth: formatMoetDate(row.dateOfBirth),
    gender: GENDER_LABELS[row.gender].vi,
    status: row.status ? PUPIL_STATUS_LABELS[row.status].vi : '',
    ethnicity: row.ethnicity ?? '',
    disability: row.disability ?? '',
    personalId: row.personalId ?? '',
    permanentAddress: row.permanentAddress ?? '',
    currentAddress: row.currentAddress ?? '',
  }
  for (const parent of MOET_PARENTS) {
    const person = row.parents[parent]
    cells[`${parent}Name`] = person?.name ?? ''
    cells[`${parent}Job`] = person?.job ?? ''
    cells[`${parent}Phone`] = person?.phone ?? ''
  }
  return cells
}
