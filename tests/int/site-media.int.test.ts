/**
 * Issue 10, holes 1 and 11, on a real build of the website: PNGs with a page appended, uploaded
 * under every dangerous extension and spelling and published as covers through the workflow,
 * land in the build as .png/.webp files only; the site server answers them as images, never
 * sniffed, sandboxed, and nothing else under /media/; in Chromium no script runs when one opens
 * them. The built pages have no inline script or style, so the site's CSP holds.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import { demoUser, stepAs } from './support/workflow'

const school = useTestSchool()
let cms: { url: string; close: () => Promise<void> }
const root = mkdtempSync(path.join(tmpdir(), 'school-site-media-'))
const liveLink = path.join(root, 'site')
const PAGE = '<html><body><script>window.__xss = 1; document.title = "owned"</script></body></html>'
const NAMES = ['a.HTML', 'a.html.', 'a.htm ', 'a.svg', 'a.js', 'a.png.html', 'a.xhtml']

beforeAll(async () => {
  const { serveRestOverHttp } = await import('./support/rest')
  cms = await serveRestOverHttp()
})
afterAll(() => cms?.close())

function filesUnder(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) filesUnder(full, found)
    else found.push(full)
  }
  return found
}

describe('polyglot covers on the built site', () => {
  it('are .png/.webp images only, served as images, sandboxed; in Chromium no script runs', async () => {
    const { payload } = school
    const writer = await demoUser(payload, 'homeroom_teacher')
    const png = await sharp({
      create: { width: 1400, height: 80, channels: 3, background: { r: 30, g: 120, b: 60 } },
    })
      .png()
      .toBuffer()
    const data = Buffer.concat([png, Buffer.from(PAGE)])
    const ids: number[] = []
    for (const [index, name] of NAMES.entries()) {
      const cover = await payload.create({
        collection: 'media',
        user: writer,
        overrideAccess: false,
        data: { alt: `Ảnh thử ${index}` },
        file: { data, mimetype: 'text/html', name, size: data.length },
      })
      ids.push(cover.id)
      const post = await payload.create({
        collection: 'posts',
        draft: true,
        user: writer,
        overrideAccess: false,
        data: {
          title: `Ảnh thử đa năng ${index}`,
          excerpt: 'Ảnh bìa tải lên dưới tên trang web.',
          content: richText('Nội dung.'),
          coverImage: cover.id,
        },
      })
      await stepAs(payload, writer, post.id, 'submit')
      await stepAs(payload, await demoUser(payload, 'group_head'), post.id, 'accept')
      await stepAs(payload, await demoUser(payload, 'vice_principal'), post.id, 'approve')
      await stepAs(payload, await demoUser(payload, 'web_admin'), post.id, 'publish')
    }

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

    const all = filesUnder(liveLink)
    const media = all.filter((file) => file.includes(`${path.sep}media${path.sep}`))
    for (const id of ids) {
      const ofCover = media.filter((file) =>
        file.includes(`${path.sep}media${path.sep}${id}${path.sep}`),
      )
      expect(ofCover.length, `media ${id}`).toBeGreaterThan(1)
    }
    for (const file of media) expect(file).toMatch(/[a-z0-9-]+\.(jpg|png|webp)$/)
    // No page carries an inline script or style: the CSP allows only the site's own files.
    for (const page of all.filter((file) => file.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8')
      expect(html, page).not.toMatch(/<style/)
      expect(html, page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
      expect(html, page).not.toMatch(/\sstyle="/)
    }

    const { serveSite } = await import('../../scripts/lib/site-server.mjs')
    const server = await serveSite(liveLink, 0)
    const { port } = server.address() as { port: number }
    const site = `http://localhost:${port}`
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    })
    try {
      const sources = media.map((file) => file.slice(liveLink.length).split(path.sep).join('/'))
      for (const src of sources) {
        const response = await fetch(site + src)
        expect(response.status, src).toBe(200)
        expect(response.headers.get('Content-Type'), src).toMatch(/^image\/(png|webp|jpeg)$/)
        expect(response.headers.get('X-Content-Type-Options'), src).toBe('nosniff')
        expect(response.headers.get('Content-Security-Policy'), src).toContain('sandbox')
      }
      const folder = `/media/${ids[0]}/`
      for (const other of ['a.html', 'a.HTML', 'a', 'a.png.html', 'a.htm%20', 'a.html.'])
        expect((await fetch(`${site}${folder}${other}`)).status, other).toBe(404)
      const home = await fetch(`${site}/`)
      expect(home.headers.get('Content-Security-Policy')).toContain("default-src 'self'")
      expect(home.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'")
      expect(home.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin')

      const page = await browser.newPage()
      const dialogs: string[] = []
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      const covers = sources.filter((src) => src.endsWith('.png'))
      expect(covers.length).toBeGreaterThanOrEqual(NAMES.length)
      const stored = await payload.find({
        collection: 'media',
        where: { id: { in: ids } },
        overrideAccess: true,
      })
      const cmsFiles = stored.docs.map((doc) => `${cms.url}/api/media/file/${doc.filename}`)
      for (const url of [...covers.map((src) => site + src), ...cmsFiles]) {
        await page.goto(url)
        expect(await page.evaluate(() => (window as { __xss?: number }).__xss), url).toBeUndefined()
        expect(await page.title(), url).not.toBe('owned')
        expect(await page.locator('script').count(), url).toBe(0)
      }
      expect(dialogs).toEqual([])
    } finally {
      await browser.close()
      server.close()
    }
  }, 240_000)
})
