/**
 * The security log (issue 10, ASVS V16): logins, failures, lockouts, unlocks, password, role and
 * delegation changes and refused requests each leave their entry — who, when, from where — which
 * only the principal reads and nobody writes, edits or deletes; a flood of refusals from one
 * address is summarised instead of written one by one.
 */
import { beforeAll, describe, expect, it } from 'vitest'

import { ROLES, type Role } from '@school/shared'

import { SECURITY_LOG_FLOOD, flushSuppressedSecurityEvents } from '../../cms/src/auth/security-log'
import type { SecurityLog, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { createTestUser, findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType

beforeAll(async () => {
  // The route handlers read the config at import: after the test school has set the database.
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
})

const TEST_PASSWORD = 'TestUser@2024'

/** Every entry written from one client address, oldest first (read by the test, not a user). */
async function entriesFrom(address: string): Promise<SecurityLog[]> {
  const { docs } = await school.payload.find({
    collection: 'security-log',
    where: { clientAddress: { equals: address } },
    sort: 'createdAt',
    limit: 0,
    overrideAccess: true,
  })
  return docs.sort((a, b) => Number(a.id) - Number(b.id))
}

const eventsOf = (entries: SecurityLog[]) => entries.map((entry) => entry.event)

async function loggedIn(email: string, password = demoPassword()): Promise<RestClientType> {
  const client = new RestClient('vi')
  const response = await client.login(email, password)
  expect(response.status).toBe(200)
  return client
}

const asRole = (role: Role) => loggedIn(demoLoginEmail(role))

/** The entry was written during this test: "when" is the time of the event. */
function expectRecent(entry: SecurityLog, since: number) {
  const at = new Date(entry.createdAt).getTime()
  expect(at).toBeGreaterThanOrEqual(since - 1000)
  expect(at).toBeLessThanOrEqual(Date.now() + 1000)
}

describe('logins', () => {
  it('a login: who, when, from where', async () => {
    const since = Date.now()
    const user = await createTestUser(school.payload, ['librarian'])
    const client = await loggedIn(user.email, TEST_PASSWORD)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual(['login_succeeded'])
    expect(entries[0]).toMatchObject({
      actorUserId: String(user.id),
      actorName: user.fullName,
      actorEmail: user.email,
      targetUserId: String(user.id),
      clientAddress: client.address,
    })
    expectRecent(entries[0], since)
  })

  it('a wrong password: the account tried, never the password', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    const client = new RestClient('vi')
    expect((await client.login(user.email, 'SaiMatKhau@999')).status).toBe(401)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual(['login_failed'])
    expect(entries[0]).toMatchObject({
      actorUserId: null,
      targetUserId: String(user.id),
      targetEmail: user.email,
      detail: 'Sai mật khẩu.',
      status: 401,
    })
    expect(JSON.stringify(entries[0])).not.toContain('SaiMatKhau@999')
  })

  it('an unknown account: the email tried', async () => {
    const client = new RestClient('vi')
    const email = 'khong-ai-ca@demo.giathuong.edu.vn'
    expect((await client.login(email, 'DoanMo@123')).status).toBe(401)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual(['login_failed'])
    expect(entries[0]).toMatchObject({ targetUserId: null, targetEmail: email })
    expect(entries[0].detail).toMatch(/Không có tài khoản/)
  })

  it('5 wrong passwords lock the account; a login while locked is recorded as such', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    const client = new RestClient('vi')
    for (let n = 0; n < 5; n += 1) await client.login(user.email, `Sai${n}@matkhau`)
    expect((await client.login(user.email, TEST_PASSWORD)).status).toBe(401)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual([
      ...Array(5).fill('login_failed'),
      'account_locked',
      'login_failed',
    ])
    expect(entries[5]).toMatchObject({ targetUserId: String(user.id), targetEmail: user.email })
    expect(entries[6].detail).toBe('Tài khoản đang bị tạm khóa.')
  })

  it('throttled logins are recorded as throttled', async () => {
    const client = new RestClient('vi')
    for (let n = 0; n < 11; n += 1) await client.login(`khong-co-${n}@x.vn`, 'DoanMo@123')
    const events = eventsOf(await entriesFrom(client.address))
    expect(events).toEqual([...Array(10).fill('login_failed'), 'login_throttled'])
  })

  it('a logout', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    const client = await loggedIn(user.email, TEST_PASSWORD)
    expect((await client.post('/users/logout', {})).status).toBe(200)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual(['login_succeeded', 'logout'])
    expect(entries[1].actorUserId).toBe(String(user.id))
  })
})

describe('account changes', () => {
  it('the principal unlocks an account; a teacher trying is a denial', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    const attacker = new RestClient('vi')
    for (let n = 0; n < 5; n += 1) await attacker.login(user.email, `Sai${n}@matkhau`)

    const teacher = await asRole('homeroom_teacher')
    expect((await teacher.post('/users/unlock', { email: user.email })).status).toBe(403)
    const principal = await asRole('principal')
    expect((await principal.post('/users/unlock', { email: user.email })).status).toBe(200)

    const principalUser = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const unlocked = await entriesFrom(principal.address)
    expect(eventsOf(unlocked)).toEqual(['login_succeeded', 'account_unlocked'])
    expect(unlocked[1]).toMatchObject({
      actorUserId: String(principalUser.id),
      targetUserId: String(user.id),
      targetEmail: user.email,
    })
    const refused = await entriesFrom(teacher.address)
    expect(eventsOf(refused)).toEqual(['login_succeeded', 'authorization_denied'])
    expect(refused[1]).toMatchObject({ path: '/api/users/unlock', status: 403 })
  })

  it('the principal changes roles and delegates; the delegate changes roles', async () => {
    const delegate = await createTestUser(school.payload, ['clerk'])
    const colleague = await createTestUser(school.payload, ['librarian'])
    const principal = await asRole('principal')
    expect(
      (await principal.patch(`/users/${delegate.id}`, { canManageAccounts: true })).status,
    ).toBe(200)
    expect(
      (await principal.patch(`/users/${colleague.id}`, { roles: ['librarian', 'clerk'] })).status,
    ).toBe(200)
    const byPrincipal = await entriesFrom(principal.address)
    expect(eventsOf(byPrincipal)).toEqual([
      'login_succeeded',
      'delegation_changed',
      'roles_changed',
    ])
    expect(byPrincipal[1]).toMatchObject({ targetUserId: String(delegate.id) })
    expect(byPrincipal[2]).toMatchObject({
      targetUserId: String(colleague.id),
      detail: 'Nhân viên thư viện → Nhân viên thư viện, Văn thư',
    })

    const asDelegate = await loggedIn(delegate.email, TEST_PASSWORD)
    expect((await asDelegate.patch(`/users/${colleague.id}`, { roles: ['nurse'] })).status).toBe(
      200,
    )
    const byDelegate = await entriesFrom(asDelegate.address)
    expect(eventsOf(byDelegate)).toEqual(['login_succeeded', 'roles_changed'])
    expect(byDelegate[1]).toMatchObject({
      actorUserId: String(delegate.id),
      targetUserId: String(colleague.id),
    })
  })

  it('a password change, by the account itself', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    const client = await loggedIn(user.email, TEST_PASSWORD)
    const newPassword = 'MatKhauMoi@2025xyz'
    expect((await client.patch(`/users/${user.id}`, { password: newPassword })).status).toBe(200)
    expect((await client.patch(`/users/${user.id}`, { phone: '0912345678' })).status).toBe(200)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual(['login_succeeded', 'password_changed'])
    expect(entries[1]).toMatchObject({
      actorUserId: String(user.id),
      targetUserId: String(user.id),
      detail: 'Tự đổi mật khẩu.',
    })
    expect(JSON.stringify(entries[1])).not.toContain(newPassword)
  })

  it('a password reset request names the email asked about', async () => {
    const client = new RestClient('vi')
    const email = demoLoginEmail('librarian')
    expect((await client.post('/users/forgot-password', { email })).status).toBe(200)
    const entries = await entriesFrom(client.address)
    expect(eventsOf(entries)).toEqual(['password_reset_requested'])
    expect(entries[0].targetEmail).toBe(email)
  })
})

describe('denied authorizations', () => {
  it('a teacher reading the audit log', async () => {
    const teacher = await asRole('homeroom_teacher')
    expect((await teacher.get('/audit-log')).status).toBe(403)
    const entries = await entriesFrom(teacher.address)
    expect(eventsOf(entries)).toEqual(['login_succeeded', 'authorization_denied'])
    expect(entries[1]).toMatchObject({
      actorEmail: demoLoginEmail('homeroom_teacher'),
      method: 'GET',
      path: '/api/audit-log',
      collection: 'audit-log',
      status: 403,
    })
  })

  it('a clerk exporting a class list', async () => {
    const { docs } = await school.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      limit: 1,
      overrideAccess: true,
    })
    const clerk = await asRole('clerk')
    expect((await clerk.get(`/class-list?class=${docs[0].id}`)).status).toBe(403)
    const entries = await entriesFrom(clerk.address)
    expect(eventsOf(entries)).toEqual(['login_succeeded', 'authorization_denied'])
    expect(entries[1]).toMatchObject({
      path: '/api/class-list',
      actorEmail: demoLoginEmail('clerk'),
    })
  })

  it('a teacher calling the records import: one entry, from authorize()', async () => {
    const teacher = await asRole('subject_teacher')
    const response = await teacher.raw('POST', '/records-import', new Uint8Array([1, 2, 3]))
    expect(response.status).toBe(403)
    const entries = await entriesFrom(teacher.address)
    expect(eventsOf(entries)).toEqual(['login_succeeded', 'authorization_denied'])
    expect(entries[1]).toMatchObject({ path: '/api/records-import', method: 'POST' })
    expect(entries[1].detail).toBeTruthy()
  })

  it('a flood of refusals from one address: capped, then summarised', async () => {
    const teacher = await asRole('homeroom_teacher')
    const refusals = 3 * SECURITY_LOG_FLOOD.entries
    for (let n = 0; n < refusals; n += 1) expect((await teacher.get('/audit-log')).status).toBe(403)
    const written = (await entriesFrom(teacher.address)).filter(
      (entry) => entry.event === 'authorization_denied',
    )
    expect(written).toHaveLength(SECURITY_LOG_FLOOD.entries)
    await flushSuppressedSecurityEvents()
    const after = (await entriesFrom(teacher.address)).filter(
      (entry) => entry.event === 'authorization_denied',
    )
    expect(after).toHaveLength(SECURITY_LOG_FLOOD.entries + 1)
    expect(after.at(-1)).toMatchObject({
      count: refusals - SECURITY_LOG_FLOOD.entries,
      path: '/api/audit-log',
    })
  })
})

describe('who reads and writes the log', () => {
  it('the principal reads it; every other role and anonymous get 403 (REST and GraphQL)', async () => {
    const principal = await asRole('principal')
    const read = await principal.get('/security-log?limit=5')
    expect(read.status).toBe(200)
    expect(read.body.docs.length).toBeGreaterThan(0)
    const principalGraphQL = new GraphQLClient()
    await principalGraphQL.login(demoLoginEmail('principal'), demoPassword())
    const graphRead = await principalGraphQL.query('{ SecurityLogs(limit: 1) { docs { event } } }')
    expect(graphRead.errors).toBeUndefined()
    expect(graphRead.data.SecurityLogs.docs).toHaveLength(1)

    for (const role of ROLES.filter((role) => role !== 'principal')) {
      const client = await asRole(role)
      expect((await client.get('/security-log')).status, role).toBe(403)
      const graph = new GraphQLClient()
      await graph.login(demoLoginEmail(role), demoPassword())
      const answer = await graph.query('{ SecurityLogs { docs { event } } }')
      expect(answer.errors?.[0]?.extensions?.statusCode, role).toBe(403)
    }
    expect((await new RestClient('vi').get('/security-log')).status).toBe(403)
    const anonymous = await new GraphQLClient().query('{ SecurityLogs { docs { event } } }')
    expect(anonymous.errors?.[0]?.extensions?.statusCode).toBe(403)
  })

  it('nobody creates, edits or deletes an entry: REST and Local API, the principal included', async () => {
    const principal = await asRole('principal')
    const [entry] = await entriesFrom(principal.address)
    const forged = { event: 'login_succeeded', actorName: 'Giả mạo' }
    expect((await principal.post('/security-log', forged)).status).toBe(403)
    expect((await principal.patch(`/security-log/${entry.id}`, { detail: 'sửa' })).status).toBe(403)
    expect((await principal.delete(`/security-log/${entry.id}`)).status).toBe(403)
    const clerk = await asRole('clerk')
    expect((await clerk.post('/security-log', forged)).status).toBe(403)
    expect((await clerk.delete(`/security-log/${entry.id}`)).status).toBe(403)

    const principalUser = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const asPrincipal = { overrideAccess: false, user: principalUser as User } as const
    await expect(
      school.payload.create({
        collection: 'security-log',
        data: forged as SecurityLog,
        ...asPrincipal,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      school.payload.update({
        collection: 'security-log',
        id: entry.id,
        data: { detail: 'sửa' },
        ...asPrincipal,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      school.payload.delete({ collection: 'security-log', id: entry.id, ...asPrincipal }),
    ).rejects.toMatchObject({ status: 403 })
    const still = await school.payload.findByID({
      collection: 'security-log',
      id: entry.id,
      overrideAccess: true,
    })
    expect(still).toMatchObject({ event: entry.event, detail: entry.detail })
  })
})
