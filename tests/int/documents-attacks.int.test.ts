/**
 * An attacker's review of issue 12 (transcripts, summaries, signing, the Ministry's files, the
 * archive), through the real REST and GraphQL handlers with the demo's real users: each test is
 * an attack, and says what must hold.
 */
import { previousSchoolYear, schoolYearOf, type Role } from '@school/shared'
import ExcelJS from 'exceljs'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Group, Student, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { makeTestCertificate } from './support/certificate'
import { pdfSignatures, pdfText } from './support/pdf'
import { findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
  RestResponse as RestResponseType,
} from './support/rest'

const school = useTestSchool()
const thisYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(thisYear)

let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType

const clients = new Map<string, RestClientType>()
async function as(role: Role): Promise<RestClientType> {
  const known = clients.get(role)
  if (known) return known
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status, role).toBe(200)
  clients.set(role, client)
  return client
}
const graphqlAs = async (role: Role) => {
  const client = new GraphQLClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status, role).toBe(200)
  return client
}
const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))

async function classNamed(name: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ kind: { equals: 'class' } }, { name: { equals: name } }] },
    limit: 1,
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error(`No class ${name}`)
  return docs[0]
}

/** Sends a multipart form as a browser would. */
async function postForm(
  client: RestClientType,
  apiPath: string,
  fields: Record<string, string>,
  file?: { bytes: Uint8Array; name: string; type: string },
) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  if (file)
    form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  const encoded = new Response(form)
  const response = await client.raw(
    'POST',
    apiPath,
    new Uint8Array(await encoded.arrayBuffer()),
    encoded.headers.get('Content-Type')!,
  )
  return { status: response.status, text: await response.text() }
}

async function smallPdf(text: string): Promise<Buffer> {
  const { newPdf, pdfBuffer } = await import('../../cms/src/documents/pdf')
  const doc = newPdf({ title: text })
  const done = pdfBuffer(doc)
  doc.text(text)
  doc.end()
  return done
}

let class3A: Group
let class3B: Group
let itTeacher: User

beforeAll(async () => {
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  class3A = await classNamed('Lớp 3A')
  class3B = await classNamed('Lớp 3B')
  itTeacher = await user('it_teacher')
})

/** A pupil with a year-end record in the class that year (the class's transcripts print them). */
async function recordedPupilOf(schoolClass: Group, schoolYear: string): Promise<Student> {
  const { docs } = await school.payload.find({
    collection: 'year-end-results',
    where: {
      and: [{ class: { equals: schoolClass.id } }, { schoolYear: { equals: schoolYear } }],
    },
    sort: 'id',
    depth: 1,
    limit: 1,
    overrideAccess: true,
  })
  return docs[0].student as Student
}

/**
 * Both steps of the class's transcripts as the signing endpoint records them (each with the
 * fingerprint of the data it covered): last year's classes have homeroom teachers the tests do
 * not log in as.
 */
async function signClass(schoolClass: Group, schoolYear: string) {
  const { classDataFingerprint } = await import('../../cms/src/documents/transcript-signing')
  const principal = await user('principal')
  const req = await createLocalReq({ user: { ...principal, collection: 'users' } }, school.payload)
  const fingerprint = await classDataFingerprint(req, schoolClass.id, schoolYear)
  for (const step of ['homeroom', 'principal'] as const) {
    await school.payload.create({
      collection: 'transcript-signatures',
      data: {
        class: schoolClass.id,
        schoolYear,
        step,
        round: 1,
        fingerprint,
        by: principal.id,
        signerName: principal.fullName ?? 'Hiệu trưởng',
      },
      overrideAccess: true,
    })
  }
}

async function pdfOf(role: Role, path: string): Promise<Buffer> {
  const response = await (await as(role)).raw('GET', path)
  expect(response.status, path).toBe(200)
  return Buffer.from(await response.arrayBuffer())
}

describe('a signed transcript cannot be changed under the principal’s signature', () => {
  let signedClass: Group
  let pupil: Student

  beforeAll(async () => {
    const { docs } = await school.payload.find({
      collection: 'groups',
      where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: lastYear } }] },
      sort: 'name',
      limit: 1,
      overrideAccess: true,
    })
    signedClass = docs[0]
    pupil = await recordedPupilOf(signedClass, lastYear)
    await signClass(signedClass, lastYear)
    const certificate = makeTestCertificate('Truong Tieu hoc Gia Thuong (attack test)')
    process.env.SIGNING_CERTIFICATE_FILE = certificate.file
    process.env.SIGNING_CERTIFICATE_PASSWORD = certificate.password
  })

  afterAll(() => {
    delete process.env.SIGNING_CERTIFICATE_FILE
    delete process.env.SIGNING_CERTIFICATE_PASSWORD
  })

  it('a check-up added to the signed year reopens the signing, unsigned PDF', async () => {
    const status = () =>
      as('principal').then((client) =>
        client.get(`/transcript-signatures/status?class=${signedClass.id}&schoolYear=${lastYear}`),
      )
    expect((await status()).body.state).toBe('signed')
    const transcript = `/transcripts/${pupil.id}?schoolYear=${lastYear}`
    const before = await pdfOf('principal', transcript)
    expect(pdfSignatures(before).valid, pdfSignatures(before).output).toBe(true)

    // The last check-up of the signed year: the year's page prints its height and weight.
    const [, secondYear] = lastYear.split('-').map(Number)
    const created = await (
      await as('nurse')
    ).post('/health-checkups', {
      student: pupil.id,
      date: `${secondYear}-05-30T12:00:00.000Z`,
      heightCm: 187,
      weightKg: 99,
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)

    const after = await pdfOf('principal', transcript)
    expect(pdfText(after)).toContain('187')
    // The printed page differs from what was signed: it is no longer sent as signed…
    expect(pdfSignatures(after).output).not.toMatch(/Signature #1/)
    // …and the class's transcripts are confirmed and signed again (a new round).
    const reopened = (await status()).body
    expect(reopened.state).toBe('changed')
    expect(reopened.next).toEqual({ step: 'homeroom', round: 2 })
  })
})

describe('an approved class’s documents list the pupils its records hold', () => {
  let pastClass: Group
  let ghost: RestResponseType

  beforeAll(async () => {
    const homeroom = await user('homeroom_teacher')
    const { docs } = await school.payload.find({
      collection: 'groups',
      where: {
        and: [
          { kind: { equals: 'class' } },
          { schoolYear: { equals: lastYear } },
          { homeroomTeacher: { equals: homeroom.id } },
        ],
      },
      limit: 1,
      overrideAccess: true,
    })
    pastClass = docs[0]
    expect(pastClass, 'the demo homeroom teacher kept a class last year').toBeDefined()
    await signClass(pastClass, lastYear)
    const ghostPupil = (fullName: string, studentCode: string, classId: number) => ({
      fullName,
      studentCode,
      dateOfBirth: '2018-03-04',
      gender: 'female',
      class: classId,
      status: 'studying',
      guardians: [{ name: 'Trần Văn Bố', relationship: 'father', phone: '0912345678' }],
    })
    // Last year's homeroom teacher still keeps their past class (its transcripts): they could
    // add a pupil to it, who was then printed in its signed documents.
    const homeroomClient = await as('homeroom_teacher')
    const refused = await homeroomClient.post(
      '/students',
      ghostPupil('Trần Thị Bóng Ma', 'GHOST0001', pastClass.id),
    )
    expect(refused.status, JSON.stringify(refused.body)).toBe(403)
    // Their class of this year takes a new pupil as before.
    const current = await classNamed('Lớp 3B')
    const admitted = await homeroomClient.post(
      '/students',
      ghostPupil('Lê Văn Mới Đến', 'NEW00001', current.id),
    )
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201)
    // Leadership may still put a pupil in any class (by mistake, say): the final year's
    // documents do not take them in either.
    ghost = await (
      await as('principal')
    ).post('/students', ghostPupil('Trần Thị Bóng Ma', 'GHOST0001', pastClass.id))
    expect(ghost.status, JSON.stringify(ghost.body)).toBe(201)
  })

  it('a pupil added after the approval is not printed in the signed transcripts', async () => {
    const certificate = makeTestCertificate('Truong Tieu hoc Gia Thuong (ghost test)')
    process.env.SIGNING_CERTIFICATE_FILE = certificate.file
    process.env.SIGNING_CERTIFICATE_PASSWORD = certificate.password
    try {
      const pdf = await pdfOf(
        'principal',
        `/transcripts?class=${pastClass.id}&schoolYear=${lastYear}`,
      )
      expect(pdfSignatures(pdf).valid, pdfSignatures(pdf).output).toBe(true)
      expect(pdfText(pdf)).not.toContain('Bóng Ma')
    } finally {
      delete process.env.SIGNING_CERTIFICATE_FILE
      delete process.env.SIGNING_CERTIFICATE_PASSWORD
    }
  })

  it('nor gets a signed transcript of that year of its own', async () => {
    const certificate = makeTestCertificate('Truong Tieu hoc Gia Thuong (ghost test)')
    process.env.SIGNING_CERTIFICATE_FILE = certificate.file
    process.env.SIGNING_CERTIFICATE_PASSWORD = certificate.password
    try {
      const response = await (
        await as('principal')
      ).raw('GET', `/transcripts/${ghost.body.doc.id}?schoolYear=${lastYear}`)
      // No record of that year here: no page of it (and nothing signed).
      expect(response.status).toBe(404)
    } finally {
      delete process.env.SIGNING_CERTIFICATE_FILE
      delete process.env.SIGNING_CERTIFICATE_PASSWORD
    }
  })

  it('nor in its results file for the Ministry', async () => {
    const response = await (
      await as('principal')
    ).raw('GET', `/moet-export?class=${pastClass.id}&schoolYear=${lastYear}`)
    expect(response.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const cells: string[] = []
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))),
    )
    expect(cells.length).toBeGreaterThan(10)
    expect(cells.join('\n')).not.toContain('Bóng Ma')
  })

  it('nor in its year-end summary', async () => {
    const response = await (
      await as('principal')
    ).raw('GET', `/class-summary?class=${pastClass.id}&period=end&schoolYear=${lastYear}`)
    expect(response.status).toBe(200)
    expect(pdfText(Buffer.from(await response.arrayBuffer()))).not.toContain('Bóng Ma')
  })
})

describe('the audit log names the pupils whose data leaves', () => {
  it('a download from the archive names the pupils of the archived class', async () => {
    const { docs } = await school.payload.find({
      collection: 'groups',
      where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: lastYear } }] },
      sort: '-name',
      limit: 1,
      overrideAccess: true,
    })
    const archivedClass = docs[0]
    const pupil = await recordedPupilOf(archivedClass, lastYear)
    const { newPdf, pdfBuffer } = await import('../../cms/src/documents/pdf')
    const doc = newPdf({ title: 'Học bạ' })
    const done = pdfBuffer(doc)
    doc.text(pupil.fullName)
    doc.end()
    const pdf = await done
    const file = await school.payload.create({
      collection: 'archive-files',
      data: { kind: 'transcript', schoolYear: lastYear, class: archivedClass.id },
      file: {
        data: pdf,
        mimetype: 'application/pdf',
        name: 'hoc-ba-nhat-ky.pdf',
        size: pdf.length,
      },
      overrideAccess: true,
    })
    const response = await (await as('clerk')).raw('GET', `/archive-files/file/${file.filename}`)
    expect(response.status).toBe(200)
    // A file of pupils' records: never kept by a shared cache or the browser's.
    expect(response.headers.get('Cache-Control')).toMatch(/no-store/)
    expect(response.headers.get('Cache-Control')).toMatch(/private/)
    const { docs: entries } = await school.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { document: { equals: 'archive-file' } },
          { detail: { contains: String(file.filename) } },
        ],
      },
      overrideAccess: true,
      limit: 0,
    })
    expect(entries).toHaveLength(1)
    // The file holds the class's transcripts: the entry says whose, as every export does.
    expect(entries[0].docIds).toContain(String(pupil.id))
  })
})

/** Attacks the product held when written: kept, as they are cheap. */
describe('what held', () => {
  it('answers malformed ids, years and bodies with a 4xx, never a 500', async () => {
    const principal = await as('principal')
    const paths = [
      '/transcripts?class=1e3',
      `/transcripts?class=1e3&schoolYear=${thisYear}`,
      '/transcripts/1e3',
      '/transcripts/99999999999999999999999',
      '/transcripts/ffffffffffffffffffffffff',
      `/transcripts?class=${class3A.id}&schoolYear=2025-2027`,
      '/class-summary?class=1e3&period=end',
      `/class-summary?class=${class3A.id}&period=end&schoolYear=9999-1`,
      '/moet-export?class=1e3',
      '/moet-export?class=ffffffffffffffffffffffff',
      '/moet-pupils?class=1e3',
      `/transcript-signatures/status?class=1e3&schoolYear=${thisYear}`,
      `/transcript-signatures/status?class=${class3A.id}&schoolYear=0000-0001`,
      '/archive/1e3/verify',
      '/archive/99999999999/verify',
    ]
    for (const path of paths) {
      const response = await principal.get(path)
      expect(response.status, path).toBeGreaterThanOrEqual(400)
      expect(response.status, path).toBeLessThan(500)
    }
    // A repeated or bracketed parameter: the first value counts, or it is ignored.
    for (const path of [
      `/archive?schoolYear=${thisYear}&schoolYear=x`,
      '/documents/classes?schoolYear[]=x',
    ]) {
      expect((await principal.get(path)).status, path).toBe(200)
    }
    for (const body of [
      { class: '1e3', schoolYear: thisYear, step: 'homeroom' },
      { class: 1.5, schoolYear: thisYear, step: 'principal' },
      { class: -1, schoolYear: thisYear, step: 'principal' },
      { class: class3A.id, schoolYear: '2025-2027', step: 'principal' },
      { class: 1e300, schoolYear: thisYear, step: 'principal' },
      { class: [class3A.id], schoolYear: thisYear, step: 'principal' },
    ]) {
      const response = await principal.post('/transcript-signatures/sign', body)
      expect(response.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400)
      expect(response.status, JSON.stringify(body)).toBeLessThan(500)
    }
  })

  it('the clerk’s filing answers a malformed class with a 4xx', async () => {
    const clerk = await as('clerk')
    const bytes = await smallPdf('Bảng tổng hợp có chữ ký')
    for (const classValue of ['ff', '1e3', '0', 'abcdefabcdefabcdefabcdef']) {
      const response = await postForm(
        clerk,
        '/archive/file',
        { schoolYear: lastYear, period: 'end', class: classValue },
        { bytes, name: 'scan.pdf', type: 'application/pdf' },
      )
      expect(response.status, `${classValue}: ${response.text}`).toBe(404)
    }
  })

  it('the sender of an archive entry can neither read nor probe its files', async () => {
    const { newPdf, pdfBuffer } = await import('../../cms/src/documents/pdf')
    const doc = newPdf({ title: 'probe' })
    const done = pdfBuffer(doc)
    doc.text('probe')
    doc.end()
    const pdf = await done
    const file = await school.payload.create({
      collection: 'archive-files',
      data: { kind: 'transcript', schoolYear: lastYear, class: class3A.id },
      file: {
        data: pdf,
        mimetype: 'application/pdf',
        name: 'hoc-ba-tham-do.pdf',
        size: pdf.length,
      },
      overrideAccess: true,
    })
    const entry = await school.payload.create({
      collection: 'archive-entries',
      data: {
        title: 'Thăm dò',
        schoolYear: lastYear,
        kind: 'year-end',
        status: 'sent',
        progress: { done: 1, total: 1 },
        files: [{ file: file.id, kind: 'transcript', class: class3A.id }],
        sentBy: itTeacher.id,
      },
      overrideAccess: true,
    })
    const sender = await as('it_teacher')
    const listed = await sender.get('/archive-entries?depth=2')
    expect(listed.status).toBe(200)
    const mine = listed.body.docs.find((doc: { id: number }) => doc.id === entry.id)
    expect(mine).toBeDefined()
    expect(mine.files).toBeUndefined()
    for (const path of [
      '/archive-entries?where[files.kind][equals]=transcript',
      '/archive-entries?where[files.file.filename][like]=tham',
      '/archive-entries?where[files__kind][equals]=transcript',
      '/archive-entries?where[or][0][files.class.name][equals]=Lớp 3A',
      '/archive-entries?where[AND][0][files.kind][equals]=transcript',
      '/archive-entries?sort=files.kind',
      '/archive-files',
      `/archive-files/${file.id}`,
      `/archive-files/file/${file.filename}`,
    ]) {
      expect((await sender.get(path)).status, path).toBe(403)
    }
    const selected = await sender.get('/archive-entries?select[files]=true')
    expect(JSON.stringify(selected.body)).not.toContain('tham-do')
    const graphql = await graphqlAs('it_teacher')
    const answer = await graphql.query(
      '{ ArchiveEntries(where: { files__kind: { equals: transcript } }) { totalDocs } }',
    )
    expect(answer.data.ArchiveEntries).toBeNull()
    const plain = await graphql.query('{ ArchiveEntries { docs { id files { kind } } } }')
    expect(JSON.stringify(plain)).not.toContain('"kind":"transcript"')
  })

  it('the signing steps are read by the class’s transcript makers, written by nobody', async () => {
    const signature = await school.payload.create({
      collection: 'transcript-signatures',
      data: {
        class: class3A.id,
        schoolYear: thisYear,
        step: 'homeroom',
        round: 99,
        by: (await user('group_head')).id,
        signerName: 'Thăm dò',
      },
      overrideAccess: true,
    })
    const nurse = await as('nurse')
    expect((await nurse.get('/transcript-signatures')).status).toBe(403)
    // 3B's homeroom teacher does not see 3A's steps, in any spelling.
    const other = await as('homeroom_teacher')
    for (const path of [
      `/transcript-signatures?where[class][equals]=${class3A.id}`,
      `/transcript-signatures/${signature.id}`,
    ]) {
      const response = await other.get(path)
      expect(JSON.stringify(response.body), path).not.toContain('Thăm dò')
    }
    expect(
      (await (await as('group_head')).get(`/transcript-signatures/${signature.id}`)).status,
    ).toBe(200)
    const principal = await as('principal')
    expect(
      (
        await principal.post('/transcript-signatures', {
          class: class3B.id,
          schoolYear: thisYear,
          step: 'principal',
          by: (await user('principal')).id,
          signerName: 'Giả mạo',
        })
      ).status,
    ).toBe(403)
    expect(
      (await principal.patch(`/transcript-signatures/${signature.id}`, { signerName: 'Sửa' }))
        .status,
    ).toBe(403)
    expect((await principal.delete(`/transcript-signatures/${signature.id}`)).status).toBe(403)
    await school.payload.delete({
      collection: 'transcript-signatures',
      id: signature.id,
      overrideAccess: true,
    })
  })
})
