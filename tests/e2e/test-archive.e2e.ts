/**
 * The periodic test archive's main path (issue 14 points 3 and 6; Điều 6): the vice-principal
 * has a past year's papers (uploaded through the API, as the admin's upload form sends them) and
 * hands the year to the library in the admin; the librarian confirms receipt there; a teacher
 * then finds a paper with a search typed without marks and downloads its file.
 */
import { readFileSync } from 'node:fs'

import { expect, test, type APIRequestContext } from '@playwright/test'
import { previousSchoolYear, schoolYearOf } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

/** A past year the demo has not handed over: the test's own. */
const year = previousSchoolYear(previousSchoolYear(previousSchoolYear(schoolYearOf(new Date()))))

async function tokenOf(request: APIRequestContext, role: 'vice_principal'): Promise<string> {
  const login = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail(role), password: demoPassword() },
  })
  expect(login.status()).toBe(200)
  return (await login.json()).token as string
}

/** A one-page PDF in the fonts every reader has. */
function tinyPdf(label: string): Buffer {
  const body = `BT /F1 12 Tf 20 50 Td (${label}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R ' +
      '/Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, index) => {
    offsets.push(pdf.length)
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

test('the vice-principal hands a year to the library, the librarian confirms, a teacher downloads', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  const token = await tokenOf(request, 'vice_principal')
  for (const part of ['paper', 'answer_key', 'matrix']) {
    const response = await request.post(`${E2E.cmsURL}/api/test-papers`, {
      headers: { Authorization: `JWT ${token}` },
      multipart: {
        file: { name: `${part}.pdf`, mimeType: 'application/pdf', buffer: tinyPdf(part) },
        _payload: JSON.stringify({
          schoolYear: year,
          grade: '3',
          subject: 'toan',
          period: 'end',
          part,
        }),
      },
    })
    expect(response.status(), await response.text()).toBe(201)
  }

  const vice = await adminAs(browser, 'vice_principal')
  await vice.goto('/admin/collections/test-paper-handovers/create')
  await vice.locator('#field-schoolYear').fill(year)
  await vice.locator('#field-note').fill('Bàn giao kèm bản giấy có chữ ký.')
  await vice.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(vice.getByText(/thành công/i).first()).toBeVisible()
  await expect(vice.locator('#field-setCount')).toHaveValue('1')
  await expect(vice.locator('#field-completeSets')).toHaveValue('1')
  await expect(vice.getByRole('link', { name: 'In biên bản bàn giao (PDF)' })).toBeVisible()
  const handoverUrl = vice.url()

  const librarian = await adminAs(browser, 'librarian')
  await librarian.goto(handoverUrl)
  await expect(librarian.locator('#field-schoolYear')).toHaveValue(year)
  await librarian.locator('#field-status').click()
  await librarian.getByRole('option', { name: 'Thư viện đã nhận' }).click()
  await librarian.locator('#field-receiptNote').fill('Đã nhận đủ đề, đáp án, ma trận.')
  await librarian.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(librarian.getByText(/thành công/i).first()).toBeVisible()
  await librarian.reload()
  await expect(librarian.getByText('Cao Thị Thu Hiền').first()).toBeVisible()
  // The handover list to sign, downloaded as a person would (the link of the form).
  const downloading = librarian.waitForEvent('download')
  await librarian.getByRole('link', { name: 'In biên bản bàn giao (PDF)' }).click()
  const download = await downloading
  const list = readFileSync((await download.path())!)
  expect(list.subarray(0, 5).toString()).toBe('%PDF-')

  const teacher = await adminAs(browser, 'subject_teacher')
  await teacher.goto(
    `/admin/collections/test-papers?search=${encodeURIComponent(`ma tran toan lop 3 cuoi nam ${year}`)}`,
  )
  const row = teacher.getByRole('row', { name: /Ma trận đề Toán lớp 3/ })
  await expect(row).toHaveCount(1)
  await row.getByRole('link').first().click()
  const link = teacher.locator('a[href*="/api/test-papers/file/"]').first()
  await expect(link).toBeVisible()
  const href = await link.getAttribute('href')
  // The browser's own request, sent from the admin's page (its cookie, its origin).
  const file = await teacher.request.get(new URL(href!, E2E.cmsURL).toString(), {
    headers: { Origin: E2E.cmsURL, 'Sec-Fetch-Site': 'same-origin' },
  })
  expect(file.status()).toBe(200)
  expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-')
})
