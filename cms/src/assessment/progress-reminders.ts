/**
 * Reminders to the teachers who are behind with a checkpoint (Điều 6; issue 11 point 5): they
 * see it on their dashboard, and get an email through the school's channel (cms/src/email.ts)
 * when leadership sends reminders, at most once a day per checkpoint.
 */
import type { PayloadRequest } from 'payload'
import { PERIOD_LABELS, formatDateVi, vietnamDay, type Period } from '@school/shared'

import { smtpConfigured } from '../email'
import { sameId } from '../lib/ids'
import type { User } from '../payload-types'
import { PROGRESS_STATUS_LABELS, checkpointProgress, isBehind, type ProgressRow } from './progress'
import { allAsUser } from '../lib/as-user'

export interface Reminder {
  teacher: Pick<User, 'id' | 'fullName' | 'email'>
  rows: ProgressRow[]
}

/**
 * Who is told: every teacher with a row behind (entries missing, the window closing within
 * three days or closed), among the rows the asking user follows.
 */
export async function reminderRecipients(
  req: PayloadRequest,
  schoolYear: string,
  period: Period,
  today = vietnamDay(),
): Promise<Reminder[]> {
  const progress = await checkpointProgress(req, schoolYear, period, today)
  const behind = progress.rows.filter(isBehind)
  const teacherIds = [...new Set(behind.map((row) => row.teacherId).filter((id) => id !== null))]
  if (teacherIds.length === 0) return []
  const { docs: teachers } = await req.payload.find({
    collection: 'users',
    where: { id: { in: teacherIds } },
    select: { fullName: true, email: true },
    ...allAsUser(req),
  })
  return teachers.map((teacher) => ({
    teacher: { id: teacher.id, fullName: teacher.fullName, email: teacher.email },
    rows: behind.filter((row) => sameId(row.teacherId, teacher.id)),
  }))
}

export function reminderMessage(
  reminder: Reminder,
  schoolYear: string,
  period: Period,
  url: string,
) {
  const checkpoint = `${PERIOD_LABELS[period].vi} năm học ${schoolYear}`
  const lines = reminder.rows.map(
    (row) =>
      `- ${row.className}, ${row.scopeName}: đã nhập ${row.done}/${row.required}` +
      ` (${PROGRESS_STATUS_LABELS[row.status].vi})`,
  )
  return {
    subject: `[Nhắc nhập kết quả] ${checkpoint}`,
    text: [
      `Kính gửi thầy/cô ${reminder.teacher.fullName},`,
      `Kết quả đánh giá ${checkpoint} còn thiếu (ngày ${formatDateVi(new Date())}):`,
      lines.join('\n'),
      `Mở trang tiến độ: ${url}`,
    ].join('\n\n'),
  }
}

const reminderKey = (schoolYear: string, period: Period, teacher: User['id']) =>
  `assessment-reminder:${schoolYear}:${period}:${String(teacher)}`

export interface ReminderOutcome {
  /** Teachers behind, whether or not emailed now. */
  recipients: Array<{ id: User['id']; fullName: string; rows: number }>
  sent: number
  /** Already reminded today about this checkpoint. */
  alreadyToday: number
  smtp: boolean
}

/**
 * Emails each teacher behind once per day and checkpoint (the day is kept in Payload's
 * key-value store, the server's own bookkeeping). Without SMTP nothing is sent and nothing is
 * marked: the dashboard still shows the teacher what is missing.
 */
export async function sendProgressReminders(
  req: PayloadRequest,
  schoolYear: string,
  period: Period,
  today = vietnamDay(),
): Promise<ReminderOutcome> {
  const reminders = await reminderRecipients(req, schoolYear, period, today)
  const outcome: ReminderOutcome = {
    recipients: reminders.map(({ teacher, rows }) => ({
      id: teacher.id,
      fullName: teacher.fullName,
      rows: rows.length,
    })),
    sent: 0,
    alreadyToday: 0,
    smtp: smtpConfigured(),
  }
  if (!outcome.smtp) return outcome
  const { payload } = req
  const url = `${payload.config.serverURL}${payload.config.routes.admin}/assessment-progress`
  for (const reminder of reminders) {
    const key = reminderKey(schoolYear, period, reminder.teacher.id)
    if ((await payload.kv.get<string>(key)) === today) {
      outcome.alreadyToday += 1
      continue
    }
    try {
      await payload.sendEmail({
        to: reminder.teacher.email,
        ...reminderMessage(reminder, schoolYear, period, url),
      })
      await payload.kv.set(key, today)
      outcome.sent += 1
    } catch (error) {
      payload.logger.error({ err: error, msg: `Could not remind ${reminder.teacher.email}` })
    }
  }
  return outcome
}
