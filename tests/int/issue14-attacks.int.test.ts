/**
 * Attacks on the office registers (issue 14), each through the real stack: what a member of
 * staff or an outsider tried that the registers must refuse.
 */
import { createLocalReq, type Payload } from 'payload'
import { type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { DocumentHandling, IncomingDocument, User } from '../../cms/src/payload-types'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import { createTestUser, findUserByEmail, useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let payload: Payload
let users: Record<Role, User>
let scan: Buffer

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
  const { scanPdf } = await import('../../cms/src/seed/demo-office-documents')
  scan = await scanPdf('Kết quả xử lý bí mật')
})

let counter = 0
async function register(): Promise<IncomingDocument> {
  counter += 1
  return payload.create({
    collection: 'incoming-documents',
    data: {
      dateReceived: '2023-03-10T09:00:00+07:00',
      issuer: 'Phòng GD&ĐT',
      numberSymbol: `${700 + counter}/PGDĐT-TH`,
      documentDate: '2023-03-08T00:00:00+07:00',
      type: 'cong_van',
      summary: `Văn bản thử ${counter}`,
      urgency: 'normal',
    } as never,
    user: users.clerk,
    overrideAccess: false,
    depth: 0,
  })
}

async function assign(
  document: IncomingDocument,
  handler: Role,
  file?: Buffer,
): Promise<DocumentHandling> {
  return payload.create({
    collection: 'document-handlings',
    data: {
      document: document.id,
      handler: users[handler].id,
      role: 'lead',
      deadline: '2099-01-01T00:00:00+07:00',
      note: 'Đề nghị triển khai.',
    } as never,
    user: users.vice_principal,
    overrideAccess: false,
    depth: 0,
    ...(file && {
      file: { data: file, mimetype: 'application/pdf', name: 'ket-qua.pdf', size: file.length },
    }),
  })
}

describe('a handler reaches only the files of their own handlings', () => {
  it("cannot point their own row at another handler's result file and download it", async () => {
    const secret = await assign(await register(), 'nurse', scan)
    expect(secret.filename).toBeTruthy()
    const own = await assign(await register(), 'homeroom_teacher')
    const teacher = await as('homeroom_teacher')
    const url = `/document-handlings/file/${secret.filename}`
    expect([403, 404]).toContain((await teacher.raw('GET', url)).status)
    // Held: Payload keeps a stored file's name its own; the sent one is dropped.
    await teacher.patch(`/document-handlings/${own.id}`, {
      filename: secret.filename,
      mimeType: 'application/pdf',
    })
    expect([403, 404]).toContain((await teacher.raw('GET', url)).status)
  })
})

describe("a pupil's erasure leaves no trace on the website", () => {
  it('takes the erased pupil out of the text of the contest celebration post too', async () => {
    const leaver = await pupilOf(payload, 'Lớp 4B', 5)
    const stays = await pupilOf(payload, 'Lớp 4B', 4)
    await payload.update({
      collection: 'students',
      id: leaver.id,
      data: {
        enrollmentEvents: [
          ...(leaver.enrollmentEvents ?? []),
          { kind: 'transfer_out', date: '2026-11-20', reason: 'Chuyển nơi ở', school: 'TH khác' },
        ],
      },
      overrideAccess: true,
    })
    const contest = await payload.create({
      collection: 'contests',
      overrideAccess: false,
      user: users.it_teacher,
      data: { name: 'Violympic Toán thử xóa', level: 'school', schoolYear: '2026-2027' },
    })
    for (const [pupil, award] of [
      [leaver, 'first'],
      [stays, 'second'],
    ] as const) {
      await payload.create({
        collection: 'contest-entries',
        overrideAccess: false,
        user: users.it_teacher,
        data: { contest: contest.id, pupil: pupil.id, round: 'Cấp trường', award, celebrate: true },
      })
    }
    const made = await (await as('it_teacher')).post(`/contests/${contest.id}/celebrate`, {})
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const postOf = () =>
      payload.findByID({
        collection: 'posts',
        id: made.body.post.id,
        draft: true,
        overrideAccess: true,
        depth: 0,
      })
    expect(JSON.stringify((await postOf()).content)).toContain(leaver.fullName)

    const { erasePupilData } = await import('../../cms/src/data-rights/erasure')
    const req = await createLocalReq({ user: { ...users.principal, collection: 'users' } }, payload)
    await erasePupilData(req, leaver.id, undefined)

    const post = await postOf()
    expect((post.pupils ?? []).map(String)).not.toContain(String(leaver.id))
    // Nothing now holds the post back for the erased child: the text must not name them.
    const text = JSON.stringify(post.content)
    expect(text).not.toContain(leaver.fullName)
    expect(text).toContain(stays.fullName)
    // Nor does the post's history, which staff read (and could restore).
    const history = await (
      await as('subject_teacher')
    ).get(`/posts/versions?where[parent][equals]=${post.id}&limit=100&depth=0`)
    expect(history.status).toBe(200)
    expect(JSON.stringify(history.body.docs)).not.toContain(leaver.fullName)
  })
})

describe('a bad file address gets 4xx, never 500', () => {
  it('answers ?prefix= and a name with no file with 400/404, and still serves and refuses', async () => {
    const { docs } = await payload.find({
      collection: 'test-papers',
      where: { filename: { exists: true } },
      limit: 1,
      overrideAccess: true,
    })
    const paper = docs[0].filename
    const teacher = await as('subject_teacher')
    const leader = await as('vice_principal')
    const clerk = await as('clerk')
    // A teacher reads papers through a filter: Payload looked `prefix` up as a field (500).
    expect((await teacher.raw('GET', `/test-papers/file/${paper}?prefix=a`)).status).toBe(400)
    // Who reads every record skips the lookup: a missing file was a 500.
    for (const [client, slug] of [
      [leader, 'test-papers'],
      [clerk, 'incoming-documents'],
      [clerk, 'outgoing-documents'],
      [clerk, 'document-handlings'],
    ] as const) {
      expect((await client.raw('GET', `/${slug}/file/nope.pdf`)).status, slug).toBe(404)
      expect((await client.raw('GET', `/${slug}/file/x.pdf?prefix=a`)).status, slug).toBe(400)
    }
    // Still served to who may read it, still refused to who may not.
    const served = await leader.raw('GET', `/test-papers/file/${paper}`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('application/pdf')
    const anonymous = new (await import('./support/rest')).RestClient()
    expect((await anonymous.raw('GET', `/test-papers/file/${paper}`)).status).toBe(403)
  })
})

describe('an account holding two roles', () => {
  it('does not approve the inventory it submitted itself (another leader does)', async () => {
    const { payload } = school
    const both = await createTestUser(payload, ['equipment_officer', 'vice_principal'])
    const leader = await findUserByEmail(payload, 'vice_principal@demo.giathuong.edu.vn')
    const local = (user: User) => ({ overrideAccess: false, user, depth: 0 }) as const
    const asset = await payload.create({
      collection: 'assets',
      ...local(both),
      data: {
        code: 'TBDH-TWO-ROLES-001',
        name: 'Bộ thiết bị của người hai vai trò',
        kind: 'teaching_equipment',
        room: 'store',
        unit: 'bộ',
        quantity: 2,
        condition: 'good',
      } as never,
    })
    const inventory = await payload.create({
      collection: 'asset-inventories',
      ...local(both),
      data: {
        schoolYear: '2025-2026',
        date: new Date().toISOString().slice(0, 10),
        lines: [{ asset: asset.id, countedQuantity: 1, conditionFound: 'good' }],
      } as never,
    })
    await payload.update({
      collection: 'asset-inventories',
      id: inventory.id,
      ...local(both),
      data: { status: 'submitted' },
    })
    await expect(
      payload.update({
        collection: 'asset-inventories',
        id: inventory.id,
        ...local(both),
        data: { status: 'approved' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    const approved = await payload.update({
      collection: 'asset-inventories',
      id: inventory.id,
      ...local(leader),
      data: { status: 'approved' },
    })
    expect(approved.approvedBy).toBe(leader.id)
  })
})
