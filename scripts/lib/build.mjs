/**
 * Builds the CMS (Next.js) when its sources changed since the last build. The website is built
 * by the CMS itself (cms/src/site-build).
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

import { CMS_DIR, ROOT } from './env.mjs'
import { run } from './processes.mjs'

const CMS_INPUTS = [
  'cms/src',
  'cms/next.config.ts',
  'cms/package.json',
  'cms/tsconfig.json',
  'shared/src',
  'package-lock.json',
]

function newestChange(entry) {
  const stats = statSync(entry)
  if (!stats.isDirectory()) return stats.mtimeMs
  let newest = stats.mtimeMs
  for (const child of readdirSync(entry))
    newest = Math.max(newest, newestChange(path.join(entry, child)))
  return newest
}

export function cmsBuildIsCurrent() {
  const buildId = path.join(CMS_DIR, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return false
  const builtAt = statSync(buildId).mtimeMs
  return CMS_INPUTS.every((input) => newestChange(path.join(ROOT, input)) <= builtAt)
}

export async function buildCms(env) {
  if (cmsBuildIsCurrent()) return false
  console.log('▸ Đang build CMS (Next.js), lần đầu mất khoảng 2 phút…')
  await run('npx', ['next', 'build', '--webpack'], { cwd: CMS_DIR, env })
  return true
}
