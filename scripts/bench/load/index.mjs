/**
 * `npm run bench:load [-- --sessions 50 --seconds 60 --max-in-flight 16] [--keep]`: many staff at
 * work at once while the website rebuilds (issue 13, point 6). Not part of `npm test`: it
 * measures; it fails (exit 1) only when a request failed or a write was lost.
 *
 *  1. On a scratch data folder (a new temporary folder, never the school's `data/`), the product
 *     starts as production starts it (`node scripts/serve.mjs`, the built CMS in one process on
 *     loopback) with the demo school seeded, and builds the website once.
 *  2. Before the clock: the principal adds staff accounts until there is one per session (the
 *     demo school has 27), and every session logs in once (successful logins are not throttled:
 *     cms/src/auth/login-throttle.ts counts failures).
 *  3. Baseline: one session alone makes each kind of request in sequence (an idle
 *     `GET /api/users/me` among them).
 *  4. The run: N sessions for S seconds, each a staff member doing their own work with a pause
 *     between steps (--think-ms, random), at most --max-in-flight requests in flight at once:
 *     - everyone: the admin's session check (users/me), the list of posts, opening a post and its
 *       workflow panel; writers (teachers and staff) start a post, save its draft as the admin's
 *       autosave does (PATCH ?draft=true&autosave=true), then hand it in (workflow `submit`);
 *     - the vice-principal accepts what was handed in, the principal approves, the web admin
 *       publishes (POST /api/posts/:id/workflow, after reading the panel as the admin does);
 *       every publication asks for a website rebuild, so builds run during the run;
 *     - homeroom teachers: their class's pupils, one pupil's record, the documents page's lists;
 *       teachers: an assessment grid of theirs, read, then one mark saved;
 *     - the nurse: the check-ups; the principal: the audit log; and a refusal the policy must
 *       give (the accountant asking for the audit log: 403 is the right answer).
 *  5. Afterwards: the builds are left to finish, then every write the run acknowledged is read
 *     back (as the principal, and each grid as its teacher) and compared, and every post
 *     published is looked for on the live website.
 *
 * Prints requests, errors (any answer that is not what that request should get), p50/p95/max per
 * kind with ratios to the baseline, the CMS's resident memory peak (and with the builds it
 * started), the builds and their durations; appends a line to docs/benchmarks.md.
 * Options: --sessions 50, --seconds 60, --max-in-flight 16, --think-ms 300-1500, --keep (keep the
 * scratch folder, with the CMS's output in cms.log), BENCH_PORT (3380; this benchmark's ports
 * are 3380–3399).
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearInterval, setInterval } from 'node:timers'
import { setTimeout as sleep } from 'node:timers/promises'
import { URLSearchParams } from 'node:url'
import { parseArgs } from 'node:util'

import { buildCms } from '../../lib/build.mjs'
import { productEnv, ROOT } from '../../lib/env.mjs'
import { waitFor, waitForURL } from '../../lib/processes.mjs'
import { appendHistory, fmt, percentile } from '../lib/figures.mjs'
import { scratchFolder } from '../lib/scratch.mjs'

const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'GiaThuong@2024'
const DEMO_DOMAIN = 'demo.giathuong.edu.vn'
const REQUEST_TIMEOUT_MS = 60_000

const { values: options } = parseArgs({
  options: {
    sessions: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'max-in-flight': { type: 'string', default: '16' },
    'think-ms': { type: 'string', default: '300-1500' },
    'baseline-runs': { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
})
const sessionCount = Number(options.sessions)
const seconds = Number(options.seconds)
const maxInFlight = Number(options['max-in-flight'])
const [thinkMin, thinkMax] = options['think-ms'].split('-').map(Number)
const baselineRuns = Number(options['baseline-runs'])
for (const [name, value, max] of [
  ['--sessions', sessionCount, 200],
  ['--seconds', seconds, 600],
  ['--max-in-flight', maxInFlight, 200],
  ['--baseline-runs', baselineRuns, 100],
])
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`${name} takes a whole number from 1 to ${max}`)
if (!(thinkMin >= 0 && thinkMax >= thinkMin)) throw new Error('--think-ms takes MIN-MAX')
const port = Number(process.env.BENCH_PORT || 3380)
if (port < 3380 || port > 3399) throw new Error('BENCH_PORT: this benchmark uses 3380–3399')
// Loopback only: the benchmark never sends a request anywhere else.
const baseURL = `http://127.0.0.1:${port}`

// ---- scratch folder: the product's data folder for this run only ---------------------------
let cms = null
const cmsLog = []
const { folder: scratch, cleanUp } = scratchFolder('school-bench-load-', {
  keep: options.keep,
  beforeRemoval: () => {
    if (cms && cms.exitCode === null && cms.signalCode === null) cms.kill('SIGTERM')
    cms = null
    if (options.keep) writeFileSync(path.join(scratch, 'cms.log'), `${cmsLog.join('\n')}\n`)
  },
})
const dataDir = path.join(scratch, 'data')
const productSettings = {
  SCHOOL_DATA_DIR: dataDir,
  CMS_PORT: String(port),
  CMS_HOST: '127.0.0.1',
  PAYLOAD_SECRET: 'load-benchmark-secret',
  SEED_DEMO: 'true',
  SEED_DEMO_RECORDS: 'true',
  SMTP_HOST: '',
}
const env = { ...process.env, ...productSettings }
// Settings of the school's own installation would point the run at its files: dropped, so every
// path is the scratch folder's (scripts/lib/env.mjs derives them from SCHOOL_DATA_DIR).
for (const key of [
  'DATABASE_URL',
  'MEDIA_DIR',
  'ARCHIVE_DIR',
  'OFFICE_DIR',
  'SERVER_URL',
  'SITE_URL',
  'CMS_URL',
  'SIGNING_CERTIFICATE_FILE',
  'SIGNING_CERTIFICATE_PASSWORD',
  'SITE_SOURCE_DIR',
  'SITE_BUILDS_DIR',
  'SITE_LIVE_DIR',
])
  delete env[key]

/** Builds the CMS reported: when each ended (ms on this process's clock), how long it took. */
const builds = []
const failedBuilds = []

async function stopCms() {
  if (!cms || cms.exitCode !== null || cms.signalCode !== null) return
  const exited = new Promise((resolve) => cms.once('exit', resolve))
  cms.kill('SIGTERM')
  await exited
}

function startCms() {
  cms = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const onData = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue
      cmsLog.push(line)
      if (cmsLog.length > 20_000) cmsLog.shift()
      const rebuilt = /Website rebuilt in (\d+) ms/.exec(line)
      if (rebuilt) builds.push({ endedAt: performance.now(), durationMs: Number(rebuilt[1]) })
      if (/Website build failed/.test(line)) failedBuilds.push({ endedAt: performance.now() })
    }
  }
  cms.stdout.on('data', onData)
  cms.stderr.on('data', onData)
  return cms
}

// ---- memory: the CMS process, and the CMS with the builds it runs --------------------------
function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
  } catch {
    return 0
  }
}

const CLOCK_TICKS_PER_SECOND = 100
/** CPU seconds the process has used (user + system; /proc/<pid>/stat fields 14 and 15). */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND
  } catch {
    return NaN
  }
}

/** The CMS's process and all its descendants (the astro build and its workers). */
function treeRssKiB(rootPid) {
  const children = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      if (!children.has(parent)) children.set(parent, [])
      children.get(parent).push(Number(entry))
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0
  const pending = [rootPid]
  while (pending.length > 0) {
    const pid = pending.pop()
    total += rssKiB(pid)
    pending.push(...(children.get(pid) ?? []))
  }
  return total
}

function memorySampler(pid) {
  const peak = { cms: 0, tree: 0, samples: 0 }
  const timer = setInterval(() => {
    peak.cms = Math.max(peak.cms, rssKiB(pid))
    peak.tree = Math.max(peak.tree, treeRssKiB(pid))
    peak.samples += 1
  }, 250)
  return {
    peak,
    stop: () => clearInterval(timer),
    reset: () => Object.assign(peak, { cms: 0, tree: 0, samples: 0 }),
  }
}

// ---- requests ------------------------------------------------------------------------------
/** At most `maxInFlight` requests at once; the others wait here, and that wait is measured. */
const limiter = {
  free: maxInFlight,
  waiting: [],
  async acquire() {
    if (this.free > 0) {
      this.free -= 1
      return
    }
    await new Promise((resolve) => this.waiting.push(resolve))
  },
  release() {
    const next = this.waiting.shift()
    if (next) next()
    else this.free += 1
  },
}

/** Every timed request: kind, ms, status; and the failures, in full. */
let samples = []
const errors = []
let recording = true

/**
 * One request as a session makes it. `expect` lists the statuses that are right for it (a
 * refusal the policy must give is a right answer); anything else is an error of the run.
 */
async function call(kind, pathname, { token, method = 'GET', body, expect = [200, 201] } = {}) {
  const queuedAt = performance.now()
  await limiter.acquire()
  const started = performance.now()
  let status = 0
  let text
  try {
    const response = await fetch(`${baseURL}/api${pathname}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Cookie: 'payload-lng=vi',
        ...(token ? { Authorization: `JWT ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: globalThis.AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    })
    status = response.status
    text = await response.text()
  } catch (error) {
    text = `${error.name}: ${error.cause?.code ?? error.message}`
  } finally {
    limiter.release()
  }
  const ms = performance.now() - started
  const ok = expect.includes(status)
  if (recording) samples.push({ kind, ms, at: started, wait: started - queuedAt, status, ok })
  if (!ok) {
    errors.push({ kind, method, pathname, status, text: text.slice(0, 500) })
    return { ok: false, status, json: null }
  }
  let json = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    // A file or an empty answer.
  }
  return { ok: true, status, json }
}

async function login(email) {
  const response = await fetch(`${baseURL}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  const json = await response.json().catch(() => null)
  if (!response.ok || !json?.token)
    throw new Error(`login ${email}: HTTP ${response.status} ${JSON.stringify(json).slice(0, 300)}`)
  return { token: json.token, user: json.user }
}

const pick = (items) => items[Math.floor(Math.random() * items.length)]
const think = () => sleep(thinkMin + Math.random() * (thinkMax - thinkMin))

function richText(text) {
  const node = { format: '', indent: 0, version: 1, direction: 'ltr' }
  return {
    root: {
      ...node,
      type: 'root',
      children: [
        {
          ...node,
          type: 'paragraph',
          textFormat: 0,
          children: [
            { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
          ],
        },
      ],
    },
  }
}

// ---- what the run wrote, to be read back ---------------------------------------------------
/** Posts the run made: id → what the last acknowledged write says it holds. */
const postsWritten = new Map()
/** Grid cells the run saved: `class|subject|period|student` → the last acknowledged value. */
const marksWritten = new Map()
/** Workflow queues: one session takes each post, so no two people race for the same step. */
const queues = { accept: [], approve: [], publish: [] }
const published = []

// ---- the sessions --------------------------------------------------------------------------
/**
 * A session's work. `session` has token, user, and what it found at the start: its class, its
 * grid sheets. Each step is one thing a person does in the admin (one to three requests).
 */
function stepsOf(session, school) {
  const { token } = session
  const roles = session.user.roles ?? []
  const steps = []
  const add = (weight, step) => steps.push({ weight, step })

  add(2, () => call('users/me', '/users/me', { token }))
  add(3, () => call('posts: list', '/posts?limit=10&sort=-updatedAt&depth=0&draft=true', { token }))
  add(2, async () => {
    const post = pick(school.posts)
    await call('posts: open', `/posts/${post}?depth=1&draft=true`, { token })
    await call('posts: workflow panel', `/posts/${post}/workflow`, { token })
  })

  const writer = !roles.includes('principal') && !roles.includes('web_admin')
  if (writer) add(4, () => writeStep(session))

  if (session.classId) {
    add(3, () =>
      call(
        'pupils: my class',
        `/students?where[class][equals]=${session.classId}&limit=50&depth=0&sort=fullName`,
        { token },
      ),
    )
    add(2, () => call('pupils: open', `/students/${pick(session.pupils)}?depth=1`, { token }))
    add(1, () => call('documents: classes', '/documents/classes', { token }))
    add(1, () =>
      call(
        'documents: pupils',
        `/documents/pupils?class=${session.classId}&schoolYear=${school.schoolYear}`,
        { token },
      ),
    )
  }
  if (session.sheets.length > 0) add(4, () => gridStep(session))
  if (roles.includes('nurse')) {
    add(4, () =>
      call('check-ups: list', '/health-checkups?limit=20&sort=-createdAt&depth=0', { token }),
    )
    add(2, () =>
      call('check-ups: open', `/health-checkups/${pick(school.checkups)}?depth=1`, { token }),
    )
  }
  if (roles.includes('principal')) {
    add(3, () => call('audit: list', '/audit-log?limit=20&sort=-createdAt&depth=0', { token }))
    add(2, () => call('documents: classes', '/documents/classes', { token }))
  }
  if (roles.includes('accountant'))
    add(3, () =>
      call('refused: audit log (403 expected)', '/audit-log?limit=5&depth=0', {
        token,
        expect: [403],
      }),
    )
  const queue = session.workflowQueue
  if (queue) add(6, () => workflowStep(session, queue))
  return steps
}

async function writeStep(session) {
  const { token } = session
  const draft = session.draft
  if (!draft) {
    session.written += 1
    const title = `Bài tải thử ${session.index + 1}-${session.written}`
    const excerpt = `Bản nháp 0 của ${title}.`
    const made = await call('posts: create draft', '/posts?draft=true&depth=0', {
      token,
      method: 'POST',
      body: { title, excerpt, kind: 'news', ownerGroup: null, _status: 'draft' },
    })
    if (!made.ok) return
    const id = made.json.doc.id
    session.draft = { id, title, saves: 0 }
    postsWritten.set(id, { title, excerpt, stage: 'draft', steps: 0, writer: session.index })
    return
  }
  if (draft.saves < 2 + (session.index % 3)) {
    draft.saves += 1
    const excerpt = `Bản nháp ${draft.saves} của ${draft.title}.`
    const saved = await call(
      'posts: autosave draft',
      `/posts/${draft.id}?draft=true&autosave=true&depth=0`,
      {
        token,
        method: 'PATCH',
        body: {
          excerpt,
          content: richText(`${excerpt} Nội dung viết lúc ${new Date().toISOString()}.`),
        },
      },
    )
    if (saved.ok) postsWritten.get(draft.id).excerpt = excerpt
    return
  }
  const submitted = await call('workflow: submit', `/posts/${draft.id}/workflow`, {
    token,
    method: 'POST',
    body: { action: 'submit' },
  })
  session.draft = null
  if (!submitted.ok) return
  const record = postsWritten.get(draft.id)
  Object.assign(record, { stage: 'submitted', steps: record.steps + 1 })
  queues.accept.push(draft.id)
}

const NEXT_STAGE = { accept: 'reviewed', approve: 'approved', publish: 'published' }
const NEXT_QUEUE = { accept: 'approve', approve: 'publish', publish: null }

/**
 * A step on a post of the session's list. Reviewers share their list as people do (both
 * vice-principals see every whole-school post handed in) and may pick the same post at once:
 * one step is taken, the other is told the post moved on (409, a right answer). The others each
 * have a list of their own.
 */
async function workflowStep(session, action) {
  const { token } = session
  const shared = action === 'accept'
  const list = queues[action]
  const id = shared ? pick(list) : list.shift()
  if (id === undefined) {
    await call('posts: list', '/posts?limit=10&sort=-updatedAt&depth=0&draft=true', { token })
    return
  }
  // The admin's workflow panel first: it shows the steps this person may take.
  const panel = await call('posts: workflow panel', `/posts/${id}/workflow`, { token })
  if (!panel.ok) return
  if (!panel.json.actions?.includes(action)) {
    if (shared) return // someone else took the step meanwhile: the list was out of date
    errors.push({
      kind: `workflow: ${action}`,
      method: 'GET',
      pathname: `/posts/${id}/workflow`,
      status: panel.status,
      text: `the panel offers ${JSON.stringify(panel.json.actions)}, not ${action}`,
    })
    return
  }
  const done = await call(`workflow: ${action}`, `/posts/${id}/workflow`, {
    token,
    method: 'POST',
    body: { action },
    expect: shared ? [200, 409] : [200],
  })
  if (!done.ok || done.status !== 200) return
  if (shared && list.includes(id)) list.splice(list.indexOf(id), 1)
  const record = postsWritten.get(id)
  Object.assign(record, { stage: NEXT_STAGE[action], steps: record.steps + 1 })
  if (action === 'publish') published.push({ id, at: performance.now() })
  if (NEXT_QUEUE[action]) queues[NEXT_QUEUE[action]].push(id)
}

const LEVEL_SCORES = { T: [9, 10], H: [6, 7, 8], C: [3, 4] }

async function gridStep(session, { pause = true } = {}) {
  const { token } = session
  const sheet = pick(session.sheets)
  const query = new URLSearchParams({
    class: String(sheet.classId),
    subject: sheet.subject,
    period: sheet.period,
    schoolYear: sheet.schoolYear,
  })
  const grid = await call('grid: load', `/assessment-grid?${query}`, { token })
  if (!grid.ok || !grid.json.editable || grid.json.rows.length === 0) return
  if (pause) await think()
  session.marks += 1
  const row = pick(grid.json.rows)
  const level = pick(['T', 'H', 'C'])
  const entry = {
    student: row.student,
    level,
    score: grid.json.tested ? pick(LEVEL_SCORES[level]) : null,
    comment: `Nhận xét tải thử ${session.index + 1}-${session.marks}.`,
  }
  const saved = await call('grid: save a mark', '/assessment-grid', {
    token,
    method: 'POST',
    body: {
      class: sheet.classId,
      subject: sheet.subject,
      period: sheet.period,
      schoolYear: sheet.schoolYear,
      rows: [entry],
    },
  })
  if (saved.ok)
    marksWritten.set(`${sheet.classId}|${sheet.subject}|${sheet.period}|${row.student}`, {
      ...entry,
      sheet,
      session: session.index,
    })
}

/**
 * Posts already on their way when the clock starts, as in any school day: handed in, accepted,
 * approved. The web admin's first publication comes in the run's first seconds, so a website
 * build runs while the sessions work.
 */
async function stagePosts(sessions) {
  const byRole = (role) => sessions.find((s) => s.user.email === `${role}@${DEMO_DOMAIN}`)
  const writer = byRole('clerk') ?? byRole('librarian')
  const reviewer = byRole('vice_principal')
  const approver = byRole('principal')
  if (!writer || !reviewer || !approver || !byRole('web_admin')) return 0
  const plan = ['submitted', 'submitted', 'reviewed', 'reviewed', 'approved', 'approved']
  const step = async (session, id, action) => {
    const done = await call('setup', `/posts/${id}/workflow`, {
      token: session.token,
      method: 'POST',
      body: { action },
    })
    if (!done.ok) throw new Error(`Staging a post: ${JSON.stringify(errors.at(-1))}`)
    const record = postsWritten.get(id)
    Object.assign(record, { stage: done.json.doc.stage, steps: record.steps + 1 })
  }
  for (const [n, target] of plan.entries()) {
    const title = `Bài chờ duyệt ${n + 1}`
    const excerpt = `Tin đã viết xong, chờ duyệt (${n + 1}).`
    const made = await call('setup', '/posts?draft=true&depth=0', {
      token: writer.token,
      method: 'POST',
      body: {
        title,
        excerpt,
        content: richText(`${excerpt} Nội dung đầy đủ của bài.`),
        kind: 'news',
        ownerGroup: null,
        _status: 'draft',
      },
    })
    if (!made.ok) throw new Error(`Staging a post: ${JSON.stringify(errors.at(-1))}`)
    const id = made.json.doc.id
    postsWritten.set(id, { title, excerpt, stage: 'draft', steps: 0, writer: writer.index })
    await step(writer, id, 'submit')
    if (target === 'submitted') {
      queues.accept.push(id)
      continue
    }
    await step(reviewer, id, 'accept')
    if (target === 'reviewed') {
      queues.approve.push(id)
      continue
    }
    await step(approver, id, 'approve')
    queues.publish.push(id)
  }
  return plan.length
}

function weightedPicker(steps) {
  const total = steps.reduce((sum, { weight }) => sum + weight, 0)
  return () => {
    let roll = Math.random() * total
    for (const { weight, step } of steps) {
      roll -= weight
      if (roll <= 0) return step
    }
    return steps.at(-1).step
  }
}

// ---- setting the school up -----------------------------------------------------------------
async function prepare(principal) {
  const { token } = principal
  const users = (await call('setup', '/users?limit=500&depth=0', { token })).json.docs
  const missing = sessionCount - users.length
  for (let i = 0; i < missing; i += 1) {
    const made = await call('setup', '/users?depth=0', {
      token,
      method: 'POST',
      body: {
        fullName: `Giáo viên tải thử ${i + 1}`,
        email: `tai-thu-${i + 1}@${DEMO_DOMAIN}`,
        password: DEMO_PASSWORD,
        roles: ['subject_teacher'],
      },
    })
    if (!made.ok) throw new Error(`Could not add a staff account: ${JSON.stringify(errors.at(-1))}`)
    users.push(made.json.doc)
  }
  // The demo accounts first (one per role), then the other staff.
  const demo = (user) => user.email.endsWith(`@${DEMO_DOMAIN}`) && /^[a-z_]+@/.test(user.email)
  const chosen = [...users.filter(demo), ...users.filter((user) => !demo(user))].slice(
    0,
    sessionCount,
  )

  const classes = (
    await call('setup', '/groups?where[kind][equals]=class&limit=200&depth=0', { token })
  ).json.docs
  const posts = (await call('setup', '/posts?limit=100&depth=0', { token })).json.docs.map(
    (post) => post.id,
  )
  const schoolYear = classes
    .map((group) => group.schoolYear)
    .sort()
    .at(-1)

  const sessions = []
  for (const [index, user] of chosen.entries()) {
    const { token: sessionToken, user: signedIn } = await login(user.email)
    const session = {
      index,
      token: sessionToken,
      user: signedIn,
      draft: null,
      written: 0,
      marks: 0,
      sheets: [],
      pupils: [],
      classId: null,
      workflowQueue: null,
    }
    const own = classes.find(
      (group) =>
        group.schoolYear === schoolYear && String(group.homeroomTeacher) === String(user.id),
    )
    if (own) {
      session.classId = own.id
      session.pupils = (
        await call('setup', `/students?where[class][equals]=${own.id}&limit=100&depth=0`, {
          token: sessionToken,
        })
      ).json.docs.map((pupil) => pupil.id)
      if (session.pupils.length === 0) session.classId = null
    }
    const choices = await call('setup', `/assessment-grid/choices?schoolYear=${schoolYear}`, {
      token: sessionToken,
      expect: [200, 403],
    })
    if (choices.status === 200) {
      const open = choices.json.periods.filter((p) => p.state === 'open').map((p) => p.period)
      for (const sheet of choices.json.sheets)
        if (sheet.subject && sheet.mayEnter)
          for (const period of open)
            session.sheets.push({
              classId: sheet.class.id,
              className: sheet.class.name,
              subject: sheet.subject.code,
              period,
              schoolYear: choices.json.schoolYear,
            })
    }
    const email = signedIn.email
    // Both vice-principals review the whole school's posts (Điều 6), from the same list.
    if (signedIn.roles?.includes('vice_principal')) session.workflowQueue = 'accept'
    if (email === `principal@${DEMO_DOMAIN}`) session.workflowQueue = 'approve'
    if (email === `web_admin@${DEMO_DOMAIN}`) session.workflowQueue = 'publish'
    sessions.push(session)
    // Logins one after another, before the clock starts.
  }
  // The nurse's records: whom the check-ups are opened by in the run.
  const nurse = sessions.find((session) => session.user.roles?.includes('nurse'))
  const checkups = nurse
    ? (
        await call('setup', '/health-checkups?limit=100&depth=0', { token: nurse.token })
      ).json.docs.map((checkup) => checkup.id)
    : []
  return { sessions, school: { posts, checkups, schoolYear, classes: classes.length } }
}

// ---- the run -------------------------------------------------------------------------------
async function runSession(session, school, until) {
  const next = weightedPicker(stepsOf(session, school))
  // Sessions start spread over the first seconds, as people do.
  await sleep(Math.random() * Math.min(3000, thinkMax * 2))
  while (performance.now() < until) {
    await next()()
    await think()
  }
}

/** Waits until no website build has run or been asked for a while (the runner debounces). */
async function buildsSettled(token, quietMs = 8000, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs
  let quietSince = null
  while (Date.now() < deadline) {
    const status = await call('after', '/globals/site-build?depth=0', { token })
    const last = Math.max(0, ...builds.map((b) => b.endedAt), ...failedBuilds.map((b) => b.endedAt))
    const building = status.json?.status === 'building'
    if (!building && performance.now() - last > 1000) {
      quietSince ??= Date.now()
      if (Date.now() - quietSince >= quietMs) return true
    } else quietSince = null
    await sleep(500)
  }
  return false
}

function summarize(list) {
  const byKind = new Map()
  for (const sample of list) {
    if (!byKind.has(sample.kind)) byKind.set(sample.kind, [])
    byKind.get(sample.kind).push(sample)
  }
  const figures = new Map()
  for (const [kind, items] of byKind) {
    const ms = items.map((item) => item.ms)
    figures.set(kind, {
      kind,
      count: items.length,
      p50: percentile(ms, 50),
      p95: percentile(ms, 95),
      max: Math.max(...ms),
      wait95: percentile(
        items.map((item) => item.wait),
        95,
      ),
    })
  }
  return figures
}

try {
  const loadAtStart = os.loadavg()[0]
  console.log(`▸ Scratch data folder ${dataDir}; CMS on ${baseURL} (node scripts/serve.mjs)`)
  await buildCms(productEnv(productSettings).env)
  console.log('▸ Starting the CMS, seeding the demo school and building the website…')
  const startedAt = performance.now()
  startCms()
  await waitForURL(`${baseURL}/api/globals/school-profile`, { service: cms, timeoutMs: 300_000 })
  await waitFor(() => existsSync(path.join(dataDir, 'site', 'index.html')), 'website', 300_000, cms)
  console.log(`  seeded and built in ${fmt((performance.now() - startedAt) / 1000, 1)} s`)
  // A school's CMS runs long after its data came in: started again, it holds what serving takes,
  // not what seeding the demo school took.
  await stopCms()
  startCms()
  await waitForURL(`${baseURL}/api/globals/school-profile`, { service: cms, timeoutMs: 300_000 })
  console.log(`  started again; CMS RSS ${fmt(rssKiB(cms.pid) / 1024)} MiB`)

  const principal = await login(`principal@${DEMO_DOMAIN}`)
  await buildsSettled(principal.token, 3000)
  const { sessions, school } = await prepare(principal)
  const staged = await stagePosts(sessions)
  const sheets = sessions.reduce((sum, s) => sum + s.sheets.length, 0)
  console.log(
    `  ${sessions.length} sessions logged in (${sessions.filter((s) => s.classId).length} homeroom teachers with their class, ${sessions.filter((s) => s.sheets.length).length} teachers with ${sheets} open grid sheets); ${school.classes} classes, ${school.posts.length} posts, ${school.checkups.length} check-ups; ${staged} posts on their way through the workflow`,
  )

  // ---- baseline: one session alone -----------------------------------------------------------
  console.log(`▸ Baseline: one session alone, ${baselineRuns} of each request in sequence…`)
  const memory = memorySampler(cms.pid)
  samples = []
  const pupilSession = sessions.find((s) => s.classId)
  const gridSession = sessions.find((s) => s.sheets.length > 0)
  const nurse = sessions.find((s) => s.user.roles?.includes('nurse'))
  const writerSession = sessions.find((s) => s.user.email === `clerk@${DEMO_DOMAIN}`) ?? sessions[1]
  for (let i = 0; i < baselineRuns; i += 1) {
    const token = principal.token
    await call('users/me', '/users/me', { token })
    await call('posts: list', '/posts?limit=10&sort=-updatedAt&depth=0&draft=true', { token })
    await call('posts: open', `/posts/${pick(school.posts)}?depth=1&draft=true`, { token })
    await call('posts: workflow panel', `/posts/${pick(school.posts)}/workflow`, { token })
    await call('audit: list', '/audit-log?limit=20&sort=-createdAt&depth=0', { token })
    await call('documents: classes', '/documents/classes', { token })
    if (pupilSession) {
      const t = pupilSession.token
      await call(
        'pupils: my class',
        `/students?where[class][equals]=${pupilSession.classId}&limit=50&depth=0&sort=fullName`,
        { token: t },
      )
      await call('pupils: open', `/students/${pick(pupilSession.pupils)}?depth=1`, { token: t })
      await call(
        'documents: pupils',
        `/documents/pupils?class=${pupilSession.classId}&schoolYear=${school.schoolYear}`,
        { token: t },
      )
    }
    if (nurse) {
      await call('check-ups: list', '/health-checkups?limit=20&sort=-createdAt&depth=0', {
        token: nurse.token,
      })
      await call('check-ups: open', `/health-checkups/${pick(school.checkups)}?depth=1`, {
        token: nurse.token,
      })
    }
    if (gridSession) await gridStep(gridSession, { pause: false })
    // A draft started and saved as the run does; handed in at the end of the run's pace.
    await writeStep(writerSession)
  }
  const accountant = sessions.find((s) => s.user.roles?.includes('accountant'))
  if (accountant)
    for (let i = 0; i < baselineRuns; i += 1)
      await call('refused: audit log (403 expected)', '/audit-log?limit=5&depth=0', {
        token: accountant.token,
        expect: [403],
      })
  const baseline = summarize(samples)
  const idle = baseline.get('users/me')
  const baselinePeak = { ...memory.peak }
  console.log(
    `  idle GET /api/users/me p50 ${fmt(idle?.p50, 1)} ms; CMS RSS peak ${fmt(baselinePeak.cms / 1024)} MiB`,
  )
  if (errors.length > 0) console.log(`  ${errors.length} errors in the baseline (listed below)`)

  // ---- the run --------------------------------------------------------------------------------
  console.log(
    `▸ The run: ${sessions.length} sessions for ${seconds} s (pause ${thinkMin}–${thinkMax} ms, ≤ ${maxInFlight} requests in flight)…`,
  )
  memory.reset()
  samples = []
  const errorsBefore = errors.length
  const runStart = performance.now()
  const cpuAtStart = cpuSeconds(cms.pid)
  const until = runStart + seconds * 1000
  const progress = setInterval(() => {
    const elapsed = (performance.now() - runStart) / 1000
    console.log(
      `  ${fmt(elapsed)} s: ${samples.length} requests, ${errors.length - errorsBefore} errors, ${published.length} published, ${builds.filter((b) => b.endedAt > runStart).length} builds done, CMS RSS ${fmt(rssKiB(cms.pid) / 1024)} MiB`,
    )
  }, 10_000)
  await Promise.all(sessions.map((session) => runSession(session, school, until)))
  clearInterval(progress)
  const runEnd = performance.now()
  const cmsCpu = cpuSeconds(cms.pid) - cpuAtStart
  const runSamples = samples
  recording = false
  const runPeak = { ...memory.peak }
  const figures = summarize(runSamples)
  const buildsDuring = builds
    .map((b) => ({ ...b, startedAt: b.endedAt - b.durationMs }))
    .filter((b) => b.endedAt > runStart && b.startedAt < runEnd)
  const fullyInside = buildsDuring.filter((b) => b.startedAt >= runStart && b.endedAt <= runEnd)

  // ---- nothing lost ---------------------------------------------------------------------------
  console.log('▸ Waiting for the website builds to finish, then reading every write back…')
  const settled = await buildsSettled(principal.token)
  memory.stop()
  const afterPeak = { ...memory.peak }
  const lost = []
  for (const [id, expected] of postsWritten) {
    const got = await call('after', `/posts/${id}?draft=true&depth=0`, { token: principal.token })
    if (!got.ok) {
      lost.push(`post ${id} (${expected.title}): HTTP ${got.status}`)
      continue
    }
    const doc = got.json
    for (const field of ['title', 'excerpt', 'stage'])
      if (doc[field] !== expected[field])
        lost.push(
          `post ${id} ${field}: ${JSON.stringify(doc[field])}, expected ${JSON.stringify(expected[field])}`,
        )
    // The history: one event per step acknowledged, each starting where the one before ended,
    // the last at the post's stage.
    const events = await call(
      'after',
      `/workflow-events?where[post][equals]=${id}&sort=id&limit=100&depth=0`,
      { token: principal.token },
    )
    const steps = events.json?.docs ?? []
    if (steps.length !== expected.steps)
      lost.push(`post ${id}: ${steps.length} workflow events, expected ${expected.steps}`)
    const broken = steps.findIndex(
      (event, at) => at > 0 && event.fromStage !== steps[at - 1].toStage,
    )
    if (broken > 0 || (steps.length > 0 && steps.at(-1).toStage !== doc.stage))
      lost.push(
        `post ${id}: its history ${steps.map((e) => `${e.action} ${e.fromStage}→${e.toStage}`).join(', ')} does not lead to its stage ${doc.stage}`,
      )
    if (expected.stage === 'published') {
      const page = path.join(dataDir, 'site', 'tin-tuc', doc.slug)
      if (!existsSync(path.join(page, 'index.html')) && !existsSync(`${page}.html`))
        lost.push(`post ${id} (${doc.slug}) published but not on the live website`)
    }
  }
  const bySheet = new Map()
  for (const mark of marksWritten.values()) {
    const key = `${mark.sheet.classId}|${mark.sheet.subject}|${mark.sheet.period}`
    if (!bySheet.has(key)) bySheet.set(key, [])
    bySheet.get(key).push(mark)
  }
  for (const marks of bySheet.values()) {
    const { sheet, session } = marks[0]
    const query = new URLSearchParams({
      class: String(sheet.classId),
      subject: sheet.subject,
      period: sheet.period,
      schoolYear: sheet.schoolYear,
    })
    const grid = await call('after', `/assessment-grid?${query}`, {
      token: sessions[session].token,
    })
    for (const mark of marks) {
      const row = grid.json?.rows?.find((r) => String(r.student) === String(mark.student))
      const same =
        row &&
        row.level === mark.level &&
        (row.score ?? null) === (mark.score ?? null) &&
        row.comment === mark.comment
      if (!same)
        lost.push(
          `mark ${sheet.className} ${sheet.subject} ${sheet.period} pupil ${mark.student}: ${JSON.stringify(row && { level: row.level, score: row.score, comment: row.comment })}, expected ${JSON.stringify({ level: mark.level, score: mark.score, comment: mark.comment })}`,
        )
    }
  }

  // ---- report ---------------------------------------------------------------------------------
  const total = runSamples.length
  const runErrors = errors.slice(errorsBefore)
  const refusals = runSamples.filter((s) => s.ok && s.status >= 400).length
  const runSeconds = (runEnd - runStart) / 1000
  const logProblems = cmsLog.filter((line) =>
    /SQLITE_BUSY|database is locked|\bERR(OR)?\b|"level":50/.test(line),
  )
  console.log(`\nLoad benchmark: ${sessions.length} sessions, ${fmt(runSeconds, 1)} s`)
  console.log(
    `Requests: ${total} (${fmt(total / runSeconds, 1)}/s), errors: ${runErrors.length}, expected refusals: ${refusals}; writes: ${postsWritten.size} posts (${published.length} published), ${marksWritten.size} marks; lost: ${lost.length}`,
  )
  const rows = [...figures.values()].sort((a, b) => a.kind.localeCompare(b.kind))
  console.log(
    '\n| request | count | p50 ms | p95 ms | max ms | × alone (p50) | p95 × idle users/me ' +
      '| p95 wait for a slot ms |',
  )
  console.log('|---|---|---|---|---|---|---|---|')
  for (const row of rows) {
    const alone = baseline.get(row.kind)
    console.log(
      `| ${row.kind} | ${row.count} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${fmt(row.max)} | ${alone ? `${fmt(row.p50 / alone.p50, 1)}× (${fmt(alone.p50)} ms)` : '–'} | ${fmt(row.p95 / idle.p50, 0)}× | ${fmt(row.wait95)} |`,
    )
  }
  const all = summarize(runSamples.map((s) => ({ ...s, kind: 'all' }))).get('all')
  console.log(
    `| all | ${all.count} | ${fmt(all.p50)} | ${fmt(all.p95)} | ${fmt(all.max)} | | ${fmt(all.p95 / idle.p50, 0)}× | ${fmt(all.wait95)} |`,
  )
  console.log(
    `\nWebsite builds during the run: ${buildsDuring.length} (${fullyInside.length} started and ended within it)${buildsDuring.length ? `, ${buildsDuring.map((b) => `${fmt(b.durationMs / 1000, 1)} s`).join(', ')}` : ''}; failed builds: ${failedBuilds.filter((b) => b.endedAt > runStart).length}; builds settled afterwards: ${settled ? 'yes' : 'NO (timed out)'}`,
  )
  const building = (sample) =>
    buildsDuring.some((b) => sample.at + sample.ms > b.startedAt && sample.at < b.endedAt)
  const during = summarize(runSamples.filter(building).map((s) => ({ ...s, kind: 'x' }))).get('x')
  const outside = summarize(
    runSamples.filter((s) => !building(s)).map((s) => ({ ...s, kind: 'x' })),
  ).get('x')
  const split = (figure) =>
    figure
      ? `${figure.count} requests, p50 ${fmt(figure.p50)} ms, p95 ${fmt(figure.p95)} ms, max ${fmt(figure.max)} ms`
      : 'none'
  const slowest = [...runSamples].sort((a, b) => b.ms - a.ms).slice(0, 5)
  console.log(
    `Slowest: ${slowest.map((s) => `${s.kind} ${fmt(s.ms)} ms at ${fmt((s.at - runStart) / 1000, 1)} s${building(s) ? ' (building)' : ''}`).join('; ')}; builds ran at ${buildsDuring.map((b) => `${fmt((b.startedAt - runStart) / 1000, 1)}–${fmt((b.endedAt - runStart) / 1000, 1)} s`).join(', ')}`,
  )
  console.log(`While a website build ran: ${split(during)}; the rest of the run: ${split(outside)}`)
  console.log(
    `CMS process CPU during the run: ${fmt(cmsCpu, 1)} s of ${fmt(runSeconds, 1)} s (${fmt((100 * cmsCpu) / runSeconds)} % of one core; the website builds run in processes of their own), ${fmt((1000 * cmsCpu) / total, 1)} ms a request; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (other work shares the machine)`,
  )
  console.log(
    `CMS resident memory: peak ${fmt(runPeak.cms / 1024)} MiB during the run (${fmt(afterPeak.cms / 1024)} MiB with the builds after it; ${fmt(baselinePeak.cms / 1024)} MiB one session alone); the CMS with its website builds: peak ${fmt(Math.max(runPeak.tree, afterPeak.tree) / 1024)} MiB`,
  )
  if (runErrors.length > 0) {
    console.log(`\nErrors (${runErrors.length}):`)
    for (const error of runErrors.slice(0, 40))
      console.log(
        `  ${error.kind}: ${error.method} ${error.pathname} → ${error.status} ${error.text}`,
      )
  }
  if (errorsBefore > 0) {
    console.log(`\nErrors before the run (${errorsBefore}):`)
    for (const error of errors.slice(0, Math.min(errorsBefore, 20)))
      console.log(
        `  ${error.kind}: ${error.method} ${error.pathname} → ${error.status} ${error.text}`,
      )
  }
  if (lost.length > 0) {
    console.log(`\nLost or different writes (${lost.length}):`)
    for (const line of lost.slice(0, 40)) console.log(`  ${line}`)
  }
  if (logProblems.length > 0) {
    console.log(`\nCMS log lines with errors (${logProblems.length}, the first 15):`)
    for (const line of logProblems.slice(0, 15)) console.log(`  ${line.slice(0, 400)}`)
  }
  if (fullyInside.length === 0) console.log('\nNo website build ran entirely within the run.')

  const date = new Date().toISOString().slice(0, 10)
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`
  const kindText = rows.map((row) => `${row.kind} ${fmt(row.p50)}/${fmt(row.p95)}`).join('; ')
  appendHistory(
    `- ${date} load (${machine}, load ${fmt(loadAtStart, 1)}–${fmt(os.loadavg()[0], 1)}, production, ${sessions.length} sessions × ${seconds} s, pause ${thinkMin}–${thinkMax} ms, ≤ ${maxInFlight} in flight): ${total} requests (${fmt(total / runSeconds, 1)}/s), ${runErrors.length} errors, ${refusals} expected refusals, ${lost.length} lost of ${postsWritten.size} posts (${published.length} published) and ${marksWritten.size} marks; all p50 ${fmt(all.p50)} ms, p95 ${fmt(all.p95)} ms (${fmt(all.p95 / idle.p50, 0)}× idle users/me ${fmt(idle.p50, 1)} ms), max ${fmt(all.max)} ms; builds during the run ${buildsDuring.length} (${fullyInside.length} within), ${buildsDuring.map((b) => `${fmt(b.durationMs / 1000, 1)} s`).join(', ')}; p95 while building ${fmt(during?.p95)} ms, otherwise ${fmt(outside?.p95)} ms; CMS CPU ${fmt((100 * cmsCpu) / runSeconds)} % of a core (${fmt((1000 * cmsCpu) / total, 1)} ms a request); CMS RSS peak ${fmt(runPeak.cms / 1024)} MiB, with builds ${fmt(Math.max(runPeak.tree, afterPeak.tree) / 1024)} MiB; p50/p95 ms by kind: ${kindText}`,
  )
  cleanUp()
  process.exit(runErrors.length > 0 || lost.length > 0 ? 1 : 0)
} catch (error) {
  console.error(`\nBenchmark failed: ${error.stack ?? error}`)
  if (errors.length > 0)
    console.error(`Errors so far: ${JSON.stringify(errors.slice(0, 10), null, 1)}`)
  console.error(`Last lines of the CMS:\n${cmsLog.slice(-30).join('\n')}`)
  cleanUp()
  process.exit(1)
}
