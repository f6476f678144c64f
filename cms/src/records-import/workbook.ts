/**
 * The start-of-year spreadsheet (Điều 8): its sheets and columns, the template the IT teacher
 * downloads, and the reading of a filled-in file into checked rows. Headers are Vietnamese and
 * the columns are found by header, so a teacher who reorders columns loses nothing.
 *
 * Stable keys (what a re-import matches on): a class by its name and school year, a pupil by the
 * "Mã học sinh" (the pupil's id on the sector database, CSDL ngành), a staff member by e-mail, a
 * teaching assignment by class, subject and school year (one teacher each).
 */
import ExcelJS from 'exceljs'
import {
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  GENDER_LABELS,
  GENDERS,
  GUARDIAN_RELATIONSHIP_LABELS,
  GUARDIAN_RELATIONSHIPS,
  POLICY_STATUS_LABELS,
  POLICY_STATUSES,
  schoolYearOf,
  slugify,
} from '@school/shared'

import { taughtInGrade } from '../assessment/catalogue'
import { STUDENT_CODE } from '../fields/records'
import { compactPhone, isVietnamesePhone } from '../fields/validators'
import type { Subject } from '../payload-types'

export const SHEETS = {
  classes: 'Lớp',
  pupils: 'Học sinh',
  staff: 'Cán bộ',
  assignments: 'Phân công',
} as const
type SheetKey = keyof typeof SHEETS

/** The template's list of the school's subjects: the drop-down of "Môn" reads its names. */
export const SUBJECT_LIST_SHEET = 'Môn học'

interface Column {
  key: string
  header: string
  required?: boolean
  /** Allowed values shown as a drop-down in the template. */
  choices?: string[]
  /** A drop-down of the subjects' names (SUBJECT_LIST_SHEET), codes accepted too. */
  subjectList?: boolean
  width?: number
  note?: string
}

const labelsOf = <K extends string>(keys: readonly K[], labels: Record<K, { vi: string }>) =>
  keys.map((key) => labels[key].vi)

export const COLUMNS: Record<SheetKey, Column[]> = {
  classes: [
    { key: 'name', header: 'Tên lớp', required: true, width: 12, note: 'Ví dụ: 3B' },
    { key: 'grade', header: 'Khối', required: true, choices: ['1', '2', '3', '4', '5'], width: 8 },
    { key: 'schoolYear', header: 'Năm học', required: true, width: 12, note: 'Ví dụ: 2026-2027' },
    {
      key: 'homeroomEmail',
      header: 'Email GVCN',
      width: 32,
      note: 'Thư điện tử tài khoản của giáo viên chủ nhiệm',
    },
  ],
  pupils: [
    {
      key: 'studentCode',
      header: 'Mã học sinh',
      required: true,
      width: 16,
      note: 'Mã định danh trên CSDL ngành; dùng để nhận ra học sinh khi nhập lại',
    },
    { key: 'fullName', header: 'Họ và tên', required: true, width: 26 },
    { key: 'dateOfBirth', header: 'Ngày sinh', required: true, width: 12, note: 'dd/mm/yyyy' },
    {
      key: 'gender',
      header: 'Giới tính',
      required: true,
      choices: labelsOf(GENDERS, GENDER_LABELS),
      width: 10,
    },
    { key: 'className', header: 'Lớp', required: true, width: 8 },
    { key: 'ethnicity', header: 'Dân tộc', width: 10 },
    { key: 'permanentAddress', header: 'Địa chỉ thường trú', width: 40 },
    {
      key: 'policyStatus',
      header: 'Đối tượng chính sách',
      choices: labelsOf(POLICY_STATUSES, POLICY_STATUS_LABELS),
      width: 22,
    },
    { key: 'guardian1Name', header: 'Người giám hộ 1', required: true, width: 24 },
    {
      key: 'guardian1Relationship',
      header: 'Quan hệ 1',
      required: true,
      choices: labelsOf(GUARDIAN_RELATIONSHIPS, GUARDIAN_RELATIONSHIP_LABELS),
      width: 12,
    },
    { key: 'guardian1Phone', header: 'Điện thoại 1', required: true, width: 14 },
    { key: 'guardian1Occupation', header: 'Nghề nghiệp 1', width: 18 },
    { key: 'guardian2Name', header: 'Người giám hộ 2', width: 24 },
    {
      key: 'guardian2Relationship',
      header: 'Quan hệ 2',
      choices: labelsOf(GUARDIAN_RELATIONSHIPS, GUARDIAN_RELATIONSHIP_LABELS),
      width: 12,
    },
    { key: 'guardian2Phone', header: 'Điện thoại 2', width: 14 },
    { key: 'guardian2Occupation', header: 'Nghề nghiệp 2', width: 18 },
  ],
  staff: [
    {
      key: 'email',
      header: 'Email',
      required: true,
      width: 32,
      note: 'Dùng để nhận ra cán bộ khi nhập lại và nối với tài khoản',
    },
    { key: 'fullName', header: 'Họ và tên', required: true, width: 26 },
    { key: 'dateOfBirth', header: 'Ngày sinh', width: 12, note: 'dd/mm/yyyy' },
    { key: 'gender', header: 'Giới tính', choices: labelsOf(GENDERS, GENDER_LABELS), width: 10 },
    { key: 'phone', header: 'Điện thoại', width: 14 },
    { key: 'position', header: 'Chức vụ', width: 28 },
    {
      key: 'contractType',
      header: 'Loại hợp đồng',
      choices: labelsOf(CONTRACT_TYPES, CONTRACT_TYPE_LABELS),
      width: 22,
    },
    { key: 'startDate', header: 'Ngày vào ngành', width: 14, note: 'dd/mm/yyyy' },
    { key: 'qualification', header: 'Trình độ', width: 14 },
    { key: 'major', header: 'Chuyên ngành', width: 22 },
  ],
  assignments: [
    {
      key: 'teacherEmail',
      header: 'Email giáo viên',
      required: true,
      width: 32,
      note: 'Thư điện tử tài khoản của giáo viên dạy môn',
    },
    { key: 'className', header: 'Lớp', required: true, width: 8, note: 'Ví dụ: 3B' },
    {
      key: 'subject',
      header: 'Môn',
      required: true,
      subjectList: true,
      width: 26,
      note: `Tên môn (chọn trong danh sách, xem trang "${SUBJECT_LIST_SHEET}") hoặc mã môn`,
    },
    { key: 'schoolYear', header: 'Năm học', required: true, width: 12, note: 'Ví dụ: 2026-2027' },
  ],
}

/** What the template and the checks need of a subject. */
export type ImportSubject = Pick<Subject, 'code' | 'name' | 'grades' | 'electiveGrades'> &
  Partial<Pick<Subject, 'shortName'>>

/**
 * A subject cell: its code or its name (or short name), in any case, with or without
 * diacritics ("Tin hoc va Cong nghe", "toan", "TOÁN").
 */
export function subjectOfCell<S extends ImportSubject>(
  subjects: readonly S[],
  text: string,
): S | null {
  const wanted = slugify(text)
  if (!wanted) return null
  return (
    subjects.find(
      (subject) =>
        subject.code === wanted ||
        slugify(subject.name) === wanted ||
        (subject.shortName ? slugify(subject.shortName) === wanted : false),
    ) ?? null
  )
}

/**
 * The template: one sheet per kind of record, headers, drop-downs, a sheet of instructions and
 * the list of the school's subjects (`subjects`, the programme's and the school's electives).
 */
export async function importTemplate(
  subjects: readonly ImportSubject[],
  now = new Date(),
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Hệ thống quản trị trường học'
  const guide = workbook.addWorksheet('Hướng dẫn')
  const year = schoolYearOf(now)
  const lines = [
    'Nhập dữ liệu đầu năm học (Điều 8): lớp, học sinh kèm người giám hộ, cán bộ, phân công ' +
      'giảng dạy.',
    '',
    '1. Mỗi trang tính một loại dữ liệu; giữ nguyên dòng tiêu đề (dòng 1), nhập từ dòng 2.',
    '2. Cột có dấu * là bắt buộc. Ngày nhập dạng dd/mm/yyyy (ví dụ 05/09/2019).',
    '3. Lớp của học sinh phải có trong trang "Lớp" hoặc đã có trong hệ thống.',
    '4. Mỗi học sinh cần ít nhất một người giám hộ có số điện thoại (10 chữ số, bắt đầu bằng 0).',
    '5. Hệ thống kiểm tra toàn bộ tệp trước; có lỗi thì không nhập gì và báo từng lỗi (trang, dòng, cột).',
    '6. Nhập lại cùng tệp sẽ cập nhật, không tạo bản trùng: lớp nhận theo Tên lớp + Năm học,',
    '   học sinh theo Mã học sinh (mã định danh CSDL ngành), cán bộ theo Email.',
    '7. Ô để trống không xóa dữ liệu đã lưu.',
    '8. Đổi GVCN, khối của lớp đã có, chuyển lớp học sinh đã có, sửa hồ sơ cán bộ đã có: không áp',
    '   dụng ngay mà gửi đề xuất; Ban giám hiệu (lớp, chuyển lớp) hoặc cán bộ tổ chức (hồ sơ cán bộ)',
    '   quyết định (Điều 5.1, 6, 16).',
    '9. Phân công giảng dạy: mỗi dòng một giáo viên (theo Email tài khoản), một lớp, một môn,',
    `   một năm học. Môn ghi tên môn (chọn trong danh sách, xem trang "${SUBJECT_LIST_SHEET}")`,
    '   hoặc mã môn; lớp phải có trong trang "Lớp" hoặc đã có trong hệ thống, cùng năm học; môn',
    '   phải được học ở khối của lớp. Mỗi lớp và môn chỉ một giáo viên trong tệp. Phân công đã có',
    '   giữ nguyên; môn của lớp đã phân công cho giáo viên khác thì gửi đề xuất, Ban giám hiệu',
    '   quyết định (Điều 6).',
    '',
    `Ví dụ dòng lớp: 3B | 3 | ${year} | ngoc.ntb@truong.edu.vn`,
    'Ví dụ dòng học sinh: 0125000001 | Nguyễn Minh An | 05/09/2018 | Nam | 3B | Kinh | Số 5, ngõ 12 Phúc Lợi | Không | Nguyễn Văn Tùng | Bố | 0912345678 | Kỹ sư',
    `Ví dụ dòng phân công: ngoc.ntb@truong.edu.vn | 3B | Toán | ${year}`,
  ]
  for (const line of lines) guide.addRow([line])
  guide.getRow(1).font = { bold: true, size: 13 }
  guide.getColumn(1).width = 120

  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const sheet = workbook.addWorksheet(SHEETS[key])
    const columns = COLUMNS[key]
    const header = sheet.addRow(
      columns.map((column) => (column.required ? `${column.header} *` : column.header)),
    )
    header.font = { bold: true }
    columns.forEach((column, index) => {
      const excelColumn = sheet.getColumn(index + 1)
      excelColumn.width = column.width ?? 16
      if (column.note) header.getCell(index + 1).note = column.note
      // Dates and codes as text: Excel would turn 0912… into a number and drop the leading 0.
      excelColumn.numFmt = '@'
      if (column.subjectList && subjects.length > 0) {
        // A range of the list sheet, not a literal list: Excel caps a literal at 255 characters
        // and the school may add electives. A typed code is accepted (no error box), then checked.
        const range = `'${SUBJECT_LIST_SHEET}'!$A$2:$A$${subjects.length + 1}`
        for (let row = 2; row <= 1000; row += 1) {
          sheet.getCell(row, index + 1).dataValidation = {
            type: 'list',
            allowBlank: false,
            formulae: [range],
            showErrorMessage: false,
          }
        }
      }
      if (column.choices) {
        for (let row = 2; row <= 1000; row += 1) {
          sheet.getCell(row, index + 1).dataValidation = {
            type: 'list',
            allowBlank: !column.required,
            formulae: [`"${column.choices.join(',')}"`],
            showErrorMessage: true,
            errorTitle: 'Giá trị không hợp lệ',
            error: `Chọn một trong: ${column.choices.join(', ')}`,
          }
        }
      }
    })
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
  }

  const list = workbook.addWorksheet(SUBJECT_LIST_SHEET)
  list.addRow(['Tên môn', 'Mã môn', 'Khối học', 'Khối tự chọn']).font = { bold: true }
  for (const subject of subjects)
    list.addRow([
      subject.name,
      subject.code,
      (subject.grades ?? []).join(', '),
      (subject.electiveGrades ?? []).join(', '),
    ])
  list.columns.forEach((column, index) => (column.width = [26, 24, 12, 14][index]))
  list.views = [{ state: 'frozen', ySplit: 1 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export interface ImportError {
  sheet: string
  /** The row number as Excel shows it. */
  row: number
  column: string
  message: string
}

export interface ClassRow {
  row: number
  name: string
  grade: number
  schoolYear: string
  homeroomEmail: string | null
}

export interface PupilRow {
  row: number
  studentCode: string
  fullName: string
  dateOfBirth: string
  gender: (typeof GENDERS)[number]
  className: string
  /** Blank cells are null: a blank never erases a saved value (new pupils get the defaults). */
  ethnicity: string | null
  permanentAddress: string | null
  policyStatus: (typeof POLICY_STATUSES)[number] | null
  /** Given by the Ministry's pupil list (documents/moet-pupils), not by the school's template. */
  currentAddress?: string | null
  personalId?: string | null
  disability?: string | null
  guardians: Array<{
    name: string
    relationship: (typeof GUARDIAN_RELATIONSHIPS)[number]
    phone: string
    occupation: string | null
  }>
}

export interface StaffRow {
  row: number
  email: string
  fullName: string
  dateOfBirth: string | null
  gender: (typeof GENDERS)[number] | null
  phone: string | null
  position: string | null
  contractType: (typeof CONTRACT_TYPES)[number] | null
  startDate: string | null
  qualification: string | null
  major: string | null
}

export interface AssignmentRow {
  row: number
  teacherEmail: string
  /** Normalized: "3B". */
  className: string
  /** The subject's code, whatever the cell said. */
  subject: string
  schoolYear: string
}

export interface ParsedWorkbook {
  classes: ClassRow[]
  pupils: PupilRow[]
  staff: StaffRow[]
  assignments: AssignmentRow[]
  errors: ImportError[]
}

/** What the checks look up in the database (read before parsing; parsing writes nothing). */
export interface ImportLookups {
  /** The classes already in the system. */
  classes: ReadonlyArray<{ name: string; schoolYear?: string | null; grade?: number | null }>
  subjects: readonly ImportSubject[]
  /** E-mails of the accounts, lower case: a teacher is named by their account's e-mail. */
  accountEmails: ReadonlySet<string>
}

/** A cell as text: Excel numbers, dates, rich text and formulas all become what the user sees. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim()
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text).trim()
    return ''
  }
  return String(value).trim()
}

const normalizeHeader = (text: string) => text.replace(/\*/g, '').trim().toLowerCase()

/** dd/mm/yyyy (or d/m/yyyy) → ISO date at midnight UTC; null when it is not a real day. */
export function parseVietnameseDate(text: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim())
  if (!match) return null
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null
  return date.toISOString()
}

/** A phone typed into a number cell lost its leading 0: 912345678 → 0912345678. */
function normalizePhone(text: string): string {
  const compact = compactPhone(text)
  return /^\d{9}$/.test(compact) ? `0${compact}` : compact
}

function choiceOf<K extends string>(
  keys: readonly K[],
  labels: Record<K, { vi: string }>,
  text: string,
): K | null {
  const wanted = text.trim().toLowerCase()
  return keys.find((key) => labels[key].vi.toLowerCase() === wanted || key === wanted) ?? null
}

/** "Lớp 3B", "lop 3b", "3b" → "3B". */
export function normalizeClassName(text: string): string {
  return text
    .replace(/^l[ớo]p\s*/i, '')
    .trim()
    .toUpperCase()
}

interface SheetReader {
  rows: Array<{ row: number; get: (key: string) => string }>
  missingSheet: boolean
}

function readSheet(workbook: ExcelJS.Workbook, key: SheetKey, errors: ImportError[]): SheetReader {
  const sheetName = SHEETS[key]
  const sheet = workbook.getWorksheet(sheetName)
  if (!sheet) return { rows: [], missingSheet: true }
  const columns = COLUMNS[key]
  const headerRow = sheet.getRow(1)
  const positions = new Map<string, number>()
  headerRow.eachCell((cell, index) => {
    const found = columns.find(
      (column) => normalizeHeader(column.header) === normalizeHeader(cellText(cell.value)),
    )
    if (found) positions.set(found.key, index)
  })
  for (const column of columns.filter((c) => c.required && !positions.has(c.key))) {
    errors.push({
      sheet: sheetName,
      row: 1,
      column: column.header,
      message: `Thiếu cột "${column.header}" ở dòng tiêu đề.`,
    })
  }
  const rows: SheetReader['rows'] = []
  sheet.eachRow({ includeEmpty: false }, (excelRow, rowNumber) => {
    if (rowNumber === 1) return
    const get = (columnKey: string) => {
      const index = positions.get(columnKey)
      return index === undefined ? '' : cellText(excelRow.getCell(index).value)
    }
    if (columns.every((column) => get(column.key) === '')) return
    rows.push({ row: rowNumber, get })
  })
  return { rows, missingSheet: false }
}

/**
 * Reads and checks every row of the file. Nothing here touches the database: `lookups` holds
 * what is already in the system (classes, subjects, accounts).
 */
export async function parseImportWorkbook(
  buffer: ArrayBuffer | Buffer,
  lookups: ImportLookups,
): Promise<ParsedWorkbook> {
  const existingClasses = new Set(lookups.classes.map((group) => normalizeClassName(group.name)))
  const workbook = new ExcelJS.Workbook()
  const errors: ImportError[] = []
  try {
    await workbook.xlsx.load(buffer as ArrayBuffer)
  } catch {
    errors.push({
      sheet: '',
      row: 0,
      column: '',
      message: 'Không đọc được tệp: cần tệp Excel .xlsx (tải mẫu về và điền vào mẫu).',
    })
    return { classes: [], pupils: [], staff: [], assignments: [], errors }
  }
  const sheets = {
    classes: readSheet(workbook, 'classes', errors),
    pupils: readSheet(workbook, 'pupils', errors),
    staff: readSheet(workbook, 'staff', errors),
    assignments: readSheet(workbook, 'assignments', errors),
  }
  if (Object.values(sheets).every((sheet) => sheet.missingSheet)) {
    errors.push({
      sheet: '',
      row: 0,
      column: '',
      message: `Tệp không có trang tính nào trong mẫu (${Object.values(SHEETS).join(', ')}).`,
    })
  }

  const fail = (key: SheetKey, row: number, columnKey: string, message: string) => {
    const column = COLUMNS[key].find((c) => c.key === columnKey)
    errors.push({ sheet: SHEETS[key], row, column: column?.header ?? columnKey, message })
  }
  const required = (
    key: SheetKey,
    row: number,
    get: (k: string) => string,
    columnKey: string,
  ): string | null => {
    const value = get(columnKey)
    if (value === '') {
      fail(key, row, columnKey, 'Chưa nhập (cột bắt buộc).')
      return null
    }
    return value
  }

  const classes: ClassRow[] = []
  const classKeys = new Map<string, number>()
  for (const { row, get } of sheets.classes.rows) {
    const rawName = required('classes', row, get, 'name')
    const gradeText = required('classes', row, get, 'grade')
    const schoolYear = required('classes', row, get, 'schoolYear')
    const grade = Number(gradeText)
    const name = rawName ? normalizeClassName(rawName) : ''
    if (gradeText && !(Number.isInteger(grade) && grade >= 1 && grade <= 5))
      fail('classes', row, 'grade', `Khối "${gradeText}" không hợp lệ: cần số từ 1 đến 5.`)
    if (name && !/^[1-5][A-Z0-9]{1,3}$/.test(name))
      fail('classes', row, 'name', `Tên lớp "${rawName}" không hợp lệ: ví dụ 3B.`)
    if (name && Number.isInteger(grade) && name[0] !== String(grade))
      fail('classes', row, 'grade', `Lớp ${name} không thuộc khối ${grade}.`)
    if (schoolYear && !/^\d{4}-\d{4}$/.test(schoolYear))
      fail('classes', row, 'schoolYear', `Năm học "${schoolYear}" không hợp lệ: ví dụ 2026-2027.`)
    const homeroomEmail = get('homeroomEmail').toLowerCase() || null
    if (homeroomEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(homeroomEmail))
      fail('classes', row, 'homeroomEmail', `Email "${homeroomEmail}" không hợp lệ.`)
    const key = `${name}|${schoolYear}`
    if (name && classKeys.has(key))
      fail(
        'classes',
        row,
        'name',
        `Lớp ${name} năm học ${schoolYear} trùng với dòng ${classKeys.get(key)}.`,
      )
    else if (name) classKeys.set(key, row)
    if (rawName && gradeText && schoolYear)
      classes.push({ row, name, grade, schoolYear, homeroomEmail })
  }
  const knownClasses = new Set([...existingClasses, ...classes.map((c) => c.name)])

  const pupils: PupilRow[] = []
  const codes = new Map<string, number>()
  for (const { row, get } of sheets.pupils.rows) {
    const studentCode = required('pupils', row, get, 'studentCode')
    const fullName = required('pupils', row, get, 'fullName')
    const birthText = required('pupils', row, get, 'dateOfBirth')
    const genderText = required('pupils', row, get, 'gender')
    const classText = required('pupils', row, get, 'className')
    if (studentCode && !STUDENT_CODE.test(studentCode))
      fail(
        'pupils',
        row,
        'studentCode',
        `Mã học sinh "${studentCode}" không hợp lệ: 4–20 chữ hoặc số, không dấu cách.`,
      )
    if (studentCode && codes.has(studentCode))
      fail(
        'pupils',
        row,
        'studentCode',
        `Mã học sinh ${studentCode} trùng với dòng ${codes.get(studentCode)}.`,
      )
    else if (studentCode) codes.set(studentCode, row)
    const dateOfBirth = birthText ? parseVietnameseDate(birthText) : null
    if (birthText && !dateOfBirth)
      fail(
        'pupils',
        row,
        'dateOfBirth',
        `Ngày sinh "${birthText}" không hợp lệ: cần dạng dd/mm/yyyy.`,
      )
    else if (dateOfBirth && new Date(dateOfBirth).getTime() > Date.now())
      fail('pupils', row, 'dateOfBirth', 'Ngày sinh ở tương lai.')
    const gender = genderText ? choiceOf(GENDERS, GENDER_LABELS, genderText) : null
    if (genderText && !gender)
      fail('pupils', row, 'gender', `Giới tính "${genderText}" không hợp lệ: Nam hoặc Nữ.`)
    const className = classText ? normalizeClassName(classText) : ''
    if (classText && !knownClasses.has(className))
      fail(
        'pupils',
        row,
        'className',
        `Lớp "${classText}" không có trong trang "${SHEETS.classes}" và chưa có trong hệ thống.`,
      )
    const policyText = get('policyStatus')
    const policyStatus = policyText
      ? choiceOf(POLICY_STATUSES, POLICY_STATUS_LABELS, policyText)
      : null
    if (policyText && !policyStatus)
      fail(
        'pupils',
        row,
        'policyStatus',
        `Đối tượng chính sách "${policyText}" không có trong danh sách.`,
      )

    const guardians: PupilRow['guardians'] = []
    for (const n of [1, 2]) {
      const name = get(`guardian${n}Name`)
      const relationshipText = get(`guardian${n}Relationship`)
      const phoneText = get(`guardian${n}Phone`)
      if (n === 2 && !name && !relationshipText && !phoneText) continue
      if (!name) fail('pupils', row, `guardian${n}Name`, 'Chưa nhập họ tên người giám hộ.')
      const relationship = relationshipText
        ? choiceOf(GUARDIAN_RELATIONSHIPS, GUARDIAN_RELATIONSHIP_LABELS, relationshipText)
        : null
      if (!relationshipText)
        fail('pupils', row, `guardian${n}Relationship`, 'Chưa nhập quan hệ với học sinh.')
      else if (!relationship)
        fail(
          'pupils',
          row,
          `guardian${n}Relationship`,
          `Quan hệ "${relationshipText}" không có trong danh sách (Bố, Mẹ, Ông/Bà, Anh/Chị, Người giám hộ khác).`,
        )
      const phone = normalizePhone(phoneText)
      if (!phoneText) fail('pupils', row, `guardian${n}Phone`, 'Thiếu số điện thoại người giám hộ.')
      else if (!isVietnamesePhone(phone))
        fail(
          'pupils',
          row,
          `guardian${n}Phone`,
          `Số điện thoại "${phoneText}" không hợp lệ: 10 chữ số, bắt đầu bằng 0.`,
        )
      if (name && relationship && isVietnamesePhone(phone))
        guardians.push({
          name,
          relationship,
          phone,
          occupation: get(`guardian${n}Occupation`) || null,
        })
    }
    if (studentCode && fullName && dateOfBirth && gender && className) {
      pupils.push({
        row,
        studentCode,
        fullName,
        dateOfBirth,
        gender,
        className,
        ethnicity: get('ethnicity') || null,
        permanentAddress: get('permanentAddress') || null,
        policyStatus,
        guardians,
      })
    }
  }

  const staff: StaffRow[] = []
  const emails = new Map<string, number>()
  for (const { row, get } of sheets.staff.rows) {
    const email = required('staff', row, get, 'email')?.toLowerCase() ?? null
    const fullName = required('staff', row, get, 'fullName')
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      fail('staff', row, 'email', `Email "${email}" không hợp lệ.`)
    if (email && emails.has(email))
      fail('staff', row, 'email', `Email ${email} trùng với dòng ${emails.get(email)}.`)
    else if (email) emails.set(email, row)
    const dateOf = (columnKey: string) => {
      const text = get(columnKey)
      if (!text) return null
      const date = parseVietnameseDate(text)
      if (!date) fail('staff', row, columnKey, `Ngày "${text}" không hợp lệ: cần dạng dd/mm/yyyy.`)
      return date
    }
    const genderText = get('gender')
    const gender = genderText ? choiceOf(GENDERS, GENDER_LABELS, genderText) : null
    if (genderText && !gender)
      fail('staff', row, 'gender', `Giới tính "${genderText}" không hợp lệ: Nam hoặc Nữ.`)
    const contractText = get('contractType')
    const contractType = contractText
      ? choiceOf(CONTRACT_TYPES, CONTRACT_TYPE_LABELS, contractText)
      : null
    if (contractText && !contractType)
      fail(
        'staff',
        row,
        'contractType',
        `Loại hợp đồng "${contractText}" không có trong danh sách.`,
      )
    const phoneText = get('phone')
    const phone = phoneText ? normalizePhone(phoneText) : null
    if (phone && !isVietnamesePhone(phone))
      fail(
        'staff',
        row,
        'phone',
        `Số điện thoại "${phoneText}" không hợp lệ: 10 chữ số, bắt đầu bằng 0.`,
      )
    if (email && fullName) {
      staff.push({
        row,
        email,
        fullName,
        dateOfBirth: dateOf('dateOfBirth'),
        gender,
        phone,
        position: get('position') || null,
        contractType,
        startDate: dateOf('startDate'),
        qualification: get('qualification') || null,
        major: get('major') || null,
      })
    }
  }

  const assignments = checkAssignments(sheets.assignments.rows, classes, lookups, fail, required)
  errors.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row)
  return { classes, pupils, staff, assignments, errors }
}

type Fail = (key: SheetKey, row: number, columnKey: string, message: string) => void
type Required = (
  key: SheetKey,
  row: number,
  get: (k: string) => string,
  columnKey: string,
) => string | null

/**
 * The sheet "Phân công" (Điều 6, 8): a known account, a class of that school year (in the
 * system or in the file's "Lớp"), a subject of the catalogue taught in the class's grade, and
 * one teacher per class × subject × year in the file (the same row twice is a mistake too).
 */
function checkAssignments(
  rows: SheetReader['rows'],
  fileClasses: readonly ClassRow[],
  lookups: ImportLookups,
  fail: Fail,
  required: Required,
): AssignmentRow[] {
  const classYears = new Map<string, Map<string, number | null>>()
  const addClass = (name: string, schoolYear: string | null | undefined, grade: unknown) => {
    if (!schoolYear) return
    const years = classYears.get(name) ?? new Map<string, number | null>()
    years.set(schoolYear, typeof grade === 'number' ? grade : null)
    classYears.set(name, years)
  }
  for (const group of lookups.classes)
    addClass(normalizeClassName(group.name), group.schoolYear, group.grade)
  for (const row of fileClasses) addClass(row.name, row.schoolYear, row.grade)

  const assignments: AssignmentRow[] = []
  const taken = new Map<string, { row: number; teacherEmail: string }>()
  for (const { row, get } of rows) {
    const teacherEmail = required('assignments', row, get, 'teacherEmail')?.toLowerCase() ?? null
    const classText = required('assignments', row, get, 'className')
    const subjectText = required('assignments', row, get, 'subject')
    const schoolYear = required('assignments', row, get, 'schoolYear')
    let valid = Boolean(teacherEmail && classText && subjectText && schoolYear)

    if (teacherEmail && !lookups.accountEmails.has(teacherEmail)) {
      fail('assignments', row, 'teacherEmail', `Không có tài khoản nào có email "${teacherEmail}".`)
      valid = false
    }
    const yearValid = schoolYear !== null && /^\d{4}-\d{4}$/.test(schoolYear)
    if (schoolYear && !yearValid) {
      fail(
        'assignments',
        row,
        'schoolYear',
        `Năm học "${schoolYear}" không hợp lệ: ví dụ 2026-2027.`,
      )
      valid = false
    }
    const className = classText ? normalizeClassName(classText) : ''
    const years = classYears.get(className)
    let grade: number | null = null
    if (classText && !years) {
      fail(
        'assignments',
        row,
        'className',
        `Lớp "${classText}" không có trong trang "${SHEETS.classes}" và chưa có trong hệ thống.`,
      )
      valid = false
    } else if (years && schoolYear && yearValid && !years.has(schoolYear)) {
      fail(
        'assignments',
        row,
        'schoolYear',
        `Lớp ${className} không có trong năm học ${schoolYear} ` +
          `(có ở năm học ${[...years.keys()].sort().join(', ')}).`,
      )
      valid = false
    } else if (years && schoolYear) grade = years.get(schoolYear) ?? null

    const subject = subjectText ? subjectOfCell(lookups.subjects, subjectText) : null
    if (subjectText && !subject) {
      fail(
        'assignments',
        row,
        'subject',
        `Môn "${subjectText}" không có trong danh mục môn học (xem trang "${SUBJECT_LIST_SHEET}").`,
      )
      valid = false
    } else if (subject && grade !== null && !taughtInGrade(subject as Subject, grade)) {
      fail('assignments', row, 'subject', `Khối ${grade} không học môn ${subject.name}.`)
      valid = false
    }

    if (!valid || !teacherEmail || !subject || !schoolYear) continue
    const key = `${className}|${subject.code}|${schoolYear}`
    const earlier = taken.get(key)
    if (earlier) {
      fail(
        'assignments',
        row,
        earlier.teacherEmail === teacherEmail ? 'teacherEmail' : 'subject',
        earlier.teacherEmail === teacherEmail
          ? `Phân công trùng với dòng ${earlier.row}.`
          : `Môn ${subject.name} lớp ${className} năm học ${schoolYear} đã phân công cho ` +
              `${earlier.teacherEmail} ở dòng ${earlier.row}: mỗi lớp và môn một giáo viên.`,
      )
      continue
    }
    taken.set(key, { row, teacherEmail })
    assignments.push({ row, teacherEmail, className, subject: subject.code, schoolYear })
  }
  return assignments
}
