/**
 * Images and search on the public site, in Chromium, against the product as `npm start` runs it.
 * A post published through the workflow, with a cover uploaded over REST, is found by the search
 * page typed with or without Vietnamese marks (đ included), and its cover is served by the site
 * itself in WebP with the original as fallback.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import sharp from 'sharp'

import { richTextFromParagraphs } from '../../cms/src/lib/rich-text'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

type Role = Parameters<typeof demoLoginEmail>[0]
const site = (pathname: string) => `${E2E.siteURL}${pathname}`
const STAMP = Date.now()
const TITLE = `Đoàn kịch rối nước đến thăm trường ${STAMP}`
const SLUG = `doan-kich-roi-nuoc-${STAMP}`
const COVER_ALT = 'Sân khấu rối nước dựng giữa sân trường'

async function token(request: APIRequestContext, role: Role) {
  const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail(role), password: demoPassword() },
  })
  expect(response.status()).toBe(200)
  return { Authorization: `JWT ${(await response.json()).token}` }
}

/** Every image the page shows: its fallback file and each WebP file of its srcset, as the browser sees them. */
/** The pictures of the page's content (the header's logo is the school's, not the article's). */
async function imagesOn(page: Page) {
  return page.locator('main picture').evaluateAll((pictures) =>
    pictures.map((picture) => {
      const img = picture.querySelector('img')!
      const source = picture.querySelector('source[type="image/webp"]')
      return {
        src: img.getAttribute('src'),
        alt: img.getAttribute('alt'),
        width: img.getAttribute('width'),
        height: img.getAttribute('height'),
        loading: img.getAttribute('loading'),
        decoding: img.getAttribute('decoding'),
        webp: (source?.getAttribute('srcset') ?? '')
          .split(',')
          .map((entry) => entry.trim().split(/\s+/)[0])
          .filter(Boolean),
      }
    }),
  )
}

/** The file is served by the site (not the CMS) and really is an image of that format. */
async function expectServedBySite(
  request: APIRequestContext,
  src: string | null,
  format: 'jpeg' | 'png' | 'webp',
) {
  expect(src, 'an image address on the site itself').toMatch(/^\/media\//)
  const response = await request.get(site(src!))
  expect(response.status(), src!).toBe(200)
  expect(response.headers()['content-type'], src!).toBe(`image/${format}`)
  const metadata = await sharp(await response.body()).metadata()
  expect(metadata.format, src!).toBe(format)
  return metadata
}

async function searchFor(page: Page, query: string) {
  const box = page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' })
  await box.fill(query)
  await box.press('Enter')
  // Each answer names its query: the list below is this search's, not the one before.
  await expect(page.getByRole('status')).toContainText(`“${query}”`)
  return page.locator('.search-results li h2 a')
}

test.describe.configure({ mode: 'serial' })

let publishedId: number | string | undefined

/** Takes the post down again and waits for the rebuilt site: the later test files see the demo site as seeded. */
async function unpublish(request: APIRequestContext) {
  if (publishedId === undefined) return
  const response = await request.post(`${E2E.cmsURL}/api/posts/${publishedId}/workflow`, {
    headers: await token(request, 'web_admin'),
    data: { action: 'unpublish' },
  })
  expect(response.status(), await response.text()).toBe(200)
  publishedId = undefined
  await expect
    .poll(async () => (await request.get(site(`/tin-tuc/${SLUG}/`))).status(), {
      timeout: 60_000,
      intervals: [500],
    })
    .toBe(404)
}

test.afterAll(async ({ request }) => {
  await unpublish(request)
})

test('a seeded article shows its cover and inline image from the site, sized, WebP first', async ({
  page,
  request,
}) => {
  await page.goto(site('/tin-tuc/le-khai-giang-nam-hoc-moi/'))
  const images = await imagesOn(page)
  expect(images).toHaveLength(2)
  const [cover, inline] = images
  expect(cover).toMatchObject({
    alt: 'Sân trường trang trí cờ hoa trong ngày khai giảng',
    width: '1600',
    height: '900',
    loading: 'eager',
  })
  expect(inline).toMatchObject({
    alt: 'Dãy lớp học của học sinh lớp 1 ngày đầu năm học',
    loading: 'lazy',
    decoding: 'async',
  })
  for (const image of images) {
    expect(Number(image.width)).toBeGreaterThan(0)
    expect(Number(image.height)).toBeGreaterThan(0)
    expect(image.webp).toHaveLength(3)
    expect((await expectServedBySite(request, image.src, 'jpeg')).width).toBe(Number(image.width))
    for (const file of image.webp) await expectServedBySite(request, file, 'webp')
  }
  // The browser took a WebP file, from the site, not the CMS.
  const shown = await page
    .locator('.cover-image img')
    .evaluate((img: HTMLImageElement) => img.currentSrc)
  expect(shown).toMatch(new RegExp(`^${site('/media/')}.*\\.webp$`))
  expect(await page.content()).not.toContain(E2E.cmsURL)
  expect(await page.locator('script').count()).toBe(0)
  // Listings show the cover as a small picture too.
  await page.goto(site('/'))
  await expect(page.locator('.post-card picture img').first()).toHaveAttribute('alt', /./)
})

test('a post published through the workflow is found with and without diacritics', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000)
  const writer = await token(request, 'homeroom_teacher')
  const png = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 120, b: 90 } },
  })
    .png()
    .toBuffer()
  const uploaded = await request.post(`${E2E.cmsURL}/api/media`, {
    headers: writer,
    multipart: {
      file: { name: 'roi-nuoc.png', mimeType: 'image/png', buffer: png },
      _payload: JSON.stringify({ alt: COVER_ALT }),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const media = (await uploaded.json()).doc
  const created = await request.post(`${E2E.cmsURL}/api/posts?draft=true`, {
    headers: writer,
    data: {
      title: TITLE,
      slug: SLUG,
      excerpt: 'Các em học sinh được xem biểu diễn múa rối nước ngay tại trường.',
      content: richTextFromParagraphs([
        'Sáng thứ Hai, đoàn nghệ nhân đã biểu diễn múa rối nước cho các em học sinh của trường xem.',
      ]),
      coverImage: media.id,
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = await created.json()
  const steps: Array<[Role, string]> = [
    ['homeroom_teacher', 'submit'],
    ['group_head', 'accept'],
    ['vice_principal', 'approve'],
    ['web_admin', 'publish'],
  ]
  for (const [role, action] of steps) {
    const response = await request.post(`${E2E.cmsURL}/api/posts/${doc.id}/workflow`, {
      headers: await token(request, role),
      data: { action },
    })
    expect(response.status(), `${role} ${action}: ${await response.text()}`).toBe(200)
  }
  publishedId = doc.id
  const url = site(`/tin-tuc/${SLUG}/`)
  await expect
    .poll(async () => (await request.get(url)).status(), { timeout: 60_000, intervals: [500] })
    .toBe(200)

  // Its cover, uploaded as PNG, is on the site in WebP sizes with the PNG as fallback.
  await page.goto(url)
  const [cover] = await imagesOn(page)
  expect(cover).toMatchObject({ alt: COVER_ALT, width: '1200', height: '800', loading: 'eager' })
  expect((await expectServedBySite(request, cover.src, 'png')).width).toBe(1200)
  expect(cover.webp.length).toBeGreaterThan(0)
  for (const file of cover.webp)
    expect((await expectServedBySite(request, file, 'webp')).width).toBeLessThanOrEqual(1200)

  await page.goto(site('/tim-kiem/'))
  for (const query of ['học sinh', 'hoc sinh', 'trường', 'truong', 'Đoàn', 'doan', 'DOAN KICH']) {
    await expect(await searchFor(page, query), query).toContainText([TITLE])
  }
  // Words only this post has: it alone is found, written either way.
  for (const query of ['rối nước', 'roi nuoc']) {
    const results = await searchFor(page, query)
    await expect(results, query).toHaveText([TITLE])
  }
  await expect(page).toHaveURL(/\?q=roi\+nuoc$/)
  await expect(await searchFor(page, 'xyzkhongcotu')).toHaveCount(0)
  await expect(page.getByRole('status')).toHaveText('Không tìm thấy kết quả cho “xyzkhongcotu”')

  const results = await searchFor(page, 'doan nghe nhan')
  await results.filter({ hasText: TITLE }).click()
  await expect(page).toHaveURL(url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE)
})

test('the search box in the header works without JavaScript on the page it is on', async ({
  page,
}) => {
  await page.goto(site('/tin-tuc/'))
  expect(await page.locator('script').count()).toBe(0)
  await page.getByRole('searchbox', { name: 'Tìm bài viết' }).fill('roi nuoc')
  await page.getByRole('button', { name: 'Tìm kiếm' }).click()
  await expect(page).toHaveURL(site('/tim-kiem/?q=roi+nuoc'))
  await expect(page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' })).toHaveValue('roi nuoc')
  await expect(page.locator('.search-results li h2 a')).toHaveText([TITLE])
  // The search runs from the site's own files.
  const external = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => !name.startsWith(location.origin)),
  )
  expect(external).toEqual([])
})

test('a post taken down is no longer found', async ({ page, request }) => {
  test.setTimeout(120_000)
  await unpublish(request)
  await page.goto(site('/tim-kiem/?q=roi+nuoc'))
  await expect(page.getByRole('status')).toHaveText('Không tìm thấy kết quả cho “roi nuoc”')
})
