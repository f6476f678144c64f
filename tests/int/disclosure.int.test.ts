/**
 * Public disclosure (Thông tư 09/2024/TT-BGDĐT, issue 15 point 4): who keeps which section, the
 * notices' workflow, files public only while published, last year's results as aggregates that
 * name no child, and the due/late view's computation, through REST and the Local API.
 */
import { createLocalReq, type Payload } from 'payload'
import { previousSchoolYear, schoolYearOf, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { scanPdf } from '../../cms/src/seed/demo-office-documents'
import { richText } from './support/content'
import { demoUsers, restClients } from './support/data-rights'
import type * as Rest from './support/rest'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let payload: Payload
let users: Record<Role, User>
let RestClient: typeof Rest.RestClient
let GraphQLClient: typeof Rest.GraphQLClient

const current = schoolYearOf(new Date())
const last = previousSchoolYear(current)
// A year the demo does not use, so these tests' records meet no demo record's unique key.
const testYear = '2019-2020'

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
})

async function pdfAs(role: Role, title: string) {
  const data = await scanPdf(title, ['Tài liệu thử'])
  return payload.create({
    collection: 'disclosure-files',
    data: { title },
    file: { data, mimetype: 'application/pdf', name: `${title}.pdf`, size: data.length },
    user: users[role],
    overrideAccess: false,
    depth: 0,
  })
}

const step = async (role: Role, id: number, action: string, comment?: string) =>
  (await as(role)).post(`/disclosures/${id}/publication`, { action, comment })

const anonymousFile = async (filename: string) =>
  new RestClient().raw('GET', `/disclosure-files/file/${encodeURIComponent(filename)}`)

describe('who keeps the disclosure', () => {
  it('leadership keeps every section; the accountant only the finances', async () => {
    const vp = await as('vice_principal')
    const general = await vp.post('/disclosures', {
      section: 'general',
      schoolYear: testYear,
      body: richText('Thông tin chung thử.'),
    })
    expect(general.status).toBe(201)
    const accountant = await as('accountant')
    expect(
      (await accountant.post('/disclosures', { section: 'staff', schoolYear: testYear })).status,
    ).toBe(403)
    const finances = await accountant.post('/disclosures', {
      section: 'finances',
      schoolYear: testYear,
      body: richText('Dự toán thu chi thử.'),
    })
    expect(finances.status).toBe(201)
    const generalId = general.body.doc.id
    const financesId = finances.body.doc.id
    // The accountant reads and edits the finances, not the rest, and cannot move them away.
    expect((await accountant.get(`/disclosures/${financesId}`)).status).toBe(200)
    expect((await accountant.get(`/disclosures/${generalId}`)).status).toBe(404)
    expect(
      (await accountant.patch(`/disclosures/${generalId}`, { schoolYear: testYear })).status,
    ).toBeGreaterThanOrEqual(403)
    expect(
      (await accountant.patch(`/disclosures/${financesId}`, { section: 'general' })).status,
    ).toBe(403)
    const stored = await payload.findByID({ collection: 'disclosures', id: financesId })
    expect(stored.section).toBe('finances')
    // Other staff have no business in drafts; the web admin, who publishes, reads them.
    for (const role of ['homeroom_teacher', 'subject_teacher', 'clerk', 'it_teacher'] as const) {
      const client = await as(role)
      // No read at all: Payload answers 403 (a teacher who could read some records gets 404).
      expect([403, 404], role).toContain((await client.get(`/disclosures/${generalId}`)).status)
      expect((await client.get('/disclosures')).body.docs ?? [], role).toHaveLength(0)
      expect(
        (await client.post('/disclosures', { section: 'general', schoolYear: '2018-2019' })).status,
        role,
      ).toBe(403)
    }
    expect((await (await as('web_admin')).get(`/disclosures/${generalId}`)).status).toBe(200)
    expect(
      (await (await as('web_admin')).patch(`/disclosures/${generalId}`, { body: richText('x') }))
        .status,
    ).toBeGreaterThanOrEqual(403)
  })

  it('the public never reads the records, in REST or GraphQL', async () => {
    const anonymous = new RestClient()
    expect((await anonymous.get('/disclosures')).status).toBe(403)
    const { docs } = await payload.find({ collection: 'disclosures', limit: 1, depth: 0 })
    expect((await anonymous.get(`/disclosures/${docs[0].id}`)).status).toBeGreaterThanOrEqual(403)
    const graphql = await new GraphQLClient().query('{ Disclosures { docs { id body } } }')
    expect(graphql.data?.Disclosures?.docs ?? []).toHaveLength(0)
  })
})

describe('the workflow and its files', () => {
  it('goes keeper → another leader → web admin; files are public only while published', async () => {
    const file = await pdfAs('accountant', 'du-toan-thu-chi-thu')
    expect(file.onWebsite).toBe(false)
    const created = await (
      await as('accountant')
    ).post('/disclosures', {
      section: 'finances',
      schoolYear: '2020-2021',
      body: richText('Dự toán năm 2020-2021.'),
      documents: [{ file: file.id }],
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    // Before publication the file is private.
    expect((await anonymousFile(file.filename!)).status).toBeGreaterThanOrEqual(403)
    expect(
      (await new RestClient().get(`/disclosure-files/${file.id}`)).status,
    ).toBeGreaterThanOrEqual(403)
    // Not a keeper, not even a reader: refused on every step (404: the record is not theirs
    // to see, so not even its existence is confirmed).
    for (const action of ['submit', 'approve', 'publish', 'unpublish'])
      expect((await step('homeroom_teacher', id, action)).status, action).toBe(404)
    // The accountant reads finances only: another section's record is not found either.
    const general = await payload.find({
      collection: 'disclosures',
      where: { section: { equals: 'general' } },
      limit: 1,
      depth: 0,
    })
    expect((await step('accountant', general.docs[0].id, 'submit')).status).toBe(404)
    expect((await step('accountant', id, 'submit')).status).toBe(200)
    // The accountant is no leader; and a leader approves what someone else sent.
    expect((await step('accountant', id, 'approve')).status).toBe(403)
    expect((await step('web_admin', id, 'approve')).status).toBe(403)
    expect((await step('vice_principal', id, 'publish')).status).toBe(409)
    expect((await step('vice_principal', id, 'approve')).status).toBe(200)
    expect((await step('vice_principal', id, 'publish')).status).toBe(403)
    expect((await step('accountant', id, 'publish')).status).toBe(403)
    expect((await step('web_admin', id, 'publish')).status).toBe(200)

    const key = `disclosure:finances-2020-2021`
    const notices = await new RestClient().get(`/public-notices?where[noticeKey][equals]=${key}`)
    expect(notices.body.docs).toHaveLength(1)
    const notice = notices.body.docs[0]
    expect(notice).toMatchObject({ path: '/cong-khai/tai-chinh/', schoolYear: '2020-2021' })
    expect(notice.data.documents).toEqual([
      expect.objectContaining({ id: String(file.id), filename: file.filename }),
    ])
    // Who wrote, approved or published it is not the public's.
    expect(JSON.stringify(notice)).not.toContain(users.accountant.fullName)
    expect(JSON.stringify(notice)).not.toContain(users.accountant.email)
    const served = await anonymousFile(file.filename!)
    expect(served.status).toBe(200)
    expect(served.headers.get('Content-Type')).toContain('application/pdf')
    // A file on the website is frozen.
    expect(
      (await (await as('accountant')).delete(`/disclosure-files/${file.id}`)).status,
    ).toBeGreaterThanOrEqual(403)

    // An edit makes it a draft again; the published version stays online.
    const edited = await (
      await as('accountant')
    ).patch(`/disclosures/${id}`, {
      body: richText('Dự toán điều chỉnh.'),
    })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.publicationStage).toBe('draft')
    const still = await new RestClient().get(`/public-notices?where[noticeKey][equals]=${key}`)
    expect(still.body.docs).toHaveLength(1)
    expect(JSON.stringify(still.body.docs[0].data.body)).toContain('Dự toán năm 2020-2021.')
    expect((await anonymousFile(file.filename!)).status).toBe(200)

    // Taken down: the page data goes, and the file is private again.
    expect((await step('vice_principal', id, 'unpublish')).status).toBe(403)
    expect((await step('web_admin', id, 'unpublish')).status).toBe(200)
    const gone = await new RestClient().get(`/public-notices?where[noticeKey][equals]=${key}`)
    expect(gone.body.docs).toHaveLength(0)
    expect((await anonymousFile(file.filename!)).status).toBeGreaterThanOrEqual(403)
    const after = await payload.findByID({ collection: 'disclosure-files', id: file.id })
    expect(after.onWebsite).toBe(false)
  })

  it('refuses a document that is not a PDF, and a client marking a file public', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    )
    await expect(
      payload.create({
        collection: 'disclosure-files',
        data: { title: 'Ảnh' },
        file: { data: png, mimetype: 'image/png', name: 'anh.png', size: png.length },
        user: users.accountant,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
    const file = await pdfAs('vice_principal', 'tu-danh-dau')
    const forged = await (
      await as('vice_principal')
    ).patch(`/disclosure-files/${file.id}`, {
      onWebsite: true,
    })
    expect(forged.status).toBe(403)
    expect((await anonymousFile(file.filename!)).status).toBeGreaterThanOrEqual(403)
    // Uploading is the keepers' only.
    await expect(pdfAs('homeroom_teacher', 'giao-vien')).rejects.toMatchObject({ status: 403 })
  })
})

describe("last year's results", () => {
  it('are counts per grade only: no pupil, no small cell', async () => {
    const response = await new RestClient().get(
      `/public-notices?where[noticeKey][equals]=disclosure:results-${current}`,
    )
    expect(response.body.docs).toHaveLength(1)
    const data = response.body.docs[0].data
    expect(data.results.schoolYear).toBe(last)
    const { aggregate } = data.results
    expect(aggregate.grades.length).toBeGreaterThan(0)
    const stored = await payload.count({
      collection: 'year-end-results',
      where: { schoolYear: { equals: last } },
    })
    expect(aggregate.pupils).toBe(stored.totalDocs)
    for (const grade of aggregate.grades) {
      for (const cell of [...Object.values(grade.results), ...Object.values(grade.promotion)]) {
        const { count } = cell as { count: number | null }
        expect(count === null || count === 0 || count >= 5, JSON.stringify(cell)).toBe(true)
      }
    }
    const text = JSON.stringify(data)
    const { docs: pupils } = await payload.find({
      collection: 'students',
      limit: 0,
      pagination: false,
      depth: 0,
      select: { fullName: true, studentCode: true },
    })
    expect(pupils.length).toBeGreaterThan(0)
    for (const pupil of pupils) {
      expect(text).not.toContain(pupil.fullName)
      if (pupil.studentCode) expect(text).not.toContain(String(pupil.studentCode))
    }
    expect(text).not.toMatch(/student|fullName|dateOfBirth/)
  })
})

describe('due and late', () => {
  it('shows the current year published and last year’s unpublished report late', async () => {
    const { disclosureStatusRows } = await import('../../cms/src/disclosure/status')
    const req = await createLocalReq({ user: users.web_admin }, payload)
    const rows = await disclosureStatusRows(req)
    const now = rows.filter((row) => row.schoolYear === current)
    expect(now).toHaveLength(8)
    expect(now.every((row) => row.state === 'published')).toBe(true)
    const report = rows.find((row) => row.schoolYear === last && row.section === 'annual_report')
    expect(report).toMatchObject({
      state: 'late',
      dueDate: `30/06/${last.slice(5)}`,
    })
    // Before the deadline the same record was only due.
    const earlier = await disclosureStatusRows(
      req,
      new Date(`${last.slice(5)}-06-30T20:00:00+07:00`),
    )
    const then = earlier.find((row) => row.schoolYear === last && row.section === 'annual_report')
    expect(then?.state).toBe('due')
  })

  it('the status page is leadership’s, the web admin’s and the accountant’s', async () => {
    const { abilities } = await import('../../cms/src/access/authorize')
    for (const [role, allowed] of [
      ['web_admin', true],
      ['principal', true],
      ['accountant', true],
      ['homeroom_teacher', false],
      ['clerk', false],
    ] as const) {
      const req = await createLocalReq({ user: users[role] }, payload)
      expect((await abilities(req)).disclosureStatus, role).toBe(allowed)
    }
  })
})
