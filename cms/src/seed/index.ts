/**
 * Seeds the demo school into an empty database, never into one that holds data.
 * Runs at start-up (Payload's onInit); SEED_DEMO=false turns it off for a real school.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { compareVietnameseNames, schoolYearOf, slugify } from '@school/shared'

import { inOneSqliteWrite } from '../lib/sqlite-write'
import { inTransaction } from '../lib/transaction'
import { ensureProgrammeSubjects } from './programme-subjects'
import type { Group, User } from '../payload-types'
import { seedAssessmentWindows, seededPupils, seedTeachingAssignments } from './demo-assessment'
import { seedAssessmentSteps, seedCurrentYear } from './demo-current-year'
import { seedDemoContests } from './demo-contests'
import { seedPastYear } from './demo-past-year'
import { DEMO_POSTS, seedDemoPosts } from './demo-posts'
import { seedDemoRecords } from './demo-records'
import { seedDemoEquipment } from './demo-equipment'
import { seedDemoTestPapers } from './demo-test-papers'
import { seedOfficeDocuments } from './demo-office-documents'
import { seedDemoDisclosure } from './demo-disclosure'
import { seedDemoFace } from './demo-face'
import { seedDemoTimetables } from './demo-timetables'
import { seedDemoAlbums } from './demo-albums'
import { seedDemoNotices } from './demo-notices'
import {
  DEMO_DOMAIN,
  DEMO_GROUPS,
  DEMO_SCHOOL_PROFILE,
  DEMO_STAFF,
  demoLoginEmail,
  demoPassword,
  type DemoStaff,
} from './demo-school'

/** "Nguyễn Thị Thu Hằng" → "hang.ntt": given name, then the initials of the rest. */
function staffEmail(person: DemoStaff): string {
  if (person.demoLoginFor) return demoLoginEmail(person.demoLoginFor)
  const words = slugify(person.fullName).split('-')
  const given = words.pop() ?? 'gv'
  return `${given}.${words.map((word) => word[0]).join('')}@${DEMO_DOMAIN}`
}

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  return totalDocs === 0
}

export interface SeedOptions {
  /** Pupils, check-ups and staff profiles (≈ 800 records): on by default, off for tests that need none. */
  records: boolean
}

export async function seedDemoSchool(
  payload: Payload,
  req: PayloadRequest,
  options: SeedOptions,
): Promise<Map<string, User>> {
  const password = demoPassword()
  const userIds = new Map<string, User['id']>()
  const users = new Map<string, User>()
  // The principal first: the first account of a school is the principal's.
  const staff = [...DEMO_STAFF].sort(
    (a, b) =>
      Number(b.roles.includes('principal')) - Number(a.roles.includes('principal')) ||
      compareVietnameseNames(a.fullName, b.fullName),
  )
  for (const person of staff) {
    const user = await payload.create({
      collection: 'users',
      overrideAccess: true,
      req,
      data: {
        fullName: person.fullName,
        email: staffEmail(person),
        password,
        phone: person.phone,
        roles: person.roles,
        jobTitle: person.jobTitle,
      },
    })
    userIds.set(person.key, user.id)
    users.set(person.key, user)
  }

  const idOf = (key: string) => {
    const id = userIds.get(key)
    if (id === undefined) throw new Error(`Demo seed: unknown person "${key}"`)
    return id
  }
  const groupIds = new Map<string, Group['id']>()
  const schoolYear = schoolYearOf(new Date())
  // Grade groups before classes: a class points to the group of its grade.
  for (const group of DEMO_GROUPS) {
    const created = await payload.create({
      collection: 'groups',
      overrideAccess: true,
      req,
      data: {
        name: group.name,
        kind: group.kind,
        grade: group.grade,
        schoolYear: group.kind === 'class' ? schoolYear : undefined,
        head: group.head ? idOf(group.head) : undefined,
        homeroomTeacher: group.homeroomTeacher ? idOf(group.homeroomTeacher) : undefined,
        parentGroup: group.parentGroup ? groupIds.get(group.parentGroup) : undefined,
        members: [...new Set(group.members)].map(idOf),
      },
    })
    groupIds.set(group.key, created.id)
  }

  await payload.updateGlobal({
    slug: 'school-profile',
    overrideAccess: true,
    req,
    data: DEMO_SCHOOL_PROFILE,
  })
  await ensureProgrammeSubjects(payload)
  await seedTeachingAssignments(req, groupIds, userIds, schoolYear)
  await seedAssessmentWindows(req, schoolYear)
  if (options.records) {
    const startYear = Number(schoolYear.slice(0, 4))
    await seedDemoRecords(req, groupIds, users, startYear)
    // Results need pupils: last year complete and approved, this year up to today.
    const pupils = await seededPupils(req, startYear)
    const context = { req, schoolYear, groupIds, users, pupils }
    const started = Date.now()
    const { past, current } = await inOneSqliteWrite(payload, async () => ({
      past: await seedPastYear(context),
      current: await seedCurrentYear(context),
    }))
    payload.logger.info(
      `Demo assessments seeded in ${Date.now() - started} ms: ${past.schoolYear} approved ` +
        `(${JSON.stringify(past.results)}, ${past.sessions} attendance sessions), ` +
        `${current.entries} mid-term entries, ` +
        `${current.attendance} attendance sessions, ${current.templates} comment templates.`,
    )
  }
  return users
}

export async function seedDemoSchoolIfEmpty(
  payload: Payload,
  options: SeedOptions = { records: process.env.SEED_DEMO_RECORDS !== 'false' },
): Promise<void> {
  // Every school, demo or real, starts with the programme's subjects (TT27 Điều 7).
  await ensureProgrammeSubjects(payload)
  if (process.env.SEED_DEMO === 'false') return
  if (!(await isDatabaseEmpty(payload))) return
  // All or nothing where the database has transactions (a MongoDB replica set); on SQLite Payload
  // runs without them, and a seed cut short leaves a half school: start again on an empty file.
  const req = await createLocalReq({}, payload)
  const staff: Map<string, User> = await inTransaction(req, () =>
    seedDemoSchool(payload, req, options),
  )
  // The posts go through the real workflow, one step (and transaction) at a time.
  await seedDemoPosts(payload, staff)
  // So do the corrections and the open checkpoint's first entries, as their people.
  if (options.records) {
    const started = Date.now()
    await seedAssessmentSteps(payload, staff, schoolYearOf(new Date()))
    payload.logger.info(`Demo corrections and end1 entries made in ${Date.now() - started} ms.`)
  }
  // Contests with results need the pupils.
  if (options.records) {
    const started = Date.now()
    await seedDemoContests(payload, staff)
    payload.logger.info(`Demo contests and their results made in ${Date.now() - started} ms.`)
  }
  await seedDemoEquipment(payload, staff)
  await seedDemoTestPapers(payload, staff)
  // The office's registers of the year, registered and handled as their people.
  await seedOfficeDocuments(payload)
  await seedDemoDisclosure(payload)
  await seedDemoFace(payload, staff)
  await seedDemoTimetables(payload, staff)
  // Issue 15: two photo albums, published through the notices' publication.
  await seedDemoAlbums(payload, staff)
  // The lunch menus and the test schedule, published through the notices' path as their people.
  await seedDemoNotices(payload, staff)
  payload.logger.info(
    `Demo school seeded: ${staff.size} staff accounts, ${DEMO_GROUPS.length} groups, ${DEMO_POSTS.length} posts.`,
  )
}
