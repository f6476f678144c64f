/**
 * Photo albums (issue 15, Thư viện ảnh): kept by those who may write posts for the album's group,
 * published through the notices' publication, refused while an image shows a pupil without the
 * needed consent, taken down when a consent is withdrawn; their images are public exactly while
 * the album is live, and nothing of the pupils ever reaches the public.
 */
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Album, Media, Student, User } from '../../cms/src/payload-types'
import { drawDemoImage } from '../../cms/src/seed/demo-images'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import type * as Rest from './support/rest'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>
let RestClient: typeof Rest.RestClient
let GraphQLClient: typeof Rest.GraphQLClient
let grade3: number
let images = 0

beforeAll(async () => {
  users = await demoUsers(school.payload)
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { name: { equals: 'Tổ khối 3' } },
    depth: 0,
    overrideAccess: true,
  })
  grade3 = docs[0].id
})

/** An image uploaded by `who` (as the admin's upload drawer does, acting as them). */
async function upload(who: User): Promise<Media> {
  images += 1
  return school.payload.create({
    collection: 'media',
    user: { ...who, collection: 'users' },
    overrideAccess: false,
    data: { alt: `Ảnh thử ${images}` },
    file: await drawDemoImage({
      name: `anh-thu-${images}.jpg`,
      alt: '',
      palette: ['#9fc5e8', '#93c47d', `#${(images * 40).toString(16).padStart(2, '0')}0000`],
    }),
  })
}

let albums = 0
/** A new album of Tổ khối 3 made by the 3B homeroom teacher through REST. */
async function newAlbum(imageRows: Array<{ image: number; caption?: string; pupils?: number[] }>) {
  albums += 1
  const response = await (
    await as('homeroom_teacher')
  ).post('/albums', {
    title: `Ngày hội đọc sách lớp 3B số ${albums}`,
    eventDate: '2026-11-20T00:00:00.000Z',
    description: 'Các em giới thiệu cuốn sách yêu thích.',
    ownerGroup: grade3,
    images: imageRows,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as Album
}

async function step(role: Role, id: number, action: string, comment?: string) {
  return (await as(role)).post(`/albums/${id}/publication`, { action, comment })
}

/** Submitted by its maker, approved by a vice-principal, published by the web admin. */
async function publish(id: number) {
  expect((await step('homeroom_teacher', id, 'submit')).status).toBe(200)
  expect((await step('vice_principal', id, 'approve')).status).toBe(200)
  return step('web_admin', id, 'publish')
}

async function noticeOf(album: Pick<Album, 'slug'>) {
  const { body } = await new RestClient().get(
    `/public-notices?where[noticeKey][equals]=album:${album.slug}&depth=0`,
  )
  return body.docs[0] as Record<string, unknown> | undefined
}

const anonymousMedia = async (id: number) => (await new RestClient().get(`/media/${id}`)).status

/** A pupil of 3B aged 7 or more (all of grade 3 are), with the consents given. */
async function pupilWithConsent(index: number, consent: { guardian: boolean; pupil: boolean }) {
  const pupil = await pupilOf(school.payload, 'Lớp 3B', index)
  await school.payload.update({
    collection: 'students',
    id: pupil.id,
    data: { consent },
    overrideAccess: true,
  })
  return pupil
}

describe('who keeps an album', () => {
  let album: Album
  beforeAll(async () => {
    album = await newAlbum([{ image: (await upload(users.homeroom_teacher)).id, caption: 'Một' }])
  })

  it('is its makers and the people of its group, who edit it', async () => {
    const idOf = (value: unknown) => (value as { id: number }).id ?? value
    expect(idOf(album.createdBy)).toBe(users.homeroom_teacher.id)
    expect((album.authors ?? []).map(idOf)).toEqual([users.homeroom_teacher.id])
    expect(album.publicationStage).toBe('draft')
    // The head of Tổ khối 3 is of the group: they may edit it.
    const head = await (await as('group_head')).patch(`/albums/${album.id}`, { title: 'Đổi tên' })
    expect(head.status).toBe(200)
  })

  it('is nobody else: a teacher of another group neither reads nor edits nor moves it', async () => {
    const outsider = await as('it_teacher')
    expect((await outsider.get(`/albums/${album.id}`)).status).toBe(404)
    expect((await outsider.get('/albums?limit=100')).body.docs ?? []).not.toContainEqual(
      expect.objectContaining({ id: album.id }),
    )
    expect([403, 404]).toContain(
      (await outsider.patch(`/albums/${album.id}`, { title: 'X' })).status,
    )
    expect([403, 404]).toContain((await outsider.delete(`/albums/${album.id}`)).status)
    const kept = await school.payload.findByID({ collection: 'albums', id: album.id, depth: 0 })
    expect(kept.title).not.toBe('X')
    expect((await step('it_teacher', album.id, 'submit')).status).toBe(404)
    // Leadership reads it (it approves it) but does not keep it: no edit, no submission.
    const vp = await as('vice_principal')
    expect((await vp.get(`/albums/${album.id}`)).status).toBe(200)
    expect((await step('vice_principal', album.id, 'submit')).status).toBe(403)
  })

  it('is never read by the public, in REST or GraphQL', async () => {
    const anonymous = new RestClient()
    expect((await anonymous.get(`/albums/${album.id}`)).status).toBeGreaterThanOrEqual(401)
    expect((await anonymous.get('/albums')).status).toBeGreaterThanOrEqual(401)
    const graphql = await new GraphQLClient().query('{ Albums { docs { id title } } }')
    expect(graphql.data?.Albums?.docs ?? []).toHaveLength(0)
  })

  it('files it only under a group its maker is in, and credits only colleagues', async () => {
    const teacher = await as('homeroom_teacher')
    const { docs } = await school.payload.find({
      collection: 'groups',
      where: { name: { equals: 'Tổ khối 1' } },
      depth: 0,
      overrideAccess: true,
    })
    expect((await teacher.patch(`/albums/${album.id}`, { ownerGroup: docs[0].id })).status).toBe(
      403,
    )
    expect(
      (await teacher.patch(`/albums/${album.id}`, { authors: [users.principal.id] })).status,
    ).toBe(403)
    expect(
      (await teacher.patch(`/albums/${album.id}`, { createdBy: users.it_teacher.id })).status,
    ).toBe(403)
  })

  it('is made of images of published posts or its makers’ own uploads, no one else’s', async () => {
    const { docs } = await school.payload.find({
      collection: 'media',
      where: { onWebsite: { equals: true } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const ofPublishedPost = docs[0]
    expect(ofPublishedPost).toBeDefined()
    const teacher = await as('homeroom_teacher')
    const allowed = await teacher.patch(`/albums/${album.id}`, {
      images: [{ image: ofPublishedPost.id }],
    })
    expect(allowed.status).toBe(200)
    const othersDraftImage = await upload(users.it_teacher)
    const refused = await teacher.patch(`/albums/${album.id}`, {
      images: [{ image: othersDraftImage.id }],
    })
    expect(refused.status).toBe(400)
  })
})

describe('publishing an album', () => {
  let album: Album
  let media: Media
  let pupil: Student

  beforeAll(async () => {
    media = await upload(users.homeroom_teacher)
    pupil = await pupilWithConsent(2, { guardian: true, pupil: false })
    album = await newAlbum([
      { image: media.id, caption: 'Các em đọc sách', pupils: [pupil.id] },
      { image: (await upload(users.homeroom_teacher)).id, caption: 'Góc thư viện' },
    ])
  })

  it('goes the publication’s path: nobody approves their own, only the web admin publishes', async () => {
    expect((await step('homeroom_teacher', album.id, 'submit')).status).toBe(200)
    expect((await step('homeroom_teacher', album.id, 'approve')).status).toBe(403)
    expect((await step('group_head', album.id, 'approve')).status).toBe(403)
    expect((await step('vice_principal', album.id, 'approve')).status).toBe(200)
    expect((await step('vice_principal', album.id, 'publish')).status).toBe(403)
    expect((await step('homeroom_teacher', album.id, 'publish')).status).toBe(403)
  })

  it('is refused while an image shows a pupil without the needed consent, naming them', async () => {
    // The pupil is over 7: the guardian's consent alone is not enough (Law 91/2025).
    const refused = await step('web_admin', album.id, 'publish')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain(pupil.fullName)
    expect(await noticeOf(album)).toBeUndefined()
    expect(await anonymousMedia(media.id)).toBeGreaterThanOrEqual(401)
  })

  it('goes live once the consent is recorded, its images public, no pupil in it', async () => {
    await pupilWithConsent(2, { guardian: true, pupil: true })
    const published = await step('web_admin', album.id, 'publish')
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    const notice = await noticeOf(album)
    expect(notice).toMatchObject({
      kind: 'album',
      key: album.slug,
      path: `/thu-vien-anh/${album.slug}/`,
      title: album.title,
    })
    expect(notice!.data).toEqual({
      eventDate: '2026-11-20T00:00:00.000Z',
      description: 'Các em giới thiệu cuốn sách yêu thích.',
      images: [
        { media: media.id, caption: 'Các em đọc sách' },
        { media: expect.any(Number), caption: 'Góc thư viện' },
      ],
    })
    const text = JSON.stringify(notice)
    expect(text).not.toContain(pupil.fullName)
    expect(text).not.toContain('pupils')
    expect(text).not.toContain(users.homeroom_teacher.email)
    expect(await anonymousMedia(media.id)).toBe(200)
    const file = await new RestClient().raw('GET', `/media/file/${media.filename}`)
    expect(file.status).toBe(200)
  })

  it('stays live as published while an edit makes it a draft again', async () => {
    const edited = await (
      await as('homeroom_teacher')
    ).patch(`/albums/${album.id}`, { description: 'Mô tả mới.' })
    expect(edited.status).toBe(200)
    expect(edited.body.doc.publicationStage).toBe('draft')
    expect(edited.body.doc.publicationLive).toBe(true)
    expect((await noticeOf(album))!.data).toMatchObject({
      description: 'Các em giới thiệu cuốn sách yêu thích.',
    })
  })

  it('cannot be deleted while live', async () => {
    expect((await (await as('homeroom_teacher')).delete(`/albums/${album.id}`)).status).toBe(403)
    expect((await (await as('principal')).delete(`/albums/${album.id}`)).status).toBe(403)
  })

  it('comes down with a withdrawn consent, its images private again', async () => {
    const response = await (
      await as('homeroom_teacher')
    ).patch(`/students/${pupil.id}`, { consent: { guardian: false, pupil: true } })
    expect(response.status).toBe(200)
    expect(await noticeOf(album)).toBeUndefined()
    const after = await school.payload.findByID({
      collection: 'albums',
      id: album.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.publicationLive).toBe(false)
    expect(after.publicationStage).toBe('draft')
    expect(after.publicationComment).toContain('Rút lại sự đồng ý')
    expect(await anonymousMedia(media.id)).toBeGreaterThanOrEqual(401)
    // Its makers may now delete it.
    expect((await (await as('homeroom_teacher')).delete(`/albums/${album.id}`)).status).toBe(200)
  })
})

describe('unpublishing an album', () => {
  it('takes the page down and makes its images private, unless a post shows them', async () => {
    const own = await upload(users.homeroom_teacher)
    const { docs } = await school.payload.find({
      collection: 'media',
      where: { publishedIn: { exists: true } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const ofPost = docs[0]
    const album = await newAlbum([{ image: own.id }, { image: ofPost.id, caption: 'Từ bài' }])
    expect(await anonymousMedia(own.id)).toBeGreaterThanOrEqual(401)
    expect((await publish(album.id)).status).toBe(200)
    expect(await anonymousMedia(own.id)).toBe(200)
    expect((await step('vice_principal', album.id, 'unpublish')).status).toBe(403)
    expect((await step('web_admin', album.id, 'unpublish')).status).toBe(200)
    expect(await noticeOf(album)).toBeUndefined()
    expect(await anonymousMedia(own.id)).toBeGreaterThanOrEqual(401)
    expect(await anonymousMedia(ofPost.id)).toBe(200)
  })
})

describe('the demo albums', () => {
  it('are published, one image showing a pupil with consent, no pupil in the notices', async () => {
    const { body } = await new RestClient().get(
      '/public-notices?where[kind][equals]=album&depth=0&limit=100',
    )
    const demo = body.docs.filter((notice: { key: string }) =>
      ['le-khai-giang-nam-hoc-moi', 'hoi-khoe-phu-dong-cap-truong'].includes(notice.key),
    )
    expect(demo).toHaveLength(2)
    const { docs } = await school.payload.find({
      collection: 'albums',
      where: { slug: { equals: 'le-khai-giang-nam-hoc-moi' } },
      depth: 0,
      overrideAccess: true,
    })
    const shown = docs[0].images?.flatMap((row) => row.pupils ?? []) ?? []
    expect(shown).toHaveLength(1)
    const pupil = await school.payload.findByID({
      collection: 'students',
      id: shown[0] as number,
      depth: 0,
      overrideAccess: true,
    })
    expect(pupil.consent).toMatchObject({ guardian: true, pupil: true })
    expect(JSON.stringify(body)).not.toContain(pupil.fullName)
  })
})
