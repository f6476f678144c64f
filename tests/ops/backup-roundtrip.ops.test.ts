/**
 * Issue 13, point 2: the demo school with some activity (a draft saved, so versions; a pupil's
 * record read, so audit entries; media; a transcript in the archive) is backed up while the CMS
 * runs, the data folder is wiped, and `npm run restore` brings back every row of every table and
 * every file, byte for byte; the next start rebuilds the website, logins work, and a session
 * from before the backup still does (the secret came back with the data).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'

import { verifyArchive } from '../../scripts/lib/backup.mjs'
import { archivesIn, fileFingerprints, runScript, tableFingerprints } from './support/backup'
import { demoSchool, login, startProduct, type RunningProduct } from './support/product'

const PORT = 3320
const running: RunningProduct[] = []
const folders: string[] = []

afterAll(async () => {
  for (const product of running) await product.stop()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

// The secret from the data folder's file (not the environment), so the archive must carry it.
const SECRET_FROM_FILE = { PAYLOAD_SECRET: '' }

async function api(product: RunningProduct, auth: string, route: string, init: RequestInit = {}) {
  const response = await fetch(`${product.cmsURL}/api${route}`, {
    ...init,
    headers: { 'Content-Type': 'application/json', Authorization: auth, ...init.headers },
  })
  const body = await response.json()
  expect(response.status, `${route}: ${JSON.stringify(body).slice(0, 500)}`).toBeLessThan(300)
  return body
}

describe('backup → wipe → restore', () => {
  it('brings back every row, every version, every file; the site and logins work', async () => {
    const dataDir = await demoSchool(PORT)
    folders.push(dataDir)
    const product = await startProduct({
      dataDir,
      port: PORT + 1,
      env: SECRET_FROM_FILE,
      waitForSite: true,
    })
    running.push(product)

    // Activity: a draft of a post (a new version), a pupil's record read (an audit entry).
    const principal = await login(product.cmsURL, 'principal')
    const created = await api(product, principal, '/posts?draft=true&depth=0', {
      method: 'POST',
      body: JSON.stringify({ title: 'Hội khoẻ Phù Đổng', excerpt: 'Bản nháp đầu.' }),
    })
    const post = created.doc
    await api(product, principal, `/posts/${post.id}?draft=true&depth=0`, {
      method: 'PATCH',
      body: JSON.stringify({ title: `${post.title} (bản nháp trước sao lưu)` }),
    })
    const pupils = await api(product, principal, '/students?limit=1&depth=0')
    await api(product, principal, `/students/${pupils.docs[0].id}?depth=0`)
    // A signed transcript in the electronic archive (issue 12 writes these there).
    mkdirSync(path.join(dataDir, 'archive', '2025-2026'), { recursive: true })
    writeFileSync(path.join(dataDir, 'archive', '2025-2026', 'hoc-ba-3A.pdf'), '%PDF-1.7 demo')

    const backup = await runScript('backup', ['--reason', 'test'], {
      SCHOOL_DATA_DIR: dataDir,
      ...SECRET_FROM_FILE,
    })
    expect(backup.code, backup.output).toBe(0)
    // Nothing writes between the backup and the stop: what is live now is what was saved.
    await product.stop()
    running.pop()

    const [archive] = archivesIn(path.join(dataDir, 'backups'))
    const manifest = await verifyArchive(archive)
    expect(manifest.secret).toBe('file')
    expect(manifest.parts.media.files).toBeGreaterThan(0)
    expect(manifest.parts.archive.files).toBe(1)
    for (const table of ['posts', '_posts_v', 'students', 'health_checkups', 'audit_log'])
      expect(manifest.database.tables[table], table).toBeGreaterThan(0)

    const database = path.join(dataDir, 'school.db')
    const rowsBefore = tableFingerprints(database)
    const mediaBefore = fileFingerprints(path.join(dataDir, 'media'))
    const archiveBefore = fileFingerprints(path.join(dataDir, 'archive'))
    const auditReads = new Database(database, { readonly: true })
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'read'")
      .get() as { n: number }
    expect(auditReads.n).toBeGreaterThan(0)

    // The machine is lost: only the archive, kept elsewhere, remains.
    const kept = path.join(mkdtempSync(path.join(tmpdir(), 'school-kept-')), 'backup.tar.gz')
    folders.push(path.dirname(kept))
    renameSync(archive, kept)
    rmSync(dataDir, { recursive: true, force: true })

    const restored = await runScript('restore', [kept], { SCHOOL_DATA_DIR: dataDir })
    expect(restored.code, restored.output).toBe(0)
    expect(restored.output).toContain('Đã khôi phục')

    expect(tableFingerprints(database)).toEqual(rowsBefore)
    expect(fileFingerprints(path.join(dataDir, 'media'))).toEqual(mediaBefore)
    expect(fileFingerprints(path.join(dataDir, 'archive'))).toEqual(archiveBefore)

    const again = await startProduct({
      dataDir,
      port: PORT + 2,
      env: SECRET_FROM_FILE,
      waitForSite: true,
    })
    running.push(again)
    // The session from before the backup is still good: the same secret signs it.
    const me = await fetch(`${again.cmsURL}/api/users/me`, {
      headers: { Authorization: principal },
    })
    expect((await me.json()).user?.email).toBe('principal@demo.giathuong.edu.vn')
    const teacher = await login(again.cmsURL, 'homeroom_teacher')
    const draft = await api(again, principal, `/posts/${post.id}?draft=true&depth=0`)
    expect(draft.title).toContain('bản nháp trước sao lưu')
    expect(teacher).toMatch(/^JWT /)
  })
})
