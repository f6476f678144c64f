/**
 * The school's own face and its organisation page (issue 15, points 1–2): staff agree for
 * themselves to appear on the website, the public endpoint carries only the consenting staff's
 * name, public title and photo, a photo is public only while its owner agrees, and the school's
 * colours are refused below WCAG AA. Through the real REST handlers, each rule both ways.
 */
import sharp from 'sharp'
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { DEMO_CONSENTING } from '../../cms/src/seed/demo-face'
import { DEMO_STAFF, demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { createTestUser, findUserByEmail, useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
let anonymous: RestClientType
const clients = new Map<string, RestClientType>()

async function as(role: Role): Promise<RestClientType> {
  let client = clients.get(role)
  if (!client) {
    client = new RestClient()
    expect((await client.login(demoLoginEmail(role), demoPassword())).status, role).toBe(200)
    clients.set(role, client)
  }
  return client
}

async function loggedIn(user: User, password = 'TestUser@2024'): Promise<RestClientType> {
  const client = new RestClient()
  expect((await client.login(user.email, password)).status).toBe(200)
  return client
}

const staffName = (key: string) => DEMO_STAFF.find((person) => person.key === key)!.fullName
const NOT_CONSENTING = staffName('vp-activities')

async function portrait(client: RestClientType, alt: string): Promise<number> {
  const png = await sharp({
    create: { width: 120, height: 120, channels: 3, background: { r: 30, g: 90, b: 160 } },
  })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'anh.png')
  form.append('_payload', JSON.stringify({ alt }))
  const request = new Request('http://localhost:3000/api/media', { method: 'POST', body: form })
  const response = await client.raw(
    'POST',
    '/media',
    new Uint8Array(await request.arrayBuffer()),
    request.headers.get('Content-Type')!,
  )
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: number } }).doc.id
}

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  anonymous = new RestClient()
})

describe('consent to appear on the website: the account’s owner only', () => {
  it.each(['principal', 'vice_principal', 'hr_officer', 'web_admin', 'it_teacher'] as Role[])(
    'a %s cannot tick, title or picture someone else (403, nothing changed)',
    async (role) => {
      const colleague = await createTestUser(school.payload, ['subject_teacher'])
      const client = await as(role)
      for (const data of [
        { websiteConsent: true },
        { websiteTitle: 'Giáo viên' },
        { websiteConsent: false, websiteTitle: 'x' },
      ]) {
        const response = await client.patch(`/users/${colleague.id}`, data)
        expect(response.status, JSON.stringify(data)).toBe(403)
      }
      const after = await school.payload.findByID({
        collection: 'users',
        id: colleague.id,
        overrideAccess: true,
      })
      expect(after.websiteConsent).toBe(false)
      expect(after.websiteTitle ?? null).toBeNull()
    },
  )

  it('the owner ticks it, names a title and a photo, and takes it back', async () => {
    const me = await createTestUser(school.payload, ['subject_teacher'], {
      fullName: 'Vũ Thị Thử Đồng Ý',
    })
    const client = await loggedIn(me)
    const photo = await portrait(client, 'Ảnh của tôi')
    const agreed = await client.patch(`/users/${me.id}`, {
      websiteConsent: true,
      websiteTitle: 'Giáo viên Tiếng Anh',
      websitePhoto: photo,
    })
    expect(agreed.status).toBe(200)
    expect(agreed.body.doc).toMatchObject({
      websiteConsent: true,
      websiteTitle: 'Giáo viên Tiếng Anh',
    })
    const withdrawn = await client.patch(`/users/${me.id}`, { websiteConsent: false })
    expect(withdrawn.status).toBe(200)
    expect(withdrawn.body.doc.websiteConsent).toBe(false)
  })
})

describe('GET /api/public/organisation', () => {
  it('anyone reads it: the consenting staff by name, the others only counted', async () => {
    const response = await anonymous.get('/public/organisation')
    expect(response.status).toBe(200)
    const text = JSON.stringify(response.body)
    for (const key of ['principal', 'vp-academic', 'head-3', 'pioneer'])
      expect(text).toContain(staffName(key))
    expect(text).not.toContain(NOT_CONSENTING)
    // A teacher of the demo who never agreed.
    expect(text).not.toContain(staffName('homeroom-2b'))
    const vice = response.body.leadership.find(
      (entry: { role: string }) => entry.role === 'vice_principal',
    )
    expect(vice.count).toBe(2)
    expect(vice.people.map((person: { name: string }) => person.name)).toEqual([
      staffName('vp-academic'),
    ])
    const union = response.body.groups.find(
      (group: { name: string }) => group.name === 'Công đoàn trường',
    )
    expect(union.memberCount).toBe(DEMO_STAFF.length)
    expect(union.head.name).toBe(staffName('head-2'))
  })

  it('carries nothing else of an account: no email, phone, role, job title or id', async () => {
    const { body } = await anonymous.get('/public/organisation')
    const text = JSON.stringify(body)
    expect(text).not.toContain('@')
    for (const person of DEMO_STAFF) {
      expect(text).not.toContain(person.phone)
      // A job title reaches the page only as the title its owner chose to show.
      const chosen = DEMO_CONSENTING.find((entry) => entry.key === person.key)?.title
      if (chosen !== person.jobTitle) expect(text).not.toContain(`"${person.jobTitle}"`)
    }
    const people = [
      ...body.leadership.flatMap((entry: { people: unknown[] }) => entry.people),
      ...body.groups.flatMap((group: { head: unknown; members: unknown[] }) => [
        ...(group.head ? [group.head] : []),
        ...group.members,
      ]),
    ]
    expect(people.length).toBeGreaterThan(5)
    for (const person of people)
      expect(Object.keys(person).sort()).toEqual(['name', 'photo', 'title'])
    for (const key of ['email', 'phone', 'roles', 'jobTitle', 'websiteConsent', 'id'])
      expect(text).not.toContain(`"${key}"`)
  })

  it('a withdrawn consent leaves it at once, and the photo stops being public', async () => {
    const me = await createTestUser(school.payload, ['homeroom_teacher'], {
      fullName: 'Hoàng Văn Rút Lại',
    })
    const client = await loggedIn(me)
    const photo = await portrait(client, 'Ảnh chân dung')
    // Not on the website yet: the public cannot read it.
    expect((await anonymous.get(`/media/${photo}`)).status).toBe(404)
    await school.payload.update({
      collection: 'groups',
      where: { name: { equals: 'Công đoàn trường' } },
      data: {
        members: [
          ...(
            await school.payload.find({
              collection: 'groups',
              where: { name: { equals: 'Công đoàn trường' } },
              depth: 0,
              overrideAccess: true,
            })
          ).docs[0].members!.map((member) => (typeof member === 'object' ? member.id : member)),
          me.id,
        ],
      },
      overrideAccess: true,
    })
    expect(
      (await client.patch(`/users/${me.id}`, { websiteConsent: true, websitePhoto: photo })).status,
    ).toBe(200)
    let answer = JSON.stringify((await anonymous.get('/public/organisation')).body)
    expect(answer).toContain('Hoàng Văn Rút Lại')
    expect(answer).toContain(`"photo":${photo}`)
    expect((await anonymous.get(`/media/${photo}`)).status).toBe(200)

    expect((await client.patch(`/users/${me.id}`, { websiteConsent: false })).status).toBe(200)
    answer = JSON.stringify((await anonymous.get('/public/organisation')).body)
    expect(answer).not.toContain('Hoàng Văn Rút Lại')
    expect((await anonymous.get(`/media/${photo}`)).status).toBe(404)
  })

  it('the public still cannot read accounts themselves', async () => {
    expect((await anonymous.get('/users?limit=1')).status).toBe(403)
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    expect([403, 404]).toContain((await anonymous.get(`/users/${principal.id}`)).status)
  })
})

describe('the school’s colours (WCAG AA 4.5:1 on the site’s light backgrounds)', () => {
  it.each(['#ffcc00', '#777777', '#7f7f7f', 'blue', '#0b4f8', '#fff'])(
    'refuses %s with a Vietnamese message (400), keeps the colour it had',
    async (colour) => {
      const webAdmin = await as('web_admin')
      const before = await school.payload.findGlobal({ slug: 'school-profile' })
      const response = await webAdmin.request('POST', '/globals/school-profile', {
        primaryColor: colour,
      })
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toMatch(/#rrggbb|độ tương phản/)
      const after = await school.payload.findGlobal({ slug: 'school-profile' })
      expect(after.primaryColor).toBe(before.primaryColor)
    },
  )

  it.each(['#0b4f8a', '#b3261e', '#1e6b30', '#6a1b9a'])('takes %s', async (colour) => {
    const webAdmin = await as('web_admin')
    for (const field of ['primaryColor', 'accentColor']) {
      const response = await webAdmin.request('POST', '/globals/school-profile', {
        [field]: colour,
      })
      expect(response.status, field).toBe(200)
      expect(response.body.result[field]).toBe(colour)
    }
  })

  it('the message names the contrast, in Vietnamese first', async () => {
    const webAdmin = await as('web_admin')
    const response = await webAdmin.request('POST', '/globals/school-profile', {
      accentColor: '#ffcc00',
    })
    expect(JSON.stringify(response.body)).toContain('quá nhạt')
    expect(JSON.stringify(response.body)).toContain('4.5:1')
  })

  it('a teacher may not change the profile at all (403)', async () => {
    const teacher = await as('subject_teacher')
    const response = await teacher.request('POST', '/globals/school-profile', {
      primaryColor: '#0b4f8a',
    })
    expect(response.status).toBe(403)
  })
})

describe('quick links and the featured story', () => {
  it('a quick link goes to http(s) or a page of the site, never a script', async () => {
    const webAdmin = await as('web_admin')
    for (const url of ['javascript:alert(1)', '//evil.example/', 'data:text/html,x']) {
      const response = await webAdmin.request('POST', '/globals/school-profile', {
        quickLinks: [{ label: 'x', url }],
      })
      expect(response.status, url).toBe(400)
    }
    const fine = await webAdmin.request('POST', '/globals/school-profile', {
      quickLinks: [
        { label: 'Thực đơn', url: '/thuc-don/', description: 'Bữa trưa' },
        { label: 'Sở', url: 'https://hanoi.edu.vn' },
      ],
    })
    expect(fine.status).toBe(200)
  })

  it('the demo school features a published story, and shows an event to come', async () => {
    const profile = await anonymous.get('/globals/school-profile?depth=0')
    expect(profile.status).toBe(200)
    expect(profile.body.featuredPost).toBeTruthy()
    const events = await anonymous.get(
      `/posts?where[eventDate][greater_than]=${new Date().toISOString()}&depth=0`,
    )
    expect(events.status).toBe(200)
    expect(events.body.docs.length).toBeGreaterThan(0)
    expect(events.body.docs[0].eventPlace).toBeTruthy()
  })
})
