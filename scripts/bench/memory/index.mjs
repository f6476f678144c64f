/**
 * `npm run bench:memory [-- --posts 5000] [--keep]`: the memory of the production install on the
 * demo school (issue 13, point 4): the CMS as systemd runs it (scripts/serve.mjs, one Node
 * process) and the static server in front (nginx with the shipped config when /usr/sbin/nginx
 * exists, else the site server of `npm start`: the output says which).
 *
 *  1. baselines, in this run: a bare Node process, and the wrappers of `npm start`
 *     (npm → tsx → node) around an idle script: what the production start no longer carries;
 *  2. the demo school seeded into a scratch folder (first start), then the production start;
 *     idle = after its start-up build, a warm-up (logins, admin pages, lists) and a pause, the
 *     median of 10 samples a second apart;
 *  3. rebuild peak: the web admin saves the school profile, which rebuilds the website; RSS is
 *     sampled every 100 ms (the CMS and its `astro build` child, plus the static server) until
 *     the new build is live;
 *  4. with --posts N: the same with the published posts topped up to N (generate-posts.ts, CMS
 *     stopped).
 * RSS is summed over each process tree from /proc/<pid>/status (shared pages count once per
 * process: an upper bound). Prints figures, targets and ratios; loopback only.
 *
 * Options: --posts 5000, --keep, BENCH_MEMORY_CMS_PORT (3345), BENCH_MEMORY_HTTPS_PORT (8445),
 * BENCH_MEMORY_NODE_OPTIONS (given to the CMS as NODE_OPTIONS, e.g. --max-old-space-size=384).
 */
import { spawn } from 'node:child_process'
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import { buildCms } from '../../lib/build.mjs'
import { ROOT, productEnv } from '../../lib/env.mjs'
import {
  NGINX,
  renderSiteConfig,
  selfSignedCertificate,
  startNginx,
  writeNginxConfig,
} from '../../lib/nginx.mjs'
import { waitFor, waitForURL } from '../../lib/processes.mjs'
import { serveSite } from '../../lib/site-server.mjs'

const IDLE_TARGET_MB = 350
const PEAK_TARGET_MB = 900
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'GiaThuong@2024'
const SECRET = 'memory-benchmark-secret-of-thirty-two-characters'

const argv = process.argv.slice(2)
const option = (name) => {
  const index = argv.indexOf(`--${name}`)
  return index >= 0 ? argv[index + 1] : undefined
}
const posts = Number(option('posts') ?? 0)
const keep = argv.includes('--keep')
const cmsPort = Number(process.env.BENCH_MEMORY_CMS_PORT || 3345)
const httpsPort = Number(process.env.BENCH_MEMORY_HTTPS_PORT || 8445)
const cmsURL = `http://localhost:${cmsPort}`
const scratch = mkdtempSync(path.join(os.tmpdir(), 'school-bench-memory-'))
const dataDir = path.join(scratch, 'data')

// ---- /proc ---------------------------------------------------------------------------------
function parentOf(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
}
function rssKB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)
  return line ? Number(line[1]) : 0
}
/** RSS in MB summed over `pid` and all its descendants, and how many processes that was. */
function treeRSS(pid) {
  const parents = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      parents.set(Number(entry), parentOf(entry))
    } catch {
      // Ended while we looked.
    }
  }
  const tree = [pid]
  for (let i = 0; i < tree.length; i += 1)
    for (const [child, parent] of parents) if (parent === tree[i]) tree.push(child)
  let kB = 0
  for (const member of tree) {
    try {
      kB += rssKB(member)
    } catch {
      // Ended while we looked.
    }
  }
  return { mb: kB / 1024, processes: tree.length }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// ---- processes -----------------------------------------------------------------------------
const started = []
function startProcess(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let log = ''
  const keepLog = (chunk) => (log = (log + chunk.toString()).slice(-20_000))
  child.stdout.on('data', keepLog)
  child.stderr.on('data', keepLog)
  child.output = () => log
  started.push(child)
  return child
}
async function stopProcess(child, signal = 'SIGTERM') {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill(signal)
  await exited
}

const cmsEnv = (extra = {}) => ({
  ...process.env,
  SCHOOL_DATA_DIR: dataDir,
  CMS_PORT: String(cmsPort),
  PAYLOAD_SECRET: SECRET,
  SEED_DEMO: 'false',
  SITE_BUILD_DEBOUNCE_MS: '300',
  ...(process.env.BENCH_MEMORY_NODE_OPTIONS && {
    NODE_OPTIONS: process.env.BENCH_MEMORY_NODE_OPTIONS,
  }),
  ...extra,
})

const liveBuild = () => {
  try {
    return realpathSync(path.join(dataDir, 'site'))
  } catch {
    return null
  }
}

/** The production start; resolves once it answered and its start-up build is live. */
async function startCms(extra) {
  const before = liveBuild()
  const cms = startProcess(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], {
    cwd: ROOT,
    env: cmsEnv(extra),
  })
  await waitForURL(`${cmsURL}/api/globals/school-profile`, { service: cms, timeoutMs: 300_000 })
  await waitFor(() => liveBuild() && liveBuild() !== before, 'start-up build', 600_000, cms)
  await waitFor(() => treeRSS(cms.pid).processes === 1, 'astro exit', 60_000, cms)
  return cms
}

async function login(role) {
  const response = await fetch(`${cmsURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `${role}@demo.giathuong.edu.vn`, password: DEMO_PASSWORD }),
  })
  if (!response.ok) throw new Error(`login ${role}: HTTP ${response.status}`)
  return (await response.json()).token
}

/** What a morning of staff work touches: logins, the admin's pages, lists and records. */
async function warmUp() {
  const pages = [
    '/admin',
    '/admin/collections/posts',
    '/admin/collections/students',
    '/admin/collections/health-checkups',
    '/admin/globals/school-profile',
  ]
  const lists = ['/api/posts?limit=20', '/api/students?limit=20', '/api/users/me']
  for (const role of ['principal', 'homeroom_teacher', 'web_admin', 'nurse']) {
    const token = await login(role)
    const headers = { Authorization: `JWT ${token}`, Cookie: `payload-token=${token}` }
    for (const url of [...pages, ...lists]) {
      const response = await fetch(`${cmsURL}${url}`, { headers })
      await response.arrayBuffer()
      if (response.status >= 500) throw new Error(`${url}: HTTP ${response.status}`)
    }
  }
}

async function idleOf(pids) {
  await sleep(10_000)
  const samples = []
  for (let i = 0; i < 10; i += 1) {
    samples.push(pids.reduce((sum, pid) => sum + treeRSS(pid).mb, 0))
    await sleep(1000)
  }
  return median(samples)
}

/** The web admin saves the school profile: the CMS rebuilds the website. Peak RSS meanwhile. */
async function rebuildPeak(cms, serverPid) {
  const token = await login('web_admin')
  const before = liveBuild()
  const started = Date.now()
  const response = await fetch(`${cmsURL}/api/globals/school-profile`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` },
    body: JSON.stringify({}),
  })
  if (!response.ok) throw new Error(`school profile save: HTTP ${response.status}`)
  let peak = 0
  let cmsPeak = 0
  let sawBuild = false
  for (;;) {
    const tree = treeRSS(cms.pid)
    if (tree.processes > 1) sawBuild = true
    cmsPeak = Math.max(cmsPeak, tree.mb)
    peak = Math.max(peak, tree.mb + (serverPid ? treeRSS(serverPid).mb : 0))
    if (sawBuild && tree.processes === 1 && liveBuild() !== before) break
    if (Date.now() - started > 600_000) throw new Error('the rebuild did not finish in 10 min')
    await sleep(100)
  }
  return { peak, cmsPeak, seconds: (Date.now() - started) / 1000 }
}

// ---- the run -------------------------------------------------------------------------------
const rows = []
let staticServer
let siteServer
let cms
try {
  const { env } = productEnv({ SCHOOL_DATA_DIR: dataDir })
  await buildCms(env)

  console.log('▸ Baselines: a bare Node process; npm → tsx → node around an idle script')
  const idleScript = path.join(scratch, 'idle.mjs')
  writeFileSync(idleScript, 'setInterval(() => {}, 1000)\n')
  const bare = startProcess(process.execPath, [idleScript])
  await sleep(2000)
  const bareMB = treeRSS(bare.pid).mb
  await stopProcess(bare)
  const tsxCli = createRequire(path.join(ROOT, 'package.json')).resolve('tsx/cli')
  let wrappersMB = null
  {
    // In a process group of its own: npm does not pass SIGTERM on to tsx, so the group is ended.
    const chain = startProcess('npm', ['exec', '--offline', '--', 'tsx', idleScript], {
      cwd: ROOT,
      detached: true,
    })
    await sleep(8000)
    wrappersMB = treeRSS(chain.pid).mb - bareMB
    const exited = new Promise((resolve) => chain.once('exit', resolve))
    process.kill(-chain.pid, 'SIGTERM')
    await exited
  }

  console.log(`▸ Seeding the demo school in ${dataDir} (first start)…`)
  cms = await startCms({ SEED_DEMO: 'true' })
  await stopProcess(cms)

  let serverKind
  if (existsSync(NGINX)) {
    const dir = path.join(scratch, 'nginx')
    const place = { dir, httpsPort, httpPort: httpsPort + 1, cmsPort, dataDir }
    mkdirSync(dir, { recursive: true })
    const main = writeNginxConfig(place, renderSiteConfig(place, selfSignedCertificate(dir)))
    staticServer = await startNginx(place, main)
    serverKind = 'nginx (shipped config)'
  } else {
    serverKind = 'site server of npm start (no nginx here)'
  }

  const measure = async (label) => {
    console.log(`▸ ${label}: production start, start-up build, warm-up…`)
    cms = await startCms()
    if (!staticServer && !siteServer)
      siteServer = await serveSite(path.join(dataDir, 'site'), httpsPort, {})
    await warmUp()
    const serverPid = staticServer?.child.pid ?? null
    const idle = await idleOf(serverPid ? [cms.pid, serverPid] : [cms.pid])
    const idleCms = treeRSS(cms.pid).mb
    console.log(`  idle ${idle.toFixed(0)} MB; rebuilding…`)
    const rebuild = await rebuildPeak(cms, serverPid)
    rows.push({ label, idle, idleCms, ...rebuild })
    await stopProcess(cms)
  }

  await measure('demo school')
  if (posts > 0) {
    console.log(`▸ Topping the published posts up to ${posts} (CMS stopped)…`)
    const generator = startProcess(
      process.execPath,
      [tsxCli, path.join('scripts', 'bench', 'site', 'generate-posts.ts')],
      {
        cwd: ROOT,
        env: {
          ...productEnv({ SCHOOL_DATA_DIR: dataDir, PAYLOAD_SECRET: SECRET }).env,
          SITE_SOURCE_DIR: '',
          BENCH_POSTS: String(posts),
          SEED_DEMO: 'false',
          NODE_OPTIONS: '--conditions=development',
        },
      },
    )
    const code = await new Promise((resolve) => generator.once('exit', resolve))
    if (code !== 0) throw new Error(`generate-posts failed:\n${generator.output()}`)
    await measure(`${posts} posts`)
  }

  const ratio = (value, target) => `${(value / target).toFixed(2)}×`
  console.log(`
Static server: ${serverKind}. Node ${process.version}, ${os.cpus().length} cores.
NODE_OPTIONS of the CMS: ${process.env.BENCH_MEMORY_NODE_OPTIONS || '(none)'}; MALLOC_ARENA_MAX: ${
    process.env.MALLOC_ARENA_MAX || '(glibc default)'
  }
Baselines: bare Node ${bareMB.toFixed(0)} MB; npm start's wrappers (npm → tsx) ${
    wrappersMB === null ? '–' : `${wrappersMB.toFixed(0)} MB`
  } on top of the Node process they start.

| data | idle (CMS + server) | of target ${IDLE_TARGET_MB} MB | CMS alone / bare Node | rebuild peak | of target ${PEAK_TARGET_MB} MB | CMS+astro peak | rebuild s |
|---|---|---|---|---|---|---|---|`)
  for (const row of rows)
    console.log(
      `| ${row.label} | ${row.idle.toFixed(0)} MB | ${ratio(row.idle, IDLE_TARGET_MB)} | ${ratio(
        row.idleCms,
        bareMB,
      )} | ${row.peak.toFixed(0)} MB | ${ratio(row.peak, PEAK_TARGET_MB)} | ${row.cmsPeak.toFixed(
        0,
      )} MB | ${row.seconds.toFixed(1)} |`,
    )
  const history = rows
    .map(
      (row) =>
        `${row.label}: idle ${row.idle.toFixed(0)} MB (≤ ${IDLE_TARGET_MB}; CMS ${row.idleCms.toFixed(
          0,
        )}), rebuild peak ${row.peak.toFixed(0)} MB (≤ ${PEAK_TARGET_MB}; CMS+astro ${row.cmsPeak.toFixed(0)})`,
    )
    .join('; ')
  appendFileSync(
    path.join(ROOT, 'docs', 'benchmarks.md'),
    `- ${new Date().toISOString().slice(0, 10)} memory (${os.cpus().length} cores, Node ${
      process.versions.node
    }, load ${os.loadavg()[0].toFixed(1)}, ${serverKind}, NODE_OPTIONS ${
      process.env.BENCH_MEMORY_NODE_OPTIONS || 'none'
    }, MALLOC_ARENA_MAX ${process.env.MALLOC_ARENA_MAX || 'default'}): ${history}; bare Node ${bareMB.toFixed(
      0,
    )} MB, npm → tsx wrappers ${wrappersMB.toFixed(0)} MB\n`,
  )
  const over = rows.filter((row) => row.idle > IDLE_TARGET_MB || row.peak > PEAK_TARGET_MB)
  console.log(
    over.length
      ? `\nOVER TARGET: ${over.map((row) => row.label).join(', ')}`
      : '\nWithin both targets.',
  )
} catch (error) {
  console.error(`\nBenchmark failed: ${error.message}`)
  if (cms) console.error(cms.output().slice(-3000))
  process.exitCode = 1
} finally {
  await staticServer?.stop()
  siteServer?.close()
  for (const child of started) await stopProcess(child)
  if (!keep) rmSync(scratch, { recursive: true, force: true })
  else console.log(`Scratch folder kept: ${scratch}`)
}
// Every process it started is stopped; an output pipe left open by one must not keep it waiting.
process.exit()
