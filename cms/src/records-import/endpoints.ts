/**
 * The records endpoints (Điều 6, 8, 9.1):
 * - GET  /api/records-import/template — the .xlsx template (IT teacher, principal)
 * - POST /api/records-import — the filled-in .xlsx as the request body; checks every row, then
 *   answers 400 with every error, or streams progress lines and ends with a summary (NDJSON)
 * - GET  /api/pupil-statistics — counts per class, no names (IT teacher, leadership)
 * - GET  /api/class-list?class=<id> — a class list as .xlsx, with what the user may read of it
 */
import ExcelJS from 'exceljs'
import type { Endpoint, PayloadRequest } from 'payload'
import {
  GENDER_LABELS,
  PUPIL_STATUS_LABELS,
  compareVietnameseNames,
  formatDateVi,
  slugify,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { exportPolicy, importPolicy, reportPolicy } from '../access/policy'
import { recordExport } from '../documents/export-audit'
import { spreadsheetResponse } from '../lib/download'
import { userError } from '../lib/messages'
import type { Group, Student } from '../payload-types'
import { allSubjects } from '../assessment/catalogue'
import { applyImport, importRowCount, type ImportSummary } from './apply'
import { importTemplate, parseImportWorkbook, type ImportLookups } from './workbook'
import { RESUMED_NOTICE, beginImportRun, interruptedNotice, lastImportRun } from './runs'

const MAX_BYTES = 10 * 1024 * 1024

const IMPORT_REFUSED = {
  vi: 'Chỉ giáo viên Tin học và Hiệu trưởng nhập dữ liệu đầu năm (Điều 8).',
  en: 'Only the IT teacher and the principal import records.',
}

/**
 * What the IT teacher is told besides the counts: changes the import may not make were sent to
 * their deciders, and are not applied (Điều 5.1, 6, 16).
 */
export function summaryMessage(summary: ImportSummary): string {
  const { proposed } = summary.classes
  const pending = summary.classes.pending + summary.assignments.pending
  const existing = summary.staff.existing + summary.pupils.existing
  const lines = ['Đã nhập xong.']
  if (proposed > 0)
    lines.push(
      `${proposed} thay đổi đã được gửi đề xuất, chưa áp dụng: Ban giám hiệu quyết định ` +
        'giáo viên chủ nhiệm của lớp (cả lớp mới).',
    )
  if (summary.assignments.proposed > 0)
    lines.push(
      `${summary.assignments.proposed} phân công giảng dạy khác với phân công đã có đã được gửi ` +
        'đề xuất, chưa áp dụng: Ban giám hiệu quyết định (Điều 6).',
    )
  if (pending > 0)
    lines.push(`${pending} thay đổi đã được đề xuất từ trước và đang chờ quyết định.`)
  if (existing > 0)
    lines.push(
      `${existing} hồ sơ đã có từ trước: điều gì tệp ghi khác với hồ sơ đã lưu được gửi người ` +
        'quyết định (Ban giám hiệu cho học sinh, cán bộ tổ chức cho hồ sơ cán bộ), không áp dụng ' +
        'ngay và không hiện ở đây, vì bạn không được xem các hồ sơ đó.',
    )
  return lines.join(' ')
}

const download = spreadsheetResponse

export const importTemplateEndpoint: Endpoint = {
  path: '/records-import/template',
  method: 'get',
  handler: async (req) => {
    await authorize(req, importPolicy.records, IMPORT_REFUSED)
    return download(await importTemplate(await allSubjects(req)), 'mau-nhap-du-lieu-dau-nam.xlsx')
  },
}

/** What the file's rows are checked against: classes, subjects, accounts already there. */
async function importLookups(req: PayloadRequest): Promise<ImportLookups> {
  const [{ docs: classes }, subjects, { docs: accounts }] = await Promise.all([
    req.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      select: { name: true, schoolYear: true, grade: true },
      limit: 0,
      depth: 0,
      overrideAccess: true,
      req,
    }),
    allSubjects(req),
    // Only e-mails: an assignment names its teacher by the account's e-mail.
    req.payload.find({
      collection: 'users',
      select: { email: true },
      limit: 0,
      depth: 0,
      overrideAccess: true,
      req,
    }),
  ])
  return {
    classes,
    subjects,
    accountEmails: new Set(accounts.map((account) => account.email.toLowerCase())),
  }
}

export const importEndpoint: Endpoint = {
  path: '/records-import',
  method: 'post',
  handler: async (req) => {
    await authorize(req, importPolicy.records, IMPORT_REFUSED)
    const body = req.arrayBuffer ? await req.arrayBuffer() : new ArrayBuffer(0)
    if (body.byteLength === 0) {
      throw userError(req, 400, {
        vi: 'Chưa có tệp: hãy chọn tệp .xlsx đã điền theo mẫu.',
        en: 'No file: choose the filled-in .xlsx template.',
      })
    }
    if (body.byteLength > MAX_BYTES) {
      throw userError(req, 413, {
        vi: 'Tệp quá lớn (tối đa 10 MB).',
        en: 'The file is too large (10 MB at most).',
      })
    }
    const parsed = await parseImportWorkbook(body, await importLookups(req))
    if (parsed.errors.length > 0) {
      return Response.json(
        {
          message: `Tệp có ${parsed.errors.length} lỗi; chưa nhập dữ liệu nào. Sửa các lỗi rồi tải lên lại.`,
          errors: parsed.errors,
        },
        { status: 400 },
      )
    }
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (line: unknown) =>
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`))
        const total = importRowCount(parsed)
        let written = 0
        let run: Awaited<ReturnType<typeof beginImportRun>> | undefined
        try {
          run = await beginImportRun(req, total)
          send({ type: 'progress', done: 0, total })
          const summary = await applyImport(req, parsed, async (done) => {
            written = done
            send({ type: 'progress', done, total })
            await run?.progress(done)
          })
          await run.end('done', total)
          const message = summaryMessage(summary)
          send({
            type: 'summary',
            summary,
            message: run.resumes ? `${RESUMED_NOTICE} ${message}` : message,
          })
        } catch (error) {
          await run?.end('failed', written).catch(() => {})
          req.payload.logger.error({ err: error, msg: 'Records import failed' })
          const message = (error as { isPublic?: boolean; message?: string }).isPublic
            ? (error as Error).message
            : 'Lỗi khi ghi dữ liệu; không có gì được nhập.'
          send({ type: 'failed', message })
        }
        controller.close()
      },
    })
    return new Response(stream, {
      headers: {
        'Content-Type': 'application/x-ndjson; charset=utf-8',
        'Cache-Control': 'no-store',
      },
    })
  },
}

/** The last import's state, so the import page says when one was cut short (see ./runs.ts). */
export const lastImportRunEndpoint: Endpoint = {
  path: '/records-import/last-run',
  method: 'get',
  handler: async (req) => {
    await authorize(req, importPolicy.records, IMPORT_REFUSED)
    const run = await lastImportRun(req.payload)
    if (!run) return Response.json({ run: null })
    const { status, startedAt, endedAt, total, done } = run
    return Response.json({
      run: { status, startedAt, endedAt, total, done },
      ...(status === 'interrupted' && { message: interruptedNotice(run) }),
    })
  },
}

export interface ClassStatistics {
  class: string
  total: number
  studying: number
  female: number
  ethnicMinority: number
  policy: number
  transferredOut: number
  droppedOut: number
}

/** Counts per class (Điều 6, 8): the figures the education office asks for, without a name. */
export async function pupilStatistics(req: PayloadRequest): Promise<ClassStatistics[]> {
  const { docs: classes } = await req.payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    sort: 'name',
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const { docs: pupils } = await req.payload.find({
    collection: 'students',
    limit: 0,
    depth: 0,
    select: { class: true, gender: true, ethnicity: true, policyStatus: true, status: true },
    overrideAccess: true,
    req,
  })
  return classes.map((group) => {
    const mine = pupils.filter((pupil) => String(pupil.class) === String(group.id))
    const studying = mine.filter((pupil) => pupil.status === 'studying')
    return {
      class: group.name,
      total: mine.length,
      studying: studying.length,
      female: studying.filter((pupil) => pupil.gender === 'female').length,
      ethnicMinority: studying.filter((pupil) => pupil.ethnicity && pupil.ethnicity !== 'Kinh')
        .length,
      policy: studying.filter((pupil) => pupil.policyStatus && pupil.policyStatus !== 'none')
        .length,
      transferredOut: mine.filter((pupil) => pupil.status === 'transferred_out').length,
      droppedOut: mine.filter((pupil) => pupil.status === 'dropped_out').length,
    }
  })
}

export const pupilStatisticsEndpoint: Endpoint = {
  path: '/pupil-statistics',
  method: 'get',
  handler: async (req) => {
    await authorize(req, reportPolicy.pupilStatistics, {
      vi: 'Bạn không được xem thống kê học sinh.',
      en: 'You may not read pupil statistics.',
    })
    return Response.json({ classes: await pupilStatistics(req) })
  },
}

/** A class list to print or hand on: the pupils the user may read, with the fields they may read. */
export const classListEndpoint: Endpoint = {
  path: '/class-list',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const classId = req.searchParams.get('class') ?? ''
    if (!/^[a-f0-9]+$/i.test(classId))
      throw userError(req, 404, { vi: 'Không tìm thấy lớp.', en: 'Class not found.' })
    const { docs: found } = await req.payload.find({
      collection: 'groups',
      where: { and: [{ id: { equals: classId } }, { kind: { equals: 'class' } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const schoolClass = found[0] as Group | undefined
    if (!schoolClass)
      throw userError(req, 404, { vi: 'Không tìm thấy lớp.', en: 'Class not found.' })
    // Whose class lists may leave the school as a file: the policy's, not whoever reads a pupil.
    await authorize(
      req,
      exportPolicy.classList,
      { vi: 'Bạn không được tải danh sách lớp này.', en: 'You may not download this class list.' },
      { collection: 'groups', id: schoolClass.id },
    )
    // The user's own rights decide which pupils and which columns: the read is audited as one list.
    const { docs } = await req.payload.find({
      collection: 'students',
      where: { class: { equals: schoolClass.id } },
      limit: 0,
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
    })
    if (docs.length === 0)
      throw userError(req, 403, {
        vi: 'Bạn không được xem danh sách lớp này.',
        en: 'You may not read this class list.',
      })
    const pupils = [...docs].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    await recordExport(req, {
      document: 'class-list',
      detail: `${schoolClass.name} · ${schoolClass.schoolYear ?? ''}`,
      students: pupils.map((pupil) => pupil.id),
    })
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet(schoolClass.name)
    sheet.addRow([
      `Danh sách học sinh ${schoolClass.name} — năm học ${schoolClass.schoolYear ?? ''}`,
    ]).font = { bold: true, size: 13 }
    sheet.addRow([])
    const columns: Array<[string, (pupil: Student) => unknown, number]> = [
      ['STT', () => null, 6],
      ['Mã học sinh', (p) => p.studentCode, 14],
      ['Họ và tên', (p) => p.fullName, 26],
      ['Ngày sinh', (p) => formatDateVi(p.dateOfBirth), 12],
      ['Giới tính', (p) => GENDER_LABELS[p.gender].vi, 10],
      ['Tình trạng', (p) => (p.status ? PUPIL_STATUS_LABELS[p.status].vi : undefined), 14],
      ['Dân tộc', (p) => p.ethnicity, 10],
      ['Địa chỉ thường trú', (p) => p.permanentAddress, 40],
      ['Người giám hộ', (p) => p.guardians?.map((g) => `${g.name} (${g.phone})`).join('; '), 44],
    ]
    // Columns the user cannot read for this class come back empty for every pupil: leave them out.
    const shown = columns.filter(
      ([, value], index) => index === 0 || pupils.some((pupil) => value(pupil) !== undefined),
    )
    sheet.addRow(shown.map(([header]) => header)).font = { bold: true }
    pupils.forEach((pupil, index) =>
      sheet.addRow(
        shown.map(([, value], column) => (column === 0 ? index + 1 : (value(pupil) ?? ''))),
      ),
    )
    shown.forEach(([, , width], index) => (sheet.getColumn(index + 1).width = width))
    return download(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      `danh-sach-${slugify(schoolClass.name)}.xlsx`,
    )
  },
}

export const recordsEndpoints = [
  importTemplateEndpoint,
  importEndpoint,
  lastImportRunEndpoint,
  pupilStatisticsEndpoint,
  classListEndpoint,
]
