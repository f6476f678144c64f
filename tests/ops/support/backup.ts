/**
 * For the backup tests: running `npm run backup` / `npm run restore` as the admin would (plain
 * `node scripts/….mjs` on a data folder), and fingerprints of what an installation holds: every
 * row of every table (read with better-sqlite3) and every file of a folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import Database from 'better-sqlite3'

import { ROOT } from '../../../scripts/lib/env.mjs'

export interface ScriptRun {
  code: number | null
  signal: NodeJS.Signals | null
  output: string
}

/** Starts scripts/<name>.mjs on a data folder; `done` resolves when it exits. */
export function startScript(
  name: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; done: Promise<ScriptRun> } {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', `${name}.mjs`), ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const done = new Promise<ScriptRun>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  )
  return { child, done }
}

export const runScript = (
  name: 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
) => startScript(name, args, env).done

/** Per table: how many rows, and a SHA-256 of all of them in rowid order. */
export function tableFingerprints(databaseFile: string): Record<string, string> {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as Array<{ name: string }>
    return Object.fromEntries(
      tables.map(({ name }) => {
        const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()
        const hash = createHash('sha256').update(JSON.stringify(rows)).digest('hex')
        return [name, `${rows.length} rows ${hash}`]
      }),
    )
  } finally {
    db.close()
  }
}

/** Every file under `root` with its SHA-256. */
export function fileFingerprints(root: string): Record<string, string> {
  if (!existsSync(root)) return {}
  const found: Record<string, string> = {}
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = path.join(entry.parentPath, entry.name)
    found[path.relative(root, full)] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return found
}

export function archivesIn(backupDir: string): string[] {
  if (!existsSync(backupDir)) return []
  return readdirSync(backupDir)
    .filter((name) => /^giathuong-.*\.tar\.gz$/.test(name))
    .sort()
    .map((name) => path.join(backupDir, name))
}
