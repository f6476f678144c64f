/**
 * The office's main path (Điều 14.1; Nghị định 30/2020/NĐ-CP, Điều 22–24) in the admin, in
 * Chromium: the clerk registers an incoming document with its scan and records the principal's
 * assignment of it to the homeroom teacher; the homeroom teacher finds it on the dashboard,
 * opens the document and its file and marks it handled; the clerk sees it handled.
 */
import { expect, test } from '@playwright/test'

import { scanPdf } from '../../cms/src/seed/demo-office-documents'
import { adminAs } from './support'

const STAMP = Date.now()
const SUMMARY = `Về việc khảo sát thư viện lớp học ${STAMP}`
const SYMBOL = `${STAMP % 10000}/PGDĐT-TH`

test('the clerk registers and assigns a document; the homeroom teacher handles it', async ({
  browser,
}) => {
  test.setTimeout(480_000)
  const scan = await scanPdf('PHÒNG GD&ĐT QUẬN LONG BIÊN', [SUMMARY])

  const clerk = await adminAs(browser, 'clerk')
  await clerk.goto('/admin/collections/incoming-documents/create')
  await clerk
    .locator('input[type="file"]')
    .setInputFiles({ name: 'cong-van.pdf', mimeType: 'application/pdf', buffer: scan })
  await clerk.locator('#field-issuer').fill('Phòng GD&ĐT quận Long Biên')
  await clerk.locator('#field-numberSymbol').fill(SYMBOL)
  await clerk.locator('#field-type').click()
  await clerk.getByRole('option', { name: 'Công văn', exact: true }).click()
  await clerk.locator('#field-summary').fill(SUMMARY)
  await clerk.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(clerk).toHaveURL(/\/admin\/collections\/incoming-documents\/\d+/, {
    timeout: 90_000,
  })
  const documentUrl = clerk.url()
  // The arrival number is the server's: given on saving, read-only.
  await expect(clerk.locator('#field-arrivalNumber')).not.toHaveValue('', { timeout: 60_000 })
  await expect(clerk.locator('#field-arrivalNumber')).toBeDisabled()

  // The principal wrote "giao cô Ngọc (3B) xử lý" on the paper: the clerk records it.
  await clerk.goto('/admin/collections/document-handlings/create')
  await clerk.locator('#field-document').click()
  await clerk.keyboard.type(String(STAMP))
  await clerk.getByRole('option', { name: SUMMARY }).click()
  await clerk.locator('#field-handler').click()
  await clerk.keyboard.type('Bích Ngọc')
  await clerk.getByRole('option', { name: 'Nguyễn Thị Bích Ngọc' }).click()
  await clerk.locator('#field-directedBy').click()
  await clerk.keyboard.type('Thanh Hà')
  await clerk.getByRole('option', { name: 'Phạm Thị Thanh Hà' }).click()
  await clerk.locator('#field-note').fill('Giao cô Ngọc khảo sát, báo cáo trong tuần.')
  await clerk.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(clerk).toHaveURL(/\/admin\/collections\/document-handlings\/\d+/, {
    timeout: 90_000,
  })

  const teacher = await adminAs(browser, 'homeroom_teacher')
  const mine = teacher.locator('.handlings-dashboard li', { hasText: SUMMARY })
  await expect(mine).toBeVisible()
  // The document and its file open for the one it was given to.
  await mine.getByRole('link', { name: 'Mở văn bản' }).click()
  await expect(teacher.locator('#field-summary')).toHaveValue(SUMMARY)
  const fileLink = teacher.locator('a[href*="/api/incoming-documents/file/"]').first()
  const fileHref = await fileLink.getAttribute('href')
  expect(fileHref).toBeTruthy()
  // Fetched by the page itself, as the browser opens the link (the admin's cookie, same origin).
  const file = await teacher.evaluate(async (href) => {
    const response = await fetch(href, { credentials: 'same-origin' })
    return { status: response.status, type: response.headers.get('content-type') }
  }, fileHref!)
  expect(file.status).toBe(200)
  expect(file.type).toContain('application/pdf')
  await teacher.goBack()
  await teacher.goto('/admin')
  await teacher
    .locator('.handlings-dashboard li', { hasText: SUMMARY })
    .getByRole('link', { name: new RegExp(`Số đến .*${STAMP}`) })
    .click()
  await expect(teacher).toHaveURL(/\/admin\/collections\/document-handlings\/\d+/)
  await teacher.locator('#field-status').click()
  await teacher.getByRole('option', { name: 'Đã xử lý', exact: true }).click()
  await teacher.locator('#field-handledNote').fill('Đã khảo sát tủ sách lớp 3B, gửi báo cáo.')
  await teacher.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(teacher.locator('#field-handledAt input')).not.toHaveValue('', { timeout: 60_000 })

  await clerk.goto('/admin/collections/incoming-documents')
  const row = clerk.locator('tr', { hasText: SYMBOL })
  await expect(row).toContainText('Đã xử lý')
  await clerk.goto(documentUrl)
  await expect(clerk.locator('#field-summary')).toHaveValue(SUMMARY)
})
