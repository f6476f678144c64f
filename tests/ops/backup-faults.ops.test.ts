/**
 * Issue 13, point 7 (the backup half): a backup killed while it writes leaves the last good
 * backup intact and no half archive that looks finished, and the next backup works; a full disk
 * fails the CMS's nightly backup with a clear message in its status and on the dashboard while
 * the CMS keeps serving; a damaged or mismatched archive, or a running CMS, is refused by
 * `npm run restore` before anything is touched.
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { backup, verifyArchive } from '../../scripts/lib/backup.mjs'
import { ROOT } from '../../scripts/lib/env.mjs'
import {
  archivesIn,
  fileFingerprints,
  runScript,
  startScript,
  tableFingerprints,
} from './support/backup'
import { demoSchool, login, startProduct, type RunningProduct } from './support/product'

const PORT = 3330
const running: RunningProduct[] = []
const folders: string[] = []
const mounts: string[] = []

afterAll(async () => {
  for (const product of running) await product.stop()
  for (const mount of mounts) execFileSync('umount', [mount])
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

const temporary = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  folders.push(dir)
  return dir
}

async function waitUntil<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

let dataDir: string
let product: RunningProduct
let goodArchive: string
const backupDir = () => path.join(dataDir, 'backups')

beforeAll(async () => {
  dataDir = await demoSchool(PORT)
  folders.push(dataDir)
  product = await startProduct({ dataDir, port: PORT + 1, waitForStartBuild: true })
  running.push(product)
})

describe('a backup killed while it writes', () => {
  it('leaves the last good backup and no finished-looking half; the next one works', async () => {
    const first = await runScript('backup', [], { SCHOOL_DATA_DIR: dataDir })
    expect(first.code, first.output).toBe(0)
    ;[goodArchive] = archivesIn(backupDir())
    const goodBytes = readFileSync(goodArchive)

    // A big video makes the archive slow enough to be caught in the middle of writing.
    const big = path.join(dataDir, 'media', 'le-khai-giang.mp4')
    writeFileSync(big, randomBytes(150 * 1024 * 1024))
    const { child, done } = startScript('backup', [], { SCHOOL_DATA_DIR: dataDir })
    const half = await waitUntil('the archive being written', () => {
      for (const name of readdirSync(backupDir()).filter((n) => n.startsWith('.partial-'))) {
        const file = path.join(backupDir(), name, 'archive.tar.gz')
        if (existsSync(file) && statSync(file).size > 1024 * 1024) return file
      }
      return null
    })
    child.kill('SIGKILL')
    const killed = await done
    expect(killed.signal).toBe('SIGKILL')
    expect(existsSync(half)).toBe(true) // what the kill left is a half, under a name no one uses

    expect(archivesIn(backupDir())).toEqual([goodArchive])
    expect(readFileSync(goodArchive).equals(goodBytes)).toBe(true)
    await expect(verifyArchive(goodArchive)).resolves.toMatchObject({ format: 'giathuong-backup' })

    unlinkSync(big)
    const next = await runScript('backup', [], { SCHOOL_DATA_DIR: dataDir })
    expect(next.code, next.output).toBe(0)
    const archives = archivesIn(backupDir())
    expect(archives).toHaveLength(2)
    expect(archives[0]).toBe(goodArchive)
    expect(readdirSync(backupDir()).filter((n) => n.startsWith('.partial-'))).toEqual([])
    await verifyArchive(archives[1])
    // The CMS served all along.
    expect((await fetch(`${product.cmsURL}/api/globals/school-profile`)).status).toBe(200)
  })
})

describe('the CMS writes while a backup reads the database', () => {
  /** A draft saved over REST, as a teacher would while the nightly backup runs. */
  async function saveDraft(auth: string, title: string) {
    const response = await fetch(`${product.cmsURL}/api/posts?draft=true&depth=0`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: auth },
      body: JSON.stringify({ title, excerpt: 'Lưu trong lúc sao lưu.' }),
    })
    return { status: response.status, body: await response.text() }
  }

  it('a write meeting the backup read lock waits for it instead of failing', async () => {
    const principal = await login(product.cmsURL, 'principal')
    // Another process holding a read of the file, as each step of the online backup does.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(${JSON.stringify(path.join(dataDir, 'school.db'))}, { readonly: true })
        db.exec('BEGIN'); db.prepare('SELECT count(*) FROM posts').get()
        console.log('holding'); setTimeout(() => { db.exec('COMMIT'); process.exit(0) }, 1500)`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    const readerDone = new Promise((resolve) => reader.once('exit', resolve))
    await new Promise((resolve) => reader.stdout.once('data', resolve))
    const saved = await saveDraft(principal, 'Bài viết lưu khi đang sao lưu')
    await readerDone
    expect(saved.status, saved.body).toBe(201)
  })

  it('drafts saved during a real backup all succeed, and so does the backup', async () => {
    const principal = await login(product.cmsURL, 'principal')
    const { done } = startScript('backup', [], { SCHOOL_DATA_DIR: dataDir })
    let finished = false
    void done.then(() => (finished = true))
    const statuses: number[] = []
    for (let i = 0; !finished || i < 5; i++)
      statuses.push((await saveDraft(principal, `Bản nháp ${i} trong lúc sao lưu`)).status)
    const result = await done
    expect(result.code, result.output).toBe(0)
    expect(
      statuses.every((status) => status === 201),
      statuses.join(' '),
    ).toBe(true)
  })
})

describe('npm run restore refuses', () => {
  const restoreInto = (archive: string) =>
    runScript('restore', [archive], { SCHOOL_DATA_DIR: dataDir })

  /** Restore is refused, and the installation is exactly as it was. */
  async function expectRefused(archive: string, message: RegExp) {
    const rows = tableFingerprints(path.join(dataDir, 'school.db'))
    const media = fileFingerprints(path.join(dataDir, 'media'))
    const result = await restoreInto(archive)
    expect(result.code, result.output).toBe(1)
    expect(result.output).toMatch(message)
    expect(tableFingerprints(path.join(dataDir, 'school.db'))).toEqual(rows)
    expect(fileFingerprints(path.join(dataDir, 'media'))).toEqual(media)
    expect(readdirSync(dataDir).filter((name) => name.startsWith('before-restore-'))).toEqual([])
  }

  /** The good archive unpacked, changed by `change`, and packed again as a backup would be. */
  async function repacked(change: (dir: string) => void): Promise<string> {
    const dir = temporary('school-repack-')
    await tar.extract({ file: goodArchive, cwd: dir })
    change(dir)
    const file = path.join(temporary('school-bad-'), 'giathuong-bad.tar.gz')
    const entries = readdirSync(dir)
    await tar.create({ gzip: true, file, cwd: dir, portable: true }, entries)
    return file
  }

  const firstMedia = (dir: string) => {
    const media = readdirSync(path.join(dir, 'media'), { recursive: true, withFileTypes: true })
    const file = media.find((entry) => entry.isFile())!
    return path.join(file.parentPath, file.name)
  }

  it('an archive with one byte changed', async () => {
    const bytes = readFileSync(goodArchive)
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    const file = path.join(temporary('school-bad-'), 'giathuong-damaged.tar.gz')
    writeFileSync(file, bytes)
    await expectRefused(file, /không đọc được|SHA-256 khác/)
  })

  it('a file changed inside the archive, same size', async () => {
    let changed = ''
    const file = await repacked((dir) => {
      const media = firstMedia(dir)
      const bytes = readFileSync(media)
      bytes[0] ^= 0xff
      writeFileSync(media, bytes)
      changed = path.relative(dir, media)
    })
    await expectRefused(file, new RegExp(`${changed}: SHA-256 khác với manifest`))
  })

  it('a file missing from the archive', async () => {
    let missing = ''
    const file = await repacked((dir) => {
      const media = firstMedia(dir)
      missing = path.relative(dir, media)
      unlinkSync(media)
    })
    await expectRefused(file, new RegExp(`thiếu tệp ${missing}`))
  })

  it("another school's manifest", async () => {
    const other = temporary('school-other-')
    const db = new Database(path.join(other, 'school.db'))
    db.exec('CREATE TABLE school_profile (id INTEGER PRIMARY KEY, name TEXT NOT NULL)')
    db.exec("INSERT INTO school_profile (name) VALUES ('Trường Tiểu học Khác')")
    db.close()
    const { file: otherArchive } = await backup({ dataDir: other, env: { PAYLOAD_SECRET: 'x' } })
    const otherManifest = temporary('school-other-manifest-')
    await tar.extract({
      file: otherArchive,
      cwd: otherManifest,
      filter: (p) => p === 'manifest.json',
    })
    const file = await repacked((dir) =>
      cpSync(path.join(otherManifest, 'manifest.json'), path.join(dir, 'manifest.json')),
    )
    await expectRefused(file, /không khớp với manifest.*database\/school\.db/)
  })

  it('an archive that is no backup of this system', async () => {
    const file = await repacked((dir) => unlinkSync(path.join(dir, 'manifest.json')))
    await expectRefused(file, /không có manifest\.json/)
  })

  it('a good archive while the CMS runs on the data folder', async () => {
    await expectRefused(goodArchive, /CMS đang chạy trên thư mục dữ liệu này/)
  })
})

/** HH:mm in Vietnam, `minutes` from now. */
function vietnamTime(minutesFromNow: number): string {
  const local = new Date(Date.now() + 7 * 3600_000 + minutesFromNow * 60_000)
  return local.toISOString().slice(11, 16)
}

describe('a full disk during the nightly backup', () => {
  it('fails the backup with a clear message, on the dashboard too, and the CMS serves on', async (context) => {
    if (process.getuid?.() !== 0) {
      context.skip('needs root to mount a small tmpfs as the backup folder')
      return
    }
    // A backup folder on a small disk that is nearly full.
    const small = temporary('school-small-disk-')
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', small])
    mounts.push(small)
    writeFileSync(path.join(small, 'other-files.bin'), randomBytes(3 * 1024 * 1024))

    const fullDir = await demoSchool(PORT)
    folders.push(fullDir)
    const cms = await startProduct({
      dataDir: fullDir,
      port: PORT + 2,
      env: { BACKUP_DIR: small, BACKUP_CHECK_INTERVAL_MS: '1000' },
    })
    running.push(cms)
    const webAdmin = await login(cms.cmsURL, 'web_admin')
    // The next minute, Vietnam time (past midnight, today's time would already be gone).
    if (vietnamTime(1) < vietnamTime(0)) await new Promise((resolve) => setTimeout(resolve, 61_000))
    const saved = await fetch(`${cms.cmsURL}/api/globals/backup-settings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: webAdmin },
      body: JSON.stringify({ enabled: true, time: vietnamTime(1), keep: 3 }),
    })
    expect(saved.status).toBe(200)

    const readStatus = async () =>
      (await (
        await fetch(`${cms.cmsURL}/api/globals/backup-status`, {
          headers: { Authorization: webAdmin },
        })
      ).json()) as { state?: string; lastFailureMessage?: string }
    const status = await waitUntil(
      'the nightly backup to fail',
      async () => {
        const current = await readStatus()
        return current.state === 'failed' ? current : null
      },
      150_000,
    )
    expect(status.lastFailureMessage).toMatch(/^Hết dung lượng đĩa ở /)
    expect(readdirSync(small)).toEqual(['other-files.bin'])

    // The CMS serves on, and the web admin's dashboard says the backup failed and why.
    expect((await fetch(`${cms.cmsURL}/api/globals/school-profile`)).status).toBe(200)
    const dashboard = await fetch(`${cms.cmsURL}/admin`, { headers: { Authorization: webAdmin } })
    const html = await dashboard.text()
    expect(html).toContain('data-backup-notice="warning"')
    expect(html).toContain('Hết dung lượng đĩa')
    // A clerk is not shown the school's backups.
    const clerk = await login(cms.cmsURL, 'clerk')
    const clerkPage = await fetch(`${cms.cmsURL}/admin`, { headers: { Authorization: clerk } })
    expect(await clerkPage.text()).not.toContain('data-backup-notice')
  })
})

describe('the CMS killed during its nightly backup', () => {
  it('stops the backup with it; the last good one stays, the next start says so', async () => {
    const folder = await demoSchool(PORT)
    folders.push(folder)
    const backups = path.join(folder, 'backups')
    const first = await runScript('backup', [], { SCHOOL_DATA_DIR: folder })
    expect(first.code, first.output).toBe(0)
    const [good] = archivesIn(backups)

    const big = path.join(folder, 'media', 'van-nghe.mp4')
    writeFileSync(big, randomBytes(150 * 1024 * 1024))
    const cms = await startProduct({
      dataDir: folder,
      port: PORT + 3,
      env: { BACKUP_CHECK_INTERVAL_MS: '1000' },
    })
    running.push(cms)
    const webAdmin = await login(cms.cmsURL, 'web_admin')
    if (vietnamTime(1) < vietnamTime(0)) await new Promise((resolve) => setTimeout(resolve, 61_000))
    const saved = await fetch(`${cms.cmsURL}/api/globals/backup-settings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: webAdmin },
      body: JSON.stringify({ enabled: true, time: vietnamTime(1), keep: 3 }),
    })
    expect(saved.status).toBe(200)
    await waitUntil(
      'the nightly archive being written',
      () =>
        readdirSync(backups)
          .filter((name) => name.startsWith('.partial-'))
          .some((name) => {
            const file = path.join(backups, name, 'archive.tar.gz')
            return existsSync(file) && statSync(file).size > 1024 * 1024
          }),
      150_000,
    )
    const backupPid = Number(readFileSync(path.join(backups, '.backup-running'), 'utf8'))
    await cms.kill()
    running.splice(running.indexOf(cms), 1)
    const alive = () => {
      try {
        process.kill(backupPid, 0)
        return true
      } catch {
        return false
      }
    }
    await waitUntil('the backup to stop with the CMS', () => !alive(), 10_000)
    expect(archivesIn(backups)).toEqual([good])
    await verifyArchive(good)

    unlinkSync(big)
    const again = await startProduct({ dataDir: folder, port: PORT + 4 })
    running.push(again)
    const status = await (
      await fetch(`${again.cmsURL}/api/globals/backup-status`, {
        headers: { Authorization: await login(again.cmsURL, 'web_admin') },
      })
    ).json()
    expect(status.state).toBe('failed')
    expect(status.lastFailureMessage).toContain('CMS dừng khi đang sao lưu')
    const next = await runScript('backup', [], { SCHOOL_DATA_DIR: folder })
    expect(next.code, next.output).toBe(0)
    expect(archivesIn(backups)).toHaveLength(2)
    expect(readdirSync(backups).filter((name) => name.startsWith('.partial-'))).toEqual([])
  })
})
