/**
 * Thư viện ảnh on the built site (issue 15): the album list, an album's page, the lightbox with
 * the keyboard only, and the page without JavaScript (each link opens the full image).
 */
import { expect, test } from '@playwright/test'
import { schoolYearOf } from '@school/shared'

import { demoPupils } from '../../cms/src/seed/demo-records'
import { E2E } from '../../playwright.config'

const site = (pathname: string) => `${E2E.siteURL}${pathname}`
const ALBUM = '/thu-vien-anh/le-khai-giang-nam-hoc-moi/'

test('the album list shows the published albums, newest event first, a cover each', async ({
  page,
}) => {
  const response = await page.goto(site('/thu-vien-anh/'))
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thư viện ảnh')
  const cards = page.locator('.album-card')
  await expect(cards).toHaveCount(2)
  await expect(cards.nth(0)).toContainText('Hội khỏe Phù Đổng cấp trường')
  await expect(cards.nth(1)).toContainText('Lễ khai giảng năm học mới')
  for (const img of await page.locator('.album-card img').all()) {
    await expect(img).toHaveAttribute('width', /\d+/)
    await expect(img).toHaveAttribute('height', /\d+/)
    await expect(img).toHaveAttribute('alt', /.+/)
  }
  await expect(page.locator('.album-card-meta time').first()).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/)
  await expect(page.getByText(/Cập nhật lần cuối: \d{2}\/\d{2}\/\d{4}/)).toBeVisible()
  await cards.nth(1).click()
  await expect(page).toHaveURL(site(ALBUM))
})

test('an album page: images as links with captions, sized, lazy below the first row', async ({
  page,
}) => {
  await page.goto(site(ALBUM))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lễ khai giảng năm học mới')
  const links = page.locator('.album-grid a')
  await expect(links).toHaveCount(3)
  await expect(page.locator('.album-grid figcaption').nth(1)).toHaveText(
    'Học sinh lớp 3A đón chào năm học mới.',
  )
  const imgs = page.locator('.album-grid img')
  for (const img of await imgs.all()) {
    await expect(img).toHaveAttribute('width', /\d+/)
    await expect(img).toHaveAttribute('height', /\d+/)
  }
  await expect(imgs.nth(2)).toHaveAttribute('loading', 'lazy')
  await expect(page.locator('.album-grid source[type="image/webp"]').first()).toHaveAttribute(
    'srcset',
    /\.webp \d+w/,
  )
  await expect(page.getByText(/Cập nhật lần cuối: \d{2}\/\d{2}\/\d{4}/)).toBeVisible()
  // No pupil's name on the page, though an image shows one (with consent).
  const html = await page.content()
  const startYear = Number(schoolYearOf(new Date()).slice(0, 4))
  for (const pupil of demoPupils(startYear)) expect(html).not.toContain(pupil.fullName)
})

test('the lightbox with the keyboard only: Enter opens, → next, Esc closes, focus back', async ({
  page,
}) => {
  await page.goto(site(ALBUM))
  const first = page.locator('.album-grid a').first()
  // The island hydrates once the grid is in view; then a link opens the dialog.
  await expect(page.locator('.album-grid[data-lightbox-ready]')).toHaveCount(1)
  await first.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog).toHaveAttribute('aria-modal', 'true')
  await expect(dialog).toContainText('Ảnh 1 / 3')
  await expect(dialog).toContainText('Sân trường rực rỡ cờ hoa trước giờ khai giảng.')
  expect(page.url()).toBe(site(ALBUM))
  await page.keyboard.press('ArrowRight')
  await expect(dialog).toContainText('Ảnh 2 / 3')
  await expect(dialog).toContainText('Học sinh lớp 3A đón chào năm học mới.')
  await expect(dialog.locator('img')).toHaveAttribute('alt', 'Học sinh lớp 3A đón chào năm học mới')
  // Tab stays inside the dialog.
  for (let i = 0; i < 5; i += 1) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('ArrowLeft')
  await expect(dialog).toContainText('Ảnh 1 / 3')
  await page.keyboard.press('ArrowLeft')
  await expect(dialog).toContainText('Ảnh 3 / 3')
  await page.keyboard.press('ArrowRight')
  await expect(dialog).toContainText('Ảnh 1 / 3')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(first).toBeFocused()
  // Opened again on the second image, closed there: the focus is on the second thumbnail.
  await page.locator('.album-grid a').nth(1).focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toContainText('Ảnh 2 / 3')
  await page.keyboard.press('Escape')
  await expect(page.locator('.album-grid a').nth(1)).toBeFocused()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('each link opens the full image', async ({ page }) => {
    await page.goto(site(ALBUM))
    const link = page.locator('.album-grid a').first()
    const href = await link.getAttribute('href')
    expect(href).toMatch(/^\/media\/\d+\/.+\.jpg$/)
    await link.click()
    await expect(page).toHaveURL(site(href!))
    const response = await page.request.get(site(href!))
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('image/jpeg')
  })
})
