/**
 * Passwords and the second factor in the admin (Điều 4): an account the principal asked for a
 * new password lands on its account page with the reason; one with TOTP sets it up at
 * /admin/totp and enters a code after every password login before anything else.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { generate } from 'otplib'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

const PASSWORD = 'E2eUser@2025'

async function createAccount(request: APIRequestContext, extra: Record<string, unknown> = {}) {
  const login = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail('principal'), password: demoPassword() },
  })
  const { token } = await login.json()
  const email = `e2e-${Date.now()}-${Math.floor(Math.random() * 1000)}@test.giathuong.edu.vn`
  const created = await request.post(`${E2E.cmsURL}/api/users`, {
    headers: { Authorization: `JWT ${token}` },
    data: { fullName: 'Người thử E2E', email, password: PASSWORD, roles: ['librarian'], ...extra },
  })
  expect(created.status()).toBe(201)
  return { email, id: (await created.json()).doc.id as number }
}

async function logIn(page: Page, email: string) {
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Mật khẩu').fill(PASSWORD)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

test('an account asked for a new password lands on its account page until it sets one', async ({
  page,
  request,
}) => {
  const { email, id } = await createAccount(request, { mustChangePassword: true })
  await logIn(page, email)
  await expect(page).toHaveURL(/\/admin\/account/)
  await expect(page.getByText('Hiệu trưởng yêu cầu bạn đặt mật khẩu mới').first()).toBeVisible()
  await page.goto('/admin/collections/posts')
  await expect(page).toHaveURL(/\/admin\/account/)
  // As the account page sends it: with the admin's own origin, so the cookie counts (CSRF).
  const changed = await page.request.patch(`/api/users/${id}`, {
    data: { password: 'Changed@2025x' },
    headers: { Origin: E2E.cmsURL },
  })
  expect(changed.status()).toBe(200)
  await page.goto('/admin')
  await expect(page.getByRole('heading', { name: /Bài chờ tôi xử lý/ })).toBeVisible()
})

test('TOTP: set up at /admin/totp, then a code after each password login', async ({
  browser,
  page,
  request,
}) => {
  const { email } = await createAccount(request)
  await logIn(page, email)
  await expect(page.getByRole('heading', { name: /Bài chờ tôi xử lý/ })).toBeVisible()
  await page.goto('/admin/totp')
  await page.getByRole('button', { name: 'Cài đặt ứng dụng xác thực' }).click()
  await expect(page.getByRole('img', { name: /Mã QR/ })).toBeVisible()
  const secret = (await page.getByText(/hoặc nhập khóa:/).textContent())!.split(':').pop()!.trim()
  await page.getByLabel('Mã 6 số trong ứng dụng xác thực').fill(await generate({ secret }))
  await page.getByRole('button', { name: 'Xác nhận mã' }).click()
  await expect(page.getByRole('heading', { name: /Bài chờ tôi xử lý/ })).toBeVisible()

  const other = await (await browser.newContext({ baseURL: E2E.cmsURL })).newPage()
  await logIn(other, email)
  await expect(other).toHaveURL(/\/admin\/totp/)
  await expect(other.getByText('nhập mã 6 số').first()).toBeVisible()
  await other.getByLabel('Mã 6 số trong ứng dụng xác thực').fill(await generate({ secret }))
  await other.getByRole('button', { name: 'Xác nhận mã' }).click()
  await expect(other.getByRole('heading', { name: /Bài chờ tôi xử lý/ })).toBeVisible()
})
