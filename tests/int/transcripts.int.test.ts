/**
 * Transcripts (học bạ, TT27 Điều 13, Phụ lục 1) through the real REST handlers: what the PDF
 * says is what the records hold (names, levels, scores, comments, teachers, results, height,
 * weight, absences, diacritics included), one page per year after the cover, the personal page
 * and "Quá trình học tập"; "Bản nháp" until the principal approves; fonts embedded; the layout
 * of one fixed transcript kept as a golden file; made by the class's homeroom teacher and
 * leadership only, every download logged; bad parameters a 400; signed when final and signed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import {
  compareVietnameseNames,
  formatDateVi,
  previousSchoolYear,
  schoolYearOf,
  type Role,
} from '@school/shared'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Group, Student, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { makeTestCertificate } from './support/certificate'
import { findUserByEmail, useTestSchool } from './support/payload'
import { pdfFonts, pdfPageCount, pdfPageTexts, pdfSignatures, pdfText } from './support/pdf'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
const thisYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(thisYear)
const GOLDEN = path.join(__dirname, 'golden', 'transcript.txt')
/** Cover, personal page, "Quá trình học tập": before the pages of the years. */
const FRONT_PAGES = 3

let RestClient: typeof RestClientType
const clients = new Map<Role | 'anonymous', RestClientType>()

async function as(role: Role | 'anonymous'): Promise<RestClientType> {
  const known = clients.get(role)
  if (known) return known
  const client = new RestClient()
  if (role !== 'anonymous') {
    expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  }
  clients.set(role, client)
  return client
}

async function download(role: Role | 'anonymous', url: string) {
  const response = await (await as(role)).raw('GET', url)
  const body = new Uint8Array(await response.arrayBuffer())
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    body,
  }
}

async function pdfOf(role: Role, url: string): Promise<Uint8Array> {
  const answer = await download(role, url)
  expect(answer.status, new TextDecoder().decode(answer.body.slice(0, 300))).toBe(200)
  expect(answer.type).toBe('application/pdf')
  return answer.body
}

async function classNamed(name: string, schoolYear: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ name: { equals: name } }, { schoolYear: { equals: schoolYear } }] },
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error(`No class ${name}`)
  return docs[0]
}

const find = async <T>(collection: string, where: Record<string, unknown>): Promise<T[]> =>
  (
    await school.payload.find({
      collection: collection as 'assessments',
      where: where as never,
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as T[]

/** pdftotext keeps the words, not the lines a cell wrapped into. */
const flat = (text: string) => text.replace(/\s+/g, ' ')
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

let class3A: Group
let past3B: Group
let pupil3A: Student
/** A pupil of last year's 3B, now in 4B. */
let pastPupil: Student

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  class3A = await classNamed('Lớp 3A', thisYear)
  past3B = await classNamed(`Lớp 3B (${lastYear})`, lastYear)
  pupil3A = (await find<Student>('students', { class: { equals: class3A.id } }))[0]!
  const pastResult = (
    await find<{ student: number }>('year-end-results', { class: { equals: past3B.id } })
  )[0]!
  pastPupil = (await find<Student>('students', { id: { equals: pastResult.student } }))[0]!
})

describe('a pupil’s transcript of one year', () => {
  it('prints what the records hold, on cover + personal + history + year', async () => {
    const pdf = await pdfOf('principal', `/transcripts/${pastPupil.id}?schoolYear=${lastYear}`)
    expect(pdfPageCount(pdf)).toBe(FRONT_PAGES + 1)
    const pages = pdfPageTexts(pdf, { layout: true })
    const text = flat(pdfText(pdf))
    expect(text).toContain('HỌC BẠ TIỂU HỌC')
    expect(text).toContain(pastPupil.fullName)
    expect(text).toContain(pastPupil.studentCode)
    expect(text).toContain('Phường Phúc Lợi')
    expect(text).toContain(`Nơi sinh: ${pastPupil.placeOfBirth}`)
    expect(text).toContain(`Quê quán: ${pastPupil.homeTown}`)
    expect(text).toContain(formatDateVi(pastPupil.dateOfBirth))
    // Quá trình học tập: last year's class and this year's, with the register number.
    expect(flat(pages[2])).toContain(past3B.name)
    expect(pages[2]).toContain(pastPupil.registerNumber!)

    const year = pages[3]
    const entries = await find<{
      subject: string
      level: string
      score: number | null
      comment: string | null
      class: number
    }>('assessments', {
      and: [
        { student: { equals: pastPupil.id } },
        { schoolYear: { equals: lastYear } },
        { period: { equals: 'end' } },
      ],
    })
    expect(entries.length).toBeGreaterThan(8)
    const subjects = await find<{ code: string; name: string }>('subjects', {})
    const assignments = await find<{ subject: string; teacher: number }>('teaching-assignments', {
      and: [{ class: { equals: past3B.id } }, { schoolYear: { equals: lastYear } }],
    })
    const users = await find<User>('users', {})
    for (const entry of entries) {
      const name = subjects.find((subject) => subject.code === entry.subject)!.name
      const score = entry.score === null ? '' : `\\s+${entry.score}`
      expect(year, name).toMatch(new RegExp(`${escape(name)}\\s+${entry.level}${score}\\s`))
      expect(flat(year)).toContain(flat(entry.comment!).split(' ').slice(0, 5).join(' '))
      const assignment = assignments.find((row) => row.subject === entry.subject)!
      const teacher = users.find((user) => user.id === assignment.teacher)!
      expect(year).toContain(teacher.fullName)
    }
    // Every comment whole, in reading order (pdftotext without -layout), once the teacher's
    // cell that pdftotext reads between a comment's wrapped lines is taken out.
    let withoutTeachers = pdfText(pdf)
    for (const user of users) withoutTeachers = withoutTeachers.replaceAll(user.fullName, ' ')
    for (const entry of entries) expect(flat(withoutTeachers)).toContain(flat(entry.comment!))

    const [sheet] = await find<{
      traits: { trait: string; level: string }[]
      qualitiesComment: string
      competenciesComment: string
    }>('trait-assessments', {
      and: [
        { student: { equals: pastPupil.id } },
        { schoolYear: { equals: lastYear } },
        { period: { equals: 'end' } },
      ],
    })
    expect(text).toContain(flat(sheet!.qualitiesComment))
    expect(text).toContain(flat(sheet!.competenciesComment))
    expect(year).toMatch(
      new RegExp(`Yêu nước\\s+${sheet!.traits.find((t) => t.trait === 'yeu-nuoc')!.level}`),
    )
    expect(year).toMatch(
      new RegExp(`Chăm chỉ\\s+${sheet!.traits.find((t) => t.trait === 'cham-chi')!.level}`),
    )

    const [record] = await find<{ result: string; comment: string; award: string | null }>(
      'year-end-results',
      { and: [{ student: { equals: pastPupil.id } }, { schoolYear: { equals: lastYear } }] },
    )
    const labels = {
      HTXS: 'Hoàn thành xuất sắc',
      HTT: 'Hoàn thành tốt',
      HT: 'Hoàn thành',
      CHT: 'Chưa hoàn thành',
    }
    expect(year).toContain(
      `Đánh giá kết quả giáo dục: ${labels[record!.result as keyof typeof labels]} ` +
        `(${record!.result})`,
    )
    expect(text).toContain(flat(record!.comment))
    if (record!.result !== 'CHT') expect(year).toContain('Hoàn thành chương trình lớp học')

    // Height and weight of the year's last check-up; days absent from attendance.
    const checkups = await find<{ date: string; heightCm: number; weightKg: number }>(
      'health-checkups',
      { student: { equals: pastPupil.id } },
    )
    const last = checkups
      .filter((checkup) => schoolYearOf(new Date(checkup.date)) === lastYear)
      .sort((a, b) => b.date.localeCompare(a.date))[0]!
    expect(year).toContain(`Chiều cao: ${last.heightCm} cm`)
    expect(year).toContain(`cân nặng: ${String(last.weightKg).replace('.', ',')} kg`)
    const { attendanceTotalsOf } = await import('../../cms/src/assessment/attendance-totals')
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const req = await createLocalReq({ user: principal }, school.payload)
    const totals = (await attendanceTotalsOf(req, [pastPupil.id], lastYear)).get(
      String(pastPupil.id),
    )!
    expect(totals.year.excusedDays + totals.year.unexcusedDays).toBeGreaterThan(0)
    expect(year).toContain(
      `có phép: ${totals.year.excusedDays}; không phép: ${totals.year.unexcusedDays}`,
    )

    // Approved last year: final, no draft mark; fonts embedded from the package.
    expect(text).not.toContain('Bản nháp')
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) {
      expect(font.name).toMatch(/Tinos/)
      expect(font.embedded, font.name).toBe(true)
    }
  })

  it('without a school year prints every year: the year not approved is a draft', async () => {
    const pdf = await pdfOf('principal', `/transcripts/${pastPupil.id}`)
    expect(pdfPageCount(pdf)).toBe(FRONT_PAGES + 2)
    const pages = pdfPageTexts(pdf)
    expect(pages[3]).toContain(`Năm học: ${lastYear}`)
    expect(pages[3]).not.toContain('Bản nháp')
    expect(pages[4]).toContain(`Năm học: ${thisYear}`)
    expect(pages[4]).toContain(`Bản nháp: kết quả năm học ${thisYear} chưa được Hiệu trưởng`)
  })
})

describe('every year of a pupil, as the user may make them', () => {
  it('gives the homeroom teacher this year’s page, leadership every year’s', async () => {
    // A pupil of 3A who was in last year's 2A (another teacher's class then).
    const pupils = await find<Student>('students', { class: { equals: class3A.id } })
    const pastRecords = await find<{ student: number }>('year-end-results', {
      and: [
        { schoolYear: { equals: lastYear } },
        { student: { in: pupils.map((pupil) => pupil.id) } },
      ],
    })
    const pupil = pastRecords[0]!.student
    const byPrincipal = await pdfOf('principal', `/transcripts/${pupil}`)
    expect(pdfPageCount(byPrincipal)).toBe(FRONT_PAGES + 2)
    const byHomeroom = await pdfOf('group_head', `/transcripts/${pupil}`)
    expect(pdfPageCount(byHomeroom)).toBe(FRONT_PAGES + 1)
    const pages = pdfPageTexts(byHomeroom)
    expect(pages[FRONT_PAGES]).toContain(`Năm học: ${thisYear}`)
    // "Quá trình học tập" still lists both years.
    expect(pages[2]).toContain(lastYear)
    expect(pages[2]).toContain(thisYear)
  })
})

describe('line (6) of a pupil who did not complete the year (TT27 Điều 12)', () => {
  it('says how the year ended: supplementary assessment passed, or principal', async () => {
    const failed = await find<{
      student: number
      supplementary?: { passed?: boolean }
      principalDecision?: string
    }>('year-end-results', {
      and: [{ schoolYear: { equals: lastYear } }, { result: { equals: 'CHT' } }],
    })
    expect(failed.length).toBeGreaterThan(0)
    for (const record of failed) {
      const pdf = await pdfOf('principal', `/transcripts/${record.student}?schoolYear=${lastYear}`)
      const year = flat(pdfPageTexts(pdf)[FRONT_PAGES]!)
      expect(year).toContain('Đánh giá kết quả giáo dục: Chưa hoàn thành (CHT)')
      expect(year).toContain(
        record.supplementary?.passed
          ? 'Hoàn thành chương trình lớp học (sau đánh giá bổ sung)'
          : 'Chưa hoàn thành chương trình lớp học; được lên lớp theo quyết định của Hiệu trưởng',
      )
    }
  })
})

describe('a class as one file', () => {
  it('holds every pupil in name order, one year page each, drafts this year', async () => {
    // Its speed is the benchmark's (npm run bench:documents), never a timed assertion here.
    const answer = await download(
      'group_head',
      `/transcripts?class=${class3A.id}&schoolYear=${thisYear}`,
    )
    expect(answer.status).toBe(200)
    expect(answer.type).toBe('application/pdf')
    // Streamed as it is written (no length known in advance), under a Vietnamese file name.
    expect(answer.headers.get('content-length')).toBeNull()
    expect(answer.headers.get('content-disposition')).toContain(
      encodeURIComponent(`Học bạ ${class3A.name} ${thisYear}.pdf`),
    )
    const pdf = answer.body
    const pupils = (await find<Student>('students', { class: { equals: class3A.id } }))
      .filter((pupil) => pupil.status === 'studying')
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    expect(pdfPageCount(pdf)).toBe(pupils.length * (FRONT_PAGES + 1))
    const pages = pdfPageTexts(pdf)
    pupils.forEach((pupil, at) => {
      const cover = pages[at * (FRONT_PAGES + 1)]!
      expect(cover).toContain(pupil.fullName)
      expect(pages[at * (FRONT_PAGES + 1) + 3]).toContain('Bản nháp')
    })
  })

  it('of last year’s approved class has no draft mark', async () => {
    const pdf = await pdfOf('principal', `/transcripts?class=${past3B.id}&schoolYear=${lastYear}`)
    const results = await find('year-end-results', { class: { equals: past3B.id } })
    expect(pdfPageCount(pdf)).toBe(results.length * (FRONT_PAGES + 1))
    expect(pdfText(pdf)).not.toContain('Bản nháp')
  })

  it('lists its pupils for one transcript each, to those who make the class file', async () => {
    const url = `/documents/pupils?class=${past3B.id}&schoolYear=${lastYear}`
    const answer = await (await as('principal')).get(url)
    expect(answer.status).toBe(200)
    const results = await find<{ student: number }>('year-end-results', {
      class: { equals: past3B.id },
    })
    const listed = answer.body.pupils as Array<{ id: number; fullName: string }>
    expect(listed.map((pupil) => pupil.id).sort()).toEqual(
      results.map((result) => result.student).sort(),
    )
    const names = listed.map((pupil) => pupil.fullName)
    expect(names).toEqual([...names].sort(compareVietnameseNames))
    for (const role of ['subject_teacher', 'nurse', 'clerk', 'it_teacher'] as const) {
      expect((await (await as(role)).get(url)).status, role).toBe(403)
    }
    expect((await (await as('anonymous')).get(url)).status).toBe(401)
    expect((await (await as('principal')).get('/documents/pupils?class=abc')).status).toBe(404)
  })
})

describe('access (Điều 13: the homeroom teacher and leadership)', () => {
  const classUrl = () => `/transcripts?class=${class3A.id}&schoolYear=${thisYear}`
  const pupilUrl = () => `/transcripts/${pupil3A.id}?schoolYear=${thisYear}`

  it('lets the homeroom teacher of the class and leadership make them', async () => {
    for (const role of ['group_head', 'principal', 'vice_principal'] as const) {
      expect((await download(role, pupilUrl())).status, role).toBe(200)
    }
    expect((await download('vice_principal', classUrl())).status).toBe(200)
  })

  it('refuses others: 403 who reads the pupil, 404 who does not, 401 no login', async () => {
    const expected: Array<[Role | 'anonymous', number, number]> = [
      // [who, class file, pupil]
      ['homeroom_teacher', 403, 404],
      ['subject_teacher', 403, 403],
      ['nurse', 403, 403],
      // The clerk reads every pupil's name, class and birth date (guardians' requests).
      ['clerk', 403, 403],
      // The IT teacher teaches Tin học và Công nghệ in 3A: reads who is in it, makes nothing.
      ['it_teacher', 403, 403],
      ['anonymous', 401, 401],
    ]
    for (const [role, classStatus, pupilStatus] of expected) {
      const classAnswer = await download(role, classUrl())
      expect(classAnswer.status, `${role} class`).toBe(classStatus)
      expect((await download(role, pupilUrl())).status, `${role} pupil`).toBe(pupilStatus)
      if (classStatus === 403) {
        expect(new TextDecoder().decode(classAnswer.body)).toContain('giáo viên chủ nhiệm')
      }
    }
  })

  it('logs every download with the class, the year and the pupils', async () => {
    const user = await findUserByEmail(school.payload, demoLoginEmail('group_head'))
    const before = new Date().toISOString()
    await pdfOf('group_head', classUrl())
    const { docs } = await school.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { action: { equals: 'export' } },
          { document: { equals: 'transcript' } },
          { actorUserId: { equals: String(user.id) } },
          { createdAt: { greater_than_equal: before } },
        ],
      },
      overrideAccess: true,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(doc.detail).toBe(`${class3A.name} · ${thisYear}`)
    const logged = docs.flatMap((doc) => (doc.docIds as unknown[]).map(String))
    const pupils = await find<Student>('students', {
      and: [{ class: { equals: class3A.id } }, { status: { equals: 'studying' } }],
    })
    expect(logged.sort()).toEqual(pupils.map((pupil) => String(pupil.id)).sort())
  })

  it('answers bad parameters with 400 and unknown ones with 404, never 500', async () => {
    const cases: Array<[string, number]> = [
      [`/transcripts?class=${class3A.id}&schoolYear=2026`, 400],
      [`/transcripts?class=${class3A.id}&schoolYear=2025-2027`, 400],
      [`/transcripts?class=${class3A.id}&schoolYear=${lastYear}`, 400],
      ['/transcripts?class=3A!', 400],
      ['/transcripts', 400],
      [`/transcripts/${pupil3A.id}?schoolYear=abc`, 400],
      ['/transcripts/no%20such', 400],
      ['/transcripts?class=999999', 404],
      ['/transcripts/999999', 404],
      [`/transcripts/${pupil3A.id}?schoolYear=2001-2002`, 404],
    ]
    for (const [url, status] of cases) {
      expect((await download('principal', url)).status, url).toBe(status)
    }
  })
})

describe('one fixed transcript', () => {
  let fixed: Student
  let fixedClass: Group
  const fixedYear = '2020-2021'

  beforeAll(async () => {
    const { payload } = school
    const homeroom = await findUserByEmail(payload, demoLoginEmail('group_head'))
    const music = await findUserByEmail(payload, demoLoginEmail('subject_teacher'))
    const principal = await findUserByEmail(payload, demoLoginEmail('principal'))
    const system = { overrideAccess: true, depth: 0 } as const
    fixedClass = await payload.create({
      collection: 'groups',
      data: {
        name: 'Lớp 2C (2020-2021)',
        kind: 'class',
        grade: 2,
        schoolYear: fixedYear,
        homeroomTeacher: homeroom.id,
      },
      ...system,
    })
    fixed = await payload.create({
      collection: 'students',
      data: {
        fullName: 'Đặng Thị Ngọc Ánh',
        studentCode: '0120999999',
        dateOfBirth: '2013-03-08T00:00:00.000Z',
        gender: 'female',
        class: fixedClass.id,
        status: 'studying',
        ethnicity: 'Kinh',
        nationality: 'Việt Nam',
        placeOfBirth: 'Hà Nội',
        homeTown: 'Nam Định',
        currentAddress: 'Số 12, ngõ 5 Ngọc Thụy, Long Biên, Hà Nội',
        registerNumber: '042/2019',
        personalId: '001313000042',
        guardians: [
          {
            name: 'Đặng Văn Hùng',
            relationship: 'father',
            phone: '0912345678',
            occupation: 'Kỹ sư',
          },
          {
            name: 'Lê Thị Hoa',
            relationship: 'mother',
            phone: '0987654321',
            occupation: 'Giáo viên',
          },
        ],
      },
      ...system,
    })
    const codes = [
      'tieng-viet',
      'toan',
      'dao-duc',
      'tu-nhien-xa-hoi',
      'giao-duc-the-chat',
      'am-nhac',
      'mi-thuat',
      'hoat-dong-trai-nghiem',
    ]
    for (const [at, subject] of codes.entries()) {
      await payload.create({
        collection: 'teaching-assignments',
        data: {
          teacher: subject === 'am-nhac' ? music.id : homeroom.id,
          class: fixedClass.id,
          subject,
          schoolYear: fixedYear,
        },
        ...system,
      })
      const tested = subject === 'tieng-viet' || subject === 'toan'
      await payload.create({
        collection: 'assessments',
        data: {
          student: fixed.id,
          class: fixedClass.id,
          subject,
          period: 'end',
          schoolYear: fixedYear,
          level: at === 1 ? 'H' : 'T',
          score: tested ? (at === 1 ? 7 : 10) : null,
          comment:
            at === 0
              ? 'Đọc lưu loát, diễn cảm; viết đúng chính tả, chữ viết đẹp và trình bày bài cẩn ' +
                'thận, sáng sủa; tích cực phát biểu xây dựng bài trong các giờ học.'
              : `Hoàn thành tốt nội dung môn học (${subject}).`,
        },
        ...system,
      })
    }
    const traits = [
      'yeu-nuoc',
      'nhan-ai',
      'cham-chi',
      'trung-thuc',
      'trach-nhiem',
      'tu-chu-tu-hoc',
      'giao-tiep-hop-tac',
      'gqvd-sang-tao',
      'ngon-ngu',
      'tinh-toan',
      'khoa-hoc',
      'tham-mi',
      'the-chat',
    ] as const
    await payload.create({
      collection: 'trait-assessments',
      data: {
        student: fixed.id,
        class: fixedClass.id,
        period: 'end',
        schoolYear: fixedYear,
        traits: traits.map((trait, at) => ({ trait, level: at === 2 ? 'Đ' : 'T' })),
        qualitiesComment: 'Lễ phép, thật thà, biết giúp đỡ bạn bè.',
        competenciesComment: 'Tự giác học bài, mạnh dạn trình bày ý kiến.',
      },
      ...system,
    })
    await payload.create({
      collection: 'health-checkups',
      data: { student: fixed.id, date: '2021-03-15T02:00:00.000Z', heightCm: 121, weightKg: 22.5 },
      ...system,
    })
    await payload.create({
      collection: 'year-end-results',
      data: {
        student: fixed.id,
        class: fixedClass.id,
        schoolYear: fixedYear,
        result: 'HT',
        resultReasons: ['không đạt HTT vì Toán: H'],
        comment: 'Em chăm ngoan, cần luyện thêm kĩ năng tính toán.',
      },
      ...system,
    })
    await payload.create({
      collection: 'assessment-confirmations',
      data: {
        class: fixedClass.id,
        schoolYear: fixedYear,
        period: 'end',
        scope: 'year-end',
        kind: 'approved',
        by: principal.id,
      },
      ...system,
    })
    // As the signing endpoint records them: each step with the fingerprint of the data it covers.
    const { classDataFingerprint } = await import('../../cms/src/documents/transcript-signing')
    const principalReq = await createLocalReq(
      { user: { ...principal, collection: 'users' } },
      payload,
    )
    const fingerprint = await classDataFingerprint(principalReq, fixedClass.id, fixedYear)
    for (const [step, by] of [
      ['homeroom', homeroom],
      ['principal', principal],
    ] as const) {
      await payload.create({
        collection: 'transcript-signatures',
        data: {
          class: fixedClass.id,
          schoolYear: fixedYear,
          step,
          round: 1,
          fingerprint,
          by: by.id,
          signerName: by.fullName,
        },
        ...system,
      })
    }
  })

  afterAll(() => {
    delete process.env.SIGNING_CERTIFICATE_FILE
    delete process.env.SIGNING_CERTIFICATE_PASSWORD
  })

  it('keeps its text layout (golden file; UPDATE_GOLDEN=1 rewrites it)', async () => {
    const pdf = await pdfOf('principal', `/transcripts/${fixed.id}?schoolYear=${fixedYear}`)
    expect(pdfSignatures(pdf).output).not.toMatch(/Signature #1/)
    // The signing steps are dated today: today's date reads as a placeholder in the golden file.
    const [day, month, year] = formatDateVi(new Date()).split('/')
    const text = pdfText(pdf, { layout: true })
      .replaceAll(`${day}/${month}/${year}`, 'DD/MM/YYYY')
      .replaceAll(`ngày ${day} tháng ${month} năm ${year}`, 'ngày DD tháng MM năm YYYY')
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      expect(process.env.UPDATE_GOLDEN, `write ${GOLDEN} with UPDATE_GOLDEN=1`).toBe('1')
      writeFileSync(GOLDEN, text)
    }
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'))
  })

  it('is signed with the school’s certificate once final; a changed byte breaks it', async () => {
    const certificate = makeTestCertificate('Truong Tieu hoc Gia Thuong (test)')
    process.env.SIGNING_CERTIFICATE_FILE = certificate.file
    process.env.SIGNING_CERTIFICATE_PASSWORD = certificate.password
    const pdf = await pdfOf(
      'principal',
      `/transcripts?class=${fixedClass.id}&schoolYear=${fixedYear}`,
    )
    const verdict = pdfSignatures(pdf)
    expect(verdict.valid, verdict.output).toBe(true)
    expect(pdfText(pdf)).toContain('Đặng Thị Ngọc Ánh')
    const changed = Buffer.from(pdf)
    const at = changed.indexOf('/Title')
    changed[at + 1] = 'X'.charCodeAt(0)
    expect(pdfSignatures(changed).valid).toBe(false)
    // A year not approved is never signed, certificate or not.
    const draft = await pdfOf('group_head', `/transcripts/${pupil3A.id}?schoolYear=${thisYear}`)
    expect(pdfSignatures(draft).valid).toBe(false)
    const { classTranscriptsFile } = await import('../../cms/src/documents/transcript-endpoints')
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const req = await createLocalReq({ user: principal }, school.payload)
    const forArchive = await classTranscriptsFile(req, fixedClass.id, fixedYear)
    expect(pdfSignatures(forArchive).valid).toBe(true)
    expect(pdfPageCount(forArchive)).toBe(FRONT_PAGES + 1)
  })
})
