/**
 * `npm test`: typecheck, the integration suite on real database files, the browser suite in
 * Debian's Chromium against the product started as `npm start` starts it, and the operations
 * suite (tests/ops: the product as production runs it, stopped, killed, restored). Ends with one
 * line "N passed, N failed" over all three.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { ROOT } from './lib/env.mjs'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const reportDir = path.join(ROOT, 'data', 'test-reports')
mkdirSync(reportDir, { recursive: true })

function step(title, command, args, env = {}) {
  console.log(`\n▸ ${title}`)
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return result.status === 0
}

/**
 * Debian's packages the suites use: Chromium for the browser suite, poppler-utils to read back
 * the PDFs the product makes (pdftotext, pdfinfo, pdffonts, pdfsig, pdftoppm).
 */
const DEBIAN_TOOLS = [
  { pkg: 'chromium', file: CHROMIUM },
  { pkg: 'poppler-utils', file: '/usr/bin/pdftotext' },
  // The operations suite checks the shipped reverse proxy config with nginx's own test and runs it.
  { pkg: 'nginx', file: '/usr/sbin/nginx' },
  // The fault tests check a killed CMS's database read-only (the libsql client cannot).
  { pkg: 'sqlite3', file: '/usr/bin/sqlite3' },
]

function ensureDebianTools() {
  const missing = DEBIAN_TOOLS.filter((tool) => !existsSync(tool.file)).map((tool) => tool.pkg)
  if (missing.length === 0) return true
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (!isRoot) {
    console.error(
      `Thiếu gói Debian cho kiểm thử: ${missing.join(', ')}.\n` +
        `Hãy cài bằng quyền root:  apt-get update && apt-get install -y ${missing.join(' ')}\n` +
        '(Chromium có thể thay bằng CHROMIUM_PATH tới một Chromium có sẵn).',
    )
    return false
  }
  return (
    step('Cài gói Debian cho kiểm thử', 'apt-get', ['update', '-qq']) &&
    step(`apt-get install ${missing.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...missing], {
      DEBIAN_FRONTEND: 'noninteractive',
    }) &&
    DEBIAN_TOOLS.every((tool) => existsSync(tool.file))
  )
}

function countsFrom(file, read) {
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return { passed: 0, failed: 0 }
  }
}

const vitestReport = path.join(reportDir, 'vitest.json')
const playwrightReport = path.join(reportDir, 'playwright.json')
const operationsReport = path.join(reportDir, 'operations.json')

if (!ensureDebianTools()) process.exit(1)
const typecheckOk =
  step('Kiểm tra mã (ESLint) và định dạng (Prettier)', 'npm', ['run', 'lint']) &&
  step('Kiểm tra kiểu (TypeScript, Astro)', 'npm', ['run', 'typecheck']) &&
  step('Tệp sinh tự động khớp với mã (types, import map, migrations)', 'node', [
    'scripts/check-generated.mjs',
  ])
const integrationOk = step('Kiểm thử tích hợp (Vitest, Payload trên SQLite thật)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
])
const browserOk = step(
  'Kiểm thử trình duyệt (Playwright, Chromium)',
  'npx',
  ['playwright', 'test'],
  {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  },
)

// After the browser suite: it has built the CMS these tests run as production runs it.
const operationsOk = step(
  'Kiểm thử vận hành (sao lưu, khôi phục, sự cố, khởi động production)',
  'npx',
  [
    'vitest',
    'run',
    '--config',
    'vitest.ops.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${operationsReport}`,
  ],
)

const vitest = countsFrom(vitestReport, (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
}))
const operations = countsFrom(operationsReport, (report) => ({
  passed: report.numPassedTests,
  failed: report.numFailedTests,
}))
const playwright = countsFrom(playwrightReport, (report) => ({
  passed: report.stats.expected + report.stats.flaky,
  failed: report.stats.unexpected,
}))
const passed = vitest.passed + playwright.passed + operations.passed
const failed = vitest.failed + playwright.failed + operations.failed + (typecheckOk ? 0 : 1)
const ok = typecheckOk && integrationOk && browserOk && operationsOk

console.log(
  `\nVitest: ${vitest.passed} passed, ${vitest.failed} failed · Playwright: ${playwright.passed} passed, ${playwright.failed} failed · Operations: ${operations.passed} passed, ${operations.failed} failed · typecheck and generated files: ${typecheckOk ? 'ok' : 'FAILED'}`,
)
console.log(`${passed} passed, ${ok ? failed : Math.max(failed, 1)} failed`)
process.exit(ok ? 0 : 1)
