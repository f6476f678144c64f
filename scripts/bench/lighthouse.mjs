/**
 * Lighthouse on the public website (issue 15): the home page, one article with a cover image, a
 * listing (/tin-tuc/), the timetable (/thoi-khoa-bieu/), a gallery (/thu-vien-anh/) and the
 * organisation page, 5 runs each (the performance score swings between runs on a small
 * machine), median per category. A page the build does not have (404) is skipped with a note.
 * Not part of `npm test`: it takes a few minutes and measures, it does not check.
 *
 *   node scripts/bench/lighthouse.mjs                      starts the product (as `npm start`
 *                                                          does) on a data folder of its own
 *   node scripts/bench/lighthouse.mjs --url http://localhost:4321   measures a running site
 *
 * Options: --runs N (5), --article /tin-tuc/slug/ (else the first post with a cover on the home
 * page), --timetable and --gallery (another address for those two), --keep (keep the JSON
 * reports). Ports: CMS_PORT / SITE_PORT as for `npm start`.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { buildCms } from '../lib/build.mjs'
import { CMS_DIR, ROOT, productEnv } from '../lib/env.mjs'
import { startService, stopService, waitFor, waitForURL } from '../lib/processes.mjs'
import { serveSite } from '../lib/site-server.mjs'

const { values: options } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '5' },
    article: { type: 'string' },
    gallery: { type: 'string', default: '/thu-vien-anh/' },
    timetable: { type: 'string', default: '/thoi-khoa-bieu/' },
    keep: { type: 'boolean', default: false },
  },
})
const RUNS = Number(options.runs)
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium'
// The flags Debian's Chromium needs here, offline (see /work/shared/STACK.md).
const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run'
const lighthouseCli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')),
  'cli',
  'index.js',
)

let cms
let siteServer

/** Starts the product as scripts/start.mjs does, on its own data folder; returns the site's address. */
async function startProduct() {
  const { env, siteURL, cmsURL, sitePort } = productEnv({
    SCHOOL_DATA_DIR: process.env.SCHOOL_DATA_DIR || path.join(ROOT, 'data', 'bench-lighthouse'),
  })
  await buildCms(env)
  const nextBin = createRequire(path.join(CMS_DIR, 'package.json')).resolve('next/dist/bin/next')
  cms = startService(nextBin, ['start', '-p', String(new URL(cmsURL).port), '-H', 'localhost'], {
    cwd: CMS_DIR,
    env,
    stdio: 'ignore',
  })
  await waitForURL(`${cmsURL}/api/globals/school-profile`, { service: cms })
  await waitFor(
    () => existsSync(path.join(env.SITE_LIVE_DIR, 'index.html')),
    'website',
    180_000,
    cms,
  )
  siteServer = await serveSite(env.SITE_LIVE_DIR, sitePort)
  return siteURL
}

function stop() {
  stopService(cms)
  siteServer?.close()
}

/** The first article on the home page that shows a cover picture. */
async function articleWithCover(siteURL) {
  const html = await (await fetch(`${siteURL}/`)).text()
  for (const card of html.split('<article').slice(1)) {
    if (!card.includes('<picture')) continue
    const link = card.match(/href="(\/tin-tuc\/[^"]+\/)"/)
    if (link) return link[1]
  }
  throw new Error('No article with a cover image on the home page: pass --article /tin-tuc/…/')
}

/** One Lighthouse run. Not spawnSync: the site may be served from this very process. */
function lighthouse(url, output) {
  return new Promise((resolve, reject) => {
    let stderr = ''
    const child = spawn(
      process.execPath,
      [
        lighthouseCli,
        url,
        `--chrome-flags=${CHROME_FLAGS}`,
        '--output=json',
        `--output-path=${output}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve(JSON.parse(readFileSync(output, 'utf8')))
      else reject(new Error(`lighthouse ${url} failed (exit ${code}):\n${stderr}`))
    })
  })
}

/**
 * Lighthouse now and then fails to record a page load's trace (NO_NAVSTART, NO_FCP) on a busy
 * machine: such a run is made again, up to twice; any other failure ends the measurement.
 */
async function lighthouseRetried(url, output) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await lighthouse(url, output)
    } catch (error) {
      if (attempt >= 3 || !/NO_NAVSTART|NO_FCP|recording the trace/.test(error.message)) throw error
      console.log(`  (Lighthouse không ghi được lần tải trang; đo lại: ${url})`)
    }
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

try {
  const siteURL = (options.url ?? (await startProduct())).replace(/\/$/, '')
  const wanted = {
    'trang chủ': '/',
    'bài viết có ảnh': options.article ?? (await articleWithCover(siteURL)),
    'danh sách tin': '/tin-tuc/',
    'thời khóa biểu': options.timetable,
    'thư viện ảnh': options.gallery,
    'cơ cấu tổ chức': '/co-cau-to-chuc/',
  }
  const pages = {}
  const skipped = []
  for (const [name, pathname] of Object.entries(wanted)) {
    const { status } = await fetch(`${siteURL}${pathname}`)
    if (status === 200) pages[name] = pathname
    else
      skipped.push(
        `${name} (${pathname}): HTTP ${status}, bỏ qua — trang chưa có trong bản dựng này`,
      )
  }
  for (const note of skipped) console.log(`  ${note}`)
  const reportDir = mkdtempSync(path.join(tmpdir(), 'lighthouse-'))
  mkdirSync(reportDir, { recursive: true })
  const rows = []
  for (const [name, pathname] of Object.entries(pages)) {
    const url = `${siteURL}${pathname}`
    const scores = Object.fromEntries(CATEGORIES.map((category) => [category, []]))
    const lost = new Map()
    for (let run = 1; run <= RUNS; run += 1) {
      const report = await lighthouseRetried(
        url,
        path.join(reportDir, `${name.replace(/\s/g, '-')}-${run}.json`),
      )
      for (const category of CATEGORIES)
        scores[category].push(Math.round(report.categories[category].score * 100))
      // Audits that cost points, so the report says what to fix, not only how much.
      for (const category of CATEGORIES) {
        for (const { id, weight } of report.categories[category].auditRefs) {
          const audit = report.audits[id]
          if (weight > 0 && audit.score !== null && audit.score < 1)
            lost.set(id, `${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
        }
      }
      console.log(
        `  ${name} ${url} lần ${run}/${RUNS}: ${CATEGORIES.map((c) => `${c} ${scores[c].at(-1)}`).join(', ')}`,
      )
    }
    rows.push({
      page: `${name} (${pathname})`,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])),
    })
    if (lost.size > 0)
      console.log(
        `  Mục chưa đạt điểm tối đa trên ${name}:\n${[...lost.values()].map((title) => `    - ${title}`).join('\n')}`,
      )
  }
  console.log(`\nLighthouse ${RUNS} lần mỗi trang, trung vị (Chromium ${CHROME}, mobile mặc định):`)
  console.table(rows)
  if (skipped.length > 0)
    console.log(`Không đo:\n${skipped.map((note) => `  - ${note}`).join('\n')}`)
  if (options.keep) console.log(`Báo cáo JSON: ${reportDir}`)
  else rmSync(reportDir, { recursive: true, force: true })
  stop()
} catch (error) {
  console.error(error)
  stop()
  process.exit(1)
}
