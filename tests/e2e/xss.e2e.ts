/**
 * Rich text and fields carrying script payloads are published through the real workflow; on the
 * rebuilt site, in Chromium, none of them runs: text is escaped and no raw HTML is rendered.
 * A `javascript:` link is refused by the CMS when the post is handed in; the site's renderer
 * would drop its address too (site/src/lib/links.test.ts). Điều 17.2: keep the site safe.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const paragraph = (...children: object[]) => ({
  type: 'paragraph',
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  textFormat: 0,
  children,
})

const content = {
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      paragraph(text('<script>window.__xss = "script"</script>')),
      paragraph(text('<img src=x onerror="window.__xss = \'onerror\'">', 1)),
      {
        type: 'heading',
        tag: 'h2',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [text('"><svg onload="window.__xss = \'svg\'">')],
      },
      paragraph({
        type: 'link',
        version: 3,
        format: '',
        indent: 0,
        direction: 'ltr',
        fields: { url: 'javascript:window.__xss = "link"', newTab: false, linkType: 'custom' },
        children: [text('Bấm vào đây')],
      }),
      { type: 'html', version: 1, html: '<script>window.__xss = "html"</script>', children: [] },
    ],
  },
}

async function token(request: APIRequestContext, role: Parameters<typeof demoLoginEmail>[0]) {
  const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
    data: { email: demoLoginEmail(role), password: demoPassword() },
  })
  return { Authorization: `JWT ${(await response.json()).token}` }
}

test('script payloads in a published post never run on the site', async ({ page, request }) => {
  test.setTimeout(120_000)
  const writer = await token(request, 'homeroom_teacher')
  const created = await request.post(`${E2E.cmsURL}/api/posts?draft=true`, {
    headers: writer,
    data: {
      title: 'Thử an toàn <script>window.__xss = "title"</script>',
      slug: 'thu-an-toan-xss',
      excerpt: '<img src=x onerror="window.__xss = \'excerpt\'">',
      tags: ['<b onmouseover="window.__xss = \'tag\'">thẻ</b>'],
      content,
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = await created.json()
  // First line of defence: the CMS refuses a javascript: link when the post is handed in.
  const refused = await request.post(`${E2E.cmsURL}/api/posts/${doc.id}/workflow`, {
    headers: writer,
    data: { action: 'submit' },
  })
  expect(refused.status()).toBe(400)
  expect(await refused.text()).toContain('Nội dung')
  const withoutLink = {
    root: {
      ...content.root,
      children: content.root.children.filter(
        (node) => node.type !== 'paragraph' || !JSON.stringify(node).includes('javascript:'),
      ),
    },
  }
  const fixed = await request.patch(`${E2E.cmsURL}/api/posts/${doc.id}?draft=true`, {
    headers: writer,
    data: { content: withoutLink },
  })
  expect(fixed.status(), await fixed.text()).toBe(200)
  const steps: Array<[Parameters<typeof demoLoginEmail>[0], string]> = [
    ['homeroom_teacher', 'submit'],
    ['group_head', 'accept'],
    ['vice_principal', 'approve'],
    ['web_admin', 'publish'],
  ]
  for (const [role, action] of steps) {
    const response = await request.post(`${E2E.cmsURL}/api/posts/${doc.id}/workflow`, {
      headers: await token(request, role),
      data: { action },
    })
    expect(response.status(), `${role} ${action}: ${await response.text()}`).toBe(200)
  }

  const url = `${E2E.siteURL}/tin-tuc/thu-an-toan-xss/`
  await expect
    .poll(async () => (await request.get(url)).status(), { timeout: 30_000, intervals: [500] })
    .toBe(200)
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  for (const path of [url, `${E2E.siteURL}/`, `${E2E.siteURL}/tin-tuc/`]) {
    await page.goto(path)
    await page.mouse.move(10, 10)
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
      path,
    ).toBeUndefined()
    expect(await page.locator('script').count(), path).toBe(0)
  }
  await page.goto(url)
  // The payloads are shown as text, not run.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>')
  await expect(page.getByText('<img src=x onerror=').first()).toBeVisible()
  expect(await page.locator('a[href^="javascript"]').count()).toBe(0)
  // No picture from the payloads in the article (the header's logo is the school's own).
  expect(await page.locator('main img, main svg').count()).toBe(0)
  expect(dialogs).toEqual([])
})
