/**
 * The monthly editorial report (Điều 17.1): counts per group and per person from assignments and
 * the workflow's log, as JSON and as a spreadsheet, for leadership and the web admin only.
 */
import ExcelJS from 'exceljs'
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import { demoUser, stepAs } from './support/workflow'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType

const user = (role: Role) => demoUser(school.payload, role)

const step = (who: User, postId: number, action: string, comment?: string) =>
  stepAs(school.payload, who, postId, action, comment)

async function client(role: Role) {
  const rest = new RestClient()
  expect((await rest.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  return rest
}

const thisMonth = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
  })
    .format(new Date())
    .slice(0, 7)
type Counts = { assigned: number; submitted: number; returned: number; published: number }
const countsOf = (row: Counts) => ({
  assigned: row.assigned,
  submitted: row.submitted,
  returned: row.returned,
  published: row.published,
})
let before: { grade3: Counts; writer: Counts }

async function reportNow() {
  const response = await (await client('web_admin')).get(`/editorial-report?month=${thisMonth()}`)
  expect(response.status).toBe(200)
  return {
    body: response.body,
    grade3: countsOf(
      response.body.groups.find((group: { name: string }) => group.name === 'Tổ khối 3'),
    ),
    writer: countsOf(
      response.body.people.find(
        (person: { name: string }) => person.name === 'Nguyễn Thị Bích Ngọc',
      ),
    ),
  }
}

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  // The demo school's own posts count too: measure what this file adds.
  before = await reportNow()
  const { payload } = school
  const writer = await user('homeroom_teacher')
  const head = await user('group_head')
  const vicePrincipal = await user('vice_principal')
  const webAdmin = await user('web_admin')
  const { docs } = await payload.find({
    collection: 'groups',
    where: { name: { equals: 'Tổ khối 3' } },
    overrideAccess: true,
  })
  const grade3 = docs[0]
  for (const topic of ['Tin tuần 1', 'Tin tuần 2']) {
    await payload.create({
      collection: 'assignments',
      user: head,
      overrideAccess: false,
      data: { topic, group: grade3.id, writer: writer.id, dueDate: new Date().toISOString() },
    })
  }
  const makePost = (title: string) =>
    payload.create({
      collection: 'posts',
      user: writer,
      overrideAccess: false,
      draft: true,
      data: { title, excerpt: 'Tóm tắt', content: richText('Nội dung') },
    })
  const published = await makePost('Bài đã đăng trong tháng')
  await step(writer, published.id, 'submit')
  await step(head, published.id, 'return', 'Sửa lại')
  await step(writer, published.id, 'submit')
  await step(head, published.id, 'accept')
  await step(vicePrincipal, published.id, 'approve')
  await step(webAdmin, published.id, 'publish')
  const pending = await makePost('Bài đang chờ')
  await step(writer, pending.id, 'submit')
})

describe('editorial report', () => {
  it('counts assigned, submitted, returned and published per group and per person', async () => {
    const after = await reportNow()
    const added = { assigned: 2, submitted: 3, returned: 1, published: 1 }
    const plus = (base: Counts) => ({
      assigned: base.assigned + added.assigned,
      submitted: base.submitted + added.submitted,
      returned: base.returned + added.returned,
      published: base.published + added.published,
    })
    expect(after.grade3).toEqual(plus(before.grade3))
    expect(after.writer).toEqual(plus(before.writer))
    // Every member of the editorial board is listed, with zeros where nothing happened.
    const board = after.body.people.filter((person: { onBoard: boolean }) => person.onBoard)
    expect(board.map((person: { name: string }) => person.name)).toContain('Trịnh Thị Kim Oanh')
    const unionHead = after.body.people.find(
      (person: { name: string }) => person.name === 'Trần Thị Ngọc Ánh',
    )
    expect(unionHead).toMatchObject({ onBoard: true, assigned: 0, returned: 0 })
  })

  it('another month is empty', async () => {
    const response = await (await client('principal')).get('/editorial-report?month=2020-01')
    expect(response.status).toBe(200)
    expect(
      response.body.groups.every((group: { submitted: number }) => group.submitted === 0),
    ).toBe(true)
  })

  it('downloads as a spreadsheet with Vietnamese headers', async () => {
    const rest = await client('vice_principal')
    const response = await rest.raw('GET', '/editorial-report?format=xlsx')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
    const byGroup = workbook.getWorksheet('Theo tổ')!
    expect(byGroup.getRow(3).values).toEqual([
      undefined,
      'Tổ / đoàn thể',
      'Được phân công',
      'Đã gửi duyệt',
      'Bị trả lại',
      'Đã đăng',
    ])
    const rows = byGroup.getSheetValues().filter(Boolean) as unknown[][]
    const { grade3 } = await reportNow()
    expect(rows.find((row) => row[1] === 'Tổ khối 3')?.slice(2)).toEqual([
      grade3.assigned,
      grade3.submitted,
      grade3.returned,
      grade3.published,
    ])
  })

  it('is for leadership and the web admin only; a bad month is refused', async () => {
    expect((await (await client('homeroom_teacher')).get('/editorial-report')).status).toBe(403)
    expect((await (await client('clerk')).get('/editorial-report')).status).toBe(403)
    expect((await new RestClient().get('/editorial-report')).status).toBe(401)
    const bad = await (await client('principal')).get('/editorial-report?month=11-2026')
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toBe('Tháng có dạng YYYY-MM, ví dụ 2026-11.')
  })
})
