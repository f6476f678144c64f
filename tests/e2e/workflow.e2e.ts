/**
 * One post walked through the whole editorial chain in the admin, in Chromium, by four demo
 * users: the homeroom teacher writes and submits, the group head accepts, a vice-principal
 * approves, the web admin publishes. Each finds the post waiting on their dashboard.
 */
import { expect, test, type Page } from '@playwright/test'
import { slugify } from '@school/shared'

import { richTextFromParagraphs } from '../../cms/src/lib/rich-text'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

const TITLE = `Ngày hội đọc sách lớp 3B ${Date.now()}`

async function openFromDashboard(page: Page, todo: string) {
  const row = page.locator('.editorial-dashboard tr', { hasText: TITLE })
  await expect(row).toContainText(todo)
  await row.getByRole('link', { name: TITLE }).click()
  await expect(page.getByRole('heading', { name: 'Quy trình duyệt bài' })).toBeVisible()
}

async function take(page: Page, action: string, stageAfter: string) {
  await page.getByRole('button', { name: action, exact: true }).click()
  await expect(page.locator('.workflow-panel [data-stage]')).toHaveText(stageAfter)
}

test('a post walks the whole chain in the admin, as four different people', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000)

  const writer = await adminAs(browser, 'homeroom_teacher')
  await writer.goto('/admin/collections/posts/create')
  await writer.getByLabel('Tiêu đề').fill(TITLE)
  await writer.getByLabel('Tóm tắt').fill('Các em học sinh lớp 3B giới thiệu cuốn sách yêu thích.')
  const editor = writer.locator('[data-lexical-editor="true"]').first()
  await editor.click()
  await editor.pressSequentially('Sáng thứ Sáu, lớp 3B đã tổ chức ngày hội đọc sách.')
  // Autosave creates the draft and moves to its own address.
  await expect(writer).toHaveURL(/\/admin\/collections\/posts\/\d+/, { timeout: 30_000 })
  await expect(writer.locator('.workflow-panel [data-stage]')).toHaveText('Bản nháp')
  await expect(writer.getByRole('button', { name: 'Gửi thẩm định' })).toBeEnabled({
    timeout: 30_000,
  })
  // Payload's own "Publish" is not offered: only the workflow publishes.
  await expect(writer.getByRole('button', { name: /^Xuất bản/ })).toHaveCount(0)
  await take(writer, 'Gửi thẩm định', 'Chờ thẩm định')
  await expect(writer.locator('.workflow-panel').getByRole('button')).toHaveCount(0)
  // In the reviewers' hands: the writer sees it read-only.
  await expect(writer.getByLabel('Tiêu đề')).toBeDisabled()

  const head = await adminAs(browser, 'group_head')
  await openFromDashboard(head, 'Thẩm định đạt')
  await take(head, 'Thẩm định đạt', 'Đã thẩm định, chờ duyệt')

  const vicePrincipal = await adminAs(browser, 'vice_principal')
  await openFromDashboard(vicePrincipal, 'Phê duyệt')
  await take(vicePrincipal, 'Phê duyệt', 'Đã duyệt, chờ đăng')

  const webAdmin = await adminAs(browser, 'web_admin')
  await openFromDashboard(webAdmin, 'Đăng lên website')
  await take(webAdmin, 'Đăng lên website', 'Đã đăng')

  await webAdmin.locator('.workflow-panel__history summary').click()
  await expect(webAdmin.locator('.workflow-panel__history li')).toHaveCount(4)

  const published = await request.get(
    `${E2E.cmsURL}/api/posts?where[title][equals]=${encodeURIComponent(TITLE)}`,
  )
  const { docs } = await published.json()
  expect(docs).toHaveLength(1)
  expect(docs[0]._status).toBe('published')

  // The website rebuilds by itself: the post is live within 30 seconds…
  const postURL = `${E2E.siteURL}/tin-tuc/${slugify(TITLE)}/`
  const started = Date.now()
  await expect
    .poll(async () => (await request.get(postURL)).status(), { timeout: 30_000, intervals: [500] })
    .toBe(200)
  console.log(`publish → live: ${Date.now() - started} ms`)
  const page = await browser.newPage()
  await page.goto(postURL)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE)

  // …and the web admin sees when it was built.
  await webAdmin.goto('/admin/globals/site-build')
  await expect(webAdmin.getByText('Thành công', { exact: true }).first()).toBeVisible()

  // Taken down, it answers 404 within 30 seconds.
  await webAdmin.goto(`/admin/collections/posts/${docs[0].id}`)
  await take(webAdmin, 'Gỡ khỏi website', 'Bản nháp')
  await expect
    .poll(async () => (await request.get(postURL)).status(), { timeout: 30_000, intervals: [500] })
    .toBe(404)
})

test('a post sent back shows the comment to its writer', async ({ browser }) => {
  test.setTimeout(120_000)
  const title = `Bài cần sửa ${Date.now()}`
  const writer = await adminAs(browser, 'homeroom_teacher')
  // A logged-in browser's cookie counts only with the CMS's own Origin (CSRF protection).
  const headers = { Origin: E2E.cmsURL }
  const created = await writer.request.post(`${E2E.cmsURL}/api/posts?draft=true`, {
    headers,
    data: {
      title,
      excerpt: 'Tóm tắt.',
      content: richTextFromParagraphs(['Nội dung.']),
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = await created.json()
  expect(
    (
      await writer.request.post(`${E2E.cmsURL}/api/posts/${doc.id}/workflow`, {
        headers,
        data: { action: 'submit' },
      })
    ).status(),
  ).toBe(200)

  const head = await adminAs(browser, 'group_head')
  await head.goto(`/admin/collections/posts/${doc.id}`)
  await head.getByLabel('Ý kiến (bắt buộc khi trả lại)').fill('Cần thêm ảnh minh họa.')
  await take(head, 'Trả lại', 'Trả lại để sửa')

  await writer.goto(`/admin/collections/posts/${doc.id}`)
  await expect(writer.locator('.workflow-panel__returned')).toContainText('Cần thêm ảnh minh họa.')
  await expect(writer.getByRole('button', { name: 'Gửi thẩm định' })).toBeVisible()
})

test('the web admin reads the monthly report and downloads it as a spreadsheet', async ({
  browser,
}) => {
  const webAdmin = await adminAs(browser, 'web_admin')
  // The menu holds the link (collapsed on narrow screens).
  await expect(webAdmin.getByRole('link', { name: 'Báo cáo Ban biên tập' })).toHaveAttribute(
    'href',
    '/admin/editorial-report',
  )
  await webAdmin.goto('/admin/editorial-report')
  await expect(
    webAdmin.getByRole('heading', { name: 'Báo cáo Ban biên tập Website' }),
  ).toBeVisible()
  const row = webAdmin.getByRole('row', { name: /Tổ khối 3/ })
  await expect(row).toBeVisible()
  const download = webAdmin.waitForEvent('download')
  await webAdmin.getByRole('link', { name: 'Tải bảng tính (.xlsx)' }).click()
  expect((await download).suggestedFilename()).toMatch(/^bao-cao-ban-bien-tap-\d{4}-\d{2}\.xlsx$/)

  const teacher = await adminAs(browser, 'subject_teacher')
  await expect(teacher.getByRole('link', { name: 'Báo cáo Ban biên tập' })).toHaveCount(0)
  await teacher.goto('/admin/editorial-report')
  await expect(
    teacher.getByText('Chỉ Ban giám hiệu và Quản trị Website xem được báo cáo này.'),
  ).toBeVisible()
})
