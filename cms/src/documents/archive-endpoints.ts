/**
 * The electronic archive's endpoints (Điều 13.2, 14.2; Điều 13.1), each asking `documentPolicy`:
 * - `GET /api/archive?schoolYear=` the year's entries (readers see the files and checksums; the
 *   sender sees the status and progress of what they sent, not the files) · 401 · 403
 * - `POST /api/archive/send` `{ schoolYear }` (IT teacher) → 202 `{ id }`; 409 with
 *   `notFinal` when a class is not approved or not signed by the principal · 400 · 403 · 404
 * - `POST /api/archive/:id/receive` (clerk) → 200; 409 unless the entry is `sent` · 404
 * - `GET /api/archive/:id/verify` (readers) → each file `ok` | `changed` | `missing`
 * - `POST /api/archive/file` multipart `{ schoolYear, class, period, file }` (clerk): a scanned
 *   summary the teachers signed, PDF only · 400 · 413
 */
import {
  isSchoolYear,
  PERIOD_LABELS,
  PERIODS,
  slugify,
  type ArchiveFileState,
  type Period,
} from '@school/shared'
import { fileTypeFromBuffer } from 'file-type'
import type { Endpoint, PayloadRequest } from 'payload'

import { authorize } from '../access/authorize'
import { documentPolicy } from '../access/policy'
import { couldBeId, idFromText } from '../lib/ids'
import { localize, userError, type Message } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { withFlag } from '../lib/request-flags'
import type { ArchiveEntry, ArchiveFile, Group, User } from '../payload-types'
import {
  classesOfYear,
  failArchivesLeftPreparing,
  fileDocument,
  notFinalClasses,
  oneSendAtATime,
  receiveEntry,
  standingYearEndEntry,
  startYearEndSend,
  verifyFiles,
} from './archive'
import { PDF, type ArchiveClass } from './archive-producers'

/** A scanned summary of a class is a few pages: 20 MB is far above one and below a mistake. */
export const MAX_SIGNED_SUMMARY_BYTES = 20 * 1024 * 1024

const REFUSED = {
  list: {
    vi: 'Lưu trữ điện tử do Ban giám hiệu và văn thư xem; giáo viên Tin học xem tiến độ hồ sơ đã gửi.',
    en: 'The archive is read by leadership and the clerk; the IT teacher follows what they sent.',
  },
  send: {
    vi: 'Chỉ giáo viên Tin học (người quản trị phần mềm) gửi học bạ và bảng tổng hợp vào lưu trữ.',
    en: 'Only the IT teacher (who administers the software) sends the year to the archive.',
  },
  receive: {
    vi: 'Chỉ văn thư nhận hồ sơ vào lưu trữ.',
    en: 'Only the clerk receives entries into the archive.',
  },
  verify: {
    vi: 'Ban giám hiệu và văn thư kiểm tra tính toàn vẹn của lưu trữ.',
    en: 'Leadership and the clerk verify the archive.',
  },
  file: {
    vi: 'Chỉ văn thư lưu bảng tổng hợp có chữ ký của giáo viên.',
    en: 'Only the clerk files the summaries the teachers signed.',
  },
} satisfies Record<string, Message>

const NOT_FOUND = { vi: 'Không tìm thấy hồ sơ lưu trữ.', en: 'No such archive entry.' }
const BAD_YEAR = {
  vi: 'Năm học phải có dạng 2025-2026.',
  en: 'The school year must look like 2025-2026.',
}

function schoolYearFrom(req: PayloadRequest, value: unknown): string {
  if (!isSchoolYear(value)) throw userError(req, 400, BAD_YEAR)
  return value
}

/** The entry of the URL, read as the user: one they may not read is not found. */
async function entryOfUrl(req: PayloadRequest, depth: number): Promise<ArchiveEntry> {
  const id = req.routeParams?.id
  if (!couldBeId(id)) throw userError(req, 404, NOT_FOUND)
  const entry = await req.payload.findByID({
    collection: 'archive-entries',
    id: String(id),
    depth,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
    req,
  })
  if (!entry) throw userError(req, 404, NOT_FOUND)
  return entry
}

const nameOf = (value: unknown): string | null =>
  value && typeof value === 'object' && 'name' in value ? String(value.name) : null

export interface ArchiveListFile {
  id: number
  filename: string
  url: string | null
  kind: string
  className: string | null
  period: Period | null
  sha256: string
  byteSize: number | null
}

export interface ArchiveListEntry {
  id: number
  title: string
  kind: ArchiveEntry['kind']
  status: ArchiveEntry['status']
  schoolYear: string
  progress: { done: number; total: number }
  failure: string | null
  sentBy: string | null
  sentAt: string | null
  receivedBy: string | null
  receivedAt: string | null
  /** Absent for a reader who only follows the entry's progress (the sender). */
  files?: ArchiveListFile[]
}

function listed(entry: ArchiveEntry): ArchiveListEntry {
  const person = (value: unknown) =>
    value && typeof value === 'object' && 'fullName' in value
      ? String((value as User).fullName ?? (value as User).email)
      : null
  const answer: ArchiveListEntry = {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    status: entry.status,
    schoolYear: entry.schoolYear,
    progress: { done: entry.progress?.done ?? 0, total: entry.progress?.total ?? 0 },
    failure: entry.failure ?? null,
    sentBy: person(entry.sentBy),
    sentAt: entry.sentAt ?? null,
    receivedBy: person(entry.receivedBy),
    receivedAt: entry.receivedAt ?? null,
  }
  if (entry.files) {
    answer.files = entry.files.flatMap((row) => {
      const file = typeof row.file === 'object' ? (row.file as ArchiveFile) : null
      if (!file) return []
      return [
        {
          id: file.id,
          filename: file.filename ?? '',
          url: file.url ?? null,
          kind: row.kind,
          className: nameOf(row.class),
          period: (row.period as Period | null | undefined) ?? null,
          sha256: file.sha256 ?? '',
          byteSize: file.byteSize ?? null,
        },
      ]
    })
  }
  return answer
}

const listEndpoint: Endpoint = {
  path: '/archive',
  method: 'get',
  handler: async (req) => {
    await authorize(req, documentPolicy.archiveList, REFUSED.list)
    const schoolYear = schoolYearFrom(req, req.searchParams.get('schoolYear'))
    const { docs } = await req.payload.find({
      collection: 'archive-entries',
      where: { schoolYear: { equals: schoolYear } },
      sort: '-createdAt',
      depth: 1,
      limit: 0,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    return Response.json({ schoolYear, entries: docs.map(listed) })
  },
}

const sendEndpoint: Endpoint = {
  path: '/archive/send',
  method: 'post',
  handler: async (req) => {
    await authorize(req, documentPolicy.sendToArchive, REFUSED.send)
    const body = await jsonBodyOf(req)
    const schoolYear = schoolYearFrom(
      req,
      body && typeof body === 'object' ? (body as { schoolYear?: unknown }).schoolYear : null,
    )
    const classes = await classesOfYear(req, schoolYear)
    if (classes.length === 0) {
      throw userError(req, 404, {
        vi: `Năm học ${schoolYear} không có lớp nào.`,
        en: `The school year ${schoolYear} has no classes.`,
      })
    }
    return oneSendAtATime(() => checkAndStart(req, schoolYear, classes))
  },
}

async function checkAndStart(
  req: PayloadRequest,
  schoolYear: string,
  classes: ArchiveClass[],
): Promise<Response> {
  await failArchivesLeftPreparing(req.payload)
  const standing = await standingYearEndEntry(req, schoolYear)
  if (standing) {
    throw userError(
      req,
      409,
      standing.status === 'preparing'
        ? { vi: 'Năm học này đang được gửi vào lưu trữ.', en: 'This year is being sent.' }
        : {
            vi: `Năm học ${schoolYear} đã được gửi vào lưu trữ; hồ sơ đã gửi không gửi lại.`,
            en: `The school year ${schoolYear} was already sent to the archive.`,
          },
    )
  }
  const notFinal = await notFinalClasses(req, classes)
  if (notFinal.length > 0) {
    const message = localize(req, {
      vi:
        `Chưa gửi được: ${notFinal.length} lớp chưa có học bạ chính thức ` +
        `(${notFinal.map((group) => group.name).join(', ')}).`,
      en: `Not sent: ${notFinal.length} classes are not final.`,
    })
    return Response.json({ errors: [{ message }], notFinal }, { status: 409 })
  }
  const entry = await startYearEndSend(req, schoolYear, classes)
  return Response.json(
    { id: entry.id, status: entry.status, progress: entry.progress },
    { status: 202 },
  )
}

const receiveEndpoint: Endpoint = {
  path: '/archive/:id/receive',
  method: 'post',
  handler: async (req) => {
    await authorize(req, documentPolicy.receiveArchive, REFUSED.receive)
    const entry = await entryOfUrl(req, 0)
    await receiveEntry(req, entry)
    return Response.json(listed(await entryOfUrl(req, 1)))
  },
}

const verifyEndpoint: Endpoint = {
  path: '/archive/:id/verify',
  method: 'get',
  handler: async (req) => {
    await authorize(req, documentPolicy.verifyArchive, REFUSED.verify)
    const entry = await entryOfUrl(req, 1)
    const files = (entry.files ?? [])
      .map((row) => row.file)
      .filter((file): file is ArchiveFile => typeof file === 'object' && file !== null)
    const verified = await verifyFiles(req.payload, files)
    const count = (state: ArchiveFileState) => verified.filter((file) => file.state === state)
    return Response.json({
      id: entry.id,
      ok: verified.every((file) => file.state === 'ok'),
      checkedAt: new Date().toISOString(),
      changed: count('changed').length,
      missing: count('missing').length,
      files: verified,
    })
  },
}

interface SignedSummaryForm {
  schoolYear: string
  classId: number | string
  period: Period
  bytes: Buffer
}

async function signedSummaryForm(req: PayloadRequest): Promise<SignedSummaryForm> {
  const type = req.headers.get('content-type') ?? ''
  const form =
    type.startsWith('multipart/form-data') && req.formData
      ? await req.formData().catch(() => null)
      : null
  if (!form) {
    throw userError(req, 400, {
      vi: 'Hãy gửi biểu mẫu có năm học, lớp, kì đánh giá và tệp PDF đã quét.',
      en: 'Send a form with the school year, the class, the checkpoint and the scanned PDF.',
    })
  }
  const schoolYear = schoolYearFrom(req, form.get('schoolYear'))
  const period = form.get('period')
  if (typeof period !== 'string' || !(PERIODS as readonly string[]).includes(period)) {
    throw userError(req, 400, {
      vi: `Kì đánh giá phải là một trong: ${PERIODS.map((p) => PERIOD_LABELS[p].vi).join(', ')}.`,
      en: `The checkpoint must be one of ${PERIODS.join(', ')}.`,
    })
  }
  const classValue = form.get('class')
  const noClass = {
    vi: `Không có lớp này trong năm học ${schoolYear}.`,
    en: `No such class in ${schoolYear}.`,
  }
  if (typeof classValue !== 'string' || !couldBeId(classValue)) {
    throw userError(req, 400, noClass)
  }
  const file = form.get('file')
  if (!file || typeof file === 'string') {
    throw userError(req, 400, {
      vi: 'Chưa có tệp: hãy chọn bản quét (PDF) của bảng tổng hợp có chữ ký.',
      en: 'No file: choose the scanned PDF of the signed summary.',
    })
  }
  if (file.size > MAX_SIGNED_SUMMARY_BYTES) {
    throw userError(req, 413, {
      vi: 'Tệp quá lớn (tối đa 20 MB).',
      en: 'The file is too large (at most 20 MB).',
    })
  }
  const bytes = Buffer.from(await file.arrayBuffer())
  const detected = await fileTypeFromBuffer(bytes)
  if (detected?.mime !== PDF) {
    throw userError(req, 400, {
      vi: 'Tệp không phải PDF: hãy quét bảng tổng hợp có chữ ký thành tệp PDF.',
      en: 'The file is not a PDF: scan the signed summary to a PDF.',
    })
  }
  return { schoolYear, classId: idFromText(classValue), period: period as Period, bytes }
}

const fileEndpoint: Endpoint = {
  path: '/archive/file',
  method: 'post',
  handler: async (req) => {
    await authorize(req, documentPolicy.fileSignedSummary, REFUSED.file)
    const form = await signedSummaryForm(req)
    // The class's name and year are public (groups' `read` is anyone).
    const schoolClass = (await req.payload.findByID({
      collection: 'groups',
      id: form.classId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as Group | null
    if (
      !schoolClass ||
      schoolClass.kind !== 'class' ||
      schoolClass.schoolYear !== form.schoolYear
    ) {
      throw userError(req, 404, {
        vi: `Không có lớp này trong năm học ${form.schoolYear}.`,
        en: `No such class in ${form.schoolYear}.`,
      })
    }
    await authorize(req, documentPolicy.fileSignedSummary, REFUSED.file, {
      record: { class: schoolClass.id, schoolYear: form.schoolYear },
    })
    const periodName = PERIOD_LABELS[form.period].vi
    const filed = await fileDocument(req, {
      filename: `bang-tong-hop-ky-${slugify(schoolClass.name)}-${form.period}-${form.schoolYear}.pdf`,
      kind: 'signed-summary',
      body: form.bytes,
      contentType: PDF,
      period: form.period,
      classId: schoolClass.id,
      schoolYear: form.schoolYear,
    })
    const user = req.user as User
    const now = new Date().toISOString()
    const entry = await withFlag(req, 'archiving', () =>
      req.payload.create({
        collection: 'archive-entries',
        data: {
          title: `Bảng tổng hợp có chữ ký · ${schoolClass.name} · ${periodName} · ${form.schoolYear}`,
          schoolYear: form.schoolYear,
          kind: 'signed-summary',
          // The clerk files it: sent and received by the same hand, at once (Điều 13.1).
          status: 'received',
          progress: { done: 1, total: 1 },
          files: [
            { file: filed.id, kind: 'signed-summary', class: schoolClass.id, period: form.period },
          ],
          sentBy: user.id,
          sentAt: now,
          receivedBy: user.id,
          receivedAt: now,
        },
        depth: 0,
        overrideAccess: false,
        user,
        req,
      }),
    )
    return Response.json(
      { id: entry.id, file: { id: filed.id, sha256: filed.sha256, byteSize: filed.byteSize } },
      { status: 201 },
    )
  },
}

export const archiveEndpoints: Endpoint[] = [
  listEndpoint,
  sendEndpoint,
  receiveEndpoint,
  verifyEndpoint,
  fileEndpoint,
]
