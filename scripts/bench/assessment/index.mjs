/**
 * `npm run bench:assessment [-- --runs 60] [--keep]`: how fast the assessment's grid and progress
 * answer on a school of 30 classes (≈ 900 pupils) with five past school years in the database
 * (issue 11, point 10). Not part of `npm test`: it measures, it does not check.
 *
 *  1. build-school.ts builds the school on a scratch SQLite file (see there: the demo school
 *     grown to 30 classes, ≈ 180,000 past assessments written as rows);
 *  2. serve.ts serves the CMS's real REST route handlers over HTTP on that file, and counts the
 *     SQL statements of each request at the SQLite client;
 *  3. this process logs in as the demo users (REST `POST /api/users/login`) and measures, in
 *     sequence, after warm-up requests:
 *     - baselines, as the subject teacher: `GET /api/users/me`; a plain `find` of a class's 35
 *       pupils (`GET /api/students?where[class][equals]=…&limit=35&depth=0`, an audited read);
 *       a plain `find` of the 35 entries of a grid (`GET /api/assessments?where…&limit=35`);
 *     - loading a class grid, `GET /api/assessment-grid?…`, as the subject teacher who teaches
 *       Ngoại ngữ in grade 3 (the demo `subject_teacher`): class 3C (35 pupils), `end1`;
 *     - saving that 35-pupil grid, `POST /api/assessment-grid`, every cell changed each time
 *       (the heaviest save), and with 5 comments changed (the usual one: unchanged rows are not
 *       written);
 *     - the whole school's progress, `GET /api/assessment-progress` of `mid1` (entered), as the
 *       principal;
 *     - the SQL statements of a grid load for 3D (10 pupils) and 3C (35 pupils).
 *  4. prints the figures against the targets and as ratios of the baselines measured in the same
 *     run, and appends a line to docs/benchmarks.md.
 *
 * Options: --runs 60 (requests timed per figure; saves and progress: half as many), --keep (keep
 * the scratch folder, and a copy of the school as built in its `built/`), --school <folder>
 * (measure on such a copy instead of building the school again), --trace (print the SQL of one
 * grid load and one save), --pragmas "journal_mode=WAL;synchronous=NORMAL" (an experiment: SQLite
 * settings the CMS runs with in this benchmark only), BENCH_PORT (3320).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { URLSearchParams } from 'node:url'
import { parseArgs } from 'node:util'

import {
  migrationCreates,
  runScript as runTsxScript,
  startBenchServer,
} from '../lib/cms-runners.mjs'
import { appendHistory, fmt, percentile } from '../lib/figures.mjs'
import { scratchFolder } from '../lib/scratch.mjs'

const TARGETS = { gridLoadP95: 150, saveP95: 300, progress: 1000 }
const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'GiaThuong@2024'
const SUBJECT = 'ngoai-ngu'
const PERIOD = 'end1'

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: process.env.BENCH_RUNS || '60' },
    keep: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
    school: { type: 'string' },
    pragmas: { type: 'string', default: '' },
  },
})
const runs = Number(options.runs)
if (!Number.isInteger(runs) || runs < 10) throw new Error('--runs takes a whole number ≥ 10')
const port = Number(process.env.BENCH_PORT || 3320)
const baseURL = `http://127.0.0.1:${port}`

// ---- scratch folder and environment --------------------------------------------------------
let server = null
const { folder: scratch, cleanUp } = scratchFolder('school-bench-assessment-', {
  keep: options.keep,
  beforeRemoval: () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGTERM')
    server = null
  },
})
/** Production mode once a committed migration creates the assessment's tables. */
const migrated = migrationCreates('assessments')
const env = {
  ...process.env,
  NODE_ENV: migrated ? 'production' : 'development',
  NODE_OPTIONS: '--conditions=development',
  DATABASE_URL: `file:${path.join(scratch, 'school.db')}`,
  PAYLOAD_SECRET: 'assessment-benchmark-secret',
  MEDIA_DIR: path.join(scratch, 'media'),
  SEED_DEMO: 'true',
  SEED_DEMO_RECORDS: 'true',
  SMTP_HOST: '',
  SERVER_URL: baseURL,
  BENCH_PORT: String(port),
  BENCH_SQLITE_PRAGMAS: options.pragmas,
}
for (const key of ['SITE_SOURCE_DIR', 'SITE_BUILDS_DIR', 'SITE_LIVE_DIR']) delete env[key]
mkdirSync(env.MEDIA_DIR, { recursive: true })

const serverLog = []

const runScript = (script) => runTsxScript(script, { env })

async function startServer() {
  ;({ child: server } = await startBenchServer(env, serverLog, (child) => (server = child)))
}

// ---- requests ------------------------------------------------------------------------------
async function call(pathname, { token, method = 'GET', body, trace = false } = {}) {
  const started = performance.now()
  const response = await fetch(`${baseURL}/api${pathname}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Cookie: 'payload-lng=vi',
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(trace ? { 'X-Bench-Trace': '1' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  const ms = performance.now() - started
  if (!response.ok)
    throw new Error(`${method} ${pathname}: HTTP ${response.status} ${text.slice(0, 800)}`)
  return {
    ms,
    json: text ? JSON.parse(text) : null,
    statements: Number(response.headers.get('x-bench-sql-statements')),
    sqlMs: Number(response.headers.get('x-bench-sql-ms')),
    cpuMs: Number(response.headers.get('x-bench-cpu-ms')),
  }
}

async function login(role) {
  const { json } = await call('/users/login', {
    method: 'POST',
    body: { email: `${role}@demo.giathuong.edu.vn`, password: DEMO_PASSWORD },
  })
  return json.token
}

/** Times `count` requests after `warmUp` untimed ones; the figures and the last answer. */
async function measure(what, count, request, warmUp = 5) {
  for (let i = 0; i < warmUp; i += 1) await request(i)
  const samples = []
  let last = null
  for (let i = 0; i < count; i += 1) {
    last = await request(warmUp + i)
    samples.push(last)
  }
  const ms = samples.map((sample) => sample.ms)
  const figures = {
    what,
    count,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: Math.max(...ms),
    statements: percentile(
      samples.map((sample) => sample.statements),
      50,
    ),
    sqlMs: percentile(
      samples.map((sample) => sample.sqlMs),
      50,
    ),
    cpuMs: percentile(
      samples.map((sample) => sample.cpuMs),
      50,
    ),
  }
  console.log(
    `  ${what}: p50 ${figures.p50.toFixed(1)} ms · p95 ${figures.p95.toFixed(1)} ms · max ${figures.max.toFixed(1)} ms · ${figures.statements} SQL statements (${figures.sqlMs.toFixed(1)} ms in SQLite, median) · CPU ${figures.cpuMs.toFixed(1)} ms (median) [${count} runs]`,
  )
  return { ...figures, last: last.json }
}

// ---- the run -------------------------------------------------------------------------------
try {
  console.log(
    `▸ Scratch folder ${scratch}; CMS on ${baseURL} (${env.NODE_ENV} mode${migrated ? ', migrations' : ', schema pushed: no migration of the assessment yet'})`,
  )
  const database = env.DATABASE_URL.slice('file:'.length)
  let school
  if (options.school) {
    console.log(`▸ The school built earlier in ${options.school}`)
    copyFileSync(path.join(options.school, 'school.db'), database)
    school = JSON.parse(readFileSync(path.join(options.school, 'school.json'), 'utf8'))
  } else {
    console.log('▸ Building the school (demo seed, 20 more classes, five past years)…')
    const buildLines = await runScript('scripts/bench/assessment/build-school.ts')
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
  console.log(
    `  ${school.classes} classes, ${school.pupils} pupils, ${school.subjects} subjects, ${school.assessments} assessments over ${school.pastYears + 1} school years (built in ${fmt(school.seconds)} s)`,
  )

  console.log('▸ Starting the CMS (real REST handlers over HTTP)…')
  await startServer()
  const teacher = await login('subject_teacher')
  const principal = await login('principal')
  const { schoolYear, large, small } = school

  console.log('▸ Measuring (one request at a time)…')
  const me = await measure('GET /api/users/me (baseline)', runs, () =>
    call('/users/me', { token: teacher }),
  )
  const pupils = await measure(`find 35 pupils of ${large.name} (baseline)`, runs, () =>
    call(`/students?where[class][equals]=${large.id}&limit=35&depth=0`, { token: teacher }),
  )

  const entries = await measure(
    `find the 35 ${SUBJECT} mid1 entries of ${large.name} (baseline)`,
    runs,
    () =>
      call(
        `/assessments?${new URLSearchParams({
          'where[class][equals]': String(large.id),
          'where[subject][equals]': SUBJECT,
          'where[period][equals]': 'mid1',
          'where[schoolYear][equals]': schoolYear,
          limit: '35',
          depth: '0',
        })}`,
        { token: teacher },
      ),
  )
  if (entries.last?.docs?.length !== large.pupils.length)
    throw new Error(`Found ${entries.last?.docs?.length} mid1 entries of ${large.name}`)

  const gridQuery = (schoolClass, period = PERIOD) =>
    `/assessment-grid?${new URLSearchParams({
      class: String(schoolClass.id),
      subject: SUBJECT,
      period,
      schoolYear,
    })}`
  let round = 0
  const saveBody = (schoolClass) => {
    round += 1
    const levels = ['T', 'H', 'C']
    return {
      class: schoolClass.id,
      subject: SUBJECT,
      period: PERIOD,
      schoolYear,
      // Every cell changes from one save to the next: the heaviest save a teacher can make.
      rows: schoolClass.pupils.map((student, index) => {
        const level = levels[(index + round) % 3]
        return {
          student,
          level,
          score: level === 'T' ? 9 + (round % 2) : level === 'H' ? 6 + (round % 3) : 4,
          comment: `Nhận xét lần ${round}: ${level === 'C' ? 'cần cố gắng thêm' : 'hoàn thành'}.`,
        }
      }),
    }
  }
  // The first save creates the class's 35 entries; the timed ones change them all.
  const firstSave = await call('/assessment-grid', {
    token: teacher,
    method: 'POST',
    body: saveBody(large),
  })
  console.log(
    `  first save of ${large.name} (creates ${large.pupils.length} entries): ${fmt(firstSave.ms, 1)} ms · ${firstSave.statements} SQL statements`,
  )
  const gridLoad = await measure(
    `GET grid ${large.name} ${SUBJECT} ${PERIOD} (${large.pupils.length} pupils)`,
    runs,
    () => call(gridQuery(large), { token: teacher }),
  )
  const rows = gridLoad.last?.rows?.length
  if (rows !== large.pupils.length)
    throw new Error(`The grid of ${large.name} has ${rows} rows, not ${large.pupils.length}`)
  const save = await measure(
    `POST grid ${large.name} (${large.pupils.length} pupils, every cell changed)`,
    Math.max(10, Math.floor(runs / 2)),
    () => call('/assessment-grid', { token: teacher, method: 'POST', body: saveBody(large) }),
    3,
  )

  // The usual save: the grid as loaded, with a few cells corrected (unchanged rows are not written).
  let stored = save.last.grid.rows.map((row) => ({
    student: row.student,
    level: row.level,
    score: row.score,
    comment: row.comment,
  }))
  const fewChanged = await measure(
    `POST grid ${large.name} (${large.pupils.length} pupils, 5 comments changed)`,
    Math.max(10, Math.floor(runs / 2)),
    (index) => {
      stored = stored.map((row, seat) =>
        (seat + index) % 7 === 0 ? { ...row, comment: `Nhận xét sửa lần ${index}.` } : row,
      )
      return call('/assessment-grid', {
        token: teacher,
        method: 'POST',
        body: { class: large.id, subject: SUBJECT, period: PERIOD, schoolYear, rows: stored },
      })
    },
    3,
  )

  let progress = null
  try {
    progress = await measure(
      'GET /api/assessment-progress mid1 (whole school, entered; principal)',
      Math.max(10, Math.floor(runs / 2)),
      () =>
        // mid1: the checkpoint with every subject entry made, the most to count.
        call(`/assessment-progress?${new URLSearchParams({ schoolYear, period: 'mid1' })}`, {
          token: principal,
        }),
      3,
    )
    // What was measured: the answer's parts and their sizes.
    const shape = Object.entries(progress.last ?? {})
      .map(([key, value]) => (Array.isArray(value) ? `${key}: ${value.length}` : key))
      .join(', ')
    console.log(`  progress answered { ${shape} }`)
  } catch (error) {
    console.log(`  progress not measured: ${String(error.message).slice(0, 300)}`)
  }

  // The grid's SQL statements by class size, on a checkpoint both classes have entered.
  const statementsOf = async (schoolClass, period) => {
    await call(gridQuery(schoolClass, period), { token: teacher })
    return (await call(gridQuery(schoolClass, period), { token: teacher })).statements
  }
  const counts = {
    smallMid1: await statementsOf(small, 'mid1'),
    largeMid1: await statementsOf(large, 'mid1'),
    smallEnd1: await statementsOf(small, PERIOD),
    largeEnd1: await statementsOf(large, PERIOD),
  }
  console.log(
    `  SQL statements per grid load: mid1 (both entered, locked) ${small.name} ${small.pupils.length} pupils ${counts.smallMid1}, ${large.name} ${large.pupils.length} pupils ${counts.largeMid1}; ${PERIOD} (open; ${small.name} empty) ${counts.smallEnd1}, ${counts.largeEnd1}`,
  )
  const smallSave = await call('/assessment-grid', {
    token: teacher,
    method: 'POST',
    body: saveBody(small),
  })
  const smallResave = await call('/assessment-grid', {
    token: teacher,
    method: 'POST',
    body: saveBody(small),
  })
  console.log(
    `  SQL statements per save (every cell changed): ${small.name} ${smallResave.statements} (first ${smallSave.statements}), ${large.name} ${save.statements}`,
  )

  if (options.trace) {
    await call(gridQuery(large), { token: teacher, trace: true })
    await call('/assessment-grid', {
      token: teacher,
      method: 'POST',
      body: saveBody(large),
      trace: true,
    })
    await new Promise((resolve) => setTimeout(resolve, 500))
    const traced = serverLog.filter((line) => line.startsWith('BENCH_SQL'))
    console.log(`\nSQL of one grid load and one save (${traced.length} statements):`)
    for (const line of traced) console.log(line.slice(0, 400))
  }

  // ---- report ------------------------------------------------------------------------------
  const date = new Date().toISOString().slice(0, 10)
  const load = os.loadavg()
  const machine = `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`
  const mark = (value, target) => (value <= target ? '✓' : '✗')
  const ratio = (value, base) => `${fmt(value / base, 1)}×`
  const lines = [
    `Assessment benchmark, ${date}, ${machine}, load average ${load.map((l) => l.toFixed(1)).join(' ')}`,
    `School: ${school.classes} classes, ${school.pupils} pupils, ${school.subjects} subjects, ${school.assessments} assessments (${school.pastYears} past years + this year's mid1), SQLite${options.pragmas ? ` with PRAGMA ${options.pragmas} (experiment)` : ''}, ${env.NODE_ENV} mode`,
    '',
    '| figure | p50 ms | p95 ms | target | × users/me | × find 35 entries | CPU ms (median) | SQL statements (ms in SQLite) |',
    '|---|---|---|---|---|---|---|---|',
    ...[
      ['baseline GET /api/users/me', me],
      ['baseline find 35 pupils (audited read)', pupils],
      ['baseline find 35 entries', entries],
      ['grid load, 35 pupils', gridLoad, `p95 ≤ ${TARGETS.gridLoadP95}`, TARGETS.gridLoadP95],
      [
        'grid save, 35 pupils, every cell changed',
        save,
        `p95 ≤ ${TARGETS.saveP95}`,
        TARGETS.saveP95,
      ],
      [
        'grid save, 35 pupils, 5 comments changed',
        fewChanged,
        `p95 ≤ ${TARGETS.saveP95}`,
        TARGETS.saveP95,
      ],
      ["whole school's progress (mid1)", progress, `≤ ${TARGETS.progress}`, TARGETS.progress],
    ].map(([label, figure, target = '', limit]) =>
      figure
        ? `| ${label} | ${fmt(figure.p50, 1)} | ${fmt(figure.p95, 1)} | ${target}${limit ? ` ${mark(figure.p95, limit)}` : ''} | ${ratio(figure.p50, me.p50)} | ${ratio(figure.p50, entries.p50)} | ${fmt(figure.cpuMs, 1)} | ${figure.statements} (${fmt(figure.sqlMs, 1)}) |`
        : `| ${label} | not measured (no endpoint) | | ${target} | | | | |`,
    ),
    '',
    `SQL statements per grid load: ${small.pupils.length} pupils ${counts.smallMid1}, ${large.pupils.length} pupils ${counts.largeMid1} (mid1, both entered); ${counts.smallEnd1} / ${counts.largeEnd1} (${PERIOD}). Per save: ${smallResave.statements} / ${save.statements}.`,
  ]
  console.log(`\n${lines.join('\n')}`)
  const missed = [
    gridLoad.p95 > TARGETS.gridLoadP95 && 'grid load',
    save.p95 > TARGETS.saveP95 && 'save',
    progress && progress.p95 > TARGETS.progress && 'progress',
    counts.smallMid1 !== counts.largeMid1 && 'grid query count depends on class size',
  ].filter(Boolean)
  if (missed.length > 0) console.log(`\nTarget missed: ${missed.join(', ')}.`)

  appendHistory(
    `- ${date} assessment (${machine}, load ${fmt(load[0], 1)}, ${school.pupils} pupils, ${school.assessments} assessments, ${env.NODE_ENV}${options.pragmas ? `, PRAGMA ${options.pragmas}` : ''}): grid load p50 ${fmt(gridLoad.p50, 1)} / p95 ${fmt(gridLoad.p95, 1)} ms (≤ ${TARGETS.gridLoadP95}), save p95 ${fmt(save.p95, 1)} ms (5 cells: ${fmt(fewChanged.p95, 1)}; ≤ ${TARGETS.saveP95}), progress ${progress ? `p95 ${fmt(progress.p95, 1)} ms` : 'not measured'} (≤ ${TARGETS.progress}); users/me p50 ${fmt(me.p50, 1)} ms, find 35 pupils p50 ${fmt(pupils.p50, 1)} ms; grid ${fmt(gridLoad.p50 / me.p50, 1)}× users/me, ${fmt(gridLoad.p50 / entries.p50, 1)}× find 35 entries; SQL per grid ${counts.smallMid1} (10 pupils) / ${counts.largeMid1} (35)`,
  )
  cleanUp()
  process.exit(0)
} catch (error) {
  console.error(`\nBenchmark failed: ${error.stack ?? error}`)
  console.error(`Last lines of the CMS:\n${serverLog.slice(-30).join('\n')}`)
  cleanUp()
  process.exit(1)
}
