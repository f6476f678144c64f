/**
 * Rebuilds the public website when what it shows changes (Điều 17.3: published right after
 * approval). Requests are debounced and builds run one at a time, in the CMS process itself.
 * Each build goes to a new folder; only a complete build is swapped in (an atomic rename of the
 * `live` link), so visitors never see a half-built site and a failed build leaves the last good
 * one live. The outcome and the log go to the `site-build` global for the web admin.
 *
 * Incremental builds (publish → live in seconds). A build is given the live build's folder and
 * its manifest (what each page was made from: a fingerprint of its getStaticPaths props). The
 * site's integration (site/integrations/incremental.ts) then renders only the pages whose props
 * changed, plus every page outside its PROPS_ROUTES table (home, listings by kind, rss.xml), the
 * search index (unchanged school years from the cache) and the sitemap, and hard-links every
 * other page's file from the live build into the new folder: a copy of the live build in which
 * the changed files are new. That folder is swapped in whole, as a full build is. A full build
 * is made for the start, a recovery, the school profile (scope 'full'), and whenever the
 * integration cannot be sure: no manifest, other site code or dependencies, other layout data,
 * a manifest that failed its own check; an incremental build that fails is tried again in full.
 * The manifest's summary (which mode, and why) is the first line of the build's log.
 *
 * Separate folders per build root: Astro's cache (`cacheDir`, the search indexes, Vite's cache)
 * goes to SITE_CACHE_DIR (default `<builds>-cache`), the manifests to its `manifests/`, and
 * Astro's working directory, where it bundles the pages before rendering them, is the build
 * root's own (workDirOf). A benchmark beside `npm start`, or several schools on one machine,
 * never share a cache, an output or a temporary folder.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

import { mentionsFullDisk } from '../hooks/disk-full'
import { processState } from '../lib/child-job'
import { buildInWorker, prepareInWorker } from './warm-builder'

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
  /** Astro's cache and the builds' manifests, this build root's own (default `<buildsDir>-cache`). */
  cacheDir?: string
}

const cacheDirOf = (config: SiteBuildConfig) =>
  path.resolve(config.cacheDir ?? `${config.buildsDir.replace(/[\\/]+$/, '')}-cache`)
/**
 * Astro's working directory for this build root. Astro bundles the pages into `<cwd>/.astro/`
 * before rendering them, and removes it after; with the site's folder as cwd, two builds of it
 * would share that folder and delete it under each other. Inside the site's node_modules, so the
 * bundled pages still find their packages (react, astro) as Node looks them up.
 */
const workDirOf = (config: SiteBuildConfig) =>
  path.join(
    config.sourceDir,
    'node_modules',
    '.school-site-builds',
    createHash('sha256').update(path.resolve(config.buildsDir)).digest('hex').slice(0, 16),
  )
const manifestOf = (config: SiteBuildConfig, build: string) =>
  path.join(cacheDirOf(config), 'manifests', `${path.basename(build)}.json`)

/** Building is on when `npm start` (or a deployment) says where: SITE_SOURCE_DIR, SITE_BUILDS_DIR, SITE_LIVE_DIR. */
export function siteBuildConfig(): SiteBuildConfig | null {
  const { SITE_SOURCE_DIR, SITE_BUILDS_DIR, SITE_LIVE_DIR } = process.env
  if (!SITE_SOURCE_DIR || !SITE_BUILDS_DIR || !SITE_LIVE_DIR) return null
  return {
    sourceDir: SITE_SOURCE_DIR,
    buildsDir: SITE_BUILDS_DIR,
    liveLink: SITE_LIVE_DIR,
    cmsURL: process.env.CMS_URL || process.env.SERVER_URL || 'http://localhost:3000',
    debounceMs: Number(process.env.SITE_BUILD_DEBOUNCE_MS || 500),
    cacheDir: process.env.SITE_CACHE_DIR || undefined,
  }
}

interface RunnerState {
  timer?: ReturnType<typeof setTimeout>
  running: boolean
  pending: boolean
  reasons: string[]
  /** Reasons asking for a full build (the school profile, the start, a recovery). */
  fullReasons: string[]
}

const runnerState = () =>
  processState<RunnerState>('siteBuildRunner', () => ({
    running: false,
    pending: false,
    reasons: [],
    fullReasons: [],
  }))

/**
 * What a change needs: 'incremental' (the site works out which pages), or 'full' (the layout's
 * data or anything every page shows).
 */
export type SiteBuildScope = 'incremental' | 'full'

/** Asks for a rebuild soon; many requests in a short while make one build. */
export function requestSiteBuild(
  payload: Payload,
  reason: string,
  scope: SiteBuildScope = 'incremental',
): void {
  const config = siteBuildConfig()
  if (!config) return
  const state = runnerState()
  state.reasons.push(reason)
  if (scope === 'full') state.fullReasons.push(reason)
  if (state.timer) clearTimeout(state.timer)
  state.timer = setTimeout(() => void runBuild(payload, config), config.debounceMs)
}

export interface SiteBuildOutcome {
  ok: boolean
  log: string
  /** The integration's manifest of the build (absent when the build failed early). */
  manifest: { mode: 'full' | 'incremental'; summary: string } | null
}

/** A build's settings: incremental from `previous` (a build's folder) when given. */
function buildEnv(
  config: SiteBuildConfig,
  outDir: string,
  { previous, fullReason }: { previous?: string | null; fullReason?: string },
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    CMS_URL: config.cmsURL,
    SITE_OUT_DIR: outDir,
    SITE_CACHE_DIR: cacheDirOf(config),
    SITE_MANIFEST: manifestOf(config, outDir),
    SITE_PREVIOUS_BUILD: previous ?? '',
    SITE_PREVIOUS_MANIFEST: previous ? manifestOf(config, previous) : '',
    SITE_FULL_REASON: fullReason ?? '',
  }
}

/**
 * One `astro build` of the site into `outDir`, in the build root's warm worker
 * (warm-builder.ts): incremental from `previous` (the live build's folder) when given, else full
 * for `fullReason`.
 */
export async function buildSite(
  config: SiteBuildConfig,
  outDir: string,
  { previous, fullReason }: { previous?: string | null; fullReason?: string } = {},
): Promise<SiteBuildOutcome> {
  const manifest = manifestOf(config, outDir)
  await fs.mkdir(path.dirname(outDir), { recursive: true })
  await fs.rm(manifest, { force: true })
  const workDir = workDirOf(config)
  await fs.mkdir(workDir, { recursive: true })
  const outcome = await buildInWorker(
    config.sourceDir,
    workDir,
    buildEnv(config, outDir, { previous, fullReason }),
    { stayWarm: Boolean(previous) },
  )
  const written = await fs
    .readFile(manifest, 'utf8')
    .then((text) => JSON.parse(text) as SiteBuildOutcome['manifest'])
    .catch(() => null)
  return { ok: outcome.ok, log: outcome.log, manifest: written }
}

/**
 * A publication is coming (a post was approved): the build root's worker bundles the site now,
 * with the settings of an incremental build from the live one, so that the publication's build
 * only renders its pages (seconds, not the bundling's cold start). Nothing is written but the
 * worker's own bundle; a failure costs nothing (the build bundles for itself), so it is logged
 * only. Resolves when the bundle is made (tests wait for it; hooks do not).
 */
export async function prepareSiteBuild(
  payload: Payload,
  config: SiteBuildConfig | null = siteBuildConfig(),
): Promise<void> {
  if (!config) return
  // A build on its way bundles for itself (a failed one's full retry could not use this bundle).
  const state = runnerState()
  if (state.running || state.pending) return
  const live = await liveBuild(config.liveLink)
  if (!live || !existsSync(live)) return
  const workDir = workDirOf(config)
  await fs.mkdir(workDir, { recursive: true })
  // The output folder is the worker's own scratch folder, and no manifest is written; the rest
  // is an incremental build's.
  const env = { ...buildEnv(config, live, { previous: live }), SITE_OUT_DIR: '', SITE_MANIFEST: '' }
  const outcome = await prepareInWorker(config.sourceDir, workDir, env)
  if (!outcome.ok)
    payload.logger.warn(`Could not bundle the website ahead of a publication:\n${outcome.log}`)
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

/** Keeps the live build and the one before it, and their manifests; older builds are removed. */
async function prune(config: SiteBuildConfig, keep: Array<string | null>) {
  const kept = new Set(keep.filter(Boolean).map((dir) => path.resolve(dir!)))
  for (const name of await fs.readdir(config.buildsDir)) {
    const dir = path.resolve(config.buildsDir, name)
    if (!kept.has(dir)) await fs.rm(dir, { recursive: true, force: true })
  }
  const manifests = path.join(cacheDirOf(config), 'manifests')
  const keptManifests = new Set([...kept].map((dir) => path.basename(manifestOf(config, dir))))
  for (const name of await fs.readdir(manifests).catch(() => [] as string[]))
    if (!keptManifests.has(name)) await fs.rm(path.join(manifests, name), { force: true })
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
  requestSiteBuild(payload, 'interrupted build', 'full')
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
  const fullReasons = state.fullReasons.splice(0)
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
    const live = await liveBuild(config.liveLink)
    const previous = fullReasons.length === 0 && live && existsSync(live) ? live : null
    const fullReason = fullReasons.length
      ? `yêu cầu xây dựng toàn bộ (${fullReasons.join(', ')})`
      : 'không có bản đang chạy'
    let result = await buildSite(config, outDir, { previous, fullReason })
    if (previous && !result.ok && !mentionsFullDisk(result.log)) {
      // Whatever went wrong with the incremental path, a full build does not depend on it.
      const failed = result.log.slice(-4000)
      await fs.rm(outDir, { recursive: true, force: true })
      result = await buildSite(config, outDir, {
        fullReason: 'lần xây dựng từng phần thất bại',
      })
      result.log = `${result.log}\n--- Lần xây dựng từng phần thất bại trước đó:\n${failed}`
    }
    const summary = result.manifest?.summary
    const log = [summary, result.log.trim()].filter(Boolean).join('\n')
    ok = result.ok && existsSync(path.join(outDir, 'index.html'))
    const durationMs = Date.now() - startedAt.getTime()
    if (ok) {
      const replaced = await swapLive(config.liveLink, outDir)
      await prune(config, [outDir, replaced])
      await record(payload, {
        status: 'ok',
        mode: result.manifest?.mode ?? 'full',
        lastSuccessAt: new Date().toISOString(),
        durationMs,
        log: log || 'OK',
      })
      payload.logger.info(
        `Website rebuilt in ${durationMs} ms (${reasons.join(', ') || 'requested'}): ${summary}`,
      )
    } else {
      await fs.rm(outDir, { recursive: true, force: true })
      await record(payload, { status: 'failed', durationMs, log: failureLog(log) })
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
