/**
 * The breach record (Law 91/2025): who records and reads it (every role both ways), the 72-hour
 * notice deadline from the finding, the names of the children affected for leadership only (no
 * filtering on them by the IT teacher), and the audit.
 */
import { ROLES, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Student, User } from '../../cms/src/payload-types'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>
let pupil: Student

const RECORDERS: Role[] = ['principal', 'vice_principal', 'it_teacher']

const breach = (extra: Record<string, unknown> = {}) => ({
  summary: 'Máy tính văn phòng bị mất',
  description: 'Máy tính xách tay chứa bảng điểm lớp 3B bị mất ở phòng họp.',
  dataAffected: 'Họ tên, ngày sinh, kết quả học tập của học sinh lớp 3B.',
  pupilCount: 28,
  happenedAt: '2026-11-26T20:00:00+07:00',
  foundAt: '2026-11-27T10:00:00+07:00',
  foundBy: 'Giáo viên Tin học',
  ...extra,
})

beforeAll(async () => {
  users = await demoUsers(school.payload)
  pupil = await pupilOf(school.payload, 'Lớp 3B', 0)
})

describe('who records and reads breaches', () => {
  it.each(ROLES)(
    '%s: records and lists breaches only if leadership or the IT teacher',
    async (role) => {
      const client = await as(role)
      const allowed = RECORDERS.includes(role)
      const created = await client.post('/data-breaches', breach())
      expect(created.status, JSON.stringify(created.body)).toBe(allowed ? 201 : 403)
      const listed = await client.get('/data-breaches?depth=0')
      expect(listed.status).toBe(allowed ? 200 : 403)
    },
  )

  it('a teacher cannot read breaches through the Local API', async () => {
    await expect(
      school.payload.find({
        collection: 'data-breaches',
        overrideAccess: false,
        user: users.homeroom_teacher,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('nobody deletes a breach record', async () => {
    const created = await (await as('it_teacher')).post('/data-breaches', breach())
    expect(
      (await (await as('principal')).delete(`/data-breaches/${created.body.doc.id}`)).status,
    ).toBe(403)
  })
})

describe('the 72-hour notice', () => {
  it('is due 72 hours after the finding, and met once the authority was told', async () => {
    const created = await (await as('it_teacher')).post('/data-breaches', breach())
    expect(created.body.doc.noticeDeadline).toBe('2026-11-30T03:00:00.000Z')
    expect(String(created.body.doc.recordedBy?.id ?? created.body.doc.recordedBy)).toBe(
      String(users.it_teacher.id),
    )
    const told = await (
      await as('principal')
    ).patch(`/data-breaches/${created.body.doc.id}`, {
      notifications: [
        { party: 'authority', at: '2026-11-28T08:00:00+07:00', how: 'Công văn số 12' },
      ],
    })
    expect(told.status, JSON.stringify(told.body)).toBe(200)
    expect(told.body.doc.authorityNotifiedAt).toBe('2026-11-28T01:00:00.000Z')
  })

  it('a client cannot move the deadline; a finding before it happened is refused', async () => {
    const client = await as('it_teacher')
    const moved = await client.post(
      '/data-breaches',
      breach({ noticeDeadline: '2030-01-01T00:00:00Z' }),
    )
    expect(moved.status).toBe(403)
    const backwards = await client.post(
      '/data-breaches',
      breach({ happenedAt: '2026-11-28T10:00:00+07:00' }),
    )
    expect(backwards.status).toBe(400)
  })
})

describe('the children affected', () => {
  it('are named by leadership only; the IT teacher sees the count, cannot filter on them', async () => {
    const named = await (
      await as('vice_principal')
    ).post('/data-breaches', breach({ pupilsAffected: [pupil.id], summary: 'Danh sách gửi nhầm' }))
    expect(named.status, JSON.stringify(named.body)).toBe(201)
    const it = await as('it_teacher')
    const read = await it.get(`/data-breaches/${named.body.doc.id}?depth=0`)
    expect(read.status).toBe(200)
    expect(read.body.pupilsAffected).toBeUndefined()
    expect(read.body.pupilCount).toBe(28)
    // Filtering or sorting by them would reveal them: refused (access/query-guard.ts).
    const filtered = await it.get(`/data-breaches?where[pupilsAffected][equals]=${pupil.id}`)
    expect(filtered.status).toBe(403)
    expect((await it.get('/data-breaches?sort=pupilsAffected')).status).toBe(403)
    const naming = await it.post('/data-breaches', breach({ pupilsAffected: [pupil.id] }))
    expect(naming.status).toBe(403)
    const byLeadership = await (
      await as('principal')
    ).get(`/data-breaches?where[pupilsAffected][equals]=${pupil.id}&depth=0`)
    expect(byLeadership.status).toBe(200)
    expect(byLeadership.body.docs.map((doc: { id: number }) => doc.id)).toContain(named.body.doc.id)
  })

  it('every read and change is audited', async () => {
    const created = await (await as('it_teacher')).post('/data-breaches', breach())
    await (await as('principal')).get(`/data-breaches/${created.body.doc.id}`)
    const { docs } = await school.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'data-breaches' } },
          { docId: { equals: String(created.body.doc.id) } },
        ],
      },
      sort: 'createdAt',
      overrideAccess: true,
    })
    expect(docs.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ['create', users.it_teacher.email],
      ['read', users.principal.email],
    ])
  })
})
