/**
 * Teaching assignments in the start-of-year import (Điều 6, 8), through the real REST handlers:
 * the template's sheet "Phân công" with its subject list; a file with one bad cell of each kind
 * writes nothing and names every error by sheet, row and column; a good file creates the new
 * assignments as the IT teacher, keeps the existing ones, and proposes (never makes) a change of
 * the teacher of a class's subject, which only leadership decides; a teacher may not import.
 */
import ExcelJS from 'exceljs'
import { schoolYearOf } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group, TeachingAssignment, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { importPupils, importWorkbook } from '../fixtures/import-workbook'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let payload: Payload
let RestClient: typeof RestClientType
const schoolYear = schoolYearOf(new Date())
const startYear = Number(schoolYear.slice(0, 4))
const nextYear = `${startYear + 1}-${startYear + 2}`
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type Role = Parameters<typeof demoLoginEmail>[0]

async function as(role: Role) {
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  return client
}

async function upload(role: Role, file: Buffer) {
  const response = await (await as(role)).raw('POST', '/records-import', new Uint8Array(file), XLSX)
  const text = await response.text()
  if (response.headers.get('content-type')?.includes('ndjson'))
    return { status: response.status, body: JSON.parse(text.trim().split('\n').at(-1)!) }
  return { status: response.status, body: JSON.parse(text) }
}

const userOf = async (role: Role): Promise<User> =>
  (
    await payload.find({
      collection: 'users',
      where: { email: { equals: demoLoginEmail(role) } },
      overrideAccess: true,
    })
  ).docs[0]

const classOf = async (name: string): Promise<Group> =>
  (
    await payload.find({
      collection: 'groups',
      where: { and: [{ name: { equals: name } }, { schoolYear: { equals: schoolYear } }] },
      overrideAccess: true,
    })
  ).docs[0]

const assignmentsOf = async (classId: Group['id'], subject: string) =>
  (
    await payload.find({
      collection: 'teaching-assignments',
      where: {
        and: [
          { class: { equals: classId } },
          { subject: { equals: subject } },
          { schoolYear: { equals: schoolYear } },
        ],
      },
      depth: 0,
      overrideAccess: true,
    })
  ).docs as TeachingAssignment[]

const countOf = async (collection: 'teaching-assignments' | 'import-proposals' | 'groups') =>
  (await payload.count({ collection, overrideAccess: true })).totalDocs

beforeAll(async () => {
  payload = school.payload
  ;({ RestClient } = await import('./support/rest'))
})

describe('the template', () => {
  it('has the sheet "Phân công" with a drop-down of the subjects listed in "Môn học"', async () => {
    const response = await (await as('it_teacher')).raw('GET', '/records-import/template')
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.getWorksheet('Phân công')!
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Email giáo viên *',
      'Lớp *',
      'Môn *',
      'Năm học *',
    ])
    expect(String(sheet.getCell(1, 3).note)).toContain('Môn học')
    const subjects = await payload.count({ collection: 'subjects', overrideAccess: true })
    const list = workbook.getWorksheet('Môn học')!
    expect(list.rowCount).toBe(subjects.totalDocs + 1)
    const names = list.getColumn(1).values.slice(2)
    expect(names).toContain('Tiếng Việt')
    expect(list.getColumn(2).values).toContain('tieng-viet')
    expect(sheet.getCell(2, 3).dataValidation).toMatchObject({
      type: 'list',
      formulae: [`'Môn học'!$A$2:$A$${subjects.totalDocs + 1}`],
    })
  })
})

describe('a file of assignments', () => {
  const pupils = importPupils(5, startYear) // one pupil in each of the new 1C … 5C
  const subjectTeacher = demoLoginEmail('subject_teacher')
  const homeroomTeacher = demoLoginEmail('homeroom_teacher')
  const groupHead = demoLoginEmail('group_head')
  const good: Array<[string, string, string, string]> = [
    // New: 3C is a class of the same file; names and codes in any case, with or without accents.
    [subjectTeacher, '3C', 'ngoai ngu', schoolYear],
    [homeroomTeacher.toUpperCase(), 'Lớp 3C', 'TOÁN', schoolYear],
    // The seed's own assignment: kept as it is.
    [subjectTeacher, '3B', 'ngoai-ngu', schoolYear],
    // 3B's Tiếng Việt is the homeroom teacher's: another teacher is a proposal, not a change.
    [groupHead, '3B', 'Tiếng Việt', schoolYear],
  ]

  it('with a bad cell of each kind: nothing written, every error named', async () => {
    const before = {
      assignments: await countOf('teaching-assignments'),
      proposals: await countOf('import-proposals'),
      classes: await countOf('groups'),
    }
    const result = await upload(
      'it_teacher',
      await importWorkbook({
        schoolYear,
        pupils,
        assignments: [
          ...good,
          ['nobody@demo.giathuong.edu.vn', '3C', 'Toán', schoolYear],
          [subjectTeacher, '9Z', 'Toán', schoolYear],
          [subjectTeacher, '3C', 'Thể dục nghệ thuật', schoolYear],
          [subjectTeacher, '1C', 'Tin học và Công nghệ', schoolYear],
          [subjectTeacher, '3C', 'Ngoại ngữ', schoolYear],
          [groupHead, '3C', 'Ngoại ngữ', schoolYear],
          [subjectTeacher, '3A', 'Ngoại ngữ', nextYear],
          [subjectTeacher, '3A', 'Ngoại ngữ', '2026'],
        ],
      }),
    )
    expect(result.status).toBe(400)
    expect(result.body.message).toContain('chưa nhập dữ liệu nào')
    // The header is row 1: the good rows are 2–5, the bad ones 6–13.
    expect(result.body.errors).toEqual([
      {
        sheet: 'Phân công',
        row: 6,
        column: 'Email giáo viên',
        message: 'Không có tài khoản nào có email "nobody@demo.giathuong.edu.vn".',
      },
      {
        sheet: 'Phân công',
        row: 7,
        column: 'Lớp',
        message: 'Lớp "9Z" không có trong trang "Lớp" và chưa có trong hệ thống.',
      },
      {
        sheet: 'Phân công',
        row: 8,
        column: 'Môn',
        message: 'Môn "Thể dục nghệ thuật" không có trong danh mục môn học (xem trang "Môn học").',
      },
      {
        sheet: 'Phân công',
        row: 9,
        column: 'Môn',
        message: 'Khối 1 không học môn Tin học và Công nghệ.',
      },
      {
        sheet: 'Phân công',
        row: 10,
        column: 'Email giáo viên',
        message: 'Phân công trùng với dòng 2.',
      },
      {
        sheet: 'Phân công',
        row: 11,
        column: 'Môn',
        message:
          `Môn Ngoại ngữ 1 lớp 3C năm học ${schoolYear} đã phân công cho ${subjectTeacher} ` +
          'ở dòng 2: mỗi lớp và môn một giáo viên.',
      },
      {
        sheet: 'Phân công',
        row: 12,
        column: 'Năm học',
        message: `Lớp 3A không có trong năm học ${nextYear} (có ở năm học ${schoolYear}).`,
      },
      {
        sheet: 'Phân công',
        row: 13,
        column: 'Năm học',
        message: 'Năm học "2026" không hợp lệ: ví dụ 2026-2027.',
      },
    ])
    expect({
      assignments: await countOf('teaching-assignments'),
      proposals: await countOf('import-proposals'),
      classes: await countOf('groups'),
    }).toEqual(before)
  })

  it('a homeroom teacher or a vice-principal may not import assignments', async () => {
    const before = await countOf('teaching-assignments')
    const file = await importWorkbook({ schoolYear, pupils, assignments: good })
    for (const role of ['homeroom_teacher', 'vice_principal', 'subject_teacher'] as const)
      expect((await upload(role, file)).status, role).toBe(403)
    expect(await countOf('teaching-assignments')).toBe(before)
  })

  it('the IT teacher imports: new ones created, the existing kept, another proposed', async () => {
    const class3B = await classOf('Lớp 3B')
    const heldBefore = await assignmentsOf(class3B.id, 'tieng-viet')
    expect(heldBefore.map((assignment) => assignment.teacher)).toEqual([
      (await userOf('homeroom_teacher')).id,
    ])
    const before = await countOf('teaching-assignments')
    const result = await upload(
      'it_teacher',
      await importWorkbook({ schoolYear, pupils, assignments: good }),
    )
    expect(result.status).toBe(200)
    expect(result.body.summary.assignments).toEqual({
      created: 2,
      unchanged: 1,
      proposed: 1,
      pending: 0,
    })
    expect(result.body.message).toContain('1 phân công giảng dạy khác với phân công đã có')
    expect(await countOf('teaching-assignments')).toBe(before + 2)

    const class3C = await classOf('Lớp 3C')
    const [english] = await assignmentsOf(class3C.id, 'ngoai-ngu')
    expect(english.teacher).toBe((await userOf('subject_teacher')).id)
    const [maths] = await assignmentsOf(class3C.id, 'toan')
    expect(maths.teacher).toBe((await userOf('homeroom_teacher')).id)
    // The change of 3B's Tiếng Việt waits for leadership: the homeroom teacher still teaches it.
    expect(await assignmentsOf(class3B.id, 'tieng-viet')).toEqual(heldBefore)

    // The class list follows the assignments: the subject teacher now has 3C's, not 4C's.
    const teacher = await as('subject_teacher')
    expect((await teacher.raw('GET', `/class-list?class=${class3C.id}`)).status).toBe(200)
    const class4C = await classOf('Lớp 4C')
    expect((await teacher.raw('GET', `/class-list?class=${class4C.id}`)).status).toBe(403)
  })

  it('the same file again creates nothing and files no second proposal', async () => {
    const before = {
      assignments: await countOf('teaching-assignments'),
      proposals: await countOf('import-proposals'),
    }
    const result = await upload(
      'it_teacher',
      await importWorkbook({ schoolYear, pupils, assignments: good }),
    )
    expect(result.body.summary.assignments).toEqual({
      created: 0,
      unchanged: 3,
      proposed: 0,
      pending: 1,
    })
    expect({
      assignments: await countOf('teaching-assignments'),
      proposals: await countOf('import-proposals'),
    }).toEqual(before)
  })

  it('only leadership decides the proposal; accepted, the subject changes teacher', async () => {
    const class3B = await classOf('Lớp 3B')
    const [held] = await assignmentsOf(class3B.id, 'tieng-viet')
    const { docs } = await payload.find({
      collection: 'import-proposals',
      where: {
        and: [
          { targetCollection: { equals: 'teaching-assignments' } },
          { targetId: { equals: String(held.id) } },
        ],
      },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    const proposal = docs[0]
    expect(proposal.targetLabel).toBe(`Phân công Tiếng Việt · Lớp 3B (${schoolYear})`)
    expect(proposal.changes[0]).toMatchObject({ label: 'Giáo viên dạy' })
    expect(proposal.changes[0].currentText).toContain(demoLoginEmail('homeroom_teacher'))
    expect(proposal.changes[0].proposedText).toContain(demoLoginEmail('group_head'))

    // The proposer follows it; a teacher does not read it.
    expect((await (await as('it_teacher')).get(`/import-proposals/${proposal.id}`)).status).toBe(
      200,
    )
    const unseen = await (await as('homeroom_teacher')).get(`/import-proposals/${proposal.id}`)
    expect([403, 404]).toContain(unseen.status)

    const decide = async (role: Role) =>
      (await as(role)).post(`/import-proposals/${proposal.id}/decision`, { decision: 'accept' })
    for (const role of ['it_teacher', 'homeroom_teacher', 'group_head', 'hr_officer'] as const)
      expect((await decide(role)).status, role).toBe(403)
    expect(await assignmentsOf(class3B.id, 'tieng-viet')).toEqual([held])

    expect((await decide('vice_principal')).status).toBe(200)
    const [changed] = await assignmentsOf(class3B.id, 'tieng-viet')
    expect(changed.id).toBe(held.id)
    expect(changed.teacher).toBe((await userOf('group_head')).id)
    expect((await decide('principal')).status).toBe(409)
  })
})
