/**
 * Rebuilds the public website when what it shows changes (Điều 17.3: published right after
 * approval). Requests are debounced and builds run one at a time, in the CMS process itself.
 * Each build goes to a new folder; only a complete build is swapped in (an atomic rename of the
 * `live` link), so visitors never see a half-built site and a failed build leaves the last good
 * one live. The outcome and the log go to the `site-build` global for the web admin.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import { mentionsFullDisk } from '../hooks/disk-full'
import { processState, runChildNode } from '../lib/child-job'

export interface SiteBuildConfig {
  /** The Astro project. */
  sourceDir: string
  /** Where each build gets its own folder. */
  buildsDir: string
  /** The link the static server serves; it points at the live build. */
  liveLink: string
  /** Where the build reads the CMS (the public REST API). */
  cmsURL: string
  debounceMs: number
}

/** Building is on when `npm start` (or a deployment) says where: SITE_SOURCE_DIR, SITE_BUILDS_DIR, SITE_LIVE_DIR. */
export function siteBuildConfig(): SiteBuildConfig | null {
  const { SITE_SOURCE_DIR, SITE_BUILDS_DIR, SITE_LIVE_DIR } = process.env
  if (!SITE_SOURCE_DIR || !SITE_BUILDS_DIR || !SITE_LIVE_DIR) return null
  return {
    sourceDir: SITE_SOURCE_DIR,
    buildsDir: SITE_BUILDS_DIR,
    liveLink: SITE_LIVE_DIR,
    cmsURL: process.env.CMS_URL || process.env.SERVER_URL || 'http://localhost:3000',
    debounceMs: Number(process.env.SITE_BUILD_DEBOUNCE_MS || 1500),
  }
}

interface RunnerState {
  timer?: ReturnType<typeof setTimeout>
  running: boolean
  pending: boolean
  reasons: string[]
}

const runnerState = () =>
  processState<RunnerState>('siteBuildRunner', () => ({
    running: false,
    pending: false,
    reasons: [],
  }))

/** Asks for a rebuild soon; many requests in a short while make one build. */
export function requestSiteBuild(payload: Payload, reason: string): void {
  const config = siteBuildConfig()
  if (!config) return
  const state = runnerState()
  state.reasons.push(reason)
  if (state.timer) clearTimeout(state.timer)
  state.timer = setTimeout(() => void runBuild(payload, config), config.debounceMs)
}

const MAX_LOG = 20_000

/**
 * Astro's command line, looked up as Node would from the site's folder. (Not with require.resolve:
 * inside the Next.js bundle that gives a module number, and astro.js is not in Astro's exports.)
 */
function findAstroCli(sourceDir: string): string {
  for (let dir = path.resolve(sourceDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'astro', 'astro.js')
    if (existsSync(candidate)) return candidate
    if (path.dirname(dir) === dir) throw new Error(`Astro is not installed for ${sourceDir}`)
  }
}

async function astroBuild(
  config: SiteBuildConfig,
  outDir: string,
): Promise<{ ok: boolean; log: string }> {
  const outcome = await runChildNode({
    args: [findAstroCli(config.sourceDir), 'build', '--silent'],
    cwd: config.sourceDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      CMS_URL: config.cmsURL,
      SITE_OUT_DIR: outDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    maxOutput: MAX_LOG,
  })
  if (outcome.error) return { ok: false, log: `${outcome.output}\n${outcome.error.message}` }
  return { ok: outcome.code === 0, log: outcome.output }
}

/** The build the live link points at, as an absolute path; null when there is none. */
async function liveBuild(liveLink: string): Promise<string | null> {
  const target = await fs.readlink(liveLink).catch(() => null)
  return target === null ? null : path.resolve(path.dirname(liveLink), target)
}

/**
 * Points the live link at `target` in one rename: a visitor gets the old site or the new one.
 * The link is relative, so a data folder copied or restored elsewhere still serves its own site.
 */
async function swapLive(liveLink: string, target: string): Promise<string | null> {
  const previous = await liveBuild(liveLink)
  const stat = await fs.lstat(liveLink).catch(() => null)
  if (stat && !stat.isSymbolicLink()) await fs.rm(liveLink, { recursive: true, force: true })
  const temporary = `${liveLink}.next-${process.pid}`
  await fs.rm(temporary, { force: true })
  await fs.symlink(path.relative(path.dirname(liveLink), target), temporary, 'dir')
  await fs.rename(temporary, liveLink)
  return previous
}

/** Keeps the live build and the one before it; older builds are removed. */
async function prune(buildsDir: string, keep: Array<string | null>) {
  const kept = new Set(keep.filter(Boolean).map((dir) => path.resolve(dir!)))
  for (const name of await fs.readdir(buildsDir)) {
    const dir = path.resolve(buildsDir, name)
    if (!kept.has(dir)) await fs.rm(dir, { recursive: true, force: true })
  }
}

async function record(payload: Payload, data: Record<string, unknown>) {
  try {
    await payload.updateGlobal({ slug: 'site-build', data, overrideAccess: true, depth: 0 })
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Could not record the site build status' })
  }
}

/**
 * What the web admin reads first when the disk is full, instead of Astro's stack trace: the cause,
 * that visitors still get the last good site, and what to do.
 */
export const DISK_FULL_MESSAGE =
  'Hết dung lượng đĩa: không ghi được bản website mới. Website cũ vẫn hoạt động. Hãy giải phóng ' +
  'dung lượng trên máy chủ (thư mục dữ liệu của trường), rồi xuất bản lại hoặc khởi động lại CMS ' +
  'để xây dựng lại website.'

/** The log kept for a failed build: a full disk says so in Vietnamese first. */
function failureLog(log: string): string {
  return mentionsFullDisk(log) ? `${DISK_FULL_MESSAGE}\n\n${log}` : log
}

export const INTERRUPTED_MESSAGE =
  'Lần xây dựng trước bị ngắt giữa chừng (CMS dừng khi đang xây dựng). Website cũ vẫn hoạt động; ' +
  'bản dở dang đã được xoá và website được xây dựng lại khi CMS khởi động.'

/**
 * At start, before the first build: a build the last process did not finish (killed, power cut)
 * left the status "building" and a half-written folder. Builds run one at a time and a complete
 * one is swapped in at once, so every build folder newer than the live one is such a leftover
 * (as are the temporary links of a swap cut short). The live build and older ones stay.
 */
export async function recoverInterruptedSiteBuild(payload: Payload): Promise<void> {
  const config = siteBuildConfig()
  if (!config) return
  const live = await liveBuild(config.liveLink)
  const liveName = live ? path.basename(live) : null
  const names = await fs.readdir(config.buildsDir).catch(() => [] as string[])
  const leftovers = names.filter((name) => liveName === null || name > liveName)
  for (const name of leftovers)
    await fs.rm(path.join(config.buildsDir, name), { recursive: true, force: true })
  const linkDir = path.dirname(config.liveLink)
  const temporary = `${path.basename(config.liveLink)}.next-`
  for (const name of await fs.readdir(linkDir).catch(() => [] as string[]))
    if (name.startsWith(temporary)) await fs.rm(path.join(linkDir, name), { force: true })
  const status = await payload.findGlobal({ slug: 'site-build', depth: 0, overrideAccess: true })
  if (status.status !== 'building') return
  const removed = leftovers.length ? `\nĐã xoá: ${leftovers.join(', ')}` : ''
  await record(payload, { status: 'interrupted', log: `${INTERRUPTED_MESSAGE}${removed}` })
  // Named in the next build's reasons, which outlast its status: the web admin sees why it ran.
  requestSiteBuild(payload, 'interrupted build')
  payload.logger.warn(`The last website build was cut short; ${leftovers.length} folder(s) removed`)
}

export async function runBuild(payload: Payload, config: SiteBuildConfig): Promise<boolean> {
  const state = runnerState()
  if (state.running) {
    state.pending = true
    return false
  }
  state.running = true
  const reasons = state.reasons.splice(0)
  const startedAt = new Date()
  const outDir = path.join(config.buildsDir, startedAt.toISOString().replace(/[:.]/g, '-'))
  let ok: boolean
  try {
    await fs.mkdir(config.buildsDir, { recursive: true })
    await record(payload, {
      status: 'building',
      lastAttemptAt: startedAt.toISOString(),
      reasons: reasons.join(', '),
    })
    const result = await astroBuild(config, outDir)
    ok = result.ok && existsSync(path.join(outDir, 'index.html'))
    const durationMs = Date.now() - startedAt.getTime()
    if (ok) {
      const previous = await swapLive(config.liveLink, outDir)
      await prune(config.buildsDir, [outDir, previous])
      await record(payload, {
        status: 'ok',
        lastSuccessAt: new Date().toISOString(),
        durationMs,
        log: result.log || 'OK',
      })
      payload.logger.info(
        `Website rebuilt in ${durationMs} ms (${reasons.join(', ') || 'requested'})`,
      )
    } else {
      await fs.rm(outDir, { recursive: true, force: true })
      await record(payload, { status: 'failed', durationMs, log: failureLog(result.log) })
      payload.logger.error(
        `Website build failed; the last good site stays live.\n${result.log.slice(-2000)}`,
      )
    }
  } catch (error) {
    // A swap cut short (a full disk has no room for the new link) leaves the old site live.
    const live = await liveBuild(config.liveLink)
    if (live !== outDir) await fs.rm(outDir, { recursive: true, force: true }).catch(() => {})
    const log = String((error as Error).stack ?? error)
    await record(payload, { status: 'failed', log: failureLog(log) })
    payload.logger.error(`Website build failed; the last good site stays live.\n${log}`)
    return false
  } finally {
    state.running = false
    if (state.pending) {
      state.pending = false
      void runBuild(payload, config)
    }
  }
  return ok
}
