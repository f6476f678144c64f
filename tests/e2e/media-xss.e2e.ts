/**
 * Issue 10, holes 1 and 11, on the running product: PNGs with a page appended, uploaded under
 * every dangerous extension and spelling, published as covers through the real workflow, are
 * stored under a safe name, served as images only by the CMS and by the built site, and in
 * Chromium no script runs when one opens them. Both servers send their security headers.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import sharp from 'sharp'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { richTextFromParagraphs } from '../../cms/src/lib/rich-text'

const PAGE = '<html><body><script>window.__xss = 1; document.title = "owned"</script></body></html>'
const NAMES = ['a.HTML', 'a.html.', 'a.htm ', 'a.svg', 'a.js', 'a.png.html', 'a.xhtml']

async function token(request: APIRequestContext, role: Parameters<typeof demoLoginEmail>[0]) {
  const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail(role), password: demoPassword() },
  })
  return { Authorization: `JWT ${(await response.json()).token}` }
}

async function polyglot(): Promise<Buffer> {
  const png = await sharp({
    create: { width: 1400, height: 80, channels: 3, background: { r: 30, g: 120, b: 60 } },
  })
    .png()
    .toBuffer()
  return Buffer.concat([png, Buffer.from(PAGE)])
}

test('polyglot uploads are images only, on the CMS and on the built site; no script runs', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000)
  const writer = await token(request, 'homeroom_teacher')
  const uploads: Array<{ id: number; filename: string }> = []
  for (const name of NAMES) {
    const response = await request.post(`${E2E.cmsURL}/api/media`, {
      headers: writer,
      multipart: {
        _payload: JSON.stringify({ alt: `Ảnh thử ${name}` }),
        file: { name, mimeType: 'text/html', buffer: await polyglot() },
      },
    })
    expect(response.status(), await response.text()).toBe(201)
    const { doc } = await response.json()
    expect(doc.filename, name).toMatch(/^[a-z0-9-]+\.png$/)
    expect(doc.mimeType, name).toBe('image/png')
    uploads.push(doc)
  }

  const slugs: string[] = []
  const postIds: number[] = []
  for (const [index, media] of uploads.entries()) {
    const slug = `anh-thu-da-nang-${index}`
    const created = await request.post(`${E2E.cmsURL}/api/posts?draft=true`, {
      headers: writer,
      data: {
        title: `Ảnh thử đa năng ${index}`,
        slug,
        excerpt: 'Ảnh bìa tải lên dưới tên trang web.',
        content: richTextFromParagraphs(['Nội dung.']),
        coverImage: media.id,
      },
    })
    expect(created.status(), await created.text()).toBe(201)
    const { doc } = await created.json()
    for (const [role, action] of [
      ['homeroom_teacher', 'submit'],
      ['group_head', 'accept'],
      ['vice_principal', 'approve'],
      ['web_admin', 'publish'],
    ] as const) {
      const response = await request.post(`${E2E.cmsURL}/api/posts/${doc.id}/workflow`, {
        headers: await token(request, role),
        data: { action },
      })
      expect(response.status(), `${role} ${action}: ${await response.text()}`).toBe(200)
    }
    slugs.push(slug)
    postIds.push(doc.id)
  }

  // The CMS answers each file as an image, never sniffed, sandboxed.
  for (const media of uploads) {
    const file = await request.get(`${E2E.cmsURL}/api/media/file/${media.filename}`)
    expect(file.status()).toBe(200)
    expect(file.headers()['content-type']).toBe('image/png')
    expect(file.headers()['x-content-type-options']).toBe('nosniff')
    expect(file.headers()['content-security-policy']).toMatch(/default-src 'none'.*sandbox/)
  }

  // The rebuilt site shows every post with its cover, under a .png/.webp name.
  const lastPost = `${E2E.siteURL}/tin-tuc/${slugs.at(-1)}/`
  await expect
    .poll(async () => (await request.get(lastPost)).status(), {
      timeout: 90_000,
      intervals: [1000],
    })
    .toBe(200)
  const sources: string[] = []
  for (const slug of slugs) {
    await page.goto(`${E2E.siteURL}/tin-tuc/${slug}/`)
    const srcs = await page
      .locator('img, source')
      .evaluateAll((nodes) =>
        nodes.flatMap((node) =>
          [node.getAttribute('src'), ...(node.getAttribute('srcset') ?? '').split(',')]
            .map((part) => part?.trim().split(' ')[0])
            .filter((src): src is string => Boolean(src)),
        ),
      )
    expect(srcs.length, slug).toBeGreaterThan(0)
    sources.push(...srcs)
  }
  for (const src of new Set(sources)) {
    expect(src).toMatch(/^\/media\/\d+\/[a-z0-9-]+\.(png|webp)$/)
    const file = await request.get(`${E2E.siteURL}${src}`)
    expect(file.status(), src).toBe(200)
    expect(file.headers()['content-type'], src).toMatch(/^image\/(png|webp)$/)
    expect(file.headers()['x-content-type-options'], src).toBe('nosniff')
    expect(file.headers()['content-security-policy'], src).toContain('sandbox')
  }

  // Opened on its own in Chromium, on either origin, a file runs nothing.
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const opened = [
    ...uploads.map((media) => `${E2E.cmsURL}/api/media/file/${media.filename}`),
    ...[...new Set(sources)].filter((src) => src.endsWith('.png')).map((src) => E2E.siteURL + src),
  ]
  for (const url of opened) {
    await page.goto(url)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), url).toBe(
      undefined,
    )
    expect(await page.title(), url).not.toBe('owned')
    expect(await page.locator('script').count(), url).toBe(0)
  }
  expect(dialogs).toEqual([])

  // Nothing else under /media/ on the site: no other spelling or extension is served.
  const [first] = sources
  const folder = first.slice(0, first.lastIndexOf('/') + 1)
  for (const path of [`${folder}a.html`, `${folder}a.HTML`, `${folder}a`, `${folder}a.png.html`])
    expect((await request.get(`${E2E.siteURL}${path}`)).status(), path).toBe(404)

  // Taken down again, so the browser tests after this one see the demo site as seeded.
  const webAdmin = await token(request, 'web_admin')
  for (const id of postIds) {
    const response = await request.post(`${E2E.cmsURL}/api/posts/${id}/workflow`, {
      headers: webAdmin,
      data: { action: 'unpublish' },
    })
    expect(response.status(), await response.text()).toBe(200)
  }
  await expect
    .poll(async () => (await request.get(lastPost)).status(), {
      timeout: 90_000,
      intervals: [1000],
    })
    .toBe(404)
})

test('both servers send their security headers', async ({ request }) => {
  const admin = await request.get(`${E2E.cmsURL}/admin/login`)
  const adminHeaders = admin.headers()
  expect(adminHeaders['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(adminHeaders['content-security-policy']).toContain("object-src 'none'")
  expect(adminHeaders['x-frame-options']).toBe('DENY')
  expect(adminHeaders['x-content-type-options']).toBe('nosniff')
  expect(adminHeaders['referrer-policy']).toBe('strict-origin-when-cross-origin')
  // Plain http here: HSTS would be ignored, and would stick to localhost.
  expect(adminHeaders['strict-transport-security']).toBeUndefined()

  for (const path of ['/', '/tin-tuc/', '/tim-kiem/', '/khong-co-trang-nay/']) {
    const headers = (await request.get(`${E2E.siteURL}${path}`)).headers()
    expect(headers['content-security-policy'], path).toContain("default-src 'self'")
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'")
    expect(headers['x-content-type-options'], path).toBe('nosniff')
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin')
  }
})

test('the admin cannot be framed by another site', async ({ page }) => {
  await page.setContent(`<iframe src="${E2E.cmsURL}/admin/login"></iframe>`)
  const frame = page.frames().find((f) => f !== page.mainFrame())
  await page.waitForTimeout(1500)
  const text = await frame?.evaluate(() => document.body?.innerText ?? '').catch(() => '')
  expect(text ?? '').not.toContain('Đăng nhập')
})
