/**
 * Helpers of the fault tests (tests/ops/faults-*.ops.test.ts): the processes a CMS started, the
 * website build's status, the database file opened read-only, a small disk of its own.
 */
import { execFileSync } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync, readdirSync, writeSync } from 'node:fs'
import { mkdirSync, mkdtempSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { waitFor } from '../../../scripts/lib/processes.mjs'
import type { RunningProduct } from './product'

/** A live process (not a zombie) by its id. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

/** The processes whose command line contains `needle` and whose parent is `parent`. */
export function childProcesses(parent: number, needle: string): number[] {
  const found: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8')
      if (ppid === parent && command.includes(needle)) found.push(Number(name))
    } catch {
      // The process ended while we looked.
    }
  }
  return found
}

export interface SiteBuildStatus {
  status?: 'building' | 'ok' | 'failed' | 'interrupted' | null
  lastAttemptAt?: string | null
  lastSuccessAt?: string | null
  reasons?: string | null
  log?: string | null
}

export async function siteBuildStatus(cmsURL: string, auth: string): Promise<SiteBuildStatus> {
  const response = await fetch(`${cmsURL}/api/globals/site-build?depth=0`, {
    headers: { Authorization: auth },
  })
  if (!response.ok) throw new Error(`site-build: HTTP ${response.status}`)
  return (await response.json()) as SiteBuildStatus
}

/** Polls the status until `done` holds (a build's end, the start of one). */
export async function waitForBuildStatus(
  product: RunningProduct,
  auth: string,
  done: (status: SiteBuildStatus) => boolean,
  what: string,
  timeoutMs = 120_000,
): Promise<SiteBuildStatus> {
  let last: SiteBuildStatus = {}
  await waitForAsync(
    async () => done((last = await siteBuildStatus(product.cmsURL, auth))),
    what,
    timeoutMs,
    product,
  )
  return last
}

export async function waitForAsync(
  ready: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs: number,
  product?: RunningProduct,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await ready())) {
    if (product && product.child.exitCode !== null)
      throw new Error(`${what}: the CMS stopped\n${product.output().slice(-3000)}`)
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

export { waitFor }

/** The school's motto is on every page of the website: a change of it shows a new build. */
export async function setMotto(cmsURL: string, auth: string, motto: string): Promise<Response> {
  return fetch(`${cmsURL}/api/globals/school-profile`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': 'application/json' },
    body: JSON.stringify({ motto }),
  })
}

/** The live build's folder (what `<data>/site` points at). */
export const liveBuild = (dataDir: string) =>
  // The link is relative to its folder (site-build/runner.ts): the absolute path of the build.
  path.resolve(dataDir, readlinkSync(path.join(dataDir, 'site')))

/**
 * The database as an admin would look at it after a crash: opened read-only by the sqlite3 tool
 * (Debian's sqlite3, scripts/test.mjs installs it), SQLite's own integrity check, and the row
 * counts of a few tables.
 */
export function inspectDatabase(dataDir: string, tables: string[]) {
  const file = path.join(dataDir, 'school.db')
  const query = (sql: string) =>
    execFileSync('sqlite3', ['-readonly', file, sql], { encoding: 'utf8' }).trim()
  const integrity = query('PRAGMA integrity_check').split('\n')
  const counts: Record<string, number> = {}
  for (const table of tables) counts[table] = Number(query(`SELECT count(*) FROM "${table}"`))
  return { integrity, counts, query }
}

export const isRoot = () => process.getuid?.() === 0

/** A tmpfs of `megabytes` at `mountPoint` (a new folder by default; root only). */
export function smallDisk(
  megabytes: number,
  mountPoint = mkdtempSync(path.join(tmpdir(), 'school-ops-small-disk-')),
) {
  mkdirSync(mountPoint, { recursive: true })
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', mountPoint])
  return {
    mountPoint,
    unmount() {
      execFileSync('umount', ['-l', mountPoint])
    },
  }
}

/** Fills the disk holding `dir` to the last byte with one file; returns its path. */
export function fillDisk(dir: string): string {
  const file = path.join(dir, 'filler.bin')
  const fd = openSync(file, 'w')
  try {
    for (const size of [1 << 20, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size)
      for (;;) {
        try {
          writeSync(fd, chunk)
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break
          throw error
        }
      }
    }
  } finally {
    closeSync(fd)
  }
  return file
}

export const exists = existsSync
