/**
 * The nightly backup's settings and status (Điều 8), through the real REST handlers: the web
 * admin sets the schedule, the principal reads it, nobody else sees either, and nobody writes the
 * status but the CMS's runner. The runner itself runs the real `scripts/backup.mjs` as a child on
 * this test's live database and records what happened.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

import { useTestSchool } from './support/payload'
import type { RestClient } from './support/rest'

const school = useTestSchool()
const PASSWORD = 'GiaThuong@2024'
const clients: Record<string, RestClient> = {}

beforeAll(async () => {
  const { RestClient } = await import('./support/rest')
  for (const role of ['web_admin', 'principal', 'vice_principal', 'it_teacher', 'clerk']) {
    clients[role] = new RestClient('vi')
    const login = await clients[role].login(`${role}@demo.giathuong.edu.vn`, PASSWORD)
    expect(login.status, role).toBe(200)
  }
  clients.anonymous = new RestClient('vi')
})

describe('backup settings and status: who reads and who writes', () => {
  it('the web admin sets the time and how many are kept', async () => {
    const saved = await clients.web_admin.post('/globals/backup-settings', {
      time: '03:15',
      keep: 7,
      enabled: true,
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    const settings = await school.payload.findGlobal({ slug: 'backup-settings' })
    expect(settings).toMatchObject({ time: '03:15', keep: 7, enabled: true })
  })

  it('refuses a time that is not HH:mm, in Vietnamese, and keeps the saved one', async () => {
    const refused = await clients.web_admin.post('/globals/backup-settings', { time: '25:00' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('HH:mm')
    expect((await school.payload.findGlobal({ slug: 'backup-settings' })).time).toBe('03:15')
  })

  it('the principal reads the settings and the status but changes neither', async () => {
    expect((await clients.principal.get('/globals/backup-settings')).body.time).toBe('03:15')
    expect((await clients.principal.get('/globals/backup-status')).status).toBe(200)
    const refused = await clients.principal.post('/globals/backup-settings', { keep: 1 })
    expect(refused.status).toBe(403)
    expect((await school.payload.findGlobal({ slug: 'backup-settings' })).keep).toBe(7)
  })

  it('other staff and visitors read neither', async () => {
    for (const role of ['vice_principal', 'it_teacher', 'clerk', 'anonymous']) {
      for (const slug of ['backup-settings', 'backup-status']) {
        const answer = await clients[role].get(`/globals/${slug}`)
        expect([401, 403], `${role} ${slug}`).toContain(answer.status)
      }
    }
    const refused = await clients.clerk.post('/globals/backup-settings', { enabled: false })
    expect(refused.status).toBe(403)
  })

  it('nobody writes the status over the API, not even the web admin', async () => {
    const forged = await clients.web_admin.post('/globals/backup-status', {
      state: 'ok',
      lastSuccessAt: new Date().toISOString(),
    })
    expect(forged.status).toBe(403)
    const status = await school.payload.findGlobal({ slug: 'backup-status' })
    expect(status.state ?? null).toBeNull()
  })
})

describe('the CMS runs the backup script and records the outcome', () => {
  const script = fileURLToPath(new URL('../../scripts/backup.mjs', import.meta.url))

  it('a backup of the live database succeeds and the status says when and how big', async () => {
    const { runNightlyBackup } = await import('../../cms/src/backup/runner')
    const databaseFile = process.env.DATABASE_URL!.slice('file:'.length)
    process.env.SCHOOL_DATA_DIR = path.dirname(databaseFile)
    process.env.BACKUP_DIR = mkdtempSync(path.join(tmpdir(), 'school-backups-'))
    await runNightlyBackup(school.payload, {
      script,
      dataDir: process.env.SCHOOL_DATA_DIR,
      checkIntervalMs: 60_000,
    })
    const status = await school.payload.findGlobal({ slug: 'backup-status' })
    expect(status.state, status.lastFailureMessage ?? '').toBe('ok')
    expect(status.lastFile).toMatch(/giathuong-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/)
    expect(existsSync(status.lastFile!)).toBe(true)
    expect(status.lastSize).toBeGreaterThan(1000)
    const { verifyArchive } = await import('../../scripts/lib/backup.mjs')
    const manifest = await verifyArchive(status.lastFile!)
    expect(manifest.database.tables.students).toBeGreaterThan(0)
  }, 120_000)

  it('a backup that cannot be written is recorded as failed with its message', async () => {
    const { runNightlyBackup } = await import('../../cms/src/backup/runner')
    const notAFolder = path.join(mkdtempSync(path.join(tmpdir(), 'school-backups-')), 'file')
    writeFileSync(notAFolder, 'not a folder')
    process.env.BACKUP_DIR = path.join(notAFolder, 'backups')
    await runNightlyBackup(school.payload, {
      script,
      dataDir: process.env.SCHOOL_DATA_DIR!,
      checkIntervalMs: 60_000,
    })
    const status = await school.payload.findGlobal({ slug: 'backup-status' })
    expect(status.state).toBe('failed')
    expect(status.lastFailureMessage).toMatch(/Sao lưu thất bại/)
    // The last success is still shown: the dashboard says both.
    expect(status.lastSuccessAt).toBeTruthy()
  }, 120_000)
})
