/**
 * Boots the real Payload (the project's own config) on a fresh SQLite file for one test file,
 * seeded with the demo school exactly as `npm start` seeds it. DATABASE_URL=mongodb://… runs the
 * same suite on MongoDB (the database is then dropped first, so use a throwaway one).
 */
import { copyFileSync, cpSync, existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, inject } from 'vitest'

import type { Role } from '@school/shared'

import type { User } from '../../../cms/src/payload-types'

export interface TestSchool {
  payload: Payload
}

async function boot(): Promise<Payload> {
  const external = process.env.DATABASE_URL
  const template = inject('schoolTemplate')
  if (!external || external.startsWith('file:')) {
    const dir = mkdtempSync(path.join(tmpdir(), 'school-int-'))
    const database = path.join(dir, 'school.db')
    process.env.DATABASE_URL = `file:${database}`
    process.env.MEDIA_DIR = path.join(dir, 'media')
    process.env.ARCHIVE_DIR = path.join(dir, 'archive')
    process.env.OFFICE_DIR = path.join(dir, 'office')
    if (template) {
      copyFileSync(template.database, database)
      if (existsSync(template.media))
        cpSync(template.media, process.env.MEDIA_DIR, { recursive: true })
      if (existsSync(template.office))
        cpSync(template.office, process.env.OFFICE_DIR, { recursive: true })
    }
  }
  process.env.MEDIA_DIR ||= mkdtempSync(path.join(tmpdir(), 'school-media-'))
  process.env.ARCHIVE_DIR ||= mkdtempSync(path.join(tmpdir(), 'school-archive-'))
  process.env.OFFICE_DIR ||= mkdtempSync(path.join(tmpdir(), 'school-office-'))
  process.env.PAYLOAD_SECRET ||= 'integration-test-secret'
  process.env.SEED_DEMO = 'false'
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  if (external?.startsWith('mongodb'))
    await payload.db.dropDatabase?.({ adapter: payload.db } as never)
  const { seedDemoSchoolIfEmpty } = await import('../../../cms/src/seed')
  process.env.SEED_DEMO = 'true'
  // A copy of the template is already seeded: this seeds only a MongoDB test database.
  await seedDemoSchoolIfEmpty(payload, { records: true })
  return payload
}

/**
 * Registers beforeAll/afterAll and returns a handle whose `payload` is ready inside tests: the
 * demo school as `npm start` seeds it (staff, groups, posts, pupils, check-ups, staff profiles).
 */
export function useTestSchool(): TestSchool {
  const school = {} as TestSchool
  beforeAll(async () => {
    school.payload = await boot()
  }, 180_000)
  afterAll(async () => {
    await school.payload?.destroy()
  })
  return school
}

export async function findUserByEmail(payload: Payload, email: string): Promise<User> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    overrideAccess: true,
    limit: 1,
  })
  if (!docs[0]) throw new Error(`No user ${email}`)
  return docs[0]
}

let testUserCount = 0

/** A throwaway staff account with exactly these roles, made by the system (not by a user). */
export async function createTestUser(
  payload: Payload,
  roles: Role[],
  extra: Partial<User> = {},
): Promise<User> {
  testUserCount += 1
  return payload.create({
    collection: 'users',
    overrideAccess: true,
    data: {
      fullName: `Người thử ${testUserCount}`,
      email: `test-${testUserCount}@test.giathuong.edu.vn`,
      password: 'TestUser@2024',
      roles,
      ...extra,
    } as User,
  })
}
