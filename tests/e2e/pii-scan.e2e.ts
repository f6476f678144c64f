/**
 * No built page holds a pupil's full name or birth date, or a staff member's email or phone
 * (issue 15 point 9; Law 91/2025). The secrets are read from the database itself, through the
 * admin's REST as the principal (who may read them all), not from the seed's lists: a pupil or a
 * staff member added by hand is scanned for too. Every file of the live build is read (pages,
 * feeds, sitemap, search index), except binary media.
 */
import { readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { formatDateVi, vietnamDay } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

const BINARY = /\.(jpe?g|png|webp|gif|avif|pdf|wasm|woff2?|ico|pf_index|pf_fragment|pf_meta)$/

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return filesOf(full)
    return BINARY.test(name) ? [] : [full]
  })
}

async function asPrincipal(request: APIRequestContext) {
  const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail('principal'), password: demoPassword() },
  })
  expect(response.status()).toBe(200)
  const headers = { Authorization: `JWT ${(await response.json()).token}` }
  return async <T>(query: string): Promise<T[]> => {
    const answer = await request.get(`${E2E.cmsURL}/api${query}`, { headers })
    expect(answer.status(), query).toBe(200)
    return (await answer.json()).docs as T[]
  }
}

interface Pupil {
  fullName: string
  dateOfBirth: string
}
interface Person {
  fullName?: string | null
  email?: string | null
  phone?: string | null
}

test('no built page holds a pupil’s full name or birth date, or a staff email or phone', async ({
  request,
}) => {
  test.setTimeout(180_000)
  const read = await asPrincipal(request)
  const pupils = await read<Pupil>(
    '/students?limit=0&depth=0&select[fullName]=true&select[dateOfBirth]=true',
  )
  const users = await read<Person>('/users?limit=0&depth=0')
  const profiles = await read<Person>('/staff-profiles?limit=0&depth=0')
  expect(pupils.length, 'the demo school’s pupils').toBeGreaterThanOrEqual(200)
  expect(users.length).toBeGreaterThan(20)

  const secrets = new Map<string, string>()
  for (const pupil of pupils) {
    secrets.set(pupil.fullName, 'tên học sinh')
    const day = vietnamDay(pupil.dateOfBirth)
    secrets.set(formatDateVi(pupil.dateOfBirth), `ngày sinh của ${pupil.fullName}`)
    secrets.set(day, `ngày sinh của ${pupil.fullName}`)
  }
  for (const person of [...users, ...profiles]) {
    if (person.email) secrets.set(person.email.toLowerCase(), 'email cán bộ')
    if (person.phone) {
      secrets.set(person.phone, 'số điện thoại cán bộ')
      secrets.set(person.phone.replace(/\D/g, ''), 'số điện thoại cán bộ')
    }
  }
  for (const secret of [...secrets.keys()]) if (secret.length < 6) secrets.delete(secret)

  const files = filesOf(realpathSync(path.join(E2E.dataDir, 'site')))
  expect(files.length).toBeGreaterThan(20)
  const found: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8').toLowerCase()
    for (const [secret, what] of secrets)
      if (text.includes(secret.toLowerCase())) found.push(`${file}: ${what} (${secret})`)
  }
  expect(found).toEqual([])
})
