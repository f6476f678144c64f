/**
 * Benchmark data for the documents (issue 12, point 9): on top of the demo school, a PAST school
 * year (two years before this one) of 30 classes, 6 per grade, 35 pupils each, every pupil with
 * a complete year, and the year approved for every class; and, a year earlier still, two grade 3
 * classes of 10 and 100 pupils (beside the archived year's 35-pupil 3A: the memory figure).
 *
 * Each pupil's year: all four checkpoints of every subject of the grade (levels, test scores
 * where tested, comments), the four trait sheets, two check-ups (September and March), the
 * year's attendance (every school day, morning and afternoon), the year-end record whose result
 * and reasons are computed by `yearEndResult` from the `end` checkpoint as the principal's
 * approval computes them (checked below against `classYear`, the approval's own reading), and
 * the approval of each class.
 *
 * Run by scripts/bench/documents/index.mjs on a scratch database, before the CMS serves it:
 *   DATABASE_URL=file:… PAYLOAD_SECRET=… tsx scripts/bench/documents/build-school.ts
 *
 * How (as the assessment benchmark's builder, whose helpers it imports): the demo school is
 * seeded as `npm start` seeds it. What a school enters by hand once (homeroom teachers, classes,
 * windows, teaching assignments, pupils with their personal page: ≈ 1,600 records) goes through
 * the Local API with the project's hooks and validation. The records entered in bulk through
 * grids (≈ 49,000 assessments and their test attempts, ≈ 4,600 trait sheets, ≈ 11,000 attendance
 * sessions with their marks, ≈ 2,300 check-ups, ≈ 1,150 year-end records) are written as rows
 * through Payload's own Drizzle instance, 500 a statement: through the Local API each costs its
 * look-ups, a grade-change and an audit entry, well over ten minutes. Their values are what the
 * hooks would store (class, score = last attempt, attempts, enteredBy, the check-up's title and
 * BMI, attendance's day and school year). The same school on every run (seeded generators).
 */
import { createLocalReq, getPayload, type Payload, type PayloadRequest } from 'payload'
import {
  PERIODS,
  formatDateVi,
  schoolYearOf,
  yearEndResult,
  yearEndSubjectsOfGrade,
  type Period,
} from '@school/shared'

import { classYear } from '../../../cms/src/assessment/year-end'
import { bodyMassIndex } from '../../../cms/src/collections/HealthCheckups'
import type { Group, Student, User } from '../../../cms/src/payload-types'
import { classSessions } from '../../../cms/src/seed/demo-current-year'
import { pastSchoolDays } from '../../../cms/src/seed/demo-past-year'
import { generator } from '../../../cms/src/seed/demo-records'
import {
  DEMO_ELECTIVES,
  YEAR_END_COMMENTS,
  pupilProfile,
  pupilResults,
  subjectsOfGrade,
} from '../../../cms/src/seed/demo-results'
import { insertRows, pupilName, rowWriter } from '../assessment/build-school'

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'] as const
/** The archived year: this many years before this one, 30 classes of CLASS_SIZE. */
const ARCHIVED_YEAR_BACK = 2
const CLASS_SIZE = 35
/** The memory figure's other classes (grade 3, as the archived year's 3A), a year earlier. */
const MEMORY_YEAR_BACK = 3
const MEMORY_CLASSES = [
  { name: '3A', size: 10 },
  { name: '3B', size: 100 },
] as const

type Row = Record<string, unknown>
type Random = ReturnType<typeof generator>

const STREETS = ['Ngô Gia Tự', 'Nguyễn Văn Cừ', 'Đức Giang', 'Ngọc Thụy', 'Việt Hưng', 'Gia Thượng']
const WARDS = ['phường Việt Hưng', 'phường Bồ Đề', 'phường Long Biên', 'phường Phúc Lợi']
const BIRTHPLACES = ['Bệnh viện Phụ sản Hà Nội', 'Bệnh viện Đa khoa Đức Giang', 'Hà Nội']
const HOME_TOWNS = ['Hà Nội', 'Nam Định', 'Thái Bình', 'Hưng Yên', 'Bắc Ninh', 'Nghệ An']
const JOBS = ['Công nhân', 'Kinh doanh', 'Giáo viên', 'Kĩ sư', 'Nhân viên văn phòng', 'Nội trợ']
const MOTHERS = ['Nguyễn Thị Hoa', 'Trần Thị Thu', 'Lê Thị Hương', 'Phạm Ngọc Lan', 'Vũ Thị Mai']

/** A 10-digit mobile number (a prefix the phone check knows). */
const phone = (random: Random) =>
  random.pick(['090', '091', '096', '097', '098', '086', '035']) +
  String(random.int(0, 9_999_999)).padStart(7, '0')

interface BuiltClass {
  id: Group['id']
  name: string
  grade: number
  schoolYear: string
  homeroom: { id: User['id']; email: string }
  pupils: Array<Student['id']>
}

async function main() {
  const payload: Payload = await getPayload({ config: (await import('@payload-config')).default })
  const req: PayloadRequest = await createLocalReq({}, payload)
  const db = rowWriter(payload)
  const started = Date.now()
  const step = (what: string) =>
    console.log(`  ${what} [${((Date.now() - started) / 1000).toFixed(1)} s]`)
  const thisYear = schoolYearOf(new Date())
  const yearBack = (back: number) => {
    const start = Number(thisYear.slice(0, 4)) - back
    return { start, schoolYear: `${start}-${start + 1}` }
  }
  const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true, req } as const

  const { docs: groups } = await payload.find({ collection: 'groups', ...all })
  const gradeGroupOf = (grade: number) =>
    groups.find((group) => group.kind === 'professional' && group.grade === grade)!
  const modelClassOf = (grade: number) =>
    groups.find(
      (group) =>
        group.kind === 'class' && group.schoolYear === thisYear && group.name === `Lớp ${grade}A`,
    )!
  const { docs: modelAssignments } = await payload.find({
    collection: 'teaching-assignments',
    where: { schoolYear: { equals: thisYear } },
    ...all,
  })
  const nurse = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: 'nurse@demo.giathuong.edu.vn' } },
      ...all,
    })
  ).docs[0]
  const password = process.env.DEMO_PASSWORD || 'GiaThuong@2024'

  // Ids of the rows written here are given here, after the newest, so array rows can point to
  // their document; array rows get ids of their own kind (Payload's are 24 hex digits).
  const nextIds = new Map<string, number>()
  async function nextId(collection: 'assessments' | 'trait-assessments' | 'attendance') {
    if (!nextIds.has(collection)) {
      const newest = await payload.find({
        collection,
        sort: '-id',
        limit: 1,
        depth: 0,
        overrideAccess: true,
        req,
      })
      nextIds.set(collection, Number(newest.docs[0]?.id ?? 0) + 1)
    }
    const id = nextIds.get(collection)!
    nextIds.set(collection, id + 1)
    return id
  }
  let arrayRows = 0
  const arrayRowId = () => `be7c${String((arrayRows += 1)).padStart(20, '0')}`

  let pupilSequence = 0
  const totals = {
    pupils: 0,
    assessments: 0,
    traitSheets: 0,
    sessions: 0,
    checkups: 0,
    yearEnd: 0,
  }
  const results: Record<string, number> = {}

  /** Windows of a past year (as the demo's last year: the four checkpoints, two weeks each). */
  async function windowsOf(start: number, schoolYear: string) {
    const { totalDocs } = await payload.count({
      collection: 'assessment-periods',
      where: { schoolYear: { equals: schoolYear } },
      overrideAccess: true,
      req,
    })
    if (totalDocs > 0) return
    for (const period of PERIODS) {
      const opens = new Date(Date.UTC(start, 9 + PERIODS.indexOf(period) * 2, 1))
      await payload.create({
        collection: 'assessment-periods',
        overrideAccess: true,
        req,
        data: {
          schoolYear,
          period,
          opensOn: opens.toISOString(),
          closesOn: new Date(opens.getTime() + 14 * 86_400_000).toISOString(),
        },
      })
    }
  }

  /** The date a checkpoint's entries were made: the last day of its window. */
  const enteredOn = (start: number, period: Period) =>
    new Date(Date.UTC(start, 9 + PERIODS.indexOf(period) * 2, 14, 8)).toISOString()

  /** One class of a past year with its pupils and their whole year, approved. */
  async function buildClass(
    back: number,
    name: string,
    size: number,
    seed: number,
  ): Promise<BuiltClass> {
    const { start, schoolYear } = yearBack(back)
    const grade = Number(name[0])
    const random = generator(seed)
    const email = `gvcn-${name.toLowerCase()}-${start}@bench.giathuong.edu.vn`
    const teacher = await payload.create({
      collection: 'users',
      overrideAccess: true,
      req,
      data: {
        fullName: `${pupilName(random.chance(0.8) ? 'female' : 'male')}`,
        email,
        password,
        roles: ['homeroom_teacher'],
        jobTitle: 'Giáo viên chủ nhiệm',
      },
    })
    const model = modelClassOf(grade)
    const schoolClass = await payload.create({
      collection: 'groups',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        name: `Lớp ${name}`,
        kind: 'class',
        grade,
        schoolYear,
        homeroomTeacher: teacher.id,
        parentGroup: gradeGroupOf(grade).id,
        members: [teacher.id],
      },
    })
    // The subject teachers of this year's class of the grade taught it then; the homeroom
    // teacher their own subjects (the transcript names each subject's teacher).
    const teacherOf = new Map<string, User['id']>()
    for (const assignment of modelAssignments.filter((a) => a.class === model.id)) {
      const subjectTeacher =
        assignment.teacher === model.homeroomTeacher ? teacher.id : (assignment.teacher as number)
      teacherOf.set(assignment.subject, subjectTeacher)
      await payload.create({
        collection: 'teaching-assignments',
        overrideAccess: true,
        req,
        depth: 0,
        data: {
          teacher: subjectTeacher,
          class: schoolClass.id,
          subject: assignment.subject,
          schoolYear,
        },
      })
    }

    // The pupils, with what the transcript's personal page shows (entered by hand: Local API).
    const pupils: Student[] = []
    for (let seat = 0; seat < size; seat += 1) {
      pupilSequence += 1
      const gender = random.chance(0.5) ? 'male' : 'female'
      const fullName = pupilName(gender)
      const family = fullName.split(' ')[0]!
      const born = start - 5 - grade
      const street = `Số ${random.int(1, 180)} ${random.pick(STREETS)}`
      const address = `${street}, ${random.pick(WARDS)}, Hà Nội`
      pupils.push(
        await payload.create({
          collection: 'students',
          overrideAccess: true,
          req,
          depth: 0,
          data: {
            fullName,
            studentCode: `7924${String(pupilSequence).padStart(6, '0')}`,
            dateOfBirth: new Date(
              Date.UTC(born, random.int(0, 11), random.int(1, 28)),
            ).toISOString(),
            gender,
            class: schoolClass.id,
            status: 'studying',
            ethnicity: random.chance(0.95) ? 'Kinh' : random.pick(['Tày', 'Mường', 'Nùng']),
            nationality: 'Việt Nam',
            placeOfBirth: random.pick(BIRTHPLACES),
            homeTown: random.pick(HOME_TOWNS),
            permanentAddress: address,
            currentAddress: address,
            registerNumber: `${pupilSequence}/${start - grade + 1}`,
            // 001 Hà Nội, the sex and century digit, the year of birth, a serial number.
            personalId:
              `001${gender === 'male' ? 2 : 3}${String(born % 100).padStart(2, '0')}` +
              String(random.int(0, 999_999)).padStart(6, '0'),
            guardians: [
              {
                name: [
                  family,
                  random.pick(['Văn', 'Đức', 'Minh']),
                  random.pick(['Hùng', 'Nam', 'Tuấn', 'Long']),
                ].join(' '),
                relationship: 'father',
                phone: phone(random),
                occupation: random.pick(JOBS),
              },
              {
                name: random.pick(MOTHERS),
                relationship: 'mother',
                phone: phone(random),
                occupation: random.pick(JOBS),
              },
            ],
            consent: { guardian: true, pupil: true },
          },
        }),
      )
    }
    totals.pupils += pupils.length

    // The year's records, as rows (see the head of this file).
    const electives = DEMO_ELECTIVES[grade] ?? []
    const subjects = subjectsOfGrade(grade, electives)
    const assessments: Row[] = []
    const attempts: Row[] = []
    const sheets: Row[] = []
    const traitRows: Row[] = []
    const years: Row[] = []
    const checkups: Row[] = []
    for (const [seat, pupil] of pupils.entries()) {
      const pupilRandom = generator(seed * 1000 + seat)
      const profile = pupilProfile(pupilRandom)
      const { entries, sheets: traitSheets } = pupilResults(
        profile,
        grade,
        subjects,
        PERIODS,
        pupilRandom,
      )
      for (const entry of entries) {
        const id = await nextId('assessments')
        const at = enteredOn(start, entry.period)
        assessments.push({
          id,
          student: pupil.id,
          class: schoolClass.id,
          subject: entry.subject,
          period: entry.period,
          schoolYear,
          level: entry.level,
          score: entry.score,
          comment: entry.comment,
          enteredBy: teacherOf.get(entry.subject) ?? teacher.id,
          createdAt: at,
          updatedAt: at,
        })
        if (entry.score !== null)
          attempts.push({
            _order: 1,
            _parentID: id,
            id: arrayRowId(),
            score: entry.score,
            recordedAt: at,
          })
      }
      for (const sheet of traitSheets) {
        const id = await nextId('trait-assessments')
        const at = enteredOn(start, sheet.period)
        sheets.push({
          id,
          student: pupil.id,
          class: schoolClass.id,
          period: sheet.period,
          schoolYear,
          qualitiesComment: sheet.qualitiesComment,
          competenciesComment: sheet.competenciesComment,
          enteredBy: teacher.id,
          createdAt: at,
          updatedAt: at,
        })
        sheet.traits.forEach((row, order) =>
          traitRows.push({ _order: order + 1, _parentID: id, id: arrayRowId(), ...row }),
        )
      }
      // The result as the approval computes it (TT27 Điều 9.2), from the `end` checkpoint.
      const end = traitSheets.find((sheet) => sheet.period === 'end')!
      const outcome = yearEndResult({
        grade,
        subjects: yearEndSubjectsOfGrade(grade, electives),
        entries: entries.filter((entry) => entry.period === 'end'),
        traits: Object.fromEntries(end.traits.map((row) => [row.trait, row.level])),
      })
      if (!outcome.result) throw new Error(`Pupil ${pupil.fullName} lacks results`)
      results[outcome.result] = (results[outcome.result] ?? 0) + 1
      const outstanding = outcome.result === 'HTT' && seat % 4 === 0
      const closed = enteredOn(start, 'end')
      years.push({
        student: pupil.id,
        class: schoolClass.id,
        schoolYear,
        result: outcome.result,
        resultReasons: outcome.reasons,
        comment: YEAR_END_COMMENTS[outcome.result],
        award: outcome.result === 'HTXS' ? 'excellent' : outstanding ? 'outstanding' : null,
        awardNote: outstanding
          ? pupilRandom.pick(['Tiêu biểu môn Toán', 'Tiến bộ vượt bậc'])
          : null,
        promotion: outcome.result === 'CHT' ? null : grade === 5 ? 'completed_primary' : 'promoted',
        createdAt: closed,
        updatedAt: closed,
      })
      // A check-up in September and in March: the transcript shows the year's last.
      const height = 105 + (grade - 1) * 6 + pupilRandom.int(-6, 6)
      const weight = 17 + (grade - 1) * 2.5 + pupilRandom.int(-3, 4)
      for (const [month, grown] of [
        [8, 0],
        [2, 3],
      ] as const) {
        const date = new Date(Date.UTC(month === 8 ? start : start + 1, month, 20)).toISOString()
        const heightCm = height + grown
        const weightKg = Math.round((weight + grown / 3 + pupilRandom.next()) * 10) / 10
        checkups.push({
          title: `Khám ngày ${formatDateVi(date)}`,
          student: pupil.id,
          date,
          heightCm,
          weightKg,
          bmi: bodyMassIndex(heightCm, weightKg),
          visionLeft: '10/10',
          visionRight: pupilRandom.chance(0.9) ? '10/10' : '8/10',
          dental: pupilRandom.chance(0.75) ? 'healthy' : 'caries',
          examinedBy: nurse?.id ?? null,
          createdAt: date,
          updatedAt: date,
        })
      }
    }
    await insertRows(db, 'assessments', assessments)
    await insertRows(db, 'assessments_attempts', attempts)
    await insertRows(db, 'trait_assessments', sheets)
    await insertRows(db, 'trait_assessments_traits', traitRows)
    await insertRows(db, 'year_end_results', years)
    await insertRows(db, 'health_checkups', checkups)
    totals.assessments += assessments.length
    totals.traitSheets += sheets.length
    totals.yearEnd += years.length
    totals.checkups += checkups.length

    // Attendance on every school day of the year (the demo's model of absences and lateness).
    const sessions = classSessions({
      classId: schoolClass.id,
      pupils: pupils.map((pupil) => pupil.id),
      days: pastSchoolDays(start),
      takenBy: teacher.id,
      seed: seed * 7 + 1,
    })
    const sessionRows: Row[] = []
    const markRows: Row[] = []
    for (const { marks, ...session } of sessions) {
      const id = await nextId('attendance')
      sessionRows.push({ id, ...session })
      ;(marks as Row[]).forEach(({ id: _seedId, ...mark }, order) =>
        markRows.push({ _order: order + 1, _parentID: id, id: arrayRowId(), ...mark }),
      )
    }
    await insertRows(db, 'attendance', sessionRows)
    await insertRows(db, 'attendance_marks', markRows)
    totals.sessions += sessionRows.length

    return {
      id: schoolClass.id,
      name,
      grade,
      schoolYear,
      homeroom: { id: teacher.id, email },
      pupils: pupils.map((pupil) => pupil.id),
    }
  }

  const archived = yearBack(ARCHIVED_YEAR_BACK)
  await windowsOf(archived.start, archived.schoolYear)
  const classes: BuiltClass[] = []
  for (let grade = 1; grade <= 5; grade += 1)
    for (const [index, letter] of LETTERS.entries()) {
      classes.push(
        await buildClass(ARCHIVED_YEAR_BACK, `${grade}${letter}`, CLASS_SIZE, grade * 10 + index),
      )
      if (letter === 'F') step(`${archived.schoolYear}: grade ${grade}, ${totals.pupils} pupils`)
    }
  const memoryYear = yearBack(MEMORY_YEAR_BACK)
  await windowsOf(memoryYear.start, memoryYear.schoolYear)
  const memoryClasses: BuiltClass[] = []
  for (const [index, { name, size }] of MEMORY_CLASSES.entries())
    memoryClasses.push(await buildClass(MEMORY_YEAR_BACK, name, size, 90 + index))
  step(`${memoryYear.schoolYear}: ${MEMORY_CLASSES.map((c) => `${c.name} (${c.size})`).join(', ')}`)

  // The principal approves every class's year (the rows the approval writes, Điều 13).
  const principal = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: 'principal@demo.giathuong.edu.vn' } },
      ...all,
    })
  ).docs[0]!
  for (const built of [...classes, ...memoryClasses])
    await payload.create({
      collection: 'assessment-confirmations',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        class: built.id,
        schoolYear: built.schoolYear,
        period: 'end',
        scope: 'year-end',
        kind: 'approved',
        by: principal.id,
      },
    })

  // The rows say what the approval would have stored: its own reading of one class agrees.
  const checked = classes.find((built) => built.name === '5A')!
  const asPrincipal = await createLocalReq({ user: { ...principal, collection: 'users' } }, payload)
  const group = await payload.findByID({ collection: 'groups', id: checked.id, ...all })
  const year = await classYear(asPrincipal, group, checked.schoolYear)
  const disagreeing = year.pupils.filter(
    (pupil) => !pupil.record || pupil.result !== pupil.record.result || pupil.missing.length > 0,
  )
  if (!year.approval.approved || year.pupils.length !== CLASS_SIZE || disagreeing.length > 0)
    throw new Error(
      `The built year of 5A disagrees with classYear: approved ${year.approval.approved}, ` +
        `${year.pupils.length} pupils, ${disagreeing.length} results differ or miss entries`,
    )
  step(`approved; ${JSON.stringify(results)}; 5A's stored results match classYear`)

  const summary = {
    schoolYear: archived.schoolYear,
    memorySchoolYear: memoryYear.schoolYear,
    classes,
    memoryClasses,
    classSize: CLASS_SIZE,
    ...totals,
    results,
    seconds: (Date.now() - started) / 1000,
  }
  console.log(`BENCH_SCHOOL ${JSON.stringify(summary)}`)
  await payload.destroy()
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
