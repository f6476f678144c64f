/**
 * An attacker's review of issue 13's new surface. Each test is a hole found (it failed before
 * its fix) or a door tried and found shut.
 *
 * Restore of a hostile archive: `npm run restore` is run by the IT teacher, and as root by
 * update.sh's rollback, on an archive that may come from anywhere (a USB stick, another
 * machine). Its manifest is the archive's own word: checksums prove the files match it, not that
 * it is honest. These tests craft archives whose every file matches their manifest.
 *
 * Completing a guardian's request: what it does to the pupil's data happens only once the step
 * is saved.
 */
import { createHash } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import * as tar from 'tar'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { restore } from '../../scripts/lib/backup.mjs'
import {
  demoUsers,
  giveConsent,
  publishedPostNaming,
  pupilOf,
  restClients,
} from './support/data-rights'
import { useTestSchool } from './support/payload'

/** The restore's settings: none but the data folder, as a bare `npm run restore` has. */
const noSettings = {} as NodeJS.ProcessEnv

interface Crafted {
  /** Extra entries to put in the staging folder before it is packed (links, modes). */
  prepare?: (staging: string) => string[]
  certificate?: string | null
}

/** A folder with an archive made to pass every checksum, and a data folder to restore into. */
function craftArchive({ prepare, certificate = null }: Crafted) {
  const root = mkdtempSync(path.join(tmpdir(), 'hostile-restore-'))
  const staging = path.join(root, 'staging')
  const dataDir = path.join(root, 'data')
  const outside = path.join(root, 'outside')
  for (const dir of [path.join(staging, 'database'), dataDir, outside])
    mkdirSync(dir, { recursive: true })
  const db = new Database(path.join(staging, 'database/school.db'))
  db.exec("CREATE TABLE pupils (name TEXT); INSERT INTO pupils VALUES ('An')")
  db.close()
  const entries = ['database/school.db']
  if (certificate !== null) {
    mkdirSync(path.join(staging, 'certificate'))
    writeFileSync(path.join(staging, 'certificate', path.basename(certificate)), 'echo pwned\n')
    entries.push(`certificate/${path.basename(certificate)}`)
  }
  const extra = prepare?.(staging) ?? []
  // The manifest lists every regular file, as an honest backup's does: only the rule refuses.
  const regular = extra.filter((entry) => lstatSync(path.join(staging, entry)).isFile())
  const files = [...entries, ...regular].map((entry) => {
    const bytes = readFileSync(path.join(staging, entry))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    return { path: entry, size: bytes.length, sha256 }
  })
  const manifest = {
    format: 'giathuong-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: { kind: 'sqlite', file: 'database/school.db', tables: { pupils: 1 } },
    parts: {},
    secret: 'environment',
    certificate,
    files,
  }
  writeFileSync(path.join(staging, 'manifest.json'), JSON.stringify(manifest))
  const archive = path.join(root, 'giathuong-2026-12-01T000000Z.tar.gz')
  tar.create({ gzip: true, file: archive, cwd: staging, portable: true, sync: true }, [
    'manifest.json',
    ...entries,
    ...extra,
  ])
  return { root, archive, dataDir, outside }
}

/** Every path under a folder, links shown with their target. */
function listing(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true })
    .map(String)
    .sort()
    .map((name) => {
      const full = path.join(dir, name)
      return lstatSync(full).isSymbolicLink() ? `${name} -> ${readlinkSync(full)}` : name
    })
}

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (error) {
    return (error as Error).message
  }
  return 'restored'
}

describe('restore of a hostile archive', () => {
  it('refuses a manifest putting the certificate at an absolute path outside', async () => {
    const target = path.join(tmpdir(), `hostile-cron-${process.pid}`, 'giathuong-job')
    const { archive, dataDir } = craftArchive({ certificate: target })
    const message = await refusal(restore({ archive, dataDir, env: noSettings }))
    expect(message).toMatch(/chứng thư số ghi đường dẫn không hợp lệ/)
    expect(existsSync(target), 'a file written where the manifest said').toBe(false)
    expect(listing(dataDir)).toEqual([])
  })

  it('refuses a certificate path that climbs out or replaces an installation file', async () => {
    for (const certificate of ['../outside/evil.sh', 'school.db', 'media', 'site', 'a/../../x']) {
      const { archive, dataDir, outside } = craftArchive({ certificate })
      const message = await refusal(restore({ archive, dataDir, env: noSettings }))
      expect(message, certificate).toMatch(/chứng thư số ghi đường dẫn không hợp lệ/)
      expect(listing(outside), certificate).toEqual([])
      expect(listing(dataDir), certificate).toEqual([])
    }
  })

  it('still restores a certificate kept inside the data folder', async () => {
    const { archive, dataDir } = craftArchive({ certificate: 'signing/school.p12' })
    await restore({ archive, dataDir, env: noSettings })
    expect(readFileSync(path.join(dataDir, 'signing/school.p12'), 'utf8')).toBe('echo pwned\n')
  })

  it('refuses a symbolic link, even one pointing inside (media → the secret)', async () => {
    const { archive, dataDir } = craftArchive({
      prepare: (staging) => {
        mkdirSync(path.join(staging, 'media'))
        symlinkSync('../.payload-secret', path.join(staging, 'media/photo.png'))
        return ['media/photo.png']
      },
    })
    const message = await refusal(restore({ archive, dataDir, env: noSettings }))
    expect(message).toMatch(/media\/photo\.png: loại SymbolicLink/)
    expect(listing(dataDir)).toEqual([])
  })

  it('refuses a file with setuid or other special permission bits', async () => {
    const { archive, dataDir } = craftArchive({
      prepare: (staging) => {
        mkdirSync(path.join(staging, 'media'))
        const tool = path.join(staging, 'media/tool')
        writeFileSync(tool, '#!/bin/sh\nid\n')
        chmodSync(tool, 0o4755)
        return ['media/tool']
      },
    })
    const message = await refusal(restore({ archive, dataDir, env: noSettings }))
    expect(message).toMatch(/media\/tool: quyền đặc biệt 4755/)
    expect(listing(dataDir)).toEqual([])
  })

  // Hardening (no hole before: the restore moved only its parts and dropped the rest).
  it('refuses an entry outside the parts of a backup', async () => {
    const { archive, dataDir } = craftArchive({
      prepare: (staging) => {
        writeFileSync(path.join(staging, 'cms.pid'), '1')
        return ['cms.pid']
      },
    })
    const message = await refusal(restore({ archive, dataDir, env: noSettings }))
    expect(message).toMatch(/cms\.pid: không thuộc phần nào/)
  })

  it("gives what it restores to the data folder's owner, readable by that owner only", async () => {
    const honest = craftHonestMediaArchive()
    // As root (update.sh's rollback), the restored files must not stay root's or the archive's.
    const asRoot = process.getuid?.() === 0
    if (asRoot) chownSync(honest.dataDir, 4321, 4321)
    await restore({ archive: honest.archive, dataDir: honest.dataDir, env: noSettings })
    for (const name of ['school.db', 'media', 'media/open.png']) {
      const stat = statSync(path.join(honest.dataDir, name))
      expect(stat.mode & 0o777, name).toBe(stat.isDirectory() ? 0o700 : 0o600)
      if (asRoot) expect(stat.uid, name).toBe(4321)
    }
  })

  it('keeps what it replaced in a folder only its owner reads (not nginx)', async () => {
    const first = craftHonestMediaArchive()
    await restore({ archive: first.archive, dataDir: first.dataDir, env: noSettings })
    const { beforeRestore } = await restore({
      archive: first.archive,
      dataDir: first.dataDir,
      env: noSettings,
      now: new Date(Date.now() + 1000),
    })
    expect(beforeRestore).toBeTruthy()
    expect(statSync(beforeRestore!).mode & 0o777).toBe(0o700)
    expect(existsSync(path.join(beforeRestore!, 'school.db'))).toBe(true)
  })
})

/** An archive with one world-writable media file that its manifest lists. */
function craftHonestMediaArchive() {
  const root = mkdtempSync(path.join(tmpdir(), 'honest-restore-'))
  const staging = path.join(root, 'staging')
  const dataDir = path.join(root, 'data')
  mkdirSync(path.join(staging, 'database'), { recursive: true })
  mkdirSync(path.join(staging, 'media'))
  mkdirSync(dataDir)
  const db = new Database(path.join(staging, 'database/school.db'))
  db.exec('CREATE TABLE pupils (name TEXT)')
  db.close()
  chmodSync(path.join(staging, 'database/school.db'), 0o644)
  writeFileSync(path.join(staging, 'media/open.png'), 'png')
  chmodSync(path.join(staging, 'media/open.png'), 0o666)
  const entries = ['database/school.db', 'media/open.png']
  const files = entries.map((entry) => {
    const bytes = readFileSync(path.join(staging, entry))
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    return { path: entry, size: bytes.length, sha256 }
  })
  writeFileSync(
    path.join(staging, 'manifest.json'),
    JSON.stringify({
      format: 'giathuong-backup',
      version: 1,
      database: { kind: 'sqlite', file: 'database/school.db', tables: { pupils: 0 } },
      parts: { media: { files: 1, bytes: 3 } },
      secret: 'environment',
      certificate: null,
      files,
    }),
  )
  const archive = path.join(root, 'giathuong-2026-12-01T000000Z.tar.gz')
  tar.create({ gzip: true, file: archive, cwd: staging, portable: true, sync: true }, [
    'manifest.json',
    ...entries,
  ])
  return { archive, dataDir }
}

const school = useTestSchool()
const as = restClients()
let users: Record<string, User>

beforeAll(async () => {
  users = await demoUsers(school.payload)
})

/** A pupil of 3B who has left the school (an erasure is for a pupil who left). */
async function leaverOf3B(index: number) {
  const { payload } = school
  const leaver = await pupilOf(payload, 'Lớp 3B', index)
  await payload.update({
    collection: 'students',
    id: leaver.id,
    data: {
      enrollmentEvents: [
        ...(leaver.enrollmentEvents ?? []),
        { kind: 'transfer_out', date: '2026-11-20', reason: 'Chuyển nơi ở', school: 'TH Đông Hội' },
      ],
    },
    overrideAccess: false,
    user: users.principal,
  })
  return leaver
}

async function recordedRequest(pupil: number, kind: string) {
  const response = await (
    await as('clerk')
  ).post('/data-requests', {
    pupil,
    kind,
    guardianName: 'Phụ huynh',
    guardianContact: '0912345678',
    receivedOn: '2026-02-13T09:00:00+07:00',
    channel: 'paper',
    details: 'Yêu cầu của cha mẹ.',
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc.id as number
}

describe('completing a request does its work only once the step is saved', () => {
  it('an erasure whose save is refused (400) removes nothing; a valid one does', async () => {
    const { payload } = school
    const leaver = await leaverOf3B(6)
    const before = await payload.findByID({
      collection: 'students',
      id: leaver.id,
      overrideAccess: true,
    })
    expect(before.guardians?.[0]?.phone).toBeTruthy()
    const id = await recordedRequest(leaver.id, 'erasure')
    const principal = await as('principal')
    for (const bad of [{ guardianContact: '' }, { channel: 'carrier-pigeon' }]) {
      const refused = await principal.patch(`/data-requests/${id}`, { status: 'completed', ...bad })
      expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    }
    const untouched = await payload.findByID({
      collection: 'students',
      id: leaver.id,
      overrideAccess: true,
    })
    expect(untouched.guardians?.[0]?.phone).toBe(before.guardians?.[0]?.phone)
    expect(untouched.health).toEqual(before.health)
    const open = await payload.findByID({ collection: 'data-requests', id, overrideAccess: true })
    expect(open.status).toBe('received')

    const done = await principal.patch(`/data-requests/${id}`, { status: 'completed' })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    expect(done.body.doc.erasureReport).toContain('Được giữ lại')
    const stored = await payload.findByID({ collection: 'data-requests', id, overrideAccess: true })
    expect(stored.erasureReport).toContain('Đã xóa')
    const erased = await payload.findByID({
      collection: 'students',
      id: leaver.id,
      overrideAccess: true,
    })
    expect(erased.guardians?.every((guardian) => !guardian.phone)).toBe(true)
  })

  it('a withdrawal whose save is refused (400) leaves posts up and consent given', async () => {
    const { payload } = school
    const pupil = await pupilOf(payload, 'Lớp 3B', 7)
    await giveConsent(payload, users, pupil.id)
    const post = await publishedPostNaming(payload, users, [pupil.id])
    const id = await recordedRequest(pupil.id, 'withdraw_consent')
    const refused = await (
      await as('principal')
    ).patch(`/data-requests/${id}`, { status: 'completed', details: '' })
    expect(refused.status, JSON.stringify(refused.body)).toBe(400)
    const live = await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })
    expect(live._status).toBe('published')
    const record = await payload.findByID({
      collection: 'students',
      id: pupil.id,
      overrideAccess: true,
    })
    expect(record.consent?.guardian).toBe(true)
  })

  it("the import's proposals on the pupil: in the export, erased with the record", async () => {
    const { payload } = school
    const leaver = await leaverOf3B(9)
    // A proposal the start-of-year import filed (its own flag: made here as the server).
    const proposal = await payload.create({
      collection: 'import-proposals',
      data: {
        targetCollection: 'students',
        targetLabel: leaver.fullName,
        targetId: String(leaver.id),
        status: 'pending',
        changes: [
          {
            label: 'Người giám hộ',
            field: 'guardians',
            current: { value: leaver.guardians },
            proposed: {
              value: [{ name: 'Trần Văn Bố', relationship: 'father', phone: '0909 111 222' }],
            },
            currentText: '',
            proposedText: 'Trần Văn Bố (0909 111 222)',
          },
          {
            label: 'Nơi ở hiện nay',
            field: 'currentAddress',
            current: { value: leaver.currentAddress },
            proposed: { value: 'Số 7 ngõ Ẩn Danh' },
            currentText: '',
            proposedText: 'Số 7 ngõ Ẩn Danh',
          },
          {
            label: 'Mã học sinh',
            field: 'studentCode',
            current: { value: leaver.studentCode },
            proposed: { value: 'HS-KEPT' },
            currentText: '',
            proposedText: 'HS-KEPT',
          },
        ],
      },
      overrideAccess: true,
    })
    // The one-pupil export (a request to see) shows what the proposal holds: it is their data.
    const exported = await (
      await as('principal')
    ).raw('GET', `/data-rights/pupils/${leaver.id}/export`)
    expect(exported.status).toBe(200)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(await exported.arrayBuffer()) as never)
    const rows: string[] = []
    workbook.getWorksheet('Đề xuất khi nhập dữ liệu')?.eachRow((row) => {
      rows.push(JSON.stringify(row.values))
    })
    expect(rows.join('\n')).toContain('Số 7 ngõ Ẩn Danh')

    const id = await recordedRequest(leaver.id, 'erasure')
    const done = await (
      await as('principal')
    ).patch(`/data-requests/${id}`, { status: 'completed' })
    expect(done.status, JSON.stringify(done.body)).toBe(200)
    const after = await payload.findByID({
      collection: 'import-proposals',
      id: proposal.id,
      overrideAccess: true,
    })
    const stored = JSON.stringify(after)
    expect(stored).not.toContain('0909 111 222')
    expect(stored).not.toContain('Ẩn Danh')
    // What erasure keeps stays, and the waiting proposal can no longer be accepted.
    expect(stored).toContain('HS-KEPT')
    expect(after.status).toBe('rejected')
  })

  it('the clerk still cannot write the erasure report', async () => {
    const id = await recordedRequest((await pupilOf(school.payload, 'Lớp 3B', 8)).id, 'erasure')
    const forged = await (
      await as('clerk')
    ).patch(`/data-requests/${id}`, { erasureReport: 'Đã xóa hết.' })
    expect(forged.status).toBe(403)
  })
})
