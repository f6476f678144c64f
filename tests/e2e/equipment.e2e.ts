/**
 * The equipment's main path (issue 14, point 2): the equipment officer lends an item to a
 * teacher from the admin's form, the list shows it out and the teacher's dashboard shows it as
 * "Thiết bị tôi đang mượn"; the officer takes it back and the list shows it returned.
 */
import { expect, test, type Page } from '@playwright/test'
import { formatDateVi } from '@school/shared'

import { adminAs } from './support'

const ITEM = 'Mô hình đồng hồ (giáo viên)'
const TEACHER = 'Hoàng Minh Tuấn'

async function pick(page: Page, field: string, text: string, option: RegExp | string) {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.keyboard.type(text)
  await page.getByRole('option', { name: option }).first().click()
}

async function rowOfItem(page: Page) {
  await page.goto('/admin/collections/equipment-loans')
  return page.getByRole('row').filter({ hasText: ITEM }).filter({ hasText: TEACHER }).first()
}

test('the equipment officer lends an item to a teacher and takes it back', async ({ browser }) => {
  test.setTimeout(180_000)
  const officer = await adminAs(browser, 'equipment_officer')
  await officer.goto('/admin/collections/equipment-loans/create')
  await pick(officer, 'asset', 'đồng hồ', ITEM)
  await pick(officer, 'borrower', 'Tuấn', TEACHER)
  await officer.locator('#field-note').fill('Tiết Toán: xem giờ')
  await officer.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(officer).toHaveURL(/\/collections\/equipment-loans\/\d+/)
  const loanURL = officer.url()

  const out = await rowOfItem(officer)
  await expect(out).toContainText('Đang mượn')
  await expect(out).toContainText(formatDateVi(new Date()))

  const teacher = await adminAs(browser, 'subject_teacher')
  const panel = teacher.locator('section[aria-labelledby="equipment-my-loans"]')
  await expect(panel.getByRole('heading', { name: /Thiết bị tôi đang mượn/ })).toBeVisible()
  await expect(panel).toContainText(ITEM)

  await officer.goto(loanURL)
  const returnedOn = officer.locator('#field-returnedOn input')
  await returnedOn.fill(formatDateVi(new Date()))
  await returnedOn.press('Enter')
  await pick(officer, 'returnCondition', 'Tốt', 'Tốt')
  await officer.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(officer.locator('#field-status')).toContainText('Đã trả')

  const back = await rowOfItem(officer)
  await expect(back).toContainText('Đã trả')
  await expect(back).not.toContainText('Đang mượn')
})
