/**
 * A full disk (issue 13 point 7): under the website builds, the build fails with a message the
 * web admin understands and the last good site stays live while the CMS keeps serving; under the
 * database, a save that cannot be written is answered clearly and leaves nothing half-saved.
 * After space is freed, both work again. Root only: each disk is a small tmpfs.
 */
import { cpSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import {
  demoSchool,
  login,
  readLiveSite,
  startProduct,
  type RunningProduct,
} from './support/product'
import {
  fillDisk,
  inspectDatabase,
  isRoot,
  liveBuild,
  setMotto,
  smallDisk,
  waitForBuildStatus,
} from './support/faults'

const PORT = 3370
const running: RunningProduct[] = []
const cleanups: Array<() => void> = []

afterAll(async () => {
  for (const product of running) await product.stop()
  for (const cleanup of cleanups.reverse()) cleanup()
})

const NOT_ROOT = 'needs root to mount a small tmpfs (CI runs as root)'

/** Waits for the end of the first build that started at or after `since`. */
const buildSince = (product: RunningProduct, auth: string, since: Date) =>
  waitForBuildStatus(
    product,
    auth,
    (build) =>
      build.status !== 'building' && new Date(build.lastAttemptAt ?? 0).getTime() >= +since,
    'a website build',
  )

describe.skipIf(!isRoot())(`a full disk (${isRoot() ? 'tmpfs' : NOT_ROOT})`, () => {
  it('under the builds: the build fails saying so, the old site stays live, the CMS serves', async () => {
    const dataDir = await demoSchool(PORT)
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const buildsDir = path.join(dataDir, 'site-builds')
    rmSync(buildsDir, { recursive: true, force: true })
    const disk = smallDisk(8, buildsDir)
    cleanups.push(disk.unmount)

    const startedAt = new Date()
    const product = await startProduct({ dataDir, port: PORT + 1 })
    running.push(product)
    const webAdmin = await login(product.cmsURL, 'web_admin')
    expect((await buildSince(product, webAdmin, startedAt)).status).toBe('ok')
    const live = liveBuild(dataDir)
    const page = readLiveSite(dataDir)

    const filler = fillDisk(buildsDir)
    const fullAt = new Date()
    expect((await setMotto(product.cmsURL, webAdmin, 'Khẩu hiệu khi đầy đĩa')).status).toBe(200)
    const failed = await buildSince(product, webAdmin, fullAt)
    expect(failed.status).toBe('failed')
    expect(failed.log).toMatch(/^Hết dung lượng đĩa: không ghi được bản website mới\./)
    expect(liveBuild(dataDir)).toBe(live)
    expect(readLiveSite(dataDir)).toBe(page)
    // The CMS keeps serving: logins, reads, saves (the database is on another disk here).
    const principal = await login(product.cmsURL, 'principal')
    const posts = await fetch(`${product.cmsURL}/api/posts?limit=5&depth=0`, {
      headers: { Authorization: principal },
    })
    expect(posts.status).toBe(200)
    expect((await posts.json()).docs.length).toBeGreaterThan(0)

    unlinkSync(filler)
    const freedAt = new Date()
    expect((await setMotto(product.cmsURL, webAdmin, 'Khẩu hiệu sau khi dọn đĩa')).status).toBe(200)
    expect((await buildSince(product, webAdmin, freedAt)).status).toBe('ok')
    expect(readLiveSite(dataDir)).toContain('Khẩu hiệu sau khi dọn đĩa')
  })

  it('under the database: a save is refused clearly, nothing is half-saved, reads go on', async () => {
    const template = await demoSchool(PORT)
    cleanups.push(() => rmSync(template, { recursive: true, force: true }))
    const disk = smallDisk(48, mkdtempSync(path.join(tmpdir(), 'school-ops-full-data-')))
    cleanups.push(() => rmSync(disk.mountPoint, { recursive: true, force: true }))
    cleanups.push(disk.unmount)
    const dataDir = disk.mountPoint
    cpSync(template, dataDir, { recursive: true })

    const startedAt = new Date()
    const product = await startProduct({ dataDir, port: PORT + 2 })
    running.push(product)
    const webAdmin = await login(product.cmsURL, 'web_admin')
    const principal = await login(product.cmsURL, 'principal')
    expect((await buildSince(product, webAdmin, startedAt)).status).toBe('ok')
    const profileRows = () =>
      inspectDatabase(dataDir, []).query(
        'SELECT * FROM school_profile; SELECT * FROM school_profile_links',
      )
    const savedBefore = profileRows()

    const filler = fillDisk(dataDir)
    const refused = await fetch(`${product.cmsURL}/api/globals/school-profile`, {
      method: 'POST',
      headers: { Authorization: webAdmin, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        motto: 'Không lưu được',
        links: [{ label: 'Cổng thông tin', url: 'https://example.edu.vn' }],
      }),
    })
    const answer = (await refused.json()) as { errors?: Array<{ message: string }> }
    expect(refused.status).toBe(507)
    expect(answer.errors?.[0]?.message).toMatch(/^Máy chủ hết dung lượng đĩa: thay đổi này chưa/)
    expect(profileRows()).toBe(savedBefore)
    const posts = await fetch(`${product.cmsURL}/api/posts?limit=5&depth=0`, {
      headers: { Authorization: principal },
    })
    expect(posts.status).toBe(200)
    expect(readLiveSite(dataDir)).toContain('lang="vi"')

    unlinkSync(filler)
    expect((await setMotto(product.cmsURL, webAdmin, 'Lưu được sau khi dọn đĩa')).status).toBe(200)
    await product.stop()
    running.splice(running.indexOf(product), 1)
    const after = inspectDatabase(dataDir, [])
    expect(after.integrity).toEqual(['ok'])
    expect(after.query('SELECT motto FROM school_profile')).toBe('Lưu được sau khi dọn đĩa')
  })
})
