/**
 * The Ministry's pupil list (`C1-HocSinh`, Điều 6, 8):
 * - `GET /api/moet-pupils?class=…` (one class: `documentPolicy.moetExport`) or `?schoolYear=…`
 *   (the school's classes of that year: `documentPolicy.moetSchoolPupilList`) → the list as .xlsx,
 *   read as the user, logged (`moet-pupils`).
 * - `POST /api/moet-pupils/preview` (multipart `file`) → what the import would do, writing
 *   nothing: new pupils, changes of existing ones (matched by Mã học sinh), pupils of the covered
 *   classes the list lacks, temporary codes to reconcile, every row error; and a `token`.
 * - `POST /api/moet-pupils/apply` (multipart `file` and the preview's `token`) → does what the
 *   preview showed: creates the new pupils and files everything else as proposals for their
 *   deciders, through the start-of-year import (`records-import/apply.ts`), logged
 *   (`moet-pupil-import`). 409 when the records changed since the preview.
 *
 * Temporary codes: a new grade-1 pupil the Ministry has not coded yet carries a code starting
 * with `TMP` (`isTemporaryStudentCode`); a row of the list whose code we do not know matches
 * such a pupil by name, date of birth and class, and the real code is proposed for them.
 *
 * What the importer may not read of a pupil (the IT teacher reads no family data, Điều 6, 9.1)
 * is compared and proposed all the same, but never shown: as in the start-of-year import, telling
 * the importer whether the file differs would let them test a guess.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import ExcelJS from 'exceljs'
import type { Endpoint, PayloadRequest } from 'payload'
import {
  MOET_PUPIL_COLUMNS,
  MOET_PUPIL_SHEET,
  PUPIL_STATUS_LABELS,
  compareVietnameseNames,
  isSchoolYear,
  isTemporaryStudentCode,
  moetPupilCells,
  normalizeMoetClassCode,
  readMoetPupils,
  reconcileKey,
  slugify,
  type GuardianRelationship,
  type MoetError,
  type MoetParent,
  type MoetPupilRow,
  type PupilStatus,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { documentPolicy } from '../access/policy'
import { couldBeId, idOf } from '../lib/ids'
import { userError } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import { inTransaction } from '../lib/transaction'
import type { Group, Student } from '../payload-types'
import { applyImport, pupilChanges, pupilLabel } from '../records-import/apply'
import { currentTexts, propose, type FieldChange } from '../records-import/proposals'
import type { PupilRow } from '../records-import/workbook'
import { recordExport } from './export-audit'
import {
  loadWorkbook,
  moetSheet,
  UnreadableWorkbook,
  writeMoetSheet,
  XLSX_TYPE,
} from './moet-workbook'
import { readableDocs } from './moet-results'
import { fileResponse } from './pdf'
import { LOGIN } from './class-request'
import { asUser, allAsUser } from '../lib/as-user'

const EXPORT_REFUSED = {
  vi:
    'Danh sách học sinh gửi CSDL ngành của lớp do giáo viên chủ nhiệm và Ban giám hiệu lập ' +
    '(Điều 6, 8).',
  en: "A class's Ministry pupil list is made by its homeroom teacher and leadership.",
}
const SCHOOL_REFUSED = {
  vi: 'Danh sách học sinh toàn trường do Ban giám hiệu lập: chỉ họ xem được hồ sơ mọi học sinh.',
  en: "The school's pupil list is made by leadership, who read every pupil's record.",
}
const IMPORT_REFUSED = {
  vi: 'Chỉ giáo viên Tin học và Ban giám hiệu nhập danh sách học sinh từ CSDL ngành (Điều 8).',
  en: "Only the IT teacher and leadership import the Ministry's pupil list.",
}
const MAX_BYTES = 10 * 1024 * 1024

// ---------------------------------------------------------------------------------------------
// Our pupils ↔ the list's people
// ---------------------------------------------------------------------------------------------

type Guardian = NonNullable<Student['guardians']>[number]

/** The list's father, mother and guardian: the first guardian of each kind. */
function parentsOf(guardians: Guardian[] | null | undefined): MoetPupilRow['parents'] {
  const first = (match: (relationship: GuardianRelationship) => boolean) => {
    const guardian = (guardians ?? []).find((g) => match(g.relationship))
    return guardian
      ? { name: guardian.name, job: guardian.occupation ?? null, phone: guardian.phone }
      : null
  }
  return {
    father: first((relationship) => relationship === 'father'),
    mother: first((relationship) => relationship === 'mother'),
    guardian: first((relationship) => relationship !== 'father' && relationship !== 'mother'),
  }
}

const RELATIONSHIP_OF: Record<MoetParent, GuardianRelationship> = {
  father: 'father',
  mother: 'mother',
  guardian: 'other',
}

/**
 * The list's row as the start-of-year import's row. A parent without a phone is not a guardian
 * the school can call (a guardian's phone is required): left out, and said in the preview. The
 * list's "guardian" keeps the relationship we hold for the same person (a grandparent stays one).
 */
function importRowOf(row: MoetPupilRow, existing: Student | undefined): PupilRow {
  const guardians: PupilRow['guardians'] = []
  for (const parent of ['father', 'mother', 'guardian'] as const) {
    const person = row.parents[parent]
    if (!person?.phone) continue
    const known = (existing?.guardians ?? []).find(
      (g) => g.phone === person.phone || g.name.trim().toLowerCase() === person.name.toLowerCase(),
    )
    guardians.push({
      name: person.name,
      relationship: parent === 'guardian' && known ? known.relationship : RELATIONSHIP_OF[parent],
      phone: person.phone,
      occupation: person.job,
    })
  }
  return {
    row: row.row,
    studentCode: row.studentCode,
    fullName: row.fullName,
    dateOfBirth: row.dateOfBirth,
    gender: row.gender,
    className: row.classCode,
    ethnicity: row.ethnicity,
    permanentAddress: row.permanentAddress,
    policyStatus: null,
    currentAddress: row.currentAddress,
    personalId: row.personalId,
    disability: row.disability,
    guardians,
  }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

const PUPIL_SELECT = {
  fullName: true,
  studentCode: true,
  dateOfBirth: true,
  gender: true,
  status: true,
  class: true,
  ethnicity: true,
  disability: true,
  personalId: true,
  guardians: true,
  permanentAddress: true,
  currentAddress: true,
} as const

/** The classes, non-personal (overrideAccess: a class's name and year are public inside). */
async function allClasses(req: PayloadRequest): Promise<Group[]> {
  const { docs } = await req.payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

export async function moetPupilWorkbook(
  pupils: Student[],
  classNameOf: (id: number | null) => string,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Hệ thống quản trị trường học'
  const rows = pupils.map((pupil, at) => ({
    stt: at + 1,
    ...moetPupilCells({
      classCode: normalizeMoetClassCode(classNameOf(idOf(pupil.class) as number | null)),
      studentCode: pupil.studentCode ?? '',
      fullName: pupil.fullName,
      dateOfBirth: pupil.dateOfBirth,
      gender: pupil.gender,
      status: pupil.status ?? null,
      ethnicity: pupil.ethnicity ?? null,
      disability: pupil.disability ?? null,
      personalId: pupil.personalId ?? null,
      parents: parentsOf(pupil.guardians),
      permanentAddress: pupil.permanentAddress ?? null,
      currentAddress: pupil.currentAddress ?? null,
    }),
  }))
  writeMoetSheet(workbook, MOET_PUPIL_SHEET, MOET_PUPIL_COLUMNS, rows)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const moetPupilsExportEndpoint: Endpoint = {
  path: '/moet-pupils',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN)
    const classParam = req.searchParams.get('class')
    const yearParam = req.searchParams.get('schoolYear')
    const classes = await allClasses(req)
    let chosen: Group[]
    let detail: string
    let filename: string
    if (classParam) {
      const found = couldBeId(classParam)
        ? classes.find((group) => String(group.id) === classParam)
        : undefined
      if (!found) throw userError(req, 404, { vi: 'Không tìm thấy lớp.', en: 'Class not found.' })
      await authorize(req, documentPolicy.moetExport, EXPORT_REFUSED, {
        record: { class: found.id, schoolYear: found.schoolYear },
      })
      chosen = [found]
      detail = `${found.name} · ${found.schoolYear ?? ''} · ${MOET_PUPIL_SHEET}`
      filename = `${MOET_PUPIL_SHEET}-${slugify(found.name)}-${found.schoolYear ?? ''}.xlsx`
    } else {
      if (!isSchoolYear(yearParam))
        throw userError(req, 400, {
          vi: 'Cần chọn lớp (class) hoặc năm học (schoolYear, ví dụ 2026-2027).',
          en: 'Choose a class or a school year (e.g. 2026-2027).',
        })
      await authorize(req, documentPolicy.moetSchoolPupilList, SCHOOL_REFUSED)
      chosen = classes.filter((group) => group.schoolYear === yearParam)
      if (chosen.length === 0)
        throw userError(req, 404, {
          vi: `Năm học ${yearParam} chưa có lớp nào.`,
          en: `No classes in ${yearParam}.`,
        })
      detail = `Toàn trường · ${yearParam} · ${MOET_PUPIL_SHEET}`
      filename = `${MOET_PUPIL_SHEET}-${yearParam}.xlsx`
    }
    // The pupils and the fields the user may read: a field they may not read stays blank.
    const docs = await readableDocs(
      req.payload.find({
        collection: 'students',
        where: { class: { in: chosen.map((group) => group.id) } },
        select: PUPIL_SELECT,
        limit: 0,
        pagination: false,
        ...asUser(req),
      }),
    )
    const nameOf = new Map(chosen.map((group) => [group.id, group.name]))
    const order = new Map(chosen.map((group) => [group.id, group.name]))
    const pupils = [...(docs as Student[])].sort(
      (a, b) =>
        (order.get(idOf(a.class) as number) ?? '').localeCompare(
          order.get(idOf(b.class) as number) ?? '',
        ) || compareVietnameseNames(a.fullName, b.fullName),
    )
    const file = await moetPupilWorkbook(pupils, (id) =>
      id === null ? '' : (nameOf.get(id) ?? ''),
    )
    await recordExport(req, {
      document: 'moet-pupils',
      detail,
      students: pupils.map((pupil) => pupil.id),
    })
    return fileResponse(file, filename, XLSX_TYPE)
  },
}

// ---------------------------------------------------------------------------------------------
// Import: the plan, its preview, its application
// ---------------------------------------------------------------------------------------------

interface PlannedRow {
  row: number
  kind: 'new' | 'existing' | 'reconcile'
  importRow: PupilRow
  /** The pupil of ours it concerns (existing, reconcile). */
  target: Student | null
  changes: FieldChange[]
  moves: FieldChange[]
  /** The Ministry's code for a pupil with a temporary one. */
  code: FieldChange | null
  /** What the list says of the pupil's enrolment: ours follows the enrolment events only. */
  ministryStatus: PupilStatus | null
}

interface Plan {
  rows: PlannedRow[]
  /** Pupils studying in a class the list covers, that no row names. */
  missing: Student[]
  errors: MoetError[]
  /** A parent the list names without a phone, left out of the guardians. */
  notes: Array<{ row: number; message: string }>
  covered: Group[]
}

/** A file whose header lacks the list's columns: a 400 with every missing column. */
class BadFile extends Error {
  constructor(readonly errors: MoetError[]) {
    super('The header lacks columns')
  }
}

function badFileResponse(errors: MoetError[]): Response {
  const header = errors.every((error) => error.row === 0)
  return Response.json(
    {
      message: header
        ? `Dòng tiêu đề thiếu cột của danh sách ${MOET_PUPIL_SHEET}; chưa đọc dòng nào. ` +
          errors.map((error) => error.message).join(' ')
        : `Tệp có ${errors.length} lỗi; chưa nhập dữ liệu nào. Sửa các lỗi rồi tải lên lại.`,
      errors,
    },
    { status: 400 },
  )
}

/** The plan, or the 400 of a file without the list's header. */
async function planOrBadFile(req: PayloadRequest, file: Buffer): Promise<Plan | Response> {
  try {
    return await planImport(req, file)
  } catch (error) {
    if (error instanceof BadFile) return badFileResponse(error.errors)
    throw error
  }
}

async function readUpload(req: PayloadRequest): Promise<{ file: Buffer; token: string | null }> {
  const type = req.headers.get('content-type') ?? ''
  let bytes: ArrayBuffer | undefined
  let token: string | null = null
  if (type.startsWith('multipart/form-data') && req.formData) {
    const form = await req.formData().catch(() => null)
    const file = form?.get('file')
    if (file && typeof file === 'object' && 'arrayBuffer' in file) bytes = await file.arrayBuffer()
    const sent = form?.get('token')
    token = typeof sent === 'string' ? sent : null
  }
  if (!bytes || bytes.byteLength === 0)
    throw userError(req, 400, {
      vi: 'Chưa có tệp: hãy chọn tệp .xlsx danh sách học sinh tải từ CSDL ngành (trường "file").',
      en: 'No file: choose the .xlsx pupil list from the Ministry database (form field "file").',
    })
  if (bytes.byteLength > MAX_BYTES)
    throw userError(req, 413, { vi: 'Tệp quá lớn (tối đa 10 MB).', en: 'At most 10 MB.' })
  return { file: Buffer.from(bytes), token }
}

/** Reads the file and works out what the import would do. Reads only. */
async function planImport(req: PayloadRequest, file: Buffer): Promise<Plan> {
  let sheet
  try {
    sheet = moetSheet(await loadWorkbook(file), MOET_PUPIL_SHEET, 1)
  } catch (error) {
    if (error instanceof UnreadableWorkbook)
      throw userError(req, 400, { vi: error.message, en: 'Not an .xlsx file.' })
    throw error
  }
  if (!sheet)
    throw userError(req, 400, {
      vi:
        `Tệp không có trang "${MOET_PUPIL_SHEET}" (không thấy cột "Mã học sinh" ở đầu trang ` +
        'nào): cần tệp danh sách học sinh xuất từ CSDL ngành.',
      en: `No "${MOET_PUPIL_SHEET}" sheet with a "Mã học sinh" column.`,
    })
  const { rows, errors } = readMoetPupils(sheet)
  const headerErrors = errors.filter((error) => error.row === 0)
  if (headerErrors.length > 0) throw new BadFile(headerErrors)

  // A class is named without its year: this year's class of that name, the newest.
  const classes = (await allClasses(req)).sort((a, b) =>
    (a.schoolYear ?? '').localeCompare(b.schoolYear ?? ''),
  )
  const classByCode = new Map<string, Group>()
  for (const group of classes) classByCode.set(normalizeMoetClassCode(group.name), group)
  const known: MoetPupilRow[] = []
  for (const row of rows) {
    if (classByCode.has(row.classCode)) known.push(row)
    else
      errors.push({
        sheet: sheet.name,
        row: row.row,
        column: 'Mã lớp',
        message: `Lớp "${row.classCode}" không có trong hệ thống.`,
      })
  }
  const covered = [...new Set(known.map((row) => classByCode.get(row.classCode)!))]

  // Matching is by the stable key, whoever imports (as the start-of-year import matches): what
  // the user may see of the match is decided when it is shown.
  const lookup = { depth: 0, limit: 0, pagination: false, overrideAccess: true, req } as const
  const { docs: byCode } = await req.payload.find({
    collection: 'students',
    where: { studentCode: { in: known.map((row) => row.studentCode) } },
    ...lookup,
  })
  const { docs: inClasses } = await req.payload.find({
    collection: 'students',
    where: {
      and: [
        { class: { in: covered.map((group) => group.id) } },
        { status: { equals: 'studying' } },
      ],
    },
    ...lookup,
  })
  const existingByCode = new Map(byCode.map((pupil) => [pupil.studentCode, pupil]))
  const temporary = new Map<string, Student>()
  for (const pupil of inClasses)
    if (isTemporaryStudentCode(pupil.studentCode)) {
      const group = classes.find((c) => String(c.id) === String(idOf(pupil.class)))
      if (group) temporary.set(reconcileKey(pupil.fullName, pupil.dateOfBirth, group.name), pupil)
    }

  const planned: PlannedRow[] = []
  const notes: Plan['notes'] = []
  const matched = new Set<number>()
  for (const row of known) {
    const schoolClass = classByCode.get(row.classCode)!
    const existing = existingByCode.get(row.studentCode)
    const reconciled = existing
      ? undefined
      : temporary.get(reconcileKey(row.fullName, row.dateOfBirth, row.classCode))
    const target = existing ?? reconciled ?? null
    const importRow = importRowOf(row, target ?? undefined)
    for (const parent of ['father', 'mother', 'guardian'] as const) {
      const person = row.parents[parent]
      if (person && !person.phone)
        notes.push({
          row: row.row,
          message:
            `${person.name}: không có số điện thoại, không ghi vào danh sách người giám hộ ` +
            '(hồ sơ cần số điện thoại để liên lạc).',
        })
    }
    if (!target) {
      planned.push({
        row: row.row,
        kind: 'new',
        importRow,
        target: null,
        changes: [],
        moves: [],
        code: null,
        ministryStatus: row.status,
      })
      continue
    }
    matched.add(target.id)
    const { changes, moves } = pupilChanges(target, importRow, schoolClass.id)
    planned.push({
      row: row.row,
      kind: existing ? 'existing' : 'reconcile',
      importRow,
      target,
      changes,
      moves,
      code: existing
        ? null
        : { field: 'studentCode', current: target.studentCode, proposed: row.studentCode },
      ministryStatus: row.status,
    })
    if (reconciled) temporary.delete(reconcileKey(row.fullName, row.dateOfBirth, row.classCode))
  }
  const missing = inClasses
    .filter((pupil) => !matched.has(pupil.id))
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
  errors.sort((a, b) => a.row - b.row)
  return { rows: planned, missing, errors, notes, covered }
}

/**
 * The plan's seal: the import's writes and the records they start from, under the server's
 * secret (so it says nothing of values the user may not read), for this user. The apply
 * recomputes it from the same file: a different seal means the records changed since.
 */
function sealOf(req: PayloadRequest, plan: Plan): string {
  const content = {
    user: req.user?.id,
    rows: plan.rows.map((row) => [
      row.row,
      row.kind,
      row.importRow,
      row.target?.id ?? null,
      row.target?.updatedAt ?? null,
      row.changes,
      row.moves,
      row.code,
    ]),
    missing: plan.missing.map((pupil) => pupil.id),
    errors: plan.errors,
  }
  return createHmac('sha256', req.payload.secret).update(JSON.stringify(content)).digest('hex')
}

interface ShownChange {
  field: string
  label: string
  current: string
  proposed: string
}

export interface MoetPupilPreview {
  token: string
  classes: string[]
  rows: number
  new: Array<{ row: number; studentCode: string; fullName: string; className: string }>
  /** Existing pupils whose readable fields the list changes (what the user may read of it). */
  changed: Array<{
    row: number
    studentCode: string
    fullName: string
    className: string
    changes: ShownChange[]
  }>
  /** Existing pupils the list names, changed or not. */
  existing: number
  /** Pupils studying in a covered class the list does not name (the user's readable ones). */
  missing: Array<{ studentCode: string | null; fullName: string; className: string }>
  /** Of those, pupils the user may not read: only how many. */
  missingUnreadable: number
  reconcile: Array<{
    row: number
    studentCode: string
    fullName: string
    className: string
    temporaryCode: string | null
  }>
  errors: MoetError[]
  notes: Array<{ row: number; message: string }>
  message: string
}

async function previewOf(req: PayloadRequest, plan: Plan): Promise<MoetPupilPreview> {
  const targets = [
    ...plan.rows.flatMap((row) => (row.target ? [row.target.id] : [])),
    ...plan.missing.map((pupil) => pupil.id),
  ]
  // What the user may read of the pupils concerned: a field absent here is not theirs to see.
  const readable = targets.length
    ? await readableDocs(
        req.payload.find({
          collection: 'students',
          where: { id: { in: targets } },
          ...allAsUser(req),
        }),
      )
    : []
  const seen = new Map(
    readable.map((pupil) => [pupil.id, pupil as unknown as Record<string, unknown>]),
  )
  const className = (row: PlannedRow) => `Lớp ${row.importRow.className}`
  const changed: MoetPupilPreview['changed'] = []
  const notes = [...plan.notes]
  const reconcile: MoetPupilPreview['reconcile'] = []
  for (const row of plan.rows) {
    if (!row.target) continue
    const visible = seen.get(row.target.id)
    const shown = [...row.changes, ...row.moves].filter(
      (change) => visible && change.field in visible,
    )
    if (row.kind === 'reconcile')
      reconcile.push({
        row: row.row,
        studentCode: row.importRow.studentCode,
        fullName: row.importRow.fullName,
        className: className(row),
        temporaryCode:
          visible && typeof visible.studentCode === 'string' ? visible.studentCode : null,
      })
    // The status is not the import's to change (it follows the enrolment events, Điều 9.1):
    // a difference is told to whoever may read the status, to record the event.
    const ours = visible?.status as PupilStatus | undefined
    if (ours && row.ministryStatus && row.ministryStatus !== ours)
      notes.push({
        row: row.row,
        message:
          `${row.importRow.fullName}: CSDL ngành ghi "${PUPIL_STATUS_LABELS[row.ministryStatus].vi}"` +
          `, hồ sơ ghi "${PUPIL_STATUS_LABELS[ours].vi}". Nhập không đổi tình trạng: hãy ghi ` +
          'biến động (chuyển đi, bỏ học…) trong hồ sơ học sinh nếu đúng.',
      })
    if (shown.length === 0) continue
    const texts = await currentTexts(req, {
      targetCollection: 'students',
      changes: shown.map((change) => ({
        field: change.field,
        label: change.field,
        current: { value: change.current },
        proposed: { value: change.proposed },
      })),
    })
    changed.push({
      row: row.row,
      studentCode: row.importRow.studentCode,
      fullName: row.importRow.fullName,
      className: className(row),
      changes: texts.map((text) => ({
        field: text.field,
        label: text.label,
        current: text.currentText ?? '',
        proposed: text.proposedText ?? '',
      })),
    })
  }
  const nameOfClass = new Map(plan.covered.map((group) => [String(group.id), group.name]))
  const missing = plan.missing.flatMap((pupil) => {
    const visible = seen.get(pupil.id)
    if (!visible) return []
    return [
      {
        studentCode: typeof visible.studentCode === 'string' ? visible.studentCode : null,
        fullName: pupil.fullName,
        className: nameOfClass.get(String(idOf(pupil.class))) ?? '',
      },
    ]
  })
  const fresh = plan.rows.filter((row) => row.kind === 'new')
  const existing = plan.rows.filter((row) => row.kind === 'existing').length
  const lines = [
    `${plan.rows.length} dòng hợp lệ: ${fresh.length} học sinh mới, ${existing} học sinh đã có, ` +
      `${reconcile.length} mã tạm cần đối chiếu, ${plan.missing.length} học sinh của các lớp ` +
      'này không có trong danh sách.',
    'Chưa ghi gì. Khi nhập: học sinh mới được tạo; mọi thay đổi của học sinh đã có (cả mã học ' +
      'sinh) được gửi đề xuất, Ban giám hiệu quyết định (Điều 6, 9.1). Thay đổi ở những mục bạn ' +
      'không được xem không hiện ở đây.',
  ]
  if (plan.errors.length > 0)
    lines.push(`Tệp có ${plan.errors.length} lỗi: sửa rồi tải lên lại, chưa nhập được.`)
  return {
    token: sealOf(req, plan),
    classes: plan.covered.map((group) => group.name),
    rows: plan.rows.length,
    new: fresh.map((row) => ({
      row: row.row,
      studentCode: row.importRow.studentCode,
      fullName: row.importRow.fullName,
      className: className(row),
    })),
    changed,
    existing,
    missing,
    missingUnreadable: plan.missing.length - missing.length,
    reconcile,
    errors: plan.errors,
    notes,
    message: lines.join(' '),
  }
}

export const moetPupilsPreviewEndpoint: Endpoint = {
  path: '/moet-pupils/preview',
  method: 'post',
  handler: async (req) => {
    await authorize(req, documentPolicy.moetPupilImport, IMPORT_REFUSED)
    const { file } = await readUpload(req)
    const plan = await planOrBadFile(req, file)
    if (plan instanceof Response) return plan
    return Response.json(await previewOf(req, plan), {
      headers: { 'Cache-Control': 'private, no-store' },
    })
  },
}

const sameSeal = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export interface MoetPupilImportSummary {
  created: number
  /** Proposals filed now; `pending`: the same ones already waiting from an earlier import. */
  proposed: number
  pending: number
  message: string
}

export const moetPupilsApplyEndpoint: Endpoint = {
  path: '/moet-pupils/apply',
  method: 'post',
  handler: async (req) => {
    await authorize(req, documentPolicy.moetPupilImport, IMPORT_REFUSED)
    const { file, token } = await readUpload(req)
    if (!token)
      throw userError(req, 400, {
        vi: 'Thiếu mã xem trước (token): hãy xem trước rồi mới nhập.',
        en: 'Missing the preview token: preview first.',
      })
    const plan = await planOrBadFile(req, file)
    if (plan instanceof Response) return plan
    if (!sameSeal(sealOf(req, plan), token))
      throw userError(req, 409, {
        vi:
          'Dữ liệu đã thay đổi từ lúc xem trước (hoặc tệp khác tệp đã xem): hãy xem trước lại ' +
          'rồi nhập.',
        en: 'The records or the file changed since the preview: preview again.',
      })
    if (plan.errors.length > 0) return badFileResponse(plan.errors)
    const counts = { created: 0, proposed: 0, pending: 0 }
    await withFlag(req, 'recordsImport', () =>
      inTransaction(req, async () => {
        const byImport = plan.rows.filter((row) => row.kind !== 'reconcile')
        const proposalsBefore = await pendingProposals(req)
        const summary = await applyImport(req, {
          classes: [],
          staff: [],
          assignments: [],
          errors: [],
          pupils: byImport.map((row) => row.importRow),
        })
        counts.created = summary.pupils.created
        // A temporary code's pupil: the Ministry's code, then what else the list says, each a
        // proposal of its own (a decider may take the code and refuse a change).
        for (const row of plan.rows.filter((r) => r.kind === 'reconcile')) {
          const target = row.target!
          for (const changes of [[row.code!], row.changes, row.moves]) {
            if (changes.length === 0) continue
            const outcome = await propose(req, {
              targetCollection: 'students',
              targetId: target.id,
              targetLabel: pupilLabel(target),
              changes,
            })
            if (outcome === 'pending') counts.pending += 1
          }
        }
        counts.proposed = (await pendingProposals(req)) - proposalsBefore
        const { docs: created } = await req.payload.find({
          collection: 'students',
          where: {
            studentCode: {
              in: plan.rows.filter((row) => row.kind === 'new').map((r) => r.importRow.studentCode),
            },
          },
          select: { studentCode: true },
          depth: 0,
          limit: 0,
          pagination: false,
          // Ids only, for the audit entry of the import.
          overrideAccess: true,
          req,
        })
        await recordExport(req, {
          document: 'moet-pupil-import',
          detail: `${plan.covered.map((group) => group.name).join(', ')} · ${MOET_PUPIL_SHEET}`,
          students: [
            ...created.map((pupil) => pupil.id),
            ...plan.rows.flatMap((row) => (row.target ? [row.target.id] : [])),
          ],
        })
      }),
    )
    const answer: MoetPupilImportSummary = {
      ...counts,
      message:
        `Đã nhập: ${counts.created} học sinh mới; ${counts.proposed} đề xuất thay đổi đã gửi ` +
        'Ban giám hiệu quyết định, chưa áp dụng' +
        (counts.pending > 0 ? `; ${counts.pending} đề xuất giống hệt đang chờ từ trước.` : '.'),
    }
    return Response.json(answer)
  },
}

/** Pending proposals (a count, no content): how many the import filed. */
async function pendingProposals(req: PayloadRequest): Promise<number> {
  const { totalDocs } = await req.payload.count({
    collection: 'import-proposals',
    where: { status: { equals: 'pending' } },
    overrideAccess: true,
    req,
  })
  return totalDocs
}
