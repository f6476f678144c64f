/**
 * Rebuilds the public website when what it shows changes (Điều 17.3: published right after
 * approval). Requests are debounced and builds run one at a time, in the CMS process itself.
 * Each build goes to a new folder; only a complete build is swapped in (an atomic rename of the
 * `live` link), so visitors never see a half-built site and a failed build leaves the last good
 * one live. The outcome and the log go to the `site-build` global for the web admin.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload } from 'payload'

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

// One runner per process, whichever bundle of the app asks for it.
const STATE_KEY = Symbol.for('giathuong.siteBuildRunner')
function runnerState(): RunnerState {
  const holder = globalThis as unknown as Record<symbol, RunnerState>
  holder[STATE_KEY] ??= { running: false, pending: false, reasons: [] }
  return holder[STATE_KEY]
}

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

function astroBuild(
  config: SiteBuildConfig,
  outDir: string,
): Promise<{ ok: boolean; log: string }> {
  const astroBin = findAstroCli(config.sourceDir)
  return new Promise((resolve) => {
    let log = ''
    const child = spawn(process.execPath, [astroBin, 'build', '--silent'], {
      cwd: config.sourceDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        CMS_URL: config.cmsURL,
        SITE_OUT_DIR: outDir,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-MAX_LOG)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error) => resolve({ ok: false, log: `${log}\n${error.message}` }))
    child.on('exit', (code) => resolve({ ok: code === 0, log }))
  })
}

/** Points the live link at `target` in one rename: a visitor gets the old site or the new one. */
async function swapLive(liveLink: string, target: string): Promise<string | null> {
  const previous = await fs.readlink(liveLink).catch(() => null)
  const stat = await fs.lstat(liveLink).catch(() => null)
  if (stat && !stat.isSymbolicLink()) await fs.rm(liveLink, { recursive: true, force: true })
  const temporary = `${liveLink}.next-${process.pid}`
  await fs.rm(temporary, { force: true })
  await fs.symlink(target, temporary, 'dir')
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

export async function runBuild(payload: Payload, config: SiteBuildConfig): Promise<boolean> {
  const state = runnerState()
  if (state.running) {
    state.pending = true
    return false
  }
  state.running = true
  const reasons = state.reasons.splice(0)
  const startedAt = new Date()
  let ok = false
  try {
    await fs.mkdir(config.buildsDir, { recursive: true })
    await record(payload, {
      status: 'building',
      lastAttemptAt: startedAt.toISOString(),
      reasons: reasons.join(', '),
    })
    const outDir = path.join(config.buildsDir, startedAt.toISOString().replace(/[:.]/g, '-'))
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
      await record(payload, { status: 'failed', durationMs, log: result.log })
      payload.logger.error(
        `Website build failed; the last good site stays live.\n${result.log.slice(-2000)}`,
      )
    }
  } catch (error) {
    await record(payload, { status: 'failed', log: String((error as Error).stack ?? error) })
  } finally {
    state.running = false
    if (state.pending) {
      state.pending = false
      void runBuild(payload, config)
    }
  }
  return ok
}
