/**
 * The website's builds run in a warm child process (site/scripts/astro-build-worker.mjs), one
 * per build root, kept between builds: a build in a process that has built before starts at
 * once, runs on JIT-compiled code, and renders from the bundle of the build before when the
 * site's code is the same (issue 15, point 7: publish → live in seconds). Messages are sent one
 * at a time. The worker stays warm after a build that asks it to (`stayWarm`: the editors'
 * incremental builds) and after bundling ahead of one (prepareInWorker); it ends by itself after
 * any other build, after a failed one, after many, or when idle, and a new one is started for
 * the next build. It dies with the CMS (the import that exits when its stdin closes), and is
 * unref'd while idle, so it never keeps a process that has nothing else to do alive.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { DIE_WITH_THE_CMS, processState } from '../lib/child-job'

export interface WorkerBuild {
  ok: boolean
  log: string
}

interface Worker {
  child: ChildProcess
  /** What the worker printed outside a build (its own crash, a failed import). */
  output: string
  retiring: boolean
}

const workers = () => processState<Map<string, Worker>>('siteBuildWorkers', () => new Map())
/** Per working folder, the build in progress (or the last one): the next waits for it. */
const queues = () => processState<Map<string, Promise<unknown>>>('siteBuildQueues', () => new Map())

const MAX_OUTPUT = 20_000

function hold(child: ChildProcess, held: boolean) {
  const handles = [child, child.channel, child.stdin, child.stdout, child.stderr] as Array<{
    ref?: () => void
    unref?: () => void
  } | null>
  for (const handle of handles) (held ? handle?.ref : handle?.unref)?.call(handle)
}

function startWorker(sourceDir: string, workDir: string): Worker {
  const script = path.join(sourceDir, 'scripts', 'astro-build-worker.mjs')
  const child = spawn(process.execPath, ['--import', DIE_WITH_THE_CMS, script], {
    cwd: workDir,
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
  })
  const worker: Worker = { child, output: '', retiring: false }
  const keep = (chunk: Buffer) => {
    worker.output = (worker.output + chunk.toString()).slice(-MAX_OUTPUT)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const forget = () => {
    if (workers().get(workDir) === worker) workers().delete(workDir)
  }
  child.once('exit', forget)
  child.once('error', forget)
  hold(child, false)
  return worker
}

function buildOnce(worker: Worker, message: object): Promise<WorkerBuild> {
  const { child } = worker
  return new Promise<WorkerBuild>((resolve) => {
    const settle = (outcome: WorkerBuild) => {
      child.off('message', onMessage)
      child.off('exit', onExit)
      child.off('error', onError)
      hold(child, false)
      resolve(outcome)
    }
    const onMessage = (reply: { type?: string; ok?: boolean; log?: string; last?: boolean }) => {
      if (reply?.type !== 'done') return
      if (reply.last) worker.retiring = true
      settle({ ok: reply.ok === true, log: reply.log ?? '' })
    }
    const stopped = (why: string) =>
      settle({
        ok: false,
        log: `${worker.output}\nTrình dựng website đã dừng giữa chừng (${why}).`,
      })
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      stopped(`exit ${code ?? signal}`)
    const onError = (error: Error) => stopped(error.message)
    child.on('message', onMessage)
    child.once('exit', onExit)
    child.once('error', onError)
    hold(child, true)
    child.send(message, (error) => error && onError(error))
  })
}

function sendInTurn(sourceDir: string, workDir: string, message: object): Promise<WorkerBuild> {
  const usable = () => {
    const kept = workers().get(workDir)
    if (kept && !kept.retiring && kept.child.exitCode === null && kept.child.connected) return kept
    const started = startWorker(sourceDir, workDir)
    workers().set(workDir, started)
    return started
  }
  const before = queues().get(workDir) ?? Promise.resolve()
  const result = before.then(() => buildOnce(usable(), message))
  queues().set(workDir, result)
  return result
}

/**
 * One build of the Astro project `sourceDir` with `env` (SITE_OUT_DIR, the manifests, …) in the
 * worker of `workDir` (the build root's own working folder); never rejects.
 */
export function buildInWorker(
  sourceDir: string,
  workDir: string,
  env: Record<string, string>,
  { stayWarm }: { stayWarm: boolean },
): Promise<WorkerBuild> {
  return sendInTurn(sourceDir, workDir, { type: 'build', root: sourceDir, workDir, env, stayWarm })
}

/**
 * Has the worker of `workDir` bundle the site now, with the settings of an incremental build
 * (`env`, its output folder aside), so that the build which follows only renders pages. The
 * worker then stays warm; a build sent meanwhile waits its turn. Never rejects.
 */
export function prepareInWorker(
  sourceDir: string,
  workDir: string,
  env: Record<string, string>,
): Promise<WorkerBuild> {
  const message = { type: 'prepare', root: sourceDir, workDir, env, stayWarm: true }
  return sendInTurn(sourceDir, workDir, message)
}
