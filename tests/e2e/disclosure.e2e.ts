/**
 * The public disclosure (Thông tư 09/2024/TT-BGDĐT) on the built site: /cong-khai/ lists every
 * section with its latest year, a section's page shows its years, its documents (copied into the
 * build) and when it last changed; last year's results name no child. The web admin's view
 * shows the demo's late section.
 */
import { expect, test } from '@playwright/test'
import { previousSchoolYear, schoolYearOf } from '@school/shared'

import { demoPupils } from '../../cms/src/seed/demo-records'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

const site = (pathname: string) => `${E2E.siteURL}${pathname}`
const current = schoolYearOf(new Date())
const last = previousSchoolYear(current)

test('/cong-khai/ lists the sections with their latest year and earlier ones', async ({ page }) => {
  const response = await page.goto(site('/cong-khai/'))
  expect(response?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Công khai')
  await expect(page.locator('.disclosure-section')).toHaveCount(8)
  const finances = page.locator('.disclosure-section[data-section="finances"]')
  await expect(finances.getByRole('link', { name: 'Thu chi tài chính' })).toHaveAttribute(
    'href',
    '/cong-khai/tai-chinh/',
  )
  await expect(finances).toContainText(`Năm học ${current}`)
  await expect(finances).toContainText(/Cập nhật lần cuối:\s+\d{2}\/\d{2}\/\d{4}/)
  await expect(finances.getByRole('link', { name: last })).toHaveAttribute(
    'href',
    `/cong-khai/tai-chinh/#nam-hoc-${last}`,
  )
  // The report of last year was never published: it is not on the site.
  await expect(page.locator('.disclosure-section[data-section="annual_report"]')).not.toContainText(
    last,
  )
  expect(await page.locator('script').count()).toBe(0)
})

test('a section page: its years, documents to download, last change, no pupil', async ({
  page,
  request,
}) => {
  await page.goto(site('/cong-khai/tai-chinh/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thu chi tài chính')
  const year = page.locator(`#nam-hoc-${current}`)
  await expect(year.getByRole('heading', { level: 2 })).toHaveText(`Năm học ${current}`)
  await expect(year.locator('.disclosure-updated')).toHaveText(
    /^\s*Cập nhật lần cuối:\s+\d{2}\/\d{2}\/\d{4}/,
  )
  const link = year.locator('.disclosure-documents a').first()
  const href = await link.getAttribute('href')
  expect(href).toMatch(/^\/cong-khai\/tep\/[^/]+\/[a-z0-9-]+\.pdf$/)
  const file = await request.get(site(href!))
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toContain('application/pdf')
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-')
  await expect(page.locator(`#nam-hoc-${last}`)).toBeVisible()

  await page.goto(site('/cong-khai/ket-qua-giao-duc/'))
  const results = page.locator(`#nam-hoc-${current} .disclosure-results`)
  await expect(results.getByRole('heading', { level: 3 })).toHaveText(
    `Kết quả đánh giá cuối năm học ${last}`,
  )
  await expect(results.locator('tbody tr').first()).toContainText('Khối 1')
  const text = await page.locator('main, body').first().innerText()
  for (const pupil of demoPupils(Number(current.slice(0, 4))).slice(0, 200))
    expect(text).not.toContain(pupil.fullName)
})

test("the web admin sees each section's state, with last year's report late", async ({
  browser,
}) => {
  const admin = await adminAs(browser, 'web_admin')
  await admin.goto('/admin')
  // The menu names the view (the link itself may sit in the folded nav on a narrow window).
  await expect(admin.getByRole('link', { name: 'Công khai (TT 09/2024)' })).toHaveAttribute(
    'href',
    '/admin/disclosure-status',
  )
  await admin.goto('/admin/disclosure-status')
  const late = admin.locator(
    `table[data-school-year="${last}"] tr[data-section="annual_report"][data-state="late"]`,
  )
  await expect(late).toContainText('Quá hạn')
  await expect(late).toContainText(`30/06/${last.slice(5)}`)
  await expect(
    admin.locator(`table[data-school-year="${current}"] tr[data-state="published"]`),
  ).toHaveCount(8)
  const teacher = await adminAs(browser, 'homeroom_teacher')
  await teacher.goto('/admin/disclosure-status')
  await expect(teacher.getByText('Chỉ Ban giám hiệu, quản trị website và kế toán')).toBeVisible()
  await expect(teacher.locator('table')).toHaveCount(0)
})
