/**
 * A warm `astro build` (issue 15, point 7: publish → live in seconds). The CMS's runner
 * (cms/src/site-build/runner.ts) keeps one of these per build root and sends it one build at a
 * time over IPC; each is Astro's programmatic build() with that build's settings in process.env.
 * A build in a process that has built before skips Node's start and the loading of Astro, and
 * runs on JIT-compiled Vite, Rollup and the Astro compiler: at 5,000 posts an incremental build
 * takes about 7 s here instead of about 10 (docs/benchmarks.md).
 *
 * It stays warm only where that pays: after a build asked to (`stayWarm`: the runner's
 * incremental builds, which editors' publications make, often several in a row), for IDLE_MS.
 * After a full build (the start, the school profile) it ends, so the idle CMS holds no builder.
 *
 * Each build bundles the pages into a working folder of its own (Astro writes them under the
 * current directory's .astro/): Node keeps every module it imported, so a bundle under a path
 * used before would run the older build's code. Those modules stay in memory, so the worker
 * also ends after MAX_BUILDS builds, and after a failed one (its state is not to be trusted);
 * the runner starts another when it needs one. It ends with the CMS too: the runner loads it
 * with the import that exits when the CMS's end of stdin closes.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { build } from 'astro'

const MAX_BUILDS = Number(process.env.SITE_BUILDER_MAX_BUILDS || 25)
const IDLE_MS = Number(process.env.SITE_BUILDER_IDLE_MS || 15 * 60 * 1000)
const MAX_LOG = 20_000

let builds = 0
let idle = setTimeout(() => process.exit(0), IDLE_MS)

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

async function runBuild({ root, workDir, env, stayWarm }) {
  clearTimeout(idle)
  builds += 1
  Object.assign(process.env, env)
  const cwd = mkdtempSync(path.join(workDir, 'build-'))
  process.chdir(cwd)
  const output = capture()
  let ok = false
  let log
  try {
    await build({ root, logLevel: 'error' })
    ok = true
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  } finally {
    output.stop()
    log = output.log()
    process.chdir(workDir)
    rmSync(cwd, { recursive: true, force: true })
  }
  const last = !ok || !stayWarm || builds >= MAX_BUILDS
  process.send({ type: 'done', ok, log, last }, () => {
    if (last) process.exit(0)
  })
  if (!last) idle = setTimeout(() => process.exit(0), IDLE_MS)
}

process.on('message', (message) => {
  if (message?.type === 'build') void runBuild(message)
})
// The runner's end of the channel gone (the CMS stopped or died): nothing more will come.
process.on('disconnect', () => process.exit(70))
