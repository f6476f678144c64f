/**
 * The school's own face on the built website (issue 15, points 1–2): the home page's featured
 * story, news, notices, events and quick links; the phone menu that opens without JavaScript;
 * the organisation page, where only the staff who agreed are named; the school's colours.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

import { DEMO_CONSENTING } from '../../cms/src/seed/demo-face'
import { DEMO_STAFF } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

const site = (pathname: string) => `${E2E.siteURL}${pathname}`
const nameOf = (key: string) => DEMO_STAFF.find((person) => person.key === key)!.fullName
const consenting = new Set(DEMO_CONSENTING.map((entry) => entry.key))
const NOT_CONSENTING = DEMO_STAFF.filter((person) => !consenting.has(person.key))

test('the home page: featured story with a large picture, news, notices, events, quick links', async ({
  page,
}) => {
  await page.goto(site('/'))
  const header = page.locator('.site-header')
  await expect(header.locator('.site-title')).toHaveText('Trường Tiểu học Gia Thượng')
  await expect(header.locator('.motto')).toHaveText('Dạy tốt – Học tốt – Chăm ngoan – Sáng tạo')
  await expect(header.locator('.brand__logo img')).toBeVisible()

  const featured = page.locator('section.featured')
  await expect(featured.getByRole('heading', { level: 2 })).toHaveText('Tin nổi bật')
  await expect(featured.getByRole('heading', { level: 3 })).toHaveText('Lễ khai giảng năm học mới')
  const picture = featured.locator('picture img')
  await expect(picture).toHaveAttribute('loading', 'eager')
  await expect(picture).toHaveAttribute('fetchpriority', 'high')
  await expect(picture).toHaveAttribute('width', /^\d+$/)
  await expect(picture).toHaveAttribute('height', /^\d+$/)
  await expect(featured.locator('picture source[type="image/webp"]')).toHaveAttribute(
    'srcset',
    /\d+w/,
  )
  // The only picture the browser fetches first.
  await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1)

  const news = page.locator('section[aria-labelledby="tin-moi"]')
  await expect(news.locator('.post-card').first()).toBeVisible()
  // The featured story is not listed twice.
  await expect(news.getByText('Lễ khai giảng năm học mới')).toHaveCount(0)

  const notices = page.locator('section[aria-labelledby="thong-bao"]')
  await expect(
    notices.getByRole('link', { name: 'Thực đơn bán trú tuần đầu tháng 12' }),
  ).toBeVisible()

  const events = page.locator('section[aria-labelledby="su-kien"]')
  const event = events.locator('.event').first()
  await expect(event.getByRole('link')).toHaveText('Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3')
  await expect(event.locator('.event__date')).toHaveText(/^\s*\d{2}\/\d{2}\/\d{4} 07:30\s*$/)
  await expect(event).toContainText('Địa điểm: Phòng họp Tổ khối 3')

  const quick = page.locator('section[aria-labelledby="lien-ket-nhanh"]')
  const menuLink = quick.getByRole('link', { name: /Thực đơn bán trú/ })
  await expect(menuLink).toHaveAttribute('href', '/thuc-don/')
  await expect(menuLink).toContainText('Bữa trưa của các con')

  const footer = page.locator('.site-footer')
  await expect(footer).toContainText('Tổ 5, phường Phúc Lợi, Hà Nội')
  await expect(footer.getByRole('link', { name: '024 3872 0000' })).toHaveAttribute(
    'href',
    'tel:02438720000',
  )
  await expect(footer.getByRole('link', { name: 'Bộ Giáo dục và Đào tạo' })).toHaveAttribute(
    'href',
    'https://moet.gov.vn/',
  )
  await expect(footer.getByRole('navigation').getByRole('link')).toHaveCount(13)
  // No JavaScript on the home page or on articles.
  expect(await page.locator('script').count()).toBe(0)
})

test('on a phone the menu opens without JavaScript: 13 items behind one button', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 740 },
    javaScriptEnabled: false,
    locale: 'vi-VN',
  })
  const page = await context.newPage()
  await page.goto(site('/tin-tuc/'))
  await expect(page.getByRole('navigation', { name: 'Chính', exact: true })).toBeHidden()
  const menu = page.getByRole('navigation', { name: 'Danh mục chính' })
  await expect(menu).toBeHidden()
  await page.locator('.menu-phone summary').click()
  await expect(menu).toBeVisible()
  await expect(menu.getByRole('link')).toHaveCount(13)
  await expect(menu.getByRole('link', { name: 'Tin tức' })).toHaveAttribute('aria-current', 'page')
  const box = await menu.getByRole('link', { name: 'Cơ cấu tổ chức' }).boundingBox()
  // Big enough for a thumb, and inside the screen.
  expect(box!.height).toBeGreaterThanOrEqual(40)
  expect(box!.x + box!.width).toBeLessThanOrEqual(375)
  await menu.getByRole('link', { name: 'Cơ cấu tổ chức' }).click()
  await expect(page).toHaveURL(site('/co-cau-to-chuc/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cơ cấu tổ chức')
  // Nothing wider than the phone's screen.
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width).toBeLessThanOrEqual(375)
  await context.close()
})

test('the organisation page names only the staff who agreed', async ({ page }) => {
  await page.goto(site('/co-cau-to-chuc/'))
  const leaders = page.locator('section[aria-labelledby="ban-giam-hieu"]')
  const principal = leaders.locator('.staff-card', { hasText: nameOf('principal') })
  await expect(principal).toContainText('Hiệu trưởng')
  await expect(principal.locator('img')).toHaveAttribute('src', /^\/media\/\d+\//)
  await expect(leaders).toContainText(nameOf('vp-academic'))
  await expect(leaders).toContainText('Và 1 người chưa công khai thông tin.')
  await expect(page.getByText(nameOf('vp-activities'))).toHaveCount(0)

  const group = (name: string) =>
    page.locator('.org-group').filter({ has: page.getByRole('heading', { name, exact: true }) })
  const union = group('Công đoàn trường')
  await expect(union).toContainText(`${DEMO_STAFF.length} thành viên`)
  await expect(union.locator('.staff-card', { hasText: nameOf('head-2') })).toContainText('Trưởng')
  const grade3 = group('Tổ khối 3')
  await expect(grade3.locator('.staff-card', { hasText: nameOf('head-3') })).toContainText(
    'Tổ trưởng',
  )
  // A consenting person who chose no title shows none.
  await expect(grade3.locator('.staff-card', { hasText: nameOf('homeroom-3b') })).toBeVisible()
  // The photo is served from the build, never from the CMS.
  const photo = await principal.locator('img').getAttribute('src')
  expect((await page.request.get(site(photo!))).status()).toBe(200)
})

test('no built page names a member of staff who has not agreed', async () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.(html|xml|json|txt|css|js)$/.test(name)) files.push(full)
    }
  }
  walk(path.join(E2E.dataDir, 'site'))
  expect(files.some((file) => file.endsWith(path.join('co-cau-to-chuc', 'index.html')))).toBe(true)
  expect(NOT_CONSENTING.length).toBeGreaterThan(20)
  const found: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const person of NOT_CONSENTING)
      if (text.includes(person.fullName))
        found.push(`${path.relative(E2E.dataDir, file)}: ${person.fullName}`)
  }
  expect(found).toEqual([])
})

test('the school’s colours reach the site as /theme.css, and a new one after a rebuild', async ({
  page,
  browser,
}) => {
  // The CMS rebuilds the whole site after a change of the profile.
  test.setTimeout(300_000)
  await page.goto(site('/'))
  const background = () =>
    page.locator('.site-header').evaluate((element) => getComputedStyle(element).backgroundColor)
  expect(await background()).toBe('rgb(11, 79, 138)')
  expect(
    await page
      .locator('.section-title')
      .first()
      .evaluate((element) => getComputedStyle(element).color),
  ).toBe('rgb(179, 38, 30)')
  const css = await (await page.request.get(site('/theme.css'))).text()
  expect(css).toContain('--school-primary: #0b4f8a')

  const admin = await adminAs(browser, 'web_admin')
  const save = (body: unknown) =>
    admin.evaluate(
      async (data) =>
        (
          await fetch('/api/globals/school-profile', {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(data),
          })
        ).status,
      body,
    )
  expect(await save({ primaryColor: '#ffdd55' })).toBe(400)
  expect(await save({ primaryColor: '#1e6b30' })).toBe(200)
  await expect
    .poll(async () => (await page.request.get(site('/theme.css'))).text(), { timeout: 180_000 })
    .toContain('--school-primary: #1e6b30')
  await page.reload()
  expect(await background()).toBe('rgb(30, 107, 48)')
  expect(await save({ primaryColor: '#0b4f8a' })).toBe(200)
  await admin.context().close()
})
