/**
 * The periodic test archive (issue 14 point 3; Điều 6), through the real REST and GraphQL
 * handlers with the demo's users and real files on disk: a paper of a test not yet taken is
 * leadership's alone (record, list, filter, GraphQL and file URL), readable once its checkpoint
 * is over; the vice-principal hands a year to the library, the librarian confirms receipt, the
 * year is then frozen; the handover list prints; a year's papers reach the website through the
 * editorial workflow, without matrices and without a secret paper.
 */
import { previousSchoolYear, schoolYearOf, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { TestPaper, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { pdfText } from './support/pdf'
import { findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'
import { stepAs } from './support/workflow'

const school = useTestSchool()
const thisYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(thisYear)
/** A past year of the tests' own, not handed over: taken, still the vice-principal's. */
const olderYear = previousSchoolYear(lastYear)

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
const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))

/** A real, tiny PDF (Payload checks an upload's structure), with the standard font: fast. */
async function tinyPdf(label: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({ size: [200, 100] })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => doc.on('end', resolve))
  doc.text(label)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

async function paperAs(
  payload: Payload,
  who: User | null,
  data: Pick<TestPaper, 'schoolYear' | 'grade' | 'subject' | 'period' | 'part'>,
): Promise<TestPaper> {
  const file = await tinyPdf(`${data.schoolYear} ${data.grade} ${data.subject} ${data.period}`)
  return payload.create({
    collection: 'test-papers',
    data,
    file: { data: file, mimetype: 'application/pdf', name: `${data.part}.pdf`, size: file.length },
    ...(who ? { user: who, overrideAccess: false } : { overrideAccess: true }),
  })
}

const fileUrl = (paper: TestPaper) => `/test-papers/file/${encodeURIComponent(paper.filename!)}`

let secret: TestPaper
let past: TestPaper
let vice: User

beforeAll(async () => {
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  vice = await user('vice_principal')
  const { docs } = await school.payload.find({
    collection: 'test-papers',
    where: {
      and: [
        { schoolYear: { equals: thisYear } },
        { subject: { equals: 'toan' } },
        { grade: { equals: '4' } },
        { part: { equals: 'paper' } },
      ],
    },
    overrideAccess: true,
  })
  secret = docs[0]
  const older = await school.payload.find({
    collection: 'test-papers',
    where: {
      and: [
        { schoolYear: { equals: lastYear } },
        { subject: { equals: 'toan' } },
        { grade: { equals: '4' } },
        { period: { equals: 'mid1' } },
        { part: { equals: 'paper' } },
      ],
    },
    overrideAccess: true,
  })
  past = older.docs[0]
}, 60_000)

describe('the demo archive', () => {
  it('holds last year complete but one matrix, handed and received, and this year secret', async () => {
    const vp = await as('vice_principal')
    const last = await vp.get(`/test-archive/completeness?schoolYear=${lastYear}`)
    expect(last.status).toBe(200)
    // Toán and Tiếng Việt: 2 checkpoints at grades 1–3, 4 at grades 4–5; four more sets.
    expect(last.body.setCount).toBe(2 * (3 * 2 + 2 * 4) + 4)
    const incomplete = last.body.sets.filter(
      (set: { complete: boolean; missing: string[] }) => !set.complete && set.missing.length < 3,
    )
    expect(incomplete).toHaveLength(1)
    expect(incomplete[0]).toMatchObject({ grade: 5, subject: 'ngoai-ngu', missing: ['matrix'] })
    const { docs } = await school.payload.find({
      collection: 'test-paper-handovers',
      where: { schoolYear: { equals: lastYear } },
      overrideAccess: true,
    })
    expect(docs[0]).toMatchObject({ status: 'received', setCount: last.body.setCount })
    expect(secret).toBeDefined()
    expect(past).toBeDefined()
  })
})

describe('a paper of a test not yet taken', () => {
  it('is read by leadership only: record, list, filter, search, GraphQL', async () => {
    for (const role of ['principal', 'vice_principal'] as const) {
      expect((await (await as(role)).get(`/test-papers/${secret.id}`)).status, role).toBe(200)
    }
    for (const role of ['subject_teacher', 'homeroom_teacher', 'librarian', 'nurse'] as const) {
      const client = await as(role)
      expect((await client.get(`/test-papers/${secret.id}`)).status, role).toBe(404)
      const list = await client.get(`/test-papers?where[schoolYear][equals]=${thisYear}&limit=100`)
      expect(list.status, role).toBe(200)
      expect(list.body.totalDocs, role).toBe(0)
      const search = await client.get(`/test-papers?where[searchText][like]=${thisYear}`)
      expect(search.body.totalDocs, role).toBe(0)
    }
    const gql = new GraphQLClient()
    await gql.login(demoLoginEmail('subject_teacher'), demoPassword())
    const answer = await gql.query(
      `{ TestPapers(where: { schoolYear: { equals: "${thisYear}" } }) { totalDocs } }`,
    )
    expect(answer.data.TestPapers.totalDocs).toBe(0)
  })

  it('stays out of a teacher’s Excel export of the list', async () => {
    const ExcelJS = (await import('exceljs')).default
    const rowsOf = async (role: Role) => {
      const response = await (
        await as(role)
      ).raw('GET', `/registers/test-papers/export?where[schoolYear][equals]=${thisYear}`)
      expect(response.status, role).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await response.arrayBuffer())
      // Title, date line and header come before the records.
      return workbook.worksheets[0].actualRowCount - 3
    }
    expect(await rowsOf('subject_teacher')).toBe(0)
    expect(await rowsOf('vice_principal')).toBeGreaterThanOrEqual(12)
  })

  it('has a file URL only leadership opens', async () => {
    const vp = await as('vice_principal')
    const own = await vp.raw('GET', fileUrl(secret))
    expect(own.status).toBe(200)
    expect(own.headers.get('content-type')).toContain('application/pdf')
    expect(own.headers.get('cache-control')).toContain('no-store')
    for (const role of ['subject_teacher', 'librarian', 'nurse'] as const) {
      const response = await (await as(role)).raw('GET', fileUrl(secret))
      expect([403, 404], role).toContain(response.status)
    }
    expect([401, 403, 404]).toContain((await new RestClient().raw('GET', fileUrl(secret))).status)
  })

  it('becomes readable, file too, once its checkpoint window has closed', async () => {
    const fresh = await paperAs(school.payload, vice, {
      schoolYear: thisYear,
      grade: '5',
      subject: 'toan',
      period: 'mid2',
      part: 'paper',
    })
    const teacher = await as('subject_teacher')
    expect((await teacher.get(`/test-papers/${fresh.id}`)).status).toBe(404)
    expect([403, 404]).toContain((await teacher.raw('GET', fileUrl(fresh))).status)
    const { docs } = await school.payload.find({
      collection: 'assessment-periods',
      where: { and: [{ schoolYear: { equals: thisYear } }, { period: { equals: 'mid2' } }] },
      overrideAccess: true,
    })
    const window = docs[0]
    const day = 24 * 60 * 60 * 1000
    await school.payload.update({
      collection: 'assessment-periods',
      id: window.id,
      data: {
        opensOn: new Date(Date.now() - 20 * day).toISOString(),
        closesOn: new Date(Date.now() - 2 * day).toISOString(),
      },
      overrideAccess: true,
    })
    try {
      expect((await teacher.get(`/test-papers/${fresh.id}`)).status).toBe(200)
      const file = await teacher.raw('GET', fileUrl(fresh))
      expect(file.status).toBe(200)
      expect(Buffer.from(await file.arrayBuffer()).toString('latin1')).toContain('%PDF')
    } finally {
      await school.payload.update({
        collection: 'assessment-periods',
        id: window.id,
        data: { opensOn: window.opensOn, closesOn: window.closesOn },
        overrideAccess: true,
      })
    }
    expect((await teacher.get(`/test-papers/${fresh.id}`)).status).toBe(404)
  })
})

describe('past papers', () => {
  it('teachers find with filters and folded search, and download', async () => {
    const teacher = await as('subject_teacher')
    const filtered = await teacher.get(
      `/test-papers?where[schoolYear][equals]=${lastYear}&where[grade][equals]=4` +
        '&where[subject][equals]=toan&where[period][equals]=mid1&limit=10',
    )
    expect(filtered.status).toBe(200)
    expect(filtered.body.totalDocs).toBe(3)
    const folded = await teacher.get(
      `/test-papers?where[searchText][like]=${encodeURIComponent('dap an toan lop 4 giua hoc ki')}`,
    )
    expect(folded.body.totalDocs).toBeGreaterThan(0)
    for (const doc of folded.body.docs) expect(doc.part).toBe('answer_key')
    const marked = await teacher.get(
      `/test-papers?where[searchText][like]=${encodeURIComponent('Đáp án Toán lớp 4 Giữa học kì')}`,
    )
    expect(marked.body.totalDocs).toBe(folded.body.totalDocs)
    const file = await teacher.raw('GET', fileUrl(past))
    expect(file.status).toBe(200)
  })

  it('only leadership uploads; a handed-over year is edited and deleted by nobody', async () => {
    const teacher = await as('subject_teacher')
    expect((await teacher.patch(`/test-papers/${past.id}`, { note: 'x' })).status).toBe(403)
    await expect(
      paperAs(school.payload, await user('subject_teacher'), {
        schoolYear: olderYear,
        grade: '3',
        subject: 'toan',
        period: 'end',
        part: 'paper',
      }),
    ).rejects.toMatchObject({ status: 403 })
    const vp = await as('vice_principal')
    expect((await vp.patch(`/test-papers/${past.id}`, { note: 'sửa' })).status).toBe(403)
    expect((await vp.delete(`/test-papers/${past.id}`)).status).toBe(403)
    expect((await (await as('principal')).delete(`/test-papers/${past.id}`)).status).toBe(403)
    // This year's papers are still the vice-principal's to edit.
    expect((await vp.patch(`/test-papers/${secret.id}`, { note: 'Đề dự phòng' })).status).toBe(200)
  })

  it('refuses a set with no periodic test (TT27 Điều 7.2), and a paper without file', async () => {
    await expect(
      paperAs(school.payload, vice, {
        schoolYear: olderYear,
        grade: '2',
        subject: 'toan',
        period: 'mid1',
        part: 'paper',
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      school.payload.create({
        collection: 'test-papers',
        data: { schoolYear: olderYear, grade: '3', subject: 'toan', period: 'end', part: 'paper' },
        user: vice,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})

describe('handing a year to the library', () => {
  let handoverId: number

  it('is refused while a paper of the year is still secret', async () => {
    const response = await (
      await as('vice_principal')
    ).post('/test-paper-handovers', {
      schoolYear: thisYear,
    })
    expect(response.status).toBe(409)
    expect(JSON.stringify(response.body)).toContain('bí mật')
  })

  it('is the vice-principal’s; counts what is handed; the librarian then reads the year', async () => {
    for (const part of ['paper', 'answer_key', 'matrix'] as const)
      await paperAs(school.payload, null, {
        schoolYear: olderYear,
        grade: '4',
        subject: 'toan',
        period: 'end',
        part,
      })
    await paperAs(school.payload, null, {
      schoolYear: olderYear,
      grade: '1',
      subject: 'tieng-viet',
      period: 'end1',
      part: 'paper',
    })
    const librarian = await as('librarian')
    const before = await librarian.get(`/test-papers?where[schoolYear][equals]=${olderYear}`)
    expect(before.body.totalDocs).toBe(0)
    for (const role of ['subject_teacher', 'librarian', 'nurse'] as const) {
      const refused = await (
        await as(role)
      ).post('/test-paper-handovers', {
        schoolYear: olderYear,
      })
      expect(refused.status, role).toBe(403)
    }
    const handed = await (
      await as('vice_principal')
    ).post('/test-paper-handovers', {
      schoolYear: olderYear,
      note: 'Bàn giao kèm bản giấy',
      handedBy: 1,
      setCount: 99,
    })
    expect(handed.status).toBe(403)
    const response = await (
      await as('vice_principal')
    ).post('/test-paper-handovers', {
      schoolYear: olderYear,
      note: 'Bàn giao kèm bản giấy',
    })
    expect(response.status).toBe(201)
    const doc = response.body.doc
    handoverId = doc.id
    expect(doc).toMatchObject({ status: 'handed', setCount: 2, completeSets: 1, fileCount: 4 })
    expect(doc.handedBy.id ?? doc.handedBy).toBe(vice.id)
    expect(doc.items).toHaveLength(2)
    const missing = doc.items.find((item: { missing: string }) => item.missing)
    expect(missing.missing).toBe('Đáp án, hướng dẫn chấm, Ma trận đề')
    const after = await librarian.get(`/test-papers?where[schoolYear][equals]=${olderYear}`)
    expect(after.body.totalDocs).toBe(4)
    // Not yet received: other staff do not read the year yet.
    const nurse = await as('nurse')
    expect(
      (await nurse.get(`/test-papers?where[schoolYear][equals]=${olderYear}`)).body.totalDocs,
    ).toBe(0)
    // Handed once.
    const again = await (
      await as('principal')
    ).post('/test-paper-handovers', {
      schoolYear: olderYear,
    })
    expect(again.status).toBe(409)
  })

  it('is confirmed by the librarian alone, who and when written by the server, once', async () => {
    const vp = await as('vice_principal')
    const byVice = await vp.patch(`/test-paper-handovers/${handoverId}`, { status: 'received' })
    expect(byVice.status).toBe(403)
    const teacher = await as('subject_teacher')
    expect(
      (await teacher.patch(`/test-paper-handovers/${handoverId}`, { status: 'received' })).status,
    ).toBe(403)
    const librarian = await as('librarian')
    const forged = await librarian.patch(`/test-paper-handovers/${handoverId}`, {
      status: 'received',
      receivedAt: '2020-01-01T00:00:00.000Z',
    })
    expect(forged.status).toBe(403)
    const confirmed = await librarian.patch(`/test-paper-handovers/${handoverId}`, {
      status: 'received',
      receiptNote: 'Thiếu đáp án, ma trận Tiếng Việt lớp 1',
    })
    expect(confirmed.status).toBe(200)
    const librarianUser = await user('librarian')
    expect(confirmed.body.doc.receivedBy.id ?? confirmed.body.doc.receivedBy).toBe(librarianUser.id)
    expect(Date.now() - new Date(confirmed.body.doc.receivedAt).getTime()).toBeLessThan(60_000)
    // Final: nobody changes a received handover, nor deletes one.
    expect(
      (await librarian.patch(`/test-paper-handovers/${handoverId}`, { receiptNote: 'x' })).status,
    ).toBe(403)
    expect((await vp.patch(`/test-paper-handovers/${handoverId}`, { note: 'x' })).status).toBe(403)
    expect(
      (await (await as('principal')).delete(`/test-paper-handovers/${handoverId}`)).status,
    ).toBe(403)
    // The library's now: all staff read it; nobody edits its papers.
    const nurse = await as('nurse')
    expect(
      (await nurse.get(`/test-papers?where[schoolYear][equals]=${olderYear}`)).body.totalDocs,
    ).toBe(4)
    const { docs } = await school.payload.find({
      collection: 'test-papers',
      where: { schoolYear: { equals: olderYear } },
      overrideAccess: true,
    })
    expect((await vp.patch(`/test-papers/${docs[0].id}`, { note: 'x' })).status).toBe(403)
    expect((await vp.delete(`/test-papers/${docs[0].id}`)).status).toBe(403)
  })

  it('prints the handover list for signing (leadership and the library)', async () => {
    const response = await (
      await as('librarian')
    ).raw('GET', `/test-archive/handovers/${handoverId}/pdf`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const text = pdfText(new Uint8Array(await response.arrayBuffer()))
    expect(text).toContain('BIÊN BẢN BÀN GIAO ĐỀ KIỂM TRA ĐỊNH KỲ')
    expect(text).toContain(`Năm học ${olderYear}`)
    expect(text).toContain('Toán')
    expect(text).toContain('Cuối năm học')
    expect(text).toContain(vice.fullName)
    expect(text).toContain((await user('librarian')).fullName)
    expect(text).toContain('Thiếu đáp án, ma trận Tiếng Việt lớp 1')
    for (const role of ['subject_teacher', 'nurse'] as const) {
      const refused = await (await as(role)).raw('GET', `/test-archive/handovers/${handoverId}/pdf`)
      expect(refused.status, role).toBe(403)
    }
    const completeness = await (
      await as('subject_teacher')
    ).get(`/test-archive/completeness?schoolYear=${olderYear}`)
    expect(completeness.status).toBe(403)
  })
})

describe('a year on the website for pupils to practise', () => {
  it('is a draft post of papers and keys (no matrix), through the workflow', async () => {
    expect(
      (
        await (
          await as('subject_teacher')
        ).post('/test-archive/practice-post', {
          schoolYear: olderYear,
        })
      ).status,
    ).toBe(403)
    // This year's papers are all secret: nothing to publish.
    const secretYear = await (
      await as('vice_principal')
    ).post('/test-archive/practice-post', {
      schoolYear: thisYear,
    })
    expect(secretYear.status).toBe(400)
    const made = await (
      await as('vice_principal')
    ).post('/test-archive/practice-post', {
      schoolYear: olderYear,
    })
    expect(made.status).toBe(201)
    expect(made.body.attachments).toBe(3)
    const payload = school.payload
    const post = await payload.findByID({
      collection: 'posts',
      id: made.body.post,
      depth: 1,
      draft: true,
      overrideAccess: true,
    })
    expect(post).toMatchObject({ kind: 'practice_tests', stage: 'draft' })
    expect(
      post.createdBy && typeof post.createdBy === 'object' ? post.createdBy.id : post.createdBy,
    ).toBe(vice.id)
    const alts = (post.attachments ?? []).map((media) =>
      typeof media === 'object' ? media.alt : '',
    )
    expect(alts.some((alt) => alt.startsWith('Ma trận'))).toBe(false)
    expect(alts.filter((alt) => alt.startsWith('Đề kiểm tra'))).toHaveLength(2)
    const principal = await user('principal')
    const otherVice = await findUserByEmail(payload, 'vp-activities@giathuong.edu.vn').catch(
      async () => {
        const { docs } = await payload.find({
          collection: 'users',
          where: {
            and: [{ roles: { in: ['vice_principal'] } }, { id: { not_equals: vice.id } }],
          },
          overrideAccess: true,
        })
        return docs[0]
      },
    )
    await stepAs(payload, vice, post.id, 'submit')
    await stepAs(payload, principal, post.id, 'accept')
    await stepAs(payload, otherVice, post.id, 'approve')
    await stepAs(payload, await user('web_admin'), post.id, 'publish')
    const live = await payload.findByID({ collection: 'posts', id: post.id, depth: 0 })
    expect(live._status).toBe('published')
    // The copies are the website's: anyone reads them once the post is live.
    const mediaId = live.attachments?.[0] as number
    const copy = await new RestClient().get(`/media/${mediaId}`)
    expect(copy.status).toBe(200)
  })
})
