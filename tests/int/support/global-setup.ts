/**
 * Seeds the demo school once per test run into a template SQLite file (pupils included, ≈ 30 s);
 * every test file then starts from its own copy of it, exactly as seeded, in a second or two.
 * On MongoDB each file seeds its own database instead (see ./payload.ts).
 *
 * The seeding runs in a vitest worker of its own (./seed-template.ts): importing the Payload
 * config in vitest's main process ends it silently (an unsettled top-level await in Lexical).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    schoolTemplate: { database: string; media: string; office: string } | null
  }
}

export default function setup(project: TestProject) {
  const external = process.env.DATABASE_URL
  if (external && !external.startsWith('file:')) {
    project.provide('schoolTemplate', null)
    return
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'school-template-'))
  const vitest = path.join(
    path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  )
  const result = spawnSync(process.execPath, [vitest, 'run'], {
    cwd: project.config.root,
    env: { ...process.env, SCHOOL_TEMPLATE_DIR: dir },
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('Seeding the demo school template failed (see above).')
  project.provide('schoolTemplate', {
    database: path.join(dir, 'school.db'),
    media: path.join(dir, 'media'),
    office: path.join(dir, 'office'),
  })
  return () => rmSync(dir, { recursive: true, force: true })
}
