/**
 * The public snapshots the website reads (issue 15, publication/): anyone reads them, nobody
 * writes them by hand, and where they came from is not the public's to filter on.
 */
import { createLocalReq, type Payload } from 'payload'
import { type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { demoUsers, restClients } from './support/data-rights'
import type * as Rest from './support/rest'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let payload: Payload
let users: Record<Role, User>
let notices: typeof import('../../cms/src/publication')
// The REST and GraphQL clients read the CMS's configuration: imported once Payload is up.
let RestClient: typeof Rest.RestClient
let GraphQLClient: typeof Rest.GraphQLClient

const origin = { collection: 'groups', id: 'test-origin' }

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
  // Imported once the test's Payload is up: the module reads the CMS's configuration.
  notices = await import('../../cms/src/publication')
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  const req = await createLocalReq({ user: users.web_admin }, payload)
  await notices.upsertNotices(
    req,
    origin,
    'lunch_menu',
    [{ key: 'test-week', title: 'Thực đơn thử', path: '/thuc-don/', data: { days: [] } }],
    '2026-11-30T08:00:00.000Z',
  )
})

describe('public notices', () => {
  it('are read by anyone, with when they last changed, without their origin', async () => {
    const response = await new RestClient().get(
      '/public-notices?where[noticeKey][equals]=lunch_menu:test-week&depth=0',
    )
    expect(response.status).toBe(200)
    expect(response.body.docs).toHaveLength(1)
    const [notice] = response.body.docs
    expect(notice).toMatchObject({ kind: 'lunch_menu', title: 'Thực đơn thử', path: '/thuc-don/' })
    expect(notice.changedAt).toBe('2026-11-30T08:00:00.000Z')
    expect(notice).not.toHaveProperty('sourceCollection')
    expect(notice).not.toHaveProperty('sourceId')
    const staff = await (await as('homeroom_teacher')).get(`/public-notices/${notice.id}?depth=0`)
    expect(staff.body.sourceId).toBe('test-origin')
  })

  it('cannot be filtered or sorted on their origin by the public, in REST or GraphQL', async () => {
    const anonymous = new RestClient()
    for (const query of [
      'where[sourceId][equals]=test-origin',
      'where[sourceCollection][like]=gro',
      'sort=sourceId',
      'where[or][0][sourceId][exists]=true',
    ]) {
      const response = await anonymous.get(`/public-notices?${query}`)
      expect(response.status, query).toBeGreaterThanOrEqual(400)
      expect(response.status, query).toBeLessThan(500)
    }
    const graphql = await new GraphQLClient().query(
      '{ PublicNotices(where: { sourceId: { equals: "test-origin" } }) { docs { id } } }',
    )
    expect(graphql.data?.PublicNotices?.docs ?? []).toHaveLength(0)
    expect(graphql.errors?.length ?? 0).toBeGreaterThan(0)
  })

  it('are written by nobody by hand: not the web admin, not the principal, not anonymous', async () => {
    const { body } = await new RestClient().get(
      '/public-notices?where[noticeKey][equals]=lunch_menu:test-week&depth=0',
    )
    const id = body.docs[0].id
    const notice = {
      kind: 'lunch_menu',
      key: 'forged',
      noticeKey: 'lunch_menu:forged',
      title: 'Giả',
      path: '/thuc-don/',
      data: {},
      changedAt: '2026-11-30T08:00:00.000Z',
      publishedAt: '2026-11-30T08:00:00.000Z',
    }
    for (const role of ['web_admin', 'principal', 'vice_principal', 'homeroom_teacher'] as const) {
      const client = await as(role)
      expect((await client.post('/public-notices', notice)).status, role).toBe(403)
      expect((await client.patch(`/public-notices/${id}`, { title: 'Sửa' })).status, role).toBe(403)
      expect((await client.delete(`/public-notices/${id}`)).status, role).toBe(403)
    }
    expect((await new RestClient().post('/public-notices', notice)).status).toBe(403)
    const after = await payload.findByID({ collection: 'public-notices', id, depth: 0 })
    expect(after.title).toBe('Thực đơn thử')
  })

  it("are replaced by their record's next publication and removed with it", async () => {
    const req = await createLocalReq({ user: users.web_admin }, payload)
    await notices.upsertNotices(
      req,
      origin,
      'lunch_menu',
      [{ key: 'test-week', title: 'Thực đơn mới', path: '/thuc-don/', data: { days: [1] } }],
      '2026-12-01T08:00:00.000Z',
    )
    const { docs } = await payload.find({
      collection: 'public-notices',
      where: { noticeKey: { equals: 'lunch_menu:test-week' } },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ title: 'Thực đơn mới', changedAt: '2026-12-01T08:00:00.000Z' })
    expect(await notices.removeNotices(req, origin, 'lunch_menu')).toBe(1)
    const { totalDocs } = await payload.count({
      collection: 'public-notices',
      where: { noticeKey: { equals: 'lunch_menu:test-week' } },
    })
    expect(totalDocs).toBe(0)
  })
})
