import { rmSync } from 'node:fs'
import path from 'node:path'
import { defineConfig } from '@playwright/test'

/**
 * Browser tests run the product exactly as `npm start` does (scripts/start.mjs), on a fresh data
 * folder and their own ports, in Debian's Chromium (Playwright cannot download browsers here).
 */
// E2E_CMS_PORT / E2E_SITE_PORT let two checkouts run their browser tests side by side.
const cmsPort = process.env.E2E_CMS_PORT || '3100'
const sitePort = process.env.E2E_SITE_PORT || '4400'

export const E2E = {
  dataDir: path.resolve('data/e2e'),
  cmsURL: `http://localhost:${cmsPort}`,
  siteURL: `http://localhost:${sitePort}`,
}

// The config is loaded again in each worker: only the main process starts from a clean folder.
if (!process.env.TEST_WORKER_INDEX) rmSync(E2E.dataDir, { recursive: true, force: true })

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.e2e.ts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : 'list',
  use: {
    baseURL: E2E.cmsURL,
    locale: 'vi-VN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx scripts/start.mjs',
    url: `${E2E.siteURL}/`,
    // The first run builds the CMS (about two minutes on two cores).
    timeout: 600_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    env: {
      SCHOOL_DATA_DIR: E2E.dataDir,
      CMS_PORT: cmsPort,
      SITE_PORT: sitePort,
    },
  },
})
