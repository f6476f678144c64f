/**
 * The exchange with the Ministry's database (issue 12 points 4, 6, 7, 10) through the real REST
 * handlers, as real users: the results file of a class read back by header equals the records;
 * the same file with its columns reordered and an extra one reads the same; the pupil list
 * round-trips (export → import preview shows no change); the preview writes nothing; the apply
 * creates and proposes exactly what the preview showed, and refuses when the records changed;
 * temporary codes reconcile; bad files are 400s; access both ways; every export is logged.
 */
import ExcelJS from 'exceljs'
import {
  MOET_BAND_SUBJECTS,
  MOET_BAND_TRAITS,
  MOET_PUPIL_SHEET,
  MOET_RESULTS_HEADER_ROWS,
  MOET_RESULTS_TEMPLATES,
  QUALITY_CODES,
  moetBandOf,
  previousSchoolYear,
  readMoetPupils,
  readMoetResults,
  schoolYearOf,
} from '@school/shared'
import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { loadWorkbook, moetSheet } from '../../cms/src/documents/moet-workbook'
import type { Group, Student } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let payload: Payload
let RestClient: typeof RestClientType
const schoolYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(schoolYear)

type Role = Parameters<typeof demoLoginEmail>[0]
const clients = new Map<Role, RestClientType>()
async function as(role: Role) {
  const known = clients.get(role)
  if (known) return known
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  clients.set(role, client)
  return client
}

async function classNamed(name: string, year: string): Promise<Group> {
  const { docs } = await payload.find({
    collection: 'groups',
    where: {
      and: [
        { kind: { equals: 'class' } },
        { schoolYear: { equals: year } },
        { name: { in: [name, `${name} (${year})`] } },
      ],
    },
    overrideAccess: true,
    limit: 1,
  })
  expect(docs, `class ${name} of ${year}`).toHaveLength(1)
  return docs[0]
}

async function download(client: RestClientType, path: string) {
  const response = await client.raw('GET', path)
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, type: response.headers.get('content-type'), body }
}

/** A multipart form as a browser sends it: the file, and the preview's token for the apply. */
async function sendForm(client: RestClientType, path: string, file: Buffer, token?: string) {
  const form = new FormData()
  form.set('file', new Blob([new Uint8Array(file)]), 'C1-HocSinh.xlsx')
  if (token) form.set('token', token)
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  const bytes = new Uint8Array(await request.arrayBuffer())
  const response = await client.raw('POST', path, bytes, request.headers.get('content-type')!)
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined }
}

const counts = async () => ({
  pupils: (await payload.count({ collection: 'students', overrideAccess: true })).totalDocs,
  proposals: (await payload.count({ collection: 'import-proposals', overrideAccess: true }))
    .totalDocs,
})

/** The pupil list sheet of a downloaded file, as rows of cells by header. */
async function pupilWorkbook(file: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet(MOET_PUPIL_SHEET)!
  const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? ''))
  const column = (header: string) => headers.indexOf(header)
  return { workbook, sheet, column }
}

beforeAll(async () => {
  payload = school.payload
  ;({ RestClient } = await import('./support/rest'))
})

describe('the results file (GET /api/moet-export)', () => {
  for (const className of ['Lớp 1A', 'Lớp 3A', 'Lớp 4A']) {
    it(`${className} of last year: read back by header, it equals the records`, async () => {
      const schoolClass = await classNamed(className, lastYear)
      const band = moetBandOf(schoolClass.grade!)
      const principal = await as('principal')
      const file = await download(
        principal,
        `/moet-export?class=${schoolClass.id}&schoolYear=${lastYear}`,
      )
      expect(file.status).toBe(200)
      expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      const sheet = moetSheet(
        await loadWorkbook(file.body),
        MOET_RESULTS_TEMPLATES[band],
        MOET_RESULTS_HEADER_ROWS,
      )!
      expect(sheet.name).toBe(MOET_RESULTS_TEMPLATES[band])
      const { rows, errors } = readMoetResults(sheet, band)
      expect(errors).toEqual([])

      const where: Where = {
        and: [{ class: { equals: schoolClass.id } }, { schoolYear: { equals: lastYear } }],
      }
      const all = { where, limit: 0, overrideAccess: true, depth: 0 } as const
      const [assessments, traits, results] = await Promise.all([
        payload.find({
          collection: 'assessments',
          ...all,
          where: { and: [where, { period: { equals: 'end' } }] },
        }),
        payload.find({
          collection: 'trait-assessments',
          ...all,
          where: { and: [where, { period: { equals: 'end' } }] },
        }),
        payload.find({ collection: 'year-end-results', ...all }),
      ])
      const pupilIds = [...new Set(results.docs.map((doc) => doc.student as number))]
      const { docs: pupils } = await payload.find({
        collection: 'students',
        where: { id: { in: pupilIds } },
        limit: 0,
        overrideAccess: true,
      })
      expect(rows.length).toBeGreaterThanOrEqual(pupils.length)
      expect(pupils.length).toBeGreaterThanOrEqual(15)
      let scores = 0
      for (const pupil of pupils) {
        const row = rows.find((candidate) => candidate.studentCode === pupil.studentCode)
        expect(row, pupil.fullName).toBeDefined()
        expect(row!.fullName).toBe(pupil.fullName)
        expect(row!.dateOfBirth).toBe(pupil.dateOfBirth)
        expect(row!.classCode).toBe(className.replace('Lớp ', ''))
        for (const { code, tested } of MOET_BAND_SUBJECTS[band]) {
          const entry = assessments.docs.find(
            (doc) => doc.student === pupil.id && doc.subject === code,
          )
          expect(row!.subjects[code]!.level, `${pupil.fullName} ${code}`).toBe(entry?.level ?? null)
          if (tested) {
            expect(row!.subjects[code]!.score).toBe(entry?.score ?? null)
            if (entry?.score) scores += 1
          }
        }
        const sheetOfPupil = traits.docs.find((doc) => doc.student === pupil.id)
        const bandTraits = MOET_BAND_TRAITS[band]
        for (const code of [...bandTraits.general, ...bandTraits.specific, ...QUALITY_CODES]) {
          const stored = sheetOfPupil?.traits?.find((trait) => trait.trait === code)?.level
          expect(row!.traits[code], `${pupil.fullName} ${code}`).toBe(stored ?? null)
        }
        const record = results.docs.find((doc) => doc.student === pupil.id)!
        expect(row!.result).toBe(record.result)
        expect(row!.completed).toBe(
          record.result !== 'CHT' || record.supplementary?.passed === true,
        )
      }
      expect(scores).toBeGreaterThan(pupils.length)
    })
  }

  it('reads the same with its columns reordered, an extra column and no merged header', async () => {
    const schoolClass = await classNamed('Lớp 4A', lastYear)
    const band = moetBandOf(schoolClass.grade!)
    const file = await download(
      await as('principal'),
      `/moet-export?class=${schoolClass.id}&schoolYear=${lastYear}`,
    )
    const original = await loadWorkbook(file.body)
    const first = moetSheet(original, MOET_RESULTS_TEMPLATES[band], MOET_RESULTS_HEADER_ROWS)!
    const expected = readMoetResults(first, band)
    expect(expected.errors).toEqual([])

    // Another template version: a title row, the columns in reverse, a "Ghi chú" column, line
    // breaks and capitals in the headers, every header cell written out (nothing merged).
    const source = original.worksheets[0]
    const reordered = new ExcelJS.Workbook()
    const sheet = reordered.addWorksheet('Sheet1')
    sheet.addRow(['KẾT QUẢ HỌC TẬP CUỐI NĂM'])
    const columnCount = source.columnCount
    const order = Array.from({ length: columnCount }, (_, at) => columnCount - at)
    for (let row = 1; row <= source.rowCount; row += 1) {
      const values: unknown[] = order.map((column) => {
        const value = source.getRow(row).getCell(column).value
        return row <= MOET_RESULTS_HEADER_ROWS && typeof value === 'string'
          ? value.toUpperCase().replace(' ', '\n')
          : value
      })
      values.splice(2, 0, row <= MOET_RESULTS_HEADER_ROWS ? 'Ghi chú' : 'x')
      sheet.addRow(values)
    }
    const buffer = Buffer.from(await reordered.xlsx.writeBuffer())
    const read = moetSheet(
      await loadWorkbook(buffer),
      MOET_RESULTS_TEMPLATES[band],
      MOET_RESULTS_HEADER_ROWS,
    )!
    const again = readMoetResults(read, band)
    expect(again.errors).toEqual([])
    expect(again.rows.map(({ row: _row, ...rest }) => rest)).toEqual(
      expected.rows.map(({ row: _row, ...rest }) => rest),
    )
  })

  it('is made by leadership, the IT teacher and the class’s homeroom teacher, nobody else', async () => {
    const schoolClass = await classNamed('Lớp 3A', schoolYear)
    const path = `/moet-export?class=${schoolClass.id}&schoolYear=${schoolYear}`
    for (const role of ['principal', 'vice_principal', 'it_teacher', 'group_head'] as const) {
      const file = await download(await as(role), path)
      expect(file.status, `${role}: ${file.status === 200 ? '' : file.body.toString()}`).toBe(200)
    }
    for (const role of ['homeroom_teacher', 'subject_teacher', 'clerk', 'nurse'] as const) {
      const refused = await (await as(role)).get(path)
      expect(refused.status, role).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/CSDL ngành/)
    }
    expect((await new RestClient().get(path)).status).toBe(401)
    const principal = await as('principal')
    expect((await principal.get('/moet-export?class=999999&schoolYear=' + schoolYear)).status).toBe(
      404,
    )
    expect((await principal.get('/moet-export?class=abc')).status).toBe(404)
    expect(
      (await principal.get(`/moet-export?class=${schoolClass.id}&schoolYear=20x`)).status,
    ).toBe(400)
  })

  it('is logged before it leaves: who, which class, which document, which pupils', async () => {
    const schoolClass = await classNamed('Lớp 3A', schoolYear)
    const before = new Date().toISOString()
    await download(
      await as('it_teacher'),
      `/moet-export?class=${schoolClass.id}&schoolYear=${schoolYear}`,
    )
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { action: { equals: 'export' } },
          { document: { equals: 'moet-results' } },
          { createdAt: { greater_than_equal: before } },
        ],
      },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0].actorEmail).toBe(demoLoginEmail('it_teacher'))
    expect(docs[0].detail).toContain('Lớp 3A')
    expect(docs[0].detail).toContain(schoolYear)
    expect(docs[0].count).toBeGreaterThan(0)
  })
})

describe('the pupil list (GET /api/moet-pupils)', () => {
  it('holds the class’s pupils as the records have them, Vietnamese intact', async () => {
    const schoolClass = await classNamed('Lớp 3B', schoolYear)
    const file = await download(
      await as('homeroom_teacher'),
      `/moet-pupils?class=${schoolClass.id}`,
    )
    expect(file.status).toBe(200)
    const sheet = moetSheet(await loadWorkbook(file.body), MOET_PUPIL_SHEET, 1)!
    const { rows, errors } = readMoetPupils(sheet)
    expect(errors).toEqual([])
    const { docs: pupils } = await payload.find({
      collection: 'students',
      where: { class: { equals: schoolClass.id } },
      limit: 0,
      overrideAccess: true,
    })
    expect(rows).toHaveLength(pupils.length)
    for (const pupil of pupils) {
      const row = rows.find((candidate) => candidate.studentCode === pupil.studentCode)!
      expect(row.fullName).toBe(pupil.fullName)
      expect(row.dateOfBirth).toBe(pupil.dateOfBirth)
      expect(row.gender).toBe(pupil.gender)
      expect(row.ethnicity).toBe(pupil.ethnicity ?? null)
      expect(row.classCode).toBe('3B')
      const mother = pupil.guardians?.find((g) => g.relationship === 'mother')
      expect(row.parents.mother?.phone ?? null).toBe(mother?.phone ?? null)
      expect(row.parents.mother?.name ?? null).toBe(mother?.name ?? null)
    }
  })

  it('per class as the class export; the whole school only for the importers', async () => {
    const schoolClass = await classNamed('Lớp 3A', schoolYear)
    const path = `/moet-pupils?class=${schoolClass.id}`
    for (const role of ['principal', 'it_teacher', 'group_head'] as const)
      expect((await download(await as(role), path)).status, role).toBe(200)
    for (const role of ['homeroom_teacher', 'subject_teacher', 'clerk', 'nurse'] as const)
      expect((await (await as(role)).get(path)).status, role).toBe(403)
    const wholeSchool = `/moet-pupils?schoolYear=${schoolYear}`
    for (const role of ['principal', 'it_teacher'] as const)
      expect((await download(await as(role), wholeSchool)).status, role).toBe(200)
    for (const role of ['group_head', 'homeroom_teacher', 'clerk'] as const)
      expect((await (await as(role)).get(wholeSchool)).status, role).toBe(403)
    expect((await new RestClient().get(path)).status).toBe(401)
    expect((await (await as('principal')).get('/moet-pupils')).status).toBe(400)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { document: { equals: 'moet-pupils' } },
      sort: '-createdAt',
      limit: 1,
      overrideAccess: true,
    })
    expect(docs[0].detail).toContain(`Toàn trường · ${schoolYear}`)
  })
})

describe('importing the Ministry’s pupil list', () => {
  it('round trip: the exported list imports with no change, and the preview writes nothing', async () => {
    const principal = await as('principal')
    const schoolClass = await classNamed('Lớp 2A', schoolYear)
    const file = await download(principal, `/moet-pupils?class=${schoolClass.id}`)
    const before = await counts()
    const preview = await sendForm(principal, '/moet-pupils/preview', file.body)
    expect(preview.status).toBe(200)
    expect(preview.body.errors).toEqual([])
    expect(preview.body.new).toEqual([])
    expect(preview.body.changed).toEqual([])
    expect(preview.body.missing).toEqual([])
    expect(preview.body.reconcile).toEqual([])
    expect(preview.body.existing).toBeGreaterThan(20)
    expect(preview.body.classes).toEqual([schoolClass.name])
    expect(await counts()).toEqual(before)
  })

  it('previews new, changed, missing and temporary codes; the apply does exactly that', async () => {
    const it = await as('it_teacher')
    const principal = await as('principal')
    const schoolClass = await classNamed('Lớp 4B', schoolYear)
    // A new grade-4 pupil who came without a Ministry code: a temporary one until the list.
    const temporary = (await payload.create({
      collection: 'students',
      data: {
        studentCode: 'TMP2026001',
        fullName: 'Đặng Thị Ngọc Ánh',
        dateOfBirth: '2016-04-12T00:00:00.000Z',
        gender: 'female',
        class: schoolClass.id,
        guardians: [{ name: 'Đặng Văn Hải', relationship: 'father', phone: '0912000111' }],
      } as never,
      overrideAccess: true,
    })) as Student
    const file = await download(principal, `/moet-pupils?class=${schoolClass.id}`)
    const { workbook, sheet, column } = await pupilWorkbook(file.body)
    const rowOf = (code: string) => {
      let found = 0
      sheet.eachRow((row, number) => {
        if (row.getCell(column('Mã học sinh')).value === code) found = number
      })
      return found
    }
    const pupils = (
      await payload.find({
        collection: 'students',
        where: {
          and: [{ class: { equals: schoolClass.id } }, { studentCode: { not_like: 'TMP' } }],
        },
        sort: 'studentCode',
        limit: 0,
        overrideAccess: true,
      })
    ).docs.filter((pupil) => pupil.status === 'studying')
    const [renamed, moved, dropped] = pupils
    // The Ministry spells one name otherwise and has another pupil's ethnicity otherwise…
    sheet.getRow(rowOf(renamed.studentCode)).getCell(column('Họ tên')).value = 'Nguyễn Thị Hoà Bình'
    sheet.getRow(rowOf(moved.studentCode)).getCell(column('Dân tộc')).value = 'Tày'
    // …and says one left: the status follows our enrolment events, so it is only told.
    sheet.getRow(rowOf(renamed.studentCode)).getCell(column('Trạng thái')).value = 'Thôi học'
    // …lacks one pupil, gives the temporary pupil their code, and lists a newcomer.
    sheet.spliceRows(rowOf(dropped.studentCode), 1)
    sheet.getRow(rowOf('TMP2026001')).getCell(column('Mã học sinh')).value = '0126999002'
    const newcomer = sheet.addRow([])
    const set = (header: string, value: string) => (newcomer.getCell(column(header)).value = value)
    set('Mã lớp', '4B')
    set('Mã học sinh', '0126999001')
    set('Họ tên', 'Lương Văn Quý')
    set('Ngày sinh', '03/11/2016')
    set('Giới tính', 'Nam')
    set('Dân tộc', 'Thái')
    set('Họ tên mẹ', 'Lò Thị Mai')
    set('Số điện thoại mẹ', '0988777666')
    const changedFile = Buffer.from(await workbook.xlsx.writeBuffer())

    const before = await counts()
    // The principal reads every field: both changes, old → new.
    const full = await sendForm(principal, '/moet-pupils/preview', changedFile)
    expect(full.status).toBe(200)
    expect(full.body.errors).toEqual([])
    expect(full.body.new).toEqual([
      expect.objectContaining({ studentCode: '0126999001', fullName: 'Lương Văn Quý' }),
    ])
    expect(full.body.missing).toEqual([
      expect.objectContaining({ studentCode: dropped.studentCode, fullName: dropped.fullName }),
    ])
    expect(full.body.reconcile).toEqual([
      expect.objectContaining({
        studentCode: '0126999002',
        fullName: 'Đặng Thị Ngọc Ánh',
        temporaryCode: 'TMP2026001',
      }),
    ])
    const changeOf = (body: typeof full.body, code: string) =>
      body.changed.find((pupil: { studentCode: string }) => pupil.studentCode === code)?.changes
    expect(changeOf(full.body, renamed.studentCode)).toEqual([
      {
        field: 'fullName',
        label: 'Họ và tên',
        current: renamed.fullName,
        proposed: 'Nguyễn Thị Hoà Bình',
      },
    ])
    expect(changeOf(full.body, moved.studentCode)).toEqual([
      { field: 'ethnicity', label: 'Dân tộc', current: moved.ethnicity, proposed: 'Tày' },
    ])
    expect(full.body.changed).toHaveLength(2)
    expect(full.body.notes).toEqual([
      {
        row: rowOf(renamed.studentCode),
        message: expect.stringContaining('CSDL ngành ghi "Đã bỏ học", hồ sơ ghi "Đang học"'),
      },
    ])

    // The IT teacher reads no family data (Điều 6, 9.1): the ethnicity change is not shown.
    const preview = await sendForm(it, '/moet-pupils/preview', changedFile)
    expect(preview.status).toBe(200)
    expect(changeOf(preview.body, renamed.studentCode)).toHaveLength(1)
    expect(changeOf(preview.body, moved.studentCode)).toBeUndefined()
    expect(JSON.stringify(preview.body)).not.toContain('Tày')
    expect(preview.body.reconcile[0].temporaryCode).toBeNull()
    expect(preview.body.notes).toEqual([])
    expect(await counts()).toEqual(before)

    // The records change after the preview: the apply refuses, writing nothing.
    await payload.update({
      collection: 'students',
      id: renamed.id,
      data: { currentAddress: 'Số 9 ngõ 4 Ngọc Lâm' } as never,
      overrideAccess: true,
    })
    const stale = await sendForm(it, '/moet-pupils/apply', changedFile, preview.body.token)
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toMatch(/đã thay đổi từ lúc xem trước/)
    expect(await counts()).toEqual(before)

    // Preview again and apply: one pupil created, four proposals (name, ethnicity, the code,
    // and nothing for the missing pupil, who is only reported).
    const fresh = await sendForm(it, '/moet-pupils/preview', changedFile)
    const another = await sendForm(it, '/moet-pupils/apply', file.body, fresh.body.token)
    expect(another.status).toBe(409)
    const applied = await sendForm(it, '/moet-pupils/apply', changedFile, fresh.body.token)
    expect(applied.status).toBe(200)
    expect(applied.body).toMatchObject({ created: 1, proposed: 3 })
    expect(await counts()).toEqual({
      pupils: before.pupils + 1,
      proposals: before.proposals + 3,
    })
    const { docs: created } = await payload.find({
      collection: 'students',
      where: { studentCode: { equals: '0126999001' } },
      overrideAccess: true,
    })
    expect(created[0]).toMatchObject({
      fullName: 'Lương Văn Quý',
      dateOfBirth: '2016-11-03T00:00:00.000Z',
      ethnicity: 'Thái',
      class: expect.objectContaining({ id: schoolClass.id }),
      guardians: [expect.objectContaining({ name: 'Lò Thị Mai', relationship: 'mother' })],
    })
    const { docs: proposals } = await payload.find({
      collection: 'import-proposals',
      where: { targetId: { in: [String(temporary.id), String(renamed.id), String(moved.id)] } },
      overrideAccess: true,
    })
    expect(
      proposals
        .flatMap((proposal) =>
          proposal.changes.map((change) => [
            proposal.targetId,
            change.field,
            (change.proposed as { value: unknown }).value,
          ]),
        )
        .sort(),
    ).toEqual(
      [
        [String(temporary.id), 'studentCode', '0126999002'],
        [String(renamed.id), 'fullName', 'Nguyễn Thị Hoà Bình'],
        [String(moved.id), 'ethnicity', 'Tày'],
      ].sort(),
    )
    // The temporary pupil keeps their code until leadership accepts the Ministry's.
    const kept = await payload.findByID({
      collection: 'students',
      id: temporary.id,
      overrideAccess: true,
    })
    expect(kept.studentCode).toBe('TMP2026001')
    const { docs: audit } = await payload.find({
      collection: 'audit-log',
      where: { document: { equals: 'moet-pupil-import' } },
      overrideAccess: true,
    })
    expect(audit).toHaveLength(1)
    expect(audit[0].actorEmail).toBe(demoLoginEmail('it_teacher'))
    expect(audit[0].docIds).toEqual(expect.arrayContaining([String(created[0].id)]))
  })

  it('tells the IT teacher nothing of what they may not read: a right guess answers as a wrong one', async () => {
    const it = await as('it_teacher')
    const schoolClass = await classNamed('Lớp 3B', schoolYear)
    const file = await download(await as('principal'), `/moet-pupils?class=${schoolClass.id}`)
    const { docs } = await payload.find({
      collection: 'students',
      where: { class: { equals: schoolClass.id } },
      sort: 'studentCode',
      limit: 1,
      overrideAccess: true,
    })
    const pupil = docs[0]
    const mother = pupil.guardians!.find((g) => g.relationship === 'mother')!
    const guessed = async (phone: string) => {
      const { workbook, sheet, column } = await pupilWorkbook(file.body)
      sheet.eachRow((row) => {
        if (row.getCell(column('Mã học sinh')).value === pupil.studentCode)
          row.getCell(column('Số điện thoại mẹ')).value = phone
      })
      const answer = await sendForm(
        it,
        '/moet-pupils/preview',
        Buffer.from(await workbook.xlsx.writeBuffer()),
      )
      expect(answer.status).toBe(200)
      const { token: _token, ...shown } = answer.body
      return shown
    }
    const wrong = mother.phone === '0900000009' ? '0900000008' : '0900000009'
    expect(await guessed(mother.phone)).toEqual(await guessed(wrong))
    // The principal, who reads guardians, sees the difference.
    const { workbook, sheet, column } = await pupilWorkbook(file.body)
    sheet.eachRow((row) => {
      if (row.getCell(column('Mã học sinh')).value === pupil.studentCode)
        row.getCell(column('Số điện thoại mẹ')).value = wrong
    })
    const seen = await sendForm(
      await as('principal'),
      '/moet-pupils/preview',
      Buffer.from(await workbook.xlsx.writeBuffer()),
    )
    expect(seen.body.changed).toEqual([
      expect.objectContaining({
        studentCode: pupil.studentCode,
        changes: [expect.objectContaining({ field: 'guardians' })],
      }),
    ])
  })

  it('refuses files that are not the list with a 400 that says why, writing nothing', async () => {
    const it = await as('it_teacher')
    const before = await counts()
    const notXlsx = await sendForm(it, '/moet-pupils/preview', Buffer.from('Mã học sinh;Họ tên'))
    expect(notXlsx.status).toBe(400)
    expect(notXlsx.body.errors[0].message).toMatch(/Không đọc được tệp/)

    const wrongSheet = new ExcelJS.Workbook()
    wrongSheet.addWorksheet('Bảng điểm').addRow(['STT', 'Tên', 'Điểm'])
    const noList = await sendForm(
      it,
      '/moet-pupils/preview',
      Buffer.from(await wrongSheet.xlsx.writeBuffer()),
    )
    expect(noList.status).toBe(400)
    expect(noList.body.errors[0].message).toMatch(/C1-HocSinh/)

    const missingHeaders = new ExcelJS.Workbook()
    const sheet = missingHeaders.addWorksheet(MOET_PUPIL_SHEET)
    sheet.addRow(['Mã học sinh', 'Họ tên'])
    sheet.addRow(['0125000001', 'Nguyễn An'])
    const partial = await sendForm(
      it,
      '/moet-pupils/preview',
      Buffer.from(await missingHeaders.xlsx.writeBuffer()),
    )
    expect(partial.status).toBe(400)
    expect(partial.body.message).toMatch(/thiếu cột/)
    expect(partial.body.errors.map((error: { column: string }) => error.column)).toEqual([
      'Mã lớp',
      'Ngày sinh',
      'Giới tính',
    ])

    // Row errors are shown by the preview, each with its row and column; the apply refuses.
    const file = await download(
      await as('principal'),
      `/moet-pupils?class=${(await classNamed('Lớp 1B', schoolYear)).id}`,
    )
    const { workbook, sheet: list, column } = await pupilWorkbook(file.body)
    list.getRow(2).getCell(column('Ngày sinh')).value = '31/02/2019'
    list.getRow(3).getCell(column('Mã lớp')).value = '9Z'
    const broken = Buffer.from(await workbook.xlsx.writeBuffer())
    const preview = await sendForm(it, '/moet-pupils/preview', broken)
    expect(preview.status).toBe(200)
    expect(preview.body.errors).toEqual([
      expect.objectContaining({ sheet: MOET_PUPIL_SHEET, row: 2, column: 'Ngày sinh' }),
      expect.objectContaining({
        row: 3,
        column: 'Mã lớp',
        message: 'Lớp "9Z" không có trong hệ thống.',
      }),
    ])
    const refused = await sendForm(it, '/moet-pupils/apply', broken, preview.body.token)
    expect(refused.status).toBe(400)
    expect(await counts()).toEqual(before)
  })

  it('is for the IT teacher and leadership only', async () => {
    const file = await download(
      await as('principal'),
      `/moet-pupils?class=${(await classNamed('Lớp 1A', schoolYear)).id}`,
    )
    for (const role of ['vice_principal'] as const)
      expect((await sendForm(await as(role), '/moet-pupils/preview', file.body)).status).toBe(200)
    for (const role of [
      'homeroom_teacher',
      'group_head',
      'subject_teacher',
      'clerk',
      'nurse',
    ] as const) {
      const refused = await sendForm(await as(role), '/moet-pupils/preview', file.body)
      expect(refused.status, role).toBe(403)
      expect((await sendForm(await as(role), '/moet-pupils/apply', file.body, 'x')).status).toBe(
        403,
      )
    }
    expect((await sendForm(new RestClient(), '/moet-pupils/preview', file.body)).status).toBe(401)
  })
})
