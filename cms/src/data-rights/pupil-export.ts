/**
 * Everything the school holds on one pupil, as one .xlsx workbook (Law 91/2025: the data
 * subject's right to see and obtain their data): one sheet per kind of record, each row one
 * record, each column one field (nested fields as "group.field"). A workbook, not a zip of JSON:
 * a guardian opens it with any spreadsheet program, and the school's staff already read .xlsx.
 *
 * Every part is read as the exporting user (`overrideAccess: false`): what they may not read is
 * not in the file, and the sheet says so. The audit log is the principal's alone: a
 * vice-principal's export says the principal exports "who read" (policy: `audit-log.read`).
 */
import ExcelJS from 'exceljs'
import type { PayloadRequest, Where } from 'payload'
import { formatDateTimeVi } from '@school/shared'

import { userError } from '../lib/messages'
import type { Student } from '../payload-types'

type Row = Record<string, unknown>

/** Flattens a document into "path" → printable value (arrays of scalars joined). */
export function flatten(value: unknown, prefix = '', into: Row = {}): Row {
  if (value === null || value === undefined) return into
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      into[prefix] = value.join(', ')
      return into
    }
    value.forEach((item, index) => flatten(item, `${prefix}[${index + 1}]`, into))
    return into
  }
  if (typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Row)) {
      if (key === '_status' && prefix) continue
      flatten(inner, prefix ? `${prefix}.${key}` : key, into)
    }
    return into
  }
  into[prefix] = value
  return into
}

interface Sheet {
  name: string
  rows: Row[]
  /** Why a part is empty or missing for this reader. */
  note?: string
}

function addSheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31))
  if (sheet.note) worksheet.addRow([sheet.note])
  const flat = sheet.rows.map((row) => flatten(row))
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))]
  if (columns.length === 0) {
    if (!sheet.note) worksheet.addRow(['(Không có dữ liệu)'])
    return
  }
  const header = worksheet.addRow(columns)
  header.font = { bold: true }
  for (const row of flat) worksheet.addRow(columns.map((column) => row[column] ?? ''))
  worksheet.columns.forEach((column) => (column.width = 18))
}

/** Reads as the user; a refusal of the whole part becomes a note, never a failed export. */
async function readPart(
  req: PayloadRequest,
  collection: Parameters<PayloadRequest['payload']['find']>[0]['collection'],
  where: Where,
): Promise<{ rows: Row[]; note?: string }> {
  try {
    const { docs } = await req.payload.find({
      collection,
      where,
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return { rows: docs as unknown as Row[] }
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 401) {
      return { rows: [], note: 'Người xuất tệp không có quyền xem phần này (theo phân quyền).' }
    }
    throw error
  }
}

export interface PupilExport {
  pupil: Student
  workbook: Buffer
}

/** Builds the workbook of one pupil, reading every part as the request's user. */
export async function pupilExport(
  req: PayloadRequest,
  pupilId: number | string,
): Promise<PupilExport> {
  const asUser = { user: req.user, req, overrideAccess: false } as const
  const pupil = (await req.payload
    .findByID({ collection: 'students', id: pupilId, depth: 0, ...asUser })
    .catch((error: unknown) => {
      const status = (error as { status?: number }).status
      if (status === 404)
        throw userError(req, 404, { vi: 'Không tìm thấy học sinh.', en: 'No such pupil.' })
      throw error
    })) as Student
  const { guardians, health, consent, enrollmentEvents, checkups: _checkups, ...record } = pupil
  void _checkups
  const byPupil = { student: { equals: pupil.id } }

  const checkups = await readPart(req, 'health-checkups', byPupil)
  const assessments = await readPart(req, 'assessments', byPupil)
  const traits = await readPart(req, 'trait-assessments', byPupil)
  const yearEnd = await readPart(req, 'year-end-results', byPupil)
  const attendance = await readPart(req, 'attendance', { 'marks.student': { equals: pupil.id } })
  const attendanceRows = attendance.rows.flatMap((session) =>
    ((session.marks as Row[] | undefined) ?? [])
      .filter((mark) => String(mark.student) === String(pupil.id))
      .map((mark) => ({
        date: session.date,
        session: session.session,
        schoolYear: session.schoolYear,
        mark: mark.mark,
        reason: mark.reason,
      })),
  )
  const posts = await readPart(req, 'posts', { pupils: { equals: pupil.id } })
  const requests = await readPart(req, 'data-requests', { pupil: { equals: pupil.id } })
  // The start-of-year import's proposed changes to the record hold the pupil's data too.
  const proposals = await readPart(req, 'import-proposals', {
    and: [{ targetCollection: { equals: 'students' } }, { targetId: { equals: String(pupil.id) } }],
  })
  const checkupIds = checkups.rows.map((row) => String(row.id))
  const about: Where[] = [
    { and: [{ collection: { equals: 'students' } }, { docId: { equals: String(pupil.id) } }] },
    { and: [{ collection: { equals: 'students' } }, { docIds: { equals: String(pupil.id) } }] },
  ]
  if (checkupIds.length > 0)
    about.push({
      and: [{ collection: { equals: 'health-checkups' } }, { docId: { in: checkupIds } }],
    })
  const audit = await readPart(req, 'audit-log', { or: about })
  const consentHistory = audit.rows.filter(
    (entry) => Array.isArray(entry.fields) && (entry.fields as string[]).includes('consent'),
  )

  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Trường Tiểu học Gia Thượng'
  addSheet(workbook, {
    name: 'Thông tin',
    rows: [
      {
        'Học sinh': pupil.fullName,
        'Xuất lúc': formatDateTimeVi(new Date()),
        'Người xuất': req.user?.fullName ?? '',
        'Căn cứ': 'Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15; Nghị định 356/2025/NĐ-CP',
      },
    ],
  })
  addSheet(workbook, { name: 'Hồ sơ', rows: [record as Row] })
  addSheet(workbook, { name: 'Cha mẹ, người giám hộ', rows: (guardians ?? []) as Row[] })
  addSheet(workbook, { name: 'Biến động', rows: (enrollmentEvents ?? []) as Row[] })
  addSheet(workbook, {
    name: 'Sức khỏe',
    rows: health ? [health as Row] : [],
    note: health ? undefined : 'Không có, hoặc người xuất tệp không được xem hồ sơ sức khỏe.',
  })
  addSheet(workbook, { name: 'Khám sức khỏe', ...checkups })
  addSheet(workbook, { name: 'Kết quả môn học', ...assessments })
  addSheet(workbook, { name: 'Phẩm chất, năng lực', ...traits })
  addSheet(workbook, { name: 'Kết quả cuối năm', ...yearEnd })
  addSheet(workbook, { name: 'Điểm danh', rows: attendanceRows, note: attendance.note })
  addSheet(workbook, {
    name: 'Sự đồng ý',
    rows: [
      { 'Hiện tại': 'Hiện tại', ...(consent ?? {}) },
      ...consentHistory.map((entry) => ({
        'Hiện tại': 'Lần thay đổi',
        lúc: entry.createdAt,
        người: entry.actorName ?? 'Hệ thống',
      })),
    ],
    note: audit.note && 'Lịch sử thay đổi: chỉ Hiệu trưởng xem được nhật ký.',
  })
  addSheet(workbook, { name: 'Bài viết có tên, ảnh', ...posts })
  addSheet(workbook, { name: 'Yêu cầu về dữ liệu', ...requests })
  addSheet(workbook, {
    name: 'Ai đã xem, sửa',
    rows: audit.rows,
    note: audit.note && 'Nhật ký truy cập chỉ Hiệu trưởng xem và xuất được.',
  })
  addSheet(workbook, {
    name: 'Đề xuất khi nhập dữ liệu',
    rows: proposals.rows.flatMap((proposal) =>
      ((proposal.changes as Row[] | undefined) ?? []).map((change) => ({
        'Ngày đề xuất': proposal.createdAt,
        'Trạng thái': proposal.status,
        Trường: change.label,
        'Giá trị hiện tại': change.currentText,
        'Giá trị đề xuất': change.proposedText,
      })),
    ),
    note: proposals.note,
  })
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { pupil, workbook: buffer }
}
