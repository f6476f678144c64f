/**
 * The foundation as its users meet it: the product started by `npm start`'s own script on a fresh
 * database, the admin in Vietnamese in a real Chromium, every demo login over real HTTP, and the
 * public site.
 */
import { expect, test } from '@playwright/test'
import { ROLES } from '@school/shared'

import { E2E } from '../../playwright.config'
import {
  DEMO_SCHOOL_PROFILE,
  DEMO_STAFF,
  demoLoginEmail,
  demoPassword,
} from '../../cms/src/seed/demo-school'

test('every demo account logs in over HTTP and carries its role', async ({ request }) => {
  for (const role of ROLES) {
    const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
      data: { email: demoLoginEmail(role), password: demoPassword() },
    })
    expect(response.status(), role).toBe(200)
    const body = await response.json()
    expect(body.user.roles, role).toContain(role)
  }
})

test('the admin speaks Vietnamese and fetches nothing from the internet', async ({ page }) => {
  const foreignRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['localhost', '127.0.0.1'].includes(url.hostname) && url.protocol.startsWith('http')) {
      foreignRequests.push(request.url())
    }
  })
  // An English browser still gets Vietnamese: it is the school's language.
  await page.setExtraHTTPHeaders({ 'Accept-Language': 'en-US,en;q=0.9' })
  await page.goto('/admin')
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible()
  await page.getByLabel('Email').fill(demoLoginEmail('principal'))
  await page.getByLabel('Mật khẩu').fill(demoPassword())
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page.getByRole('link', { name: /Tài khoản cán bộ/ }).first()).toBeVisible()
  await expect(page.getByText('Tổ, lớp và đoàn thể').first()).toBeVisible()
  await page.goto('/admin/collections/users')
  await page.getByRole('textbox', { name: 'Tìm với Họ và tên' }).fill('Thanh Hà')
  await expect(page.getByRole('link', { name: 'Phạm Thị Thanh Hà' })).toBeVisible()
  expect(foreignRequests).toEqual([])
})

test('a teacher sees their own roles read-only and cannot create accounts', async ({ page }) => {
  await page.goto('/admin')
  await page.getByLabel('Email').fill(demoLoginEmail('subject_teacher'))
  await page.getByLabel('Mật khẩu').fill(demoPassword())
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page.getByRole('link', { name: /Tài khoản cán bộ/ }).first()).toBeVisible()
  await page.goto('/admin/collections/users/create')
  await expect(page.getByText(/không được phép|không có quyền|Unauthorized/i).first()).toBeVisible()
})

test('the public site is in Vietnamese, shows the school from the CMS, and has a Vietnamese 404', async ({
  page,
}) => {
  const response = await page.goto(`${E2E.siteURL}/`)
  expect(response?.status()).toBe(200)
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_SCHOOL_PROFILE.name)
  await expect(page.getByRole('link', { name: 'Bộ Giáo dục và Đào tạo' })).toBeVisible()
  // No staff account data is public: no login email, no personal phone.
  const html = await page.content()
  expect(html).not.toContain('@demo.giathuong.edu.vn')
  for (const person of DEMO_STAFF) expect(html).not.toContain(person.phone)

  const missing = await page.goto(`${E2E.siteURL}/khong-co-trang-nay/`)
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Không tìm thấy trang')
})

test('bad requests over HTTP answer 4xx, never 500', async ({ request }) => {
  const login = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail('principal'), password: demoPassword() },
  })
  const { token } = await login.json()
  const headers = { Authorization: `JWT ${token}` }
  expect((await request.get(`${E2E.cmsURL}/api/users/abc`, { headers })).status()).toBe(404)
  const malformed = await request.post(`${E2E.cmsURL}/api/groups`, {
    headers: { ...headers, 'Content-Type': 'application/json' },
    data: Buffer.from('{"name": '),
  })
  expect(malformed.status()).toBe(400)
  // Valid JSON that is not an object (Playwright encodes a string as a JSON string).
  const notAnObject = await request.post(`${E2E.cmsURL}/api/groups`, { headers, data: 'Lớp 6A' })
  expect(notAnObject.status()).toBe(400)
  const invalid = await request.post(`${E2E.cmsURL}/api/groups`, {
    headers,
    data: { name: 'Lớp 6A', kind: 'class', grade: 6 },
  })
  expect(invalid.status()).toBe(400)
  expect(JSON.stringify(await invalid.json())).toContain('Lớp học cần có khối từ 1 đến 5.')
  expect((await request.get(`${E2E.cmsURL}/api/users`)).status()).toBe(403)
})
