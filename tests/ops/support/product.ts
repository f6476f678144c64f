/**
 * Runs the product as production runs it (scripts/serve.mjs: the built CMS in one Node process)
 * on a data folder of the test's own, so a test can stop it, kill it mid-work, start it again
 * and look at what is left on disk. The CMS must be built (tests/ops/support/global-setup.ts).
 *
 * `demoSchool()` seeds the demo school once per run into a template folder; each test then
 * starts from a copy of it.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ROOT } from '../../../scripts/lib/env.mjs'
import { waitFor, waitForURL } from '../../../scripts/lib/processes.mjs'

export interface RunningProduct {
  dataDir: string
  cmsURL: string
  child: ChildProcess
  /** Everything the process printed so far. */
  output: () => string
  /** SIGTERM and wait for the exit. */
  stop: () => Promise<void>
  /** SIGKILL (a power cut or the OOM killer) and wait for the exit. */
  kill: () => Promise<void>
}

export interface StartOptions {
  dataDir: string
  port: number
  env?: Record<string, string>
  /** Wait until the website has been built and swapped in (data/site/index.html). */
  waitForSite?: boolean
  /**
   * Wait until the build the start asks for has ended (it writes the site-build status, so a
   * test comparing the database before and after must not overlap it).
   */
  waitForStartBuild?: boolean
}

const BUILD_ENDED = /Website rebuilt in|Website build failed/

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

export async function startProduct(options: StartOptions): Promise<RunningProduct> {
  const { dataDir, port } = options
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SCHOOL_DATA_DIR: dataDir,
      CMS_PORT: String(port),
      PAYLOAD_SECRET: 'ops-test-secret',
      SEED_DEMO: 'false',
      SITE_BUILD_DEBOUNCE_MS: '300',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-200_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const cmsURL = `http://localhost:${port}`
  const product: RunningProduct = {
    dataDir,
    cmsURL,
    child,
    output: () => log,
    stop: async () => {
      child.kill('SIGTERM')
      await exited(child)
    },
    kill: async () => {
      child.kill('SIGKILL')
      await exited(child)
    },
  }
  try {
    await waitForURL(`${cmsURL}/api/globals/school-profile`, { service: child, timeoutMs: 300_000 })
    if (options.waitForSite)
      await waitFor(
        () => existsSync(path.join(dataDir, 'site', 'index.html')),
        'website',
        300_000,
        child,
      )
    if (options.waitForStartBuild)
      await waitFor(() => BUILD_ENDED.test(log), 'build', 300_000, child)
  } catch (error) {
    await product.kill()
    throw new Error(`${(error as Error).message}\n--- CMS output ---\n${log.slice(-4000)}`, {
      cause: error,
    })
  }
  return product
}

const TEMPLATE_KEY = Symbol.for('giathuong.opsTemplate')

/**
 * A data folder holding the demo school (staff, posts, pupils, check-ups, media, the built site),
 * copied from a template seeded once per test file run.
 */
export async function demoSchool(port: number): Promise<string> {
  const holder = globalThis as unknown as Record<symbol, Promise<string>>
  holder[TEMPLATE_KEY] ??= (async () => {
    const template = mkdtempSync(path.join(tmpdir(), 'school-ops-template-'))
    // The template lives as long as the test file's process (≈ 12 MB a file otherwise left).
    process.once('exit', () => rmSync(template, { recursive: true, force: true }))
    const product = await startProduct({
      dataDir: template,
      port,
      env: { SEED_DEMO: 'true' },
      waitForSite: true,
    })
    await product.stop()
    return template
  })()
  const template = await holder[TEMPLATE_KEY]
  const copy = mkdtempSync(path.join(tmpdir(), 'school-ops-'))
  cpSync(template, copy, { recursive: true, verbatimSymlinks: false })
  return copy
}

/** The demo accounts' password, as the seed sets it. */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'GiaThuong@2024'

/** Logs in over REST and returns the `Authorization` header value for later requests. */
export async function login(cmsURL: string, role: string): Promise<string> {
  const response = await fetch(`${cmsURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.giathuong.edu.vn`, password: DEMO_PASSWORD }),
  })
  if (!response.ok) throw new Error(`login ${role}: HTTP ${response.status}`)
  const { token } = (await response.json()) as { token: string }
  return `JWT ${token}`
}

export function readLiveSite(dataDir: string, page = 'index.html'): string {
  return readFileSync(path.join(dataDir, 'site', page), 'utf8')
}
