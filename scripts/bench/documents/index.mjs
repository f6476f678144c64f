/**
 * `npm run bench:documents [-- --runs 20] [--keep]`: how fast the transcripts (học bạ), the class
 * summaries and the year-end archive are made, and how much memory a class file takes as the
 * class grows (issue 12, point 9). Not part of `npm test`: it measures, it does not check.
 *
 *  1. build-school.ts builds the school on a scratch SQLite file: the demo school, a past year of
 *     30 classes × 35 pupils with a complete, approved year, and a 10- and a 100-pupil class;
 *     certificate.ts makes a throwaway PKCS#12 certificate the CMS signs with (the school's);
 *  2. the assessment benchmark's serve.ts serves the CMS's real REST route handlers over HTTP
 *     on that file (node run with --expose-gc, so a memory figure starts after a collection);
 *  3. this process logs in as the demo users and the classes' homeroom teachers (REST
 *     `POST /api/users/login`) and measures, one request at a time, after warm-up requests:
 *     - baselines, as the principal: `GET /api/users/me`; a plain find of a class's 35 pupils;
 *     - one pupil's transcript of the year, `GET /api/transcripts/:id?schoolYear=` (class 5A,
 *       a different pupil each time; p95 ≤ 1 s), before the class is signed and after;
 *     - a class of 35 as one file, `GET /api/transcripts?class=&schoolYear=` (median ≤ 10 s),
 *       before signing (streamed) and after (signed with the certificate: one signature over
 *       the whole file);
 *     - the class summary of the end of the year, `GET /api/class-summary?…&format=pdf|xlsx`;
 *     - MEMORY: the server's resident memory (/proc/<pid>/status VmRSS every 100 ms, and the
 *       kernel's peak VmHWM reset before each file) while it streams the unsigned class file of
 *       10, 35 and 100 pupils (grade 3): the peak's growth against the page count;
 *     - signing every class of the year through `POST /api/transcript-signatures/sign`, the
 *       homeroom teacher's step then the principal's;
 *     - the whole year's archive, `POST /api/archive/send` as the IT teacher (202), its progress
 *       polled every 250 ms (`GET /api/archive-entries/:id`) to the end: total and per class.
 *  4. prints the figures against the targets and as ratios of the baselines measured in the same
 *     run, and appends a line to docs/benchmarks.md.
 *
 * A figure whose endpoint fails (or does not exist yet) is reported "not measured" with the
 * answer, and the run goes on. Options: --runs 20 (one transcript; a class file and summaries:
 * a quarter as many, at least 3), --keep (keep the scratch folder, the files made, and a copy of
 * the school as built in `built/`), --school <folder> (measure on such a copy), --unsigned (no
 * certificate configured), BENCH_PORT (3340).
 */
import { execFileSync } from 'node:child_process'
import {
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { once } from 'node:events'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearInterval, setInterval } from 'node:timers'
import { URLSearchParams } from 'node:url'
import { parseArgs } from 'node:util'

import {
  migrationCreates,
  runScript as runTsxScript,
  startBenchServer,
} from '../lib/cms-runners.mjs'
import { appendHistory, fmt, percentile } from '../lib/figures.mjs'
import { scratchFolder } from '../lib/scratch.mjs'

const TARGETS = { transcriptP95: 1000, classMedian: 10_000, archiveMinutes: 15 }
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'GiaThuong@2024'
const SUMMARY_PERIOD = 'end'

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS || '20' },
    keep: { type: 'boolean', default: false },
    school: { type: 'string' },
    unsigned: { type: 'boolean', default: false },
  },
})
const runs = Number(options.runs)
if (!Number.isInteger(runs) || runs < 4) throw new Error('--runs takes a whole number ≥ 4')
const fileRuns = Math.max(3, Math.floor(runs / 4))
const port = Number(process.env.BENCH_PORT || 3340)
const baseURL = `http://127.0.0.1:${port}`

// ---- scratch folder and environment --------------------------------------------------------
let server = null
let serverPid = null
const { folder: scratch, cleanUp } = scratchFolder('school-bench-documents-', {
  keep: options.keep,
  beforeRemoval: () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
    server = null
  },
})
const files = path.join(scratch, 'files')
mkdirSync(files)
/** As the assessment benchmark: production mode once a migration creates the documents' tables. */
const migrated = migrationCreates('transcript_signatures')
const env = {
  ...process.env,
  NODE_ENV: migrated ? 'production' : 'development',
  NODE_OPTIONS: '--conditions=development',
  DATABASE_URL: `file:${path.join(scratch, 'school.db')}`,
  PAYLOAD_SECRET: 'documents-benchmark-secret',
  MEDIA_DIR: path.join(scratch, 'media'),
  SEED_DEMO: 'true',
  SEED_DEMO_RECORDS: 'true',
  SMTP_HOST: '',
  SERVER_URL: baseURL,
  BENCH_PORT: String(port),
}
for (const key of [
  'SITE_SOURCE_DIR',
  'SITE_BUILDS_DIR',
  'SITE_LIVE_DIR',
  'SIGNING_CERTIFICATE_FILE',
  'SIGNING_CERTIFICATE_PASSWORD',
])
  delete env[key]
mkdirSync(env.MEDIA_DIR, { recursive: true })

const serverLog = []

const runScript = (script, args = []) => runTsxScript(script, { env, args })

/** Stops the CMS (tsx passes the signal on to the process that serves) and waits for its end. */
async function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return
  const stopped = once(server, 'exit')
  server.kill('SIGTERM')
  await stopped
  for (let wait = 0; wait < 100 && existsSync(`/proc/${serverPid}`); wait += 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
  server = null
}

async function startServer(serverEnv) {
  ;({ child: server, pid: serverPid } = await startBenchServer(
    serverEnv,
    serverLog,
    (child) => (server = child),
  ))
}

// ---- requests ------------------------------------------------------------------------------
const headersOf = (token, extra = {}) => ({
  'Content-Type': 'application/json',
  Cookie: 'payload-lng=vi',
  ...(token ? { Authorization: `JWT ${token}` } : {}),
  ...extra,
})

async function call(pathname, { token, method = 'GET', body, accept = [200] } = {}) {
  const started = performance.now()
  const response = await fetch(`${baseURL}/api${pathname}`, {
    method,
    headers: headersOf(token),
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const ms = performance.now() - started
  if (!accept.includes(response.status))
    throw new Error(`${method} ${pathname}: HTTP ${response.status} ${text.slice(0, 600)}`)
  let json
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = null
  }
  return {
    ms,
    status: response.status,
    json,
    statements: Number(response.headers.get('x-bench-sql-statements')),
    sqlMs: Number(response.headers.get('x-bench-sql-ms')),
    cpuMs: Number(response.headers.get('x-bench-cpu-ms')),
  }
}

/**
 * Fetches a file (a PDF or an xlsx) and writes it to `saveAs` as it arrives. Streamed: the
 * server passes the handler's stream on (X-Bench-Stream) and its counts come on a log line.
 */
async function download(pathname, token, saveAs, { contentType = 'application/pdf' } = {}) {
  const logFrom = serverLog.length
  const started = performance.now()
  const response = await fetch(`${baseURL}/api${pathname}`, {
    headers: headersOf(token, { 'X-Bench-Stream': '1' }),
  })
  if (!response.ok) {
    const text = await response.text()
    throw new Error(`GET ${pathname}: HTTP ${response.status} ${text.slice(0, 600)}`)
  }
  const type = response.headers.get('content-type') ?? ''
  if (!type.startsWith(contentType)) throw new Error(`GET ${pathname} answered ${type}`)
  const out = createWriteStream(saveAs)
  let firstByte = null
  let bytes = 0
  for await (const chunk of response.body) {
    firstByte ??= performance.now() - started
    bytes += chunk.length
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  const ms = performance.now() - started
  // The server's counts of a streamed answer follow on its log.
  let counts = null
  for (let wait = 0; wait < 20 && !counts; wait += 1) {
    counts = serverLog.slice(logFrom).find((line) => line.startsWith('BENCH_STREAMED'))
    if (!counts) await new Promise((resolve) => setTimeout(resolve, 25))
  }
  const figure = (name) => Number(new RegExp(`${name}=([\\d.]+)`).exec(counts ?? '')?.[1])
  return {
    ms,
    firstByte,
    bytes,
    file: saveAs,
    statements: figure('statements'),
    sqlMs: figure('sqlMs'),
    cpuMs: figure('cpuMs'),
    // On the server: when the handler answered, when its stream gave its first bytes.
    answeredMs: figure('answeredMs'),
    firstChunkMs: figure('firstChunkMs'),
  }
}

async function login(email) {
  const { json } = await call('/users/login', {
    method: 'POST',
    body: { email, password: DEMO_PASSWORD },
  })
  return json.token
}
const demoLogin = (role) => login(`${role}@demo.giathuong.edu.vn`)

/** Times `count` requests after `warmUp` untimed ones. */
async function measure(what, count, request, warmUp = 3) {
  for (let i = 0; i < warmUp; i += 1) await request(i)
  const samples = []
  for (let i = 0; i < count; i += 1) samples.push(await request(warmUp + i))
  const ms = samples.map((sample) => sample.ms)
  const median = (key) =>
    percentile(
      samples.map((sample) => sample[key] ?? NaN),
      50,
    )
  const figures = {
    what,
    count,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: Math.max(...ms),
    statements: median('statements'),
    sqlMs: median('sqlMs'),
    cpuMs: median('cpuMs'),
    firstByte: median('firstByte'),
    bytes: median('bytes'),
    last: samples.at(-1),
  }
  console.log(
    `  ${what}: p50 ${fmt(figures.p50, 1)} ms · p95 ${fmt(figures.p95, 1)} ms · max ${fmt(figures.max, 1)} ms${Number.isFinite(figures.firstByte) ? ` · first byte ${fmt(figures.firstByte, 1)} ms` : ''}${Number.isFinite(figures.bytes) ? ` · ${fmt(figures.bytes / 1024)} KiB` : ''} · ${figures.statements} SQL statements (${fmt(figures.sqlMs, 1)} ms in SQLite) · CPU ${fmt(figures.cpuMs, 1)} ms (medians) [${count} runs]`,
  )
  return figures
}

/** A figure, or null with the reason printed when its endpoint fails. */
async function tryFigure(what, work) {
  try {
    return await work()
  } catch (error) {
    const cause = error.cause ? ` (${error.cause.message ?? error.cause})` : ''
    console.log(`  ${what}: not measured: ${String(error.message).slice(0, 400)}${cause}`)
    if (error.cause) console.log(serverLog.slice(-15).join('\n'))
    notMeasured.push(what)
    return null
  }
}
const notMeasured = []

function pdfPages(file) {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
}

function pdfSignatureValid(file) {
  try {
    const output = execFileSync('pdfsig', [file], { encoding: 'utf8' })
    return /Signature is Valid/.test(output)
  } catch {
    return false
  }
}

// ---- memory of the server process ----------------------------------------------------------
/** A field of /proc/<pid>/status in MiB (VmRSS: resident now; VmHWM: peak since last reset). */
function statusMiB(field) {
  const status = readFileSync(`/proc/${serverPid}/status`, 'utf8')
  return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) / 1024
}

/** Streams a file while sampling the server's resident memory every 100 ms. */
async function withMemory(work) {
  const collected = await fetch(`${baseURL}/__bench/memory`).then((response) => response.json())
  const before = statusMiB('VmRSS')
  let peakReset = true
  try {
    // "5" resets the process's peak resident size (VmHWM) to its current size (proc(5)).
    writeFileSync(`/proc/${serverPid}/clear_refs`, '5')
  } catch {
    peakReset = false
  }
  const samples = [before]
  const timer = setInterval(() => samples.push(statusMiB('VmRSS')), 100)
  try {
    const result = await work()
    samples.push(statusMiB('VmRSS'))
    const sampledPeak = Math.max(...samples)
    const peak = peakReset ? Math.max(sampledPeak, statusMiB('VmHWM')) : sampledPeak
    return {
      ...result,
      before,
      peak,
      growth: peak - before,
      samples: samples.length,
      gc: collected.collected,
      heapBefore: collected.heapUsed / 2 ** 20,
    }
  } finally {
    clearInterval(timer)
  }
}

/** Whether the heap held while streaming grows at least half as fast as the pages do. */
function heldGrowsWithPages(memory) {
  const sampled = (memory ?? []).filter((figure) => figure.retained > 0)
  if (sampled.length < 2) return false
  const [first, last] = [sampled[0], sampled.at(-1)]
  const held = last.retainedGrowth / Math.max(1, first.retainedGrowth)
  return held > last.pages / first.pages / 2
}

// ---- the run -------------------------------------------------------------------------------
try {
  console.log(
    `▸ Scratch folder ${scratch}; CMS on ${baseURL} (${env.NODE_ENV} mode${migrated ? ', migrations' : ', schema pushed: no migration of the documents yet'})`,
  )
  const database = env.DATABASE_URL.slice('file:'.length)
  let school
  if (options.school) {
    console.log(`▸ The school built earlier in ${options.school}`)
    copyFileSync(path.join(options.school, 'school.db'), database)
    school = JSON.parse(readFileSync(path.join(options.school, 'school.json'), 'utf8'))
  } else {
    console.log('▸ Building the school (demo seed, a past year of 30 classes, 10 and 100 pupils)…')
    const buildLines = await runScript('scripts/bench/documents/build-school.ts')
    const summaryLine = buildLines.find((line) => line.startsWith('BENCH_SCHOOL '))
    if (!summaryLine) throw new Error(`The school builder said nothing:\n${buildLines.join('\n')}`)
    school = JSON.parse(summaryLine.slice('BENCH_SCHOOL '.length))
    if (options.keep) {
      const built = path.join(scratch, 'built')
      mkdirSync(built)
      copyFileSync(database, path.join(built, 'school.db'))
      writeFileSync(path.join(built, 'school.json'), JSON.stringify(school, null, 2))
    }
  }
  const { schoolYear, classes, memoryClasses } = school
  console.log(
    `  ${classes.length} classes of ${school.classSize} pupils in ${schoolYear} (+ ${memoryClasses.map((c) => `${c.name} ${c.pupils.length}`).join(', ')} in ${school.memorySchoolYear}): ${school.pupils} pupils, ${school.assessments} assessments, ${school.traitSheets} trait sheets, ${school.sessions} attendance sessions, ${school.checkups} check-ups, ${school.yearEnd} year-end records (built in ${fmt(school.seconds)} s)`,
  )

  const serverEnv = { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS} --expose-gc` }
  if (!options.unsigned) {
    const lines = await runScript('scripts/bench/documents/certificate.ts', [scratch])
    const made = JSON.parse(
      lines
        .find((line) => line.startsWith('BENCH_CERTIFICATE '))
        .slice('BENCH_CERTIFICATE '.length),
    )
    serverEnv.SIGNING_CERTIFICATE_FILE = made.file
    serverEnv.SIGNING_CERTIFICATE_PASSWORD = made.password
  }
  // A restarted server finds the schema its first start pushed (development mode): pushing it
  // again fails on an index drizzle-kit does not see it made (payload_locked_documents_rels).
  const restartEnv = { ...serverEnv, PAYLOAD_MIGRATING: 'true' }
  console.log(
    `▸ Starting the CMS (real REST handlers over HTTP; ${options.unsigned ? 'no certificate' : 'a throwaway PKCS#12 certificate configured'})…`,
  )
  await startServer(serverEnv)
  let principal = await demoLogin('principal')
  let itTeacher = await demoLogin('it_teacher')
  const classOf = (name) => classes.find((c) => c.name === name)
  const large = classOf('5A')
  const [small, hundred] = memoryClasses
  const memoryTrio = [small, classOf('3A'), hundred]

  const loadAtStart = os.loadavg()[0]
  console.log(`▸ Measuring (one request at a time; load average ${fmt(loadAtStart, 1)})…`)
  const me = await measure('GET /api/users/me (baseline)', runs, () =>
    call('/users/me', { token: principal }),
  )
  const pupils = await measure(`find 35 pupils of ${large.name} (baseline)`, runs, () =>
    call(`/students?where[class][equals]=${large.id}&limit=35&depth=0`, { token: principal }),
  )

  const transcriptOf = (pupil) =>
    `/transcripts/${pupil}?${new URLSearchParams({ schoolYear: large.schoolYear })}`
  const classFileOf = (schoolClass) =>
    `/transcripts?${new URLSearchParams({ class: String(schoolClass.id), schoolYear: schoolClass.schoolYear })}`
  const summaryOf = (schoolClass, format) =>
    `/class-summary?${new URLSearchParams({ class: String(schoolClass.id), period: SUMMARY_PERIOD, schoolYear: schoolClass.schoolYear, format })}`
  const saved = (name) => path.join(files, name)

  const onePupil = (stage) =>
    tryFigure(`one transcript (${stage})`, async () => {
      const figure = await measure(`GET one transcript of ${large.name}, ${stage}`, runs, (i) =>
        download(
          transcriptOf(large.pupils[i % large.pupils.length]),
          principal,
          saved(`transcript-${stage}.pdf`),
        ),
      )
      figure.pages = pdfPages(figure.last.file)
      figure.signed = pdfSignatureValid(figure.last.file)
      console.log(`    ${figure.pages} pages, signature ${figure.signed ? 'valid' : 'none'}`)
      return figure
    })
  const wholeClass = (stage) =>
    tryFigure(`class of 35 (${stage})`, async () => {
      const figure = await measure(
        `GET transcripts of ${large.name} (${large.pupils.length} pupils), ${stage}`,
        fileRuns,
        () => download(classFileOf(large), principal, saved(`class-${stage}.pdf`)),
        1,
      )
      figure.pages = pdfPages(figure.last.file)
      figure.signed = pdfSignatureValid(figure.last.file)
      console.log(`    ${figure.pages} pages, signature ${figure.signed ? 'valid' : 'none'}`)
      return figure
    })

  const transcript = await onePupil('approved, not signed')
  const classFile = await wholeClass('approved, not signed: streamed')
  const summaryPdf = await tryFigure('class summary pdf', () =>
    measure(`GET class summary ${large.name} ${SUMMARY_PERIOD} pdf`, fileRuns * 2, () =>
      download(summaryOf(large, 'pdf'), principal, saved('summary.pdf')),
    ),
  )
  const summaryXlsx = await tryFigure('class summary xlsx', () =>
    measure(`GET class summary ${large.name} ${SUMMARY_PERIOD} xlsx`, fileRuns * 2, () =>
      download(summaryOf(large, 'xlsx'), principal, saved('summary.xlsx'), {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    ),
  )

  /**
   * Memory: each class file on a fresh server (started, warmed up with the 10-pupil file, its
   * garbage collected), so no figure carries what an earlier request left in the heap.
   */
  const memoryOf = async (schoolClass, label) => {
    await stopServer()
    await startServer(restartEnv)
    const token = await demoLogin('principal')
    await download(classFileOf(small), token, saved('warm-up.pdf'))
    const file = saved(`memory-${label}.pdf`)
    // Other users meanwhile: `GET /api/users/me` again and again (50 ms apart) while the file
    // is made; the longest wait is how long the server kept everyone else waiting.
    let meanwhile = 0
    let probes = 0
    let finished = false
    // What the server still holds while the file is being made: its heap after a collection,
    // asked every fourth probe (the RSS peak also counts garbage not yet collected).
    let retained = 0
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
    const figure = await withMemory(() => {
      const streamed = download(classFileOf(schoolClass), token, file).finally(() => {
        finished = true
      })
      const probe = (async () => {
        await pause(50)
        while (!finished) {
          meanwhile = Math.max(meanwhile, (await call('/users/me', { token })).ms)
          probes += 1
          if (probes % 4 === 0 && !finished) {
            const held = await fetch(`${baseURL}/__bench/memory`).then((answer) => answer.json())
            retained = Math.max(retained, held.heapUsed / 2 ** 20)
          }
          await pause(50)
        }
      })()
      return Promise.all([streamed, probe]).then(([result]) => result)
    })
    figure.pupils = schoolClass.pupils.length
    figure.pages = pdfPages(file)
    figure.meanwhile = meanwhile
    figure.probes = probes
    figure.retained = retained
    figure.retainedGrowth = Math.max(0, retained - figure.heapBefore)
    console.log(
      `  memory, ${label} class file of ${figure.pupils} pupils (${figure.pages} pages, ${fmt(figure.bytes / 2 ** 20, 1)} MiB, ${fmt(figure.ms)} ms, first byte ${fmt(figure.firstByte)} ms; handler answered ${fmt(figure.answeredMs)} ms, first chunk ${fmt(figure.firstChunkMs)} ms): RSS ${fmt(figure.before)} MiB before → peak ${fmt(figure.peak)} MiB (+${fmt(figure.growth, 1)} MiB; ${figure.samples} samples; heap ${fmt(figure.heapBefore)} MiB${figure.gc ? ' after GC' : ''}); longest users/me meanwhile ${fmt(meanwhile)} ms (${probes} sent); heap held while streaming (after GC) at most ${fmt(retained)} MiB (+${fmt(figure.retainedGrowth, 1)} MiB)`,
    )
    return figure
  }
  const memory = await tryFigure('memory', async () => {
    const figures = []
    for (const schoolClass of memoryTrio) figures.push(await memoryOf(schoolClass, 'unsigned'))
    return figures
  })
  // The server the rest of the run talks to (the last one has the 100-pupil file behind it).
  await stopServer()
  await startServer(restartEnv)
  principal = await demoLogin('principal')
  itTeacher = await demoLogin('it_teacher')

  // Signing: every class of the year, the homeroom teacher's step, then the principal's.
  const signing = await tryFigure('signing', async () => {
    const homeroomMs = []
    const principalMs = []
    const started = performance.now()
    let shown = false
    for (const schoolClass of classes) {
      const body = { class: schoolClass.id, schoolYear: schoolClass.schoolYear }
      const teacher = await login(schoolClass.homeroom.email)
      const confirmed = await call('/transcript-signatures/sign', {
        token: teacher,
        method: 'POST',
        body: { ...body, step: 'homeroom' },
        accept: [200, 201],
      })
      homeroomMs.push(confirmed.ms)
      const signed = await call('/transcript-signatures/sign', {
        token: principal,
        method: 'POST',
        body: { ...body, step: 'principal' },
        accept: [200, 201],
      })
      principalMs.push(signed.ms)
      if (!shown) {
        shown = true
        console.log(`  the sign endpoint answers ${JSON.stringify(signed.json).slice(0, 300)}`)
      }
    }
    const figure = {
      totalMs: performance.now() - started,
      homeroomP50: percentile(homeroomMs, 50),
      homeroomMax: Math.max(...homeroomMs),
      principalP50: percentile(principalMs, 50),
      principalMax: Math.max(...principalMs),
    }
    console.log(
      `  signed ${classes.length} classes in ${fmt(figure.totalMs / 1000, 1)} s (logins included): homeroom step p50 ${fmt(figure.homeroomP50)} ms (max ${fmt(figure.homeroomMax)}), principal step p50 ${fmt(figure.principalP50)} ms (max ${fmt(figure.principalMax)})`,
    )
    return figure
  })

  const signedTranscript = signing ? await onePupil('signed') : null
  const signedClass = signing ? await wholeClass('signed: one signature over the file') : null
  // The archive: the IT teacher sends the year; the work goes on in the background.
  const archive = await tryFigure('archive', async () => {
    const started = performance.now()
    const sent = await call('/archive/send', {
      token: itTeacher,
      method: 'POST',
      body: { schoolYear },
      accept: [202],
    })
    console.log(
      `  POST /api/archive/send answered in ${fmt(sent.ms)} ms: ${JSON.stringify(sent.json).slice(0, 300)}`,
    )
    const id = sent.json?.id ?? sent.json?.doc?.id ?? sent.json?.entry?.id
    if (id === undefined) throw new Error('The answer holds no archive entry id')
    let status
    let done = -1
    const doneAt = []
    let lastShown = 0
    let entry
    // The polls are other users' requests too: how long they wait while the archive works.
    const pollMs = []
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      const polled = await call(`/archive-entries/${id}?depth=0`, { token: principal })
      pollMs.push(polled.ms)
      entry = polled.json
      status = entry?.status
      const progress = progressOf(entry)
      if (progress && progress.done !== done) {
        done = progress.done
        doneAt.push({ done, at: performance.now() - started })
        if (performance.now() - lastShown > 5000 || done === progress.total) {
          lastShown = performance.now()
          console.log(
            `    ${status}: ${done}/${progress.total} [${fmt((performance.now() - started) / 1000, 1)} s]`,
          )
        }
      }
      if (status && status !== 'preparing') break
      if (performance.now() - started > 60 * 60_000)
        throw new Error('The archive took over an hour')
    }
    const totalMs = performance.now() - started
    // Per class: the time between two steps of the progress.
    const steps = doneAt
      .slice(1)
      .map((step, i) => (step.at - doneAt[i].at) / Math.max(1, step.done - doneAt[i].done))
    const figure = {
      status,
      totalMs,
      classes: done,
      perClassMean: totalMs / Math.max(1, done),
      perClassP50: steps.length ? percentile(steps, 50) : NaN,
      perClassMax: steps.length ? Math.max(...steps) : NaN,
      files: Array.isArray(entry?.files) ? entry.files.length : undefined,
      pollP50: percentile(pollMs, 50),
      pollMax: Math.max(...pollMs),
    }
    console.log(
      `  archive of ${schoolYear}: ${status} after ${fmt(totalMs / 1000, 1)} s (${fmt(totalMs / 60_000, 2)} min), ${done} classes, per class mean ${fmt(figure.perClassMean / 1000, 2)} s, p50 ${fmt(figure.perClassP50 / 1000, 2)} s, max ${fmt(figure.perClassMax / 1000, 2)} s${figure.files === undefined ? '' : `; ${figure.files} files`}; its polls (GET the entry) p50 ${fmt(figure.pollP50)} ms, max ${fmt(figure.pollMax)} ms`,
    )
    if (status !== 'sent')
      throw new Error(`The archive ended ${status}: ${JSON.stringify(entry).slice(0, 400)}`)
    return figure
  })

  // A signed class file is made whole, then signed: its memory, on a fresh server.
  const signedMemory = signing
    ? await tryFigure('memory, signed class file', () => memoryOf(classOf('3A'), 'signed'))
    : null

  // ---- report ------------------------------------------------------------------------------
  const date = new Date().toISOString().slice(0, 10)
  const load = os.loadavg()
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`
  const mark = (value, target) => (value <= target ? '✓' : '✗')
  const ratio = (value, base) => `${fmt(value / base, 1)}×`
  const row = (label, figure, target = '', limit, key = 'p95') =>
    figure
      ? `| ${label} | ${fmt(figure.p50, 1)} | ${fmt(figure.p95, 1)} | ${target}${limit ? ` ${mark(figure[key], limit)}` : ''} | ${ratio(figure.p50, me.p50)} | ${ratio(figure.p50, pupils.p50)} | ${fmt(figure.cpuMs, 1)} | ${figure.statements} (${fmt(figure.sqlMs, 1)}) | ${figure.pages ?? ''} |`
      : `| ${label} | not measured | | ${target} | | | | | |`
  const lines = [
    `Documents benchmark, ${date}, ${machine}, load average ${fmt(loadAtStart, 1)} at the start, ${load.map((l) => l.toFixed(1)).join(' ')} at the end`,
    `School: ${classes.length} classes × ${school.classSize} pupils in ${schoolYear}, approved (+ ${memoryClasses.map((c) => c.pupils.length).join(' and ')} pupils in ${school.memorySchoolYear}); ${school.pupils} pupils, ${school.assessments} assessments; SQLite, ${env.NODE_ENV} mode; ${options.unsigned ? 'no certificate' : 'certificate configured'}`,
    '',
    '| figure | p50 ms | p95 ms | target | × users/me | × find 35 pupils | CPU ms (median) | SQL statements (ms in SQLite) | pages |',
    '|---|---|---|---|---|---|---|---|---|',
    row('baseline GET /api/users/me', me),
    row('baseline find 35 pupils (audited read)', pupils),
    row(
      'one transcript (approved)',
      transcript,
      `p95 ≤ ${TARGETS.transcriptP95}`,
      TARGETS.transcriptP95,
    ),
    row(
      'one transcript (signed)',
      signedTranscript,
      `p95 ≤ ${TARGETS.transcriptP95}`,
      TARGETS.transcriptP95,
    ),
    row(
      'class of 35, streamed (approved)',
      classFile,
      `median ≤ ${TARGETS.classMedian}`,
      TARGETS.classMedian,
      'p50',
    ),
    row(
      'class of 35, signed',
      signedClass,
      `median ≤ ${TARGETS.classMedian}`,
      TARGETS.classMedian,
      'p50',
    ),
    row(`class summary ${SUMMARY_PERIOD}, pdf`, summaryPdf),
    row(`class summary ${SUMMARY_PERIOD}, xlsx`, summaryXlsx),
    '',
    memory
      ? `Heap held while streaming (after GC, sampled during the file): ${memory.map((m) => `${m.pupils} pupils ${m.pages} pages ${fmt(m.retained)} MiB (+${fmt(m.retainedGrowth, 1)} MiB over the warmed server)`).join('; ')}.`
      : '',
    memory
      ? `Memory (server RSS on a fresh, warmed server: peak − before, after GC): ${memory.map((m) => `${m.pupils} pupils ${m.pages} pages +${fmt(m.growth, 1)} MiB (peak ${fmt(m.peak)} MiB; first byte at ${fmt(m.firstByte)} of ${fmt(m.ms)} ms; longest users/me meanwhile ${fmt(m.meanwhile)} ms)`).join('; ')}. From ${memory[0].pupils} to ${memory[2].pupils} pupils: pages ×${fmt(memory[2].pages / memory[0].pages, 1)}, peak RSS ×${fmt(memory[2].peak / memory[0].peak, 2)}, growth above the warmed server ×${fmt(memory[2].growth / Math.max(1, memory[0].growth), 1)} (≈ ${fmt(((memory[2].growth - memory[0].growth) * 1024) / (memory[2].pages - memory[0].pages))} KiB a page).${signedMemory ? ` Signed class of 35 (made whole, then signed): +${fmt(signedMemory.growth, 1)} MiB, first byte at ${fmt(signedMemory.firstByte)} of ${fmt(signedMemory.ms)} ms.` : ''}`
      : 'Memory: not measured.',
    signing
      ? `Signing ${classes.length} classes: ${fmt(signing.totalMs / 1000, 1)} s; homeroom step p50 ${fmt(signing.homeroomP50)} ms, principal step p50 ${fmt(signing.principalP50)} ms (max ${fmt(signing.principalMax)}).`
      : 'Signing: not measured.',
    archive
      ? `Archive of ${archive.classes} classes: ${fmt(archive.totalMs / 60_000, 2)} min (target: minutes, ≤ ${TARGETS.archiveMinutes} ${mark(archive.totalMs / 60_000, TARGETS.archiveMinutes)}); per class mean ${fmt(archive.perClassMean / 1000, 2)} s, p50 ${fmt(archive.perClassP50 / 1000, 2)} s, max ${fmt(archive.perClassMax / 1000, 2)} s; a request meanwhile (its progress) waited up to ${fmt(archive.pollMax)} ms (p50 ${fmt(archive.pollP50)}).`
      : 'Archive: not measured.',
  ]
  console.log(`\n${lines.join('\n')}`)
  const missed = [
    transcript && transcript.p95 > TARGETS.transcriptP95 && 'one transcript',
    signedTranscript && signedTranscript.p95 > TARGETS.transcriptP95 && 'one signed transcript',
    classFile && classFile.p50 > TARGETS.classMedian && 'class of 35',
    signedClass && signedClass.p50 > TARGETS.classMedian && 'signed class of 35',
    archive && archive.totalMs / 60_000 > TARGETS.archiveMinutes && 'archive',
    // "Flat": what the server holds while it streams grows far less than the class's pages,
    // compared between the smallest and the largest file sampled while streaming (a small file
    // may be done before its first sample).
    heldGrowsWithPages(memory) && 'the heap held while streaming grows with the class',
  ].filter(Boolean)
  if (missed.length > 0) console.log(`\nTarget missed: ${missed.join(', ')}.`)
  if (notMeasured.length > 0) console.log(`Not measured: ${notMeasured.join(', ')}.`)

  const figureText = (figure, key = 'p95') => (figure ? `${fmt(figure[key])} ms` : 'not measured')
  appendHistory(
    `- ${date} documents (${machine}, load ${fmt(loadAtStart, 1)}–${fmt(load[0], 1)}, ${classes.length}×${school.classSize} pupils, ${school.assessments} assessments, ${env.NODE_ENV}, ${options.unsigned ? 'unsigned' : 'certificate'}): one transcript p95 ${figureText(transcript)} / signed ${figureText(signedTranscript)} (≤ ${TARGETS.transcriptP95}); class of 35 median ${figureText(classFile, 'p50')} / signed ${figureText(signedClass, 'p50')} (≤ ${TARGETS.classMedian}); summary pdf p95 ${figureText(summaryPdf)}, xlsx p95 ${figureText(summaryXlsx)}; sign ${classes.length} classes ${signing ? `${fmt(signing.totalMs / 1000, 1)} s` : 'not measured'}; archive ${archive ? `${fmt(archive.totalMs / 60_000, 2)} min (${fmt(archive.perClassMean / 1000, 1)} s a class)` : 'not measured'}; memory RSS peak growth ${memory ? memory.map((m) => `${m.pupils} pupils/${m.pages} p. +${fmt(m.growth, 1)} MiB`).join(', ') : 'not measured'}, heap held while streaming ${memory ? memory.map((m) => `+${fmt(m.retainedGrowth, 1)} MiB`).join(', ') : 'not measured'}; users/me p50 ${fmt(me.p50, 1)} ms, find 35 pupils p50 ${fmt(pupils.p50, 1)} ms; transcript ${transcript ? `${fmt(transcript.p50 / me.p50, 1)}× users/me, ${fmt(transcript.p50 / pupils.p50, 1)}× find 35` : '–'}`,
  )
  cleanUp()
  process.exit(0)
} catch (error) {
  console.error(`\nBenchmark failed: ${error.stack ?? error}`)
  console.error(`Last lines of the CMS:\n${serverLog.slice(-30).join('\n')}`)
  cleanUp()
  process.exit(1)
}

/** An archive entry's progress, wherever the entry keeps it: `{ done, total }` or null. */
function progressOf(entry) {
  if (!entry || typeof entry !== 'object') return null
  if (typeof entry.done === 'number' && typeof entry.total === 'number')
    return { done: entry.done, total: entry.total }
  for (const value of Object.values(entry)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const found = progressOf(value)
      if (found) return found
    }
  }
  return null
}
