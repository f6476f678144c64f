/**
 * The start-of-year import (Điều 8) through the real REST handlers, as the IT teacher: a
 * 500-pupil file with deliberate errors imports nothing and names each error; the corrected
 * file imports once, and again without duplicates; a corrected row of an existing pupil is only a
 * proposal. Also the template, the statistics and the
 * class-list export, each refused to those who may not have them.
 */
import ExcelJS from 'exceljs'
import { schoolYearOf } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { importPupils, importWorkbook } from '../fixtures/import-workbook'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let payload: Payload
let RestClient: typeof RestClientType
const schoolYear = schoolYearOf(new Date())
const startYear = Number(schoolYear.slice(0, 4))

async function as(role: Parameters<typeof demoLoginEmail>[0]) {
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  return client
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

async function upload(client: RestClientType, file: Buffer) {
  const response = await client.raw('POST', '/records-import', new Uint8Array(file), XLSX)
  const text = await response.text()
  if (response.headers.get('content-type')?.includes('ndjson')) {
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    return { status: response.status, lines, body: lines.at(-1) }
  }
  return { status: response.status, lines: [], body: JSON.parse(text) }
}

const counts = async () => ({
  pupils: (await payload.count({ collection: 'students', overrideAccess: true })).totalDocs,
  classes: (
    await payload.count({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      overrideAccess: true,
    })
  ).totalDocs,
  staff: (await payload.count({ collection: 'staff-profiles', overrideAccess: true })).totalDocs,
})

beforeAll(async () => {
  payload = school.payload
  ;({ RestClient } = await import('./support/rest'))
})

describe('the template', () => {
  it('the IT teacher downloads an .xlsx with the four sheets and Vietnamese headers; others may not', async () => {
    const it = await as('it_teacher')
    const response = await it.raw('GET', '/records-import/template')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(XLSX)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Hướng dẫn',
      'Lớp',
      'Học sinh',
      'Cán bộ',
      'Phân công',
      'Môn học',
    ])
    expect(workbook.getWorksheet('Học sinh')!.getRow(1).getCell(1).value).toBe('Mã học sinh *')
    for (const role of ['web_admin', 'homeroom_teacher', 'hr_officer'] as const) {
      expect((await (await as(role)).raw('GET', '/records-import/template')).status, role).toBe(403)
    }
    expect((await new RestClient().raw('GET', '/records-import/template')).status).toBe(401)
  })
})

describe('a 500-pupil import', () => {
  const pupils = importPupils(500, startYear)
  const staff = [
    { email: 'moi.gv1@giathuong.edu.vn', fullName: 'Lã Thị Mới', position: 'Giáo viên khối 1' },
    {
      email: demoLoginEmail('homeroom_teacher'),
      fullName: 'Nguyễn Thị Bích Ngọc',
      position: 'GVCN lớp 3B',
    },
  ]

  it('with a bad date, an unknown class, a missing guardian phone and a duplicate row: nothing imported, each error named', async () => {
    const broken = pupils.map((pupil) => ({ ...pupil }))
    broken[10].dateOfBirth = '31/02/2019'
    broken[20].className = '9Z'
    broken[30].phone = ''
    broken.splice(41, 0, { ...broken[40] }) // row 40 typed twice
    const before = await counts()
    const auditBefore = (await payload.count({ collection: 'audit-log', overrideAccess: true }))
      .totalDocs

    const result = await upload(
      await as('it_teacher'),
      await importWorkbook({ schoolYear, pupils: broken, staff }),
    )
    expect(result.status).toBe(400)
    expect(result.body.message).toContain('chưa nhập dữ liệu nào')
    const errors = result.body.errors as Array<{
      sheet: string
      row: number
      column: string
      message: string
    }>
    // Spreadsheet rows: the header is row 1, so pupil i is on row i + 2.
    expect(errors).toEqual([
      {
        sheet: 'Học sinh',
        row: 12,
        column: 'Ngày sinh',
        message: 'Ngày sinh "31/02/2019" không hợp lệ: cần dạng dd/mm/yyyy.',
      },
      {
        sheet: 'Học sinh',
        row: 22,
        column: 'Lớp',
        message: 'Lớp "9Z" không có trong trang "Lớp" và chưa có trong hệ thống.',
      },
      {
        sheet: 'Học sinh',
        row: 32,
        column: 'Điện thoại 1',
        message: 'Thiếu số điện thoại người giám hộ.',
      },
      {
        sheet: 'Học sinh',
        row: 43,
        column: 'Mã học sinh',
        message: `Mã học sinh ${broken[40].studentCode} trùng với dòng 42.`,
      },
    ])
    expect(await counts()).toEqual(before)
    expect((await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs).toBe(
      auditBefore,
    )
  })

  it('the corrected file imports once, reporting progress and a summary; as the IT teacher, audited', async () => {
    const before = await counts()
    const started = new Date().toISOString()
    const result = await upload(
      await as('it_teacher'),
      await importWorkbook({
        schoolYear,
        pupils,
        staff,
        homeroomEmail: demoLoginEmail('homeroom_teacher'),
      }),
    )
    expect(result.status).toBe(200)
    const progress = result.lines.filter((line) => line.type === 'progress')
    expect(progress.length).toBeGreaterThan(10)
    expect(progress.at(-1)).toEqual({ type: 'progress', done: 507, total: 507 })
    // The homeroom teacher's existing profile is not the import's to change (Điều 16): the
    // file's differences go to the HR officer as one proposal. Who keeps the new 3C is
    // leadership's decision (Điều 5.1, 6): proposed, not set.
    expect(result.body).toEqual({
      type: 'summary',
      summary: {
        classes: { created: 5, unchanged: 0, proposed: 1, pending: 0 },
        staff: { created: 1, existing: 1 },
        pupils: { created: 500, existing: 0 },
        assignments: { created: 0, unchanged: 0, proposed: 0, pending: 0 },
      },
      // The class's homeroom teacher is told as proposed; the existing profile only as existing.
      message: expect.stringMatching(
        /1 thay đổi đã được gửi đề xuất, chưa áp dụng.*1 hồ sơ đã có từ trước/,
      ),
    })
    expect(await counts()).toEqual({
      pupils: before.pupils + 500,
      classes: before.classes + 5,
      staff: before.staff + 1,
    })

    const imported = (
      await payload.find({
        collection: 'students',
        where: { studentCode: { equals: pupils[7].studentCode } },
        depth: 1,
        overrideAccess: true,
      })
    ).docs[0]
    expect(imported).toMatchObject({
      fullName: pupils[7].fullName,
      permanentAddress: pupils[7].permanentAddress,
      status: 'studying',
    })
    expect(imported.guardians?.[0]).toMatchObject({
      name: pupils[7].guardianName,
      relationship: 'father',
      phone: pupils[7].phone,
    })
    expect((imported.class as { name: string }).name).toBe(`Lớp ${pupils[7].className}`)
    const itTeacher = (
      await payload.find({
        collection: 'users',
        where: { email: { equals: demoLoginEmail('it_teacher') } },
        overrideAccess: true,
      })
    ).docs[0]
    const created = await payload.count({
      collection: 'audit-log',
      where: {
        and: [
          { action: { equals: 'create' } },
          { collection: { equals: 'students' } },
          { actor: { equals: itTeacher.id } },
          { createdAt: { greater_than_equal: started } },
        ],
      },
      overrideAccess: true,
    })
    expect(created.totalDocs).toBe(500)
    // The new 3C's homeroom teacher (from the file) keeps its pupils once leadership accepts.
    expect(pupils[7].className).toBe('3C')
    const homeroom = await as('homeroom_teacher')
    expect((await homeroom.get(`/students/${imported.id}`)).status).toBe(404)
    const class3C = (imported.class as Group).id
    expect((imported.class as Group).homeroomTeacher ?? null).toBeNull()
    const { docs: proposals } = await payload.find({
      collection: 'import-proposals',
      where: { targetId: { equals: String(class3C) } },
      depth: 0,
      overrideAccess: true,
    })
    expect(proposals).toHaveLength(1)
    const decided = await (
      await as('principal')
    ).post(`/import-proposals/${proposals[0].id}/decision`, { decision: 'accept' })
    expect(decided.status).toBe(200)
    expect((await homeroom.get(`/students/${imported.id}`)).status).toBe(200)
  })

  it('the same file again changes nothing; a corrected row is a proposal', async () => {
    const before = await counts()
    const again = await upload(
      await as('it_teacher'),
      await importWorkbook({
        schoolYear,
        pupils,
        staff,
        homeroomEmail: demoLoginEmail('homeroom_teacher'),
      }),
    )
    // The staff proposal of the first import is still waiting: counted, not filed again.
    expect(again.body.summary).toEqual({
      classes: { created: 0, unchanged: 5, proposed: 0, pending: 0 },
      staff: { created: 0, existing: 2 },
      pupils: { created: 0, existing: 500 },
      assignments: { created: 0, unchanged: 0, proposed: 0, pending: 0 },
    })
    expect(await counts()).toEqual(before)

    const moved = pupils.map((pupil, index) =>
      index === 3 ? { ...pupil, permanentAddress: 'Số 1, phố Mới, Long Biên, Hà Nội' } : pupil,
    )
    const corrected = await upload(
      await as('it_teacher'),
      await importWorkbook({
        schoolYear,
        pupils: moved,
        staff,
        homeroomEmail: demoLoginEmail('homeroom_teacher'),
      }),
    )
    // An existing pupil's record is the homeroom teacher's and leadership's (Điều 6, 9.1).
    // The importer is told how many existed, not which of them the file contradicts (Intake).
    expect(corrected.body.summary.pupils).toEqual({ created: 0, existing: 500 })
    expect(await counts()).toEqual(before)
    const corrected3 = (
      await payload.find({
        collection: 'students',
        where: { studentCode: { equals: pupils[3].studentCode } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    expect(corrected3.permanentAddress).toBe(pupils[3].permanentAddress)
    const filed = await payload.count({
      collection: 'import-proposals',
      where: { targetId: { equals: String(corrected3.id) } },
      overrideAccess: true,
    })
    expect(filed.totalDocs).toBe(1)
  })

  it('only the IT teacher and the principal import', async () => {
    const file = await importWorkbook({ schoolYear, pupils: pupils.slice(0, 2) })
    for (const role of ['vice_principal', 'homeroom_teacher', 'web_admin', 'hr_officer'] as const) {
      expect((await upload(await as(role), file)).status, role).toBe(403)
    }
  })

  it('a file that is not a spreadsheet, or is empty, is refused with a message', async () => {
    const it = await as('it_teacher')
    const notXlsx = await upload(it, Buffer.from('Họ và tên,Ngày sinh\nAn,01/01/2018'))
    expect(notXlsx.status).toBe(400)
    expect(notXlsx.body.errors[0].message).toContain('.xlsx')
    const empty = await it.raw('POST', '/records-import', new Uint8Array(), XLSX)
    expect(empty.status).toBe(400)
  })
})

describe('statistics and class lists', () => {
  it('the IT teacher and leadership see counts per class without a single name; a teacher may not', async () => {
    const response = await (await as('it_teacher')).get('/pupil-statistics')
    expect(response.status).toBe(200)
    const row3B = response.body.classes.find((row: { class: string }) => row.class === 'Lớp 3B')
    const in3B = await payload.count({
      collection: 'students',
      where: {
        class: {
          equals: (
            await payload.find({
              collection: 'groups',
              where: { name: { equals: 'Lớp 3B' } },
              overrideAccess: true,
            })
          ).docs[0].id,
        },
      },
      overrideAccess: true,
    })
    expect(row3B.total).toBe(in3B.totalDocs)
    const { docs } = await payload.find({ collection: 'students', limit: 5, overrideAccess: true })
    for (const pupil of docs) expect(JSON.stringify(response.body)).not.toContain(pupil.fullName)
    expect((await (await as('subject_teacher')).get('/pupil-statistics')).status).toBe(403)
    expect((await (await as('vice_principal')).get('/pupil-statistics')).status).toBe(200)
  })

  it('a class list exports to .xlsx with what the user may read: guardians for the homeroom teacher, names only for a subject teacher, nothing for the web admin', async () => {
    const class3B = (
      await payload.find({
        collection: 'groups',
        where: { name: { equals: 'Lớp 3B' } },
        overrideAccess: true,
      })
    ).docs[0]
    const headersFor = async (role: Parameters<typeof demoLoginEmail>[0]) => {
      const response = await (await as(role)).raw('GET', `/class-list?class=${class3B.id}`)
      if (response.status !== 200) return response.status
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await response.arrayBuffer())
      const sheet = workbook.worksheets[0]
      return { headers: sheet.getRow(3).values as unknown[], rows: sheet.rowCount - 3 }
    }
    const homeroom = await headersFor('homeroom_teacher')
    const subject = await headersFor('subject_teacher')
    const count = (
      await payload.count({
        collection: 'students',
        where: { class: { equals: class3B.id } },
        overrideAccess: true,
      })
    ).totalDocs
    expect(homeroom).toMatchObject({ rows: count })
    expect((homeroom as { headers: unknown[] }).headers).toContain('Người giám hộ')
    expect((subject as { headers: unknown[] }).headers).toEqual([
      undefined,
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
    ])
    expect(await headersFor('web_admin')).toBe(403)
  })

  it('a class list download is logged as an export: who, which class, which pupils', async () => {
    const class3B = (
      await payload.find({
        collection: 'groups',
        where: { name: { equals: 'Lớp 3B' } },
        overrideAccess: true,
      })
    ).docs[0]
    const since = new Date().toISOString()
    const homeroom = await as('homeroom_teacher')
    expect((await homeroom.raw('GET', `/class-list?class=${class3B.id}`)).status).toBe(200)
    const { docs: entries } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'export' } }, { createdAt: { greater_than: since } }] },
      overrideAccess: true,
    })
    const pupils = await payload.find({
      collection: 'students',
      where: { class: { equals: class3B.id } },
      limit: 0,
      overrideAccess: true,
    })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      document: 'class-list',
      detail: `Lớp 3B · ${class3B.schoolYear}`,
      actorEmail: demoLoginEmail('homeroom_teacher'),
      count: pupils.totalDocs,
    })
    expect([...entries[0].docIds!].sort()).toEqual(pupils.docs.map((p) => String(p.id)).sort())
    // A refused download leaves no export entry.
    expect(
      (await (await as('web_admin')).raw('GET', `/class-list?class=${class3B.id}`)).status,
    ).toBe(403)
    const after = await payload.count({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'export' } }, { createdAt: { greater_than: since } }] },
      overrideAccess: true,
    })
    expect(after.totalDocs).toBe(1)
  })
})
