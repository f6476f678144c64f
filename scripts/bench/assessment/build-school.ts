/**
 * Benchmark data for the assessment (issue 11, point 10): the demo school grown to 30 classes
 * (6 per grade, ≈ 900 pupils), with this year's teaching assignments and windows (the demo's:
 * `mid1` closed, `end1` open), `mid1` entered for every class and subject, and five past school
 * years of assessments (4 checkpoints × every subject of the grade × every pupil: ≈ 180,000
 * documents), their classes, windows and teaching assignments.
 *
 * Run by scripts/bench/assessment/index.mjs on a scratch database, before the CMS serves it:
 *   DATABASE_URL=file:… PAYLOAD_SECRET=… tsx scripts/bench/assessment/build-school.ts
 *
 * How: the demo school is seeded as `npm start` seeds it. What a school enters by hand and the
 * benchmark does not measure the writing of (staff, classes, pupils, windows: ≈ 2,000 records)
 * goes through the Local API with the project's hooks and validation. The assessments and
 * teaching assignments of past years and this year's `mid1` are written as rows, in one
 * multi-row INSERT of 500 rows at a time through Payload's own Drizzle instance
 * (`payload.db.drizzle`, `payload.db.tables`): through the Local API each costs a class, subject
 * and lock look-up, a grade change entry and an audit entry (≈ 30 ms), more than an hour for
 * 180,000. Their values are what the entry hooks would store (class, score = last attempt,
 * attempts, enteredBy); they have no grade change entries, which the grid does not read. The
 * content is deterministic (a seeded generator): two runs build the same school.
 */
import { pathToFileURL } from 'node:url'

import { createLocalReq, getPayload, type Payload, type PayloadRequest } from 'payload'
import {
  PERIODS,
  PROGRAMME_SUBJECTS,
  schoolYearOf,
  type Period,
  type SubjectLevel,
} from '@school/shared'

import type { Group, Student, TeachingAssignment, User } from '../../../cms/src/payload-types'

/** Classes per grade, and the two classes whose grid sizes the benchmark compares. */
const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const LARGE_CLASS = '3C'
export const LARGE_CLASS_SIZE = 35
export const SMALL_CLASS = '3D'
export const SMALL_CLASS_SIZE = 10
const PAST_YEARS = 5
const BATCH = 500

// A small deterministic generator (mulberry32), so runs are comparable.
let seed = 20261201
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương']
const MIDDLE = { male: ['Văn', 'Minh', 'Đức', 'Quang', 'Gia'], female: ['Thị', 'Ngọc', 'Thu'] }
const GIVEN = {
  male: ['An', 'Bảo', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khang', 'Long', 'Nam', 'Phúc', 'Quân'],
  female: ['Anh', 'Chi', 'Hà', 'Hằng', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhi', 'Trang', 'Vy'],
}
const COMMENTS: Record<SubjectLevel, string[]> = {
  T: ['Em học tốt, tiếp thu nhanh.', 'Nắm vững kiến thức, trình bày sạch đẹp.'],
  H: ['Em hoàn thành các nội dung của môn học.', 'Cần cẩn thận hơn khi làm bài.'],
  C: ['Em cần cố gắng thêm, luyện tập nhiều hơn.'],
}

export function pupilName(gender: 'male' | 'female'): string {
  return `${pick(FAMILY)} ${pick(MIDDLE[gender])} ${pick(GIVEN[gender])}`
}

const startYearOf = (schoolYear: string) => Number(schoolYear.slice(0, 4))
const yearOf = (start: number) => `${start}-${start + 1}`

/** The subjects each pupil of a grade is assessed in: compulsory ones and Ngoại ngữ 1 (elective). */
function subjectsOfGrade(grade: number) {
  return PROGRAMME_SUBJECTS.filter(
    (subject) =>
      subject.grades.includes(grade) ||
      (subject.code === 'ngoai-ngu' && subject.electiveGrades.includes(grade)),
  )
}

/** A level, and for a tested checkpoint a score that agrees with it (TT27 Điều 7). */
function result(tested: boolean): { level: SubjectLevel; score: number | null } {
  const roll = random()
  const level: SubjectLevel = roll < 0.45 ? 'T' : roll < 0.95 ? 'H' : 'C'
  if (!tested) return { level, score: null }
  const score =
    level === 'T'
      ? 9 + Math.floor(random() * 2)
      : level === 'H'
        ? 5 + Math.floor(random() * 4)
        : 3 + Math.floor(random() * 2)
  return { level, score }
}

/** Payload's own Drizzle instance and tables, for writing rows past the Local API. */
export interface RowWriter {
  drizzle: {
    insert: (table: unknown) => {
      values: (rows: unknown[]) => Promise<unknown> & {
        onConflictDoNothing: () => Promise<unknown>
      }
    }
  }
  tables: Record<string, Record<string, unknown>>
}

export function rowWriter(payload: Payload): RowWriter {
  return payload.db as unknown as RowWriter
}

/** Inserts rows in multi-row INSERTs of BATCH rows. */
export async function insertRows(
  db: RowWriter,
  table: string,
  rows: Array<Record<string, unknown>>,
): Promise<void> {
  const target = db.tables[table]
  if (!target) throw new Error(`No table ${table} in payload.db.tables`)
  for (let i = 0; i < rows.length; i += BATCH)
    await db.drizzle.insert(target).values(rows.slice(i, i + BATCH))
}

async function createAll<T>(items: T[], make: (item: T) => Promise<unknown>) {
  for (const item of items) await make(item)
}

async function main() {
  const payload = await getPayload({ config: (await import('@payload-config')).default })
  const req: PayloadRequest = await createLocalReq({}, payload)
  const schoolYear = schoolYearOf(new Date())
  const startYear = startYearOf(schoolYear)
  const started = Date.now()
  const step = (what: string) =>
    console.log(`  ${what} [${((Date.now() - started) / 1000).toFixed(1)} s]`)

  // ---- this year: the demo school's classes, and four more per grade ---------------------
  const { docs: groups } = await payload.find({
    collection: 'groups',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const classOf = new Map<string, Group>()
  for (const group of groups)
    if (group.kind === 'class' && group.schoolYear === schoolYear)
      classOf.set(group.name.replace(/^Lớp /, ''), group)
  const gradeGroupOf = (grade: number) =>
    groups.find((group) => group.kind === 'professional' && group.grade === grade)!
  const { docs: assignments } = await payload.find({
    collection: 'teaching-assignments',
    where: { schoolYear: { equals: schoolYear } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const password = process.env.DEMO_PASSWORD || 'GiaThuong@2024'
  let teacherCount = 0
  for (let grade = 1; grade <= 5; grade += 1) {
    const model = classOf.get(`${grade}A`)
    if (!model) throw new Error(`The demo school has no class ${grade}A`)
    const modelAssignments = assignments.filter((a) => a.class === model.id)
    for (const letter of LETTERS) {
      const name = `${grade}${letter}`
      if (classOf.has(name)) continue
      teacherCount += 1
      const teacher: User = await payload.create({
        collection: 'users',
        overrideAccess: true,
        req,
        data: {
          fullName: `${pupilName(random() < 0.8 ? 'female' : 'male')} (GVCN ${name})`,
          email: `gvcn-${name.toLowerCase()}@bench.giathuong.edu.vn`,
          password,
          roles: ['homeroom_teacher'],
          jobTitle: 'Giáo viên chủ nhiệm',
        },
      })
      const others = (model.members ?? []).filter((member) => member !== model.homeroomTeacher)
      const created = await payload.create({
        collection: 'groups',
        overrideAccess: true,
        req,
        data: {
          name: `Lớp ${name}`,
          kind: 'class',
          grade,
          schoolYear,
          homeroomTeacher: teacher.id,
          parentGroup: gradeGroupOf(grade).id,
          members: [teacher.id, ...(others as number[])],
        },
      })
      classOf.set(name, created)
      await createAll(modelAssignments, (assignment: TeachingAssignment) =>
        payload.create({
          collection: 'teaching-assignments',
          overrideAccess: true,
          req,
          data: {
            teacher: assignment.teacher === model.homeroomTeacher ? teacher.id : assignment.teacher,
            class: created.id,
            subject: assignment.subject,
            schoolYear,
          },
        }),
      )
    }
  }
  step(`${teacherCount} classes and homeroom teachers added, with their teaching assignments`)

  // ---- this year's pupils: the demo's, and those of the new classes ------------------------
  const { docs: demoPupils } = await payload.find({
    collection: 'students',
    where: { status: { equals: 'studying' } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const pupilsOf = new Map<string, Student[]>()
  for (const [name, group] of classOf)
    pupilsOf.set(
      name,
      demoPupils.filter((pupil) => pupil.class === group.id),
    )
  let code = 0
  const nextCode = () => `BENCH${String((code += 1)).padStart(6, '0')}`
  async function addPupil(
    classId: Group['id'],
    born: number,
    graduated?: { year: number },
  ): Promise<Student> {
    const gender = random() < 0.5 ? 'male' : 'female'
    return payload.create({
      collection: 'students',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        fullName: pupilName(gender),
        studentCode: nextCode(),
        dateOfBirth: new Date(
          Date.UTC(born, Math.floor(random() * 12), 1 + Math.floor(random() * 28)),
        ).toISOString(),
        gender,
        class: classId,
        // Follows the enrollment events (Students/hooks).
        status: graduated ? 'transferred_out' : 'studying',
        enrollmentEvents: graduated
          ? [
              {
                kind: 'transfer_out',
                date: new Date(Date.UTC(graduated.year, 4, 31)).toISOString(),
                reason: 'Hoàn thành chương trình tiểu học',
                school: 'Trường THCS Gia Thụy',
              },
            ]
          : [],
      },
    })
  }
  let sizeIndex = 0
  for (const [name, group] of classOf) {
    const pupils = pupilsOf.get(name)!
    if (pupils.length > 0) continue
    const size =
      name === LARGE_CLASS
        ? LARGE_CLASS_SIZE
        : name === SMALL_CLASS
          ? SMALL_CLASS_SIZE
          : 33 + (sizeIndex++ % 2)
    for (let seat = 0; seat < size; seat += 1)
      pupils.push(await addPupil(group.id, startYear - 5 - group.grade!))
  }
  const current = [...pupilsOf.values()].reduce((sum, pupils) => sum + pupils.length, 0)
  step(`${current} pupils this year in ${classOf.size} classes`)

  // ---- past years: classes, windows, graduated pupils --------------------------------------
  // A pupil now in class 4C was in 3C last year; those who have left were in the grades above.
  const { docs: windows } = await payload.find({
    collection: 'assessment-periods',
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const pastClasses = new Map<string, Group>() // `${start}:${name}`
  const graduatedOf = new Map<string, Student[]>() // cohort's last class `${start}:5X`
  for (let back = 1; back <= PAST_YEARS; back += 1) {
    const start = startYear - back
    for (let grade = 1; grade <= 5; grade += 1)
      for (const letter of LETTERS) {
        const name = `${grade}${letter}`
        const existing = groups.find(
          (group) =>
            group.kind === 'class' &&
            group.schoolYear === yearOf(start) &&
            group.name === `Lớp ${name}`,
        )
        if (existing) {
          pastClasses.set(`${start}:${name}`, existing)
          continue
        }
        const created = await payload.create({
          collection: 'groups',
          overrideAccess: true,
          req,
          data: {
            name: `Lớp ${name}`,
            kind: 'class',
            grade,
            schoolYear: yearOf(start),
            parentGroup: gradeGroupOf(grade).id,
            homeroomTeacher: classOf.get(name)!.homeroomTeacher,
          },
        })
        pastClasses.set(`${start}:${name}`, created)
      }
    for (const period of PERIODS) {
      if (windows.some((window) => window.schoolYear === yearOf(start) && window.period === period))
        continue
      const opens = new Date(Date.UTC(start, 9 + PERIODS.indexOf(period) * 2, 1))
      await payload.create({
        collection: 'assessment-periods',
        overrideAccess: true,
        req,
        data: {
          schoolYear: yearOf(start),
          period,
          opensOn: opens.toISOString(),
          closesOn: new Date(opens.getTime() + 14 * 86_400_000).toISOString(),
        },
      })
    }
    // The cohort that finished grade 5 in that school year.
    for (const letter of LETTERS) {
      const lastClass = pastClasses.get(`${start}:5${letter}`)!
      const size = 28 + Math.floor(random() * 6)
      const cohort: Student[] = []
      for (let seat = 0; seat < size; seat += 1)
        cohort.push(await addPupil(lastClass.id, start - 10, { year: start + 1 }))
      graduatedOf.set(`${start}:5${letter}`, cohort)
    }
    step(`school year ${yearOf(start)}: 30 classes, windows, ${LETTERS.length} leaving classes`)
  }

  /** Who was in a class of a past year: this year's pupils, or a cohort that has left since. */
  function pupilsIn(start: number, grade: number, letter: string): Student[] {
    const back = startYear - start
    const nowGrade = grade + back
    if (nowGrade <= 5) return pupilsOf.get(`${nowGrade}${letter}`) ?? []
    const leftIn = start + (5 - grade)
    return graduatedOf.get(`${leftIn}:5${letter}`) ?? []
  }

  // ---- assessments and teaching assignments as rows ----------------------------------------
  const db = rowWriter(payload)
  const assessmentsTable = db.tables.assessments
  const attemptsTable = db.tables.assessments_attempts
  const assignmentsTable = db.tables.teaching_assignments
  if (!assessmentsTable || !attemptsTable || !assignmentsTable)
    throw new Error(
      `No assessments tables in payload.db.tables: ${Object.keys(db.tables).join(', ')}`,
    )
  const { docs: currentAssignments } = await payload.find({
    collection: 'teaching-assignments',
    where: { schoolYear: { equals: schoolYear } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const teacherOf = (classId: Group['id'], subject: string) =>
    (currentAssignments.find((a) => a.class === classId && a.subject === subject)?.teacher ??
      null) as number | null

  type Row = Record<string, unknown>
  let pendingAssessments: Row[] = []
  let pendingAttempts: Row[] = []
  // Ids are given here, after the newest one, so the attempts can point to their assessment.
  const newest = await payload.find({
    collection: 'assessments',
    sort: '-id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  let nextId = Number(newest.docs[0]?.id ?? 0) + 1
  const { docs: demoEntries } = await payload.find({
    collection: 'assessments',
    limit: 0,
    pagination: false,
    depth: 0,
    select: { student: true, subject: true, period: true, schoolYear: true },
    overrideAccess: true,
  })
  const entered = new Set(
    demoEntries.map((e) => `${String(e.student)}:${e.subject}:${e.period}:${e.schoolYear}`),
  )
  let written = 0
  /** Writes what is pending: the assessments first, then their attempts (which point to them). */
  async function flush(force = false) {
    if (pendingAssessments.length < BATCH && !(force && pendingAssessments.length > 0)) return
    for (let i = 0; i < pendingAssessments.length; i += BATCH)
      await db.drizzle.insert(assessmentsTable).values(pendingAssessments.slice(i, i + BATCH))
    for (let i = 0; i < pendingAttempts.length; i += BATCH)
      await db.drizzle.insert(attemptsTable).values(pendingAttempts.slice(i, i + BATCH))
    written += pendingAssessments.length
    pendingAssessments = []
    pendingAttempts = []
  }
  async function enter(
    pupil: Student,
    schoolClass: Group,
    subject: string,
    period: Period,
    year: string,
    tested: boolean,
    enteredBy: number | null,
    enteredAt: Date,
  ) {
    // What the demo seed entered already (its last year, its mid1) is kept as it is.
    if (entered.has(`${pupil.id}:${subject}:${period}:${year}`)) return
    const { level, score } = result(tested)
    const id = nextId++
    const at = enteredAt.toISOString()
    pendingAssessments.push({
      id,
      student: pupil.id,
      class: schoolClass.id,
      subject,
      period,
      schoolYear: year,
      level,
      score,
      comment: random() < 0.6 ? pick(COMMENTS[level]) : null,
      enteredBy,
      createdAt: at,
      updatedAt: at,
    })
    if (score !== null) {
      // One pupil in fifty sat the test again (TT27 Điều 7.2): the earlier paper is kept.
      const attempts = random() < 0.02 ? [Math.max(1, score - 3), score] : [score]
      attempts.forEach((attemptScore, order) =>
        pendingAttempts.push({
          _order: order + 1,
          _parentID: id,
          id: `${id.toString(16).padStart(12, '0')}${order.toString(16).padStart(12, '0')}`,
          score: attemptScore,
          recordedAt: at,
        }),
      )
    }
    await flush()
  }

  const pastAssignments: Row[] = []
  for (let back = PAST_YEARS; back >= 1; back -= 1) {
    const start = startYear - back
    const year = yearOf(start)
    for (let grade = 1; grade <= 5; grade += 1)
      for (const letter of LETTERS) {
        const schoolClass = pastClasses.get(`${start}:${grade}${letter}`)!
        const modelClass = classOf.get(`${grade}${letter}`)!
        const pupils = pupilsIn(start, grade, letter)
        for (const subject of subjectsOfGrade(grade)) {
          const teacher = teacherOf(modelClass.id, subject.code)
          if (teacher)
            pastAssignments.push({
              title: `${subject.name} · Lớp ${grade}${letter} · ${year}`,
              teacher,
              class: schoolClass.id,
              subject: subject.code,
              schoolYear: year,
              createdAt: new Date(Date.UTC(start, 7, 20)).toISOString(),
              updatedAt: new Date(Date.UTC(start, 7, 20)).toISOString(),
            })
          for (const period of PERIODS) {
            const tested = subject.tested[grade]?.includes(period) ?? false
            const enteredAt = new Date(Date.UTC(start, 9 + PERIODS.indexOf(period) * 2, 10))
            for (const pupil of pupils)
              await enter(
                pupil,
                schoolClass,
                subject.code,
                period,
                year,
                tested,
                teacher,
                enteredAt,
              )
          }
        }
      }
    await flush(true)
    step(`school year ${year}: ${written} assessments written so far`)
  }
  for (let i = 0; i < pastAssignments.length; i += BATCH)
    await db.drizzle
      .insert(assignmentsTable)
      .values(pastAssignments.slice(i, i + BATCH))
      // The demo seed's own assignments of last year, if it made them, stay.
      .onConflictDoNothing()
  step(`${pastAssignments.length} past teaching assignments`)

  // This year's `mid1` (closed three days ago), entered for every class and subject.
  const mid1At = new Date(Date.now() - 5 * 86_400_000)
  for (const [name, schoolClass] of classOf) {
    const grade = schoolClass.grade!
    for (const subject of subjectsOfGrade(grade)) {
      const tested = subject.tested[grade]?.includes('mid1') ?? false
      const teacher = teacherOf(schoolClass.id, subject.code)
      for (const pupil of pupilsOf.get(name)!)
        await enter(pupil, schoolClass, subject.code, 'mid1', schoolYear, tested, teacher, mid1At)
    }
  }
  await flush(true)
  const total = (await payload.count({ collection: 'assessments', overrideAccess: true })).totalDocs
  step(`this year's mid1 entered; ${total} assessments in the database`)

  // What the benchmark needs to know about the school it measures.
  const summary = {
    schoolYear,
    classes: classOf.size,
    pupils: current,
    subjects: PROGRAMME_SUBJECTS.length,
    assessments: total,
    pastYears: PAST_YEARS,
    large: {
      name: LARGE_CLASS,
      id: classOf.get(LARGE_CLASS)!.id,
      pupils: pupilsOf.get(LARGE_CLASS)!.map((p) => p.id),
    },
    small: {
      name: SMALL_CLASS,
      id: classOf.get(SMALL_CLASS)!.id,
      pupils: pupilsOf.get(SMALL_CLASS)!.map((p) => p.id),
    },
    seconds: (Date.now() - started) / 1000,
  }
  console.log(`BENCH_SCHOOL ${JSON.stringify(summary)}`)
  await payload.destroy()
  process.exit(0)
}

// Run as a script (the documents benchmark imports the helpers above without building this).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
