/**
 * The registers of incoming and outgoing documents (Điều 14.1, 14.3; Nghị định 30/2020/NĐ-CP):
 * numbering per year (and kind), two registrations at once, cancelled numbers kept, assignment →
 * handling → handled, daily reminders sent once, search with and without marks, the printed
 * registers (PDF text, xlsx cells), a document sent to the website through the workflow, and
 * what a teacher who was given nothing cannot reach (REST, file URL, GraphQL, filters).
 */
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Role } from '@school/shared'

import type { DocumentHandling, IncomingDocument, User } from '../../cms/src/payload-types'
import { demoUsers, restClients } from './support/data-rights'
import { startInbox, mailText, type Mail } from './support/inbox'
import { createTestUser, useTestSchool } from './support/payload'
import { pdfText } from './support/pdf'
import { stepAs } from './support/workflow'

let inbox: Mail[] = []
let closeInbox: () => Promise<void>
beforeAll(async () => {
  ;({ inbox, close: closeInbox } = await startInbox())
})
afterAll(() => closeInbox())

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>
let payload: Payload

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
})

let scan: Buffer
beforeAll(async () => {
  const { scanPdf } = await import('../../cms/src/seed/demo-office-documents')
  scan = await scanPdf('Bản chụp văn bản thử')
})
const tinyPdf = (_label?: string) => scan

let counter = 0
function incoming(extra: Record<string, unknown> = {}) {
  counter += 1
  return {
    dateReceived: '2023-03-10T09:00:00+07:00',
    issuer: 'Phòng GD&ĐT quận Long Biên',
    numberSymbol: `${100 + counter}/PGDĐT-TH`,
    documentDate: '2023-03-08T00:00:00+07:00',
    type: 'cong_van',
    summary: `Về việc tổ chức ngày hội đọc sách lần ${counter}`,
    urgency: 'normal',
    ...extra,
  }
}

async function register(
  data: Record<string, unknown> = {},
  who: Role = 'clerk',
  file?: Buffer,
): Promise<IncomingDocument> {
  return payload.create({
    collection: 'incoming-documents',
    data: incoming(data) as never,
    user: users[who],
    overrideAccess: false,
    depth: 0,
    ...(file && {
      file: { data: file, mimetype: 'application/pdf', name: 'scan.pdf', size: file.length },
    }),
  })
}

async function assign(
  document: IncomingDocument,
  handler: Role,
  extra: Record<string, unknown> = {},
  who: Role = 'vice_principal',
): Promise<DocumentHandling> {
  return payload.create({
    collection: 'document-handlings',
    data: {
      document: document.id,
      handler: users[handler].id,
      role: 'lead',
      deadline: '2099-01-01T00:00:00+07:00',
      note: 'Đề nghị đồng chí triển khai.',
      ...extra,
    } as never,
    user: users[who],
    overrideAccess: false,
    depth: 0,
  })
}

const reload = (id: number) =>
  payload.findByID({ collection: 'incoming-documents', id, depth: 0, overrideAccess: true })

describe('numbering (Nghị định 30, Điều 22, 15)', () => {
  it('counts arrival numbers per calendar year from 1, given by the server', async () => {
    const first = await register({ dateReceived: '2021-01-02T08:00:00+07:00' })
    const second = await register({ dateReceived: '2021-12-31T16:00:00+07:00' })
    // 1 January in Vietnam (31 December in UTC) opens the next year's count.
    const nextYear = await register({ dateReceived: '2022-01-01T06:30:00+07:00' })
    expect([first.arrivalNumber, second.arrivalNumber]).toEqual([1, 2])
    expect([first.arrivalYear, nextYear.arrivalYear]).toEqual([2021, 2022])
    expect(nextYear.arrivalNumber).toBe(1)
  })

  it('gives two (five) registrations at once different, consecutive numbers', async () => {
    const docs = await Promise.all(
      Array.from({ length: 5 }, () => register({ dateReceived: '2020-05-05T09:00:00+07:00' })),
    )
    expect(docs.map((doc) => doc.arrivalNumber).sort()).toEqual([1, 2, 3, 4, 5])
  })

  it('refuses a number, year or registrant sent by the client, on create and update', async () => {
    const client = await as('clerk')
    const sent = await client.post('/incoming-documents', { ...incoming(), arrivalNumber: 999 })
    expect(sent.status, JSON.stringify(sent.body)).toBe(403)
    const doc = await register()
    for (const field of ['arrivalNumber', 'arrivalYear', 'registeredBy', 'handlingState']) {
      const value =
        field === 'registeredBy' ? users.principal.id : field === 'handlingState' ? 'handled' : 7
      const changed = await client.patch(`/incoming-documents/${doc.id}`, { [field]: value })
      expect(changed.status, field).toBe(403)
    }
    expect((await reload(doc.id)).arrivalNumber).toBe(doc.arrivalNumber)
  })

  it('a form refused for a missing field uses no number', async () => {
    const before = await register({ dateReceived: '2019-02-02T09:00:00+07:00' })
    const client = await as('clerk')
    const refused = await client.post('/incoming-documents', {
      ...incoming({ dateReceived: '2019-02-03T09:00:00+07:00' }),
      summary: '',
    })
    expect(refused.status).toBe(400)
    const after = await register({ dateReceived: '2019-02-04T09:00:00+07:00' })
    expect(after.arrivalNumber).toBe((before.arrivalNumber ?? 0) + 1)
  })

  it('keeps a cancelled number used: cancelled with a reason, never restored nor deleted', async () => {
    const client = await as('clerk')
    const doc = await register({ dateReceived: '2018-04-01T09:00:00+07:00' })
    const noReason = await client.patch(`/incoming-documents/${doc.id}`, { cancelled: true })
    expect(noReason.status).toBe(400)
    const cancelled = await client.patch(`/incoming-documents/${doc.id}`, {
      cancelled: true,
      cancelReason: 'Vào sổ trùng văn bản số đến 3.',
    })
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200)
    const restored = await client.patch(`/incoming-documents/${doc.id}`, { cancelled: false })
    expect(restored.status).toBe(409)
    const next = await register({ dateReceived: '2018-04-02T09:00:00+07:00' })
    expect(next.arrivalNumber).toBe((doc.arrivalNumber ?? 0) + 1)
    for (const role of ['clerk', 'principal'] as const)
      expect((await (await as(role)).delete(`/incoming-documents/${doc.id}`)).status).toBe(403)
    // Moving the date into another year would leave its number in the wrong year's count.
    const moved = await client.patch(`/incoming-documents/${next.id}`, {
      dateReceived: '2019-04-02T09:00:00+07:00',
    })
    expect(moved.status).toBe(400)
  })

  it('numbers outgoing documents per year and kind, with the symbol of Phụ lục III', async () => {
    const out = (type: string, extra: Record<string, unknown> = {}) =>
      payload.create({
        collection: 'outgoing-documents',
        data: {
          type,
          documentDate: '2017-09-05T08:00:00+07:00',
          summary: `Văn bản ${type}`,
          signer: users.principal.id,
          recipients: 'Phòng GD&ĐT quận Long Biên; Lưu VT.',
          copies: 3,
          ...extra,
        } as never,
        user: users.clerk,
        overrideAccess: false,
        depth: 0,
      })
    const decisions = await Promise.all([out('quyet_dinh'), out('quyet_dinh'), out('quyet_dinh')])
    expect(decisions.map((doc) => doc.symbol).sort()).toEqual([
      '1/QĐ-THGT',
      '2/QĐ-THGT',
      '3/QĐ-THGT',
    ])
    const letter = await out('cong_van')
    expect(letter.symbol).toBe('1/THGT-VP')
    const planned = await out('ke_hoach', { documentDate: '2016-02-01T08:00:00+07:00' })
    expect(planned.symbol).toBe('1/KH-THGT')
    const fromTheBoard = await out('cong_van', { draftingUnit: 'CM' })
    expect(fromTheBoard.symbol).toBe('2/THGT-CM')
    const client = await as('clerk')
    expect(
      (await client.patch(`/outgoing-documents/${letter.id}`, { type: 'bao_cao' })).status,
    ).toBe(403)
    expect((await client.patch(`/outgoing-documents/${letter.id}`, { symbol: '9/X' })).status).toBe(
      403,
    )
    expect((await client.post('/outgoing-documents', { type: 'cong_van' })).status).toBe(400)
  })
})

describe('assignment → handling → handled (Nghị định 30, Điều 24)', () => {
  it('leadership assigns, the handler reads the document and its file, marks it handled', async () => {
    const doc = await register({ fromAuthorities: true }, 'clerk', tinyPdf())
    expect((await reload(doc.id)).handlingState).toBe('unassigned')
    const handling = await assign(doc, 'homeroom_teacher')
    expect(handling.assignedBy).toBe(users.vice_principal.id)
    expect(handling.directedBy).toBe(users.vice_principal.id)
    const state = await reload(doc.id)
    expect(state.handlingState).toBe('in_progress')
    expect(state.handlers).toEqual([users.homeroom_teacher.id])

    const teacher = await as('homeroom_teacher')
    const read = await teacher.get(`/incoming-documents/${doc.id}?depth=0`)
    expect(read.status).toBe(200)
    const file = await teacher.raw('GET', `/incoming-documents/file/${read.body.filename}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toContain('application/pdf')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')

    const bare = await teacher.patch(`/document-handlings/${handling.id}`, { status: 'handled' })
    expect(bare.status).toBe(400)
    const done = await teacher.patch(`/document-handlings/${handling.id}`, {
      status: 'handled',
      handledNote: 'Đã triển khai đến phụ huynh lớp 3B.',
    })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.doc.handledAt).toBeTruthy()
    expect((await reload(doc.id)).handlingState).toBe('handled')
    const again = await teacher.patch(`/document-handlings/${handling.id}`, { status: 'assigned' })
    expect(again.status).toBe(409)
    // The clerk sees it handled.
    const clerkView = await (await as('clerk')).get(`/incoming-documents/${doc.id}?depth=0`)
    expect(clerkView.body.handlingState).toBe('handled')
  })

  it('the clerk records leadership’s direction: only naming a leader', async () => {
    const doc = await register()
    await expect(assign(doc, 'subject_teacher', {}, 'clerk')).rejects.toMatchObject({
      status: 400,
    })
    await expect(
      assign(doc, 'subject_teacher', { directedBy: users.clerk.id }, 'clerk'),
    ).rejects.toMatchObject({ status: 400 })
    const recorded = await assign(
      doc,
      'subject_teacher',
      { directedBy: users.principal.id },
      'clerk',
    )
    expect(recorded.directedBy).toBe(users.principal.id)
    expect(recorded.assignedBy).toBe(users.clerk.id)
  })

  it('a handler writes only the handling part of their own row', async () => {
    const doc = await register()
    const mine = await assign(doc, 'homeroom_teacher')
    const theirs = await assign(doc, 'group_head', { role: 'support' })
    const teacher = await as('homeroom_teacher')
    for (const change of [
      { handler: users.subject_teacher.id },
      { deadline: '2100-01-01T00:00:00+07:00' },
      { note: 'Tự sửa ý kiến chỉ đạo' },
      { document: (await register()).id },
      { handledAt: '2020-01-01T00:00:00.000Z' },
      { assignedBy: users.homeroom_teacher.id },
      { remindedOn: '2099-01-01' },
    ]) {
      const response = await teacher.patch(`/document-handlings/${mine.id}`, change)
      expect(response.status, JSON.stringify(change)).toBe(403)
    }
    // The co-handler's row is read (who leads, who helps), never written.
    expect((await teacher.get(`/document-handlings/${theirs.id}`)).status).toBe(200)
    const other = await teacher.patch(`/document-handlings/${theirs.id}`, {
      status: 'handled',
      handledNote: 'Làm thay',
    })
    expect([403, 404]).toContain(other.status)
    // …and the document itself is the clerk's.
    expect(
      (await teacher.patch(`/incoming-documents/${doc.id}`, { summary: 'Sửa trích yếu' })).status,
    ).toBe(403)
    expect((await teacher.delete(`/document-handlings/${mine.id}`)).status).toBe(403)
  })

  it('refuses an assignment of a cancelled entry; withdraws an open one, not a handled one', async () => {
    const doc = await register()
    const open = await assign(doc, 'subject_teacher')
    const leader = await as('vice_principal')
    expect((await leader.delete(`/document-handlings/${open.id}`)).status).toBe(200)
    expect((await reload(doc.id)).handlingState).toBe('unassigned')
    await (
      await as('clerk')
    ).patch(`/incoming-documents/${doc.id}`, {
      cancelled: true,
      cancelReason: 'Nhầm',
    })
    await expect(assign(doc, 'subject_teacher')).rejects.toMatchObject({ status: 409 })
  })
})

describe('reminders, once a day', () => {
  it('mails the handler and the assigner for what is due tomorrow or overdue, once', async () => {
    const { sendHandlingReminders } = await import('../../cms/src/office/reminders')
    const now = new Date('2030-06-10T08:00:00+07:00')
    // Everything open in the demo school is reminded once first; then only ours are new.
    await sendHandlingReminders(payload, now)
    const dueTomorrow = await assign(
      await register({ summary: 'Báo cáo số liệu đầu năm' }),
      'nurse',
      {
        deadline: '2030-06-11T00:00:00+07:00',
      },
    )
    const late = await assign(await register({ summary: 'Kế hoạch phòng cháy' }), 'nurse', {
      deadline: '2030-06-01T00:00:00+07:00',
    })
    const later = await assign(await register({ summary: 'Việc còn xa hạn' }), 'nurse', {
      deadline: '2030-07-30T00:00:00+07:00',
    })
    const before = inbox.length
    const sent = await sendHandlingReminders(payload, now)
    expect(sent).toBe(2)
    const mails = inbox.slice(before)
    expect(mails).toHaveLength(2)
    for (const mail of mails) {
      expect(mail.to.sort()).toEqual(
        [users.nurse.email, users.vice_principal.email].map((email) => email.toLowerCase()).sort(),
      )
    }
    const texts = mails.map(mailText).join('\n')
    expect(texts).toContain('Báo cáo số liệu đầu năm')
    expect(texts).toContain('đã quá hạn')
    expect(texts).not.toContain('Việc còn xa hạn')
    // Run again the same day (a restart): nothing twice.
    expect(await sendHandlingReminders(payload, now)).toBe(0)
    expect(inbox.length).toBe(before + 2)
    const recorded = await payload.findByID({
      collection: 'document-handlings',
      id: dueTomorrow.id,
      overrideAccess: true,
    })
    expect(recorded.remindedOn).toBe('2030-06-10')
    expect(
      (await reload(late.document as number)).handlingState,
      'the overdue one shows so in the register',
    ).toBe('overdue')
    // The next day reminds again (the demo school's open ones too), never the far one.
    await sendHandlingReminders(payload, new Date('2030-06-11T08:00:00+07:00'))
    const reminded = async (id: number) =>
      (await payload.findByID({ collection: 'document-handlings', id, overrideAccess: true }))
        .remindedOn
    expect(await reminded(dueTomorrow.id)).toBe('2030-06-11')
    expect(await reminded(late.id)).toBe('2030-06-11')
    expect(await reminded(later.id)).toBeFalsy()
  })
})

describe('search with and without Vietnamese marks', () => {
  it('finds by issuer, type label, number and summary, either way', async () => {
    const doc = await register({
      issuer: 'UBND phường Phúc Đồng',
      type: 'giay_moi',
      summary: 'Mời dự hội nghị tổng kết công tác phổ cập giáo dục',
      numberSymbol: '77/GM-UBND',
    })
    const clerk = await as('clerk')
    for (const query of [
      'phuc dong',
      'Phúc Đồng',
      'giay moi',
      'GIẤY MỜI',
      'pho cap giao duc',
      '77/gm-ubnd',
    ]) {
      const found = await clerk.get(
        `/incoming-documents?depth=0&limit=100&where[searchText][like]=${encodeURIComponent(query)}`,
      )
      expect(found.status).toBe(200)
      expect(
        found.body.docs.map((entry: { id: number }) => entry.id),
        query,
      ).toContain(doc.id)
    }
    const none = await clerk.get(
      `/incoming-documents?depth=0&where[searchText][like]=${encodeURIComponent('khong co dau')}`,
    )
    expect(none.body.docs.map((entry: { id: number }) => entry.id)).not.toContain(doc.id)
  })
})

describe('the printed registers (Phụ lục IV)', () => {
  it('prints Sổ đăng ký văn bản đến of a year as PDF and xlsx', async () => {
    const doc = await register({
      dateReceived: '2015-10-20T09:00:00+07:00',
      documentDate: '2015-10-19T00:00:00+07:00',
      issuer: 'Sở GD&ĐT Hà Nội',
      numberSymbol: '3456/SGDĐT-GDTH',
      type: 'huong_dan',
      summary: 'Hướng dẫn nhiệm vụ giáo dục tiểu học năm học 2015-2016',
    })
    await assign(doc, 'homeroom_teacher')
    const clerk = await as('clerk')
    const pdf = await clerk.raw('GET', '/office/registers/incoming/pdf?year=2015')
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, ' ')
    for (const expected of [
      'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
      'Năm 2015',
      'TRƯỜNG TIỂU HỌC GIA THƯỢNG',
      'Số đến',
      'Tên loại và trích yếu nội dung',
      'Ký nhận',
      '3456/SGDĐT-GDTH',
      'Sở GD&ĐT Hà Nội',
      '20/10/2015',
      users.homeroom_teacher.fullName,
    ])
      expect(text, expected).toContain(expected)
    const xlsx = await clerk.raw('GET', '/office/registers/incoming/xlsx?year=2015')
    expect(xlsx.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await xlsx.arrayBuffer())
    const sheet = workbook.worksheets[0]
    expect(String(sheet.getCell('A2').value)).toContain('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN — NĂM 2015')
    expect(sheet.getRow(3).values).toContain('Đơn vị hoặc người nhận')
    const row = sheet.getRow(4)
    expect(row.getCell(1).value).toBe('1')
    expect(row.getCell(4).value).toBe('3456/SGDĐT-GDTH')
    expect(String(row.getCell(6).value)).toBe(
      'Hướng dẫn: Hướng dẫn nhiệm vụ giáo dục tiểu học năm học 2015-2016',
    )
  })

  it('prints Sổ đăng ký văn bản đi with its columns', async () => {
    await payload.create({
      collection: 'outgoing-documents',
      data: {
        type: 'bao_cao',
        documentDate: '2014-12-15T08:00:00+07:00',
        summary: 'Báo cáo sơ kết học kỳ I',
        signer: users.principal.id,
        recipients: 'Phòng GD&ĐT quận Long Biên',
        keptBy: 'Văn thư',
        copies: 2,
      } as never,
      user: users.clerk,
      overrideAccess: false,
    })
    const pdf = await (await as('principal')).raw('GET', '/office/registers/outgoing/pdf?year=2014')
    expect(pdf.status).toBe(200)
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer())).replace(/\s+/g, ' ')
    for (const expected of [
      'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
      'Số, ký hiệu văn bản',
      'Nơi nhận văn bản',
      'Số lượng bản',
      '1/BC-THGT',
      'Báo cáo sơ kết học kỳ I',
      users.principal.fullName,
    ])
      expect(text, expected).toContain(expected)
  })

  it.each(['homeroom_teacher', 'subject_teacher', 'web_admin', 'accountant'] as const)(
    '%s may not print the registers',
    async (role) => {
      for (const path of ['/office/registers/incoming/pdf', '/office/registers/outgoing/xlsx'])
        expect((await (await as(role)).raw('GET', path)).status, path).toBe(403)
    },
  )

  it('answers a bad year or register with 4xx', async () => {
    const clerk = await as('clerk')
    expect((await clerk.raw('GET', '/office/registers/incoming/pdf?year=abc')).status).toBe(400)
    expect((await clerk.raw('GET', '/office/registers/nope/pdf')).status).toBe(404)
    expect((await clerk.raw('GET', '/office/registers/incoming/doc')).status).toBe(404)
  })
})

describe('to the website (Điều 14.3, 17.3)', () => {
  it('makes a draft post with the file attached; the file is public only once published', async () => {
    const doc = await register(
      { fromAuthorities: true, summary: 'Kế hoạch tuyển sinh năm học mới', type: 'ke_hoach' },
      'clerk',
      tinyPdf('tuyen sinh'),
    )
    const clerk = await as('clerk')
    const made = await clerk.post(`/office/incoming-documents/${doc.id}/to-website`, {})
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body.adminUrl).toContain(`/collections/posts/${made.body.post.id}`)
    const post = await payload.findByID({
      collection: 'posts',
      id: made.body.post.id,
      draft: true,
      depth: 1,
      overrideAccess: true,
    })
    expect(post.kind).toBe('official_document')
    expect(post.stage).toBe('draft')
    expect(post.title).toContain('Kế hoạch tuyển sinh năm học mới')
    expect(
      post.createdBy && typeof post.createdBy === 'object' ? post.createdBy.id : post.createdBy,
    ).toBe(users.clerk.id)
    const attachment = (post.attachments ?? [])[0] as {
      id: number
      filename: string
      mimeType: string
    }
    expect(attachment.mimeType).toBe('application/pdf')
    const { RestClient } = await import('./support/rest')
    const anonymous = new RestClient()
    const fileUrl = `/media/file/${attachment.filename}`
    expect([403, 404]).toContain((await anonymous.raw('GET', fileUrl)).status)
    expect([403, 404]).toContain((await anonymous.get(`/media/${attachment.id}`)).status)

    await stepAs(payload, users.clerk, post.id, 'submit')
    await stepAs(payload, users.vice_principal, post.id, 'accept')
    await stepAs(payload, users.principal, post.id, 'approve')
    await stepAs(payload, users.web_admin, post.id, 'publish')
    const published = await anonymous.raw('GET', fileUrl)
    expect(published.status).toBe(200)
    expect(published.headers.get('content-type')).toContain('application/pdf')
  })

  it('sends an outgoing document too; refuses a document not from the authorities', async () => {
    const plain = await register({ fromAuthorities: false })
    const clerk = await as('clerk')
    expect((await clerk.post(`/office/incoming-documents/${plain.id}/to-website`, {})).status).toBe(
      409,
    )
    const outgoing = await payload.create({
      collection: 'outgoing-documents',
      data: {
        type: 'thong_bao',
        documentDate: '2024-08-20T08:00:00+07:00',
        summary: 'Thông báo lịch tựu trường',
        signer: users.principal.id,
        recipients: 'Cha mẹ học sinh',
      } as never,
      user: users.clerk,
      overrideAccess: false,
    })
    const sent = await (
      await as('principal')
    ).post(`/office/outgoing-documents/${outgoing.id}/to-website`, {})
    expect(sent.status, JSON.stringify(sent.body)).toBe(201)
  })

  it.each(['homeroom_teacher', 'web_admin', 'it_teacher', 'accountant'] as const)(
    '%s may not send a document to the website',
    async (role) => {
      const doc = await register({ fromAuthorities: true })
      const response = await (
        await as(role)
      ).post(`/office/incoming-documents/${doc.id}/to-website`, {})
      expect(response.status).toBe(403)
    },
  )
})

describe('attacks: a teacher given nothing reaches nothing', () => {
  let secret: IncomingDocument
  let handling: DocumentHandling
  let teacher: import('./support/rest').RestClient
  let teacherEmail: string

  beforeAll(async () => {
    // A teacher of the school who was never given a document.
    const account = await createTestUser(payload, ['subject_teacher'])
    teacherEmail = account.email
    const { RestClient } = await import('./support/rest')
    teacher = new RestClient()
    expect((await teacher.login(teacherEmail, 'TestUser@2024')).status).toBe(200)
    secret = await register(
      { summary: 'Hồ sơ thanh tra nội bộ (mật)', issuer: 'Thanh tra Sở' },
      'clerk',
      tinyPdf('mat'),
    )
    handling = await assign(secret, 'group_head')
  })

  it('not by id, file URL, list, filter or sort over REST', async () => {
    expect([403, 404]).toContain((await teacher.get(`/incoming-documents/${secret.id}`)).status)
    const filename = (await reload(secret.id)).filename
    expect(filename).toBeTruthy()
    expect([403, 404]).toContain(
      (await teacher.raw('GET', `/incoming-documents/file/${filename}`)).status,
    )
    expect([403, 404]).toContain((await teacher.get(`/document-handlings/${handling.id}`)).status)
    for (const path of [
      '/incoming-documents?depth=0',
      `/incoming-documents?where[summary][like]=thanh%20tra`,
      '/incoming-documents?sort=-arrivalNumber',
      `/document-handlings?where[document.summary][like]=thanh`,
      '/outgoing-documents?depth=0',
    ]) {
      const response = await teacher.get(path)
      const leaked = response.status === 200 ? response.body.docs.length : 0
      expect(leaked, path).toBe(0)
    }
    // The register export holds nothing of it either.
    const exported = await teacher.raw('GET', '/registers/incoming-documents/export')
    if (exported.status === 200) {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await exported.arrayBuffer())
      expect(workbook.worksheets[0].rowCount).toBeLessThanOrEqual(3)
    }
  })

  it('a handler lists only their own documents, whatever they filter by', async () => {
    const other = await register({ summary: 'Không giao cho tổ trưởng' })
    const head = await as('group_head')
    const listed = await head.get('/incoming-documents?depth=0&limit=0')
    expect(listed.status).toBe(200)
    const ids = listed.body.docs.map((doc: { id: number }) => doc.id)
    expect(ids).toContain(secret.id)
    expect(ids).not.toContain(other.id)
    const probing = await head.get(
      `/incoming-documents?depth=0&where[or][0][id][equals]=${other.id}&where[or][1][summary][like]=giao`,
    )
    expect(probing.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(other.id)
  })

  it('not through GraphQL', async () => {
    const { GraphQLClient } = await import('./support/rest')
    const client = new GraphQLClient()
    await client.login(teacherEmail, 'TestUser@2024')
    const answer = await client.query(
      `{ IncomingDocument(id: ${secret.id}) { summary filename }
         IncomingDocuments(where: { summary: { like: "thanh tra" } }) { docs { id summary } }
         DocumentHandlings { docs { id note } } }`,
    )
    const text = JSON.stringify(answer)
    expect(text).not.toContain('thanh tra nội bộ')
    expect(text).not.toContain('Đề nghị đồng chí')
  })

  it('a handler cannot change the arrival number, nor give their row to someone else', async () => {
    const head = await as('group_head')
    expect(
      (await head.patch(`/incoming-documents/${secret.id}`, { arrivalNumber: 1 })).status,
    ).toBe(403)
    expect(
      (await head.patch(`/document-handlings/${handling.id}`, { handler: users.nurse.id })).status,
    ).toBe(403)
    const after = await payload.findByID({
      collection: 'document-handlings',
      id: handling.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.handler).toBe(users.group_head.id)
  })
})
