/**
 * Guardians' requests about a pupil's data (Law 91/2025; Decree 356/2025): who records and reads
 * them (every role, both ways, through REST and the Local API), the steps and their legal clock,
 * the audit, and what completing an erasure removes and keeps.
 */
import { ROLES, type Role } from '@school/shared'
import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Student, User } from '../../cms/src/payload-types'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>
let pupil: Student

const RECORDERS: Role[] = ['principal', 'vice_principal', 'clerk']

let requests = 0
function requestBody(extra: Record<string, unknown> = {}) {
  requests += 1
  return {
    pupil: pupil.id,
    kind: 'access',
    guardianName: `Phụ huynh ${requests}`,
    guardianContact: '0912345678',
    receivedOn: '2026-02-13T09:00:00+07:00',
    channel: 'paper',
    details: 'Xin bản sao toàn bộ dữ liệu của con.',
    ...extra,
  }
}

async function recorded(extra: Record<string, unknown> = {}) {
  const response = await (await as('clerk')).post('/data-requests', requestBody(extra))
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc
}

beforeAll(async () => {
  users = await demoUsers(school.payload)
  pupil = await pupilOf(school.payload, 'Lớp 3B', 2)
})

describe('who records and reads guardians’ requests', () => {
  it.each(ROLES)('%s: creates and lists requests only if clerk or leadership', async (role) => {
    const client = await as(role)
    const allowed = RECORDERS.includes(role)
    const created = await client.post('/data-requests', requestBody())
    expect(created.status, JSON.stringify(created.body)).toBe(allowed ? 201 : 403)
    const listed = await client.get('/data-requests?depth=0')
    expect(listed.status).toBe(allowed ? 200 : 403)
    if (allowed) expect(listed.body.totalDocs).toBeGreaterThan(0)
  })

  it('a teacher cannot read, filter or sort requests through the Local API either', async () => {
    for (const role of ['homeroom_teacher', 'subject_teacher', 'nurse', 'it_teacher'] as const) {
      await expect(
        school.payload.find({
          collection: 'data-requests',
          where: { guardianName: { like: 'Phụ huynh' } },
          sort: 'guardianName',
          overrideAccess: false,
          user: users[role],
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
    const { totalDocs } = await school.payload.find({
      collection: 'data-requests',
      overrideAccess: false,
      user: users.vice_principal,
    })
    expect(totalDocs).toBeGreaterThan(0)
  })

  it('nobody deletes a request, not even the principal', async () => {
    const request = await recorded()
    const response = await (await as('principal')).delete(`/data-requests/${request.id}`)
    expect(response.status).toBe(403)
  })

  it('every read and change is in the audit log', async () => {
    const request = await recorded()
    await (await as('vice_principal')).get(`/data-requests/${request.id}`)
    const { docs } = await school.payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'data-requests' } },
          { docId: { equals: String(request.id) } },
        ],
      },
      overrideAccess: true,
      sort: 'createdAt',
    })
    expect(docs.map((entry) => [entry.action, entry.actorEmail])).toEqual([
      ['create', users.clerk.email],
      ['read', users.vice_principal.email],
    ])
  })
})

describe('the steps and the legal clock', () => {
  it.each(ROLES)(
    '%s: sees the clocks on the dashboard only if it decides or records',
    async (role) => {
      const { isAllowed } = await import('../../cms/src/access/authorize')
      const { dataRightsPolicy } = await import('../../cms/src/access/policy')
      const req = await createLocalReq(
        { user: { ...users[role], collection: 'users' } },
        school.payload,
      )
      const leadership = role === 'principal' || role === 'vice_principal'
      expect(await isAllowed(req, dataRightsPolicy.requestClock)).toBe(leadership)
      expect(await isAllowed(req, dataRightsPolicy.breachClock)).toBe(
        leadership || role === 'it_teacher',
      )
      expect(await isAllowed(req, dataRightsPolicy.decideRequest)).toBe(leadership)
      expect(await isAllowed(req, dataRightsPolicy.recordRequest)).toBe(
        leadership || role === 'clerk',
      )
    },
  )

  it('counts 2 working days past Tết to acknowledge, 10 to complete', async () => {
    // Friday 13/02/2026, then Tết (16–20/02) and a weekend: Monday 23 and Tuesday 24.
    const request = await recorded()
    expect(request.status).toBe('received')
    expect(request.acknowledgeBy).toBe('2026-02-24T16:59:59.999Z')
    // Ten: 23–27/02 and 02–06/03.
    expect(request.completeBy).toBe('2026-03-06T16:59:59.999Z')
    expect(String(request.recordedBy?.id ?? request.recordedBy)).toBe(String(users.clerk.id))
  })

  it('a client cannot set the clock, or who did a step', async () => {
    const response = await (
      await as('clerk')
    ).post('/data-requests', requestBody({ acknowledgeBy: '2030-01-01T00:00:00.000Z' }))
    expect(response.status).toBe(403)
  })

  it('the clerk acknowledges; completing is leadership’s; the steps go forward only', async () => {
    const request = await recorded()
    const clerk = await as('clerk')
    const acknowledged = await clerk.patch(`/data-requests/${request.id}`, {
      status: 'acknowledged',
    })
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200)
    expect(acknowledged.body.doc.acknowledgedAt).toBeTruthy()
    const byClerk = await clerk.patch(`/data-requests/${request.id}`, { status: 'completed' })
    expect(byClerk.status).toBe(403)
    expect(byClerk.body.errors[0].message).toContain('Hiệu trưởng')
    const principal = await as('principal')
    const completed = await principal.patch(`/data-requests/${request.id}`, {
      status: 'completed',
      response: 'Đã gửi bản sao dữ liệu ngày 20/02.',
    })
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    expect(completed.body.doc.decidedAt).toBeTruthy()
    expect(String(completed.body.doc.decidedBy?.id ?? completed.body.doc.decidedBy)).toBe(
      String(users.principal.id),
    )
    const back = await principal.patch(`/data-requests/${request.id}`, { status: 'received' })
    expect(back.status).toBe(409)
  })

  it('a refusal needs its reason', async () => {
    const request = await recorded()
    const principal = await as('vice_principal')
    const bare = await principal.patch(`/data-requests/${request.id}`, { status: 'refused' })
    expect(bare.status).toBe(400)
    const reasoned = await principal.patch(`/data-requests/${request.id}`, {
      status: 'refused',
      refusalReason: 'Người yêu cầu không phải cha mẹ hay người giám hộ của học sinh.',
    })
    expect(reasoned.status, JSON.stringify(reasoned.body)).toBe(200)
    // Answering it acknowledged it too.
    expect(reasoned.body.doc.acknowledgedAt).toBeTruthy()
  })
})

describe('erasure', () => {
  it('is refused while the pupil studies here, and nothing is removed', async () => {
    const request = await recorded({ kind: 'erasure' })
    const response = await (
      await as('principal')
    ).patch(`/data-requests/${request.id}`, {
      status: 'completed',
    })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toContain('đang học')
    const after = await school.payload.findByID({
      collection: 'students',
      id: pupil.id,
      overrideAccess: true,
    })
    expect(after.guardians?.[0]?.phone).toBeTruthy()
    const stillReceived = await school.payload.findByID({
      collection: 'data-requests',
      id: request.id,
      overrideAccess: true,
    })
    expect(stillReceived.status).toBe('received')
  })

  it('of a pupil who left removes what it says and keeps what it must', async () => {
    const { payload } = school
    const leaver = await pupilOf(payload, 'Lớp 3B', 5)
    await payload.update({
      collection: 'students',
      id: leaver.id,
      data: {
        enrollmentEvents: [
          ...(leaver.enrollmentEvents ?? []),
          {
            kind: 'transfer_out',
            date: '2026-11-20',
            reason: 'Chuyển nơi ở',
            school: 'TH Đông Hội',
          },
        ],
      },
      overrideAccess: false,
      user: users.principal,
    })
    const count = async (collection: 'health-checkups' | 'assessments' | 'year-end-results') =>
      (
        await payload.count({
          collection,
          where: { student: { equals: leaver.id } },
          overrideAccess: true,
        })
      ).totalDocs
    const assessmentsBefore = await count('assessments')
    const yearEndBefore = await count('year-end-results')
    expect(await count('health-checkups')).toBeGreaterThan(0)
    expect(assessmentsBefore).toBeGreaterThan(0)
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      data: { title: 'Nháp có tên em', excerpt: 'Tóm tắt', kind: 'news', pupils: [leaver.id] },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })

    const request = await recorded({ kind: 'erasure', pupil: leaver.id })
    const response = await (
      await as('principal')
    ).patch(`/data-requests/${request.id}`, {
      status: 'completed',
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    const report: string = response.body.doc.erasureReport
    expect(report).toContain('Đã xóa')
    expect(report).toContain('Được giữ lại')
    expect(report).toContain('Thông tư 27/2020')

    const after = await payload.findByID({
      collection: 'students',
      id: leaver.id,
      overrideAccess: true,
    })
    // Removed.
    expect(after.consent).toMatchObject({ guardian: false, pupil: false })
    expect(after.currentAddress).toBeFalsy()
    expect(after.guardians?.every((guardian) => !guardian.phone && !guardian.occupation)).toBe(true)
    expect(after.health?.insuranceCode).toBeFalsy()
    expect(after.health?.allergies).toBeFalsy()
    expect(await count('health-checkups')).toBe(0)
    const draft = await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })
    expect(draft.pupils ?? []).toEqual([])
    // Kept.
    expect(after.fullName).toBe(leaver.fullName)
    expect(after.studentCode).toBe(leaver.studentCode)
    expect(after.guardians?.map((guardian) => guardian.name)).toEqual(
      leaver.guardians?.map((guardian) => guardian.name),
    )
    expect(after.enrollmentEvents?.at(-1)?.kind).toBe('transfer_out')
    expect(await count('assessments')).toBe(assessmentsBefore)
    expect(await count('year-end-results')).toBe(yearEndBefore)
    // Each removal is audited under the principal.
    const { docs: changes } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'students' } },
          { docId: { equals: String(leaver.id) } },
          { action: { equals: 'update' } },
        ],
      },
      sort: '-createdAt',
      limit: 1,
      overrideAccess: true,
    })
    expect(changes[0].actorEmail).toBe(users.principal.email)
    expect(changes[0].fields).toEqual(expect.arrayContaining(['consent', 'guardians', 'health']))
  })
})
