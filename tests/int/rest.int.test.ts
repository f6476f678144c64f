/**
 * The REST API as a browser or another system uses it: real logins, JSON bodies, status codes.
 * A sample of the policy matrix over HTTP, bad input that must answer 4xx (never 500) and lose
 * nothing, and the lockout after repeated failed logins.
 */
import { ROLES } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType

beforeAll(async () => {
  // The route handlers read the config at import: after the test school has set the database.
  ;({ RestClient } = await import('./support/rest'))
})

async function loggedIn(role: (typeof ROLES)[number]) {
  const client = new RestClient()
  const response = await client.login(demoLoginEmail(role), demoPassword())
  expect(response.status).toBe(200)
  return client
}

describe('demo logins over REST', () => {
  it.each(ROLES)('%s logs in and the response carries the role', async (role) => {
    const client = new RestClient()
    const response = await client.login(demoLoginEmail(role), demoPassword())
    expect(response.status).toBe(200)
    expect(response.body.user.roles).toContain(role)
    expect(response.body.user.email).toBe(demoLoginEmail(role))
    // Secrets never leave the server.
    expect(response.body.user.hash).toBeUndefined()
    expect(response.body.user.salt).toBeUndefined()
  })

  it('a wrong password is refused with 401 and a Vietnamese message', async () => {
    const response = await new RestClient().login(demoLoginEmail('clerk'), 'sai-mat-khau')
    expect(response.status).toBe(401)
    expect(response.body.errors[0].message).toMatch(/không chính xác|không đúng|sai/i)
  })
})

describe('policy sample over REST', () => {
  it('the principal creates an account; a teacher cannot; the public cannot even list accounts', async () => {
    const principal = await loggedIn('principal')
    const created = await principal.post('/users', {
      fullName: 'Nguyễn Văn Mới',
      email: 'moi.nv@test.giathuong.edu.vn',
      password: 'GiaoVien@2024',
      roles: ['subject_teacher'],
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['subject_teacher'])

    const teacher = await loggedIn('homeroom_teacher')
    const refused = await teacher.post('/users', {
      fullName: 'Không được',
      email: 'khong@test.giathuong.edu.vn',
      password: 'GiaoVien@2024',
      roles: ['principal'],
    })
    expect(refused.status).toBe(403)

    const anonymous = await new RestClient().get('/users')
    expect(anonymous.status).toBe(403)
    expect(JSON.stringify(anonymous.body)).not.toContain('@demo.giathuong.edu.vn')
  })

  it('a teacher changing their own roles over REST gets 403 and keeps their roles', async () => {
    const teacher = await loggedIn('subject_teacher')
    const me = await teacher.get('/users/me')
    const response = await teacher.patch(`/users/${me.body.user.id}`, { roles: ['principal'] })
    expect(response.status).toBe(403)
    expect(response.body.errors[0].message).toBe('Bạn không có quyền thay đổi trường "Vai trò".')
    const after = await teacher.get('/users/me')
    expect(after.body.user.roles).toEqual(['subject_teacher'])
  })

  it('speaks English to a user who chose English', async () => {
    const client = new RestClient('en')
    await client.login(demoLoginEmail('nurse'), demoPassword())
    const me = await client.get('/users/me')
    const response = await client.patch(`/users/${me.body.user.id}`, { roles: ['principal'] })
    expect(response.body.errors[0].message).toBe('You may not change the field "Roles".')
  })
})

describe('bad input answers 4xx with a clear message and loses nothing', () => {
  it('malformed JSON → 400', async () => {
    const principal = await loggedIn('principal')
    const response = await principal.request(
      'POST',
      '/users',
      undefined,
      '{"fullName": "thiếu ngoặc"',
    )
    expect(response.status).toBe(400)
  })

  it.each([
    ['a string', '"Lớp 6A"'],
    ['a number', '42'],
    ['a list', '[{"name": "Lớp 6A"}]'],
    ['null', 'null'],
  ])('a JSON body that is %s, not an object → 400 with a message', async (_kind, body) => {
    const principal = await loggedIn('principal')
    const before = await principal.get('/groups?limit=0')
    const created = await principal.request('POST', '/groups', undefined, body)
    expect(created.status).toBe(400)
    const { body: group } = await principal.get('/groups?limit=1&depth=0')
    const updated = await principal.request('PATCH', `/groups/${group.docs[0].id}`, undefined, body)
    expect(updated.status).toBe(400)
    expect(JSON.stringify(updated.body)).toMatch(/đối tượng JSON|JSON/)
    expect((await principal.get('/groups?limit=0')).body.totalDocs).toBe(before.body.totalDocs)
  })

  it('an id that cannot exist → 404 in Vietnamese, not 500', async () => {
    const principal = await loggedIn('principal')
    for (const path of ['/users/abc', '/groups/999999', '/users/-1', '/groups/%27%20OR%201=1']) {
      const response = await principal.get(path)
      expect(response.status, path).toBe(404)
      expect(response.body.errors[0].message).toBe('Không tìm thấy')
    }
    expect((await principal.request('PATCH', '/groups/xyz', { name: 'A' })).status).toBe(404)
    expect((await principal.delete('/users/xyz')).status).toBe(404)
  })

  it('invalid fields → 400 naming each field in Vietnamese', async () => {
    const principal = await loggedIn('principal')
    const response = await principal.post('/users', {
      email: 'không-phải-email',
      roles: ['hieu_pho'],
      phone: '123',
    })
    expect(response.status).toBe(400)
    const paths = response.body.errors[0].data.errors
      .map((error: { path: string }) => error.path)
      .sort()
    expect(paths).toEqual(['email', 'fullName', 'phone', 'roles'])
    const phone = response.body.errors[0].data.errors.find(
      (error: { path: string }) => error.path === 'phone',
    )
    expect(phone.message).toMatch(/Số điện thoại không hợp lệ/)
  })

  it('a duplicate email → 400, and the existing account is untouched', async () => {
    const principal = await loggedIn('principal')
    const response = await principal.post('/users', {
      fullName: 'Trùng email',
      email: demoLoginEmail('clerk'),
      password: 'Trung@2024',
      roles: ['clerk'],
    })
    expect(response.status).toBe(400)
    const clerk = await new RestClient().login(demoLoginEmail('clerk'), demoPassword())
    expect(clerk.status).toBe(200)
    expect(clerk.body.user.fullName).not.toBe('Trùng email')
  })

  it('an invalid update leaves the saved record as it was', async () => {
    const principal = await loggedIn('principal')
    const { body } = await principal.get('/groups?where[name][equals]=L%E1%BB%9Bp%203A&depth=0')
    const group = body.docs[0]
    const response = await principal.patch(`/groups/${group.id}`, { grade: 9, name: 'Lớp 3A mới' })
    expect(response.status).toBe(400)
    expect(response.body.errors[0].data.errors[0].message).toBe('Lớp học cần có khối từ 1 đến 5.')
    const after = await principal.get(`/groups/${group.id}?depth=0`)
    expect(after.body.name).toBe('Lớp 3A')
    expect(after.body.grade).toBe(3)
  })

  it('a weak password → 400 with the rule, on create and on change; a strong one is accepted', async () => {
    const principal = await loggedIn('principal')
    const weak = await principal.post('/users', {
      fullName: 'Mật Khẩu Yếu',
      email: 'yeu@test.giathuong.edu.vn',
      password: '12345678',
      roles: ['clerk'],
    })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(weak.body)).toContain('Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.')
    const teacher = await loggedIn('homeroom_teacher')
    const me = await teacher.get('/users/me')
    expect((await teacher.patch(`/users/${me.body.user.id}`, { password: 'abc' })).status).toBe(400)
    expect(
      (await new RestClient().login(demoLoginEmail('homeroom_teacher'), demoPassword())).status,
    ).toBe(200)
    const strong = await principal.post('/users', {
      fullName: 'Mật Khẩu Mạnh',
      email: 'manh@test.giathuong.edu.vn',
      password: 'Truong2024',
      roles: ['clerk'],
    })
    expect(strong.status).toBe(201)
  })

  it('a query on an unknown field → 400', async () => {
    const principal = await loggedIn('principal')
    expect((await principal.get('/users?where[khong_co][equals]=1')).status).toBe(400)
  })
})

describe('lockout after repeated failed logins (Điều 4, 17.6)', () => {
  it('locks the account after 5 wrong passwords, even against the right one, and says so', async () => {
    const principal = await loggedIn('principal')
    const email = 'khoa.tk@test.giathuong.edu.vn'
    await principal.post('/users', {
      fullName: 'Thử Khóa',
      email,
      password: 'DungMatKhau@1',
      roles: ['librarian'],
    })
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await new RestClient().login(email, 'sai')).status).toBe(401)
    }
    const locked = await new RestClient().login(email, 'DungMatKhau@1')
    expect(locked.status).toBe(401)
    expect(locked.body.errors[0].message).toMatch(/khóa|khoá/i)
    // Others are not affected.
    expect((await new RestClient().login(demoLoginEmail('librarian'), demoPassword())).status).toBe(
      200,
    )
    void school
  })
})
