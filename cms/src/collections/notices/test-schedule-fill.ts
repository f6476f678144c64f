/**
 * "Lấy từ lịch đánh giá": a test schedule's rows made from the checkpoints (TT27 Điều 7.2): each
 * subject with a periodic test at the period, for each grade that takes it, on the school days
 * from the checkpoint's opening (one subject a day, in the programme's order, in the morning).
 * Leadership then moves what the school plans otherwise; a new fill replaces the rows.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { plusDays, vietnamDay, type Period } from '@school/shared'

import { authorize } from '../../access/authorize'
import { testSchedulePolicy } from '../../access/policy'
import { allSubjects, isTested, periodWindow } from '../../assessment/catalogue'
import { couldBeId } from '../../lib/ids'
import { userError } from '../../lib/messages'
import type { TestSchedule } from '../../payload-types'

type Row = NonNullable<TestSchedule['rows']>[number]

const GRADES = [1, 2, 3, 4, 5]

/** The next school day (Monday to Friday) on or after `day`. */
function schoolDayFrom(day: string): string {
  let current = day
  for (;;) {
    const weekday = new Date(`${current}T00:00:00.000Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6) return current
    current = plusDays(current, 1)
  }
}

export async function rowsFromCheckpoints(
  req: PayloadRequest,
  schoolYear: string,
  period: Period,
): Promise<Row[]> {
  const window = await periodWindow(req, schoolYear, period)
  if (!window) {
    throw userError(req, 409, {
      vi: `Chưa có lịch đánh giá (kì đánh giá) của kì này năm học ${schoolYear}: Ban giám hiệu đặt trong "Kì đánh giá và hạn nhập" trước.`,
      en: `No checkpoint for this period of ${schoolYear} yet: set it in Checkpoints first.`,
    })
  }
  const rows: Row[] = []
  let day = schoolDayFrom(vietnamDay(window.opensOn))
  for (const subject of await allSubjects(req)) {
    const grades = GRADES.filter((grade) => isTested(subject, grade, period))
    if (grades.length === 0) continue
    const date = `${day}T05:00:00.000Z`
    for (const grade of grades) {
      rows.push({
        grade: String(grade) as Row['grade'],
        subject: subject.name,
        date,
        session: 'morning',
      })
    }
    day = schoolDayFrom(plusDays(day, 1))
  }
  return rows.sort((a, b) => Number(a.grade) - Number(b.grade) || a.date.localeCompare(b.date))
}

/** POST /api/test-schedules/:id/fill: 200 with the record · 401 · 403 · 404 · 409 no checkpoint. */
export const fillEndpoint: Endpoint = {
  path: '/:id/fill',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const id = String(req.routeParams?.id ?? '')
    if (!couldBeId(id)) throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
    let schedule: TestSchedule
    try {
      schedule = await req.payload.findByID({
        collection: 'test-schedules',
        id,
        depth: 0,
        user: req.user,
        overrideAccess: false,
        req,
      })
    } catch {
      throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
    }
    await authorize(req, testSchedulePolicy.fillFromCheckpoints, {
      vi: 'Chỉ Ban giám hiệu lấy lịch kiểm tra từ lịch đánh giá.',
      en: 'Only leadership fills the test schedule from the checkpoints.',
    })
    const rows = await rowsFromCheckpoints(req, schedule.schoolYear, schedule.period as Period)
    const doc = await req.payload.update({
      collection: 'test-schedules',
      id: schedule.id,
      data: { rows },
      depth: 0,
      user: req.user,
      overrideAccess: false,
      req,
    })
    return Response.json({ doc, filled: rows.length })
  },
}
