/**
 * The attendance grid of a class and a week (Điều 9.3):
 * - GET  /api/attendance-grid?class=<id>&week=YYYY-MM-DD — the week (Monday to Friday) that
 *   holds `week` (default: this week in Vietnam), both sessions of each day, the class's pupils
 *   in Vietnamese name order and every mark. Leadership and the homeroom teacher.
 * - POST /api/attendance-grid { class, week, sessions: [{ date, session, taken, marks }] } —
 *   the week in one save, as the homeroom teacher: one `attendance` document per taken session
 *   (created or updated), none for a session not taken (an existing one is removed). Everything
 *   is checked first: a bad request answers 400 with every error and writes nothing.
 *
 * A pupil without a mark was present, as in the collection. Sessions the request does not name
 * stay as they are.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import {
  ATTENDANCE_MARKS,
  SESSIONS,
  compareVietnameseNames,
  mondayOf,
  schoolYearOf,
  vietnamDay,
  weekDays,
  type AttendanceMark,
  type Session,
} from '@school/shared'

import { authorize, isAllowed } from '../access/authorize'
import { assessmentPolicy } from '../access/policy'
import { couldBeId } from '../lib/ids'
import { localize, userError, type Message } from '../lib/messages'
import { inTransaction } from '../lib/transaction'
import type { Attendance, Group, Student } from '../payload-types'
import { classById } from './catalogue'
import { asUser, allAsUser } from '../lib/as-user'

/**
 * How far ahead the homeroom teacher may fill a session: a known leave ("xin phép nghỉ một
 * tuần"), announced by the family, is written when it is announced. Two weeks covers it.
 */
export const DAYS_AHEAD = 14

export type CellMark = AttendanceMark | 'present'

export interface GridMark {
  student: number | string
  mark: AttendanceMark
  reason: string | null
}

export interface GridSession {
  date: string
  session: Session
  /** Whether attendance was taken in that session (a document exists). */
  taken: boolean
  marks: GridMark[]
}

export interface GridPupil {
  id: number | string
  name: string
  code: string | null
  /** No longer studying in the class, listed because the week marks them. */
  left?: boolean
}

export interface AttendanceGrid {
  class: { id: number | string; name: string }
  week: string
  previousWeek: string
  nextWeek: string
  days: string[]
  sessions: GridSession[]
  pupils: GridPupil[]
  /** Whether the reader may save this class's attendance (its homeroom teacher). */
  editable: boolean
  /** The first and last day a save accepts (the school year's start; today + DAYS_AHEAD). */
  firstDay: string
  lastDay: string
}

export interface GridError {
  /** Where the error is: `sessions[3].marks[0].mark`, or `week`, `class`. */
  path: string
  message: string
}

const READ_REFUSED: Message = {
  vi: 'Chỉ Ban giám hiệu và giáo viên chủ nhiệm của lớp xem điểm danh của lớp (Điều 9.3).',
  en: "Only leadership and the class's homeroom teacher read its attendance.",
}
const TAKE_REFUSED: Message = {
  vi: 'Chỉ giáo viên chủ nhiệm của lớp điểm danh lớp (Điều 9.3).',
  en: "Only the class's homeroom teacher takes its attendance.",
}
const CLASS_NOT_FOUND: Message = { vi: 'Không tìm thấy lớp học.', en: 'Class not found.' }
const LOGIN_REQUIRED: Message = { vi: 'Cần đăng nhập.', en: 'You must log in.' }

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10)
}

/** 1 September of the school year that holds `day`: the earliest day attendance is taken for. */
export function schoolYearStart(day: string): string {
  return `${schoolYearOf(new Date(`${day}T12:00:00+07:00`)).slice(0, 4)}-09-01`
}

/** The instant stored in `date` for a school day: noon in Vietnam, so every time zone agrees. */
const instantOf = (day: string) => new Date(`${day}T12:00:00+07:00`).toISOString()

/** The class's pupils who are studying, in Vietnamese name order, as the reader may read them. */
export async function pupilsOfClass(req: PayloadRequest, classId: Group['id']) {
  const { docs } = await req.payload.find({
    collection: 'students',
    where: { and: [{ class: { equals: classId } }, { status: { equals: 'studying' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { fullName: true, studentCode: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  return (docs as Array<Pick<Student, 'id' | 'fullName' | 'studentCode'>>)
    .map((pupil) => ({ id: pupil.id, name: pupil.fullName ?? '', code: pupil.studentCode ?? null }))
    .sort((a, b) => compareVietnameseNames(a.name, b.name))
}

/**
 * The week's pupils: those studying in the class, and those the week's sessions mark who have
 * left since (a transfer mid-week), so that their marks stay visible and a session re-saved
 * with them is not refused.
 */
async function pupilsOfWeek(
  req: PayloadRequest,
  classId: Group['id'],
  docs: Attendance[],
): Promise<GridPupil[]> {
  const studying = await pupilsOfClass(req, classId)
  const listed = new Set(studying.map((pupil) => String(pupil.id)))
  const missing = [
    ...new Set(docs.flatMap((doc) => marksOf(doc).map((mark) => String(mark.student)))),
  ].filter((id) => !listed.has(id))
  if (missing.length === 0) return studying
  const { docs: former } = await req.payload.find({
    collection: 'students',
    where: { id: { in: missing } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { fullName: true, studentCode: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  const left = (former as Array<Pick<Student, 'id' | 'fullName' | 'studentCode'>>).map(
    (pupil): GridPupil => ({
      id: pupil.id,
      name: pupil.fullName ?? '',
      code: pupil.studentCode ?? null,
      left: true,
    }),
  )
  return [...studying, ...left.sort((a, b) => compareVietnameseNames(a.name, b.name))]
}

async function sessionsOfWeek(req: PayloadRequest, classId: Group['id'], days: string[]) {
  const { docs } = await req.payload.find({
    collection: 'attendance',
    where: { and: [{ class: { equals: classId } }, { day: { in: days } }] },
    ...allAsUser(req),
  })
  return docs
}

const keyOf = (day: string, session: string) => `${day} ${session}`

function marksOf(doc: Attendance): GridMark[] {
  return (doc.marks ?? []).map((row) => ({
    student: typeof row.student === 'object' ? row.student.id : row.student,
    mark: row.mark,
    reason: row.reason ?? null,
  }))
}

/** The class in the query or body, existing, else 404; nobody logged in, 401. */
async function classOf(req: PayloadRequest, value: unknown): Promise<Group> {
  if (!req.user) throw userError(req, 401, LOGIN_REQUIRED)
  const id = typeof value === 'number' ? value : typeof value === 'string' ? value.trim() : ''
  if (id === '' || !couldBeId(id)) {
    throw userError(req, 400, {
      vi: 'Cần chọn lớp (tham số class).',
      en: 'Choose a class (the class parameter).',
    })
  }
  const schoolClass = await classById(req, /^\d+$/.test(String(id)) ? Number(id) : id)
  if (!schoolClass) throw userError(req, 404, CLASS_NOT_FOUND)
  return schoolClass
}

function weekOf(req: PayloadRequest, value: unknown): string {
  if (value === undefined || value === null || value === '') return mondayOf(vietnamDay())
  if (!isIsoDate(value)) {
    throw userError(req, 400, {
      vi: 'Tuần cần là một ngày dạng YYYY-MM-DD (thứ Hai của tuần).',
      en: 'The week is a date YYYY-MM-DD (its Monday).',
    })
  }
  return mondayOf(value)
}

export async function attendanceGrid(
  req: PayloadRequest,
  classValue: unknown,
  weekValue: unknown,
): Promise<AttendanceGrid> {
  const schoolClass = await classOf(req, classValue)
  const week = weekOf(req, weekValue)
  const record = { record: { class: schoolClass.id } }
  await authorize(req, assessmentPolicy.readAttendance, READ_REFUSED, record)
  const days = weekDays(week)
  const [docs, editable] = await Promise.all([
    sessionsOfWeek(req, schoolClass.id, days),
    isAllowed(req, assessmentPolicy.takeAttendance, record),
  ])
  const pupils = await pupilsOfWeek(req, schoolClass.id, docs)
  const byKey = new Map(docs.map((doc) => [keyOf(doc.day ?? '', doc.session), doc]))
  const sessions = days.flatMap((date) =>
    SESSIONS.map((session): GridSession => {
      const doc = byKey.get(keyOf(date, session))
      return { date, session, taken: Boolean(doc), marks: doc ? marksOf(doc) : [] }
    }),
  )
  const today = vietnamDay()
  return {
    class: { id: schoolClass.id, name: schoolClass.name },
    week,
    previousWeek: shiftDay(week, -7),
    nextWeek: shiftDay(week, 7),
    days,
    sessions,
    pupils,
    editable,
    firstDay: schoolYearStart(today),
    lastDay: shiftDay(today, DAYS_AHEAD),
  }
}

interface CheckedSession {
  date: string
  session: Session
  taken: boolean
  marks: GridMark[]
}

const sessionLabel = (date: string, session: Session) =>
  `${date.slice(8, 10)}/${date.slice(5, 7)} ${session === 'morning' ? 'sáng' : 'chiều'}`

/** Every error of the request at once, in Vietnamese (or English), and the sessions it holds. */
export function checkWeek(
  req: PayloadRequest,
  body: { week: string; sessions: unknown },
  pupils: ReadonlyArray<Pick<GridPupil, 'id' | 'name'>>,
  today: string,
): { errors: GridError[]; sessions: CheckedSession[] } {
  const errors: GridError[] = []
  const fail = (path: string, message: Message) =>
    errors.push({ path, message: localize(req, message) })
  const days = new Set(weekDays(body.week))
  const pupilById = new Map(pupils.map((pupil) => [String(pupil.id), pupil]))
  const firstDay = schoolYearStart(today)
  const lastDay = shiftDay(today, DAYS_AHEAD)
  const checked: CheckedSession[] = []
  const seen = new Set<string>()
  if (!Array.isArray(body.sessions)) {
    fail('sessions', {
      vi: 'Cần gửi danh sách buổi (sessions).',
      en: 'Send the list of sessions.',
    })
    return { errors, sessions: checked }
  }
  body.sessions.forEach((value: unknown, index) => {
    const at = `sessions[${index}]`
    const entry = (value ?? {}) as Record<string, unknown>
    const { date, session, taken, marks } = entry
    let where = `Buổi thứ ${index + 1}`
    let valid = true
    if (!isIsoDate(date) || !days.has(date)) {
      valid = false
      fail(`${at}.date`, {
        vi: `${where}: ngày cần là một ngày từ thứ Hai đến thứ Sáu của tuần ${body.week}.`,
        en: `Session ${index + 1}: the date must be a school day of the week of ${body.week}.`,
      })
    }
    if (!(SESSIONS as readonly unknown[]).includes(session)) {
      valid = false
      fail(`${at}.session`, {
        vi: `${where}: buổi cần là "morning" (sáng) hoặc "afternoon" (chiều).`,
        en: `Session ${index + 1}: the session is "morning" or "afternoon".`,
      })
    }
    if (typeof taken !== 'boolean') {
      valid = false
      fail(`${at}.taken`, {
        vi: `${where}: cần cho biết buổi đã điểm danh hay chưa (taken: true/false).`,
        en: `Session ${index + 1}: say whether attendance was taken (taken: true/false).`,
      })
    }
    if (!valid) return
    const day = date as string
    const sessionName = session as Session
    where = `Buổi ${sessionLabel(day, sessionName)}`
    const key = keyOf(day, sessionName)
    if (seen.has(key)) {
      fail(at, {
        vi: `${where} được gửi hai lần.`,
        en: `The session ${day} ${sessionName} is sent twice.`,
      })
      return
    }
    seen.add(key)
    if (day < firstDay) {
      fail(`${at}.date`, {
        vi: `${where}: trước năm học (năm học bắt đầu ${firstDay}).`,
        en: `${day}: before the school year (it starts on ${firstDay}).`,
      })
    }
    if (day > lastDay) {
      fail(`${at}.date`, {
        vi:
          `${where}: chỉ điểm danh trước tối đa ${DAYS_AHEAD} ngày (cho học sinh xin nghỉ ` +
          `có phép), tức đến ${lastDay}.`,
        en: `${day}: attendance is filled at most ${DAYS_AHEAD} days ahead (until ${lastDay}).`,
      })
    }
    const rows = marks === undefined || marks === null ? [] : marks
    if (!Array.isArray(rows)) {
      fail(`${at}.marks`, {
        vi: `${where}: marks cần là một danh sách.`,
        en: `${day} ${sessionName}: marks must be a list.`,
      })
      return
    }
    const kept: GridMark[] = []
    const marked = new Set<string>()
    rows.forEach((row: unknown, rowIndex) => {
      const markAt = `${at}.marks[${rowIndex}]`
      const { student, mark, reason } = (row ?? {}) as Record<string, unknown>
      const pupil = pupilById.get(String(student))
      if ((typeof student !== 'number' && typeof student !== 'string') || !pupil) {
        fail(`${markAt}.student`, {
          vi: `${where}: học sinh ${String(student)} không thuộc lớp.`,
          en: `${day} ${sessionName}: pupil ${String(student)} is not in the class.`,
        })
        return
      }
      if (marked.has(String(pupil.id))) {
        fail(`${markAt}.student`, {
          vi: `${where}: ${pupil.name} được điểm danh hai lần.`,
          en: `${day} ${sessionName}: ${pupil.name} is marked twice.`,
        })
        return
      }
      marked.add(String(pupil.id))
      if (mark !== 'present' && !(ATTENDANCE_MARKS as readonly unknown[]).includes(mark)) {
        fail(`${markAt}.mark`, {
          vi:
            `${where}: ${pupil.name}: "${String(mark)}" không phải một mức điểm danh ` +
            '(present, excused, unexcused, late).',
          en: `${day} ${sessionName}: ${pupil.name}: "${String(mark)}" is not a mark.`,
        })
        return
      }
      if (reason !== undefined && reason !== null && typeof reason !== 'string') {
        fail(`${markAt}.reason`, {
          vi: `${where}: ${pupil.name}: lý do cần là chữ.`,
          en: `${day} ${sessionName}: ${pupil.name}: the reason is text.`,
        })
        return
      }
      const text = typeof reason === 'string' ? reason.trim() : ''
      if (text.length > 200) {
        fail(`${markAt}.reason`, {
          vi: `${where}: ${pupil.name}: lý do dài quá 200 ký tự.`,
          en: `${day} ${sessionName}: ${pupil.name}: the reason is over 200 characters.`,
        })
        return
      }
      // "Present" is what no mark means: it is not stored.
      if (mark === 'present') return
      kept.push({ student: pupil.id, mark: mark as AttendanceMark, reason: text || null })
    })
    if (!taken && kept.length > 0) {
      fail(`${at}.taken`, {
        vi: `${where} có học sinh vắng hoặc muộn: hãy đánh dấu buổi đã điểm danh.`,
        en: `${day} ${sessionName} has absent or late pupils: mark it as taken.`,
      })
      return
    }
    checked.push({ date: day, session: sessionName, taken: taken as boolean, marks: kept })
  })
  return { errors, sessions: checked }
}

const sameMarks = (a: GridMark[], b: GridMark[]) => {
  const text = (marks: GridMark[]) =>
    JSON.stringify(
      marks
        .map((mark) => [String(mark.student), mark.mark, mark.reason ?? ''])
        .sort((x, y) => x[0].localeCompare(y[0])),
    )
  return text(a) === text(b)
}

export interface SaveResult {
  created: number
  updated: number
  removed: number
  unchanged: number
}

/** Saves the week as the user; `errors` not empty means nothing was written. */
export async function saveAttendanceWeek(
  req: PayloadRequest,
  body: Record<string, unknown>,
): Promise<{ errors: GridError[] } | { saved: SaveResult; grid: AttendanceGrid }> {
  const schoolClass = await classOf(req, body.class)
  const week = weekOf(req, body.week)
  await authorize(req, assessmentPolicy.takeAttendance, TAKE_REFUSED, {
    record: { class: schoolClass.id },
  })
  const existing = await sessionsOfWeek(req, schoolClass.id, weekDays(week))
  const pupils = await pupilsOfWeek(req, schoolClass.id, existing)
  const { errors, sessions } = checkWeek(
    req,
    { week, sessions: body.sessions },
    pupils,
    vietnamDay(),
  )
  if (errors.length > 0) return { errors }

  const byKey = new Map(existing.map((doc) => [keyOf(doc.day ?? '', doc.session), doc]))
  const saved: SaveResult = { created: 0, updated: 0, removed: 0, unchanged: 0 }
  await inTransaction(req, async () => {
    for (const entry of sessions) {
      const doc = byKey.get(keyOf(entry.date, entry.session))
      const marks = entry.marks.map((mark) => ({
        student: mark.student as number,
        mark: mark.mark,
        reason: mark.reason,
      }))
      if (!entry.taken) {
        if (!doc) continue
        await req.payload.delete({ collection: 'attendance', id: doc.id, ...asUser(req) })
        saved.removed += 1
      } else if (!doc) {
        await req.payload.create({
          collection: 'attendance',
          data: {
            class: schoolClass.id,
            date: instantOf(entry.date),
            session: entry.session,
            marks,
          },
          ...asUser(req),
        })
        saved.created += 1
      } else if (sameMarks(marksOf(doc), entry.marks)) {
        saved.unchanged += 1
      } else {
        await req.payload.update({
          collection: 'attendance',
          id: doc.id,
          data: { marks },
          ...asUser(req),
        })
        saved.updated += 1
      }
    }
  })
  return { saved, grid: await attendanceGrid(req, schoolClass.id, week) }
}

async function readJson(req: PayloadRequest): Promise<Record<string, unknown>> {
  let body: unknown
  try {
    body = (await req.json?.()) ?? null
  } catch {
    body = null
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw userError(req, 400, {
      vi: 'Cần gửi JSON { class, week, sessions: [...] }.',
      en: 'Send JSON { class, week, sessions: [...] }.',
    })
  }
  return body as Record<string, unknown>
}

export const attendanceGridEndpoint: Endpoint = {
  path: '/attendance-grid',
  method: 'get',
  handler: async (req) =>
    Response.json(await attendanceGrid(req, req.query?.class, req.query?.week)),
}

export const saveAttendanceGridEndpoint: Endpoint = {
  path: '/attendance-grid',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN_REQUIRED)
    const result = await saveAttendanceWeek(req, await readJson(req))
    if ('errors' in result) {
      return Response.json(
        {
          message: localize(req, {
            vi: `Có ${result.errors.length} lỗi; chưa lưu buổi nào. Sửa các lỗi rồi lưu lại.`,
            en: `${result.errors.length} errors; nothing was saved.`,
          }),
          errors: result.errors,
        },
        { status: 400 },
      )
    }
    return Response.json(result)
  },
}
