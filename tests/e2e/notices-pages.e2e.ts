/**
 * The lunch menu, the test schedule and the search island on the built site (issue 15 points 3,
 * 6, 9): the demo school's published menus and schedule as a parent reads them, a menu changed and
 * republished through the notices' path reaching the live site, and the search page with and
 * without JavaScript.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { mondayOf, plusDays, vietnamDay, type Role } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

const site = (pathname: string) => `${E2E.siteURL}${pathname}`
const DATE = /\d{2}\/\d{2}\/\d{4}/

async function api(request: APIRequestContext, role: Role) {
  const login = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail(role), password: demoPassword() },
  })
  expect(login.status()).toBe(200)
  const headers = { Authorization: `JWT ${(await login.json()).token}` }
  return {
    get: (path: string) => request.get(`${E2E.cmsURL}/api${path}`, { headers }),
    post: (path: string, data: unknown) =>
      request.post(`${E2E.cmsURL}/api${path}`, { headers, data }),
    patch: (path: string, data: unknown) =>
      request.patch(`${E2E.cmsURL}/api${path}`, { headers, data }),
  }
}

test.describe.configure({ mode: 'serial' })

test('the lunch menu shows this week and next, day by day, with when it last changed', async ({
  page,
}) => {
  await page.goto(site('/thuc-don/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thực đơn bán trú')
  const weeks = page.getByRole('heading', { level: 2 })
  await expect(weeks.nth(0)).toHaveText(
    /^Tuần này: Tuần \d+ \(\d{2}\/\d{2} – \d{2}\/\d{2}\/\d{4}\)$/,
  )
  await expect(weeks.nth(1)).toHaveText(/^Tuần sau: Tuần \d+/)
  const monday = mondayOf(vietnamDay())
  const [y, m, d] = monday.split('-')
  await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText(
    `Thứ Hai, ${d}/${m}/${y}`,
  )
  await expect(page.getByText('Thịt kho trứng cút')).toBeVisible()
  await expect(page.getByText('Bữa phụ chiều').first()).toBeVisible()
  await expect(page.getByText(/dị ứng hải sản/)).toBeVisible()
  await expect(page.getByText(/^Cập nhật lần cuối:/).first()).toHaveText(
    new RegExp(`Cập nhật lần cuối: ${DATE.source}`),
  )
  // A page of data, like an article: no JavaScript.
  expect(await page.locator('script').count()).toBe(0)
})

test('a menu changed and republished reaches the live page', async ({ page, request }) => {
  test.setTimeout(180_000)
  const nurse = await api(request, 'nurse')
  const next = plusDays(mondayOf(vietnamDay()), 7)
  const found = await nurse.get(`/lunch-menus?where[weekKey][equals]=${next}&depth=0`)
  expect(found.status()).toBe(200)
  const menu = (await found.json()).docs[0]
  const dish = `Bánh chuối hấp ${Date.now()}`
  const days = structuredClone(menu.days)
  days[0].meals[1].dishes = `${days[0].meals[1].dishes}\n${dish}`
  expect((await nurse.patch(`/lunch-menus/${menu.id}`, { days })).status()).toBe(200)
  const steps: Array<[Role, string]> = [
    ['nurse', 'submit'],
    ['vice_principal', 'approve'],
    ['web_admin', 'publish'],
  ]
  for (const [role, action] of steps) {
    const response = await (
      await api(request, role)
    ).post(`/lunch-menus/${menu.id}/publication`, {
      action,
    })
    expect(response.status(), `${role} ${action}: ${await response.text()}`).toBe(200)
  }
  await expect
    .poll(async () => (await request.get(site('/thuc-don/'))).text(), {
      timeout: 120_000,
      intervals: [1000],
    })
    .toContain(dish)
  await page.goto(site('/thuc-don/'))
  await expect(page.getByText(dish)).toBeVisible()
})

test('the test schedule lists the upcoming tests per grade, with days and sessions', async ({
  page,
}) => {
  await page.goto(site('/lich-kiem-tra/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lịch kiểm tra định kì')
  await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(/năm học \d{4}-\d{4}$/)
  await expect(page.getByText(/^Cập nhật lần cuối:/).first()).toHaveText(
    new RegExp(`Cập nhật lần cuối: ${DATE.source}`),
  )
  const grade4 = page.getByRole('table', { name: 'Khối 4' })
  await expect(grade4).toBeVisible()
  await expect(grade4.getByRole('columnheader')).toHaveText(['Ngày', 'Buổi', 'Môn'])
  await expect(grade4.getByRole('cell', { name: 'Tiếng Việt' })).toBeVisible()
  await expect(grade4.getByRole('cell', { name: 'Toán', exact: true })).toBeVisible()
  const firstDay = await grade4.getByRole('row').nth(1).getByRole('cell').first().textContent()
  expect(firstDay).toMatch(new RegExp(`^Thứ (Hai|Ba|Tư|Năm|Sáu), ${DATE.source}$`))
  // Grade 1 takes Tiếng Việt and Toán only (TT27 Điều 7.2), when it has tests this period.
  const grade1 = page.getByRole('table', { name: 'Khối 1' })
  if ((await grade1.count()) > 0)
    await expect(grade1.getByRole('cell', { name: 'Khoa học' })).toHaveCount(0)
  expect(await page.locator('script').count()).toBe(0)
})

test('the search island: typed words find a post, the count is announced, results are links', async ({
  page,
}) => {
  await page.goto(site('/tim-kiem/'))
  const box = page.getByRole('searchbox', { name: 'Từ khóa tìm kiếm' })
  await box.fill('khai giang')
  await box.press('Enter')
  await expect(page.getByRole('status')).toHaveText(/^Tìm thấy \d+ kết quả cho “khai giang”/)
  const results = page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('link')
  await expect(results.first()).toBeVisible()
  await expect(results).toContainText(['Lễ khai giảng năm học mới'])
  await expect(page).toHaveURL(site('/tim-kiem/?q=khai+giang'))
  await expect(page.getByText('Trang tìm kiếm cần bật JavaScript')).toBeHidden()
  await results.filter({ hasText: 'Lễ khai giảng năm học mới' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lễ khai giảng năm học mới')
  // The page's JavaScript is the site's own files, no inline script (the CSP would refuse it).
  await page.goto(site('/tim-kiem/?q=thuc+don'))
  await expect(page.getByRole('status')).toContainText('“thuc don”')
  const inline = await page.locator('script:not([src])').count()
  expect(inline).toBe(0)
})

test('without JavaScript the search page says so and offers the listings and the tags', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(site('/tim-kiem/?q=khai+giang'))
  await expect(page.getByText('Trang tìm kiếm cần bật JavaScript trong trình duyệt.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Tin tức', exact: true }).last()).toBeVisible()
  const tag = page.getByRole('link', { name: 'khai giảng', exact: true })
  await expect(tag).toHaveAttribute('href', '/the/khai-giang/')
  await tag.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Từ khóa: khai giảng')
  await context.close()
})
