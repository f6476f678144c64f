/**
 * Faults during a website build (issue 13 point 7): the CMS killed mid-build (SIGKILL: the OOM
 * killer, a power cut of the service) and a full disk under the builds. The live site, the
 * database and the CMS stay whole; the next start recovers by itself.
 */
import { readdirSync, rmSync } from 'node:fs'
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
  childProcesses,
  exists,
  inspectDatabase,
  isRunning,
  liveBuild,
  setMotto,
  waitForAsync,
  waitForBuildStatus,
} from './support/faults'

const PORT = 3360
const running: RunningProduct[] = []
const cleanups: Array<() => void> = []

afterAll(async () => {
  for (const product of running) await product.kill()
  for (const cleanup of cleanups.reverse()) cleanup()
})

async function start(dataDir: string, port: number, env?: Record<string, string>) {
  const product = await startProduct({ dataDir, port, env })
  running.push(product)
  return product
}

/** Waits for the build a start requests, so what a test does next starts a build of its own. */
async function settled(product: RunningProduct, auth: string, since: Date) {
  return waitForBuildStatus(
    product,
    auth,
    (build) =>
      build.status !== 'building' && new Date(build.lastAttemptAt ?? 0).getTime() >= +since,
    'the start build',
  )
}

/** The build processes the CMS runs now, once there is one. */
async function astroOf(product: RunningProduct): Promise<number[]> {
  let astro: number[] = []
  await waitForAsync(
    () => (astro = childProcesses(product.child.pid!, 'astro')).length > 0,
    'a website build',
    120_000,
    product,
  )
  return astro
}

/** The build folders newer than the live one: those of a build not swapped in. */
function newerBuilds(buildsDir: string, live: string): string[] {
  return readdirSync(buildsDir)
    .map((name) => path.join(buildsDir, name))
    .filter((dir) => dir > live)
}

async function kill(product: RunningProduct) {
  await product.kill()
  running.splice(running.indexOf(product), 1)
}

describe('the CMS killed in the middle of a website build', () => {
  it('leaves the live site and the database whole; the next start cleans up and rebuilds', async () => {
    const dataDir = await demoSchool(PORT)
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const buildsDir = path.join(dataDir, 'site-builds')
    const startedAt = new Date()
    const first = await start(dataDir, PORT + 1)
    const webAdmin = await login(first.cmsURL, 'web_admin')
    await settled(first, webAdmin, startedAt)
    const liveBefore = liveBuild(dataDir)
    const pageBefore = readLiveSite(dataDir)
    const tables = ['posts', 'students', 'users', 'school_profile']
    const { counts: before } = inspectDatabase(dataDir, tables)
    const motto = 'Khẩu hiệu của lần xây bị ngắt'
    expect((await setMotto(first.cmsURL, webAdmin, motto)).status).toBe(200)

    // 1. Killed while Astro bundles the site: Astro must not outlive the CMS. An orphaned build
    // writes on into the builds folder while the next start cleans it up and builds again.
    const bundling = await astroOf(first)
    await kill(first)
    const killedAt = Date.now()
    await waitForAsync(
      () => bundling.every((pid) => !isRunning(pid)),
      'the website build to end with the CMS',
      3_000,
    )
    console.info(`The build ended ${Date.now() - killedAt} ms after the CMS was killed`)

    // 2. Killed while Astro writes the new build's folder: the worst moment for the live site.
    const second = await start(dataDir, PORT + 2)
    let halfBuilt = ''
    await waitForAsync(
      () =>
        childProcesses(second.child.pid!, 'astro').length > 0 &&
        (halfBuilt = newerBuilds(buildsDir, liveBefore)[0] ?? '') !== '',
      'a build writing its folder',
      120_000,
      second,
    )
    await kill(second)
    expect(liveBuild(dataDir)).toBe(liveBefore)
    expect(readLiveSite(dataDir)).toBe(pageBefore)
    const afterKill = inspectDatabase(dataDir, tables)
    expect(afterKill.integrity).toEqual(['ok'])
    expect(afterKill.counts).toEqual(before)
    expect(afterKill.query('SELECT motto FROM school_profile')).toBe(motto)
    expect(afterKill.query('SELECT status FROM site_build')).toBe('building')

    // 3. The next start marks the build cut short, removes its folder, and rebuilds.
    const restartedAt = new Date()
    const third = await start(dataDir, PORT + 3)
    const auth = await login(third.cmsURL, 'web_admin')
    const rebuilt = await settled(third, auth, restartedAt)
    expect(rebuilt.status).toBe('ok')
    expect(rebuilt.reasons).toContain('interrupted build')
    expect(third.output()).toContain('The last website build was cut short')
    expect(exists(halfBuilt)).toBe(false)
    expect(liveBuild(dataDir)).not.toBe(liveBefore)
    expect(readLiveSite(dataDir)).toContain(motto)
    await third.stop()
    running.splice(running.indexOf(third), 1)
  })
})
