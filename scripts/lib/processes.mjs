import { spawn } from 'node:child_process'

/** Runs a command to its end, output shown; rejects on a non-zero exit. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else
        reject(
          new Error(`${command} ${args.join(' ')} ended with ${signal ?? `exit code ${code}`}`),
        )
    })
  })
}

/**
 * Starts a long-running node program as a direct child, in our own process group: Ctrl-C in the
 * terminal, or a test runner ending the group, stops it together with us.
 */
export function startService(script, args, options = {}) {
  return spawn(process.execPath, [script, ...args], { stdio: 'inherit', ...options })
}

export function stopService(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
}

/** Polls until `ready()` is true; fails when the service stops or the time is up. */
export async function waitFor(ready, what, timeoutMs, service) {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (service && service.exitCode !== null)
      throw new Error(`${what}: the server stopped (exit ${service.exitCode})`)
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

/**
 * Polls a URL until it answers 2xx; the first request also wakes Payload (migrations, seed).
 * @param {string} url
 * @param {{ timeoutMs?: number, service?: import('node:child_process').ChildProcess }} [options]
 */
export async function waitForURL(url, { timeoutMs = 180_000, service } = {}) {
  const deadline = Date.now() + timeoutMs
  let lastError = 'no answer'
  while (Date.now() < deadline) {
    if (service && service.exitCode !== null)
      throw new Error(`${url}: the server stopped (exit ${service.exitCode})`)
    try {
      const response = await fetch(url)
      if (response.ok) return
      lastError = `HTTP ${response.status}`
    } catch (error) {
      lastError = error.cause?.code ?? error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s (${lastError})`)
}
