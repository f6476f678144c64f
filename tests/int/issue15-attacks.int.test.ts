/**
 * Attacks on the public website's second edition (issue 15), each through the real stack: what a
 * member of staff or an outsider tried against the notices' publication, the albums, the
 * disclosures, the timetables and the organisation page. Each test asserts the safe behaviour.
 */
import type { Payload } from 'payload'
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Album, Media, PublicNotice, Timetable, User } from '../../cms/src/payload-types'
import { drawDemoImage } from '../../cms/src/seed/demo-images'
import { scanPdf } from '../../cms/src/seed/demo-office-documents'
import { richText } from './support/content'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import type * as Rest from './support/rest'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let payload: Payload
let users: Record<Role, User>
let RestClient: typeof Rest.RestClient
let GraphQLClient: typeof Rest.GraphQLClient
let grade3: number

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  const { docs } = await payload.find({
    collection: 'groups',
    where: { name: { equals: 'Tổ khối 3' } },
    depth: 0,
    overrideAccess: true,
  })
  grade3 = docs[0].id
})

let images = 0
/** An image uploaded by `who`, private until something published shows it. */
async function upload(who: User): Promise<Media> {
  images += 1
  return payload.create({
    collection: 'media',
    user: { ...who, collection: 'users' },
    overrideAccess: false,
    data: { alt: `Ảnh tấn công ${images}` },
    file: await drawDemoImage({
      name: `anh-tan-cong-${images}.jpg`,
      alt: '',
      palette: ['#9fc5e8', '#93c47d', `#${(images * 30).toString(16).padStart(2, '0')}1100`],
    }),
  })
}

const anonymousMedia = async (id: number) => (await new RestClient().get(`/media/${id}`)).status

let albums = 0
async function newAlbum(rows: Array<{ image: number; caption?: string; pupils?: number[] }>) {
  albums += 1
  const response = await (
    await as('homeroom_teacher')
  ).post('/albums', {
    title: `Album tấn công ${albums}`,
    eventDate: '2026-11-20T00:00:00.000Z',
    description: 'Thử.',
    ownerGroup: grade3,
    images: rows,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as Album
}

async function noticesOf(collection: string, id: number | string): Promise<PublicNotice[]> {
  const { docs } = await payload.find({
    collection: 'public-notices',
    where: {
      and: [{ sourceCollection: { equals: collection } }, { sourceId: { equals: String(id) } }],
    },
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

async function liveTimetables(): Promise<Timetable[]> {
  const { docs } = await payload.find({
    collection: 'timetables',
    where: { publicationLive: { equals: true } },
    limit: 0,
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

const expect4xx = (status: number, what: string) => {
  expect(status, what).toBeGreaterThanOrEqual(400)
  expect(status, what).toBeLessThan(500)
}

describe('the publication path cannot be shortened', () => {
  let timetable: Timetable
  let before: PublicNotice[]
  beforeAll(async () => {
    timetable = (await liveTimetables())[1]!
    before = await noticesOf('timetables', timetable.id)
    expect(before.length).toBe(1)
  })

  it('an edit of a live timetable leaves the public version as it was, back to draft', async () => {
    const vp = await as('vice_principal')
    const entries = (structuredClone(timetable.entries) as unknown[]).slice(0, -1)
    const edited = await vp.patch(`/timetables/${timetable.id}`, { entries })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body.doc.publicationStage).toBe('draft')
    const after = await noticesOf('timetables', timetable.id)
    expect(after.map((n) => n.data)).toEqual(before.map((n) => n.data))
  })

  it('the vice-principal who sent it cannot approve it, nor publish it', async () => {
    const step = async (role: Role, action: string) =>
      (await as(role)).post(`/timetables/${timetable.id}/publication`, { action })
    expect((await step('vice_principal', 'submit')).status).toBe(200)
    expect((await step('vice_principal', 'approve')).status).toBe(403)
    expect((await step('web_admin', 'approve')).status).toBe(403)
    expect((await step('principal', 'approve')).status).toBe(200)
    expect((await step('vice_principal', 'publish')).status).toBe(403)
    expect((await step('principal', 'approve')).status).toBe(409)
    expect((await step('web_admin', 'publish')).status).toBe(200)
  })

  it('no client writes the stage or the live mark itself, in REST or GraphQL', async () => {
    const vp = await as('vice_principal')
    for (const data of [
      { publicationLive: false },
      { publicationStage: 'approved' },
      { approvedBy: users.vice_principal.id },
      { publishedAt: '2020-01-01T00:00:00.000Z' },
    ]) {
      const response = await vp.patch(`/timetables/${timetable.id}`, data)
      expect(response.status, JSON.stringify(data)).toBe(403)
    }
    const stored = await payload.findByID({ collection: 'timetables', id: timetable.id, depth: 0 })
    expect(stored.publicationStage).toBe('published')
    expect(stored.publicationLive).toBe(true)
    const created = await (
      await as('homeroom_teacher')
    ).post('/albums', {
      title: 'Album tự duyệt',
      eventDate: '2026-11-20T00:00:00.000Z',
      ownerGroup: grade3,
      publicationStage: 'approved',
      publicationLive: true,
    })
    expect(created.status).toBe(403)
  })

  it('only the web admin takes a notice down', async () => {
    const { docs } = await payload.find({
      collection: 'disclosures',
      where: { publicationLive: { equals: true } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    for (const role of ['vice_principal', 'accountant', 'homeroom_teacher'] as const) {
      const response = await (
        await as(role)
      ).post(`/disclosures/${docs[0].id}/publication`, { action: 'unpublish' })
      expect([403, 404], role).toContain(response.status)
    }
    const timetable = (await liveTimetables())[2]!
    const response = await (
      await as('vice_principal')
    ).post(`/timetables/${timetable.id}/publication`, { action: 'unpublish' })
    expect(response.status).toBe(403)
    expect((await noticesOf('disclosures', docs[0].id)).length).toBeGreaterThan(0)
    expect((await noticesOf('timetables', timetable.id)).length).toBe(1)
  })

  it('the public reads none of the source records', async () => {
    const anonymous = new RestClient()
    for (const path of ['/timetables', '/disclosures', '/albums', '/disclosure-files?limit=100']) {
      const response = await anonymous.get(path)
      if (response.status === 200) {
        // Only files on the website are listed to the public.
        expect(path).toContain('disclosure-files')
        for (const doc of response.body.docs) expect(doc.onWebsite, doc.id).toBe(true)
      } else expect([401, 403]).toContain(response.status)
    }
  })

  it('leadership cannot take a live timetable off the website by deleting it', async () => {
    // Albums and disclosures refuse the deletion of what is live (albumNotLive, noticeNotLive);
    // a take-down is the web admin's (publicationPolicy.unpublish).
    const response = await (await as('vice_principal')).delete(`/timetables/${timetable.id}`)
    expect([403, 409]).toContain(response.status)
    expect((await noticesOf('timetables', timetable.id)).length).toBe(1)
  })
})

describe('public notices cannot be forged', () => {
  it('by the web admin, the principal or anonymous, in REST or GraphQL', async () => {
    const forged = {
      kind: 'album',
      key: 'gia-mao',
      noticeKey: 'album:gia-mao',
      title: '<script>alert(1)</script>',
      path: '/../../../tmp/x/',
      data: { images: [] },
      changedAt: '2026-11-30T08:00:00.000Z',
      publishedAt: '2026-11-30T08:00:00.000Z',
    }
    for (const role of ['web_admin', 'principal'] as const) {
      expect((await (await as(role)).post('/public-notices', forged)).status, role).toBe(403)
    }
    expect((await new RestClient().post('/public-notices', forged)).status).toBeGreaterThanOrEqual(
      401,
    )
    const { docs } = await payload.find({ collection: 'public-notices', limit: 1, depth: 0 })
    const patched = await (
      await as('web_admin')
    ).patch(`/public-notices/${docs[0].id}`, { title: 'Đổi tay' })
    expect(patched.status).toBe(403)
    const gql = new GraphQLClient()
    const { demoLoginEmail, demoPassword } = await import('../../cms/src/seed/demo-school')
    await gql.login(demoLoginEmail('principal'), demoPassword())
    const result = await gql.query(
      `mutation { createPublicNotice(data: { kind: album, key: "g", noticeKey: "album:g",
        title: "x", path: "/thu-vien-anh/g/", data: "{}" }) { id } }`,
    )
    expect(result.data?.createPublicNotice ?? null).toBeNull()
    const { totalDocs } = await payload.count({
      collection: 'public-notices',
      where: { key: { in: ['gia-mao', 'g'] } },
      overrideAccess: true,
    })
    expect(totalDocs).toBe(0)
  })
})

describe("nobody writes someone else's website consent", () => {
  it('the principal cannot tick it for a teacher, nor create an account already agreeing', async () => {
    const principal = await as('principal')
    const target = users.subject_teacher
    const before = await payload.findByID({ collection: 'users', id: target.id, depth: 0 })
    const response = await principal.patch(`/users/${target.id}`, {
      websiteConsent: !before.websiteConsent,
      websiteTitle: 'Chức danh bịa',
    })
    expect(response.status).toBe(403)
    const after = await payload.findByID({ collection: 'users', id: target.id, depth: 0 })
    expect(after.websiteConsent).toBe(before.websiteConsent)
    expect(after.websiteTitle ?? null).toBe(before.websiteTitle ?? null)
    const created = await principal.post('/users', {
      fullName: 'Người chưa đồng ý',
      email: 'chua-dong-y@test.giathuong.edu.vn',
      password: 'TestUser@2024x',
      roles: ['subject_teacher'],
      websiteConsent: true,
    })
    if (created.status === 201) expect(created.body.doc.websiteConsent).toBe(false)
    else expect4xx(created.status, 'create with consent')
    const organisation = await new RestClient().get('/public/organisation')
    expect(JSON.stringify(organisation.body)).not.toContain('Người chưa đồng ý')
  })
})

describe("a consenting teacher's photo is their own picture only", () => {
  it("cannot make a colleague's private image public as their website photo", async () => {
    const secret = await upload(users.homeroom_teacher)
    expect(await anonymousMedia(secret.id)).toBeGreaterThanOrEqual(400)
    const teacher = users.subject_teacher
    // Acting as themselves: only they may tick their consent.
    await payload
      .update({
        collection: 'users',
        id: teacher.id,
        user: { ...teacher, collection: 'users' },
        overrideAccess: false,
        data: { websiteConsent: true, websitePhoto: secret.id },
      })
      .catch(() => undefined)
    const status = await anonymousMedia(secret.id)
    expect([403, 404], 'the colleague’s private image became public').toContain(status)
    const organisation = await new RestClient().get('/public/organisation')
    expect(JSON.stringify(organisation.body)).not.toMatch(new RegExp(`"photo":${secret.id}[,}]`))
  })
})

describe('the organisation page names only who agreed', () => {
  it('a non-consenting head or member is counted, never named, nor any account field', async () => {
    const { docs: groups } = await payload.find({
      collection: 'groups',
      where: { kind: { equals: 'professional' } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const head = users.nurse
    await payload.update({
      collection: 'users',
      id: head.id,
      data: { websiteConsent: false },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'groups',
      id: groups[0].id,
      data: { head: head.id },
      overrideAccess: true,
    })
    const { status, body } = await new RestClient().get('/public/organisation')
    expect(status).toBe(200)
    const text = JSON.stringify(body)
    expect(text).not.toContain(head.fullName)
    expect(text).not.toContain(head.email)
    expect(text).not.toMatch(/@|"roles"|"email"|"phone"/)
  })
})

describe('a draft album and its pupils stay with its makers', () => {
  let album: Album
  let image: Media
  let pupil: number
  beforeAll(async () => {
    image = await upload(users.homeroom_teacher)
    pupil = (await pupilOf(payload, 'Lớp 3B', 2)).id
    album = await newAlbum([{ image: image.id, caption: 'Bí mật', pupils: [pupil] }])
  })

  it('a colleague outside its group reads neither the album nor its image', async () => {
    for (const role of ['nurse', 'accountant', 'librarian'] as const) {
      const client = await as(role)
      expect([403, 404], role).toContain((await client.get(`/albums/${album.id}`)).status)
      expect([403, 404], role).toContain(
        (await client.get(`/albums/${album.id}/publication`)).status,
      )
      const listed = await client.get(`/albums?where[images.pupils][in]=${pupil}&depth=0`)
      expect(listed.body?.docs ?? [], role).toHaveLength(0)
    }
    expect([403, 404]).toContain(await anonymousMedia(image.id))
    expect([401, 403, 404]).toContain((await new RestClient().get(`/albums/${album.id}`)).status)
    const gql = await new GraphQLClient().query(`{ Album(id: ${album.id}) { id title } }`)
    expect(gql.data?.Album ?? null).toBeNull()
  })

  it("cannot take a colleague's private image into an album of one's own", async () => {
    const nurse = await as('nurse')
    const response = await nurse.post('/albums', {
      title: 'Album mượn ảnh',
      eventDate: '2026-11-20T00:00:00.000Z',
      images: [{ image: image.id, caption: 'Lấy trộm' }],
    })
    expect4xx(response.status, 'album with another’s private image')
  })

  it('keeps the pupils out of the published notice and its slug inside the albums', async () => {
    const teacher = await as('homeroom_teacher')
    const crafted = await teacher.post('/albums', {
      title: 'Album đường dẫn',
      slug: '../../../../tmp/<script>',
      eventDate: '2026-11-20T00:00:00.000Z',
      ownerGroup: grade3,
      images: [{ image: (await upload(users.homeroom_teacher)).id, caption: '<img src=x>' }],
    })
    if (crafted.status === 201) {
      expect(crafted.body.doc.slug).toMatch(/^[a-z0-9-]+$/)
    } else expect4xx(crafted.status, 'crafted slug')
  })
})

describe('hidden fields cannot be filtered or sorted by the public', () => {
  it('on media, disclosure files and notices, in every spelling', async () => {
    const anonymous = new RestClient()
    for (const query of [
      'media?where[inAlbums][exists]=true',
      'media?where[inAlbums.title][like]=a',
      'media?where[inAlbums.images.pupils][exists]=true',
      'media?where[or][0][inAlbums][exists]=true',
      'media?where[and][0][or][0][inAlbums.slug][like]=a',
      'media?sort=inAlbums',
      'media?sort=-inAlbums',
      'media?where[publishedIn.pupils][exists]=true',
      'media?where[uploadedBy.fullName][like]=a',
      'disclosure-files?where[publishedIn][exists]=true',
      'disclosure-files?where[publishedIn.section][equals]=finances',
      'disclosure-files?sort=-publishedIn',
      'public-notices?sort=-sourceId',
      'public-notices?where[and][0][sourceCollection][equals]=albums',
    ]) {
      const response = await anonymous.get(`/${query}`)
      expect4xx(response.status, query)
    }
    for (const [control, query] of [
      [
        '{ allMedia { docs { id } } }',
        '{ allMedia(where: { inAlbums: { exists: true } }) { docs { id } } }',
      ],
      [
        '{ DisclosureFiles { docs { id } } }',
        '{ DisclosureFiles(where: { publishedIn: { exists: true } }) { docs { id } } }',
      ],
      ['{ PublicNotices { docs { id } } }', '{ PublicNotices(sort: "sourceId") { docs { id } } }'],
    ]) {
      const allowed = await new GraphQLClient().query(control)
      expect(allowed.errors, control).toBeUndefined()
      const result = await new GraphQLClient().query(query)
      expect(result.errors?.length ?? 0, query).toBeGreaterThan(0)
    }
  })
})

describe('a withdrawn consent leaves the published notices', () => {
  it("a teacher who withdraws is no longer named on a live timetable's page", async () => {
    const notices = (
      await payload.find({
        collection: 'public-notices',
        where: { kind: { equals: 'timetable' } },
        limit: 0,
        depth: 0,
        overrideAccess: true,
      })
    ).docs
    const named = new Set(
      notices.flatMap((n) =>
        ((n.data as { lessons?: Array<{ teacher: string | null }> }).lessons ?? []).flatMap((l) =>
          l.teacher ? [l.teacher] : [],
        ),
      ),
    )
    const { docs: consenting } = await payload.find({
      collection: 'users',
      where: { websiteConsent: { equals: true } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    const teacher = consenting.find((u) => named.has(u.fullName))
    expect(teacher, 'a consenting teacher named on a timetable').toBeTruthy()
    await payload.update({
      collection: 'users',
      id: teacher!.id,
      user: { ...teacher!, collection: 'users' },
      overrideAccess: false,
      data: { websiteConsent: false },
    })
    const { docs: after } = await new RestClient()
      .get('/public-notices?where[kind][equals]=timetable&limit=0&depth=0')
      .then((r) => r.body)
    expect(JSON.stringify(after)).not.toContain(teacher!.fullName)
  })
})

describe('bad input to the new endpoints is a 4xx, never a 500', () => {
  it('the publication endpoint', async () => {
    const teacher = await as('homeroom_teacher')
    const album = await newAlbum([{ image: (await upload(users.homeroom_teacher)).id }])
    const cases: Array<[string, string | undefined]> = [
      [`/albums/${album.id}/publication`, '['],
      [`/albums/${album.id}/publication`, 'null'],
      [`/albums/${album.id}/publication`, '"submit"'],
      [`/albums/${album.id}/publication`, JSON.stringify({ action: ['submit'] })],
      [`/albums/${album.id}/publication`, JSON.stringify({ action: 'return', comment: {} })],
      [`/albums/${album.id}/publication`, JSON.stringify({ action: 'constructor' })],
      [`/albums/${album.id}/publication`, JSON.stringify({ action: '__proto__' })],
      ['/albums/abc/publication', JSON.stringify({ action: 'submit' })],
      ['/albums/999999/publication', JSON.stringify({ action: 'submit' })],
      ['/albums/1e3/publication', JSON.stringify({ action: 'submit' })],
      ['/disclosures/-1/publication', JSON.stringify({ action: 'publish' })],
      ['/timetables/0x1/publication', JSON.stringify({ action: 'approve' })],
    ]
    for (const [path, body] of cases) {
      const response = await teacher.request('POST', path, undefined, body)
      expect4xx(response.status, `${path} ${body}`)
    }
    for (const path of ['/albums/abc/publication', '/timetables/999999/publication']) {
      expect4xx((await teacher.get(path)).status, path)
    }
    expect4xx(
      (await new RestClient().post(`/albums/${album.id}/publication`, { action: 'submit' })).status,
      'anonymous',
    )
  })

  it('the timetable check', async () => {
    const vp = await as('vice_principal')
    const { docs } = await payload.find({ collection: 'timetables', limit: 1, depth: 0 })
    const base = {
      class: docs[0].class,
      schoolYear: docs[0].schoolYear,
      validFrom: docs[0].validFrom,
      saturday: false,
      entries: [],
    }
    for (const change of [
      { entries: 'x' },
      { entries: [null] },
      { entries: [{ day: {}, period: 'x', subject: 1, teacher: 'a', room: {} }] },
      { entries: [{ day: 'mon', period: 1e9, subject: 'toan', teacher: -1 }] },
      { entries: { length: 3 } },
      { class: { id: 'x' } },
      { class: 'abc' },
      { class: 999999 },
      { id: 'abc' },
      { id: { equals: 1 } },
      { validFrom: 'not a date' },
      { validFrom: '2026-02-31' },
    ]) {
      const response = await vp.post('/timetables/check', { ...base, ...change })
      expect(response.status, JSON.stringify(change)).toBeLessThan(500)
    }
    const raw = await vp.request('POST', '/timetables/check', undefined, '{')
    expect4xx(raw.status, 'broken JSON')
    expect([401, 403]).toContain((await new RestClient().post('/timetables/check', base)).status)
    expect((await (await as('homeroom_teacher')).post('/timetables/check', base)).status).toBe(403)
  })
})

describe('what leadership approved is what goes live', () => {
  it("the accountant cannot swap an approved disclosure's PDF before it is published", async () => {
    const accountant = users.accountant
    const approved = await scanPdf('Dự toán đã duyệt', ['Thu 100.000 đồng'])
    const file = await payload.create({
      collection: 'disclosure-files',
      data: { title: 'Dự toán thu chi' },
      file: {
        data: approved,
        mimetype: 'application/pdf',
        name: 'du-toan.pdf',
        size: approved.length,
      },
      user: accountant,
      overrideAccess: false,
      depth: 0,
    })
    const created = await (
      await as('accountant')
    ).post('/disclosures', {
      section: 'finances',
      schoolYear: '2019-2020',
      body: richText('Dự toán thu chi.'),
      documents: [{ file: file.id }],
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id
    const step = async (role: Role, action: string) =>
      (await as(role)).post(`/disclosures/${id}/publication`, { action })
    const draftFile = `/disclosure-files/file/${encodeURIComponent(file.filename!)}`
    expect([403, 404]).toContain((await new RestClient().raw('GET', draftFile)).status)
    expect([403, 404]).toContain(
      (await new RestClient().get(`/disclosure-files/${file.id}`)).status,
    )
    expect((await step('accountant', 'submit')).status).toBe(200)
    expect((await step('principal', 'approve')).status).toBe(200)
    const swapped = await scanPdf('Dự toán khác', ['Thu 900.000 đồng'])
    let refused = false
    await payload
      .update({
        collection: 'disclosure-files',
        id: file.id,
        data: { title: 'Dự toán thu chi (sửa)' },
        file: {
          data: swapped,
          mimetype: 'application/pdf',
          name: 'du-toan-2.pdf',
          size: swapped.length,
        },
        user: accountant,
        overrideAccess: false,
        depth: 0,
      })
      .catch(() => {
        refused = true
      })
    if (!refused) {
      const stored = await payload.findByID({ collection: 'disclosure-files', id: file.id })
      expect(stored.title).toBe('Dự toán thu chi (sửa)')
      expect(stored.filename).not.toBe(file.filename)
    }
    const published = await step('web_admin', 'publish')
    // Safe: the swap is refused, or the swap voids the approval (publish answers 409).
    expect(
      refused || published.status === 409,
      `swap ${!refused}, publish ${published.status}`,
    ).toBe(true)
  })

  it("an album's maker cannot replace an approved image's picture before it is published", async () => {
    const image = await upload(users.homeroom_teacher)
    const album = await newAlbum([{ image: image.id, caption: 'Đã duyệt' }])
    const step = async (role: Role, action: string) =>
      (await as(role)).post(`/albums/${album.id}/publication`, { action })
    expect((await step('homeroom_teacher', 'submit')).status).toBe(200)
    expect((await step('vice_principal', 'approve')).status).toBe(200)
    let refused = false
    await payload
      .update({
        collection: 'media',
        id: image.id,
        data: { alt: 'Ảnh khác' },
        file: await drawDemoImage({
          name: 'anh-thay.jpg',
          alt: '',
          palette: ['#000000', '#ff0000', '#00ff00'],
        }),
        user: { ...users.homeroom_teacher, collection: 'users' },
        overrideAccess: false,
        depth: 0,
      })
      .catch(() => {
        refused = true
      })
    const published = await step('web_admin', 'publish')
    expect(
      refused || published.status === 409,
      `swap ${!refused}, publish ${published.status}`,
    ).toBe(true)
  })
})

describe("the school profile's pictures follow the pupils' consent", () => {
  it('the web admin cannot publish a draft album image of a pupil without consent as the banner', async () => {
    const image = await upload(users.homeroom_teacher)
    const pupil = await pupilOf(payload, 'Lớp 3B', 6)
    await payload.update({
      collection: 'students',
      id: pupil.id,
      data: { consent: { guardian: false, pupil: false } },
      overrideAccess: true,
    })
    await newAlbum([{ image: image.id, caption: 'Chưa đồng ý', pupils: [pupil.id] }])
    expect([403, 404]).toContain(await anonymousMedia(image.id))
    const response = await (
      await as('web_admin')
    ).request('POST', '/globals/school-profile', { banner: image.id })
    if (response.status < 400) expect([403, 404]).toContain(await anonymousMedia(image.id))
    else expect4xx(response.status, 'banner')
  })
})
