/**
 * Generated files are committed and must match the code: Payload's types, the admin import map,
 * and the SQLite migrations. Regenerates each and fails, naming the command to run, when one
 * differs. Leaves the working tree as it found it.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { CMS_DIR } from './lib/env.mjs'

const scratch = mkdtempSync(path.join(tmpdir(), 'school-generated-'))
const env = {
  ...process.env,
  PAYLOAD_SECRET: 'check-generated',
  DATABASE_URL: `file:${path.join(scratch, 'check.db')}`,
  SEED_DEMO: 'false',
}

function payload(args) {
  const result = spawnSync('npx', ['payload', ...args], { cwd: CMS_DIR, env, encoding: 'utf8' })
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    throw new Error(`payload ${args.join(' ')} failed`)
  }
}

const problems = []

for (const [file, args, fix] of [
  ['src/payload-types.ts', ['generate:types'], 'npm run generate -w cms'],
  ['src/app/(payload)/admin/importMap.js', ['generate:importmap'], 'npm run generate -w cms'],
]) {
  const full = path.join(CMS_DIR, file)
  const before = readFileSync(full, 'utf8')
  payload(args)
  const after = readFileSync(full, 'utf8')
  if (before !== after) {
    writeFileSync(full, before)
    problems.push(`cms/${file} is out of date: run \`${fix}\` and commit it.`)
  }
}

const migrationsDir = path.join(CMS_DIR, 'src', 'migrations')
const indexFile = path.join(migrationsDir, 'index.ts')
const indexBefore = readFileSync(indexFile, 'utf8')
const filesBefore = new Set(readdirSync(migrationsDir))
payload(['migrate:create', 'schema_check', '--skip-empty'])
const added = readdirSync(migrationsDir).filter((name) => !filesBefore.has(name))
if (added.length > 0) {
  for (const name of added) rmSync(path.join(migrationsDir, name))
  writeFileSync(indexFile, indexBefore)
  problems.push(
    'The schema changed without a migration: run `npm run payload -w cms -- migrate:create <name>` and commit it.',
  )
}
rmSync(scratch, { recursive: true, force: true })

if (problems.length > 0) {
  console.error(problems.join('\n'))
  process.exit(1)
}
console.log('Generated files (types, import map, migrations) match the code.')
