/**
 * The audit log (Điều 9.1, 11, 16; Law 91/2025): every create, update and delete of a record and
 * every read of a pupil's record is written with its actor and the changed field names — never
 * the values; only the principal reads it, nobody edits it, and a change whose entry cannot be
 * written fails. Also the consent check when a post naming pupils goes live.
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { idOf } from '../../cms/src/lib/ids'
import type { AuditLog, Student, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { outcomeOf } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'
import type { GraphQLClient as GraphQLClientType } from './support/rest'
import { demoUser, stepAs } from './support/workflow'

const school = useTestSchool()
let payload: Payload
let users: Record<Role, User>
let pupil: Student & { id: number }
let GraphQLClient: typeof GraphQLClientType

async function entriesAfter(
  since: string,
  where: Record<string, unknown> = {},
): Promise<AuditLog[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: {
      and: [
        { createdAt: { greater_than_equal: since } },
        ...Object.entries(where).map(([key, value]) => ({ [key]: { equals: value } })),
      ],
    },
    sort: 'createdAt',
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

/** A moment strictly before the next entry (entries carry millisecond timestamps). */
async function now(): Promise<string> {
  const stamp = new Date().toISOString()
  await new Promise((resolve) => setTimeout(resolve, 5))
  return stamp
}

beforeAll(async () => {
  payload = school.payload
  // The route handlers read the config at import: after the test school has set the database.
  ;({ GraphQLClient } = await import('./support/rest'))
  users = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await demoUser(payload, role)])),
  ) as Record<Role, User>
  const { docs: classes } = await payload.find({
    collection: 'groups',
    where: { name: { equals: 'Lớp 3B' } },
    depth: 0,
    overrideAccess: true,
  })
  pupil = (
    await payload.find({
      collection: 'students',
      where: { class: { equals: classes[0].id } },
      sort: 'studentCode',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
})

describe('audit log entries', () => {
  it('a read of one pupil record: one entry naming the reader and the record', async () => {
    const since = await now()
    await payload.findByID({
      collection: 'students',
      id: pupil.id,
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    const entries = await entriesAfter(since)
    expect(entries.map((e) => [e.action, e.collection, e.docId, e.count])).toEqual([
      ['read', 'students', String(pupil.id), null],
    ])
    expect(entries[0]).toMatchObject({
      action: 'read',
      collection: 'students',
      docId: String(pupil.id),
    })
    expect(String(idOf(entries[0].actor))).toBe(String(users.homeroom_teacher.id))
    expect(entries[0]).toMatchObject({
      actorUserId: String(users.homeroom_teacher.id),
      actorName: users.homeroom_teacher.fullName,
      actorEmail: users.homeroom_teacher.email,
    })
  })

  it('a list of pupils: one entry for the list (not one per pupil), with its ids', async () => {
    const since = await now()
    const { docs } = await payload.find({
      collection: 'students',
      limit: 50,
      overrideAccess: false,
      user: users.vice_principal,
    })
    expect(docs.length).toBe(50)
    const entries = await entriesAfter(since)
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      action: 'read',
      collection: 'students',
      docId: null,
      count: 50,
    })
    expect(entries[0].docIds).toEqual(docs.map((doc) => String(doc.id)))
  })

  it('a pupil’s check-ups read with the pupil belong to that read: still one entry', async () => {
    const withCheckups = (
      await payload.find({
        collection: 'health-checkups',
        where: { student: { equals: pupil.id } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).totalDocs
    expect(withCheckups).toBeGreaterThan(0)
    const since = await now()
    const read = await payload.findByID({
      collection: 'students',
      id: pupil.id,
      depth: 2,
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    expect(read.checkups?.docs?.[0]).toMatchObject({ id: expect.anything() })
    const entries = await entriesAfter(since)
    expect(entries.map((e) => [e.action, e.collection, e.docId])).toEqual([
      ['read', 'students', String(pupil.id)],
    ])
  })

  it('the system’s own lookups are not reads by anyone', async () => {
    const since = await now()
    await payload.findByID({ collection: 'students', id: pupil.id, overrideAccess: true })
    expect(await entriesAfter(since)).toHaveLength(0)
  })

  it('an update names the changed fields, never their values', async () => {
    const since = await now()
    const address = 'Số 77, ngõ Bí Mật, Long Biên, Hà Nội'
    const phone = '0987654321'
    await payload.update({
      collection: 'students',
      id: pupil.id,
      data: {
        permanentAddress: address,
        guardians: [{ ...pupil.guardians![0], phone }, ...pupil.guardians!.slice(1)],
      },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    const entries = await entriesAfter(since, { action: 'update' })
    expect(entries).toHaveLength(1)
    expect(entries[0].fields).toEqual(['guardians', 'permanentAddress'])
    const stored = JSON.stringify(
      await payload.find({
        collection: 'audit-log',
        where: { id: { equals: entries[0].id } },
        overrideAccess: true,
      }),
    )
    expect(stored).not.toContain(address)
    expect(stored).not.toContain(phone)
  })

  it('a save that changes nothing writes no update entry', async () => {
    const since = await now()
    await payload.update({
      collection: 'students',
      id: pupil.id,
      data: { fullName: pupil.fullName },
      overrideAccess: false,
      user: users.vice_principal,
    })
    expect(await entriesAfter(since, { action: 'update' })).toHaveLength(0)
  })

  it('create and delete of a pupil, a check-up and a staff profile are each logged with their actor', async () => {
    const since = await now()
    const created = await payload.create({
      collection: 'students',
      data: {
        fullName: 'Ngô Bảo Ngọc',
        studentCode: 'AUD0000001',
        dateOfBirth: '2018-02-02T00:00:00.000Z',
        gender: 'female',
        class: pupil.class,
        status: 'studying',
        guardians: [{ name: 'Ngô Văn Tùng', relationship: 'father', phone: '0912333444' }],
      },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    const checkup = await payload.create({
      collection: 'health-checkups',
      data: { student: created.id, date: new Date().toISOString(), heightCm: 118 },
      overrideAccess: false,
      user: users.nurse,
    })
    const profile = await payload.create({
      collection: 'staff-profiles',
      data: { fullName: 'Nhân viên mới', email: 'audit-profile@test.giathuong.edu.vn' },
      overrideAccess: false,
      user: users.hr_officer,
    })
    await payload.delete({
      collection: 'health-checkups',
      id: checkup.id,
      overrideAccess: false,
      user: users.nurse,
    })
    await payload.delete({
      collection: 'staff-profiles',
      id: profile.id,
      overrideAccess: false,
      user: users.hr_officer,
    })
    await payload.delete({
      collection: 'students',
      id: created.id,
      overrideAccess: false,
      user: users.principal,
    })

    const summary = (await entriesAfter(since))
      .filter((entry) => entry.action !== 'read')
      .map((entry) => [entry.action, entry.collection, String(idOf(entry.actor))])
    expect(summary).toEqual([
      ['create', 'students', String(users.homeroom_teacher.id)],
      ['create', 'health-checkups', String(users.nurse.id)],
      ['create', 'staff-profiles', String(users.hr_officer.id)],
      ['delete', 'health-checkups', String(users.nurse.id)],
      ['delete', 'staff-profiles', String(users.hr_officer.id)],
      ['delete', 'students', String(users.principal.id)],
    ])
    expect((await entriesAfter(since, { action: 'delete' })).map((entry) => entry.outcome)).toEqual(
      ['done', 'done', 'done'],
    )
    const creation = (await entriesAfter(since, { action: 'create', collection: 'students' }))[0]
    expect(creation.fields).toContain('fullName')
    expect(JSON.stringify(creation)).not.toContain('Ngô Bảo Ngọc')
  })
})

describe('every read of one GraphQL request is logged', () => {
  it('aliased queries: one entry per query, each with the ids it returned', async () => {
    const { docs: listed } = await payload.find({
      collection: 'students',
      where: { class: { equals: pupil.class } },
      sort: 'studentCode',
      limit: 3,
      depth: 0,
      overrideAccess: true,
    })
    const [first, second] = listed
    const client = new GraphQLClient()
    expect((await client.login(demoLoginEmail('homeroom_teacher'), demoPassword())).status).toBe(
      200,
    )
    const since = await now()
    const answer = await client.query(`{
      a: Students(where: { id: { equals: ${first.id} } }) { docs { id } }
      b: Student(id: ${second.id}) { id }
      c: Students(where: { class: { equals: ${idOf(pupil.class)} } }, limit: 3,
        sort: "studentCode") {
        docs { id fullName }
      }
    }`)
    expect(answer.errors).toBeUndefined()
    expect(answer.data.c.docs.map((doc: { id: number }) => doc.id)).toEqual(
      listed.map((doc) => doc.id),
    )
    const entries = (await entriesAfter(since)).map((entry) => ({
      actor: entry.actorUserId,
      collection: entry.collection,
      docId: entry.docId,
      docIds: entry.docIds,
      count: entry.count,
    }))
    const actor = String(users.homeroom_teacher.id)
    expect(entries).toHaveLength(3)
    expect(entries).toEqual(
      expect.arrayContaining([
        { actor, collection: 'students', docId: null, docIds: [String(first.id)], count: 1 },
        { actor, collection: 'students', docId: String(second.id), docIds: [], count: null },
        {
          actor,
          collection: 'students',
          docId: null,
          docIds: listed.map((doc) => String(doc.id)),
          count: 3,
        },
      ]),
    )
  })

  it('pupils reached through check-ups’ relationship are logged with their ids', async () => {
    const client = new GraphQLClient()
    expect((await client.login(demoLoginEmail('nurse'), demoPassword())).status).toBe(200)
    const since = await now()
    const answer = await client.query(`{
      HealthCheckups(where: { student: { equals: ${pupil.id} } }, limit: 2) {
        docs { id student { id fullName } }
      }
    }`)
    expect(answer.errors).toBeUndefined()
    const checkups: { id: number; student: { id: number } }[] = answer.data.HealthCheckups.docs
    expect(checkups.length).toBeGreaterThan(0)
    expect(checkups[0].student.id).toBe(pupil.id)
    const entries = await entriesAfter(since)
    expect(entries.map((e) => [e.collection, e.docId, e.docIds])).toEqual(
      expect.arrayContaining([
        ['health-checkups', null, checkups.map((checkup) => String(checkup.id))],
        ['students', null, [String(pupil.id)]],
      ]),
    )
    expect(entries).toHaveLength(2)
  })
})

describe('the log cannot be made to lie', () => {
  it('an account deleted later leaves its entries naming who acted', async () => {
    const reader = await createTestUser(payload, ['vice_principal'], { fullName: 'Trần Thị Đọc' })
    const since = await now()
    await payload.findByID({
      collection: 'students',
      id: pupil.id,
      depth: 0,
      overrideAccess: false,
      user: reader,
    })
    await payload.delete({
      collection: 'users',
      id: reader.id,
      overrideAccess: false,
      user: users.principal,
    })
    const [entry] = await entriesAfter(since, { action: 'read' })
    expect(entry).toMatchObject({
      actor: null,
      actorUserId: String(reader.id),
      actorName: 'Trần Thị Đọc',
      actorEmail: reader.email,
      docId: String(pupil.id),
    })
  })

  it('a deleted pupil’s id is never given to the next pupil', async () => {
    const data = (studentCode: string, fullName: string) => ({
      fullName,
      studentCode,
      dateOfBirth: '2018-03-03T00:00:00.000Z',
      gender: 'male' as const,
      class: pupil.class,
      status: 'studying' as const,
      guardians: [{ name: 'Lê Văn Ba', relationship: 'father' as const, phone: '0912555666' }],
    })
    const as = { overrideAccess: false, user: users.homeroom_teacher } as const
    const gone = await payload.create({
      collection: 'students',
      data: data('AUD0000002', 'Lê Minh Một'),
      ...as,
    })
    await payload.delete({
      collection: 'students',
      id: gone.id,
      overrideAccess: false,
      user: users.principal,
    })
    const next = await payload.create({
      collection: 'students',
      data: data('AUD0000003', 'Lê Minh Hai'),
      ...as,
    })
    expect(next.id).not.toBe(gone.id)
    const history = await payload.find({
      collection: 'audit-log',
      where: {
        and: [{ collection: { equals: 'students' } }, { docId: { equals: String(gone.id) } }],
      },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(history.docs.map((entry) => entry.action)).toEqual(['create', 'delete'])
  })

  it.skipIf(String(process.env.DATABASE_URL ?? '').startsWith('mongodb'))(
    'a deletion the database refuses leaves an unconfirmed entry and the record in place',
    async () => {
      const checkup = await payload.create({
        collection: 'health-checkups',
        data: { student: pupil.id, date: new Date().toISOString(), heightCm: 121 },
        overrideAccess: false,
        user: users.nurse,
      })
      // A real refusal of the database, at the moment the row is deleted.
      const db = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
      const { sql } = await import('@payloadcms/db-sqlite')
      await db.drizzle.run(
        sql.raw(`CREATE TRIGGER keep_checkup BEFORE DELETE ON health_checkups
          WHEN OLD.id = ${Number(checkup.id)} BEGIN SELECT RAISE(ABORT, 'kept'); END`),
      )
      const since = await now()
      try {
        await expect(
          payload.delete({
            collection: 'health-checkups',
            id: checkup.id,
            overrideAccess: false,
            user: users.nurse,
          }),
        ).rejects.toThrow()
      } finally {
        await db.drizzle.run(sql`DROP TRIGGER keep_checkup`)
      }
      const entries = await entriesAfter(since, { action: 'delete' })
      expect(entries.map((entry) => [entry.docId, entry.outcome])).toEqual([
        [String(checkup.id), 'unconfirmed'],
      ])
      const still = await payload.findByID({
        collection: 'health-checkups',
        id: checkup.id,
        depth: 0,
        overrideAccess: true,
      })
      expect(still.heightCm).toBe(121)
    },
  )

  it('deleting an account a staff profile points at logs the change to the profile', async () => {
    const account = await createTestUser(payload, ['clerk'])
    const profile = await payload.create({
      collection: 'staff-profiles',
      data: {
        fullName: account.fullName,
        email: 'audit-linked@test.giathuong.edu.vn',
        user: account.id,
      },
      overrideAccess: false,
      user: users.hr_officer,
    })
    const since = await now()
    await payload.delete({
      collection: 'users',
      id: account.id,
      overrideAccess: false,
      user: users.principal,
    })
    const after = await payload.findByID({
      collection: 'staff-profiles',
      id: profile.id,
      depth: 0,
      overrideAccess: true,
    })
    const entries = (await entriesAfter(since)).map((entry) => ({
      action: entry.action,
      collection: entry.collection,
      docId: entry.docId,
      fields: entry.fields,
      actorUserId: entry.actorUserId,
    }))
    // SQLite empties the link with the account; MongoDB leaves it, and then nothing changed.
    if (after.user === null || after.user === undefined)
      expect(entries).toEqual([
        {
          action: 'update',
          collection: 'staff-profiles',
          docId: String(profile.id),
          fields: ['user'],
          actorUserId: String(users.principal.id),
        },
      ])
    else expect(entries).toEqual([])
  })

  it('the system deleting an account logs the change to the profile, as the system', async () => {
    const account = await createTestUser(payload, ['librarian'])
    const profile = await payload.create({
      collection: 'staff-profiles',
      data: {
        fullName: account.fullName,
        email: 'audit-linked-2@test.giathuong.edu.vn',
        user: account.id,
      },
      overrideAccess: true,
    })
    const since = await now()
    await payload.delete({ collection: 'users', id: account.id, overrideAccess: true })
    const after = await payload.findByID({
      collection: 'staff-profiles',
      id: profile.id,
      depth: 0,
      overrideAccess: true,
    })
    const entries = await entriesAfter(since)
    expect(entries.map((e) => [e.action, e.docId, e.fields, e.actorUserId])).toEqual(
      after.user ? [] : [['update', String(profile.id), ['user'], null]],
    )
  })
})

describe('who reads and changes the log', () => {
  it('only the principal reads it', async () => {
    for (const role of ROLES) {
      const outcome = await outcomeOf(() =>
        payload.find({
          collection: 'audit-log',
          limit: 1,
          overrideAccess: false,
          user: users[role],
        }),
      )
      expect(outcome, role).toBe(role === 'principal' ? 'allowed' : 'refused')
    }
    expect(
      await outcomeOf(() =>
        payload.find({ collection: 'audit-log', limit: 1, overrideAccess: false, user: null }),
      ),
    ).toBe('refused')
  })

  it('nobody — the principal included — writes, edits or deletes an entry', async () => {
    const entry = (await payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true }))
      .docs[0]
    for (const role of ROLES) {
      const as = { overrideAccess: false, user: users[role] } as const
      expect(
        await outcomeOf(() =>
          payload.create({
            collection: 'audit-log',
            data: { action: 'read', collection: 'students' },
            ...as,
          }),
        ),
        role,
      ).toBe('refused')
      expect(
        await outcomeOf(() =>
          payload.update({ collection: 'audit-log', id: entry.id, data: { fields: ['x'] }, ...as }),
        ),
        role,
      ).toBe('refused')
      expect(
        await outcomeOf(() => payload.delete({ collection: 'audit-log', id: entry.id, ...as })),
        role,
      ).toBe('refused')
    }
    expect(
      (await payload.findByID({ collection: 'audit-log', id: entry.id, overrideAccess: true }))
        .fields,
    ).toEqual(entry.fields)
  })

  it.skipIf(String(process.env.DATABASE_URL ?? '').startsWith('mongodb'))(
    'when the entry cannot be written, the change fails with it and the record is untouched',
    async () => {
      // A real failure of the database: the log's table is gone for a moment.
      const db = payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
      const { sql } = await import('@payloadcms/db-sqlite')
      const before = await payload.findByID({
        collection: 'students',
        id: pupil.id,
        depth: 0,
        overrideAccess: true,
      })
      await db.drizzle.run(sql`ALTER TABLE audit_log RENAME TO audit_log_away`)
      try {
        await expect(
          payload.update({
            collection: 'students',
            id: pupil.id,
            data: { permanentAddress: 'Không được lưu' },
            overrideAccess: false,
            user: users.homeroom_teacher,
          }),
        ).rejects.toThrow()
        await expect(
          payload.findByID({
            collection: 'students',
            id: pupil.id,
            overrideAccess: false,
            user: users.homeroom_teacher,
          }),
        ).rejects.toThrow()
      } finally {
        await db.drizzle.run(sql`ALTER TABLE audit_log_away RENAME TO audit_log`)
      }
      const after = await payload.findByID({
        collection: 'students',
        id: pupil.id,
        depth: 0,
        overrideAccess: true,
      })
      expect(after.permanentAddress).toBe(before.permanentAddress)
    },
  )
})

describe('consent before a post naming pupils goes live', () => {
  async function postNaming(pupils: number[], title: string) {
    const author = users.homeroom_teacher
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title,
        excerpt: 'Hoạt động của lớp 3B.',
        content: richText('Các em học sinh lớp 3B tham gia hoạt động.'),
        kind: 'news',
        pupils,
      },
      overrideAccess: false,
      user: author,
    })
    const head = users.group_head
    await stepAs(payload, author, post.id, 'submit')
    await stepAs(payload, head, post.id, 'accept')
    await stepAs(payload, users.vice_principal, post.id, 'approve')
    return post
  }

  async function setConsent(id: number | string, consent: { guardian: boolean; pupil: boolean }) {
    await payload.update({
      collection: 'students',
      id,
      data: { consent },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
  }

  it('refuses to publish while a named pupil lacks a guardian’s consent, naming the pupil; publishes once it is recorded', async () => {
    await setConsent(pupil.id, { guardian: false, pupil: true })
    const post = await postNaming([pupil.id], 'Lớp 3B đi tham quan')
    await expect(stepAs(payload, users.web_admin, post.id, 'publish')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(`${pupil.fullName} (chưa có đồng ý của cha mẹ)`),
    })
    expect(
      (await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true }))._status,
    ).toBe('draft')
    await setConsent(pupil.id, { guardian: true, pupil: true })
    const published = await stepAs(payload, users.web_admin, post.id, 'publish')
    expect(published._status).toBe('published')
  })

  it('from age 7 the pupil’s own consent is needed too', async () => {
    expect(
      new Date().getUTCFullYear() - new Date(pupil.dateOfBirth).getUTCFullYear(),
    ).toBeGreaterThanOrEqual(8)
    await setConsent(pupil.id, { guardian: true, pupil: false })
    const post = await postNaming([pupil.id], 'Lớp 3B trồng cây')
    await expect(stepAs(payload, users.web_admin, post.id, 'publish')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('chưa có đồng ý của chính em'),
    })
  })

  it('the public never sees which pupils a post names', async () => {
    await setConsent(pupil.id, { guardian: true, pupil: true })
    const post = await postNaming([pupil.id], 'Lớp 3B đọc sách')
    await stepAs(payload, users.web_admin, post.id, 'publish')
    const publicView = await payload.findByID({
      collection: 'posts',
      id: post.id,
      overrideAccess: false,
      user: null,
    })
    expect(publicView.title).toBe('Lớp 3B đọc sách')
    expect(publicView.pupils).toBeUndefined()
  })
})
