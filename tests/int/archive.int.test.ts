/**
 * The school's electronic archive (issue 12 points 5, 7, 9, 10; Điều 13.1, 13.2, 14.2), through
 * the real REST and GraphQL handlers with the demo's real users and real files on disk: the IT
 * teacher sends a final year (refused, with the list, while a class is not final), the files are
 * made one class at a time with their SHA-256 kept, the clerk receives once, nothing is ever
 * changed or deleted, and verification catches a changed or missing file.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PERIODS, ROLES, previousSchoolYear, schoolYearOf, type Role } from '@school/shared'
import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { ArchiveProducer } from '../../cms/src/documents/archive-producers'
import type { Group, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { pdfText } from './support/pdf'
import { findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
const thisYear = schoolYearOf(new Date())
/** Last year's classes are approved in the demo: a year whose documents can become final. */
const lastYear = previousSchoolYear(thisYear)

let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType
let archive: typeof import('../../cms/src/documents/archive')
let producers: typeof import('../../cms/src/documents/archive-producers')

const clients = new Map<string, RestClientType>()
async function as(role: Role): Promise<RestClientType> {
  const known = clients.get(role)
  if (known) return known
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status, role).toBe(200)
  clients.set(role, client)
  return client
}
const anonymous = () => new RestClient()
const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))

let lastYearClasses: Group[]
let principalUser: User

/**
 * Both steps of the class's transcripts, as the signing endpoint records them (homeroom, then
 * principal, each with the fingerprint of the data it covered): written here directly, since
 * last year's classes have several homeroom teachers the tests do not log in as.
 */
async function signByPrincipal(classes: Group[]) {
  const { classDataFingerprint } = await import('../../cms/src/documents/transcript-signing')
  const req = await createLocalReq(
    { user: { ...principalUser, collection: 'users' } },
    school.payload,
  )
  for (const schoolClass of classes) {
    const fingerprint = await classDataFingerprint(req, schoolClass.id, lastYear)
    for (const step of ['homeroom', 'principal'] as const) {
      await school.payload.create({
        collection: 'transcript-signatures',
        data: {
          class: schoolClass.id,
          schoolYear: lastYear,
          step,
          round: 1,
          fingerprint,
          by: principalUser.id,
          signerName: principalUser.fullName ?? 'Hiệu trưởng',
        },
        overrideAccess: true,
      })
    }
  }
}

/** What the archive files per class: its transcripts and a summary of each checkpoint. */
const FILES_PER_CLASS = 1 + PERIODS.length

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const archiveDirectory = () =>
  school.payload.collections['archive-files'].config.upload.staticDir as string

async function bytesOf(client: RestClientType, url: string) {
  const response = await client.raw('GET', url.replace(/^.*\/api/, ''))
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()) }
}

/** Sends a multipart form as a browser would. */
async function postForm(
  client: RestClientType,
  apiPath: string,
  fields: Record<string, string>,
  file?: {
    bytes: Uint8Array
    name: string
    type: string
  },
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
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: kept as text for the assertion's message.
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, checked below
  return { status: response.status, body: body as any }
}

async function smallPdf(text: string): Promise<Buffer> {
  const { newPdf, pdfBuffer } = await import('../../cms/src/documents/pdf')
  const doc = newPdf({ title: text })
  const done = pdfBuffer(doc)
  doc.text(text)
  doc.end()
  return done
}

beforeAll(async () => {
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  archive = await import('../../cms/src/documents/archive')
  producers = await import('../../cms/src/documents/archive-producers')
  principalUser = await user('principal')
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: lastYear } }] },
    sort: 'name',
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  lastYearClasses = docs
  expect(lastYearClasses.length).toBeGreaterThan(1)
})

describe('sending a year to the archive', () => {
  it('is the IT teacher’s alone', async () => {
    for (const role of ['principal', 'clerk', 'homeroom_teacher', 'nurse'] as Role[]) {
      const response = await (await as(role)).post('/archive/send', { schoolYear: lastYear })
      expect(response.status, role).toBe(403)
    }
    expect((await anonymous().post('/archive/send', { schoolYear: lastYear })).status).toBe(401)
    const it = await as('it_teacher')
    expect((await it.post('/archive/send', { schoolYear: 'năm ngoái' })).status).toBe(400)
    expect((await it.post('/archive/send', {})).status).toBe(400)
    expect((await it.post('/archive/send', { schoolYear: '1990-1991' })).status).toBe(404)
  })

  it('refuses, listing them, while classes are not approved or not signed by the principal', async () => {
    const it = await as('it_teacher')
    const unapproved = await it.post('/archive/send', { schoolYear: thisYear })
    expect(unapproved.status).toBe(409)
    expect(unapproved.body.notFinal.length).toBeGreaterThan(0)
    expect(unapproved.body.notFinal[0].reasons).toContain(
      'Hiệu trưởng chưa phê duyệt kết quả năm học',
    )

    const unsigned = await it.post('/archive/send', { schoolYear: lastYear })
    expect(unsigned.status).toBe(409)
    expect(unsigned.body.notFinal.map((c: { name: string }) => c.name)).toEqual(
      lastYearClasses.map((c) => c.name),
    )
    // Approved last year, so the only reason is the missing signature.
    expect(unsigned.body.notFinal[0].reasons).toEqual(['Hiệu trưởng chưa ký học bạ'])

    const [lastOne, ...others] = [...lastYearClasses].reverse()
    await signByPrincipal(others)
    const oneLeft = await it.post('/archive/send', { schoolYear: lastYear })
    expect(oneLeft.status).toBe(409)
    expect(oneLeft.body.notFinal).toEqual([
      { id: lastOne.id, name: lastOne.name, reasons: ['Hiệu trưởng chưa ký học bạ'] },
    ])
    expect(oneLeft.body.errors[0].message).toContain(lastOne.name)
    await signByPrincipal([lastOne])
    const { totalDocs } = await school.payload.count({
      collection: 'archive-entries',
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })

  it('marks failed a send whose documents could not be made, and allows a new one', async () => {
    const restore = archive.useArchiveProducer(async (req, schoolClass) => {
      if (schoolClass.id === lastYearClasses[1].id) throw new Error('máy in hết giấy')
      return [
        {
          filename: 'thu.pdf',
          kind: 'transcript',
          body: await smallPdf(schoolClass.name),
          contentType: 'application/pdf',
        },
      ]
    })
    try {
      const sent = await (await as('it_teacher')).post('/archive/send', { schoolYear: lastYear })
      expect(sent.status).toBe(202)
      await archive.archiveSettled(sent.body.id)
      const entry = await school.payload.findByID({
        collection: 'archive-entries',
        id: sent.body.id,
        overrideAccess: true,
      })
      expect(entry.status).toBe('failed')
      // Which class failed; the fault's own words stay in the server's log.
      expect(entry.failure).toContain(lastYearClasses[1].name)
      expect(entry.failure).not.toContain('máy in hết giấy')
      expect(entry.progress).toMatchObject({ done: 1, total: lastYearClasses.length })
    } finally {
      restore()
    }
  })

  it('marks failed an entry a stopped server left preparing (at start, and at the next send)', async () => {
    const itTeacher = await user('it_teacher')
    const left = () =>
      school.payload.create({
        collection: 'archive-entries',
        data: {
          title: 'Bị cắt ngang',
          schoolYear: lastYear,
          kind: 'year-end',
          status: 'preparing',
          progress: { done: 2, total: lastYearClasses.length },
          sentBy: itTeacher.id,
        },
        overrideAccess: true,
      })
    const atStart = await left()
    // What the server's start runs (payload.config onInit).
    await archive.failArchivesLeftPreparing(school.payload)
    const failed = await school.payload.findByID({
      collection: 'archive-entries',
      id: atStart.id,
      overrideAccess: true,
    })
    expect(failed.status).toBe('failed')

    const beforeSend = await left()
    // The send below is refused by its producer at once: only the stale entry matters here.
    const restore = archive.useArchiveProducer(async () => {
      throw new Error('dừng thử')
    })
    try {
      const sent = await (await as('it_teacher')).post('/archive/send', { schoolYear: lastYear })
      expect(sent.status).toBe(202)
      await archive.archiveSettled(sent.body.id)
    } finally {
      restore()
    }
    const stale = await school.payload.findByID({
      collection: 'archive-entries',
      id: beforeSend.id,
      overrideAccess: true,
    })
    expect(stale.status).toBe('failed')
  })
})

describe('a year in the archive', () => {
  let entryId: number
  /** How many files were on disk each time the producer was asked for a class. */
  let filesOnDiskWhenProducing: number[]
  let maxConcurrentClasses = 0

  beforeAll(async () => {
    filesOnDiskWhenProducing = []
    let active = 0
    // The first class waits until the test has looked at the entry being made.
    let open: () => void = () => undefined
    const looked = new Promise<void>((resolve) => (open = resolve))
    const watched: ArchiveProducer = async (req, schoolClass) => {
      await looked
      active += 1
      filesOnDiskWhenProducing.push(readdirSync(archiveDirectory()).length)
      maxConcurrentClasses = Math.max(maxConcurrentClasses, active)
      try {
        return await producers.yearEndProducer(req, schoolClass)
      } finally {
        active -= 1
      }
    }
    const restore = archive.useArchiveProducer(watched)
    try {
      const it = await as('it_teacher')
      // Two sends at once: one starts, the other is told the year is being sent.
      const both = await Promise.all([
        it.post('/archive/send', { schoolYear: lastYear }),
        it.post('/archive/send', { schoolYear: lastYear }),
      ])
      expect(both.map((answer) => answer.status).sort()).toEqual([202, 409])
      const sent = both.find((answer) => answer.status === 202)!
      expect(sent.body.status).toBe('preparing')
      expect(sent.body.progress).toEqual({ done: 0, total: lastYearClasses.length })
      entryId = sent.body.id
      // While it is being made, the sender follows its progress, without its files.
      const following = await it.get(`/archive?schoolYear=${lastYear}`)
      expect(following.status).toBe(200)
      const mine = following.body.entries.find((e: { id: number }) => e.id === entryId)
      expect(mine.status).toBe('preparing')
      expect(mine).not.toHaveProperty('files')
      open()
      await archive.archiveSettled(entryId)
    } finally {
      restore()
    }
  }, 120_000)

  it('made the classes one at a time, each on disk before the next was made', async () => {
    expect(maxConcurrentClasses).toBe(1)
    const [first] = filesOnDiskWhenProducing
    expect(filesOnDiskWhenProducing).toEqual(
      lastYearClasses.map((_, at) => first + at * FILES_PER_CLASS),
    )
    const listing = await (await as('it_teacher')).get(`/archive?schoolYear=${lastYear}`)
    const entry = listing.body.entries.find((e: { id: number }) => e.id === entryId)
    expect(entry.status).toBe('sent')
    expect(entry.progress).toEqual({ done: lastYearClasses.length, total: lastYearClasses.length })
    expect(entry.sentBy).toBeTruthy()
    expect(entry).not.toHaveProperty('files')
  })

  it('holds a file per class whose SHA-256 and size are those of its bytes', async () => {
    const principal = await as('principal')
    const listing = await principal.get(`/archive?schoolYear=${lastYear}`)
    expect(listing.status).toBe(200)
    const entry = listing.body.entries.find((e: { id: number }) => e.id === entryId)
    expect(entry.files).toHaveLength(lastYearClasses.length * FILES_PER_CLASS)
    expect(entry.files.map((f: { className: string }) => f.className)).toEqual(
      lastYearClasses.flatMap((c) => Array<string>(FILES_PER_CLASS).fill(c.name)),
    )
    for (const file of entry.files) {
      const { status, bytes } = await bytesOf(principal, file.url)
      expect(status).toBe(200)
      expect(file.sha256).toBe(sha256(bytes))
      expect(file.byteSize).toBe(bytes.length)
      expect(sha256(readFileSync(path.join(archiveDirectory(), file.filename)))).toBe(file.sha256)
    }
    // The class's final transcripts: every pupil of the class's year, no draft mark.
    const { docs: results } = await school.payload.find({
      collection: 'year-end-results',
      where: {
        and: [{ class: { equals: lastYearClasses[0].id } }, { schoolYear: { equals: lastYear } }],
      },
      depth: 1,
      limit: 3,
      overrideAccess: true,
    })
    expect(results.length).toBeGreaterThan(0)
    const text = pdfText((await bytesOf(principal, entry.files[0].url)).bytes)
    expect(entry.files[0].kind).toBe('transcript')
    expect(text).toContain('HỌC BẠ')
    expect(text).not.toContain('Bản nháp')
    const summary = pdfText((await bytesOf(principal, entry.files[FILES_PER_CLASS - 1].url)).bytes)
    expect(summary).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC')
    for (const record of results) {
      const student = record.student as { fullName: string }
      expect(text).toContain(student.fullName)
    }
  })

  it('serves the files to leadership and the clerk only, logging each download', async () => {
    const principal = await as('principal')
    const listing = await principal.get(`/archive?schoolYear=${lastYear}`)
    const [file] = listing.body.entries.find((e: { id: number }) => e.id === entryId).files
    for (const role of ['vice_principal', 'clerk'] as Role[]) {
      expect((await bytesOf(await as(role), file.url)).status, role).toBe(200)
    }
    for (const role of ['it_teacher', 'homeroom_teacher', 'group_head', 'nurse', 'web_admin']) {
      expect((await bytesOf(await as(role as Role), file.url)).status, role).toBe(403)
    }
    expect((await bytesOf(anonymous(), file.url)).status).toBe(403)
    const { docs } = await school.payload.find({
      collection: 'audit-log',
      where: { document: { equals: 'archive-file' } },
      overrideAccess: true,
      limit: 0,
    })
    expect(docs.some((entry) => String(entry.detail).includes(file.filename))).toBe(true)
  })

  it('is listed for its readers and refused to others', async () => {
    for (const role of ['principal', 'vice_principal', 'clerk'] as Role[]) {
      const listing = await (await as(role)).get(`/archive?schoolYear=${lastYear}`)
      expect(listing.status, role).toBe(200)
      expect(listing.body.entries.some((e: { id: number }) => e.id === entryId)).toBe(true)
    }
    for (const role of ['homeroom_teacher', 'subject_teacher', 'nurse', 'accountant'] as Role[]) {
      expect((await (await as(role)).get(`/archive?schoolYear=${lastYear}`)).status, role).toBe(403)
      expect((await (await as(role)).get('/archive-entries')).status, role).toBe(403)
      expect((await (await as(role)).get('/archive-files')).status, role).toBe(403)
    }
    expect((await anonymous().get(`/archive?schoolYear=${lastYear}`)).status).toBe(401)
    expect((await (await as('principal')).get('/archive?schoolYear=x')).status).toBe(400)
  })

  it('does not let the sender filter or sort by the files they may not see', async () => {
    const it = await as('it_teacher')
    const plain = await it.get('/archive-entries')
    expect(plain.status).toBe(200)
    expect(plain.body.docs.length).toBeGreaterThan(0)
    for (const doc of plain.body.docs) expect(doc).not.toHaveProperty('files')
    expect((await it.get('/archive-files')).status).toBe(403)
    for (const query of [
      '?where[files.file.sha256][exists]=true',
      '?where[files.kind][equals]=transcript',
      '?sort=files.kind',
      '?sort=-files.file',
    ]) {
      expect((await it.get(`/archive-entries${query}`)).status, query).toBe(403)
      expect((await (await as('principal')).get(`/archive-entries${query}`)).status, query).toBe(
        200,
      )
    }
  })

  it('is received by the clerk, once', async () => {
    for (const role of ['it_teacher', 'principal', 'vice_principal'] as Role[]) {
      expect((await (await as(role)).post(`/archive/${entryId}/receive`, {})).status, role).toBe(
        403,
      )
    }
    const clerk = await as('clerk')
    expect((await clerk.post('/archive/999999/receive', {})).status).toBe(404)
    expect((await clerk.post('/archive/abc/receive', {})).status).toBe(404)
    const received = await clerk.post(`/archive/${entryId}/receive`, {})
    expect(received.status).toBe(200)
    expect(received.body.status).toBe('received')
    expect(received.body.receivedBy).toBeTruthy()
    expect((await clerk.post(`/archive/${entryId}/receive`, {})).status).toBe(409)
    const { docs: failed } = await school.payload.find({
      collection: 'archive-entries',
      where: { status: { equals: 'failed' } },
      limit: 1,
      overrideAccess: true,
    })
    expect((await clerk.post(`/archive/${failed[0].id}/receive`, {})).status).toBe(409)
  })

  it('is read-only forever: no role updates or deletes an entry or a file', async () => {
    const before = await school.payload.findByID({
      collection: 'archive-entries',
      id: entryId,
      depth: 0,
      overrideAccess: true,
    })
    const fileId = (before.files ?? [])[0].file as number
    const fileBefore = await school.payload.findByID({
      collection: 'archive-files',
      id: fileId,
      overrideAccess: true,
    })
    for (const role of ROLES) {
      const client = await as(role)
      const tries = [
        await client.patch(`/archive-entries/${entryId}`, { status: 'sent', title: 'Sửa' }),
        await client.delete(`/archive-entries/${entryId}`),
        await client.patch(`/archive-entries?where[id][equals]=${entryId}`, { title: 'Sửa' }),
        await client.delete(`/archive-entries?where[id][equals]=${entryId}`),
        await client.patch(`/archive-files/${fileId}`, { sha256: 'x', kind: 'transcript' }),
        await client.delete(`/archive-files/${fileId}`),
        await client.delete(`/archive-files?where[id][equals]=${fileId}`),
        await client.post('/archive-entries', {
          title: 'Giả',
          schoolYear: lastYear,
          kind: 'year-end',
          status: 'received',
          sentBy: principalUser.id,
        }),
      ]
      for (const response of tries) {
        expect([401, 403, 404], `${role}: ${JSON.stringify(response.body)}`).toContain(
          response.status,
        )
        expect(response.body?.docs?.length ?? 0).toBe(0)
      }
    }
    const graphql = new GraphQLClient()
    await graphql.login(demoLoginEmail('principal'), demoPassword())
    const mutations = [
      `mutation { updateArchiveEntry(id: ${entryId}, data: { title: "Sửa" }) { id title } }`,
      `mutation { deleteArchiveEntry(id: ${entryId}) { id } }`,
      `mutation { updateArchiveFile(id: ${fileId}, data: { schoolYear: "2000-2001" }) { id } }`,
      `mutation { deleteArchiveFile(id: ${fileId}) { id } }`,
    ]
    for (const mutation of mutations) {
      const answer = await graphql.query(mutation)
      expect(answer.errors?.length, mutation).toBeGreaterThan(0)
    }
    const after = await school.payload.findByID({
      collection: 'archive-entries',
      id: entryId,
      depth: 0,
      overrideAccess: true,
    })
    expect(after).toEqual(before)
    expect(
      await school.payload.findByID({
        collection: 'archive-files',
        id: fileId,
        overrideAccess: true,
      }),
    ).toEqual(fileBefore)
    // The archive's own code cannot move a received entry either.
    const { createLocalReq } = await import('payload')
    const { withFlag } = await import('../../cms/src/lib/request-flags')
    const itTeacher = await user('it_teacher')
    const req = await createLocalReq(
      { user: { ...itTeacher, collection: 'users' } },
      school.payload,
    )
    await expect(
      withFlag(req, 'archiving', () =>
        school.payload.update({
          collection: 'archive-entries',
          id: entryId,
          data: { status: 'sent' },
          overrideAccess: false,
          user: req.user,
          req,
        }),
      ),
    ).rejects.toThrow()
  })

  it('verifies its checksums, and catches a changed byte and a missing file', async () => {
    for (const role of ['it_teacher', 'homeroom_teacher', 'nurse'] as Role[]) {
      expect((await (await as(role)).get(`/archive/${entryId}/verify`)).status, role).toBe(403)
    }
    const clerk = await as('clerk')
    const sound = await clerk.get(`/archive/${entryId}/verify`)
    expect(sound.status).toBe(200)
    expect(sound.body.ok).toBe(true)
    expect(sound.body.files).toHaveLength(lastYearClasses.length * FILES_PER_CLASS)
    expect(sound.body.files.every((f: { state: string }) => f.state === 'ok')).toBe(true)

    const [changed, missing] = sound.body.files
    const changedPath = path.join(archiveDirectory(), changed.filename)
    const bytes = readFileSync(changedPath)
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    writeFileSync(changedPath, bytes)
    rmSync(path.join(archiveDirectory(), missing.filename))

    const checked = await (await as('principal')).get(`/archive/${entryId}/verify`)
    expect(checked.status).toBe(200)
    expect(checked.body.ok).toBe(false)
    const stateOf = (id: number) =>
      checked.body.files.find((f: { id: number }) => f.id === id).state
    expect(stateOf(changed.id)).toBe('changed')
    expect(stateOf(missing.id)).toBe('missing')
    expect(checked.body.files.filter((f: { state: string }) => f.state === 'ok')).toHaveLength(
      lastYearClasses.length * FILES_PER_CLASS - 2,
    )
    expect(checked.body).toMatchObject({ changed: 1, missing: 1 })
    expect((await clerk.get('/archive/999999/verify')).status).toBe(404)
  })

  it('is sent once: a second send of the year is refused', async () => {
    const again = await (await as('it_teacher')).post('/archive/send', { schoolYear: lastYear })
    expect(again.status).toBe(409)
  })
})

describe('the clerk files a summary the teachers signed', () => {
  let schoolClass: Group
  beforeAll(() => {
    schoolClass = lastYearClasses[0]
  })
  const fields = () => ({ schoolYear: lastYear, class: String(schoolClass.id), period: 'end1' })

  it('as a PDF, received at once, with its checksum', async () => {
    const scan = await smallPdf('Bảng tổng hợp có chữ ký')
    const filed = await postForm(await as('clerk'), '/archive/file', fields(), {
      bytes: scan,
      name: 'bang-tong-hop.pdf',
      type: 'application/pdf',
    })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    expect(filed.body.file.sha256).toBe(sha256(scan))
    expect(filed.body.file.byteSize).toBe(scan.length)
    const listing = await (await as('vice_principal')).get(`/archive?schoolYear=${lastYear}`)
    const entry = listing.body.entries.find((e: { id: number }) => e.id === filed.body.id)
    expect(entry).toMatchObject({ kind: 'signed-summary', status: 'received' })
    expect(entry.sentBy).toBe(entry.receivedBy)
    expect(entry.files[0]).toMatchObject({ className: schoolClass.name, period: 'end1' })
    const verified = await (await as('clerk')).get(`/archive/${filed.body.id}/verify`)
    expect(verified.body.ok).toBe(true)
    expect((await (await as('clerk')).post(`/archive/${filed.body.id}/receive`, {})).status).toBe(
      409,
    )
  })

  it('refuses what is not a PDF, a bad form, and anyone but the clerk', async () => {
    const clerk = await as('clerk')
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    )
    const fake = { bytes: png, name: 'bang.pdf', type: 'application/pdf' }
    const notPdf = await postForm(clerk, '/archive/file', fields(), fake)
    expect(notPdf.status).toBe(400)
    expect(notPdf.body.errors[0].message).toContain('không phải PDF')
    const scan = { bytes: await smallPdf('x'), name: 'b.pdf', type: 'application/pdf' }
    expect((await postForm(clerk, '/archive/file', fields())).status).toBe(400)
    expect(
      (await postForm(clerk, '/archive/file', { ...fields(), period: 'q3' }, scan)).status,
    ).toBe(400)
    expect(
      (await postForm(clerk, '/archive/file', { ...fields(), schoolYear: thisYear }, scan)).status,
    ).toBe(404)
    expect((await clerk.post('/archive/file', { schoolYear: lastYear })).status).toBe(400)
    for (const role of ['principal', 'it_teacher', 'homeroom_teacher'] as Role[]) {
      expect((await postForm(await as(role), '/archive/file', fields(), scan)).status, role).toBe(
        403,
      )
    }
    // The upload collection itself takes no file from anyone: only the archive's code files.
    const direct = await postForm(
      clerk,
      '/archive-files',
      { _payload: '{"kind":"transcript"}' },
      scan,
    )
    expect(direct.status).toBe(403)
  })
})
