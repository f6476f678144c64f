/**
 * Contests (issue 14, point 4): the IT teacher records a pupil's result on a contest's page (the
 * results form, as pasted from the organiser's sheet) and turns the celebrated results into a
 * draft news post, which opens in the editor naming the pupil.
 */
import { expect, test } from '@playwright/test'

import { adminAs } from './support'

test('the IT teacher records a result and turns the celebrated ones into a draft post', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const page = await adminAs(browser, 'it_teacher')
  // A pupil the IT teacher teaches (Tin học, grade 4), read as they would through the API: by the
  // page itself, which sends the admin's cookie (same origin; Playwright's own requests do not).
  await page.goto('/admin/collections/contests')
  const pupil = await page.evaluate(async () => {
    const json = async (path: string) =>
      (await fetch(path, { credentials: 'same-origin' })).json() as Promise<{
        docs: Array<{ id: number; fullName: string }>
      }>
    const classes = await json('/api/groups?where[name][equals]=L%E1%BB%9Bp%204A&depth=0')
    const query = `where[class][equals]=${classes.docs[0].id}&sort=fullName&limit=1&depth=0`
    return (await json(`/api/students?${query}`)).docs[0].fullName
  })

  await page.getByRole('link', { name: 'IOE Tiếng Anh' }).first().click()
  await expect(page.getByText('Nhập kết quả', { exact: true })).toBeVisible()
  await page.locator('input[name="contestRound"]').fill('Cấp quận')
  await page.locator('textarea[name="contestResults"]').fill(`${pupil};4A;275;20:05;5;Nhì`)
  await page.getByLabel('Đánh dấu tuyên dương các em đạt giải').check()
  await page.getByRole('button', { name: 'Lưu kết quả' }).click()
  await expect(page.getByText('Đã lưu 1 kết quả.')).toBeVisible()

  await page.getByRole('button', { name: 'Lập bài tuyên dương' }).click()
  await page.waitForURL(/\/admin\/collections\/posts\/\d+/)
  await expect(page.locator('#field-title')).toHaveValue(/Chúc mừng học sinh .* IOE Tiếng Anh/)
  await expect(page.getByText(new RegExp(`Em ${pupil} \\(lớp 4A\\) – Giải Nhì`))).toBeVisible()

  // The result now points to its post; the list shows it with the pupil's class.
  await page.goto('/admin/collections/contest-entries?search=' + encodeURIComponent(pupil))
  await expect(page.getByRole('row', { name: new RegExp(pupil) }).first()).toContainText('Lớp 4A')
})
