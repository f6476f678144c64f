import { expect, type Browser, type Page } from '@playwright/test'
import type { Role } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

/** A fresh browser context logged in to the admin as the demo account of `role`. */
export async function adminAs(browser: Browser, role: Role): Promise<Page> {
  const context = await browser.newContext({ baseURL: E2E.cmsURL, locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto('/admin/login')
  await page.getByLabel('Email').fill(demoLoginEmail(role))
  await page.getByLabel('Mật khẩu').fill(demoPassword())
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await expect(page.getByRole('heading', { name: /Bài chờ tôi xử lý/ })).toBeVisible()
  return page
}
