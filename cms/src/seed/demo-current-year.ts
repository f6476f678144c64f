/**
 * The demo school's current year as it stands on the day of seeding (issue 11, point 9): `mid1`
 * entered for most classes (4B's Âm nhạc half done, 1B's Giáo dục thể chất not yet) and closed;
 * the qualities and competencies of `mid1`; attendance for the last three weeks, with one leave
 * filled in ahead for next week; the school's comment bank. Then, as the real people through the
 * real steps: the open `end1` begun by the demo subject teacher in 3B's Ngoại ngữ, and three
 * correction requests of 3A's `mid1` (pending, approved by the demo vice-principal, refused).
 */
import { createLocalReq, type Payload } from 'payload'
import {
  compareVietnameseNames,
  mondayOf,
  schoolYearOf,
  SUBJECT_LEVELS,
  vietnamDay,
  weekDays,
  type AttendanceMark,
  type QualityLevel,
} from '@school/shared'

import { decideCorrection } from '../assessment/corrections'
import type { Assessment, Group, Student, User } from '../payload-types'
import {
  rowId,
  storeSeededHistory,
  type DemoAssessmentContext,
  type SeededPupil,
} from './demo-assessment'
import { generator } from './demo-records'
import {
  DEMO_ELECTIVES,
  OWN_ENGLISH_COMMENTS,
  pupilProfile,
  pupilResults,
  SHARED_TRAIT_COMMENTS,
  sharedCommentsOf,
  subjectsOfGrade,
} from './demo-results'
import { DEMO_GROUPS } from './demo-school'

const DAY = 24 * 60 * 60 * 1000

/** Entries the teachers have not made yet: class key → subject → how many pupils are done. */
const UNFINISHED: Record<string, Record<string, number>> = {
  'class-4B': { 'am-nhac': 0.5 },
  'class-1B': { 'giao-duc-the-chat': 0 },
}

/** Pupils of the class still studying here, in the class list's (Vietnamese name) order. */
export function pupilsOfClass(pupils: SeededPupil[], classKey: string): SeededPupil[] {
  return pupils
    .filter((pupil) => `class-${pupil.demo.className}` === classKey && pupil.status === 'studying')
    .sort((a, b) => compareVietnameseNames(a.demo.fullName, b.demo.fullName))
}

const classKeys = () => DEMO_GROUPS.filter((group) => group.kind === 'class').map((g) => g.key)

async function teachersOfYear(context: DemoAssessmentContext): Promise<Map<string, User['id']>> {
  const { docs } = await context.req.payload.find({
    collection: 'teaching-assignments',
    where: { schoolYear: { equals: context.schoolYear } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req: context.req,
  })
  return new Map(docs.map((doc) => [`${String(doc.class)}:${doc.subject}`, doc.teacher as number]))
}

/** `mid1` of every class (but the unfinished ones) and its trait sheets, entered last week. */
async function seedMidTerm(context: DemoAssessmentContext, today: Date): Promise<number> {
  const teacherOf = await teachersOfYear(context)
  const at = new Date(today.getTime() - 8 * DAY).toISOString()
  const entries: Array<Record<string, unknown>> = []
  const sheets: Array<Record<string, unknown>> = []
  for (const classKey of classKeys()) {
    const group = DEMO_GROUPS.find((candidate) => candidate.key === classKey)!
    const classId = context.groupIds.get(classKey)!
    const grade = group.grade!
    const pupils = pupilsOfClass(context.pupils, classKey)
    const homeroom = context.users.get(group.homeroomTeacher!)!
    pupils.forEach((pupil, seat) => {
      // The same pupil as last year: their ability is drawn from the same seed.
      const profile = pupilProfile(generator(10_000 + pupil.index))
      const random = generator(20_000 + pupil.index)
      const subjects = subjectsOfGrade(grade, DEMO_ELECTIVES[grade] ?? [])
      const { entries: results, sheets: traitSheets } = pupilResults(
        profile,
        grade,
        subjects,
        ['mid1'],
        random,
      )
      for (const result of results) {
        const done = UNFINISHED[classKey]?.[result.subject]
        if (done !== undefined && seat >= Math.floor(pupils.length * done)) continue
        entries.push({
          student: pupil.id,
          class: classId,
          subject: result.subject,
          period: 'mid1',
          schoolYear: context.schoolYear,
          level: result.level,
          score: result.score,
          comment: result.comment,
          attempts:
            result.score === null ? [] : [{ id: rowId(), score: result.score, recordedAt: at }],
          enteredBy: teacherOf.get(`${String(classId)}:${result.subject}`) ?? null,
          createdAt: at,
          updatedAt: at,
        })
      }
      for (const sheet of traitSheets) {
        sheets.push({
          student: pupil.id,
          class: classId,
          period: 'mid1',
          schoolYear: context.schoolYear,
          traits: sheet.traits.map((row) => ({ id: rowId(), ...row })),
          qualitiesComment: sheet.qualitiesComment,
          competenciesComment: sheet.competenciesComment,
          enteredBy: homeroom.id,
          createdAt: at,
          updatedAt: at,
        })
      }
    })
  }
  await storeSeededHistory(context.req, 'assessments', entries)
  await storeSeededHistory(context.req, 'trait-assessments', sheets)
  return entries.length
}

const EXCUSED_REASONS = [
  'Ốm, gia đình đã xin phép',
  'Sốt, có giấy xin phép của phụ huynh',
  'Gia đình có việc, đã báo cô chủ nhiệm',
]
const UNEXCUSED_REASONS = ['Không có thông tin từ gia đình', '']

/** The school days of the last three weeks before today, and next week's. */
function attendanceDays(today: string) {
  const thisMonday = mondayOf(today)
  const monday = (weeks: number) =>
    new Date(new Date(`${thisMonday}T00:00:00Z`).getTime() + weeks * 7 * DAY)
      .toISOString()
      .slice(0, 10)
  const past = [-3, -2, -1, 0].flatMap((weeks) => weekDays(monday(weeks))).filter((d) => d < today)
  return { past, nextWeek: weekDays(monday(1)) }
}

/**
 * A class's attendance over school days, morning and afternoon: a record per session holding
 * only who was absent (a whole day, with or without leave) or late (one session).
 */
export function classSessions(options: {
  classId: Group['id']
  pupils: Array<Student['id']>
  days: string[]
  takenBy: User['id']
  seed: number
}): Array<Record<string, unknown>> {
  const random = generator(options.seed)
  const rows: Array<Record<string, unknown>> = []
  for (const day of options.days) {
    const marks = { morning: [] as typeof rows, afternoon: [] as typeof rows }
    for (const student of options.pupils) {
      const roll = random.next()
      const whole: AttendanceMark | null =
        roll < 0.014 ? 'excused' : roll < 0.018 ? 'unexcused' : null
      if (whole) {
        const reason = random.pick(whole === 'excused' ? EXCUSED_REASONS : UNEXCUSED_REASONS)
        for (const session of ['morning', 'afternoon'] as const) {
          marks[session].push({ id: rowId(), student, mark: whole, reason })
        }
      } else if (roll < 0.026) {
        marks.morning.push({ id: rowId(), student, mark: 'late', reason: 'Đến lớp sau 7 giờ' })
      }
    }
    for (const session of ['morning', 'afternoon'] as const) {
      rows.push(attendanceRow(options, day, session, marks[session]))
    }
  }
  return rows
}

const dateOf = (day: string) => new Date(`${day}T12:00:00+07:00`).toISOString()

/**
 * Attendance of every class, morning and afternoon, over the last three weeks (a record per
 * session, holding only who was absent or late), and one leave the homeroom teacher of 3B
 * filled in ahead for next Wednesday and Thursday (Điều 9.3).
 */
async function seedAttendance(context: DemoAssessmentContext, today: Date): Promise<number> {
  const { past, nextWeek } = attendanceDays(vietnamDay(today))
  const rows: Array<Record<string, unknown>> = []
  for (const classKey of classKeys()) {
    const group = DEMO_GROUPS.find((candidate) => candidate.key === classKey)!
    const classId = context.groupIds.get(classKey)!
    const takenBy = context.users.get(group.homeroomTeacher!)!.id
    const pupils = pupilsOfClass(context.pupils, classKey)
    rows.push(
      ...classSessions({
        classId,
        pupils: pupils.map((pupil) => pupil.id),
        days: past,
        takenBy,
        seed: 30_000 + classKeys().indexOf(classKey),
      }),
    )
  }
  // A leave known ahead: a pupil of 3B goes to hospital for a check next Wednesday and Thursday.
  const classId = context.groupIds.get('class-3B')!
  const pupil = pupilsOfClass(context.pupils, 'class-3B')[4]!
  const takenBy = context.users.get('homeroom-3b')!.id
  for (const day of nextWeek.slice(2, 4)) {
    for (const session of ['morning', 'afternoon'] as const) {
      const mark = {
        id: rowId(),
        student: pupil.id,
        mark: 'excused',
        reason: 'Đi khám tại Bệnh viện Nhi Trung ương, gia đình đã xin phép trước',
      }
      rows.push(attendanceRow({ classId, takenBy }, day, session, [mark]))
    }
  }
  await storeSeededHistory(context.req, 'attendance', rows)
  return rows.length
}

function attendanceRow(
  where: { classId: Group['id']; takenBy: User['id'] },
  day: string,
  session: 'morning' | 'afternoon',
  marks: Array<Record<string, unknown>>,
): Record<string, unknown> {
  const at = new Date(`${day}T${session === 'morning' ? '07:40' : '14:10'}:00+07:00`).toISOString()
  return {
    class: where.classId,
    date: dateOf(day),
    day,
    session,
    // As the collection's hook sets it: the school year of the day.
    schoolYear: schoolYearOf(new Date(`${day}T12:00:00+07:00`)),
    marks,
    takenBy: where.takenBy,
    createdAt: at,
    updatedAt: at,
  }
}

/** The school's shared templates (kept by the vice-principal) and the subject teacher's own. */
async function seedCommentBank(context: DemoAssessmentContext): Promise<number> {
  const { req } = context
  const keeper = context.users.get('vp-academic')!.id
  const own = context.users.get('english-1')!.id
  const templates: Array<{
    subject: string
    level: string
    text: string
    shared: boolean
    owner: User['id']
  }> = []
  const subjects = [
    ...new Set(
      classKeys().flatMap((key) => {
        const grade = DEMO_GROUPS.find((group) => group.key === key)!.grade!
        return subjectsOfGrade(grade, DEMO_ELECTIVES[grade] ?? [])
      }),
    ),
  ]
  for (const subject of subjects) {
    for (const level of SUBJECT_LEVELS) {
      for (const text of sharedCommentsOf(subject, level)) {
        templates.push({ subject, level, text, shared: true, owner: keeper })
      }
    }
  }
  for (const level of Object.keys(SHARED_TRAIT_COMMENTS) as QualityLevel[]) {
    for (const text of SHARED_TRAIT_COMMENTS[level]) {
      templates.push({ subject: 'traits', level, text, shared: true, owner: keeper })
    }
  }
  for (const { level, text } of OWN_ENGLISH_COMMENTS) {
    templates.push({ subject: 'ngoai-ngu', level, text, shared: false, owner: own })
  }
  for (const data of templates) {
    await req.payload.create({
      collection: 'comment-bank',
      overrideAccess: true,
      req,
      depth: 0,
      data,
    })
  }
  return templates.length
}

export async function seedCurrentYear(
  context: DemoAssessmentContext,
  today = new Date(),
): Promise<{ entries: number; attendance: number; templates: number }> {
  return {
    entries: await seedMidTerm(context, today),
    attendance: await seedAttendance(context, today),
    templates: await seedCommentBank(context),
  }
}

/** What the demo subject teacher asks to correct in 3A's `mid1` Ngoại ngữ, and what happens. */
const CORRECTIONS = [
  {
    reason: 'Em đã hoàn thành phần nói bù sau khi ốm; em đạt yêu cầu, đề nghị sửa mức.',
    decision: 'approve',
    comment: 'Đồng ý, đã đối chiếu sổ theo dõi chất lượng giáo dục.',
  },
  {
    reason: 'Em tiến bộ nhiều sau giữa kì, đề nghị nâng mức.',
    decision: 'refuse',
    comment: 'Kết quả giữa kì phản ánh thời điểm đánh giá; sự tiến bộ ghi nhận ở kì cuối học kì I.',
  },
  {
    reason: 'Nhập nhầm mức của em với bạn cùng tên trong danh sách; đề nghị sửa lại.',
    decision: null,
    comment: '',
  },
] as const

/**
 * The steps only real people take, through the real code: the demo subject teacher files three
 * correction requests and begins `end1`, the demo vice-principal decides two of the requests.
 * Run after the seed's transaction, each step in its own (as the demo posts' workflow is).
 */
export async function seedAssessmentSteps(
  payload: Payload,
  staff: Map<string, User>,
  schoolYear: string,
): Promise<void> {
  const asUser = (key: string) =>
    createLocalReq(
      { user: { ...staff.get(key)!, collection: 'users' }, context: { notify: false } },
      payload,
    )
  const teacherReq = await asUser('english-1')
  const classIdOf = async (name: string) => {
    const { docs } = await payload.find({
      collection: 'groups',
      where: { and: [{ name: { equals: name } }, { schoolYear: { equals: schoolYear } }] },
      depth: 0,
      overrideAccess: true,
    })
    return docs[0]!.id
  }
  const classId = await classIdOf('Lớp 3A')
  const { docs: entries } = await payload.find({
    collection: 'assessments',
    where: {
      and: [
        { class: { equals: classId } },
        { subject: { equals: 'ngoai-ngu' } },
        { period: { equals: 'mid1' } },
        { schoolYear: { equals: schoolYear } },
      ],
    },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  const nameOf = (entry: Assessment) =>
    typeof entry.student === 'object' ? entry.student.fullName : ''
  entries.sort((a, b) => compareVietnameseNames(nameOf(a), nameOf(b)))
  // Requests on pupils entered H, asking for T (the school's commonest correction).
  const targets = entries.filter((entry) => entry.level === 'H').slice(0, CORRECTIONS.length)
  const vpReq = await asUser('vp-academic')
  for (const [index, correction] of CORRECTIONS.entries()) {
    const entry = targets[index]!
    const request = await payload.create({
      collection: 'correction-requests',
      data: { assessment: entry.id, level: 'T', reason: correction.reason },
      overrideAccess: false,
      user: teacherReq.user,
      req: teacherReq,
    })
    if (correction.decision) {
      await decideCorrection(vpReq, String(request.id), correction.decision, correction.comment)
    }
  }

  // `end1` is open: the teacher has entered the first ten pupils of 3B so far (3A is left for
  // whoever tries the grid).
  const threeB = await classIdOf('Lớp 3B')
  const { docs: pupils } = await payload.find({
    collection: 'students',
    where: { and: [{ class: { equals: threeB } }, { status: { equals: 'studying' } }] },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { fullName: true },
    overrideAccess: true,
  })
  pupils.sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
  const random = generator(40_000)
  for (const pupil of pupils.slice(0, 10)) {
    const level = random.chance(0.55) ? 'T' : 'H'
    await payload.create({
      collection: 'assessments',
      data: {
        student: pupil.id,
        class: threeB,
        subject: 'ngoai-ngu',
        period: 'end1',
        schoolYear,
        level,
        score: level === 'T' ? random.int(9, 10) : random.int(6, 8),
        comment: random.pick(
          OWN_ENGLISH_COMMENTS.filter((template) => template.level === level).map((t) => t.text),
        ),
      },
      overrideAccess: false,
      user: teacherReq.user,
      req: teacherReq,
    })
  }
}
