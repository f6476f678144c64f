/**
 * The demo school's timetables (Điều 6, 17.4): one week per class from the start of the school
 * year, made from the demo teaching assignments (the homeroom teacher's subjects, the grade's
 * Đạo đức teacher, the specialists), without a teacher or a room in two places at once. Each goes
 * the real way as its people: the academic vice-principal saves and sends it, the principal
 * approves it, the web admin publishes it.
 */
import { createLocalReq, type Payload } from 'payload'
import { TIMETABLE_PERIODS, schoolYearOf, type TimetableDay } from '@school/shared'

import type { Group, User } from '../payload-types'
import { applyPublicationStep } from '../publication/apply'
import { timetableSource } from '../timetable/source'
import type { TimetableEntry } from '../timetable/checks'
import { demoTeachingAssignments } from './demo-assessment'
import { DEMO_GROUPS } from './demo-school'

/** Lessons a week per subject (the 2018 programme's yearly hours over 35 weeks, rounded). */
function weeklyLessons(grade: number): Record<string, number> {
  const common = { 'dao-duc': 1, 'hoat-dong-trai-nghiem': 3, 'giao-duc-the-chat': 2 }
  const arts = { 'am-nhac': 1, 'mi-thuat': 1 }
  if (grade <= 2) {
    return {
      'tieng-viet': grade === 1 ? 12 : 10,
      toan: grade === 1 ? 3 : 5,
      'tu-nhien-xa-hoi': 2,
      'ngoai-ngu': 2,
      ...common,
      ...arts,
    }
  }
  return {
    'tieng-viet': 7,
    toan: 5,
    'ngoai-ngu': 4,
    'tin-hoc-cong-nghe': 2,
    ...(grade === 3 ? { 'tu-nhien-xa-hoi': 2 } : { 'khoa-hoc': 2, 'lich-su-dia-li': 2 }),
    ...common,
    ...arts,
  }
}

/** Rooms of the specialists: one each, so a room is busy exactly when its teacher is. */
const SPECIAL_ROOMS: Record<string, string> = {
  'am-nhac': 'Phòng Âm nhạc',
  'mi-thuat': 'Phòng Mĩ thuật',
  'tin-hoc-cong-nghe': 'Phòng Tin học',
  'giao-duc-the-chat': 'Sân thể chất',
}

const DAYS: TimetableDay[] = ['2', '3', '4', '5', '6']

interface DemoLesson extends Omit<TimetableEntry, 'teacher'> {
  teacher: string
}

/** The week of every demo class, specialists placed first (they are shared between classes). */
export function demoTimetables(): Map<string, DemoLesson[]> {
  const assignments = demoTeachingAssignments()
  const busy = new Set<string>()
  const weeks = new Map<string, DemoLesson[]>()
  const classes = DEMO_GROUPS.filter((g) => g.kind === 'class')
  const slots = DAYS.flatMap((day) => TIMETABLE_PERIODS.map((p) => ({ day, period: p.period })))
  const wanted = classes.flatMap((group, classIndex) =>
    Object.entries(weeklyLessons(group.grade ?? 1)).map(([subject, count]) => {
      const teacher = assignments.find((a) => a.classKey === group.key && a.subject === subject)
      if (!teacher) throw new Error(`Demo timetable: nobody teaches ${subject} in ${group.key}`)
      return { group, classIndex, subject, count, teacher: teacher.teacher }
    }),
  )
  const shared = (teacher: string) =>
    new Set(assignments.filter((a) => a.teacher === teacher).map((a) => a.classKey)).size > 1
  // Shared teachers first; then each class's own subjects fill what is left.
  wanted.sort((a, b) => Number(shared(b.teacher)) - Number(shared(a.teacher)))
  for (const want of wanted) {
    const week = weeks.get(want.group.key) ?? []
    weeks.set(want.group.key, week)
    // Each class starts its search elsewhere in the week, so the specialists spread out.
    const offset = shared(want.teacher) ? (want.classIndex * 3) % slots.length : 0
    let placed = 0
    for (let pass = 0; pass < 2 && placed < want.count; pass += 1) {
      for (let i = 0; i < slots.length && placed < want.count; i += 1) {
        const slot = slots[(i + offset) % slots.length]!
        const key = `${slot.day}|${slot.period}`
        if (week.some((l) => `${l.day}|${l.period}` === key)) continue
        if (busy.has(`${want.teacher}|${key}`)) continue
        // First pass: one lesson of a subject a day; the second allows a double lesson.
        if (pass === 0 && week.some((l) => l.day === slot.day && l.subject === want.subject))
          continue
        busy.add(`${want.teacher}|${key}`)
        const className = want.group.name.replace(/^Lớp /, '')
        week.push({
          ...slot,
          subject: want.subject,
          teacher: want.teacher,
          room: SPECIAL_ROOMS[want.subject] ?? `Phòng ${className}`,
        })
        placed += 1
      }
    }
    if (placed < want.count) throw new Error(`Demo timetable: no room for ${want.subject}`)
  }
  return weeks
}

/** The first Monday of September of the school year. */
function firstSchoolDay(schoolYear: string): string {
  const date = new Date(Date.UTC(Number(schoolYear.slice(0, 4)), 8, 1))
  while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString()
}

export async function seedDemoTimetables(
  payload: Payload,
  staff: Map<string, User>,
): Promise<number> {
  const schoolYear = schoolYearOf(new Date())
  const person = (key: string) => {
    const user = staff.get(key)
    if (!user) throw new Error(`Demo timetable: unknown person "${key}"`)
    return user
  }
  const { docs: groups } = await payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const classOf = new Map(groups.map((g: Group) => [g.name, g]))
  const vp = await createLocalReq({ user: person('vp-academic') }, payload)
  const principal = await createLocalReq({ user: person('principal') }, payload)
  const webAdmin = await createLocalReq({ user: person('web-admin') }, payload)
  let published = 0
  for (const [classKey, lessons] of demoTimetables()) {
    const group = DEMO_GROUPS.find((g) => g.key === classKey)!
    const schoolClass = classOf.get(group.name)
    if (!schoolClass) continue
    const created = await payload.create({
      collection: 'timetables',
      data: {
        class: schoolClass.id,
        schoolYear,
        validFrom: firstSchoolDay(schoolYear),
        saturday: false,
        publicationStage: 'draft',
        entries: lessons.map((l) => ({ ...l, teacher: person(l.teacher).id })),
      },
      user: vp.user,
      overrideAccess: false,
      req: vp,
    })
    const step = (req: typeof vp, action: string) =>
      applyPublicationStep(req, timetableSource as never, { id: created.id, action })
    await step(vp, 'submit')
    await step(principal, 'approve')
    await step(webAdmin, 'publish')
    published += 1
  }
  return published
}
