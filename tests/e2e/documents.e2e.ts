/**
 * Transcripts and summaries from the admin's documents page (issue 12, point 10): the principal
 * opens last year's approved class, downloads the class's transcripts and its end-of-year
 * summary as a person would (the links of the page), and the first page of each is rendered to
 * PNG with poppler's pdftoppm and kept with the test's artifacts
 * (`data/test-reports/documents/`), so a person can look. A homeroom teacher sees only their
 * own class.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { expect, test, type Page } from '@playwright/test'
import { previousSchoolYear, schoolYearOf } from '@school/shared'

import { adminAs } from './support'

const lastYear = previousSchoolYear(schoolYearOf(new Date()))
const ARTIFACTS = path.resolve('data/test-reports/documents')

/** Downloads what the link opens, renders its first page, and returns the PDF's text. */
async function downloadAndRender(page: Page, linkName: RegExp | string, png: string) {
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: linkName }).first().click()
  const download = await downloading
  mkdirSync(ARTIFACTS, { recursive: true })
  const file = path.join(ARTIFACTS, `${png}.pdf`)
  await download.saveAs(file)
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(ARTIFACTS, png),
  ])
  await test.info().attach(`${png}.png`, {
    path: path.join(ARTIFACTS, `${png}.png`),
    contentType: 'image/png',
  })
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

test('the principal downloads last year’s transcripts and summary of a class', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const page = await adminAs(browser, 'principal')
  await page.goto(`/admin/documents?schoolYear=${lastYear}`)
  await expect(page.getByRole('heading', { name: 'Học bạ, báo cáo và lưu trữ' })).toBeVisible()
  await page.locator('#field-class').click()
  await page.getByRole('option', { name: `Lớp 3A (${lastYear})` }).click()

  const transcripts = await downloadAndRender(page, 'Học bạ cả lớp (PDF)', 'transcripts-3A')
  expect(transcripts).toContain('HỌC BẠ')
  expect(transcripts).not.toContain('Bản nháp')

  const summaryRow = page.getByRole('row', { name: /Cuối năm/ })
  const downloading = page.waitForEvent('download')
  await summaryRow.getByRole('link', { name: 'PDF' }).click()
  const download = await downloading
  const summaryFile = path.join(ARTIFACTS, 'summary-3A-end.pdf')
  await download.saveAs(summaryFile)
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    summaryFile,
    path.join(ARTIFACTS, 'summary-3A-end'),
  ])
  await test.info().attach('summary-3A-end.png', {
    path: path.join(ARTIFACTS, 'summary-3A-end.png'),
    contentType: 'image/png',
  })
  const summary = execFileSync('pdftotext', ['-enc', 'UTF-8', summaryFile, '-'], {
    encoding: 'utf8',
  })
  expect(summary).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ GIÁO DỤC')
})

test('a homeroom teacher finds only their own class on the documents page', async ({ browser }) => {
  const page = await adminAs(browser, 'homeroom_teacher')
  await page.goto('/admin/documents')
  await expect(page.getByRole('heading', { name: 'Học bạ, báo cáo và lưu trữ' })).toBeVisible()
  await page.locator('#field-class').click()
  await expect(page.getByRole('option')).toHaveText(['Lớp 3B'])
})
