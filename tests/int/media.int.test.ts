/**
 * Uploads and the files behind the website (issue 10, holes 1, 7 and 8), through the real REST
 * handlers: a file is stored and served as the type its bytes show, whatever its name; the
 * public reads only files that published content shows; a file on the website changes only
 * through the workflow, and who uploaded it is recorded by the server.
 */
import { createLocalReq } from 'payload'
import sharp from 'sharp'
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
const clients = new Map<string, RestClientType>()
let anonymous: RestClientType

async function as(role: Role): Promise<RestClientType> {
  let client = clients.get(role)
  if (!client) {
    client = new RestClient()
    const response = await client.login(demoLoginEmail(role), demoPassword())
    expect(response.status, role).toBe(200)
    clients.set(role, client)
  }
  return client
}

const SCRIPT = '<html><body><script>window.__xss = 1; alert(document.cookie)</script></body></html>'

/** A real PNG with a page appended: a valid image to an image decoder, a page to a sniffer. */
async function polyglotPng(): Promise<Buffer> {
  const image = await sharp({
    create: { width: 1400, height: 60, channels: 3, background: { r: 200, g: 40, b: 40 } },
  })
    .png()
    .toBuffer()
  return Buffer.concat([image, Buffer.from(SCRIPT)])
}

/** Uploads `bytes` as a browser form would, under `name` and the type the sender claims. */
async function upload(
  client: RestClientType,
  bytes: Buffer,
  name: string,
  claimedType: string,
  path = '/media',
  method: 'POST' | 'PATCH' = 'POST',
  data: Record<string, unknown> = { alt: 'Ảnh thử' },
) {
  const form = new FormData()
  form.append('_payload', JSON.stringify(data))
  form.append('file', new Blob([new Uint8Array(bytes)], { type: claimedType }), name)
  const encoded = new Response(form)
  const response = await client.raw(
    method,
    path,
    new Uint8Array(await encoded.arrayBuffer()),
    encoded.headers.get('Content-Type')!,
  )
  const text = await response.text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON: kept as text for the assertion's message.
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, checked below
  return { status: response.status, body: body as any }
}

let counter = 0
/** A complete draft of the homeroom teacher (3B), with `extra` fields. */
async function draft(extra: Record<string, unknown>) {
  counter += 1
  const response = await (
    await as('homeroom_teacher')
  ).post('/posts?draft=true', {
    title: `Ảnh hoạt động số ${counter}`,
    excerpt: 'Học sinh tham gia hoạt động trải nghiệm.',
    content: richText('Sáng thứ Hai, các em học sinh đã tham gia buổi ngoại khóa.'),
    ...extra,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as { id: number }
}

async function step(role: Role, postId: number, action: string) {
  const response = await (await as(role)).post(`/posts/${postId}/workflow`, { action })
  expect(response.status, `${role} ${action}: ${JSON.stringify(response.body)}`).toBe(200)
}

/** From handed in to live, with the usual people. */
async function reviewAndPublish(postId: number) {
  await step('group_head', postId, 'accept')
  await step('vice_principal', postId, 'approve')
  await step('web_admin', postId, 'publish')
}

async function publish(postId: number) {
  await step('homeroom_teacher', postId, 'submit')
  await reviewAndPublish(postId)
}

/** A new image uploaded by the homeroom teacher, with its sizes. */
async function newImage(alt = 'Ảnh thử') {
  const response = await upload(
    await as('homeroom_teacher'),
    await polyglotPng(),
    'anh.png',
    'image/png',
    '/media',
    'POST',
    { alt },
  )
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as {
    id: number
    filename: string
    sizes: Record<string, { filename: string }>
  }
}

/** Every address of a media document's files: the original and each size. */
const fileURLs = (media: { filename: string; sizes: Record<string, { filename: string }> }) => [
  `/media/file/${encodeURIComponent(media.filename)}`,
  ...Object.values(media.sizes).map((size) => `/media/file/${encodeURIComponent(size.filename)}`),
]

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  anonymous = new RestClient()
})

describe('an upload is stored and served as the type of its bytes', () => {
  const names = [
    'a.HTML',
    'a.html.',
    'a.htm ',
    'a.svg',
    'a.js',
    'a.png.html',
    'a.xhtml',
    'a.PnG.HtMl',
    'Ảnh lớp 3A.php',
    'không đuôi',
  ]
  for (const name of names) {
    for (const claimed of ['text/html', 'image/png']) {
      it(`a PNG with a page appended, sent as "${name}" (${claimed}), is kept as a .png image`, async () => {
        const writer = await as('homeroom_teacher')
        const response = await upload(writer, await polyglotPng(), name, claimed)
        expect(response.status, JSON.stringify(response.body)).toBe(201)
        const { doc } = response.body
        expect(doc.mimeType).toBe('image/png')
        expect(doc.filename).toMatch(/^[a-z0-9-]+\.png$/)
        for (const size of Object.values(doc.sizes) as Array<{ filename: string }>)
          expect(size.filename).toMatch(/^[a-z0-9-]+-\d+x\d+\.webp$/)
        for (const path of fileURLs(doc)) {
          const file = await writer.raw('GET', path)
          expect(file.status, path).toBe(200)
          expect(file.headers.get('Content-Type'), path).toMatch(/^image\/(png|webp)$/)
          expect(file.headers.get('X-Content-Type-Options'), path).toBe('nosniff')
          expect(file.headers.get('Content-Security-Policy'), path).toMatch(
            /default-src 'none'.*sandbox/,
          )
        }
      })
    }
  }

  it('names keep their words without diacritics', async () => {
    const response = await upload(
      await as('homeroom_teacher'),
      await polyglotPng(),
      'Lễ khai giảng năm học.HTML',
      'text/html',
    )
    expect(response.status).toBe(201)
    expect(response.body.doc.filename).toMatch(/^le-khai-giang-nam-hoc(-\d+)?\.png$/)
  })

  it('a page, a script or an SVG is refused (400, in Vietnamese), whatever its name', async () => {
    const writer = await as('homeroom_teacher')
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
    )
    const cases: Array<[Buffer, string, string]> = [
      [Buffer.from(SCRIPT), 'a.png', 'image/png'],
      [Buffer.from(SCRIPT), 'a.html', 'text/html'],
      [Buffer.from('alert(document.cookie)'), 'a.jpg', 'image/jpeg'],
      [svg, 'a.svg', 'image/svg+xml'],
      [svg, 'a.png', 'image/png'],
    ]
    const before = await school.payload.count({ collection: 'media', overrideAccess: true })
    for (const [bytes, name, type] of cases) {
      const response = await upload(writer, bytes, name, type)
      expect(response.status, `${name}: ${JSON.stringify(response.body)}`).toBe(400)
      expect(JSON.stringify(response.body), name).toContain('chỉ nhận ảnh hoặc tài liệu')
    }
    expect(await school.payload.count({ collection: 'media', overrideAccess: true })).toEqual(
      before,
    )
  })

  it('replacing the file of a draft image goes through the same check', async () => {
    const image = await newImage()
    const writer = await as('homeroom_teacher')
    const replaced = await upload(
      writer,
      await polyglotPng(),
      'thay.html',
      'text/html',
      `/media/${image.id}`,
      'PATCH',
      {},
    )
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200)
    expect(replaced.body.doc.filename).toMatch(/^thay(-\d+)?\.png$/)
    const refused = await upload(
      writer,
      Buffer.from(SCRIPT),
      'thay.png',
      'image/png',
      `/media/${image.id}`,
      'PATCH',
      {},
    )
    expect(refused.status).toBe(400)
  })
})

describe('the public reads only files that published content shows', () => {
  it("a draft's images, their files and sizes are staff only; published, they are public; taken down, staff only again", async () => {
    const cover = await newImage('Học sinh Nguyễn Văn A lớp 3B chưa có đồng ý của phụ huynh')
    const inline = await newImage('Ảnh trong bài')
    const content = richText('Nội dung bài có ảnh.')
    content.root.children.push({
      type: 'upload',
      relationTo: 'media',
      value: inline.id,
      fields: null,
      format: '',
      version: 3,
    } as never)
    const post = await draft({ coverImage: cover.id, content })
    const staff = await as('subject_teacher')

    const publicIds = async () => {
      const response = await anonymous.get('/media?limit=0&depth=0')
      expect(response.status).toBe(200)
      return response.body.docs.map((doc: { id: number }) => doc.id)
    }
    const expectReadable = async (readable: boolean) => {
      for (const media of [cover, inline]) {
        // Not found rather than forbidden: the public does not learn that the file exists.
        expect((await anonymous.get(`/media/${media.id}`)).status).toBe(readable ? 200 : 404)
        for (const path of fileURLs(media))
          expect((await anonymous.raw('GET', path)).status, path).toBe(readable ? 200 : 403)
        expect((await staff.get(`/media/${media.id}`)).status).toBe(200)
        for (const path of fileURLs(media))
          expect((await staff.raw('GET', path)).status, path).toBe(200)
      }
      const listed = await publicIds()
      expect(listed.includes(cover.id)).toBe(readable)
      expect(listed.includes(inline.id)).toBe(readable)
    }

    await expectReadable(false)
    expect(JSON.stringify(await anonymous.get('/media?limit=0'))).not.toContain('Nguyễn Văn A')
    await step('homeroom_teacher', post.id, 'submit')
    await expectReadable(false)
    await reviewAndPublish(post.id)
    await expectReadable(true)
    // The public sees the image, not who uploaded it nor where else it is used.
    const seen = await anonymous.get(`/media/${cover.id}`)
    expect(seen.body).not.toHaveProperty('uploadedBy')
    expect(seen.body).not.toHaveProperty('publishedIn')
    await step('web_admin', post.id, 'unpublish')
    await expectReadable(false)
  })

  it('a correction with a new cover makes the new one public and the old one private once published', async () => {
    const first = await newImage()
    const second = await newImage()
    const post = await draft({ coverImage: first.id })
    await publish(post.id)
    expect((await anonymous.get(`/media/${first.id}`)).status).toBe(200)
    const writer = await as('homeroom_teacher')
    const corrected = await writer.patch(`/posts/${post.id}?draft=true`, { coverImage: second.id })
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200)
    // A correction waiting for review changes nothing on the website.
    expect((await anonymous.get(`/media/${first.id}`)).status).toBe(200)
    expect((await anonymous.get(`/media/${second.id}`)).status).toBe(404)
    await publish(post.id)
    expect((await anonymous.get(`/media/${first.id}`)).status).toBe(404)
    expect((await anonymous.get(`/media/${second.id}`)).status).toBe(200)
  })

  it('a live post deleted takes its images off the public API', async () => {
    const image = await newImage()
    const post = await draft({ coverImage: image.id })
    await publish(post.id)
    expect((await anonymous.get(`/media/${image.id}`)).status).toBe(200)
    // The post's workflow history would hold it back (a separate matter): cleared for this test.
    await school.payload.delete({
      collection: 'workflow-events',
      where: { post: { equals: post.id } },
      overrideAccess: true,
    })
    const deleted = await (await as('principal')).delete(`/posts/${post.id}`)
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200)
    expect((await anonymous.get(`/media/${image.id}`)).status).toBe(404)
  })

  it("an image of the school's about text is public", async () => {
    const image = await newImage()
    expect((await anonymous.get(`/media/${image.id}`)).status).toBe(404)
    const about = richText('Giới thiệu nhà trường.')
    about.root.children.push({
      type: 'upload',
      relationTo: 'media',
      value: image.id,
      fields: null,
      format: '',
      version: 3,
    } as never)
    const saved = await (await as('web_admin')).post('/globals/school-profile', { about })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect((await anonymous.get(`/media/${image.id}`)).status).toBe(200)
  })

  it('the demo covers stay public after seeding', async () => {
    const { docs } = await school.payload.find({
      collection: 'posts',
      where: { _status: { equals: 'published' }, coverImage: { exists: true } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.length).toBeGreaterThan(0)
    for (const post of docs)
      expect((await anonymous.get(`/media/${post.coverImage}`)).status, post.title).toBe(200)
  })

  it('a database from before the marks gets them from what is live (its migration)', async () => {
    const { payload } = school
    const { docs } = await payload.find({
      collection: 'posts',
      where: { _status: { equals: 'published' }, coverImage: { exists: true } },
      depth: 0,
      overrideAccess: true,
    })
    const { docs: all } = await payload.find({
      collection: 'media',
      limit: 0,
      overrideAccess: true,
    })
    const unused = all.find((media) => !media.onWebsite)
    // As the old schema left them: no file marked.
    const req = await createLocalReq({}, payload)
    for (const media of all) {
      await payload.update({
        collection: 'media',
        id: media.id,
        data: { onWebsite: false, onSchoolProfile: false, publishedIn: [] },
        overrideAccess: true,
        depth: 0,
        req,
      })
    }
    expect((await anonymous.get(`/media/${docs[0].coverImage}`)).status).toBe(404)
    const { up } =
      await import('../../cms/src/migrations/20261201_105800_media_marks_of_live_content')
    await up({ db: (payload.db as unknown as { drizzle: unknown }).drizzle, payload, req } as never)
    for (const post of docs)
      expect((await anonymous.get(`/media/${post.coverImage}`)).status, post.title).toBe(200)
    if (unused) expect((await anonymous.get(`/media/${unused.id}`)).status).toBe(404)
  })
})

describe('a file on the website changes only through the workflow', () => {
  it('its uploader and the web admin cannot edit, replace or delete it (403 saying how); a draft image they can', async () => {
    const image = await newImage()
    const spare = await newImage()
    const post = await draft({ coverImage: image.id })
    const writer = await as('homeroom_teacher')
    // Not yet live: the uploader may still change it.
    expect((await writer.patch(`/media/${spare.id}`, { alt: 'Mô tả mới' })).status).toBe(200)
    await publish(post.id)
    for (const role of ['homeroom_teacher', 'web_admin', 'principal'] as const) {
      const client = await as(role)
      const edit = await client.patch(`/media/${image.id}`, { alt: 'Học sinh Nguyễn Văn A' })
      expect(edit.status, role).toBe(403)
      expect(JSON.stringify(edit.body)).toContain('tạo bản sửa của bài viết')
      const replaced = await upload(
        client,
        await polyglotPng(),
        'khac.png',
        'image/png',
        `/media/${image.id}`,
        'PATCH',
        {},
      )
      expect(replaced.status, role).toBe(403)
      expect((await client.delete(`/media/${image.id}`)).status, role).toBe(403)
    }
    const bulk = await (
      await as('web_admin')
    ).patch(`/media?where[id][equals]=${image.id}`, {
      alt: 'Đổi hàng loạt',
    })
    expect(bulk.body.docs ?? []).toHaveLength(0)
    const stored = await school.payload.findByID({ collection: 'media', id: image.id })
    expect(stored.alt).toBe('Ảnh thử')
    expect(stored.filename).toBe(image.filename)
  })

  it('who uploaded a file is set by the server; sending it, or the website marks, is refused', async () => {
    const writer = await as('homeroom_teacher')
    const me = (await writer.get('/users/me')).body.user
    const other = await school.payload.find({
      collection: 'users',
      where: { email: { equals: demoLoginEmail('web_admin') } },
      overrideAccess: true,
    })
    const image = await newImage()
    expect(
      (await school.payload.findByID({ collection: 'media', id: image.id, depth: 0 })).uploadedBy,
    ).toBe(me.id)
    const claimed = await upload(
      writer,
      await polyglotPng(),
      'a.png',
      'image/png',
      '/media',
      'POST',
      {
        alt: 'Ảnh',
        uploadedBy: other.docs[0].id,
      },
    )
    expect(claimed.status).toBe(403)
    const reattributed = await writer.patch(`/media/${image.id}`, { uploadedBy: other.docs[0].id })
    expect(reattributed.status).toBe(403)
    expect(JSON.stringify(reattributed.body)).toContain('Người tải lên')
    for (const data of [{ onWebsite: true }, { onSchoolProfile: true }, { publishedIn: [1] }]) {
      const marked = await writer.patch(`/media/${image.id}`, data)
      expect(marked.status, JSON.stringify(data)).toBe(403)
    }
    expect((await anonymous.get(`/media/${image.id}`)).status).toBe(404)
    // The unchanged value, as the admin form sends it, is fine.
    const unchanged = await writer.patch(`/media/${image.id}`, { alt: 'Mới', uploadedBy: me.id })
    expect(unchanged.status, JSON.stringify(unchanged.body)).toBe(200)
  })
})

describe('the website is not a credentialed origin of the CMS', () => {
  /** GET /api/users/me with the staff cookie, as a page on `origin` would send it. */
  async function meFrom(origin: string, token: string) {
    const { REST_GET } = await import('@payloadcms/next/routes')
    const { default: config } = await import('@payload-config')
    const response = await REST_GET(config)(
      new Request('http://localhost:3000/api/users/me', {
        headers: { Origin: origin, Cookie: `payload-token=${token}` },
      }),
      { params: Promise.resolve({ slug: ['users', 'me'] }) },
    )
    return { headers: response.headers, body: await response.json() }
  }

  it("a page on the site's origin neither reads the CMS's answers nor acts with the staff's cookie", async () => {
    const login = await new RestClient().login(demoLoginEmail('principal'), demoPassword())
    const token = login.body.token as string
    const fromSite = await meFrom(process.env.SITE_URL || 'http://localhost:4321', token)
    expect(fromSite.body.user).toBeNull()
    expect(fromSite.headers.get('Access-Control-Allow-Origin')).toBeNull()
    // The admin's own pages still do.
    const fromAdmin = await meFrom('http://localhost:3000', token)
    expect(fromAdmin.body.user?.email).toBe(demoLoginEmail('principal'))
    expect(fromAdmin.headers.get('Access-Control-Allow-Origin')).toBe('http://localhost:3000')
  })
})
