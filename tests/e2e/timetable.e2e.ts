/**
 * The timetable on the built site (issue 15): a class's week as an accessible table readable on
 * a phone; the index's class picker island with JavaScript (the week changes in place, the
 * address and the heading say which class) and without it (the links reach the class's page);
 * and the admin's editor, where a vice-principal makes a clash, sees the server's message, and
 * nothing is saved.
 */
import { expect, test } from '@playwright/test'

import { E2E } from '../../playwright.config'
import { adminAs } from './support'

test("a class's page shows its week as a table, readable at 375 px, without JavaScript", async ({
  browser,
}) => {
  const context = await browser.newContext({
    baseURL: E2E.siteURL,
    viewport: { width: 375, height: 800 },
  })
  const page = await context.newPage()
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url())
  })
  await page.goto('/thoi-khoa-bieu/3a/')
  await expect(page.getByRole('heading', { level: 1, name: 'Thời khóa biểu Lớp 3A' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Các tiết học trong tuần của Lớp 3A' })
  await expect(table).toBeVisible()
  await expect(table.getByRole('columnheader', { name: 'Thứ 2' })).toBeVisible()
  await expect(table.getByRole('rowheader', { name: /Tiết 1/ })).toBeVisible()
  await expect(table.getByText('Tiếng Việt').first()).toBeVisible()
  await expect(page.getByText(/Cập nhật lần cuối: \d{2}\/\d{2}\/\d{4}/)).toBeVisible()
  // The page itself never scrolls sideways: only the table's own frame does.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(overflow).toBeLessThanOrEqual(375)
  expect(await table.locator('th[scope]').count()).toBeGreaterThan(10)
  expect(scripts).toEqual([])
  await context.close()
})

test('the class picker shows the chosen class in place, and the address says which', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: E2E.siteURL })
  const page = await context.newPage()
  await page.goto('/thoi-khoa-bieu/')
  const picker = page.getByLabel('Chọn lớp')
  await picker.scrollIntoViewIfNeeded()
  await picker.selectOption({ label: 'Lớp 2B' })
  await expect(page.getByRole('heading', { name: 'Thời khóa biểu Lớp 2B' })).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Các tiết học trong tuần của Lớp 2B' }),
  ).toBeVisible()
  await expect(page).toHaveURL(/\/thoi-khoa-bieu\/\?lop=2b$/)
  await picker.selectOption({ label: 'Lớp 5A' })
  await expect(
    page.getByRole('table', { name: 'Các tiết học trong tuần của Lớp 5A' }),
  ).toBeVisible()
  await expect(page.getByRole('table', { name: /Lớp 2B/ })).toHaveCount(0)
  await expect(page).toHaveURL(/\?lop=5a$/)
  // A reload keeps the choice.
  await page.reload()
  await expect(
    page.getByRole('table', { name: 'Các tiết học trong tuần của Lớp 5A' }),
  ).toBeVisible()
  await context.close()
})

test('without JavaScript the index lists every class and its link opens the week', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: E2E.siteURL, javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/thoi-khoa-bieu/')
  await expect(page.getByLabel('Chọn lớp')).toHaveCount(0)
  const links = page.getByRole('region', { name: 'Các lớp' }).getByRole('link')
  await expect(links).toHaveCount(10)
  await page.getByRole('link', { name: 'Lớp 4B', exact: true }).click()
  await expect(page).toHaveURL(/\/thoi-khoa-bieu\/4b\/$/)
  await expect(
    page.getByRole('table', { name: 'Các tiết học trong tuần của Lớp 4B' }),
  ).toBeVisible()
  await context.close()
})

test('the editor refuses a clash: the vice-principal sees the message, nothing is saved', async ({
  browser,
}) => {
  const page = await adminAs(browser, 'vice_principal')
  const api = (path: string) =>
    page.evaluate(
      async (url) => (await fetch(url, { credentials: 'same-origin' })).json(),
      `/api${path}`,
    )
  const classes = await api('/groups?where[name][in]=Lớp 3A,Lớp 3B&depth=0&limit=2')
  const idOf = (name: string) => classes.docs.find((g: { name: string }) => g.name === name).id
  const timetables = await api(
    `/timetables?where[class][in]=${idOf('Lớp 3A')},${idOf('Lớp 3B')}&depth=0&limit=2`,
  )
  const of = (name: string) =>
    timetables.docs.find((t: { class: number }) => t.class === idOf(name))
  const a = of('Lớp 3A')
  const b = of('Lớp 3B')
  // A slot where the PE teacher teaches 3B, and 3A has one of its own lessons.
  const peB = b.entries.find((e: { subject: string }) => e.subject === 'giao-duc-the-chat')

  await page.goto(`/admin/collections/timetables/${a.id}`)
  const where = `Thứ ${peB.day}, tiết ${peB.period}`
  const subject = page.getByRole('combobox', { name: `Môn, ${where}`, exact: true })
  await expect(subject).toBeVisible()
  // With the keyboard: focus the cell's subject and choose PE, then its teacher.
  await subject.focus()
  await subject.selectOption('giao-duc-the-chat')
  const teacher = page.getByRole('combobox', { name: `Giáo viên, ${where}`, exact: true })
  await teacher.selectOption(String(peB.teacher))
  const alert = page.getByRole('alert').filter({ hasText: 'Trùng lịch giáo viên' })
  await expect(alert).toBeVisible()
  await expect(alert).toContainText('Lớp 3B')
  // The save goes to the server anyway: its refusal comes back as Payload's error toast.
  await page.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(
    page.locator('[data-sonner-toast]').filter({ hasText: 'Trùng lịch giáo viên' }),
  ).toBeVisible()
  const stored = await api(`/timetables/${a.id}?depth=0`)
  expect(stored.entries).toEqual(a.entries)
  expect(stored.updatedAt).toBe(a.updatedAt)
})
