/**
 * How the assessment and documents benchmarks run the CMS's code: a tsx script to its end
 * (their school builders), and the assessment benchmark's serve.ts (the real REST handlers over
 * HTTP, counting SQL statements) until it says BENCH_READY.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { CMS_DIR, ROOT } from '../../lib/env.mjs'

const tsxCli = createRequire(path.join(ROOT, 'package.json')).resolve('tsx/cli')

/**
 * Whether a committed migration creates `table`: then the CMS runs as in production
 * (`NODE_ENV=production`, migrations at start); before, Payload's development mode pushes the
 * schema, as the integration tests run it.
 */
export function migrationCreates(table) {
  const migrationsDir = path.join(CMS_DIR, 'src', 'migrations')
  const creates = new RegExp(`CREATE TABLE \\\\?\`${table}\\\\?\``)
  return (
    existsSync(migrationsDir) &&
    readdirSync(migrationsDir).some(
      (file) =>
        file.endsWith('.ts') && creates.test(readFileSync(path.join(migrationsDir, file), 'utf8')),
    )
  )
}

/** Runs a tsx script to its end; resolves with its output lines (indented ones are shown). */
export function runScript(script, { env, args = [] }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, script, ...args], { cwd: ROOT, env })
    const lines = []
    const onData = (chunk) => {
      for (const line of String(chunk).split('\n')) {
        if (!line.trim()) continue
        lines.push(line)
        if (/^\s+\S/.test(line)) console.log(line)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve(lines)
        : reject(new Error(`${script} ended with ${code}:\n${lines.slice(-40).join('\n')}`)),
    )
  })
}

/**
 * Starts scripts/bench/assessment/serve.ts; resolves with the child and the pid of the process
 * that serves (tsx runs the file in a child of its own) once it is ready. Its output lines go to
 * `log` (the last 5,000); `onSpawn` gets the child at once, so a benchmark that fails before the
 * server is ready still stops it.
 */
export function startBenchServer(env, log, onSpawn = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsxCli, 'scripts/bench/assessment/serve.ts'], {
      cwd: ROOT,
      env,
    })
    onSpawn(child)
    const timer = setTimeout(() => reject(new Error('The CMS did not start within 180 s')), 180_000)
    const onData = (chunk) => {
      for (const line of String(chunk).split('\n')) {
        log.push(line)
        if (log.length > 5000) log.shift()
        if (line.startsWith('BENCH_READY')) {
          clearTimeout(timer)
          resolve({ child, pid: Number(/pid=(\d+)/.exec(line)?.[1]) })
        }
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The CMS stopped (exit ${code}):\n${log.slice(-40).join('\n')}`))
    })
  })
}
