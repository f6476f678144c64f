/**
 * The entry grid in the admin, as the demo subject teacher uses it (Điều 10.1, 12.1): Ngoại ngữ 1
 * of Lớp 3A at `end1` (open in the demo, tested in grade 3) filled with the keyboard only, a score
 * of 11 refused beside its cell and fixed, a column pasted from Excel, one save, and the values
 * still there after a reload; the downloaded .xlsx with a bad score uploads as an error with its
 * cell, writing nothing. On a tablet, the teacher confirms a complete grid: it locks, shows
 * no inputs, and a row files a correction request.
 */
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { schoolYearOf, type GridChoices, type SubjectGrid } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

/** What Excel puts on the clipboard, pasted into the focused cell. */
async function pasteInto(page: Page, cell: ReturnType<Page['getByRole']>, text: string) {
  await cell.focus()
  await cell.evaluate((input, clipboard) => {
    const data = new DataTransfer()
    data.setData('text/plain', clipboard)
    input.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

test('the subject teacher fills a class’s levels and scores with the keyboard and saves', async ({
  browser,
}) => {
  const page = await adminAs(browser, 'subject_teacher')
  await page.goto('/admin/assessments')
  await expect(page.getByRole('heading', { name: 'Nhập kết quả đánh giá' })).toBeVisible()
  // The first open checkpoint and the teacher's first sheet: end1, Lớp 3A, Ngoại ngữ 1.
  const title = 'Ngoại ngữ 1 – Lớp 3A – Cuối học kì I'
  const table = page.getByRole('table', { name: title })
  await expect(table).toBeVisible()
  await expect(page.getByText('Đang mở nhập', { exact: true })).toBeVisible()

  const names = await table.locator('tbody th').allTextContents()
  expect(names.length).toBeGreaterThan(6)
  const cell = (row: number, column: 'Mức' | 'Điểm KTĐK' | 'Nhận xét') =>
    page.getByRole('textbox', { name: `${column} – ${names[row]}`, exact: true })

  await cell(0, 'Mức').focus()
  await page.keyboard.type('t')
  await page.keyboard.press('Tab')
  await page.keyboard.type('9')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Phát âm rõ ràng.')
  await page.keyboard.press('Tab')
  await expect(cell(1, 'Mức')).toBeFocused()
  await page.keyboard.type('h')
  await page.keyboard.press('Tab')
  await page.keyboard.type('11')
  await expect(cell(1, 'Điểm KTĐK')).toHaveAttribute('aria-invalid', 'true')
  await expect(table.getByText('Điểm là số nguyên từ 1 đến 10')).toBeVisible()
  // Enter goes down, the arrows move between cells.
  await page.keyboard.press('Enter')
  await expect(cell(2, 'Điểm KTĐK')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('c')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.type('5')
  await page.keyboard.press('ArrowUp')
  await expect(cell(1, 'Điểm KTĐK')).toBeFocused()

  // A save with the mistake keeps everything on screen and says why.
  await page.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(page.getByText(/^Chưa lưu: 1 học sinh còn ô có lỗi/)).toBeVisible()
  await expect(cell(0, 'Nhận xét')).toHaveValue('Phát âm rõ ràng.')
  await cell(1, 'Điểm KTĐK').focus()
  await page.keyboard.type('7')
  await expect(cell(1, 'Điểm KTĐK')).not.toHaveAttribute('aria-invalid', 'true')

  // A column of levels, then of scores, copied from Excel into rows 4–6.
  await pasteInto(page, cell(3, 'Mức'), 't\r\nH\r\nt\r\n')
  await pasteInto(page, cell(3, 'Điểm KTĐK'), '8\r\n6\r\n10\r\n')
  await expect(cell(4, 'Mức')).toHaveValue('H')
  await expect(cell(5, 'Điểm KTĐK')).toHaveValue('10')
  await expect(page.getByText(/Có thay đổi chưa lưu \(6\)/)).toBeVisible()

  await page.getByRole('button', { name: 'Lưu', exact: true }).click()
  await expect(page.getByText('Đã lưu 6 học sinh.')).toBeVisible()
  await expect(page.getByText(/Có thay đổi chưa lưu/)).toHaveCount(0)

  await page.reload()
  await expect(page.getByRole('table', { name: title })).toBeVisible()
  await expect(cell(0, 'Mức')).toHaveValue('T')
  await expect(cell(0, 'Điểm KTĐK')).toHaveValue('9')
  await expect(cell(0, 'Nhận xét')).toHaveValue('Phát âm rõ ràng.')
  await expect(cell(1, 'Điểm KTĐK')).toHaveValue('7')
  await expect(cell(2, 'Mức')).toHaveValue('C')
  await expect(cell(4, 'Mức')).toHaveValue('H')
  await expect(cell(4, 'Điểm KTĐK')).toHaveValue('6')
  await expect(cell(6, 'Mức')).toHaveValue('')

  // The same grid as .xlsx: a score of 11 typed in Excel comes back as an error with its cell,
  // and nothing is written.
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Tải Excel' }).click()
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await (await downloading).path())
  const sheet = workbook.worksheets[0]
  let scoreColumn = 0
  sheet.getRow(7).eachCell((header, column) => {
    if (header.text === 'Điểm KTĐK') scoreColumn = column
  })
  expect(scoreColumn).toBeGreaterThan(0)
  sheet.getRow(8).getCell(scoreColumn).value = 11
  await page.getByLabel('Tệp Excel đã điền').setInputFiles({
    name: 'ngoai-ngu-3a.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  })
  await page.getByRole('button', { name: 'Tải lên Excel' }).click()
  await expect(page.getByText('Tệp có 1 lỗi; chưa ghi gì vào bảng.')).toBeVisible()
  const errors = page.getByRole('table', { name: 'Lỗi trong tệp Excel' })
  await expect(errors.getByRole('row')).toHaveCount(2)
  await expect(errors.getByRole('row').nth(1)).toContainText(`8${names[0]}`)
  await expect(cell(0, 'Điểm KTĐK')).toHaveValue('9')
})

test('on a tablet, the teacher confirms a complete grid; it locks and a row asks for a correction', async ({
  browser,
  request,
}) => {
  const login = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail('subject_teacher'), password: demoPassword() },
  })
  const teacher = { Authorization: `JWT ${(await login.json()).token}` }
  const schoolYear = schoolYearOf(new Date())
  const choices = await request.get(`${E2E.cmsURL}/api/assessment-grid/choices`, {
    headers: teacher,
  })
  const sheet = ((await choices.json()) as GridChoices).sheets.find(
    (candidate) => candidate.class.name === 'Lớp 3B' && candidate.subject?.code === 'ngoai-ngu',
  )
  expect(sheet, 'the demo teacher teaches Ngoại ngữ in Lớp 3B').toBeDefined()
  const key = { class: sheet!.class.id, subject: 'ngoai-ngu', period: 'end1', schoolYear }
  const query = new URLSearchParams({ ...key, class: String(key.class) }).toString()
  const grid = (await (
    await request.get(`${E2E.cmsURL}/api/assessment-grid?${query}`, { headers: teacher })
  ).json()) as SubjectGrid
  // The class entered beforehand (the keyboard is the first test's).
  const saved = await request.post(`${E2E.cmsURL}/api/assessment-grid`, {
    headers: teacher,
    data: {
      ...key,
      rows: grid.rows.map((row) => ({ student: row.student, level: 'H', score: 7 })),
    },
  })
  expect(saved.status()).toBe(200)

  const page = await adminAs(browser, 'subject_teacher')
  await page.setViewportSize({ width: 820, height: 1180 })
  await page.goto(`/admin/assessments?${query}`)
  const table = page.getByRole('table', { name: 'Ngoại ngữ 1 – Lớp 3B – Cuối học kì I' })
  await expect(table).toBeVisible()
  // The page fits the tablet: the grid scrolls inside its frame, not the whole page.
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1),
  ).toBe(true)

  await page.getByRole('button', { name: 'Xác nhận hoàn thành' }).click()
  await expect(page.getByText('Xác nhận hoàn thành nhập kết quả?')).toBeVisible()
  await page.getByRole('button', { name: 'Xác nhận', exact: true }).click()
  await expect(page.getByText('Đã xác nhận hoàn thành: bảng đã khóa sổ.')).toBeVisible()
  await expect(
    page.getByText('Khóa sổ: giáo viên đã xác nhận hoàn thành', { exact: true }),
  ).toBeVisible()
  await expect(table.getByRole('textbox')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Lưu', exact: true })).toHaveCount(0)

  const first = grid.rows[0]
  await table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: first.fullName, exact: true }) })
    .getByRole('button', { name: 'Đề nghị điều chỉnh' })
    .click()
  const form = page.getByRole('form', { name: `Đề nghị điều chỉnh – ${first.fullName}` })
  await form.getByLabel('Mức mới').selectOption('T')
  await form.getByLabel('Lý do điều chỉnh').fill('Nhập nhầm mức khi chấm bài.')
  await form.getByRole('button', { name: 'Gửi đề nghị' }).click()
  await expect(form.getByText('Đã gửi đề nghị điều chỉnh; chờ Ban giám hiệu duyệt.')).toBeVisible()
})
