/**
 * The start-of-year import in the admin, as the IT teacher would do it (Điều 8): download the
 * template, upload a file with mistakes and read the errors, upload the corrected file and read
 * the summary. Then a homeroom teacher exports their class list.
 */
import { expect, test } from '@playwright/test'
import { schoolYearOf } from '@school/shared'

import { importPupils, importWorkbook } from '../fixtures/import-workbook'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

const schoolYear = schoolYearOf(new Date())
const pupils = importPupils(20, Number(schoolYear.slice(0, 4))).map((pupil) => ({
  ...pupil,
  studentCode: pupil.studentCode.replace('IMP', 'E2E'),
}))
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

test('the IT teacher imports the year’s records from the template, errors first, then the corrected file', async ({
  browser,
}) => {
  const page = await adminAs(browser, 'it_teacher')
  await expect(
    page.getByRole('link', { name: 'Nhập dữ liệu, thống kê, danh sách lớp' }),
  ).toHaveAttribute('href', '/admin/records')
  await page.goto('/admin/records')
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu đầu năm' })).toBeVisible()
  const panel = page.getByRole('region', { name: 'Nhập dữ liệu đầu năm' })

  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' }).click()
  expect((await downloading).suggestedFilename()).toBe('mau-nhap-du-lieu-dau-nam.xlsx')

  const broken = pupils.map((pupil) => ({ ...pupil }))
  broken[3].dateOfBirth = '30/02/2019'
  broken[5].phone = ''
  await page.getByLabel('Tệp đã điền').setInputFiles({
    name: 'dau-nam.xlsx',
    mimeType: XLSX,
    buffer: await importWorkbook({ schoolYear, pupils: broken }),
  })
  await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
  await expect(panel.getByRole('status')).toContainText('Tệp có 2 lỗi; chưa nhập dữ liệu nào')
  const errors = page.getByRole('table', { name: 'Lỗi trong tệp' })
  await expect(errors.getByRole('row')).toHaveCount(3)
  await expect(errors.getByRole('row').nth(1)).toContainText(
    ['Học sinh', '5', 'Ngày sinh', 'Ngày sinh "30/02/2019" không hợp lệ'].join(''),
  )
  await expect(errors.getByRole('row').nth(2)).toContainText('Thiếu số điện thoại người giám hộ')

  await page.getByLabel('Tệp đã điền').setInputFiles({
    name: 'dau-nam.xlsx',
    mimeType: XLSX,
    buffer: await importWorkbook({ schoolYear, pupils }),
  })
  await page.getByRole('button', { name: 'Nhập dữ liệu' }).click()
  await expect(panel.getByRole('status')).toContainText('Đã nhập xong.')
  const summary = page.getByRole('table', { name: 'Kết quả nhập' })
  // 20 new, none existing; what differs from saved records goes to the deciders, not shown here.
  await expect(summary.getByRole('row', { name: /Học sinh/ })).toContainText(
    ['20', '0', 'Gửi người quyết định'].join(''),
  )
  await expect(summary.getByRole('row', { name: /Lớp/ })).toContainText('500')
  await expect(page.getByText(/Tiến độ: 25\/25 dòng/)).toBeVisible()

  // The statistics on the same page count the new pupils, without their names.
  await page.reload()
  await expect(page.getByRole('row', { name: /Lớp 1C/ })).toContainText('4')
  await expect(page.getByText(pupils[0].fullName)).toHaveCount(0)
})

test('a homeroom teacher downloads their class list; the import is not theirs', async ({
  browser,
}) => {
  const page = await adminAs(browser, 'homeroom_teacher')
  await page.goto('/admin/records')
  await expect(page.getByRole('heading', { name: 'Nhập dữ liệu đầu năm' })).toHaveCount(0)
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Tải danh sách Lớp 3B (.xlsx)' }).click()
  expect((await downloading).suggestedFilename()).toBe('danh-sach-lop-3b.xlsx')
})

test('the admin shows each teacher only their part of a pupil’s record', async ({
  browser,
  request,
}) => {
  const login = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail('homeroom_teacher'), password: demoPassword() },
  })
  const { token } = await login.json()
  const { docs } = await (
    await request.get(`${E2E.cmsURL}/api/students?limit=1&depth=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
  ).json()
  const pupil = docs[0] as { id: number; fullName: string; permanentAddress: string }

  const homeroom = await adminAs(browser, 'homeroom_teacher')
  await homeroom.goto(`/admin/collections/students/${pupil.id}`)
  await expect(homeroom.locator('#field-fullName')).toHaveValue(pupil.fullName)
  await expect(homeroom.locator('#field-permanentAddress')).toHaveValue(pupil.permanentAddress)
  // Their own class's record is theirs to keep: a change saves, and nothing else is lost.
  const moved = 'Số 3, ngõ 5 Phúc Lợi, Long Biên, Hà Nội'
  await homeroom.locator('#field-permanentAddress').fill(moved)
  await homeroom.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(homeroom.getByText(/thành công/i).first()).toBeVisible()
  const saved = await (
    await request.get(`${E2E.cmsURL}/api/students/${pupil.id}?depth=0`, {
      headers: { Authorization: `JWT ${token}` },
    })
  ).json()
  expect(saved.permanentAddress).toBe(moved)
  expect(saved.guardians.length).toBeGreaterThan(0)
  expect(saved.health).toMatchObject({ bloodType: expect.any(String) })
  pupil.permanentAddress = moved

  const subject = await adminAs(browser, 'subject_teacher')
  await subject.goto(`/admin/collections/students/${pupil.id}`)
  await expect(subject.locator('#field-fullName')).toHaveValue(pupil.fullName)
  await expect(subject.locator('#field-fullName')).toBeDisabled()
  await expect(subject.getByText('Địa chỉ thường trú')).toHaveCount(0)
  await expect(subject.getByText('Cha mẹ / người giám hộ')).toHaveCount(0)
  await expect(subject.locator('body')).not.toContainText(pupil.permanentAddress)

  const webAdmin = await adminAs(browser, 'web_admin')
  await webAdmin.goto(`/admin/collections/students/${pupil.id}`)
  await expect(webAdmin.locator('body')).not.toContainText(pupil.fullName)
})
