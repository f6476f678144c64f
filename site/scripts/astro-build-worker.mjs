/**
 * A warm `astro build` (issue 15, point 7: publish → live in seconds). The CMS's runner
 * (cms/src/site-build/runner.ts) keeps one of these per build root and sends it one message at
 * a time over IPC, with that build's settings for process.env: a build, or `prepare` (bundle the
 * site now, for a publication to come: the runner sends it when a post is approved). A build in
 * a process that has built before skips Node's start and the loading of Astro, and runs on
 * JIT-compiled code.
 *
 * An incremental build whose site code and settings are those of the bundle the worker kept
 * renders its pages from that bundle, without bundling again (reusable-build.mjs): at 5,000
 * posts about 5 s instead of about 8 (docs/benchmarks.md). Any other build bundles the pages
 * into a working folder of its own (Astro writes them under the current directory's .astro/):
 * Node keeps every module it imported, so a bundle under a path used before would run the older
 * build's code.
 *
 * It stays warm only where that pays, for IDLE_MS: after a build asked to (`stayWarm`: the
 * runner's incremental builds, which editors' publications make, often several in a row) and
 * after a `prepare`, when it keeps a bundle. After a full build (the start, the school profile,
 * new site code) it ends, so the idle CMS holds no builder. The modules it imported stay in
 * memory, so it also ends after MAX_BUILDS builds, and after a failed one (its state is not to
 * be trusted); the runner starts another when it needs one. It ends with the CMS too: the
 * runner loads it with the import that exits when the CMS's end of stdin closes.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'

import { buildSite, prepareBundle } from './reusable-build.mjs'

const MAX_BUILDS = Number(process.env.SITE_BUILDER_MAX_BUILDS || 25)
const IDLE_MS = Number(process.env.SITE_BUILDER_IDLE_MS || 15 * 60 * 1000)
const MAX_LOG = 20_000

/** The settings a build sets for itself alone: a bundle does not depend on them. */
const PER_BUILD = new Set([
  'SITE_OUT_DIR',
  'SITE_MANIFEST',
  'SITE_PREVIOUS_BUILD',
  'SITE_PREVIOUS_MANIFEST',
  'SITE_FULL_REASON',
])
/** The incremental integration's state (site/integrations/incremental-paths.ts, STATE). */
const INCREMENTAL_STATE = Symbol.for('giathuong.site.incremental')

/** The build log's word for a build rendered from the kept bundle (the web admin reads it). */
const REUSED = 'Dùng lại gói mã của lần xây dựng trước (mã nguồn không đổi): chỉ dựng các trang.'

let builds = 0
let idle = setTimeout(() => process.exit(0), IDLE_MS)
/** The bundle of the last build that made one, while it can serve the next (reusable-build.mjs). */
let kept = null

/**
 * What a build's bundle depends on: the site's code (the integration's sourceHash) and the
 * runner's settings. Only incremental builds reuse a bundle: a full build bundles, always.
 */
const bundleKeyOf = (env) => () => {
  const state = globalThis[INCREMENTAL_STATE]
  if (!state?.previous) return null
  const settings = Object.entries(env).filter(([name]) => !PER_BUILD.has(name))
  return JSON.stringify([state.sourceHash, settings.sort()])
}

/** Everything the build prints, kept for the runner's log (instead of the pipe). */
function capture() {
  let log = ''
  const writers = [process.stdout, process.stderr].map((stream) => {
    const write = stream.write.bind(stream)
    stream.write = (chunk, ...rest) => {
      log = (log + chunk.toString()).slice(-MAX_LOG)
      const callback = rest.find((arg) => typeof arg === 'function')
      callback?.()
      return true
    }
    return () => (stream.write = write)
  })
  return {
    log: () => log,
    stop: () => writers.forEach((restore) => restore()),
  }
}

/**
 * One message's work, in a working folder of its own: a build (`buildSite`), or a bundle made
 * ahead of a build to come (`prepareBundle`, into a scratch output folder).
 */
async function run({ type, root, workDir, env, stayWarm }) {
  clearTimeout(idle)
  builds += 1
  const prepare = type === 'prepare'
  const scratch = prepare ? mkdtempSync(path.join(workDir, 'prepare-')) : null
  Object.assign(process.env, env, scratch ? { SITE_OUT_DIR: scratch } : {})
  const cwd = mkdtempSync(path.join(workDir, 'build-'))
  process.chdir(cwd)
  const output = capture()
  const work = prepare ? prepareBundle : buildSite
  // Set again by this build's integration (astro:config:done); never an earlier build's.
  delete globalThis[INCREMENTAL_STATE]
  let ok = false
  let log
  let bundle = null
  try {
    bundle = await work({ root, workDir: cwd, reusable: kept, bundleKey: bundleKeyOf(env) })
    ok = true
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  } finally {
    output.stop()
    log = output.log()
    process.chdir(workDir)
  }
  if (scratch) rmSync(scratch, { recursive: true, force: true })
  // A new bundle replaces the kept one; a reused or unusable one leaves nothing of this build.
  const next = ok ? bundle : null
  if (next && next === kept && !prepare) log = `${REUSED}\n${log}`
  if (kept && next?.workDir !== kept.workDir) rmSync(kept.workDir, { recursive: true, force: true })
  if (next?.workDir !== cwd) rmSync(cwd, { recursive: true, force: true })
  kept = next
  // Warm only with a bundle the next build can use: a full build (even one the site's
  // integration chose, for new code) leaves none.
  const last = !ok || !stayWarm || kept === null || builds >= MAX_BUILDS
  process.send({ type: 'done', ok, log, last }, () => {
    if (last) process.exit(0)
  })
  if (!last) idle = setTimeout(() => process.exit(0), IDLE_MS)
}

// One worker per working folder at a time (the runner's): what is there was left by one that died.
function removeLeftovers(workDir) {
  for (const name of readdirSync(workDir))
    if (/^(build|prepare)-/.test(name))
      rmSync(path.join(workDir, name), { recursive: true, force: true })
}
removeLeftovers(process.cwd())
process.on('exit', () => {
  if (kept) rmSync(kept.workDir, { recursive: true, force: true })
})

process.on('message', (message) => {
  if (message?.type === 'build' || message?.type === 'prepare') void run(message)
})
// The runner's end of the channel gone (the CMS stopped or died): nothing more will come.
process.on('disconnect', () => process.exit(70))
