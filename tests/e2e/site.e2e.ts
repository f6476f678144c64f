/**
 * The public website built from the demo school's published posts: what parents see, and what
 * they must never see (drafts, posts in review, anyone's personal data).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { schoolYearOf } from '@school/shared'

import { demoPupils } from '../../cms/src/seed/demo-records'
import { DEMO_STAFF } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

const site = (pathname: string) => `${E2E.siteURL}${pathname}`

test('a published post has its own page: Vietnamese, dated dd/mm/yyyy, no JavaScript', async ({
  page,
}) => {
  const response = await page.goto(site('/tin-tuc/chuyen-de-day-doc-hieu-cho-hoc-sinh-lop-3/'))
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3',
  )
  await expect(page.locator('.article-meta time')).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/)
  await expect(page.getByText('Các giáo viên đã dự giờ')).toBeVisible()
  expect(await page.locator('script').count()).toBe(0)
  await page.getByRole('link', { name: 'Tổ khối 3' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tổ khối 3')
  await expect(
    page.getByRole('link', { name: 'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3' }),
  ).toBeVisible()
})

test('the news list, notices, tags, RSS and sitemap list the published posts', async ({
  page,
  request,
}) => {
  await page.goto(site('/tin-tuc/'))
  await expect(page.locator('.post-card')).toHaveCount(4)
  await page.goto(site('/thong-bao/'))
  await expect(page.getByRole('link', { name: 'Thực đơn bán trú tuần đầu tháng 12' })).toBeVisible()
  await page.goto(site('/bai-giang/'))
  await expect(
    page.getByRole('link', { name: 'Bài giảng E-learning: Phép nhân trong phạm vi 100' }),
  ).toBeVisible()
  // The approved document is not published yet.
  await page.goto(site('/van-ban/'))
  await expect(page.getByText('Chưa có bài nào.')).toBeVisible()
  await page.goto(site('/gioi-thieu/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giới thiệu – Liên hệ')
  await expect(page.getByText('với 10 lớp từ khối 1 đến khối 5')).toBeVisible()
  await page.goto(site('/the/doc-hieu/'))
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Từ khóa: đọc hiểu')
  const rss = await (await request.get(site('/rss.xml'))).text()
  expect(rss).toContain('<title>Lễ khai giảng năm học mới</title>')
  expect((await request.get(site('/sitemap-index.xml'))).status()).toBe(200)
})

test('posts not published are nowhere on the site', async ({ page, request }) => {
  for (const slug of [
    'lop-3b-trai-nghiem-lam-banh-troi',
    'hoi-thi-ke-chuyen-theo-sach',
    'lich-nghi-tet-nguyen-dan',
  ]) {
    expect((await request.get(site(`/tin-tuc/${slug}/`))).status(), slug).toBe(404)
  }
  await page.goto(site('/tin-tuc/'))
  await expect(page.getByText('Lớp 3B trải nghiệm làm bánh trôi')).toHaveCount(0)
})

test('no built page holds a login email or a personal phone number', async () => {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (/\.(html|xml|json|txt)$/.test(name)) files.push(full)
    }
  }
  walk(path.join(E2E.dataDir, 'site'))
  expect(files.length).toBeGreaterThan(10)
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toContain('@demo.giathuong.edu.vn')
    for (const person of DEMO_STAFF) expect(text, file).not.toContain(person.phone)
  }
})

test('no built page holds a pupil’s name, a guardian’s name or phone, or a pupil’s address', async () => {
  const startYear = Number(schoolYearOf(new Date()).slice(0, 4))
  const pupils = demoPupils(startYear)
  expect(pupils.length).toBeGreaterThanOrEqual(200)
  const secrets = pupils.flatMap((pupil) => [
    pupil.fullName,
    pupil.permanentAddress,
    ...pupil.guardians.flatMap((g) => [g.name, g.phone]),
  ])
  const files: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else files.push(full)
    }
  }
  walk(path.join(E2E.dataDir, 'site'))
  const found: string[] = []
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    for (const secret of secrets)
      if (text.includes(secret)) found.push(`${path.basename(file)}: ${secret}`)
  }
  expect(found).toEqual([])
})
