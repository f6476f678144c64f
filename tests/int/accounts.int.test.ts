/**
 * Account rules beyond the matrix (Điều 4, 5.1, 5.2): people keep their own name, phone and
 * password; nobody changes their own roles; the principal delegates account management; a
 * delegate cannot take over the principal's account. Each rule is tested both ways.
 */
import { ROLES, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import { authorize, isAllowed } from '../../cms/src/access/authorize'
import { collectionPolicy } from '../../cms/src/access/policy'
import type { User } from '../../cms/src/payload-types'
import { demoLoginEmail } from '../../cms/src/seed/demo-school'
import { outcomeOf } from './support/outcome'
import { createTestUser, findUserByEmail, useTestSchool } from './support/payload'

const school = useTestSchool()

const asUser = (user: User) => ({ user, overrideAccess: false }) as const

let principal: User
let delegate: User

beforeAll(async () => {
  principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
  delegate = await createTestUser(school.payload, ['it_teacher'], { canManageAccounts: true })
})

describe('own account', () => {
  it.each(ROLES)('a %s updates their own name, phone and password', async (role) => {
    const { payload } = school
    const me = await createTestUser(payload, [role])
    await payload.update({
      collection: 'users',
      id: me.id,
      ...asUser(me),
      data: { fullName: 'Tên mới', phone: '0901 234 567', password: 'NewPass@2025' },
    })
    const after = await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true })
    expect(after.fullName).toBe('Tên mới')
    expect(after.phone).toBe('0901 234 567')
    const login = await payload.login({
      collection: 'users',
      data: { email: me.email, password: 'NewPass@2025' },
    })
    expect(login.user?.id).toBe(me.id)
  })

  it.each(ROLES)('a %s cannot change their own roles (403, nothing changed)', async (role) => {
    const { payload } = school
    const me = await createTestUser(payload, [role])
    const other: Role = role === 'principal' ? 'vice_principal' : 'principal'
    const error = await payload
      .update({ collection: 'users', id: me.id, ...asUser(me), data: { roles: [role, other] } })
      .catch((caught: { status?: number; message: string }) => caught)
    expect(error).toMatchObject({ status: 403 })
    expect((error as Error).message).toContain('Vai trò')
    const after = await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true })
    expect(after.roles).toEqual([role])
  })

  it("sending one's own unchanged roles with other fields is fine (the admin form does so)", async () => {
    const { payload } = school
    const me = await createTestUser(payload, ['nurse'])
    await payload.update({
      collection: 'users',
      id: me.id,
      ...asUser(me),
      data: { roles: ['nurse'], fullName: 'Y tá' },
    })
    expect(
      (await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true })).fullName,
    ).toBe('Y tá')
  })

  it("a teacher cannot change their own login email; the principal can change anyone's", async () => {
    const { payload } = school
    const me = await createTestUser(payload, ['homeroom_teacher'])
    await expect(
      payload.update({
        collection: 'users',
        id: me.id,
        ...asUser(me),
        data: { email: 'khac@test.giathuong.edu.vn' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.update({
      collection: 'users',
      id: me.id,
      ...asUser(principal),
      data: { email: 'moi@test.giathuong.edu.vn' },
    })
    expect(
      (await payload.findByID({ collection: 'users', id: me.id, overrideAccess: true })).email,
    ).toBe('moi@test.giathuong.edu.vn')
  })

  it('nobody deletes their own account, the principal included', async () => {
    const { payload } = school
    const otherPrincipal = await createTestUser(payload, ['principal'])
    expect(
      await outcomeOf(() =>
        payload.delete({ collection: 'users', id: otherPrincipal.id, ...asUser(otherPrincipal) }),
      ),
    ).toBe('refused')
    expect(
      await outcomeOf(() =>
        payload.delete({ collection: 'users', id: otherPrincipal.id, ...asUser(principal) }),
      ),
    ).toBe('allowed')
  })

  it("a bulk delete by the principal never takes the principal's own account", async () => {
    const { payload } = school
    const result = await payload.delete({
      collection: 'users',
      where: { id: { equals: principal.id } },
      ...asUser(principal),
    })
    expect(result.docs).toHaveLength(0)
    expect(
      (
        await payload.count({
          collection: 'users',
          where: { id: { equals: principal.id } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(1)
  })
})

describe('delegated account management (Điều 5.2)', () => {
  it('the principal grants the delegation; nobody else can, and the principal not to themself', async () => {
    const { payload } = school
    const target = await createTestUser(payload, ['clerk'])
    const vicePrincipal = await findUserByEmail(payload, demoLoginEmail('vice_principal'))
    await expect(
      payload.update({
        collection: 'users',
        id: target.id,
        ...asUser(vicePrincipal),
        data: { canManageAccounts: true },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: 'users',
        id: target.id,
        ...asUser(delegate),
        data: { canManageAccounts: true },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: 'users',
        id: principal.id,
        ...asUser(principal),
        data: { canManageAccounts: true },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.update({
      collection: 'users',
      id: target.id,
      ...asUser(principal),
      data: { canManageAccounts: true },
    })
    expect(
      (await payload.findByID({ collection: 'users', id: target.id, overrideAccess: true }))
        .canManageAccounts,
    ).toBe(true)
  })

  it('a delegate creates accounts and assigns roles to others', async () => {
    const { payload } = school
    const created = await payload.create({
      collection: 'users',
      ...asUser(delegate),
      data: {
        fullName: 'Giáo viên mới',
        email: 'gvmoi@test.giathuong.edu.vn',
        password: 'Teacher@2024',
        roles: ['subject_teacher'],
      },
    })
    await payload.update({
      collection: 'users',
      id: created.id,
      ...asUser(delegate),
      data: { roles: ['subject_teacher', 'homeroom_teacher'] },
    })
    expect(
      (await payload.findByID({ collection: 'users', id: created.id, overrideAccess: true })).roles,
    ).toEqual(['subject_teacher', 'homeroom_teacher'])
  })

  it('a delegate cannot change their own roles', async () => {
    await expect(
      school.payload.update({
        collection: 'users',
        id: delegate.id,
        ...asUser(delegate),
        data: { roles: ['it_teacher', 'vice_principal'] },
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it("a delegate cannot give the principal role, nor touch a principal's account", async () => {
    const { payload } = school
    await expect(
      payload.create({
        collection: 'users',
        ...asUser(delegate),
        data: {
          fullName: 'Giả mạo',
          email: 'gia@test.giathuong.edu.vn',
          password: 'Fake@2024',
          roles: ['principal'],
        },
      }),
    ).rejects.toMatchObject({ status: 403 })
    const plain = await createTestUser(payload, ['accountant'])
    await expect(
      payload.update({
        collection: 'users',
        id: plain.id,
        ...asUser(delegate),
        data: { roles: ['principal'] },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'users',
          id: principal.id,
          ...asUser(delegate),
          data: { password: 'Stolen@2024' },
        }),
      ),
    ).toBe('refused')
    expect(
      await outcomeOf(() =>
        payload.delete({ collection: 'users', id: principal.id, ...asUser(delegate) }),
      ),
    ).toBe('refused')
    // A principal who also holds another role is still the principal.
    const twoHats = await createTestUser(payload, ['vice_principal', 'principal'])
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'users',
          id: twoHats.id,
          ...asUser(delegate),
          data: { fullName: 'X' },
        }),
      ),
    ).toBe('refused')
  })

  it('without the delegation the same person manages no account', async () => {
    const { payload } = school
    const itTeacher = await createTestUser(payload, ['it_teacher'])
    const target = await createTestUser(payload, ['clerk'])
    expect(
      await outcomeOf(() =>
        payload.create({
          collection: 'users',
          ...asUser(itTeacher),
          data: {
            fullName: 'A',
            email: 'a@test.giathuong.edu.vn',
            password: 'Aaaa@2024',
            roles: ['clerk'],
          },
        }),
      ),
    ).toBe('refused')
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'users',
          id: target.id,
          ...asUser(itTeacher),
          data: { fullName: 'B' },
        }),
      ),
    ).toBe('refused')
  })
})

describe('authorize() and isAllowed(): the policy as endpoints and hooks ask it', () => {
  it('answers per document when the rule depends on the document', async () => {
    const { payload } = school
    const me = await createTestUser(payload, ['librarian'])
    const someoneElse = await createTestUser(payload, ['clerk'])
    const req = { user: me, payload, context: {} } as never
    const users = collectionPolicy.users
    expect(await isAllowed(req, users.update, { collection: 'users', id: me.id })).toBe(true)
    expect(await isAllowed(req, users.update, { collection: 'users', id: someoneElse.id })).toBe(
      false,
    )
    expect(await isAllowed(req, users.create)).toBe(false)
    const principalReq = { user: principal, payload, context: {} } as never
    const target = { collection: 'users', id: someoneElse.id } as const
    expect(await isAllowed(principalReq, users.delete, target)).toBe(true)
    expect(
      await isAllowed(principalReq, users.delete, { collection: 'users', id: principal.id }),
    ).toBe(false)
  })

  it('throws 403 with the message, or 401 when nobody is logged in', async () => {
    const { payload } = school
    const me = await createTestUser(payload, ['librarian'])
    const refusal = { vi: 'Không được.', en: 'No.' }
    const asMe = { user: me, payload, context: {} } as never
    await expect(authorize(asMe, collectionPolicy.users.create, refusal)).rejects.toMatchObject({
      status: 403,
      message: 'Không được.',
    })
    const anonymous = { user: null, payload, context: {} } as never
    await expect(
      authorize(anonymous, collectionPolicy.users.create, refusal),
    ).rejects.toMatchObject({ status: 401 })
    await expect(authorize(asMe, collectionPolicy.users.read, refusal)).resolves.toBeUndefined()
  })
})

describe('school profile (public, edited by the principal and the web admin)', () => {
  it.each(ROLES)('%s', async (role) => {
    const { payload } = school
    const user = await createTestUser(payload, [role])
    const expected = role === 'principal' || role === 'web_admin' ? 'allowed' : 'refused'
    expect(
      await outcomeOf(() =>
        payload.updateGlobal({
          slug: 'school-profile',
          ...asUser(user),
          data: { motto: `Khẩu hiệu ${role}` },
        }),
      ),
    ).toBe(expected)
  })

  it('anyone reads it, without logging in', async () => {
    const profile = await school.payload.findGlobal({
      slug: 'school-profile',
      overrideAccess: false,
    })
    expect(profile.name).toBe('Trường Tiểu học Gia Thượng')
    expect(
      await outcomeOf(() =>
        school.payload.updateGlobal({
          slug: 'school-profile',
          overrideAccess: false,
          data: { motto: 'x' },
        }),
      ),
    ).toBe('refused')
  })
})
