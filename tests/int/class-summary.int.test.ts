/**
 * The class summary (bảng tổng hợp kết quả đánh giá giáo dục, TT27 Điều 13; Điều 13.1) through
 * the real REST handler: the PDF's text and the spreadsheet's cells hold what the records hold,
 * in the checkpoint's layout, with the totals and the subject teachers' signature lines; made
 * by the class's homeroom teacher and leadership only; every download logged.
 */
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
import type { Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { findUserByEmail, useTestSchool } from './support/payload'
import { pdfFonts, pdfPageCount, pdfText } from './support/pdf'
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
  const where: Where = {
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
    if (Object.values(cells).every((value) => value === '')) break
    rows.push(cells)
  }
  return { headers, rows, sheet }
}

describe('the PDF and the spreadsheet hold what the records hold', () => {
  it("grade 3 at mid-term I: each pupil's levels, the teachers; final once closed", async () => {
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
    expect(text).not.toContain('Bản nháp')
    for (const name of await teacherNamesOf(class3A)) expect(text).toContain(name)
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('group_head'))
    expect(text).toContain(homeroom.fullName)
    const pages = pdfPageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(pages).toBeLessThanOrEqual(3)
  })
})

describe('other layouts through the endpoint', () => {
  it('grades 4–5 at the end of an approved year: the xlsx by header, totals; final', async () => {
    const past4A = await classNamed(`Lớp 4A (${lastYear})`, lastYear)
    const response = await download('principal', past4A, 'end', 'xlsx')
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    const { headers, rows, sheet } = await readSheet(await bytesOf(response))
    const expected = await recordsOf(past4A, 'end')
    const layout = classSummaryLayout('end', 4, electivesOf(expected))
    expect(headers).toEqual(layout.columns.map((column) => column.name))
    expect(headers).toContain('Khoa học - Điểm KTĐK')
    expect(headers).toContain('Hoàn thành chương trình lớp học')
    const pupils = rows.filter((row) => row['Họ và tên'] && !row['Họ và tên'].startsWith('Tổng'))
    expect(pupils.map((row) => row['Họ và tên'])).toEqual(expected.map((row) => row.name))
    for (const [at, row] of expected.entries()) {
      const read = pupils[at]!
      expect(read['Ngày sinh']).toBe(row.birth)
      for (const column of layout.columns.slice(3)) {
        expect(read[column.name], `${row.name}: ${column.name}`).toBe(row.cells[column.key] ?? '')
      }
    }
    // The totals: the level and score counts of Toán, and the overall results, as counted here.
    const totals = rows.slice(pupils.length)
    const count = (key: string, value: string) =>
      expected.filter((row) => row.cells[key] === value).length
    expect(totals.map((row) => row['Toán - Mức đạt được'])).toEqual([
      `T: ${count('level:toan', 'T')}`,
      `H: ${count('level:toan', 'H')}`,
      `C: ${count('level:toan', 'C')}`,
      '',
    ])
    const tens = expected.filter((row) => Number(row.cells['score:toan']) >= 9).length
    expect(totals[0]!['Toán - Điểm KTĐK']).toBe(`9-10: ${tens}`)
    expect(totals.map((row) => row['Đánh giá kết quả giáo dục'])).toEqual(
      ['HTXS', 'HTT', 'HT', 'CHT'].map((result) => `${result}: ${count('result', result)}`),
    )
    expect(sheet.getCell(4, 1).value).not.toBe('BẢN NHÁP')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 3 })

    const pdf = await bytesOf(await download('principal', past4A, 'end', 'pdf'))
    const text = pdfText(pdf, { layout: true })
    for (const row of expected) {
      expect(pdfRowOf(text, row)).toBe(expectedLine(past4A, 'end', row, electivesOf(expected)))
    }
    expect(text).not.toContain('Bản nháp')
    for (const name of await teacherNamesOf(past4A)) expect(text).toContain(name)
    // 24 pupils fill the first page; the totals and the signatures take the second.
    expect(pdfPageCount(pdf)).toBe(2)
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.every((font) => font.embedded && font.name.includes('Tinos'))).toBe(true)
  })

  it('grades 1–2 at the end of term I: the tested scores of Tiếng Việt and Toán', async () => {
    const past2A = await classNamed(`Lớp 2A (${lastYear})`, lastYear)
    const pdf = await bytesOf(await download('vice_principal', past2A, 'end1'))
    const text = pdfText(pdf, { layout: true })
    const expected = await recordsOf(past2A, 'end1')
    expect(expected.length).toBeGreaterThan(20)
    expect(expected.every((row) => row.cells['score:toan'])).toBe(true)
    for (const row of expected) {
      expect(pdfRowOf(text, row)).toBe(expectedLine(past2A, 'end1', row, electivesOf(expected)))
    }
    expect(text).toContain('Cuối học kì I')
    expect(text).not.toContain('Bản nháp')
  })

  it('grades 4–5 at mid-term I: the mid-term scores, as a spreadsheet', async () => {
    const class5A = await classNamed('Lớp 5A', thisYear)
    const { headers, rows } = await readSheet(
      await bytesOf(await download('principal', class5A, 'mid1', 'xlsx')),
    )
    expect(headers.slice(3, 8)).toEqual([
      'Tiếng Việt - Mức đạt được',
      'Tiếng Việt - Điểm KTĐK',
      'Toán - Mức đạt được',
      'Toán - Điểm KTĐK',
      'Ngoại ngữ 1 - Mức đạt được',
    ])
    const expected = await recordsOf(class5A, 'mid1')
    for (const row of expected) {
      const read = rows.find((candidate) => candidate['Họ và tên'] === row.name)!
      expect(read['Toán - Điểm KTĐK']).toBe(row.cells['score:toan'] ?? '')
      expect(read['Tiếng Việt - Mức đạt được']).toBe(row.cells['level:tieng-viet'] ?? '')
    }
  })

  it('marks a checkpoint whose window is still open as a draft', async () => {
    const class3B = await classNamed('Lớp 3B', thisYear)
    const pdf = await bytesOf(await download('homeroom_teacher', class3B, 'end1'))
    const text = pdfText(pdf)
    // The diagonal watermark is drawn on every page; the heading says why in words.
    expect(text).toContain('Bản nháp: chưa hết thời gian nhập kết quả của kì này.')
    expect(text).toContain('Cuối học kì I')
    const { sheet } = await readSheet(
      await bytesOf(await download('homeroom_teacher', class3B, 'end1', 'xlsx')),
    )
    expect(sheet.getCell(4, 1).value).toBe('BẢN NHÁP')
    // The end of a year the principal has not approved: a draft until the approval.
    const endOfYear = pdfText(await bytesOf(await download('homeroom_teacher', class3B, 'end')))
    expect(endOfYear).toContain('Bản nháp: Hiệu trưởng chưa phê duyệt kết quả năm học của lớp.')
  })
})

describe('who may make a class summary', () => {
  it('its homeroom teacher and leadership; nobody else, and not without logging in', async () => {
    const class3A = await classNamed('Lớp 3A', thisYear)
    for (const role of ['group_head', 'principal', 'vice_principal'] as const) {
      expect((await download(role, class3A, 'mid1', 'xlsx')).status, role).toBe(200)
    }
    for (const role of [
      'homeroom_teacher',
      'subject_teacher',
      'nurse',
      'clerk',
      'it_teacher',
    ] as const) {
      const response = await download(role, class3A, 'mid1')
      expect(response.status, role).toBe(403)
      const body = (await response.json()) as { errors: { message: string }[] }
      expect(body.errors[0]!.message).toContain('giáo viên chủ nhiệm')
    }
    // Heading the grade's group is not enough: a summary is the homeroom teacher's (3B is not).
    const class3B = await classNamed('Lớp 3B', thisYear)
    expect((await download('group_head', class3B, 'mid1')).status).toBe(403)
    expect((await download('homeroom_teacher', class3B, 'mid1')).status).toBe(200)
    expect((await download('anonymous', class3A, 'mid1')).status).toBe(401)
  })

  it('logs every download before the file leaves, and no refused one', async () => {
    const class3A = await classNamed('Lớp 3A', thisYear)
    const actor = await findUserByEmail(school.payload, demoLoginEmail('group_head'))
    const entries = async () =>
      (
        await school.payload.find({
          collection: 'audit-log',
          where: {
            and: [{ action: { equals: 'export' } }, { document: { equals: 'class-summary' } }],
          },
          sort: '-createdAt',
          limit: 0,
          pagination: false,
          overrideAccess: true,
        })
      ).docs
    const before = (await entries()).length
    await bytesOf(await download('group_head', class3A, 'mid1', 'xlsx'))
    const after = await entries()
    expect(after.length).toBe(before + 1)
    const entry = after[0]!
    expect(
      String(
        (entry.actor as { id: number } | number | null | undefined) &&
          typeof entry.actor === 'object'
          ? entry.actor!.id
          : entry.actor,
      ),
    ).toBe(String(actor.id))
    expect(entry.collection).toBe('students')
    expect(entry.detail).toBe(`Lớp 3A · ${thisYear} · Giữa học kì I`)
    const pupils = await recordsOf(class3A, 'mid1')
    expect([...(entry.docIds ?? [])].sort()).toEqual(pupils.map((p) => String(p.student)).sort())
    expect((await download('homeroom_teacher', class3A, 'mid1')).status).toBe(403)
    expect((await entries()).length).toBe(before + 1)
  })
})

describe('bad requests', () => {
  it('answers 400 or 404 with words, never 500', async () => {
    const class3A = await classNamed('Lớp 3A', thisYear)
    const client = await as('principal')
    const cases: Array<[string, number]> = [
      [`/class-summary?class=${class3A.id}&period=mid3&schoolYear=${thisYear}`, 400],
      [`/class-summary?class=${class3A.id}&schoolYear=${thisYear}`, 400],
      [`/class-summary?class=${class3A.id}&period=mid1&schoolYear=${thisYear}&format=docx`, 400],
      [`/class-summary?class=${class3A.id}&period=mid1&schoolYear=2026`, 400],
      [`/class-summary?class=${class3A.id}&period=mid1&schoolYear=${lastYear}`, 400],
      [`/class-summary?class=99999999&period=mid1&schoolYear=${thisYear}`, 404],
      [`/class-summary?class=abc%27&period=mid1&schoolYear=${thisYear}`, 404],
      [`/class-summary?period=mid1`, 404],
    ]
    for (const [path, status] of cases) {
      const response = await client.get(path)
      expect(response.status, path).toBe(status)
      expect(response.body.errors[0].message, path).toMatch(/[à-ỹ]/)
    }
  })
})

describe('for the archive', () => {
  it('classSummaryFile gives the whole file of an authorized caller', async () => {
    const { classSummaryFile } = await import('../../cms/src/documents/class-summary-endpoints')
    const { createLocalReq } = await import('payload')
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const req = await createLocalReq({ user: principal }, school.payload)
    const past3A = await classNamed(`Lớp 3A (${lastYear})`, lastYear)
    const pdf = await classSummaryFile(req, past3A.id, 'end', lastYear, 'pdf')
    expect(pdf.contentType).toBe('application/pdf')
    expect(pdf.filename).toBe(`Bảng tổng hợp Lớp 3A (${lastYear}) Cuối năm học ${lastYear}.pdf`)
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-')
    const rows = await recordsOf(past3A, 'end')
    const text = pdfText(pdf.body, { layout: true })
    for (const row of rows) expect(text).toContain(row.name)
    const xlsx = await classSummaryFile(req, past3A.id, 'end', lastYear, 'xlsx')
    expect(xlsx.filename.endsWith('.xlsx')).toBe(true)
    expect((await readSheet(xlsx.body)).headers).toContain('Lên lớp')
  })
})
