/**
 * The committed migrations, as `npm start` runs them (production, no schema push): they build a
 * fresh database, and they upgrade a database of an earlier version keeping every row. Tests
 * boot Payload with its dev-mode schema push, which never runs a migration, so this is the one
 * place that does.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { describe, expect, it } from 'vitest'

const CMS = path.resolve(__dirname, '../../cms')
const EARLIER = path.resolve(__dirname, '../fixtures/databases/school-2026-11-29.db')

function migrate(database: string) {
  const result = spawnSync('npx', ['payload', 'migrate'], {
    cwd: CMS,
    encoding: 'utf8',
    // Not vitest's own environment (its loader options would run the CLI as a module of the test).
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: `file:${database}`,
      PAYLOAD_SECRET: 'migrations-test',
      SEED_DEMO: 'false',
      // As `npm start` runs: migrations only, no schema push.
      NODE_ENV: 'production',
      // Payload's CLI loads the config through tsx, where Lexical's top-level await sometimes
      // never settles and the process ends silently with 0 (STACK.md); this condition avoids it.
      NODE_OPTIONS: '--conditions=development',
    },
    timeout: 120_000,
  })
  const output = `${result.stdout}\n${result.stderr}`
  // A run that ends without Payload's closing line did not migrate, whatever its exit code.
  return { ok: result.status === 0 && output.includes('Done.'), output }
}

async function rows(database: string, query: string) {
  const client = createClient({ url: `file:${database}` })
  try {
    return (await client.execute(query)).rows
  } finally {
    client.close()
  }
}

const TABLES = ['users', 'groups', 'posts', 'students', 'health_checkups', 'workflow_events']

describe('migrations', () => {
  it('build a fresh database', async () => {
    const database = path.join(mkdtempSync(path.join(tmpdir(), 'school-migrate-')), 'fresh.db')
    const { ok, output } = migrate(database)
    expect(ok, output.slice(-2000)).toBe(true)
    const tables = await rows(database, "SELECT name FROM sqlite_master WHERE type = 'table'")
    expect(tables.length, output.slice(-2000)).toBeGreaterThan(0)
    const names = tables.map((row) => String(row.name))
    for (const name of [...TABLES, 'security_log', 'import_proposals', 'audit_log'])
      expect(names).toContain(name)
  }, 180_000)

  it('upgrade a database of the version before, keeping every row', async () => {
    const database = path.join(mkdtempSync(path.join(tmpdir(), 'school-migrate-')), 'old.db')
    copyFileSync(EARLIER, database)
    const before: Record<string, unknown[]> = {}
    for (const table of TABLES)
      before[table] = await rows(database, `SELECT * FROM ${table} ORDER BY id`)
    const { ok, output } = migrate(database)
    expect(ok, output.slice(-2000)).toBe(true)
    for (const table of TABLES) {
      const columns = Object.keys((before[table][0] ?? {}) as object)
      const after = await rows(
        database,
        `SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY id`,
      )
      expect(
        after.map((row) => ({ ...row })),
        table,
      ).toEqual(before[table].map((row) => ({ ...(row as object) })))
    }
    expect(await rows(database, 'PRAGMA foreign_key_check')).toEqual([])
    // The files the website showed stay public; no account is forced to change its password.
    const [{ marked }] = await rows(
      database,
      'SELECT count(*) AS marked FROM media WHERE on_website = 1',
    )
    expect(Number(marked)).toBeGreaterThan(0)
    const [{ unset }] = await rows(
      database,
      'SELECT count(*) AS unset FROM users WHERE password_changed_at IS NULL',
    )
    expect(Number(unset)).toBe(0)
    // Ids are not reused once the upgrade is done.
    const [{ sql }] = await rows(database, "SELECT sql FROM sqlite_master WHERE name = 'students'")
    expect(String(sql)).toContain('AUTOINCREMENT')
  }, 180_000)
})
