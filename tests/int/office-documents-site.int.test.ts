/**
 * An official document on the website (Điều 14.3, 17.3), on a real build: the clerk sends a
 * document from the authorities with its scan to the website, the post goes through the
 * workflow and is published; the article lists "Tệp đính kèm" with the PDF's name and size,
 * links to the file copied into the build, and the site server answers it as a PDF, never
 * sniffed. A second document sent but not published leaves no file in the build.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post } from '../../cms/src/payload-types'
import { demoUsers, restClients } from './support/data-rights'
import { useTestSchool } from './support/payload'
import { stepAs } from './support/workflow'

const school = useTestSchool()
const as = restClients()
let cms: { url: string; close: () => Promise<void> }
const root = mkdtempSync(path.join(tmpdir(), 'school-site-office-'))
const liveLink = path.join(root, 'site')

beforeAll(async () => {
  const { serveRestOverHttp } = await import('./support/rest')
  cms = await serveRestOverHttp()
})
afterAll(() => cms?.close())

describe('an official document on the built website', () => {
  it('lists its PDF under the article, copied into the build; a draft’s file stays out', async () => {
    const { payload } = school
    const users = await demoUsers(payload)
    const { scanPdf } = await import('../../cms/src/seed/demo-office-documents')
    const send = async (summary: string) => {
      const scan = await scanPdf('SỞ GD&ĐT HÀ NỘI', [summary])
      const doc = await payload.create({
        collection: 'incoming-documents',
        data: {
          dateReceived: '2025-03-10T09:00:00+07:00',
          issuer: 'Sở GD&ĐT Hà Nội',
          numberSymbol: '999/SGDĐT-GDTH',
          type: 'huong_dan',
          summary,
          urgency: 'normal',
          fromAuthorities: true,
        },
        file: { data: scan, mimetype: 'application/pdf', name: 'Hướng dẫn.pdf', size: scan.length },
        user: users.clerk,
        overrideAccess: false,
      })
      const made = await (
        await as('clerk')
      ).post(`/office/incoming-documents/${doc.id}/to-website`, {})
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      const post = (await payload.findByID({
        collection: 'posts',
        id: made.body.post.id,
        draft: true,
        depth: 1,
        overrideAccess: true,
      })) as Post
      return { post, file: (post.attachments ?? [])[0] as Media }
    }
    const published = await send('Hướng dẫn tuyển sinh vào lớp 1')
    const draft = await send('Hướng dẫn còn chờ duyệt')
    for (const [who, action] of [
      [users.clerk, 'submit'],
      [users.vice_principal, 'accept'],
      [users.principal, 'approve'],
      [users.web_admin, 'publish'],
    ] as const)
      await stepAs(payload, who, published.post.id, action)
    await stepAs(payload, users.clerk, draft.post.id, 'submit')

    const { runBuild } = await import('../../cms/src/site-build/runner')
    const built = await runBuild(payload, {
      sourceDir: fileURLToPath(new URL('../../site', import.meta.url)),
      buildsDir: path.join(root, 'builds'),
      liveLink,
      cmsURL: cms.url,
      debounceMs: 300,
    })
    const log = (await payload.findGlobal({ slug: 'site-build', overrideAccess: true })).log
    expect(built, log ?? '').toBe(true)

    const live = await payload.findByID({
      collection: 'posts',
      id: published.post.id,
      overrideAccess: true,
    })
    const page = readFileSync(path.join(liveLink, 'tin-tuc', live.slug!, 'index.html'), 'utf8')
    expect(page).toContain('Tệp đính kèm')
    const link = page.match(/href="(\/media\/[^"]+\.pdf)"/)
    expect(link, 'a link to the copied PDF').toBeTruthy()
    const src = link![1]
    expect(src).toMatch(new RegExp(`^/media/${published.file.id}/[a-z0-9-]+\\.pdf$`))
    expect(page).toContain(`${published.file.filename}</a> (PDF, `)
    expect(page).toMatch(/\(PDF, \d+ KB\)/)
    // Still no inline script on the article: zero JavaScript.
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    const copied = path.join(liveLink, ...src.split('/').filter(Boolean))
    expect(existsSync(copied)).toBe(true)
    expect(readFileSync(copied).subarray(0, 5).toString()).toBe('%PDF-')
    // The draft's file never reached the build.
    expect(existsSync(path.join(liveLink, 'media', String(draft.file.id)))).toBe(false)
    expect(readdirSync(path.join(liveLink, 'media')).includes(String(draft.file.id))).toBe(false)

    const { serveSite } = await import('../../scripts/lib/site-server.mjs')
    const server = await serveSite(liveLink, 0)
    try {
      const { port } = server.address() as { port: number }
      const response = await fetch(`http://localhost:${port}${src}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('Content-Type')).toBe('application/pdf')
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
      expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'none'")
      const renamed = src.replace(/\.pdf$/, '.html')
      expect((await fetch(`http://localhost:${port}${renamed}`)).status).toBe(404)
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })
})
