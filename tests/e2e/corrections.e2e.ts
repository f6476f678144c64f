/**
 * A correction after the lock (Điều 12.2), on the running product: the subject teacher asks to
 * change a locked `mid1` entry with a reason; the vice-principal opens the request in the admin
 * and approves it; the entry now holds the new level and the change log names the request.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { schoolYearOf } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

async function token(request: APIRequestContext, role: Parameters<typeof demoLoginEmail>[0]) {
  const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail(role), password: demoPassword() },
  })
  return { Authorization: `JWT ${(await response.json()).token}` }
}

test('a vice-principal approves a correction request and the entry changes', async ({
  browser,
  request,
}) => {
  const teacher = await token(request, 'subject_teacher')
  const schoolYear = schoolYearOf(new Date())
  const entries = await request.get(
    `${E2E.cmsURL}/api/assessments?where[period][equals]=mid1&where[schoolYear][equals]=${schoolYear}&where[subject][equals]=ngoai-ngu&limit=50&depth=0`,
    { headers: teacher },
  )
  expect(entries.status()).toBe(200)
  const pending = await request.get(
    `${E2E.cmsURL}/api/correction-requests?where[status][equals]=pending&limit=100&depth=0`,
    { headers: teacher },
  )
  const taken = new Set(
    ((await pending.json()).docs as Array<{ assessment: number }>).map((doc) => doc.assessment),
  )
  const entry = ((await entries.json()).docs as Array<{ id: number; level: string }>).find(
    (doc) => !taken.has(doc.id),
  )
  expect(entry, 'a mid1 ngoai-ngu entry of the demo').toBeDefined()
  const proposed = entry!.level === 'T' ? 'H' : 'T'
  const filed = await request.post(`${E2E.cmsURL}/api/correction-requests`, {
    headers: teacher,
    data: { assessment: entry!.id, level: proposed, reason: 'Nhập nhầm mức khi chấm bài.' },
  })
  expect(filed.status()).toBe(201)
  const requestId = (await filed.json()).doc.id

  const page = await adminAs(browser, 'vice_principal')
  await page.goto(`/admin/collections/correction-requests/${requestId}`)
  await expect(page.getByRole('heading', { name: 'Quyết định' })).toBeVisible()
  await page.getByRole('button', { name: 'Duyệt và sửa kết quả' }).click()
  // The page reloads once the decision is recorded (its toast goes with it): the panel is gone.
  await expect(page.getByRole('heading', { name: 'Quyết định' })).toBeHidden({ timeout: 30_000 })

  const after = await request.get(`${E2E.cmsURL}/api/assessments/${entry!.id}?depth=0`, {
    headers: teacher,
  })
  expect((await after.json()).level).toBe(proposed)
  const decided = await request.get(`${E2E.cmsURL}/api/correction-requests/${requestId}`, {
    headers: teacher,
  })
  expect((await decided.json()).status).toBe('approved')
})
