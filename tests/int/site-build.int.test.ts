/**
 * The website rebuilds itself: a real `astro build` of site/ against the CMS over HTTP, into a
 * new folder swapped in only when complete. A failed build leaves the last good site live and
 * tells the web admin why; many requests in a short while make one build.
 */
import { existsSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteBuildConfig } from '../../cms/src/site-build/runner'
import { useTestSchool } from './support/payload'

const school = useTestSchool()
let server: { url: string; close: () => Promise<void> }
let config: SiteBuildConfig
const root = mkdtempSync(path.join(tmpdir(), 'school-site-build-'))

beforeAll(async () => {
  const { serveRestOverHttp } = await import('./support/rest')
  server = await serveRestOverHttp()
  config = {
    sourceDir: fileURLToPath(new URL('../../site', import.meta.url)),
    buildsDir: path.join(root, 'builds'),
    liveLink: path.join(root, 'site'),
    cmsURL: server.url,
    debounceMs: 300,
  }
})
afterAll(() => server?.close())

const status = () => school.payload.findGlobal({ slug: 'site-build', overrideAccess: true })

describe('site builds', () => {
  it('builds into a new folder and swaps it in; the web admin sees when', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    const built = await runBuild(school.payload, config)
    expect(built, (await status()).log ?? '').toBe(true)
    const link = readlinkSync(config.liveLink)
    // Relative: a data folder restored or copied elsewhere serves its own build.
    expect(path.isAbsolute(link)).toBe(false)
    expect(path.dirname(path.resolve(path.dirname(config.liveLink), link))).toBe(config.buildsDir)
    expect(readFileSync(path.join(config.liveLink, 'index.html'), 'utf8')).toContain('lang="vi"')
    expect(
      existsSync(path.join(config.liveLink, 'tin-tuc', 'le-khai-giang-nam-hoc-moi', 'index.html')),
    ).toBe(true)
    const recorded = await status()
    expect(recorded.status).toBe('ok')
    expect(recorded.lastSuccessAt).toBeTruthy()
  }, 120_000)

  it('a failed build leaves the last good site live and records the log', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    const before = readlinkSync(config.liveLink)
    const unreachable = { ...config, cmsURL: 'http://127.0.0.1:9' }
    expect(await runBuild(school.payload, unreachable)).toBe(false)
    expect(readlinkSync(config.liveLink)).toBe(before)
    expect(existsSync(path.join(config.liveLink, 'index.html'))).toBe(true)
    const recorded = await status()
    expect(recorded.status).toBe('failed')
    expect(recorded.log).toMatch(/ECONNREFUSED|fetch failed/)
  }, 120_000)

  it('many requests in a short while make one build', async () => {
    const { requestSiteBuild } = await import('../../cms/src/site-build/runner')
    Object.assign(process.env, {
      SITE_SOURCE_DIR: config.sourceDir,
      SITE_BUILDS_DIR: config.buildsDir,
      SITE_LIVE_DIR: config.liveLink,
      CMS_URL: server.url,
      SITE_BUILD_DEBOUNCE_MS: '300',
    })
    try {
      const before = readlinkSync(config.liveLink)
      for (let i = 1; i <= 5; i += 1) requestSiteBuild(school.payload, `thay đổi ${i}`)
      await expect
        .poll(async () => (await status()).status, { timeout: 90_000, interval: 500 })
        .toBe('ok')
      const recorded = await status()
      expect(recorded.reasons).toBe('thay đổi 1, thay đổi 2, thay đổi 3, thay đổi 4, thay đổi 5')
      expect(readlinkSync(config.liveLink)).not.toBe(before)
    } finally {
      for (const key of [
        'SITE_SOURCE_DIR',
        'SITE_BUILDS_DIR',
        'SITE_LIVE_DIR',
        'SITE_BUILD_DEBOUNCE_MS',
      ])
        delete process.env[key]
    }
  }, 120_000)
})
