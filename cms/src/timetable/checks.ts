/**
 * What a timetable must respect before it is saved (Điều 6: the vice-principal organises the
 * teaching): every lesson is a subject of the class's programme (TT27 Điều 7), taught by a
 * teacher assigned to that subject in that class (phân công giảng dạy: the homeroom teacher's
 * subjects are assignments too, see seed/demo-assessment.ts), and nobody and no room is in two
 * places at once across all the school year's timetables that apply at the same time.
 *
 * A class's timetable applies from its `validFrom` until the next timetable of the same class
 * starts. The whole year is checked as it would be after the change, so a change that makes an
 * older timetable apply longer (a later one moved or deleted) is checked too.
 */
import type { PayloadRequest } from 'payload'
import {
  formatDateVi,
  isTimetableDay,
  isTimetablePeriod,
  timetableDays,
  timetableSlotLabel,
} from '@school/shared'

import { allSubjects, classById, taughtInGrade } from '../assessment/catalogue'
import { idOf } from '../lib/ids'
import type { Message } from '../lib/messages'
import type { Group, Subject, Timetable, User } from '../payload-types'

export interface TimetableEntry {
  day: string
  period: number
  subject: string
  teacher: number | string | null
  room: string | null
}

/** A problem found, with the lesson it is about (the editor marks that cell). */
export interface TimetableProblem {
  day?: string
  period?: number
  message: Message
}

type Candidate = Pick<Timetable, 'class' | 'schoolYear' | 'validFrom' | 'saturday' | 'entries'> & {
  id?: Timetable['id']
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')

/** The stored or sent entries, in one shape; what cannot be a lesson is reported. */
export function readEntries(value: unknown, problems: TimetableProblem[] = []): TimetableEntry[] {
  if (value === null || value === undefined) return []
  if (!Array.isArray(value)) {
    problems.push({
      message: {
        vi: 'Thời khóa biểu phải là danh sách các tiết học.',
        en: 'The entries must be a list.',
      },
    })
    return []
  }
  const entries: TimetableEntry[] = []
  for (const raw of value) {
    const row = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>
    const period = typeof row.period === 'string' ? Number(row.period) : row.period
    const day = String(row.day ?? '')
    if (!isTimetableDay(day) || !isTimetablePeriod(period)) {
      problems.push({
        message: {
          vi: `Tiết học không hợp lệ (thứ "${day}", tiết "${String(row.period)}").`,
          en: `Invalid lesson (day "${day}", period "${String(row.period)}").`,
        },
      })
      continue
    }
    const teacher = idOf(row.teacher as number | { id: number } | null | undefined)
    entries.push({
      day,
      period,
      subject: text(row.subject),
      teacher: teacher === null || teacher === ('' as never) ? null : teacher,
      room: text(row.room) || null,
    })
  }
  return entries
}

const slotOf = (entry: { day: string; period: number }) => `${entry.day}|${entry.period}`
const roomKey = (room: string) => room.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ')

interface Applying {
  id: Timetable['id'] | undefined
  classId: Group['id']
  from: string
  /** Exclusive; null while no later timetable of the class follows. */
  until: string | null
  entries: TimetableEntry[]
}

/** Each timetable's span: from its own date to the next one of its class. */
function spans(timetables: Candidate[]): Applying[] {
  const byClass = new Map<string, Candidate[]>()
  for (const timetable of timetables) {
    const key = String(idOf(timetable.class as Group['id'] | Group))
    byClass.set(key, [...(byClass.get(key) ?? []), timetable])
  }
  const result: Applying[] = []
  for (const list of byClass.values()) {
    list.sort((a, b) => String(a.validFrom).localeCompare(String(b.validFrom)))
    list.forEach((timetable, index) => {
      const next = list.slice(index + 1).find((t) => t.validFrom !== timetable.validFrom)
      result.push({
        id: timetable.id,
        classId: idOf(timetable.class as Group['id'] | Group) as Group['id'],
        from: String(timetable.validFrom),
        until: next ? String(next.validFrom) : null,
        entries: readEntries(timetable.entries),
      })
    })
  }
  return result
}

const overlap = (a: Applying, b: Applying) =>
  (b.until === null || a.from < b.until) && (a.until === null || b.from < a.until)

async function namesOf(req: PayloadRequest, ids: Array<number | string>) {
  if (ids.length === 0) return new Map<string, string>()
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { id: { in: ids } },
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

async function classNamesOf(req: PayloadRequest, ids: Array<number | string>) {
  const names = new Map<string, string>()
  for (const id of ids) names.set(String(id), (await classById(req, id))?.name ?? `#${id}`)
  return names
}

/**
 * The year's timetables as they would be with `candidate` saved (or, with `removing`, without
 * that timetable), and what is wrong with it. Empty when the save may go ahead.
 */
export async function timetableProblems(
  req: PayloadRequest,
  candidate: Candidate | null,
  removing?: Timetable['id'],
): Promise<TimetableProblem[]> {
  const problems: TimetableProblem[] = []
  const schoolYear = text(candidate?.schoolYear)
  const own = candidate ? readEntries(candidate.entries, problems) : []
  let schoolClass: Group | null = null
  if (candidate) {
    schoolClass = await classById(req, candidate.class)
    if (!schoolClass) {
      problems.push({
        message: { vi: 'Cần chọn một lớp học.', en: 'Choose a class.' },
      })
      return problems
    }
    if (schoolClass.schoolYear && schoolClass.schoolYear !== schoolYear) {
      problems.push({
        message: {
          vi: `${schoolClass.name} thuộc năm học ${schoolClass.schoolYear}, không phải ${schoolYear}.`,
          en: `${schoolClass.name} belongs to ${schoolClass.schoolYear}, not ${schoolYear}.`,
        },
      })
    }
    problems.push(...(await lessonProblems(req, schoolClass, schoolYear, candidate, own)))
  }
  if (problems.length > 0) return problems

  const yearOf = candidate ? schoolYear : await yearOfTimetable(req, removing)
  if (!yearOf) return problems
  const { docs } = await req.payload.find({
    collection: 'timetables',
    where: { schoolYear: { equals: yearOf } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { class: true, schoolYear: true, validFrom: true, saturday: true, entries: true },
    overrideAccess: true,
    req,
  })
  const others = (docs as Candidate[]).filter(
    (doc) => String(doc.id) !== String(candidate?.id ?? removing ?? ''),
  )
  if (candidate) {
    const twin = others.find(
      (doc) =>
        String(idOf(doc.class as never)) === String(idOf(candidate.class as never)) &&
        String(doc.validFrom).slice(0, 10) === String(candidate.validFrom).slice(0, 10),
    )
    if (twin) {
      problems.push({
        message: {
          vi: `${schoolClass?.name} đã có một thời khóa biểu áp dụng từ ngày ${formatDateVi(String(candidate.validFrom))}: hãy sửa thời khóa biểu đó, hoặc chọn ngày khác.`,
          en: `${schoolClass?.name} already has a timetable from that date: edit it, or pick another date.`,
        },
      })
      return problems
    }
  }
  const all = spans(candidate ? [...others, candidate] : others)
  const teacherIds = new Set<number | string>()
  const classIds = new Set<number | string>()
  for (const span of all) {
    classIds.add(span.classId)
    for (const entry of span.entries) if (entry.teacher !== null) teacherIds.add(entry.teacher)
  }
  const names = await namesOf(req, [...teacherIds])
  const classNames = await classNamesOf(req, [...classIds])
  const seen = new Set<string>()
  for (let i = 0; i < all.length; i += 1) {
    for (let j = i + 1; j < all.length; j += 1) {
      const [a, b] = [all[i]!, all[j]!]
      if (String(a.classId) === String(b.classId) || !overlap(a, b)) continue
      // Name the clash from the side of the timetable being saved, when it is one of the two.
      const [mine, theirs] = String(b.id) === String(candidate?.id) && candidate ? [b, a] : [a, b]
      const bySlot = new Map<string, TimetableEntry[]>()
      for (const entry of theirs.entries) {
        bySlot.set(slotOf(entry), [...(bySlot.get(slotOf(entry)) ?? []), entry])
      }
      const since = formatDateVi(mine.from > theirs.from ? mine.from : theirs.from)
      for (const entry of mine.entries) {
        for (const other of bySlot.get(slotOf(entry)) ?? []) {
          const slot = timetableSlotLabel(entry.day, entry.period)
          const otherClass = classNames.get(String(theirs.classId))
          const thisClass = classNames.get(String(mine.classId))
          if (entry.teacher !== null && String(entry.teacher) === String(other.teacher)) {
            const key = `t|${entry.teacher}|${slotOf(entry)}`
            if (seen.has(key)) continue
            seen.add(key)
            const name = names.get(String(entry.teacher)) ?? `#${entry.teacher}`
            problems.push({
              day: entry.day,
              period: entry.period,
              message: {
                vi: `Trùng lịch giáo viên: ${name} dạy cả ${thisClass} và ${otherClass} vào ${slot} (từ ${since}).`,
                en: `Teacher clash: ${name} teaches both ${thisClass} and ${otherClass} on ${slot} (from ${since}).`,
              },
            })
          }
          if (entry.room && other.room && roomKey(entry.room) === roomKey(other.room)) {
            const key = `r|${roomKey(entry.room)}|${slotOf(entry)}`
            if (seen.has(key)) continue
            seen.add(key)
            problems.push({
              day: entry.day,
              period: entry.period,
              message: {
                vi: `Trùng phòng: phòng "${entry.room}" có cả ${thisClass} và ${otherClass} vào ${slot} (từ ${since}).`,
                en: `Room clash: "${entry.room}" holds both ${thisClass} and ${otherClass} on ${slot} (from ${since}).`,
              },
            })
          }
        }
      }
    }
  }
  return problems
}

async function yearOfTimetable(req: PayloadRequest, id: Timetable['id'] | undefined) {
  if (id === undefined) return null
  const found = await req.payload.findByID({
    collection: 'timetables',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return found?.schoolYear ?? null
}

/** The class's own lessons: one per slot, the programme's subjects, assigned teachers. */
async function lessonProblems(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
  candidate: Candidate,
  entries: TimetableEntry[],
): Promise<TimetableProblem[]> {
  const problems: TimetableProblem[] = []
  const days = timetableDays(candidate.saturday)
  const subjects = new Map((await allSubjects(req)).map((s: Subject) => [s.code, s]))
  const { docs: assignments } = await req.payload.find({
    collection: 'teaching-assignments',
    where: {
      and: [{ class: { equals: schoolClass.id } }, { schoolYear: { equals: schoolYear } }],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const teacherIds = entries.map((e) => e.teacher).filter((id): id is number => id !== null)
  const names = await namesOf(req, [...new Set(teacherIds)])
  const slots = new Set<string>()
  for (const entry of entries) {
    const slot = timetableSlotLabel(entry.day, entry.period)
    const at = { day: entry.day, period: entry.period }
    if (slots.has(slotOf(entry))) {
      problems.push({
        ...at,
        message: {
          vi: `${slot} có hai tiết học trong thời khóa biểu của ${schoolClass.name}.`,
          en: `${slot} holds two lessons in ${schoolClass.name}'s timetable.`,
        },
      })
      continue
    }
    slots.add(slotOf(entry))
    if (!days.includes(entry.day as never)) {
      problems.push({
        ...at,
        message: {
          vi: `${schoolClass.name} không học Thứ 7 (bật "Có học Thứ 7" nếu lớp học Thứ 7).`,
          en: `${schoolClass.name} has no Saturday lessons (turn on Saturday first).`,
        },
      })
      continue
    }
    const subject = subjects.get(entry.subject)
    if (!subject || !taughtInGrade(subject, schoolClass.grade ?? 0)) {
      problems.push({
        ...at,
        message: {
          vi: `${slot}: chương trình của ${schoolClass.name} (khối ${schoolClass.grade}) không có môn "${subject?.name ?? entry.subject}".`,
          en: `${slot}: ${schoolClass.name}'s programme has no subject "${entry.subject}".`,
        },
      })
      continue
    }
    if (entry.teacher === null) {
      problems.push({
        ...at,
        message: {
          vi: `${slot}: cần chọn giáo viên dạy môn ${subject.name}.`,
          en: `${slot}: choose the teacher of ${subject.name}.`,
        },
      })
      continue
    }
    const assigned = assignments.some(
      (a) => String(idOf(a.teacher)) === String(entry.teacher) && a.subject === subject.code,
    )
    if (!assigned) {
      const name = names.get(String(entry.teacher)) ?? `#${entry.teacher}`
      problems.push({
        ...at,
        message: {
          vi: `${slot}: ${name} không được phân công dạy môn ${subject.name} ở ${schoolClass.name} năm học ${schoolYear}.`,
          en: `${slot}: ${name} is not assigned to teach ${subject.name} in ${schoolClass.name} in ${schoolYear}.`,
        },
      })
    }
  }
  return problems
}

/** One message for a refusal: the first few problems, each on its own line. */
export function refusalMessage(problems: TimetableProblem[]): Message {
  const shown = problems.slice(0, 5)
  const more = problems.length - shown.length
  return {
    vi: shown.map((p) => p.message.vi).join('\n') + (more > 0 ? `\n… và ${more} chỗ khác.` : ''),
    en: shown.map((p) => p.message.en).join('\n') + (more > 0 ? `\n… and ${more} more.` : ''),
  }
}
