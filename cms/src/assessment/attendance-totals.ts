/**
 * Attendance totals per pupil for term I, term II and the year (Điều 9.3): the học bạ shows the
 * days absent with and without leave. GET /api/attendance/totals?class=<id>&schoolYear=2026-2027
 * (default: this school year), for leadership and the class's homeroom teacher.
 *
 * Term II starts the day after the `end1` checkpoint's window closes (the school closes term I
 * when its results are in); without such a window, on 15 January, when schools usually start it.
 * A session counts half a day when the class had two that day (`summarizeAttendance`).
 */
import type { Endpoint, PayloadRequest } from 'payload'
import {
  isSchoolYear,
  schoolYearOf,
  summarizeAttendance,
  vietnamDay,
  type AttendanceSessionRecord,
  type AttendanceTotals,
  type PupilAttendance,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { assessmentPolicy } from '../access/policy'
import { couldBeId, idFromText, idOf } from '../lib/ids'
import { userError } from '../lib/messages'
import { classById, periodWindow } from './catalogue'
import { pupilsOfClass, shiftDay } from './attendance-grid'

export const TERM2_RULE_TEXT =
  'Học kì II tính từ ngày sau ngày đóng cửa sổ nhập kết quả cuối học kì I; chưa có cửa sổ ' +
  'thì từ 15/01.'

/** The first day of term II of the school year (see the module's comment). */
export async function term2StartOf(req: PayloadRequest, schoolYear: string): Promise<string> {
  const window = await periodWindow(req, schoolYear, 'end1')
  if (window?.closesOn) return shiftDay(vietnamDay(window.closesOn), 1)
  return `${schoolYear.slice(5, 9)}-01-15`
}

/**
 * Totals of each pupil asked for, from the sessions of the school year that mark them or were
 * taken in their classes, as the request's user may read them: ask it as someone who reads the
 * pupils' attendance (leadership, their homeroom teacher). A pupil who changed class mid-year
 * gets the sum over both classes. For the transcript, as well as the endpoint below.
 */
export async function attendanceTotalsOf(
  req: PayloadRequest,
  studentIds: ReadonlyArray<number | string>,
  schoolYear: string,
): Promise<Map<string, PupilAttendance>> {
  const totals = new Map<string, PupilAttendance>()
  if (studentIds.length === 0) return totals
  const asked = studentIds.map(String)
  const { docs: pupils } = await req.payload.find({
    collection: 'students',
    where: { id: { in: studentIds as Array<number | string> } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { class: true },
    overrideAccess: false,
    user: req.user,
    req,
  })
  const classes = [...new Set(pupils.map((pupil) => idOf(pupil.class)).filter((id) => id !== null))]
  const [term2StartsOn, { docs }] = await Promise.all([
    term2StartOf(req, schoolYear),
    req.payload.find({
      collection: 'attendance',
      where: {
        and: [
          { schoolYear: { equals: schoolYear } },
          {
            or: [
              ...(classes.length > 0 ? [{ class: { in: classes } }] : []),
              { 'marks.student': { in: studentIds as Array<number | string> } },
            ],
          },
        ],
      },
      depth: 0,
      limit: 0,
      pagination: false,
      select: { class: true, date: true, day: true, session: true, marks: true },
      overrideAccess: false,
      user: req.user,
      req,
    }),
  ])
  // Half days depend on how many sessions a class had that day: one summary per class.
  const sessionsByClass = new Map<string, AttendanceSessionRecord[]>()
  for (const doc of docs) {
    const key = String(idOf(doc.class))
    const list = sessionsByClass.get(key) ?? []
    list.push({
      date: doc.day ?? vietnamDay(doc.date),
      session: doc.session,
      marks: (doc.marks ?? []).map((row) => ({ student: idOf(row.student)!, mark: row.mark })),
    })
    sessionsByClass.set(key, list)
  }
  const classOfPupil = new Map(pupils.map((pupil) => [String(pupil.id), String(idOf(pupil.class))]))
  const summaries = [...sessionsByClass].map(([classId, sessions]) => ({
    classId,
    summary: summarizeAttendance(sessions, { term2StartsOn, students: studentIds }),
  }))
  for (const student of asked) {
    // The pupil's own class counts its sessions even when it never marked them; another class
    // counts only where it marked the pupil.
    const relevant = summaries.filter(
      ({ classId, summary }) => classId === classOfPupil.get(student) || marked(summary, student),
    )
    const parts = relevant.map(({ summary }) => summary.of(student))
    totals.set(student, parts.length > 0 ? parts.reduce(addPupil) : emptyPupil())
  }
  return totals
}

function marked(summary: ReturnType<typeof summarizeAttendance>, student: string): boolean {
  const pupil = summary.of(student)
  const { excusedDays, unexcusedDays, lateCount } = pupil.year
  return excusedDays + unexcusedDays + lateCount > 0
}

const zero = (): AttendanceTotals => ({
  excusedDays: 0,
  unexcusedDays: 0,
  lateCount: 0,
  sessionsCounted: 0,
  daysCounted: 0,
})
const emptyPupil = (): PupilAttendance => ({ term1: zero(), term2: zero(), year: zero() })

const add = (a: AttendanceTotals, b: AttendanceTotals): AttendanceTotals => ({
  excusedDays: a.excusedDays + b.excusedDays,
  unexcusedDays: a.unexcusedDays + b.unexcusedDays,
  lateCount: a.lateCount + b.lateCount,
  sessionsCounted: a.sessionsCounted + b.sessionsCounted,
  daysCounted: a.daysCounted + b.daysCounted,
})
const addPupil = (a: PupilAttendance, b: PupilAttendance): PupilAttendance => ({
  term1: add(a.term1, b.term1),
  term2: add(a.term2, b.term2),
  year: add(a.year, b.year),
})

export interface ClassAttendanceTotals {
  class: { id: number | string; name: string }
  schoolYear: string
  term2StartsOn: string
  term2Rule: string
  pupils: Array<{ id: number | string; name: string; code: string | null } & PupilAttendance>
}

export async function classAttendanceTotals(
  req: PayloadRequest,
  classValue: unknown,
  schoolYearValue: unknown,
): Promise<ClassAttendanceTotals> {
  if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
  const schoolYear =
    schoolYearValue === undefined || schoolYearValue === ''
      ? schoolYearOf(new Date())
      : schoolYearValue
  if (!isSchoolYear(schoolYear)) {
    throw userError(req, 400, {
      vi: 'Năm học có dạng 2026-2027.',
      en: 'A school year looks like 2026-2027.',
    })
  }
  const id = typeof classValue === 'string' ? classValue.trim() : ''
  if (!couldBeId(id)) {
    throw userError(req, 400, { vi: 'Cần chọn lớp (tham số class).', en: 'Choose a class.' })
  }
  const schoolClass = await classById(req, idFromText(id))
  if (!schoolClass) throw userError(req, 404, { vi: 'Không tìm thấy lớp học.', en: 'Not found.' })
  await authorize(
    req,
    assessmentPolicy.readAttendance,
    {
      vi: 'Chỉ Ban giám hiệu và giáo viên chủ nhiệm của lớp xem điểm danh của lớp (Điều 9.3).',
      en: "Only leadership and the class's homeroom teacher read its attendance.",
    },
    { record: { class: schoolClass.id } },
  )
  const pupils = await pupilsOfClass(req, schoolClass.id)
  const [totals, term2StartsOn] = await Promise.all([
    attendanceTotalsOf(
      req,
      pupils.map((pupil) => pupil.id),
      schoolYear,
    ),
    term2StartOf(req, schoolYear),
  ])
  return {
    class: { id: schoolClass.id, name: schoolClass.name },
    schoolYear,
    term2StartsOn,
    term2Rule: TERM2_RULE_TEXT,
    pupils: pupils.map((pupil) => ({
      ...pupil,
      ...(totals.get(String(pupil.id)) ?? emptyPupil()),
    })),
  }
}

/** Registered on the `attendance` collection: Payload routes /api/attendance/* there. */
export const attendanceTotalsEndpoint: Endpoint = {
  path: '/totals',
  method: 'get',
  handler: async (req) =>
    Response.json(await classAttendanceTotals(req, req.query?.class, req.query?.schoolYear)),
}
