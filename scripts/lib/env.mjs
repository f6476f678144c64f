/**
 * Where the product keeps its files and how its parts find each other. Used by `npm start`,
 * the browser tests and the benchmarks alike, so they all run the product the same way.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CMS_DIR = path.join(ROOT, 'cms')
export const SITE_DIR = path.join(ROOT, 'site')

/** Reads the settings from the environment, fills in defaults, and makes the data folder. */
export function productEnv(overrides = {}) {
  const env = { ...process.env, ...overrides }
  const dataDir = path.resolve(env.SCHOOL_DATA_DIR || path.join(ROOT, 'data'))
  mkdirSync(dataDir, { recursive: true })
  const cmsPort = Number(env.CMS_PORT || 3000)
  const sitePort = Number(env.SITE_PORT || 4321)
  const cmsURL = `http://localhost:${cmsPort}`
  const siteURL = `http://localhost:${sitePort}`
  return {
    dataDir,
    cmsPort,
    sitePort,
    cmsURL,
    siteURL,
    env: {
      ...env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      DATABASE_URL: env.DATABASE_URL || `file:${path.join(dataDir, 'school.db')}`,
      PAYLOAD_SECRET: env.PAYLOAD_SECRET || secretIn(dataDir),
      SERVER_URL: env.SERVER_URL || cmsURL,
      SITE_URL: env.SITE_URL || siteURL,
      CMS_URL: cmsURL,
      MEDIA_DIR: env.MEDIA_DIR || path.join(dataDir, 'media'),
      ARCHIVE_DIR: env.ARCHIVE_DIR || path.join(dataDir, 'archive'),
      // The office's own files (Điều 6, 14): documents, test papers; private, never on the site.
      OFFICE_DIR: env.OFFICE_DIR || path.join(dataDir, 'office'),
      // The CMS rebuilds the website itself: from here, into builds/, swapping the `site` link.
      SITE_SOURCE_DIR: SITE_DIR,
      SITE_BUILDS_DIR: path.join(dataDir, 'site-builds'),
      SITE_LIVE_DIR: path.join(dataDir, 'site'),
      // Backups (scripts/lib/backup.mjs): where they go, and what the CMS's nightly one runs.
      SCHOOL_DATA_DIR: dataDir,
      BACKUP_DIR: env.BACKUP_DIR || path.join(dataDir, 'backups'),
      BACKUP_SCRIPT: path.join(ROOT, 'scripts', 'backup.mjs'),
      // Plain http on localhost: a `secure` cookie would never be sent back.
      INSECURE_COOKIES:
        env.INSECURE_COOKIES ?? (env.SERVER_URL?.startsWith('https://') ? 'false' : 'true'),
    },
  }
}

/** A random secret made once per data folder and kept there, so logins survive a restart. */
function secretIn(dataDir) {
  const file = path.join(dataDir, '.payload-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}
