/**
 * The production start's own guards (scripts/serve.mjs, issue 13 point 3): with
 * SCHOOL_ENV=production it refuses settings a real school must not run with, saying which; and
 * SIGTERM (systemctl stop) ends it cleanly, with the website build it started.
 */
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { ROOT } from '../../scripts/lib/env.mjs'
import { waitFor } from '../../scripts/lib/processes.mjs'
import { productionProblems } from '../../scripts/lib/production-settings.mjs'
import { startProduct, type RunningProduct } from './support/product'

const PORT = 3350
const folders: string[] = []
const running: RunningProduct[] = []

afterAll(async () => {
  for (const product of running) await product.stop()
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

const GOOD = {
  SCHOOL_ENV: 'production',
  PAYLOAD_SECRET: 'a-production-secret-of-at-least-32-characters',
  SERVER_URL: 'https://quantri.truong.example.edu.vn',
  SITE_URL: 'https://truong.example.edu.vn',
  SCHOOL_DATA_DIR: '/nonexistent/checked-before-use',
  // Never the default 3000, should a refusal regress into a start.
  CMS_PORT: String(PORT + 5),
}

/** serve.mjs run to its end with the given settings (only those: nothing from this process). */
function serve(env: Record<string, string | undefined>) {
  const clean: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    NODE_ENV: 'production',
  }
  for (const [name, value] of Object.entries(env)) if (value !== undefined) clean[name] = value
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], {
    env: clean,
    timeout: 30_000,
  })
  return { status: result.status, output: result.stderr.toString() + result.stdout.toString() }
}

describe('SCHOOL_ENV=production refuses unsafe settings', () => {
  const cases: Array<[string, Record<string, string | undefined>, RegExp]> = [
    ['no secret', { PAYLOAD_SECRET: undefined }, /PAYLOAD_SECRET chưa đặt/],
    ['a short secret', { PAYLOAD_SECRET: 'short' }, /PAYLOAD_SECRET quá ngắn/],
    [
      "the example file's secret",
      { PAYLOAD_SECRET: 'thay-bang-ket-qua-cua-openssl-rand-hex-32' },
      /giá trị mẫu/,
    ],
    ['no SERVER_URL', { SERVER_URL: undefined }, /SERVER_URL chưa đặt/],
    ['an http SITE_URL', { SITE_URL: 'http://truong.example.edu.vn' }, /SITE_URL=.*https/],
    ['a path in SERVER_URL', { SERVER_URL: 'https://truong.example.edu.vn/admin' }, /đường dẫn/],
    [
      'one origin for both',
      { SERVER_URL: 'https://truong.example.edu.vn' },
      /hai tên miền khác nhau/,
    ],
    ['a relative data folder', { SCHOOL_DATA_DIR: 'data' }, /SCHOOL_DATA_DIR/],
    ['the demo accounts', { SEED_DEMO: 'true' }, /SEED_DEMO=true/],
    ['insecure cookies', { INSECURE_COOKIES: 'true' }, /INSECURE_COOKIES/],
    [
      'an unreadable signing certificate',
      { SIGNING_CERTIFICATE_FILE: '/nonexistent/school.p12' },
      /SIGNING_CERTIFICATE_FILE/,
    ],
  ]
  for (const [what, change, message] of cases)
    it(`refuses ${what}, saying which setting (exit 78)`, () => {
      const result = serve({ ...GOOD, ...change })
      expect(result.output).toMatch(message)
      expect(result.output).toContain('Không khởi động')
      expect(result.status).toBe(78)
    })

  it('starts on good settings, and without SCHOOL_ENV on none (the demo, the tests)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'school-ops-serve-'))
    folders.push(dataDir)
    const product = await startProduct({
      dataDir,
      port: PORT,
      env: {
        ...GOOD,
        SCHOOL_DATA_DIR: dataDir,
        CMS_PORT: String(PORT),
        SITE_BUILD_DEBOUNCE_MS: '60000',
      },
    })
    running.push(product)
    expect(product.output()).not.toContain('Không khởi động')
    // Private to the service (umask 0027) even when started by hand, not as the unit starts it.
    const databaseMode = statSync(path.join(dataDir, 'school.db')).mode
    expect((databaseMode & 0o007).toString(8)).toBe('0')
    await product.stop()
    running.pop()
  })
})

const SHIPPED = path.join(ROOT, 'scripts', 'production')

describe('the shipped settings and unit', () => {
  it('the example env file is refused only for its placeholder secret', () => {
    const settings: Record<string, string> = {}
    for (const line of readFileSync(path.join(SHIPPED, 'giathuong.env.example'), 'utf8').split(
      '\n',
    )) {
      const match = line.match(/^([A-Z_]+)=(.*)$/)
      if (match) settings[match[1]] = match[2].replace(/^"(.*)"$/, '$1')
    }
    expect(productionProblems(settings)).toEqual([
      'PAYLOAD_SECRET vẫn là giá trị mẫu: tạo bằng openssl rand -hex 32.',
    ])
    const secret = 'f'.repeat(64)
    expect(productionProblems({ ...settings, PAYLOAD_SECRET: secret })).toEqual([])
  })

  it.skipIf(!existsSync('/usr/bin/systemd-analyze'))(
    'the systemd unit passes systemd-analyze verify, and a typo fails it',
    () => {
      const unit = path.join(SHIPPED, 'giathuong.service')
      const verify = (file: string) => spawnSync('systemd-analyze', ['verify', file])
      const shipped = verify(unit)
      expect(shipped.stderr.toString()).toBe('')
      expect(shipped.status).toBe(0)
      const broken = mkdtempSync(path.join(tmpdir(), 'school-unit-'))
      folders.push(broken)
      const typo = path.join(broken, 'giathuong.service')
      const text = readFileSync(unit, 'utf8').replace('ExecStart=/usr/bin/node', 'ExecStart=node-x')
      writeFileSync(typo, text)
      expect(verify(typo).status).not.toBe(0)
    },
  )
})

/** Processes whose environment names this data folder (the CMS's `astro build` child). */
function processesOf(dataDir: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue
    try {
      const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0')
      if (environment.includes(`SCHOOL_DATA_DIR=${dataDir}`)) found.push(Number(entry))
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found
}

describe('SIGTERM', () => {
  it('stops the CMS and the website build it started, with the exit code of a clean stop', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'school-ops-sigterm-'))
    folders.push(dataDir)
    const product = await startProduct({ dataDir, port: PORT + 1 })
    running.push(product)
    // The start asks for a website build; wait until astro runs as the CMS's child.
    await waitFor(() => processesOf(dataDir).length >= 2, 'astro build', 120_000, product.child)
    await product.stop()
    running.pop()
    expect(product.child.exitCode).toBe(143)
    expect(product.output()).toContain('Nhận SIGTERM')
    await waitFor(() => processesOf(dataDir).length === 0, 'the build stopping', 10_000)
    expect(processesOf(dataDir)).toEqual([])
  })
})
