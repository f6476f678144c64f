/**
 * The entry grid over REST (Điều 10.1, 12.1, 12.2): one save for the whole grid, every error
 * listed and nothing written when one cell is bad, the same grid as .xlsx matched by pupil code,
 * the teacher's confirmation locking it.
 */
import ExcelJS from 'exceljs'
import { compareVietnameseNames, schoolYearOf, type SubjectGrid } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_DEMO_PASSWORD, demoLoginEmail } from '../../cms/src/seed/demo-school'
import type { RestClient as RestClientType } from './support/rest'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const schoolYear = schoolYearOf(new Date())
let RestClient: typeof RestClientType
let class3A: number
let class3B: number

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    limit: 0,
    overrideAccess: true,
  })
  class3A = docs.find((group) => group.name === 'Lớp 3A')!.id
  class3B = docs.find((group) => group.name === 'Lớp 3B')!.id
})

async function clientOf(role: Parameters<typeof demoLoginEmail>[0]) {
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), DEFAULT_DEMO_PASSWORD)).status).toBe(200)
  return client
}

const query = (classId: number, subject: string, period = 'end1') =>
  `class=${classId}&subject=${subject}&period=${period}&schoolYear=${schoolYear}`

describe('the entry grid', () => {
  it('loads a class × subject × checkpoint for its teacher, in Vietnamese name order', async () => {
    const english = await clientOf('subject_teacher')
    const { status, body } = await english.get(`/assessment-grid?${query(class3A, 'ngoai-ngu')}`)
    expect(status).toBe(200)
    const grid = body as SubjectGrid
    expect(grid).toMatchObject({ editable: true, tested: true, lock: null })
    const names = grid.rows.map((row) => row.fullName)
    // Vietnamese order: by given name, then family and middle names (Intl.Collator('vi')).
    expect(names).toEqual([...names].sort(compareVietnameseNames))
    expect(names.length).toBeGreaterThan(10)
    const homeroom3B = await clientOf('homeroom_teacher')
    expect((await homeroom3B.get(`/assessment-grid?${query(class3A, 'ngoai-ngu')}`)).status).toBe(
      403,
    )
    const own = await homeroom3B.get(`/assessment-grid?${query(class3B, 'ngoai-ngu')}`)
    expect(own.status).toBe(200)
    expect(own.body.editable).toBe(false)
    expect((await new RestClient().get(`/assessment-grid?${query(class3A, 'toan')}`)).status).toBe(
      401,
    )
  })

  it('one bad cell writes nothing and lists every error; a good grid saves in one request', async () => {
    const english = await clientOf('subject_teacher')
    const grid = (await english.get(`/assessment-grid?${query(class3A, 'ngoai-ngu')}`))
      .body as SubjectGrid
    const [first, second, third] = grid.rows
    const bad = await english.post('/assessment-grid', {
      class: class3A,
      subject: 'ngoai-ngu',
      period: 'end1',
      schoolYear,
      rows: [
        { student: first!.student, level: 'T', score: 9, comment: 'Tốt' },
        { student: second!.student, level: 'X', score: 11 },
        { student: third!.student, level: 'H' },
      ],
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((error: { column: string }) => error.column).sort()).toEqual([
      'level',
      'score',
      'score',
    ])
    const { totalDocs } = await school.payload.count({
      collection: 'assessments',
      where: { and: [{ class: { equals: class3A } }, { period: { equals: 'end1' } }] },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
    const good = await english.post('/assessment-grid', {
      class: class3A,
      subject: 'ngoai-ngu',
      period: 'end1',
      schoolYear,
      rows: [
        { student: first!.student, level: 'T', score: 9, comment: 'Tốt' },
        { student: second!.student, level: 'H', score: 7 },
      ],
    })
    expect(good.status).toBe(200)
    expect(good.body.saved).toBe(2)
    const saved = good.body.grid as SubjectGrid
    expect(saved.rows.find((row) => row.student === first!.student)).toMatchObject({
      level: 'T',
      score: 9,
      comment: 'Tốt',
    })
  })

  it('round-trips as .xlsx by pupil code; a bad cell in an upload writes nothing', async () => {
    const homeroom = await clientOf('homeroom_teacher')
    const since = new Date().toISOString()
    const download = await homeroom.raw('GET', `/assessment-grid/xlsx?${query(class3B, 'toan')}`)
    expect(download.status).toBe(200)
    // The download is an export of the class's pupils: logged with who and which grid.
    const exports = await school.payload.find({
      collection: 'audit-log',
      where: { and: [{ action: { equals: 'export' } }, { createdAt: { greater_than: since } }] },
      overrideAccess: true,
    })
    expect(exports.docs).toHaveLength(1)
    expect(exports.docs[0]).toMatchObject({
      document: 'assessment-grid',
      actorEmail: demoLoginEmail('homeroom_teacher'),
    })
    expect(exports.docs[0]!.detail).toContain('Lớp 3B')
    expect(exports.docs[0]!.count).toBeGreaterThan(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await download.arrayBuffer())
    const sheet = workbook.worksheets[0]!
    let header = 0
    sheet.eachRow((row, number) => {
      const values = (row.values as unknown[]).map(String)
      if (!header && values.includes('Mã học sinh')) header = number
    })
    const columns: Record<string, number> = {}
    sheet.getRow(header).eachCell((cell, number) => (columns[String(cell.value)] = number))
    const rows: ExcelJS.Row[] = []
    for (let number = header + 1; number <= sheet.rowCount; number++) {
      if (sheet.getRow(number).getCell(columns['Mã học sinh']!).value)
        rows.push(sheet.getRow(number))
    }
    rows.forEach((row, index) => {
      row.getCell(columns['Mức đạt được']!).value = index % 2 ? 'H' : 'T'
      row.getCell(columns['Điểm KTĐK']!).value = index === 1 ? 'mười' : 8
    })
    const broken = Buffer.from(await workbook.xlsx.writeBuffer())
    const upload = await homeroom.raw(
      'POST',
      `/assessment-grid/xlsx?${query(class3B, 'toan')}`,
      broken,
      'application/octet-stream',
    )
    expect(upload.status).toBe(400)
    const errors = (await upload.json()).errors as Array<{ cell: string }>
    expect(errors).toHaveLength(1)
    expect(errors[0]!.cell).toMatch(/^[A-Z]+\d+$/)
    rows[1]!.getCell(columns['Điểm KTĐK']!).value = 6
    const fixed = Buffer.from(await workbook.xlsx.writeBuffer())
    const saved = await homeroom.raw(
      'POST',
      `/assessment-grid/xlsx?${query(class3B, 'toan')}`,
      fixed,
      'application/octet-stream',
    )
    expect(saved.status).toBe(200)
    const body = await saved.json()
    expect(body.saved).toBe(rows.length)
    expect(body.grid.rows.every((row: { level: string | null }) => row.level !== null)).toBe(true)
  })

  it('the teacher confirms a complete checkpoint; then a direct change answers 409', async () => {
    const homeroom = await clientOf('homeroom_teacher')
    const confirm = {
      class: class3B,
      subject: 'toan',
      period: 'end1',
      schoolYear,
    }
    const incomplete = await homeroom.post('/assessment-grid/confirm', {
      ...confirm,
      subject: 'tieng-viet',
    })
    expect(incomplete.status).toBe(409)
    expect(incomplete.body.missing.length).toBeGreaterThan(0)
    const grid = (await homeroom.get(`/assessment-grid?${query(class3B, 'toan')}`))
      .body as SubjectGrid
    const filled = await homeroom.post('/assessment-grid', {
      ...confirm,
      rows: grid.rows.map((row) => ({ student: row.student, level: 'T', score: 8 })),
    })
    expect(filled.status).toBe(200)
    expect((await homeroom.post('/assessment-grid/confirm', confirm)).status).toBe(200)
    const after = await homeroom.get(`/assessment-grid?${query(class3B, 'toan')}`)
    expect(after.body).toMatchObject({ lock: 'confirmed', editable: false })
    const change = await homeroom.post('/assessment-grid', {
      ...confirm,
      rows: [{ student: grid.rows[0]!.student, level: 'C', score: 3 }],
    })
    expect(change.status).toBe(409)
    expect(change.body.errors[0].message).toContain('xác nhận')
  })
})
