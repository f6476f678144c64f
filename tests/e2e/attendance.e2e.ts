/**
 * Attendance in the admin (Điều 9.3): the homeroom teacher of 3B takes a session with the
 * keyboard, gives a reason and saves the week; after a reload the marks are there and the totals
 * count them. The principal reads the same grid without being able to change it.
 */
import { expect, test } from '@playwright/test'

import { adminAs } from './support'

test('the homeroom teacher takes a session with the keyboard, saves, and finds it after a reload', async ({
  browser,
}) => {
  const page = await adminAs(browser, 'homeroom_teacher')
  await page.goto('/admin/attendance')
  await expect(page.getByRole('heading', { name: 'Điểm danh', exact: true })).toBeVisible()
  const grid = page.getByRole('table', { name: 'Điểm danh Lớp 3B' })
  await expect(grid).toBeVisible()

  // Monday morning: the whole class present, then two pupils marked from the keyboard.
  await grid.getByRole('button', { name: 'Cả lớp có mặt' }).first().click()
  const firstCell = grid.locator('button[data-row="0"][data-column="0"]')
  await expect(firstCell).toHaveText('C')
  await firstCell.focus()
  await page.keyboard.press('k')
  await page.keyboard.press('p')
  await expect(firstCell).toHaveText('K')
  await expect(grid.locator('button[data-row="1"][data-column="0"]')).toHaveText('P')
  // A click cycles: present → with leave.
  const thirdCell = grid.locator('button[data-row="2"][data-column="0"]')
  await thirdCell.click()
  await expect(thirdCell).toHaveText('P')
  await thirdCell.click()
  await thirdCell.click()
  await thirdCell.click()
  await expect(thirdCell).toHaveText('C')

  const reasons = page.getByRole('region', { name: 'Lý do vắng, muộn trong tuần' })
  await reasons.getByRole('textbox').nth(1).fill('Ốm, gia đình xin phép')
  await page.getByRole('button', { name: /^Lưu \(1 buổi thay đổi\)$/ }).click()
  await expect(page.getByText(/^Đã lưu:/)).toBeVisible()

  await page.reload()
  const again = page.getByRole('table', { name: 'Điểm danh Lớp 3B' })
  await expect(again.locator('button[data-row="0"][data-column="0"]')).toHaveText('K')
  await expect(again.locator('button[data-row="1"][data-column="0"]')).toHaveText('P')
  await expect(
    page.getByRole('textbox').and(page.locator('[value="Ốm, gia đình xin phép"]')),
  ).toHaveCount(1)
  await expect(page.getByRole('heading', { name: /Tổng hợp ngày nghỉ năm học/ })).toBeVisible()

  const principal = await adminAs(browser, 'principal')
  await principal.goto('/admin/attendance')
  await expect(principal.getByText(/Bạn xem điểm danh của lớp này/)).toBeVisible()
  await expect(principal.getByRole('button', { name: /^Lưu/ })).toHaveCount(0)
})
