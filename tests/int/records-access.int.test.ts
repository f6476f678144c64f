/**
 * Need-to-know access to pupils' records (Điều 9.1, 11; Law 91/2025), field by field, for every
 * role and the public, through the Local API with real users (`overrideAccess: false`), REST and
 * GraphQL. The expected tables are written out by hand from the regulation.
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload, Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Student, User } from '../../cms/src/payload-types'
import { idOf } from '../../cms/src/lib/ids'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { outcomeOf } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'
import { demoUser } from './support/workflow'

const school = useTestSchool()

const BASIC = ['fullName', 'dateOfBirth', 'gender', 'class'] as const
const IDENTITY = ['studentCode', 'status'] as const
const FAMILY = [
  'ethnicity',
  'permanentAddress',
  'policyStatus',
  'guardians',
  'consent',
  'enrollmentEvents',
] as const
const HEALTH = ['health', 'checkups'] as const
const ALL = [...BASIC, ...IDENTITY, ...FAMILY, ...HEALTH]
type PupilField = (typeof ALL)[number]
type Actor = Role | 'anonymous'

/**
 * What each demo account reads of a pupil of class 3B. The demo homeroom teacher keeps 3B; the
 * demo subject and IT teachers teach it; the demo group head keeps 3A, not 3B; the others have
 * no business with pupils.
 */
const FIELDS_OF_3B_PUPIL: Record<Actor, readonly PupilField[] | 'refused'> = {
  principal: ALL,
  vice_principal: ALL,
  homeroom_teacher: ALL,
  subject_teacher: BASIC,
  it_teacher: BASIC,
  nurse: [...BASIC, ...IDENTITY, ...HEALTH],
  group_head: 'refused',
  // Records guardians' requests at the office and keeps the transcripts' archive.
  clerk: BASIC,
  accountant: 'refused',
  hr_officer: 'refused',
  web_admin: 'refused',
  equipment_officer: 'refused',
  librarian: 'refused',
  anonymous: 'refused',
}

let payload: Payload
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType
let users: Record<Role, User>
let classIds: Record<string, number>
let pupil3B: Student
let pupil1A: Student

async function readAs(actor: Actor, id: number | string): Promise<Student> {
  return payload.findByID({
    collection: 'students',
    id,
    depth: 0,
    overrideAccess: false,
    user: actor === 'anonymous' ? null : users[actor],
  })
}

function pupilFieldsIn(doc: Record<string, unknown>): PupilField[] {
  return ALL.filter((field) => doc[field] !== undefined)
}

beforeAll(async () => {
  payload = school.payload
  // The route handlers read the config at import: after the test school has set the database.
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  users = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await demoUser(payload, role)])),
  ) as Record<Role, User>
  const { docs: classes } = await payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  classIds = Object.fromEntries(classes.map((group) => [group.name.replace('Lớp ', ''), group.id]))
  const first = async (className: string) =>
    (
      await payload.find({
        collection: 'students',
        where: { class: { equals: classIds[className] } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
        sort: 'studentCode',
      })
    ).docs[0]
  pupil3B = await first('3B')
  pupil1A = await first('1A')
})

describe('pupils, field by field', () => {
  for (const actor of [...ROLES, 'anonymous'] as Actor[]) {
    const expected = FIELDS_OF_3B_PUPIL[actor]
    it(`${actor} ${expected === 'refused' ? 'cannot open a 3B pupil' : `reads exactly ${expected.length} fields of a 3B pupil`}`, async () => {
      if (expected === 'refused') {
        expect(await outcomeOf(() => readAs(actor, pupil3B.id))).toBe('refused')
        return
      }
      const doc = await readAs(actor, pupil3B.id)
      expect(pupilFieldsIn(doc as never).sort()).toEqual([...expected].sort())
    })
  }

  it('the homeroom teacher of 3B cannot open a pupil of 1A; the homeroom teacher of 1A can', async () => {
    expect(await outcomeOf(() => readAs('homeroom_teacher', pupil1A.id))).toBe('refused')
    const homeroom1A = (
      await payload.findByID({
        collection: 'groups',
        id: classIds['1A'],
        depth: 0,
        overrideAccess: true,
      })
    ).homeroomTeacher
    const teacher = await payload.findByID({
      collection: 'users',
      id: homeroom1A as number,
      overrideAccess: true,
    })
    const doc = await payload.findByID({
      collection: 'students',
      id: pupil1A.id,
      depth: 0,
      overrideAccess: false,
      user: teacher,
    })
    expect(pupilFieldsIn(doc as never).sort()).toEqual([...ALL].sort())
  })

  it('a subject teacher lists the pupils of the classes they teach, and nothing of their families', async () => {
    const { docs } = await payload.find({
      collection: 'students',
      limit: 0,
      depth: 0,
      overrideAccess: false,
      user: users.subject_teacher,
    })
    const taught = (
      await payload.find({
        collection: 'groups',
        where: {
          and: [{ kind: { equals: 'class' } }, { members: { equals: users.subject_teacher.id } }],
        },
        limit: 0,
        depth: 0,
        overrideAccess: true,
      })
    ).docs
    const inTaught = await payload.count({
      collection: 'students',
      where: { class: { in: taught.map((group) => group.id) } },
      overrideAccess: true,
    })
    expect(taught.length).toBeGreaterThan(0)
    expect(docs.length).toBe(inTaught.totalDocs)
    for (const doc of docs) {
      expect(taught.map((group) => String(group.id))).toContain(String(doc.class))
      expect(pupilFieldsIn(doc as never).sort()).toEqual([...BASIC].sort())
    }
  })

  it('the homeroom teacher lists exactly their own class', async () => {
    const { docs } = await payload.find({
      collection: 'students',
      limit: 0,
      depth: 0,
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    const own = await payload.count({
      collection: 'students',
      where: { class: { equals: classIds['3B'] } },
      overrideAccess: true,
    })
    expect(docs.length).toBe(own.totalDocs)
    expect(new Set(docs.map((doc) => String(doc.class)))).toEqual(new Set([String(classIds['3B'])]))
  })

  it('leadership, the nurse and the clerk list every pupil; the others (and an IT teacher who teaches no class) list none', async () => {
    const total = (await payload.count({ collection: 'students', overrideAccess: true })).totalDocs
    expect(total).toBeGreaterThanOrEqual(200)
    for (const role of ['principal', 'vice_principal', 'nurse', 'clerk'] as const) {
      const { totalDocs } = await payload.find({
        collection: 'students',
        limit: 1,
        overrideAccess: false,
        user: users[role],
      })
      expect(totalDocs, role).toBe(total)
    }
    const itOnly = await createTestUser(payload, ['it_teacher'])
    for (const user of [
      itOnly,
      users.web_admin,
      users.accountant,
      users.hr_officer,
      users.librarian,
      users.equipment_officer,
    ]) {
      const listed = await payload
        .find({ collection: 'students', limit: 1, overrideAccess: false, user })
        .then(
          ({ docs }) => docs.length,
          (error: { status?: number }) => {
            if (error.status === 403) return 0
            throw error
          },
        )
      expect(listed, user.roles.join()).toBe(0)
    }
  })

  it('nobody can filter pupils by a field they may not read (no guessing addresses through queries)', async () => {
    const where: Where = { permanentAddress: { like: pupil3B.permanentAddress?.slice(0, 8) } }
    await expect(
      payload.find({
        collection: 'students',
        where,
        limit: 0,
        depth: 0,
        overrideAccess: false,
        user: users.subject_teacher,
      }),
    ).rejects.toThrow(/permanentAddress/)
    // The homeroom teacher reads the address of every pupil they can read (their class only):
    // the filter is theirs (a teacher who also teaches another class is refused: see
    // authorization.int.test.ts); leadership reads every address.
    const { docs: ofHomeroom } = await payload.find({
      collection: 'students',
      where,
      limit: 0,
      depth: 0,
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    expect(ofHomeroom.map((doc) => doc.id)).toContain(pupil3B.id)
    expect(ofHomeroom.every((doc) => String(idOf(doc.class)) === String(idOf(pupil3B.class)))).toBe(
      true,
    )
    const { docs } = await payload.find({
      collection: 'students',
      where,
      limit: 0,
      depth: 0,
      overrideAccess: false,
      user: users.vice_principal,
    })
    expect(docs.map((doc) => doc.id)).toContain(pupil3B.id)
  })
})

describe('pupils over REST and GraphQL', () => {
  it('REST: a subject teacher gets the basic fields only; the web admin, the accountant and the public get nothing', async () => {
    const teacher = new RestClient()
    await teacher.login(demoLoginEmail('subject_teacher'), demoPassword())
    const own = await teacher.get(`/students/${pupil3B.id}`)
    expect(own.status).toBe(200)
    expect(own.body.fullName).toBe(pupil3B.fullName)
    expect(own.body.guardians).toBeUndefined()
    expect(own.body.permanentAddress).toBeUndefined()
    expect(JSON.stringify(own.body)).not.toContain(pupil3B.guardians![0].phone)

    for (const role of ['web_admin', 'accountant'] as const) {
      const client = new RestClient()
      await client.login(demoLoginEmail(role), demoPassword())
      expect([403, 404]).toContain((await client.get(`/students/${pupil3B.id}`)).status)
      const list = await client.get('/students?limit=5')
      expect(list.status === 403 || list.body.docs.length === 0).toBe(true)
    }
    const anonymous = new RestClient()
    expect([403, 404]).toContain((await anonymous.get(`/students/${pupil3B.id}`)).status)
    expect((await anonymous.get('/students')).status).toBe(403)
    expect(
      (await anonymous.get(`/health-checkups?where[student][equals]=${pupil3B.id}`)).status,
    ).toBe(403)
  })

  it('GraphQL: the same fields are hidden from a subject teacher, and the public reads no pupil', async () => {
    const query = `{ Student(id: ${JSON.stringify(pupil3B.id)}) { fullName permanentAddress ethnicity guardians { phone } } }`
    const teacher = new GraphQLClient()
    await teacher.login(demoLoginEmail('subject_teacher'), demoPassword())
    const seen = await teacher.query(query)
    expect(seen.data.Student.fullName).toBe(pupil3B.fullName)
    expect(seen.data.Student.permanentAddress).toBeNull()
    expect(seen.data.Student.ethnicity).toBeNull()
    expect(seen.data.Student.guardians).toBeNull()

    const homeroom = new GraphQLClient()
    await homeroom.login(demoLoginEmail('homeroom_teacher'), demoPassword())
    const full = await homeroom.query(query)
    expect(full.data.Student.guardians[0].phone).toBe(pupil3B.guardians![0].phone)

    const anonymous = new GraphQLClient()
    const none = await anonymous.query(query)
    expect(none.data?.Student ?? null).toBeNull()
    expect(JSON.stringify(none)).not.toContain(pupil3B.fullName)
  })
})

describe('who changes a pupil record', () => {
  it('the homeroom teacher updates their own pupil; not a pupil of another class', async () => {
    const updated = await payload.update({
      collection: 'students',
      id: pupil3B.id,
      data: { permanentAddress: 'Số 9, ngõ 12 Phúc Lợi, Long Biên, Hà Nội' },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    expect(updated.permanentAddress).toBe('Số 9, ngõ 12 Phúc Lợi, Long Biên, Hà Nội')
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'students',
          id: pupil1A.id,
          data: { permanentAddress: 'x' },
          overrideAccess: false,
          user: users.homeroom_teacher,
        }),
      ),
    ).toBe('refused')
  })

  it('a subject teacher, the IT teacher, the web admin and HR cannot change a pupil they can or cannot see', async () => {
    for (const role of [
      'subject_teacher',
      'it_teacher',
      'web_admin',
      'hr_officer',
      'group_head',
    ] as const) {
      const outcome = await outcomeOf(() =>
        payload.update({
          collection: 'students',
          id: pupil3B.id,
          data: { fullName: 'Đổi tên' },
          overrideAccess: false,
          user: users[role],
        }),
      )
      expect(outcome, role).toBe('refused')
    }
  })

  it('the nurse writes the health part only: other fields answer 403 naming the field', async () => {
    const healthy = await payload.update({
      collection: 'students',
      id: pupil3B.id,
      data: { health: { allergies: 'Dị ứng hải sản' } },
      overrideAccess: false,
      user: users.nurse,
    })
    expect(healthy.health?.allergies).toBe('Dị ứng hải sản')
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: { permanentAddress: 'Nơi khác' },
        overrideAccess: false,
        user: users.nurse,
      }),
    ).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Địa chỉ thường trú') })
  })

  it('the homeroom teacher cannot write health, nor move a pupil to another class; leadership can, and the move is recorded', async () => {
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: { health: { allergies: 'Không' } },
        overrideAccess: false,
        user: users.homeroom_teacher,
      }),
    ).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Hồ sơ sức khỏe') })
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: { class: classIds['3A'] },
        overrideAccess: false,
        user: users.homeroom_teacher,
      }),
    ).rejects.toMatchObject({ status: 403, message: expect.stringContaining('Lớp') })

    const moved = await payload.update({
      collection: 'students',
      id: pupil3B.id,
      data: { class: classIds['3A'] },
      overrideAccess: false,
      user: users.vice_principal,
    })
    const last = moved.enrollmentEvents!.at(-1)!
    expect(last.kind).toBe('class_change')
    expect(String(idOf(last.fromClass))).toBe(String(classIds['3B']))
    expect(String(idOf(last.toClass))).toBe(String(classIds['3A']))
    // The 3B homeroom teacher no longer opens the pupil; 3A's (the demo group head) does.
    expect(await outcomeOf(() => readAs('homeroom_teacher', pupil3B.id))).toBe('refused')
    expect(pupilFieldsIn((await readAs('group_head', pupil3B.id)) as never)).toContain('guardians')
    await payload.update({
      collection: 'students',
      id: pupil3B.id,
      data: { class: classIds['3B'] },
      overrideAccess: false,
      user: users.vice_principal,
    })
  })

  it('status follows the enrollment events, and recorded events cannot be edited or removed', async () => {
    const before = await payload.findByID({
      collection: 'students',
      id: pupil3B.id,
      depth: 0,
      overrideAccess: true,
    })
    const events = before.enrollmentEvents ?? []
    const out = await payload.update({
      collection: 'students',
      id: pupil3B.id,
      data: {
        enrollmentEvents: [
          ...events,
          {
            kind: 'transfer_out',
            date: new Date().toISOString(),
            reason: 'Chuyển nhà',
            school: 'Trường Tiểu học Ngọc Thụy',
          },
        ],
      },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    expect(out.status).toBe('transferred_out')
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: { enrollmentEvents: events },
        overrideAccess: false,
        user: users.homeroom_teacher,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('không sửa hay xóa') })
    const edited = out.enrollmentEvents!.map((event, index, all) =>
      index === all.length - 1 ? { ...event, reason: 'Sửa lý do' } : event,
    )
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: { enrollmentEvents: edited },
        overrideAccess: false,
        user: users.homeroom_teacher,
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: { status: 'studying' },
        overrideAccess: false,
        user: users.principal,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const back = await payload.update({
      collection: 'students',
      id: pupil3B.id,
      data: {
        enrollmentEvents: [
          ...out.enrollmentEvents!,
          {
            kind: 'transfer_in',
            date: new Date().toISOString(),
            reason: 'Quay lại trường',
            school: 'Trường Tiểu học Ngọc Thụy',
          },
        ],
      },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    expect(back.status).toBe('studying')
    expect(back.enrollmentEvents!.length).toBe(events.length + 2)
  })

  it('a transfer without the other school is refused with a message, and nothing is saved', async () => {
    const before = await payload.findByID({
      collection: 'students',
      id: pupil3B.id,
      depth: 0,
      overrideAccess: true,
    })
    await expect(
      payload.update({
        collection: 'students',
        id: pupil3B.id,
        data: {
          enrollmentEvents: [
            ...(before.enrollmentEvents ?? []),
            { kind: 'transfer_out', date: new Date().toISOString(), reason: 'Chuyển nhà' },
          ],
        },
        overrideAccess: false,
        user: users.homeroom_teacher,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('Chuyển đi') })
    const after = await payload.findByID({
      collection: 'students',
      id: pupil3B.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.enrollmentEvents?.length).toBe(before.enrollmentEvents?.length)
    expect(after.status).toBe(before.status)
  })

  it('the homeroom teacher enrolls a pupil into their class only; only the principal deletes a record', async () => {
    const data = {
      fullName: 'Trần Gia Bảo',
      studentCode: '0125099001',
      dateOfBirth: '2018-03-04T00:00:00.000Z',
      gender: 'male' as const,
      status: 'studying' as const,
      guardians: [{ name: 'Trần Văn Tùng', relationship: 'father' as const, phone: '0912345678' }],
    }
    expect(
      await outcomeOf(() =>
        payload.create({
          collection: 'students',
          data: { ...data, class: classIds['1A'] },
          overrideAccess: false,
          user: users.homeroom_teacher,
        }),
      ),
    ).toBe('refused')
    const created = await payload.create({
      collection: 'students',
      data: { ...data, class: classIds['3B'] },
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    for (const role of ['homeroom_teacher', 'vice_principal', 'nurse'] as const) {
      expect(
        await outcomeOf(() =>
          payload.delete({
            collection: 'students',
            id: created.id,
            overrideAccess: false,
            user: users[role],
          }),
        ),
        role,
      ).toBe('refused')
    }
    await payload.delete({
      collection: 'students',
      id: created.id,
      overrideAccess: false,
      user: users.principal,
    })
  })

  it('bad input gets a Vietnamese message per field and nothing is saved', async () => {
    const before = await payload.count({ collection: 'students', overrideAccess: true })
    const rest = new RestClient()
    await rest.login(demoLoginEmail('homeroom_teacher'), demoPassword())
    const response = await rest.post('/students', {
      fullName: 'Học sinh lỗi',
      studentCode: 'có dấu cách',
      dateOfBirth: '2999-01-01',
      gender: 'male',
      class: classIds['3B'],
      guardians: [{ name: 'Bố', relationship: 'father', phone: '12345' }],
    })
    expect(response.status).toBe(400)
    const messages = JSON.stringify(response.body)
    expect(messages).toContain('Mã học sinh')
    expect(messages).toContain('tương lai')
    expect(messages).toContain('Số điện thoại không hợp lệ')
    expect((await payload.count({ collection: 'students', overrideAccess: true })).totalDocs).toBe(
      before.totalDocs,
    )
  })
})

describe('health check-ups (Điều 11)', () => {
  it('only the nurse writes them', async () => {
    const data = {
      student: pupil3B.id,
      date: new Date().toISOString(),
      heightCm: 130,
      weightKg: 27,
    }
    for (const role of ROLES.filter((role) => role !== 'nurse')) {
      expect(
        await outcomeOf(() =>
          payload.create({
            collection: 'health-checkups',
            data,
            overrideAccess: false,
            user: users[role],
          }),
        ),
        role,
      ).toBe('refused')
    }
    const created = await payload.create({
      collection: 'health-checkups',
      data,
      overrideAccess: false,
      user: users.nurse,
    })
    expect(created.bmi).toBe(16)
    expect(String(idOf(created.examinedBy))).toBe(String(users.nurse.id))
    const edited = await payload.update({
      collection: 'health-checkups',
      id: created.id,
      data: { weightKg: 28 },
      overrideAccess: false,
      user: users.nurse,
    })
    expect(edited.bmi).toBe(16.6)
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'health-checkups',
          id: created.id,
          data: { weightKg: 20 },
          overrideAccess: false,
          user: users.homeroom_teacher,
        }),
      ),
    ).toBe('refused')
    await payload.delete({
      collection: 'health-checkups',
      id: created.id,
      overrideAccess: false,
      user: users.nurse,
    })
  })

  it('the nurse, leadership and the pupil’s homeroom teacher read them; subject teachers and the others do not', async () => {
    const of = (id: number | string) => ({ student: { equals: id } })
    const count = async (actor: Role, id: number | string) => {
      try {
        return (
          await payload.find({
            collection: 'health-checkups',
            where: of(id),
            limit: 0,
            overrideAccess: false,
            user: users[actor],
          })
        ).docs.length
      } catch (error) {
        if ((error as { status?: number }).status === 403) return 0
        throw error
      }
    }
    const seeded = (
      await payload.count({
        collection: 'health-checkups',
        where: of(pupil3B.id),
        overrideAccess: true,
      })
    ).totalDocs
    expect(seeded).toBeGreaterThanOrEqual(2)
    for (const role of ['nurse', 'principal', 'vice_principal', 'homeroom_teacher'] as const)
      expect(await count(role, pupil3B.id), role).toBe(seeded)
    for (const role of [
      'subject_teacher',
      'it_teacher',
      'group_head',
      'web_admin',
      'hr_officer',
      'clerk',
      'accountant',
    ] as const) {
      expect(await count(role, pupil3B.id), role).toBe(0)
    }
    // Not the check-ups of another class's pupil.
    expect(await count('homeroom_teacher', pupil1A.id)).toBe(0)
  })

  it('growth over time: the pupil’s check-ups come back in date order with height and weight growing', async () => {
    const { docs } = await payload.find({
      collection: 'health-checkups',
      where: { student: { equals: pupil3B.id } },
      sort: 'date',
      overrideAccess: false,
      user: users.homeroom_teacher,
    })
    expect(docs.length).toBeGreaterThanOrEqual(2)
    expect(docs.at(-1)!.heightCm!).toBeGreaterThan(docs[0].heightCm!)
    const pupil = await payload.findByID({
      collection: 'students',
      id: pupil3B.id,
      depth: 0,
      overrideAccess: false,
      user: users.nurse,
    })
    expect((pupil.checkups as { docs: unknown[] }).docs.length).toBe(docs.length)
  })
})

describe('staff records (Điều 16)', () => {
  it('the HR officer writes; leadership and HR read everyone; a teacher reads only their own profile', async () => {
    const teacher = users.homeroom_teacher
    const { docs: own } = await payload.find({
      collection: 'staff-profiles',
      limit: 0,
      overrideAccess: false,
      user: teacher,
    })
    expect(own.map((profile) => String(idOf(profile.user)))).toEqual([String(teacher.id)])
    const total = (await payload.count({ collection: 'staff-profiles', overrideAccess: true }))
      .totalDocs
    for (const role of ['principal', 'vice_principal', 'hr_officer'] as const) {
      expect(
        (
          await payload.find({
            collection: 'staff-profiles',
            limit: 0,
            overrideAccess: false,
            user: users[role],
          })
        ).docs.length,
        role,
      ).toBe(total)
    }
    const other = (
      await payload.find({
        collection: 'staff-profiles',
        where: { user: { equals: users.nurse.id } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(
      await outcomeOf(() =>
        payload.findByID({
          collection: 'staff-profiles',
          id: other.id,
          overrideAccess: false,
          user: teacher,
        }),
      ),
    ).toBe('refused')
    expect(
      await outcomeOf(() =>
        payload.findByID({
          collection: 'staff-profiles',
          id: other.id,
          overrideAccess: false,
          user: null,
        }),
      ),
    ).toBe('refused')

    const evaluation = {
      annualEvaluations: [{ schoolYear: '2025-2026', rating: 'excellent' as const }],
    }
    for (const role of ROLES.filter((role) => role !== 'hr_officer')) {
      expect(
        await outcomeOf(() =>
          payload.update({
            collection: 'staff-profiles',
            id: own[0].id,
            data: evaluation,
            overrideAccess: false,
            user: users[role],
          }),
        ),
        role,
      ).toBe('refused')
    }
    const updated = await payload.update({
      collection: 'staff-profiles',
      id: own[0].id,
      data: evaluation,
      overrideAccess: false,
      user: users.hr_officer,
    })
    expect(updated.annualEvaluations?.[0].rating).toBe('excellent')
  })
})

type RecordCollection = 'students' | 'health-checkups' | 'staff-profiles' | 'audit-log'
type Action = 'create' | 'read' | 'update' | 'delete'

/**
 * The same, by role alone (accounts holding one role, in no class or group): who may take each
 * action on someone else's record. Class-bound rights (homeroom, subject teacher) are above.
 */
const BY_ROLE: Record<RecordCollection, Record<Action, Actor[]>> = {
  students: {
    create: ['principal', 'vice_principal'],
    // The clerk: names, birth dates and classes only (FIELDS_OF_3B_PUPIL).
    read: ['principal', 'vice_principal', 'nurse', 'clerk'],
    update: ['principal', 'vice_principal'],
    delete: ['principal'],
  },
  'health-checkups': {
    create: ['nurse'],
    read: ['principal', 'vice_principal', 'nurse'],
    update: ['nurse'],
    delete: ['nurse'],
  },
  'staff-profiles': {
    create: ['hr_officer'],
    read: ['principal', 'vice_principal', 'hr_officer'],
    update: ['hr_officer'],
    delete: ['hr_officer'],
  },
  'audit-log': { create: [], read: ['principal'], update: [], delete: [] },
}

describe('records × roles × actions (role alone)', () => {
  const roleUsers = new Map<Role, User>()
  let made = 0
  beforeAll(async () => {
    for (const role of ROLES) roleUsers.set(role, await createTestUser(payload, [role]))
  })

  async function target(collection: RecordCollection): Promise<number | string> {
    made += 1
    switch (collection) {
      case 'students':
        return (
          await payload.create({
            collection: 'students',
            overrideAccess: true,
            data: {
              fullName: `Học sinh thử ${made}`,
              studentCode: `MT${String(made).padStart(6, '0')}`,
              dateOfBirth: '2017-05-05T00:00:00.000Z',
              gender: 'female',
              class: classIds['2A'],
              status: 'studying',
              guardians: [{ name: 'Mẹ', relationship: 'mother', phone: '0912000111' }],
            },
          })
        ).id
      case 'health-checkups':
        return (
          await payload.create({
            collection: 'health-checkups',
            overrideAccess: true,
            data: {
              student: pupil1A.id,
              date: '2026-09-20T00:00:00.000Z',
              heightCm: 120,
              weightKg: 23,
            },
          })
        ).id
      case 'staff-profiles':
        return (
          await payload.create({
            collection: 'staff-profiles',
            overrideAccess: true,
            data: { fullName: `Cán bộ thử ${made}`, email: `matrix-${made}@test.giathuong.edu.vn` },
          })
        ).id
      case 'audit-log':
        return (await payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true }))
          .docs[0].id
    }
  }

  const CHANGES: Record<RecordCollection, Record<string, unknown>> = {
    students: { permanentAddress: 'Địa chỉ mới' },
    'health-checkups': { notes: 'Ghi chú mới' },
    'staff-profiles': { permanentAddress: 'Địa chỉ mới' },
    'audit-log': { fields: ['sửa'] },
  }

  async function attempt(collection: RecordCollection, action: Action, user: User | null) {
    const as = { user, overrideAccess: false } as const
    switch (action) {
      case 'create':
        made += 1
        return outcomeOf(() => {
          const data: Record<RecordCollection, Record<string, unknown>> = {
            students: {
              fullName: 'Học sinh mới',
              studentCode: `NEW${String(made).padStart(6, '0')}`,
              dateOfBirth: '2018-01-02T00:00:00.000Z',
              gender: 'male',
              class: classIds['2A'],
              guardians: [{ name: 'Bố', relationship: 'father', phone: '0912000222' }],
            },
            'health-checkups': {
              student: pupil1A.id,
              date: '2026-09-21T00:00:00.000Z',
              heightCm: 121,
            },
            'staff-profiles': {
              fullName: 'Cán bộ mới',
              email: `new-profile-${made}@test.giathuong.edu.vn`,
            },
            'audit-log': { action: 'read', collection: 'students' },
          }
          return payload.create({ collection, data: data[collection] as never, ...as })
        })
      case 'read': {
        const id = await target(collection)
        return outcomeOf(() => payload.findByID({ collection, id, depth: 0, ...as }))
      }
      case 'update': {
        const id = await target(collection)
        const outcome = await outcomeOf(() =>
          payload.update({ collection, id, data: CHANGES[collection] as never, ...as }),
        )
        const after = (await payload.findByID({
          collection,
          id,
          depth: 0,
          overrideAccess: true,
        })) as unknown as Record<string, unknown>
        const [field, value] = Object.entries(CHANGES[collection])[0]
        expect(
          JSON.stringify(after[field]) === JSON.stringify(value),
          `${collection} saved ≠ outcome`,
        ).toBe(outcome === 'allowed')
        return outcome
      }
      case 'delete': {
        const id = await target(collection)
        const outcome = await outcomeOf(() => payload.delete({ collection, id, ...as }))
        const left = await payload.count({
          collection,
          where: { id: { equals: id } },
          overrideAccess: true,
        })
        expect(left.totalDocs === 0).toBe(outcome === 'allowed')
        return outcome
      }
    }
  }

  for (const collection of Object.keys(BY_ROLE) as RecordCollection[]) {
    for (const action of ['create', 'read', 'update', 'delete'] as Action[]) {
      it(`${collection} · ${action}: only ${BY_ROLE[collection][action].join(', ') || 'nobody'}`, async () => {
        for (const actor of [...ROLES, 'anonymous'] as Actor[]) {
          const user = actor === 'anonymous' ? null : roleUsers.get(actor)!
          const outcome = await attempt(collection, action, user)
          expect(outcome, `${actor} ${action} ${collection}`).toBe(
            BY_ROLE[collection][action].includes(actor) ? 'allowed' : 'refused',
          )
        }
      })
    }
  }
})
