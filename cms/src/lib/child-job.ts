/**
 * The CMS's long jobs that run as child Node processes (the website's build, the nightly
 * backup): one state per process, whichever bundle of the app asks for it, and a child that
 * dies with the CMS.
 */
import { spawn } from 'node:child_process'

/** A job's state, shared by every bundle of the app in this process (Next loads several). */
export function processState<T>(name: string, initial: () => T): T {
  const holder = globalThis as unknown as Record<symbol, T>
  const key = Symbol.for(`giathuong.${name}`)
  holder[key] ??= initial()
  return holder[key]
}

/**
 * Loaded into the child before its script: when the CMS dies (SIGKILL, the OOM killer, a power
 * cut of the service) its end of the stdin pipe closes and the child exits too. Otherwise an
 * orphaned build or backup goes on writing while the next start cleans up after it and starts
 * again: two at once on a small server. Unref'd: a finished child still exits.
 */
export const DIE_WITH_THE_CMS =
  'data:text/javascript,process.stdin.on("end",()=>process.exit(70));' +
  'process.stdin.resume();process.stdin.unref();'

export interface ChildOutcome {
  code: number | null
  signal: NodeJS.Signals | null
  /** The last `maxOutput` characters of stdout and stderr together. */
  output: string
  /** Set when the child could not be started at all. */
  error?: Error
}

/** Runs `node <args>` tied to the CMS's life and resolves with how it ended; never rejects. */
export function runChildNode(options: {
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  maxOutput?: number
}): Promise<ChildOutcome> {
  const maxOutput = options.maxOutput ?? 20_000
  return new Promise((resolve) => {
    let output = ''
    const child = spawn(process.execPath, ['--import', DIE_WITH_THE_CMS, ...options.args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-maxOutput)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    child.on('error', (error) => resolve({ code: null, signal: null, output, error }))
    child.on('exit', (code, signal) => resolve({ code, signal, output }))
  })
}
