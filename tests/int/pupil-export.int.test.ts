/**
 * Everything the school holds on one pupil, as one .xlsx (Law 91/2025): leadership only (every
 * role both ways), one sheet per kind of record, read as the exporting user, logged before the
 * file leaves; the audit log's sheet only for the principal, who alone reads it.
 */
import ExcelJS from 'exceljs'
import { ROLES, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Student, User } from '../../cms/src/payload-types'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>
let pupil: Student

const EXPORTERS: Role[] = ['principal', 'vice_principal']

beforeAll(async () => {
  users = await demoUsers(school.payload)
  pupil = await pupilOf(school.payload, 'Lớp 3B', 0)
})

async function exportAs(role: Role, id: number | string = pupil.id) {
  return (await as(role)).raw('GET', `/data-rights/pupils/${id}/export`)
}

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
  return workbook
}

function cells(sheet: ExcelJS.Worksheet | undefined): string {
  const values: string[] = []
  sheet?.eachRow((row) => values.push(JSON.stringify(row.values)))
  return values.join('\n')
}

async function exportEntries() {
  const { docs } = await school.payload.find({
    collection: 'audit-log',
    where: { and: [{ action: { equals: 'export' } }, { document: { equals: 'pupil-data' } }] },
    overrideAccess: true,
    limit: 0,
    pagination: false,
  })
  return docs
}

describe('the export of one pupil', () => {
  it.each(ROLES)('%s: exports only if leadership', async (role) => {
    const before = (await exportEntries()).length
    const response = await exportAs(role)
    const allowed = EXPORTERS.includes(role)
    expect(response.status).toBe(allowed ? 200 : 403)
    expect((await exportEntries()).length).toBe(before + (allowed ? 1 : 0))
    if (!allowed) {
      const body = await response.json()
      expect(body.errors[0].message).toContain('Hiệu trưởng')
    }
  })

  it('refuses an anonymous request and answers 404 for no such pupil', async () => {
    const { RestClient } = await import('./support/rest')
    const anonymous = await new RestClient().raw('GET', `/data-rights/pupils/${pupil.id}/export`)
    expect(anonymous.status).toBe(401)
    expect((await exportAs('principal', 99_999_999)).status).toBe(404)
    expect((await exportAs('principal', 'abc;drop')).status).toBe(404)
  })

  it('holds every kind of record in one workbook, and is logged naming the pupil', async () => {
    const { payload } = school
    await (
      await as('clerk')
    ).post('/data-requests', {
      pupil: pupil.id,
      kind: 'access',
      guardianName: 'Bố của em',
      guardianContact: '0912345678',
      receivedOn: new Date().toISOString(),
      channel: 'email',
      details: 'Xin bản sao dữ liệu.',
    })
    // Someone read the record: the export says who.
    await payload.findByID({
      collection: 'students',
      id: pupil.id,
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    const response = await exportAs('principal')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('spreadsheetml')
    expect(response.headers.get('cache-control')).toContain('no-store')
    const workbook = await workbookOf(response)
    const names = workbook.worksheets.map((sheet) => sheet.name)
    expect(names).toEqual([
      'Thông tin',
      'Hồ sơ',
      'Cha mẹ, người giám hộ',
      'Biến động',
      'Sức khỏe',
      'Khám sức khỏe',
      'Kết quả môn học',
      'Phẩm chất, năng lực',
      'Kết quả cuối năm',
      'Điểm danh',
      'Sự đồng ý',
      'Bài viết có tên, ảnh',
      'Yêu cầu về dữ liệu',
      'Ai đã xem, sửa',
      'Đề xuất khi nhập dữ liệu',
    ])
    const sheet = (name: string) => cells(workbook.getWorksheet(name))
    expect(sheet('Hồ sơ')).toContain(pupil.studentCode)
    expect(sheet('Cha mẹ, người giám hộ')).toContain(pupil.guardians?.[0]?.name)
    const checkups = await payload.count({
      collection: 'health-checkups',
      where: { student: { equals: pupil.id } },
      overrideAccess: true,
    })
    expect(workbook.getWorksheet('Khám sức khỏe')!.rowCount).toBe(checkups.totalDocs + 1)
    const assessments = await payload.count({
      collection: 'assessments',
      where: { student: { equals: pupil.id } },
      overrideAccess: true,
    })
    expect(assessments.totalDocs).toBeGreaterThan(0)
    expect(workbook.getWorksheet('Kết quả môn học')!.rowCount).toBe(assessments.totalDocs + 1)
    expect(workbook.getWorksheet('Điểm danh')!.rowCount).toBeGreaterThan(1)
    expect(sheet('Yêu cầu về dữ liệu')).toContain('Bố của em')
    expect(sheet('Ai đã xem, sửa')).toContain(users.homeroom_teacher.email)
    // Nothing of another pupil.
    const other = await pupilOf(payload, 'Lớp 3B', 1)
    expect(workbook.worksheets.map(cells).join('\n')).not.toContain(other.studentCode)

    const [entry] = (await exportEntries()).slice(-1)
    expect(entry).toMatchObject({
      actorEmail: users.principal.email,
      collection: 'students',
      docIds: [String(pupil.id)],
    })
  })

  it('a vice-principal’s export leaves out the audit log (the principal’s)', async () => {
    const workbook = await workbookOf(await exportAs('vice_principal'))
    const audit = cells(workbook.getWorksheet('Ai đã xem, sửa'))
    expect(audit).toContain('chỉ Hiệu trưởng')
    expect(audit).not.toContain('@demo.giathuong.edu.vn')
    // The rest is there: a vice-principal reads the whole record, health included (Điều 6).
    expect(cells(workbook.getWorksheet('Hồ sơ'))).toContain(pupil.studentCode)
  })
})
