/**
 * The class summary (bảng tổng hợp kết quả đánh giá giáo dục, TT27 Điều 13; Điều 13.1) through
 * the real REST handler: the PDF's text and the spreadsheet's cells hold what the records hold,
 * in the checkpoint's layout, with the totals and the subject teachers' signature lines; made
 * by the class's homeroom teacher and leadership only; every download logged.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { tmpdir } from 'node:os'

import ExcelJS from 'exceljs'
import {
  classSummaryLayout,
  compareVietnameseNames,
  formatDateVi,
  previousSchoolYear,
  schoolYearOf,
  type Period,
  type Role,
} from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { findUserByEmail, useTestSchool } from './support/payload'
import { pdfPageCount, pdfText } from './support/pdf'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
const thisYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(thisYear)
let RestClient: typeof RestClientType
const clients = new Map<Role | 'anonymous', RestClientType>()

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
})

async function as(role: Role | 'anonymous'): Promise<RestClientType> {
  const known = clients.get(role)
  if (known) return known
  const client = new RestClient()
  if (role !== 'anonymous') {
    const response = await client.login(demoLoginEmail(role), demoPassword())
    expect(response.status).toBe(200)
  }
  clients.set(role, client)
  return client
}

async function classNamed(name: string, schoolYear: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ name: { equals: name } }, { schoolYear: { equals: schoolYear } }] },
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error(`No class ${name} ${schoolYear}`)
  return docs[0]
}

async function download(
  role: Role | 'anonymous',
  schoolClass: Group,
  period: string,
  format?: string,
): Promise<Response> {
  const query = new URLSearchParams({
    class: String(schoolClass.id),
    period,
    schoolYear: schoolClass.schoolYear!,
    ...(format ? { format } : {}),
  })
  return (await as(role)).raw('GET', `/class-summary?${query}`)
}

async function bytesOf(response: Response): Promise<Buffer> {
  expect(
    response.status,
    await response
      .clone()
      .text()
      .catch(() => ''),
  ).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

interface ExpectedRow {
  student: number
  name: string
  birth: string
  cells: Record<string, string>
}

const AWARDS: Record<string, string> = { excellent: 'Xuất sắc', outstanding: 'Tiêu biểu' }

/** What the records of the class hold at the checkpoint, read straight from the database. */
async function recordsOf(schoolClass: Group, period: Period): Promise<ExpectedRow[]> {
  const { payload } = school
  const where = {
    and: [
      { class: { equals: schoolClass.id } },
      { schoolYear: { equals: schoolClass.schoolYear } },
      { period: { equals: period } },
    ],
  }
  const all = { limit: 0, pagination: false, depth: 0, overrideAccess: true } as const
  const [assessments, sheets, yearEnds] = await Promise.all([
    payload.find({ collection: 'assessments', where, ...all }),
    payload.find({ collection: 'trait-assessments', where, ...all }),
    payload.find({
      collection: 'year-end-results',
      where: { class: { equals: schoolClass.id } },
      ...all,
    }),
  ])
  const cells = new Map<number, Record<string, string>>()
  const of = (student: unknown) => {
    const id = student as number
    if (!cells.has(id)) cells.set(id, {})
    return cells.get(id)!
  }
  for (const entry of assessments.docs) {
    of(entry.student)[`level:${entry.subject}`] = entry.level
    if (entry.score != null) of(entry.student)[`score:${entry.subject}`] = String(entry.score)
  }
  for (const sheet of sheets.docs) {
    for (const trait of sheet.traits ?? []) of(sheet.student)[`trait:${trait.trait}`] = trait.level
  }
  if (period === 'end') {
    for (const record of yearEnds.docs) {
      const completed =
        record.result !== 'CHT' || (record.result === 'CHT' && record.supplementary?.passed)
      const row = of(record.student)
      row.result = record.result ?? ''
      row.award = AWARDS[record.award ?? ''] ?? ''
      row.completion = completed ? 'x' : ''
      row.promotion = record.principalDecision === 'retain' ? 'Ở lại lớp' : 'Lên lớp'
    }
  }
  const { docs: pupils } = await payload.find({
    collection: 'students',
    where: { id: { in: [...cells.keys()] } },
    ...all,
  })
  return pupils
    .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName))
    .map((pupil) => ({
      student: pupil.id,
      name: pupil.fullName,
      birth: formatDateVi(pupil.dateOfBirth!),
      cells: cells.get(pupil.id)!,
    }))
}

/** The PDF's line of a pupil: what follows the name and date of birth, cell by cell. */
function pdfRowOf(text: string, row: ExpectedRow): string {
  const line = text
    .split('\n')
    .find((candidate) => candidate.includes(`${row.name} `) && candidate.includes(row.birth))
  expect(line, `${row.name} in the PDF`).toBeDefined()
  return line!
    .slice(line!.indexOf(row.birth) + row.birth.length)
    .trim()
    .split(/\s+/)
    .join(' ')
}

function expectedLine(schoolClass: Group, period: Period, row: ExpectedRow, electives: string[]) {
  return classSummaryLayout(period, schoolClass.grade!, electives)
    .columns.slice(3)
    .map((column) => row.cells[column.key] ?? '')
    .filter(Boolean)
    .join(' ')
}

const electivesOf = (rows: ExpectedRow[]) => [
  ...new Set(rows.flatMap((row) => Object.keys(row.cells).map((key) => key.split(':')[1]!))),
]

/** The teachers assigned to the class in its year, by name. */
async function teacherNamesOf(schoolClass: Group): Promise<string[]> {
  const { docs } = await school.payload.find({
    collection: 'teaching-assignments',
    where: {
      and: [
        { class: { equals: schoolClass.id } },
        { schoolYear: { equals: schoolClass.schoolYear } },
      ],
    },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return [...new Set(docs.map((doc) => (doc.teacher as { fullName: string }).fullName))]
}

/** The sheet's rows by header name: the header found by its "Họ và tên", never by position. */
async function readSheet(xlsx: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]!
  const text = (row: number, col: number) => {
    const value = sheet.getCell(row, col).value
    return value === null || value === undefined ? '' : String(value)
  }
  let top = 0
  sheet.eachRow((row, number) => {
    if (!top && row.values && (row.values as unknown[]).includes('Họ và tên')) top = number
  })
  expect(top).toBeGreaterThan(0)
  const headers: string[] = []
  for (let col = 1; col <= sheet.columnCount; col += 1) {
    const title = text(top + 1, col)
    const subtitle = text(top + 2, col)
    headers.push(subtitle && subtitle !== title ? `${title} - ${subtitle}` : title)
  }
  const rows: Record<string, string>[] = []
  for (let row = top + 3; row <= sheet.rowCount; row += 1) {
    const cells = Object.fromEntries(headers.map((header, at) => [header, text(row, at + 1)]))
    if (!cells['Họ và tên'] && !cells.STT) break
    rows.push(cells)
  }
  return { headers, rows, sheet }
}

describe('the PDF and the spreadsheet hold what the records hold', () => {
  it("grade 3 at mid-term I: each pupil's levels, the teachers, final once the window closed", async () => {
    const class3A = await classNamed('Lớp 3A', thisYear)
    const response = await download('group_head', class3A, 'mid1')
    expect(response.headers.get('content-type')).toBe('application/pdf')
    expect(response.headers.get('content-disposition')).toContain('attachment')
    const pdf = await bytesOf(response)
    const text = pdfText(pdf, { layout: true })
    const rows = await recordsOf(class3A, 'mid1')
    expect(rows.length).toBeGreaterThan(20)
    for (const row of rows) {
      expect(pdfRowOf(text, row)).toBe(expectedLine(class3A, 'mid1', row, electivesOf(rows)))
    }
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC')
    expect(text).toContain('Giữa học kì I')
    expect(text).not.toContain('BẢN NHÁP')
    for (const name of await teacherNamesOf(class3A)) expect(text).toContain(name)
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('group_head'))
    expect(text).toContain(homeroom.fullName)
    const pages = pdfPageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(3)
  })
})

describe('dump', () => {
  it('writes files', async () => {
    const class3A = await classNamed('Lớp 3A', thisYear)
    const past4A = await classNamed(`Lớp 4A (${lastYear})`, lastYear)
    const pdf = await bytesOf(await download('principal', class3A, 'mid1'))
    writeFileSync('/tmp/summary-out/3A-mid1.pdf', pdf)
    const pdf2 = await bytesOf(await download('principal', past4A, 'end'))
    writeFileSync('/tmp/summary-out/4A-end.pdf', pdf2)
    const xlsx = await bytesOf(await download('principal', past4A, 'end', 'xlsx'))
    writeFileSync('/tmp/summary-out/4A-end.xlsx', xlsx)
  })
})
