/**
 * Passwords and the second factor (issue 10; Điều 4), through the real REST and GraphQL handlers:
 * no reuse of the last five passwords, a forced change when the password expired or the
 * principal asks for one, TOTP that the principal can require of a role, and fields of the
 * account's security that no client writes or reads.
 */
import { generate } from 'otplib'
import type { Role } from '@school/shared'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { passwordReminder } from '../../cms/src/auth/password-age'
import type { User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { createTestUser, findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType
const TEST_PASSWORD = 'TestUser@2024'
const DAY = 24 * 60 * 60 * 1000

let principalClient: RestClientType

beforeAll(async () => {
  // The route handlers read the config at import: after the test school has set the database.
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  principalClient = new RestClient()
  expect((await principalClient.login(demoLoginEmail('principal'), demoPassword())).status).toBe(
    200,
  )
})

async function loggedIn(user: User, password = TEST_PASSWORD): Promise<RestClientType> {
  const client = new RestClient()
  const login = await client.login(user.email, password)
  expect(login.status).toBe(200)
  return client
}

async function stored(id: User['id']) {
  return school.payload.findByID({
    collection: 'users',
    id,
    overrideAccess: true,
    showHiddenFields: true,
  })
}

const SECURITY_FIELDS = [
  'passwordHistory',
  'totpSecret',
  'totpVerifiedSessions',
  'hash',
  'salt',
] as const

describe('no reuse of the last five passwords', () => {
  it('refuses each of the last five (400, in Vietnamese), allows the sixth', async () => {
    const user = await createTestUser(school.payload, ['subject_teacher'])
    const client = await loggedIn(user)
    const passwords = [TEST_PASSWORD, 'Second@2025', 'Third@2025', 'Fourth@2025', 'Fifth@2025']
    passwords.push('Sixth@2025')
    for (const password of passwords.slice(1)) {
      expect((await client.patch(`/users/${user.id}`, { password })).status).toBe(200)
    }
    // The last five are Second…Sixth (Sixth is the current one); the first is the sixth back.
    for (const password of passwords.slice(1)) {
      const reuse = await client.patch(`/users/${user.id}`, { password })
      expect(reuse.status, password).toBe(400)
      expect(JSON.stringify(reuse.body)).toContain('không được trùng với 5 mật khẩu gần nhất')
    }
    expect((await stored(user.id)).passwordHistory).toHaveLength(4)
    const loginWithCurrent = await new RestClient().login(user.email, 'Sixth@2025')
    expect(loginWithCurrent.status).toBe(200)
    expect((await client.patch(`/users/${user.id}`, { password: TEST_PASSWORD })).status).toBe(200)
    expect((await new RestClient().login(user.email, TEST_PASSWORD)).status).toBe(200)
  }, 120_000)

  it('the principal setting a password for someone is refused a reuse too', async () => {
    const user = await createTestUser(school.payload, ['clerk'])
    const reuse = await principalClient.patch(`/users/${user.id}`, { password: TEST_PASSWORD })
    expect(reuse.status).toBe(400)
    const fresh = await principalClient.patch(`/users/${user.id}`, { password: 'Fresh@2025a' })
    expect(fresh.status).toBe(200)
  }, 60_000)
})

describe('a password reset by e-mailed link', () => {
  async function resetToken(email: string): Promise<string> {
    return school.payload.forgotPassword({
      collection: 'users',
      data: { email },
      disableEmail: true,
    })
  }

  it('keeps the same rules: not the current one, not weak; a new one is recorded', async () => {
    const user = await createTestUser(school.payload, ['clerk'], { mustChangePassword: true })
    const client = new RestClient()
    const token = await resetToken(user.email)
    const reuse = await client.post('/users/reset-password', { token, password: TEST_PASSWORD })
    expect(reuse.status).toBe(400)
    expect(JSON.stringify(reuse.body)).toContain('không được trùng với 5 mật khẩu gần nhất')
    const weak = await client.post('/users/reset-password', { token, password: 'abc' })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(weak.body)).toContain('ít nhất 8 ký tự')
    const before = await stored(user.id)
    const reset = await client.post('/users/reset-password', { token, password: 'Reset@2025ok' })
    expect(reset.status).toBe(200)
    const after = await stored(user.id)
    expect(after.passwordHistory).toHaveLength(1)
    expect(after.mustChangePassword).toBe(false)
    expect(new Date(after.passwordChangedAt!).getTime()).toBeGreaterThan(
      new Date(before.passwordChangedAt!).getTime(),
    )
    expect((await new RestClient().login(user.email, 'Reset@2025ok')).status).toBe(200)
  }, 60_000)
})

describe('a password that expired', () => {
  it('allows only the password change (403 elsewhere, saying what to do), then all', async () => {
    const user = await createTestUser(school.payload, ['web_admin'])
    const changedAt = new Date(Date.now() - 181 * DAY).toISOString()
    await school.payload.update({
      collection: 'users',
      id: user.id,
      data: { passwordChangedAt: changedAt },
      overrideAccess: true,
    })
    const client = await loggedIn(user)
    for (const path of [
      '/posts',
      '/media',
      '/groups',
      '/globals/school-profile',
      '/editorial-report',
    ]) {
      const refused = await client.get(path)
      expect(refused.status, path).toBe(403)
      expect(refused.body.errors[0].message, path).toContain('Mật khẩu của bạn đã hết hạn')
      expect(refused.body.errors[0].message, path).toContain('/admin/account')
    }
    expect((await client.get('/users')).body.docs.map((doc: User) => doc.id)).toEqual([user.id])
    expect((await client.patch(`/groups/1`, { name: 'x' })).status).toBe(403)

    const graphql = new GraphQLClient()
    await graphql.login(user.email, TEST_PASSWORD)
    const answer = await graphql.query('{ Posts(limit: 1) { docs { id } } }')
    expect(answer.errors[0].message).toContain('Mật khẩu của bạn đã hết hạn')

    const change = await client.patch(`/users/${user.id}`, { password: 'Renewed@2025' })
    expect(change.status).toBe(200)
    expect(new Date(change.body.doc.passwordChangedAt).getTime()).toBeGreaterThan(Date.now() - DAY)
    for (const path of ['/posts', '/globals/school-profile', '/editorial-report']) {
      expect((await client.get(path)).status, path).toBe(200)
    }
  }, 60_000)

  it('counts from the age the principal sets (not 180 days when set to 30)', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    await school.payload.update({
      collection: 'users',
      id: user.id,
      data: { passwordChangedAt: new Date(Date.now() - 40 * DAY).toISOString() },
      overrideAccess: true,
    })
    const client = await loggedIn(user)
    expect((await client.get('/posts')).status).toBe(200)
    const set = await principalClient.post('/globals/security-settings', { passwordMaxAgeDays: 30 })
    expect(set.status).toBe(200)
    try {
      expect((await client.get('/posts')).status).toBe(403)
    } finally {
      await principalClient.post('/globals/security-settings', { passwordMaxAgeDays: 180 })
    }
    expect((await client.get('/posts')).status).toBe(200)
  })
})

describe('the principal requires a new password', () => {
  it('of a teacher: only the password change is allowed until it is made', async () => {
    const teacher = await createTestUser(school.payload, ['homeroom_teacher'])
    const client = await loggedIn(teacher)
    expect((await client.get('/posts')).status).toBe(200)
    const require = await principalClient.patch(`/users/${teacher.id}`, {
      mustChangePassword: true,
    })
    expect(require.status).toBe(200)
    const refused = await client.get('/posts')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain('Hiệu trưởng yêu cầu bạn đặt mật khẩu mới')
    // Their own account and nothing else: not a name change of someone else, not a record.
    expect((await client.get('/students')).status).toBe(403)
    expect((await client.get(`/users/${teacher.id}`)).status).toBe(200)
    const changed = await client.patch(`/users/${teacher.id}`, { password: 'MyOwn@2025x' })
    expect(changed.status).toBe(200)
    expect(changed.body.doc.mustChangePassword).toBe(false)
    expect((await client.get('/posts')).status).toBe(200)
  }, 60_000)

  it('when the principal sets a new password for someone and asks them to change it', async () => {
    const teacher = await createTestUser(school.payload, ['subject_teacher'])
    const set = await principalClient.patch(`/users/${teacher.id}`, {
      password: 'Given@2025xy',
      mustChangePassword: true,
    })
    expect(set.status).toBe(200)
    const client = await loggedIn(teacher, 'Given@2025xy')
    expect((await client.get('/posts')).status).toBe(403)
    expect((await client.patch(`/users/${teacher.id}`, { password: 'Mine@2025xy' })).status).toBe(
      200,
    )
    expect((await client.get('/posts')).status).toBe(200)
  }, 60_000)

  it('a delegate requires it of accounts they manage, not of the principal', async () => {
    const delegate = await createTestUser(school.payload, ['it_teacher'], {
      canManageAccounts: true,
    })
    const client = await loggedIn(delegate)
    const clerk = await createTestUser(school.payload, ['clerk'])
    expect((await client.patch(`/users/${clerk.id}`, { mustChangePassword: true })).status).toBe(
      200,
    )
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const refused = await client.patch(`/users/${principal.id}`, { mustChangePassword: true })
    expect(refused.status).toBe(403)
    expect((await stored(principal.id)).mustChangePassword).toBeFalsy()
  })

  it('nobody requires it of themself through the API, nor lifts it without a new password', async () => {
    const teacher = await createTestUser(school.payload, ['subject_teacher'], {
      mustChangePassword: true,
    })
    const client = await loggedIn(teacher)
    const lift = await client.patch(`/users/${teacher.id}`, { mustChangePassword: false })
    expect(lift.status).toBe(403)
    expect((await stored(teacher.id)).mustChangePassword).toBe(true)
  })
})

describe("the account's security fields", () => {
  let teacher: User
  let colleague: User
  let client: RestClientType

  beforeAll(async () => {
    teacher = await createTestUser(school.payload, ['subject_teacher'])
    colleague = await createTestUser(school.payload, ['homeroom_teacher'])
    client = await loggedIn(teacher)
  })

  it.each([
    ['mustChangePassword', true],
    ['passwordChangedAt', '2030-01-01T00:00:00.000Z'],
    ['passwordHistory', [{ hash: 'aa', salt: 'bb' }]],
    ['totpSecret', 'JBSWY3DPEHPK3PXP'],
    ['totpEnabled', true],
    ['totpVerifiedSessions', ['a-session']],
  ])('a teacher cannot set %s on their own account (403)', async (field, value) => {
    const before = await stored(teacher.id)
    const attempt = await client.patch(`/users/${teacher.id}`, { [field]: value })
    expect(attempt.status).toBe(403)
    const after = await stored(teacher.id)
    expect(after[field as keyof User]).toEqual(before[field as keyof User])
  })

  it('a teacher cannot set them on a colleague (403)', async () => {
    const attempt = await client.patch(`/users/${colleague.id}`, { mustChangePassword: true })
    expect(attempt.status).toBe(403)
    expect((await stored(colleague.id)).mustChangePassword).toBeFalsy()
  })

  it("a teacher reads none of a colleague's, and not their own secrets (REST)", async () => {
    const other = (await client.get(`/users/${colleague.id}`)).body
    expect(other.fullName).toBe(colleague.fullName)
    for (const field of [
      ...SECURITY_FIELDS,
      'mustChangePassword',
      'passwordChangedAt',
      'totpEnabled',
    ]) {
      expect(other, field).not.toHaveProperty(field)
    }
    const own = (await client.get(`/users/${teacher.id}`)).body
    expect(own).toHaveProperty('passwordChangedAt')
    for (const field of SECURITY_FIELDS) expect(own, field).not.toHaveProperty(field)
    const me = (await client.get('/users/me')).body.user
    for (const field of SECURITY_FIELDS) expect(me, field).not.toHaveProperty(field)
  })

  it('nor through GraphQL', async () => {
    const graphql = new GraphQLClient()
    await graphql.login(teacher.email, TEST_PASSWORD)
    const answer = await graphql.query(
      `{ User(id: ${colleague.id}) { fullName mustChangePassword passwordChangedAt totpEnabled } }`,
    )
    expect(answer.data.User).toEqual({
      fullName: colleague.fullName,
      mustChangePassword: null,
      passwordChangedAt: null,
      totpEnabled: null,
    })
    for (const field of ['passwordHistory', 'totpSecret', 'totpVerifiedSessions']) {
      const hidden = await graphql.query(`{ User(id: ${teacher.id}) { ${field} } }`)
      expect(hidden.data?.User?.[field] ?? null, field).toBeNull()
    }
  })

  it('the principal reads when a password was changed and whether a change is required', async () => {
    const seen = (await principalClient.get(`/users/${colleague.id}`)).body
    expect(seen).toHaveProperty('passwordChangedAt')
    expect(seen).toHaveProperty('mustChangePassword', false)
    for (const field of SECURITY_FIELDS) expect(seen, field).not.toHaveProperty(field)
  })

  it('only the principal changes the security settings', async () => {
    expect((await client.get('/globals/security-settings')).status).toBe(200)
    const refused = await client.post('/globals/security-settings', { passwordMaxAgeDays: 365 })
    expect(refused.status).toBe(403)
    const settings = await school.payload.findGlobal({ slug: 'security-settings' })
    expect(settings.passwordMaxAgeDays).toBe(180)
  })
})

describe('a second factor the principal requires of a role', () => {
  const ROLE: Role = 'nurse'

  beforeAll(async () => {
    const set = await principalClient.post('/globals/security-settings', {
      totpRequired: true,
      totpRequiredRoles: [ROLE],
    })
    expect(set.status).toBe(200)
  })

  afterEach(async () => {
    // Other roles keep working meanwhile.
    const clerk = await createTestUser(school.payload, ['clerk'])
    expect((await (await loggedIn(clerk)).get('/posts')).status).toBe(200)
  })

  async function setUp(client: RestClientType): Promise<string> {
    const setup = await client.post('/totp/setup', {})
    expect(setup.status).toBe(200)
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//)
    expect(setup.body.qrCode).toMatch(/^data:image\/png;base64,/)
    return setup.body.secret as string
  }

  it('after the password, only setup and verify work until a valid code', async () => {
    const nurse = await createTestUser(school.payload, [ROLE])
    const client = await loggedIn(nurse)
    const refused = await client.get('/students')
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain('xác thực hai lớp')
    expect((await client.post('/totp/verify', { code: '123456' })).status).toBe(400)

    const secret = await setUp(client)
    expect((await client.get('/students')).status).toBe(403)
    const wrong = await client.post('/totp/verify', { code: '000000' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].message).toContain('Mã xác thực không đúng')
    const verified = await client.post('/totp/verify', { code: await generate({ secret }) })
    expect(verified.status).toBe(200)
    expect((await client.get('/students')).status).toBe(200)
    expect(await stored(nurse.id)).toMatchObject({ totpEnabled: true })

    // A new login (another browser) asks for a code again; the password alone does nothing.
    const second = await loggedIn(nurse)
    const again = await second.get('/posts')
    expect(again.status).toBe(403)
    expect(again.body.errors[0].message).toContain('nhập mã 6 số')
    // Nor may it replace the second factor.
    expect((await second.post('/totp/setup', {})).status).toBe(409)
    expect((await second.post('/totp/verify', { code: await generate({ secret }) })).status).toBe(
      200,
    )
    expect((await second.get('/posts')).status).toBe(200)
    // The secret is never read back.
    const me = (await second.get('/users/me')).body.user
    expect(me).not.toHaveProperty('totpSecret')
    expect(me).not.toHaveProperty('totpVerifiedSessions')
  }, 60_000)

  it('wrong codes are throttled: after five, even the right code waits (429)', async () => {
    const nurse = await createTestUser(school.payload, [ROLE])
    const client = await loggedIn(nurse)
    const secret = await setUp(client)
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await client.post('/totp/verify', { code: '000000' })).status).toBe(400)
    }
    const response = await client.raw(
      'POST',
      '/totp/verify',
      JSON.stringify({ code: await generate({ secret }) }),
    )
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await client.get('/students')).status).toBe(403)
  })

  it('a role the principal did not name is not asked for a code', async () => {
    const librarian = await createTestUser(school.payload, ['librarian'])
    expect((await (await loggedIn(librarian)).get('/posts')).status).toBe(200)
  })

  it('is off again when the principal turns it off', async () => {
    await principalClient.post('/globals/security-settings', { totpRequired: false })
    const nurse = await createTestUser(school.payload, [ROLE])
    expect((await (await loggedIn(nurse)).get('/students')).status).toBe(200)
  })
})

describe('the reminder on the dashboard', () => {
  const settings = { passwordMaxAgeDays: 180, totpRequired: false, totpRequiredRoles: [] }
  const now = new Date('2026-03-01T03:00:00Z')
  const changedDaysAgo = (days: number) => ({
    createdAt: '2025-01-01T00:00:00Z',
    passwordChangedAt: new Date(now.getTime() - days * DAY).toISOString(),
  })

  it('shows from two weeks before the expiry, with the date', () => {
    expect(passwordReminder(changedDaysAgo(165), settings, now)).toBeNull()
    const reminder = passwordReminder(changedDaysAgo(167), settings, now)
    expect(reminder?.daysLeft).toBe(13)
    expect(reminder?.expiresAt.toISOString()).toBe('2026-03-14T03:00:00.000Z')
    expect(passwordReminder(changedDaysAgo(179.5), settings, now)?.daysLeft).toBe(1)
  })

  it('not once it expired (that is a forced change), nor long before', () => {
    expect(passwordReminder(changedDaysAgo(181), settings, now)).toBeNull()
    expect(passwordReminder(changedDaysAgo(10), settings, now)).toBeNull()
  })
})
