/**
 * The timetable's public page (Điều 17.4): one notice per class, `/thoi-khoa-bieu/<3a>/`. Only
 * what a parent needs: the days, the periods and their times, each lesson's subject and room,
 * and the teacher's name only when that teacher agreed to appear on the website
 * (`users.websiteConsent`). No pupil is in a timetable, and none is put here.
 */
import type { PayloadRequest } from 'payload'
import {
  TIMETABLE_PERIODS,
  timetableClassKey,
  timetableDays,
  type PublicTimetableData,
  type TimetableDay,
} from '@school/shared'

import { allSubjects, classById } from '../assessment/catalogue'
import type { NoticeSnapshot, NoticeSource } from '../publication'
import type { Timetable, User } from '../payload-types'
import { readEntries, refusalMessage, timetableProblems } from './checks'

async function consentingNames(req: PayloadRequest, ids: Array<number | string>) {
  if (ids.length === 0) return new Map<string, string>()
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { and: [{ id: { in: ids } }, { websiteConsent: { equals: true } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { fullName: true },
    overrideAccess: true,
    req,
  })
  return new Map(
    docs.map((user: Pick<User, 'id' | 'fullName'>) => [String(user.id), user.fullName]),
  )
}

export async function timetableSnapshot(
  req: PayloadRequest,
  doc: Timetable,
): Promise<NoticeSnapshot> {
  const schoolClass = await classById(req, doc.class)
  const className = schoolClass?.name ?? ''
  const key = timetableClassKey(className)
  const entries = readEntries(doc.entries)
  const subjects = new Map((await allSubjects(req)).map((s) => [s.code, s.name]))
  const names = await consentingNames(req, [
    ...new Set(entries.flatMap((e) => (e.teacher === null ? [] : [e.teacher]))),
  ])
  const days = timetableDays(doc.saturday)
  const lessons = entries
    .filter((e) => days.includes(e.day as TimetableDay))
    .sort((a, b) => a.day.localeCompare(b.day) || a.period - b.period)
    .map((e) => ({
      day: e.day as TimetableDay,
      period: e.period,
      subject: subjects.get(e.subject) ?? e.subject,
      teacher: e.teacher === null ? null : (names.get(String(e.teacher)) ?? null),
      room: e.room,
    }))
  const data: PublicTimetableData = {
    className,
    grade: schoolClass?.grade ?? null,
    validFrom: String(doc.validFrom).slice(0, 10),
    days,
    periods: [...TIMETABLE_PERIODS],
    lessons,
  }
  return {
    key,
    title: `Thời khóa biểu ${className.replace(/^Lớp /, 'lớp ')}`,
    path: `/thoi-khoa-bieu/${key}/`,
    schoolYear: doc.schoolYear,
    data: data as unknown as Record<string, unknown>,
  }
}

export const timetableSource: NoticeSource<Timetable> = {
  collection: 'timetables',
  kind: 'timetable',
  snapshot: timetableSnapshot,
  missingForSubmission: async (_req, doc) =>
    readEntries(doc.entries).length === 0
      ? {
          vi: 'Thời khóa biểu chưa có tiết học nào.',
          en: 'The timetable has no lessons yet.',
        }
      : null,
  // An assignment or a subject may have changed since the last save: checked again.
  problemForPublication: async (req, doc) => {
    const problems = await timetableProblems(req, { ...doc, class: doc.class })
    return problems.length > 0 ? refusalMessage(problems) : null
  },
}
