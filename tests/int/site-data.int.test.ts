/**
 * The website's one way into the CMS (site/src/lib/cms.ts), over real HTTP: it gets published
 * posts only, never a draft, never a newer unpublished version, never a person's record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import { demoUser, stepAs } from './support/workflow'

const school = useTestSchool()
let server: { url: string; close: () => Promise<void> }

beforeAll(async () => {
  const { serveRestOverHttp } = await import('./support/rest')
  server = await serveRestOverHttp()
  process.env.CMS_URL = server.url
})
afterAll(() => server?.close())

/** The site's data module as a new build finds it (it keeps the answers of one build for the process). */
async function siteData() {
  const cms = await import('../../site/src/lib/cms')
  cms.forgetCmsAnswers()
  return cms
}

describe("the site's data module", () => {
  it('returns the published demo posts only, newest first, with their groups but no people', async () => {
    const cms = await siteData()
    const posts = await cms.getPublishedPosts()
    const { docs: everything } = await school.payload.find({
      collection: 'posts',
      draft: true,
      limit: 100,
      overrideAccess: true,
    })
    const published = everything.filter((post) => post._status === 'published')
    expect(posts.map((post) => post.slug).sort()).toEqual(published.map((post) => post.slug).sort())
    expect(everything.length).toBeGreaterThan(posts.length)
    const dates = posts.map((post) => new Date(post.publishedAt).getTime())
    expect(dates).toEqual([...dates].sort((a, b) => b - a))
    const grouped = posts.find((post) => post.ownerGroup)
    expect(grouped?.ownerGroup).toEqual({
      name: expect.any(String),
      slug: expect.any(String),
      kind: expect.any(String),
    })
    const json = JSON.stringify(posts)
    expect(json).not.toContain('@demo.giathuong.edu.vn')
    expect(json).not.toMatch(/"members"|"head"|"homeroomTeacher"/)
  })

  it('gives posts their cover and inline images at site addresses, with alt, sizes and where to copy them from', async () => {
    const cms = await siteData()
    const posts = await cms.getPublishedPosts()
    const opening = posts.find((post) => post.slug === 'le-khai-giang-nam-hoc-moi')!
    expect(opening.coverImage).toEqual({
      alt: 'Sân trường trang trí cờ hoa trong ngày khai giảng',
      original: {
        src: expect.stringMatching(/^\/media\/\d+\/le-khai-giang\.jpg$/),
        width: 1600,
        height: 900,
        mimeType: 'image/jpeg',
      },
      webp: [400, 800, 1280].map((width) => ({
        src: expect.stringMatching(new RegExp(`^/media/\\d+/le-khai-giang-${width}x\\d+\\.webp$`)),
        width,
        height: expect.any(Number),
        mimeType: 'image/webp',
      })),
    })
    const inline = opening.content?.children?.find((node) => node.type === 'upload')
    expect(inline?.image).toMatchObject({
      alt: 'Dãy lớp học của học sinh lớp 1 ngày đầu năm học',
      original: { width: 1600, height: 900 },
    })
    // The media document (who uploaded it, the CMS's addresses) stays out of the pages' data.
    expect(inline).not.toHaveProperty('value')
    expect(JSON.stringify(posts)).not.toMatch(/uploadedBy|\/api\/media/)
    expect(posts.find((post) => post.kind === 'announcement')?.coverImage).toBeNull()

    // The files of published posts' images (3 covers and 1 inline image, 4 files each), beside
    // those of the school's face, the consenting staff's photos and the published albums: each
    // one a file the public may fetch, so nothing private is copied into the build.
    const files = await cms.getMediaFiles()
    expect(files.length).toBeGreaterThanOrEqual(16)
    for (const file of files) {
      const response = await fetch(file.from, { credentials: 'omit' })
      expect(response.status, file.from).toBe(200)
    }
    const sources = files.map((file) => file.src)
    expect(sources).toContain(opening.coverImage!.original.src)
    for (const file of opening.coverImage!.webp) expect(sources).toContain(file.src)
    const sharp = (await import('sharp')).default
    for (const file of files.filter((f) =>
      f.src.startsWith(opening.coverImage!.original.src.replace(/[^/]+$/, '')),
    )) {
      const response = await fetch(file.from)
      expect(response.status, file.from).toBe(200)
      const { width } = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
      expect(file.src).toContain(width === 1600 ? '.jpg' : `-${width}x`)
    }
  })

  it('names every image file by its type, whatever its upload was called (a PNG sent as a page is a .png)', async () => {
    const { payload } = school
    const writer = await demoUser(payload, 'homeroom_teacher')
    const sharp = (await import('sharp')).default
    const png = await sharp({
      create: { width: 1400, height: 60, channels: 3, background: { r: 9, g: 9, b: 9 } },
    })
      .png()
      .toBuffer()
    const data = Buffer.concat([png, Buffer.from('<html><script>alert(1)</script></html>')])
    const cover = await payload.create({
      collection: 'media',
      user: writer,
      overrideAccess: false,
      data: { alt: 'Ảnh bìa' },
      file: { data, mimetype: 'text/html', name: 'bia.HTML', size: data.length },
    })
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      user: writer,
      overrideAccess: false,
      data: {
        title: 'Ảnh bìa là ảnh',
        excerpt: 'Ảnh bìa tải lên dưới tên trang web.',
        content: richText('Nội dung.'),
        coverImage: cover.id,
      },
    })
    await stepAs(payload, writer, post.id, 'submit')
    await stepAs(payload, await demoUser(payload, 'group_head'), post.id, 'accept')
    await stepAs(payload, await demoUser(payload, 'vice_principal'), post.id, 'approve')
    await stepAs(payload, await demoUser(payload, 'web_admin'), post.id, 'publish')
    const cms = await siteData()
    const seen = (await cms.getPublishedPosts()).find((p) => p.id === post.id)
    expect(seen?.coverImage?.original).toMatchObject({
      src: expect.stringMatching(/^\/media\/\d+\/bia(-\d+)?\.png$/),
      mimeType: 'image/png',
    })
    const files = (await cms.getMediaFiles()).filter((file) =>
      file.src.startsWith(`/media/${cover.id}/`),
    )
    expect(files.length).toBeGreaterThan(1)
    for (const file of files) {
      expect(file.src).toMatch(/\.(png|webp)$/)
      const response = await fetch(file.from)
      expect(response.headers.get('Content-Type')).toBe(file.mimeType)
    }
  })

  it('keeps showing the published version while a correction waits in review', async () => {
    const { payload } = school
    const writer = await demoUser(payload, 'homeroom_teacher')
    const [post] = (
      await payload.find({
        collection: 'posts',
        where: { title: { equals: 'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3' } },
        overrideAccess: true,
      })
    ).docs
    await payload.update({
      collection: 'posts',
      id: post.id,
      draft: true,
      user: writer,
      overrideAccess: false,
      data: { title: 'Bản sửa chưa duyệt', content: richText('Nội dung mới') },
    })
    await stepAs(payload, writer, post.id, 'submit')
    const cms = await siteData()
    const seen = (await cms.getPublishedPosts()).find((p) => p.id === post.id)
    expect(seen?.title).toBe('Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3')
    expect(JSON.stringify(seen)).not.toContain('Nội dung mới')
  })

  it('a post taken down is gone from the next build', async () => {
    const { payload } = school
    const [post] = (
      await payload.find({
        collection: 'posts',
        where: { title: { equals: 'Lễ khai giảng năm học mới' } },
        overrideAccess: true,
      })
    ).docs
    await stepAs(payload, await demoUser(payload, 'web_admin'), post.id, 'unpublish')
    const cms = await siteData()
    expect((await cms.getPublishedPosts()).map((p) => p.id)).not.toContain(post.id)
  })
})
