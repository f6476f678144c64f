/**
 * Backups of one installation (Điều 8) and their restore. An archive is one .tar.gz holding:
 *
 *   manifest.json            what is inside: per-table row counts, per-part file counts, and the
 *                            size and SHA-256 of every other file of the archive
 *   database/school.db       a consistent copy taken while the CMS runs (SQLite's online backup
 *                            API, through better-sqlite3: a file copy of a live database can
 *                            catch a half-written page)
 *   media/…, archive/…       the uploaded files and the electronic archive of transcripts
 *   office/…                 the office's files (documents, test papers)
 *   secret/.payload-secret   the secret, when it comes from the data folder's file
 *   certificate/<file>       the signing certificate, when it lives inside the data folder
 *
 * The archive is written under a temporary name, read back and checked against its manifest,
 * and only then renamed: a backup killed halfway never looks like a good one.
 *
 * Used by `npm run backup` / `npm run restore` (scripts/backup.mjs, scripts/restore.mjs), by the
 * CMS's nightly backup (which runs scripts/backup.mjs as a child process), and by the update.
 */
import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

import Database from 'better-sqlite3'
import * as tar from 'tar'

export const MANIFEST_FORMAT = 'giathuong-backup'
export const MANIFEST_VERSION = 1
export const ARCHIVE_PATTERN = /^giathuong-\d{4}-\d{2}-\d{2}T\d{6}Z\.tar\.gz$/
export const DEFAULT_KEEP = 14
const DATABASE_ENTRY = 'database/school.db'
const RUNNING_FILE = '.backup-running'

/** A backup or restore that cannot go on: the message (Vietnamese first) is for the IT teacher. */
export class BackupError extends Error {
  constructor(message, options) {
    super(message, options)
    this.name = 'BackupError'
  }
}

/** Where an installation keeps each part, from the same settings as the product (env.mjs). */
export function backupLayout(dataDir, env) {
  const databaseURL = env.DATABASE_URL || `file:${path.join(dataDir, 'school.db')}`
  const certificate = env.SIGNING_CERTIFICATE_FILE?.trim() || ''
  return {
    dataDir,
    databaseURL,
    databaseFile: databaseURL.startsWith('file:')
      ? path.resolve(dataDir, databaseURL.slice('file:'.length))
      : null,
    mediaDir: path.resolve(env.MEDIA_DIR || path.join(dataDir, 'media')),
    archiveDir: path.resolve(env.ARCHIVE_DIR || path.join(dataDir, 'archive')),
    officeDir: path.resolve(env.OFFICE_DIR || path.join(dataDir, 'office')),
    backupDir: path.resolve(env.BACKUP_DIR || path.join(dataDir, 'backups')),
    secretFile: path.join(dataDir, '.payload-secret'),
    // Only a certificate kept in the data folder is part of the installation's data; one kept
    // elsewhere (a token, /etc/…) is the admin's to keep.
    certificateFile:
      certificate && isInside(dataDir, path.resolve(dataDir, certificate))
        ? path.resolve(dataDir, certificate)
        : null,
  }
}

function isInside(parent, child) {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

function refuseMongo(databaseURL) {
  if (databaseURL.startsWith('mongodb://') || databaseURL.startsWith('mongodb+srv://'))
    throw new BackupError(
      'Cơ sở dữ liệu là MongoDB (DATABASE_URL=mongodb://…): npm run backup chỉ sao lưu SQLite. ' +
        'Hãy sao lưu bằng công cụ của MongoDB: mongodump --uri="$DATABASE_URL" --archive=… ' +
        '--gzip, kèm thư mục media và archive (xem README, mục "Sao lưu và khôi phục"). / ' +
        'The database is MongoDB: back it up with mongodump (see the README).',
    )
}

/** The message for a disk that filled up, or the error's own. */
function explain(error, where) {
  const code = error?.code
  if (code === 'ENOSPC' || code === 'SQLITE_FULL' || code === 'EDQUOT')
    return new BackupError(
      `Hết dung lượng đĩa ở ${where}: bản sao lưu chưa được ghi (các bản sao lưu cũ còn ` +
        'nguyên). Hãy giải phóng chỗ trống hoặc đặt BACKUP_DIR sang ổ khác. / The disk is full.',
      { cause: error },
    )
  if (error instanceof BackupError) return error
  return new BackupError(`Sao lưu thất bại: ${error?.message ?? error}`, { cause: error })
}

const stamp = (date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
/** giathuong-2026-12-01T030000Z.tar.gz (UTC, so names sort in time order on any server). */
export function archiveName(date = new Date()) {
  const iso = date.toISOString()
  return `giathuong-${iso.slice(0, 10)}T${stamp(date).slice(9)}.tar.gz`
}

async function sha256(file) {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk)
  return hash.digest('hex')
}

async function listFiles(root) {
  if (!existsSync(root)) return []
  const found = []
  for (const entry of await fs.readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const parent = entry.parentPath ?? entry.path
    found.push(path.relative(root, path.join(parent, entry.name)).split(path.sep).join('/'))
  }
  return found.sort()
}

/** Row counts of every table of a SQLite file. */
export function tableCounts(databaseFile) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name)
    return Object.fromEntries(
      tables.map((name) => [
        name,
        db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get().n,
      ]),
    )
  } finally {
    db.close()
  }
}

function schoolName(databaseFile) {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true })
  try {
    return db.prepare('SELECT name FROM school_profile LIMIT 1').get()?.name ?? null
  } catch {
    return null
  } finally {
    db.close()
  }
}

function processAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === 'EPERM'
  }
}

/** One backup at a time per folder: a second one is refused while the first one's process lives. */
async function holdRunningMark(backupDir) {
  const mark = path.join(backupDir, RUNNING_FILE)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(mark, String(process.pid), { flag: 'wx' })
      return () => fs.rm(mark, { force: true })
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      const pid = Number(readFileSync(mark, 'utf8'))
      if (pid && pid !== process.pid && processAlive(pid))
        throw new BackupError(
          `Một bản sao lưu khác đang chạy (tiến trình ${pid}). Hãy đợi nó xong. / ` +
            'Another backup is running.',
        )
      // Left by a backup that was killed: its half archive is removed below.
      await fs.rm(mark, { force: true })
    }
  }
  throw new BackupError('Không giữ được dấu "đang sao lưu" trong thư mục sao lưu.')
}

/** Removes what killed backups left (half archives, staging folders); never a finished archive. */
async function removeLeftovers(backupDir) {
  for (const name of await fs.readdir(backupDir)) {
    if (name.startsWith('.partial-'))
      await fs.rm(path.join(backupDir, name), { recursive: true, force: true })
  }
}

/** The finished archives of a folder, newest first. */
export async function listBackups(backupDir) {
  if (!existsSync(backupDir)) return []
  return (await fs.readdir(backupDir))
    .filter((name) => ARCHIVE_PATTERN.test(name))
    .sort()
    .reverse()
    .map((name) => path.join(backupDir, name))
}

/**
 * Writes one archive of the installation in `dataDir` and returns its path and manifest.
 * `env` holds the product's settings (productEnv().env); `keep` archives stay, older ones go.
 */
export async function backup(options = {}) {
  try {
    return await writeBackup(options)
  } catch (error) {
    throw explain(error, backupLayout(path.resolve(options.dataDir), options.env ?? {}).backupDir)
  }
}

async function writeBackup({ dataDir, env = process.env, reason = 'manual', keep, now }) {
  const layout = backupLayout(path.resolve(dataDir), env)
  refuseMongo(layout.databaseURL)
  if (!layout.databaseFile || !existsSync(layout.databaseFile))
    throw new BackupError(
      `Không thấy cơ sở dữ liệu ${layout.databaseFile ?? layout.databaseURL}: chưa có gì để ` +
        'sao lưu (CMS đã chạy lần nào trên thư mục dữ liệu này chưa?).',
    )
  const keepCount = Math.max(1, Number(keep ?? env.BACKUP_KEEP ?? DEFAULT_KEEP) || DEFAULT_KEEP)
  const backupDir = layout.backupDir
  // Pupils' records: the archives are for the school's admin alone.
  await fs.mkdir(backupDir, { recursive: true, mode: 0o700 })
  const release = await holdRunningMark(backupDir)
  const startedAt = now ?? new Date()
  const staging = path.join(backupDir, `.partial-${stamp(startedAt)}-${process.pid}`)
  try {
    await removeLeftovers(backupDir)
    await fs.mkdir(path.join(staging, 'database'), { recursive: true })
    const databaseCopy = path.join(staging, DATABASE_ENTRY)
    try {
      const source = new Database(layout.databaseFile, {
        readonly: true,
        fileMustExist: true,
        timeout: 10_000,
      })
      try {
        await source.backup(databaseCopy)
      } finally {
        source.close()
      }
    } catch (error) {
      throw explain(error, backupDir)
    }

    // The other parts go in through links in the staging folder, read where they are.
    const entries = [DATABASE_ENTRY]
    const parts = {}
    const add = async (part, dir) => {
      const files = await listFiles(dir)
      if (files.length === 0) return
      await fs.symlink(dir, path.join(staging, part), 'dir')
      entries.push(...files.map((file) => `${part}/${file}`))
      parts[part] = { files: files.length, bytes: 0, from: dir }
    }
    await add('media', layout.mediaDir)
    await add('archive', layout.archiveDir)
    await add('office', layout.officeDir)
    let secret = 'environment'
    // The secret is the installation's when it comes from the data folder's file (env.mjs); one
    // set in the environment is the admin's to keep (README).
    const secretFromFile =
      existsSync(layout.secretFile) &&
      (!env.PAYLOAD_SECRET || readFileSync(layout.secretFile, 'utf8').trim() === env.PAYLOAD_SECRET)
    if (secretFromFile) {
      await fs.mkdir(path.join(staging, 'secret'))
      await fs.copyFile(layout.secretFile, path.join(staging, 'secret', '.payload-secret'))
      entries.push('secret/.payload-secret')
      secret = 'file'
    }
    let certificate = null
    if (layout.certificateFile && existsSync(layout.certificateFile)) {
      await fs.mkdir(path.join(staging, 'certificate'))
      const name = path.basename(layout.certificateFile)
      await fs.copyFile(layout.certificateFile, path.join(staging, 'certificate', name))
      entries.push(`certificate/${name}`)
      certificate = path.relative(layout.dataDir, layout.certificateFile).split(path.sep).join('/')
    }

    const files = []
    for (const entry of entries) {
      const full = path.join(staging, entry)
      const { size } = await fs.stat(full)
      files.push({ path: entry, size, sha256: await sha256(full) })
      const part = entry.split('/')[0]
      if (parts[part]) parts[part].bytes += size
    }
    const manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt: startedAt.toISOString(),
      reason,
      school: schoolName(databaseCopy),
      database: { kind: 'sqlite', file: DATABASE_ENTRY, tables: tableCounts(databaseCopy) },
      parts: Object.fromEntries(
        Object.entries(parts).map(([part, { files: count, bytes }]) => [
          part,
          { files: count, bytes },
        ]),
      ),
      secret,
      certificate,
      files,
    }
    await fs.writeFile(path.join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2))

    const finalFile = path.join(backupDir, archiveName(startedAt))
    const partialFile = path.join(staging, 'archive.tar.gz')
    try {
      await tar.create(
        { gzip: true, file: partialFile, cwd: staging, follow: true, portable: true, strict: true },
        ['manifest.json', ...entries],
      )
    } catch (error) {
      throw explain(error, backupDir)
    }
    // What was written is what the manifest says (a file changed while it was read shows here).
    await verifyArchive(partialFile)
    await fs.chmod(partialFile, 0o600)
    await fs.rename(partialFile, finalFile)
    await fs.rm(staging, { recursive: true, force: true })
    for (const old of (await listBackups(backupDir)).slice(keepCount)) await fs.rm(old)
    return { file: finalFile, size: (await fs.stat(finalFile)).size, manifest }
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => {})
    throw explain(error, backupDir)
  } finally {
    await release()
  }
}

/**
 * Reads a whole archive and checks it against its own manifest: readable, the format and version
 * this code knows, every file present with its size and SHA-256, nothing that the manifest does
 * not list. Throws a BackupError naming every problem; returns the manifest.
 */
export async function verifyArchive(file) {
  if (!existsSync(file)) throw new BackupError(`Không thấy tệp sao lưu ${file}.`)
  const seen = new Map()
  let manifestText = null
  const pending = []
  const hostile = []
  try {
    // tar reads the gzip stream to its end, so a changed byte anywhere fails its checksum.
    await tar.list({
      file,
      strict: true,
      onReadEntry: (entry) => {
        const refusal = refusedEntry(entry)
        if (refusal) hostile.push(refusal)
        const hash = createHash('sha256')
        const chunks = entry.path === 'manifest.json' ? [] : null
        let size = 0
        pending.push(
          new Promise((resolve, reject) => {
            entry.on('data', (chunk) => {
              hash.update(chunk)
              size += chunk.length
              chunks?.push(chunk)
            })
            entry.on('end', () => {
              if (chunks) manifestText = Buffer.concat(chunks).toString('utf8')
              else if (entry.type === 'File')
                seen.set(entry.path, { size, sha256: hash.digest('hex') })
              resolve()
            })
            entry.on('error', reject)
          }),
        )
      },
    })
    await Promise.all(pending)
  } catch (error) {
    throw new BackupError(
      `Tệp ${path.basename(file)} không đọc được như một tệp nén .tar.gz (hỏng hoặc bị cắt ` +
        `ngang): ${error.message}. Không khôi phục từ tệp này. / The archive is unreadable.`,
      { cause: error },
    )
  }
  if (hostile.length > 0)
    throw new BackupError(
      `Tệp ${path.basename(file)} chứa mục mà bản sao lưu của hệ thống này không bao giờ có, ` +
        `không khôi phục: ${hostile.slice(0, 5).join('; ')}. / The archive holds entries a ` +
        'backup never writes (links, devices, special modes, paths outside its parts).',
    )
  if (manifestText === null)
    throw new BackupError(
      `Tệp ${path.basename(file)} không có manifest.json: đây không phải bản sao lưu của ` +
        'hệ thống này, hoặc bản sao lưu chưa được ghi xong.',
    )
  let manifest
  try {
    manifest = JSON.parse(manifestText)
  } catch {
    throw new BackupError('manifest.json của bản sao lưu bị hỏng (không phải JSON hợp lệ).')
  }
  if (manifest?.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files))
    throw new BackupError(
      `manifest.json không phải định dạng ${MANIFEST_FORMAT}: đây không phải bản sao lưu ` +
        'của hệ thống này.',
    )
  if (manifest.version !== MANIFEST_VERSION)
    throw new BackupError(
      `Bản sao lưu theo định dạng phiên bản ${manifest.version}, phiên bản này chỉ đọc ` +
        `phiên bản ${MANIFEST_VERSION}.`,
    )
  const problems = []
  const listed = new Set()
  for (const expected of manifest.files) {
    listed.add(expected.path)
    const actual = seen.get(expected.path)
    if (!actual) problems.push(`thiếu tệp ${expected.path}`)
    else if (actual.size !== expected.size)
      problems.push(
        `${expected.path}: kích thước ${actual.size} byte, manifest ghi ${expected.size}`,
      )
    else if (actual.sha256 !== expected.sha256)
      problems.push(`${expected.path}: SHA-256 khác với manifest (nội dung đã bị thay đổi)`)
  }
  for (const extra of seen.keys())
    if (!listed.has(extra)) problems.push(`tệp ${extra} không có trong manifest`)
  if (!listed.has(manifest.database?.file ?? DATABASE_ENTRY))
    problems.push('manifest không ghi tệp cơ sở dữ liệu')
  const certificateProblem = certificatePathProblem(manifest.certificate)
  if (certificateProblem) problems.push(certificateProblem)
  if (problems.length > 0)
    throw new BackupError(
      `Bản sao lưu ${path.basename(file)} không khớp với manifest của nó, không khôi phục: ` +
        `${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; và ${problems.length - 10} lỗi khác` : ''}.`,
    )
  return manifest
}

/** The folders an archive's files live under (writeBackup), and its two single files. */
const ARCHIVE_PARTS = ['database', 'media', 'archive', 'office', 'secret', 'certificate']

/**
 * Why an archive's entry is one a backup never writes, or null. A backup holds regular files
 * and their folders only (tar follows the staging folder's links), under its parts, with plain
 * permissions: a link, a device, a setuid file or a path that climbs out is a hostile archive's,
 * and a restore run as root (update.sh's rollback) would put it in the data folder as root's.
 */
function refusedEntry(entry) {
  const name = String(entry.path)
  if (entry.type !== 'File' && entry.type !== 'Directory')
    return `${name}: loại ${entry.type} (chỉ có tệp và thư mục)`
  if (path.posix.isAbsolute(name) || name.split('/').includes('..') || name.includes('\\'))
    return `${name}: đường dẫn ra ngoài bản sao lưu`
  const top = name.split('/')[0]
  if (name !== 'manifest.json' && !ARCHIVE_PARTS.includes(top))
    return `${name}: không thuộc phần nào của bản sao lưu`
  if (typeof entry.mode === 'number' && (entry.mode & 0o7000) !== 0)
    return `${name}: quyền đặc biệt ${(entry.mode & 0o7777).toString(8)} (setuid, setgid, sticky)`
  return null
}

/**
 * Why the manifest's certificate path may not be restored, or null. The restore writes the
 * certificate where the manifest says it was: only a plain place inside the data folder, as the
 * backup records it (backupLayout), never one of the installation's own files or folders.
 */
function certificatePathProblem(certificate) {
  if (certificate === null || certificate === undefined) return null
  const reserved = [
    'school.db',
    '.payload-secret',
    CMS_PID_FILE,
    'media',
    'archive',
    'office',
    'backups',
    'site',
    'site-builds',
    'site-builds-cache',
  ]
  const parts = typeof certificate === 'string' ? certificate.split('/') : []
  if (
    parts.length === 0 ||
    path.posix.isAbsolute(certificate) ||
    certificate.includes('\\') ||
    parts.some((part) => part === '' || part === '.' || part === '..') ||
    reserved.includes(parts[0]) ||
    parts[0].startsWith('school.db') ||
    parts[0].startsWith('before-restore-') ||
    parts[0].startsWith('.restore-')
  )
    return (
      `chứng thư số ghi đường dẫn không hợp lệ ${JSON.stringify(certificate)} ` +
      '(phải nằm trong thư mục dữ liệu)'
    )
  return null
}

/** The processes (Linux: /proc) that hold `file` open, e.g. a CMS running on that database. */
function processesHolding(file) {
  if (!existsSync('/proc/self/fd')) return []
  const holders = []
  const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name))
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue
    let fds
    try {
      fds = readdirSync(`/proc/${pid}/fd`)
    } catch {
      continue // gone, or another user's process
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === file) {
          holders.push(Number(pid))
          break
        }
      } catch {
        // The descriptor closed meanwhile.
      }
    }
  }
  return holders
}

/** The file the CMS writes at start (cms/src/backup/running-mark.ts), read by the restore. */
export const CMS_PID_FILE = 'cms.pid'

/**
 * Is a CMS running on this installation? Two signs, either one refuses a restore: the pid file
 * the CMS writes when it starts (and removes when it stops) names a live process, or a process
 * holds the database file open (Linux). A pid file left by a killed CMS names a dead process.
 */
export function runningCms(layout) {
  const pidFile = path.join(layout.dataDir, CMS_PID_FILE)
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
    if (pid && pid !== process.pid && processAlive(pid)) return pid
  }
  if (layout.databaseFile && existsSync(layout.databaseFile)) {
    const [holder] = processesHolding(layout.databaseFile)
    if (holder) return holder
  }
  return null
}

/** The data folder's owner, for tar when the restore runs as root; nothing otherwise. */
function ownerOf(dataDir) {
  if (process.getuid?.() !== 0) return { preserveOwner: false }
  const { uid, gid } = statSync(dataDir)
  return { preserveOwner: false, uid, gid }
}

const timeStamp = (date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, '')

async function moveAside(from, to) {
  await fs.mkdir(path.dirname(to), { recursive: true })
  try {
    await fs.rename(from, to)
  } catch (error) {
    if (error.code !== 'EXDEV') throw error
    await fs.cp(from, to, { recursive: true, preserveTimestamps: true })
    await fs.rm(from, { recursive: true, force: true })
  }
}

/**
 * Restores `archive` into the stopped installation in `dataDir`. Checks the archive first; then
 * moves whatever would be overwritten to `<data>/before-restore-<time>/` and puts the archive's
 * parts in place. The website is rebuilt by the CMS at its next start.
 */
export async function restore({ archive, dataDir, env = process.env, now = new Date() }) {
  const layout = backupLayout(path.resolve(dataDir), env)
  refuseMongo(layout.databaseURL)
  const manifest = await verifyArchive(archive)
  const running = runningCms(layout)
  if (running)
    throw new BackupError(
      `CMS đang chạy trên thư mục dữ liệu này (tiến trình ${running}): hãy dừng nó trước ` +
        '(systemctl stop giathuong hoặc Ctrl+C), rồi khôi phục. / Stop the CMS first.',
    )
  const staging = path.join(layout.dataDir, `.restore-${timeStamp(now)}`)
  await fs.rm(staging, { recursive: true, force: true })
  // The archive's files, and below what they replace, are pupils' records and the secret: the
  // data folder is open to nginx's group (README), these two folders are the owner's only.
  await fs.mkdir(staging, { recursive: true, mode: 0o700 })
  try {
    await tar.extract({
      file: archive,
      cwd: staging,
      strict: true,
      preservePaths: false,
      // What is restored is the installation's: its owner's (a restore run as root, as
      // update.sh's rollback is, gives nothing to root or to the archive's owner numbers), and
      // readable by that owner only, as the CMS keeps it (serve.mjs: umask 027, backups 0600).
      ...ownerOf(layout.dataDir),
      dmode: 0o700,
      fmode: 0o600,
      filter: (_name, entry) => {
        entry.mode = entry.type === 'Directory' ? 0o700 : 0o600
        return true
      },
    })
    // The database itself must open and hold what the manifest counted.
    const counts = tableCounts(path.join(staging, DATABASE_ENTRY))
    const differing = Object.entries(manifest.database.tables).filter(
      ([table, rows]) => counts[table] !== rows,
    )
    if (differing.length > 0)
      throw new BackupError(
        `Cơ sở dữ liệu trong bản sao lưu không khớp số dòng của manifest: ${differing
          .map(([table]) => table)
          .join(', ')}.`,
      )
    const targets = [
      { from: DATABASE_ENTRY, to: layout.databaseFile },
      { from: 'media', to: layout.mediaDir },
      { from: 'archive', to: layout.archiveDir },
      { from: 'office', to: layout.officeDir },
    ]
    if (manifest.secret === 'file')
      targets.push({ from: 'secret/.payload-secret', to: layout.secretFile })
    if (manifest.certificate)
      targets.push({
        from: `certificate/${path.basename(manifest.certificate)}`,
        to: path.resolve(layout.dataDir, manifest.certificate),
      })
    // The database's journal belongs with the file it is moved with.
    const aside = [
      ...targets.map(({ to }) => to),
      `${layout.databaseFile}-journal`,
      `${layout.databaseFile}-wal`,
      `${layout.databaseFile}-shm`,
    ].filter((target) => existsSync(target))
    const beforeRestore = path.join(layout.dataDir, `before-restore-${timeStamp(now)}`)
    if (aside.length > 0) await fs.mkdir(beforeRestore, { recursive: true, mode: 0o700 })
    for (const target of aside) {
      const relative = isInside(layout.dataDir, target)
        ? path.relative(layout.dataDir, target)
        : path.join('outside-data', target.replace(/[/\\:]/g, '_'))
      await moveAside(target, path.join(beforeRestore, relative))
    }
    for (const { from, to } of targets) {
      const source = path.join(staging, from)
      if (existsSync(source)) await moveAside(source, to)
      else if (['media', 'archive', 'office'].includes(from))
        await fs.mkdir(to, { recursive: true })
    }
    return { manifest, beforeRestore: aside.length > 0 ? beforeRestore : null }
  } finally {
    await fs.rm(staging, { recursive: true, force: true })
  }
}
