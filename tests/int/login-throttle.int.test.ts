/**
 * Guessing across accounts (issue 10, hole 10; Điều 4, 17.6): failed logins are throttled per
 * client address, a request tries at most one login however many GraphQL aliases it sends, and a
 * locked account is answered exactly like an unknown one.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { createTestUser, useTestSchool } from './support/payload'
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

afterEach(() => {
  delete process.env.TRUSTED_PROXIES
})

const LIMIT = 10

async function rawLogin(client: RestClientType, email: string, password: string) {
  const response = await client.raw('POST', '/users/login', JSON.stringify({ email, password }))
  return {
    status: response.status,
    retryAfter: response.headers.get('Retry-After'),
    body: await response.json(),
  }
}

/** Payload's lockout fields of an account, which it hides from every read. */
async function lockoutOf(email: string) {
  const { docs } = await school.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    showHiddenFields: true,
    overrideAccess: true,
  })
  return docs[0] as { loginAttempts?: number; lockUntil?: string | null }
}

const unknownEmail = (n: number) => `khong-co-${n}@demo.giathuong.edu.vn`

describe('per client address', () => {
  it('40 unknown accounts in a row: refused with 429 and Retry-After after 10; others get in', async () => {
    const attacker = new RestClient('vi', '203.0.113.7')
    const statuses: number[] = []
    let last: Awaited<ReturnType<typeof rawLogin>> | undefined
    for (let n = 0; n < 40; n += 1) {
      last = await rawLogin(attacker, unknownEmail(n), 'DoanMo@123')
      statuses.push(last.status)
    }
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401))
    expect(statuses.slice(LIMIT)).toEqual(Array(40 - LIMIT).fill(429))
    expect(Number(last?.retryAfter)).toBeGreaterThan(0)
    expect(Number(last?.retryAfter)).toBeLessThanOrEqual(15 * 60)
    expect(last?.body.errors[0].message).toMatch(/quá nhiều lần đăng nhập sai từ địa chỉ này/)

    // Even the right password waits at this address…
    const blocked = await new RestClient('vi', '203.0.113.7').login(
      demoLoginEmail('clerk'),
      demoPassword(),
    )
    expect(blocked.status).toBe(429)
    // …while another address logs in.
    const colleague = await new RestClient('vi', '203.0.113.8').login(
      demoLoginEmail('clerk'),
      demoPassword(),
    )
    expect(colleague.status).toBe(200)
  })

  it('successful logins do not count against the address', async () => {
    const address = '198.51.100.20'
    for (let n = 0; n < 15; n += 1) {
      expect(
        (await new RestClient('vi', address).login(demoLoginEmail('nurse'), demoPassword())).status,
      ).toBe(200)
    }
    for (let n = 0; n < LIMIT - 1; n += 1) {
      expect((await rawLogin(new RestClient('vi', address), unknownEmail(n), 'x')).status).toBe(401)
    }
    expect(
      (await new RestClient('vi', address).login(demoLoginEmail('nurse'), demoPassword())).status,
    ).toBe(200)
    expect((await rawLogin(new RestClient('vi', address), unknownEmail(99), 'x')).status).toBe(401)
    expect((await rawLogin(new RestClient('vi', address), unknownEmail(100), 'x')).status).toBe(429)
  })

  it('behind a proxy that appends, addresses a client writes before it do not help', async () => {
    // No TRUSTED_PROXIES: the last entry, the one the proxy (or Next) wrote, is the client.
    const statuses: number[] = []
    for (let n = 0; n < LIMIT + 1; n += 1) {
      const client = new RestClient('vi', `192.0.2.${n + 1}, 198.51.100.77`)
      statuses.push((await rawLogin(client, unknownEmail(n), 'x')).status)
    }
    expect(statuses.at(-1)).toBe(429)
    expect(statuses.slice(0, LIMIT)).toEqual(Array(LIMIT).fill(401))
  })

  it('with TRUSTED_PROXIES=2 the client is the second address from the right', async () => {
    process.env.TRUSTED_PROXIES = '2'
    const statuses: number[] = []
    for (let n = 0; n < LIMIT + 1; n += 1) {
      // The first entry is the client's own claim; the two proxies differ from request to request.
      const client = new RestClient('vi', `192.0.2.${n + 1}, 198.51.100.88, 10.1.1.${n + 1}`)
      statuses.push((await rawLogin(client, unknownEmail(n), 'x')).status)
    }
    expect(statuses.at(-1)).toBe(429)
  })

  it('forgot-password mails are limited per address too', async () => {
    const client = new RestClient('vi', '198.51.100.30')
    const statuses: number[] = []
    for (let n = 0; n < 6; n += 1) {
      const response = await client.post('/users/forgot-password', {
        email: demoLoginEmail('librarian'),
      })
      statuses.push(response.status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429])
    const other = await new RestClient('vi', '198.51.100.31').post('/users/forgot-password', {
      email: demoLoginEmail('librarian'),
    })
    expect(other.status).toBe(200)
  })
})

describe('per request', () => {
  it('11 aliased GraphQL logins: one is tried, the other 10 refused, and each counts', async () => {
    const email = demoLoginEmail('equipment_officer')
    const aliases = Array.from(
      { length: 11 },
      (_, n) => `try${n}: loginUser(email: "${email}", password: "Doan${n}@x") { token }`,
    )
    const client = new GraphQLClient('198.51.100.40')
    const result = await client.query(`mutation { ${aliases.join('\n')} }`)
    const errors = result.errors as Array<{ message: string; extensions: { statusCode: number } }>
    expect(errors).toHaveLength(11)
    expect(errors.filter((error) => error.extensions.statusCode === 401)).toHaveLength(1)
    const refused = errors.filter((error) => error.extensions.statusCode === 429)
    expect(refused).toHaveLength(10)
    expect(refused[0].message).toBe('Mỗi yêu cầu chỉ được đăng nhập một lần.')

    // One password was checked against the account, not eleven (five would have locked it).
    expect((await lockoutOf(email)).loginAttempts).toBe(1)
    // Eleven attempts counted against the address: the next login from it waits.
    const next = await new RestClient('vi', '198.51.100.40').login(email, demoPassword())
    expect(next.status).toBe(429)
    // The account itself is fine from elsewhere.
    expect((await new RestClient('vi', '198.51.100.41').login(email, demoPassword())).status).toBe(
      200,
    )
  })

  it('a single GraphQL login still works', async () => {
    const client = new GraphQLClient('198.51.100.42')
    const result = await client.query(
      `mutation { loginUser(email: "${demoLoginEmail('librarian')}", password: "${demoPassword()}") { token } }`,
    )
    expect(result.errors).toBeUndefined()
    expect(result.data.loginUser.token).toEqual(expect.any(String))
  })
})

describe('locked and unknown accounts are answered alike', () => {
  it('REST: same status and body for unknown, wrong password and locked (even the right password)', async () => {
    const password = 'DungMatKhau@1'
    const user = await createTestUser(school.payload, ['librarian'], { password } as object)
    const answer = async (email: string, pass: string, address: string) => {
      const response = await new RestClient('vi', address).login(email, pass)
      return { status: response.status, body: response.body }
    }
    const unknown = await answer(unknownEmail(500), 'Sai@1234', '198.51.100.50')
    const wrong = await answer(user.email, 'Sai@1234', '198.51.100.51')
    for (let n = 0; n < 4; n += 1) await answer(user.email, 'Sai@1234', '198.51.100.51')
    const locked = await answer(user.email, password, '198.51.100.52')

    expect(unknown.status).toBe(401)
    expect(unknown.body.errors[0].message).toBe(
      'Email hoặc mật khẩu không đúng. Sau 5 lần nhập sai liên tiếp, tài khoản bị tạm khóa 15 phút.',
    )
    expect(wrong).toEqual(unknown)
    expect(locked).toEqual(unknown)
    // The account is really locked: Payload still enforces it.
    const { lockUntil } = await lockoutOf(user.email)
    expect(new Date(lockUntil ?? 0).getTime()).toBeGreaterThan(Date.now())
  })

  it('GraphQL: same message and error name for unknown and locked', async () => {
    const user = await createTestUser(school.payload, ['librarian'])
    const attempt = async (email: string, address: string) => {
      const result = await new GraphQLClient(address).query(
        `mutation { loginUser(email: "${email}", password: "Sai@1234") { token } }`,
      )
      const [error] = result.errors as Array<{ message: string; extensions: object }>
      return { message: error.message, extensions: error.extensions }
    }
    const unknown = await attempt(unknownEmail(600), '198.51.100.60')
    for (let n = 0; n < 5; n += 1) await attempt(user.email, '198.51.100.61')
    const locked = await attempt(user.email, '198.51.100.62')
    expect(locked).toEqual(unknown)
    expect(unknown.extensions).toMatchObject({ name: 'AuthenticationError', statusCode: 401 })
  })

  it('an unknown or locked account takes as long as a password check (no timing oracle)', async () => {
    const fastest = async (work: () => Promise<unknown> | unknown) => {
      const samples: number[] = []
      for (let n = 0; n < 3; n += 1) {
        const start = performance.now()
        await work()
        samples.push(performance.now() - start)
      }
      return Math.min(...samples)
    }
    // Payload's password hash: what a login of a real account spends checking the password.
    const passwordCheck = await fastest(() =>
      pbkdf2Sync('Sai@1234', randomBytes(32), 600_000, 32, 'sha256'),
    )
    let n = 700
    const unknown = await fastest(() =>
      new RestClient('vi', `198.51.100.70`).login(unknownEmail((n += 1)), 'Sai@1234'),
    )
    expect(unknown).toBeGreaterThan(passwordCheck * 0.5)
  })
})
