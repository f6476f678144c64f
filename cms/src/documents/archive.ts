/**
 * The school's electronic archive (Điều 13.2, 14.2; Điều 13.1 for the signed summaries).
 *
 * At the end of a year the IT teacher sends the year's final documents: the entry is created at
 * once (status `preparing`, progress 0/N classes) and the files are made in the background, ONE
 * CLASS AT A TIME, each class's files written to disk before the next class is made, so memory
 * stays flat however large the school. Then the entry is `sent`, and the clerk receives it once.
 * Each file's SHA-256 and size are kept when it is filed (collections/documents/ArchiveFiles);
 * `verifyEntry` recomputes them from disk. Every write here runs under the `archiving` flag,
 * which the policy trusts only for the archive's own collections and the records it seals.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import path from 'node:path'
import type { ArchiveFileState, Period } from '@school/shared'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { classById } from '../assessment/catalogue'
import { yearApproved } from '../assessment/locks'
import { UserFacingError, userError } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import type { ArchiveEntry, ArchiveFile, User } from '../payload-types'
import { yearEndProducer, type ArchiveClass, type ArchiveProducer } from './archive-producers'
import { signingStatus } from './transcript-signing'
import { asUser } from '../lib/as-user'

let producer: ArchiveProducer = yearEndProducer

/**
 * Puts another producer in place of the year-end one (tests, the benchmark); returns a function
 * that puts the previous one back.
 */
export function useArchiveProducer(next: ArchiveProducer): () => void {
  const previous = producer
  producer = next
  return () => {
    producer = previous
  }
}

/** The sends under way in this process, by entry id: what is not here is not running. */
const running = new Map<string, Promise<void>>()

let starting: Promise<unknown> = Promise.resolve()

/**
 * Runs the checks and the creation of a send one request at a time, so that two sends of the
 * same year at once cannot both find it unsent and both start.
 */
export function oneSendAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = starting.then(work)
  starting = run.catch(() => undefined)
  return run
}

/** Resolves when the entry's background work is over (at once when none runs). */
export function archiveSettled(entryId: number | string): Promise<void> {
  return running.get(String(entryId)) ?? Promise.resolve()
}

const CUT_SHORT = 'Việc gửi bị gián đoạn (máy chủ dừng giữa chừng); hãy gửi lại.'

/**
 * An entry left `preparing` by a server that stopped mid-send never finishes: it is marked
 * `failed` (at the server's start, and before each new send), so the IT teacher can send again.
 */
export async function failArchivesLeftPreparing(payload: Payload): Promise<void> {
  const runningIds = [...running.keys()]
  // The server's own bookkeeping at start or before a send: no user, no pupil data.
  await payload.update({
    collection: 'archive-entries',
    where: {
      and: [
        { status: { equals: 'preparing' } },
        ...(runningIds.length > 0 ? [{ id: { not_in: runningIds } }] : []),
      ],
    },
    data: { status: 'failed', failure: CUT_SHORT },
    depth: 0,
    overrideAccess: true,
  })
}

export interface NotFinalClass {
  id: number
  name: string
  reasons: string[]
}

/** The classes of a year, by name (names of classes are public: groups' `read` is anyone). */
export async function classesOfYear(req: PayloadRequest, schoolYear: string) {
  const { docs } = await req.payload.find({
    collection: 'groups',
    where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: schoolYear } }] },
    select: { name: true, grade: true, schoolYear: true },
    sort: 'name',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs.map((group): ArchiveClass => ({
    id: group.id,
    name: group.name,
    grade: group.grade ?? null,
    schoolYear,
  }))
}

/**
 * The classes whose documents are not final: the principal has not approved the year's results
 * (TT27 Điều 13; Điều 5.4), or has not signed the class's transcripts (học bạ số, the last step).
 */
export async function notFinalClasses(
  req: PayloadRequest,
  classes: ArchiveClass[],
): Promise<NotFinalClass[]> {
  const refused: NotFinalClass[] = []
  for (const schoolClass of classes) {
    const reasons: string[] = []
    if (!(await yearApproved(req, schoolClass.id, schoolClass.schoolYear))) {
      reasons.push('Hiệu trưởng chưa phê duyệt kết quả năm học')
    }
    // Signed, and the data unchanged since (a correction after signing opens a new round).
    // The sender reads the signing records and the data they cover under the archive's flag.
    const group = await classById(req, schoolClass.id)
    const signing = group
      ? await withFlag(req, 'archiving', () => signingStatus(req, group, schoolClass.schoolYear))
      : null
    if (signing?.state === 'changed') {
      reasons.push('Kết quả đã được điều chỉnh sau khi ký: cần xác nhận và ký lại học bạ')
    } else if (signing?.state !== 'signed') {
      reasons.push('Hiệu trưởng chưa ký học bạ')
    }
    if (reasons.length > 0) refused.push({ id: schoolClass.id, name: schoolClass.name, reasons })
  }
  return refused
}

/** The year's year-end entry that still stands (being made, sent or received), if any. */
export async function standingYearEndEntry(
  req: PayloadRequest,
  schoolYear: string,
): Promise<ArchiveEntry | null> {
  // Whether the year was already sent, asked by the archive itself: its bookkeeping, no pupil data.
  const { docs } = await req.payload.find({
    collection: 'archive-entries',
    where: {
      and: [
        { schoolYear: { equals: schoolYear } },
        { kind: { equals: 'year-end' } },
        { status: { in: ['preparing', 'sent', 'received'] } },
      ],
    },
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  return docs[0] ?? null
}

/**
 * Creates the year's entry (preparing, 0/N) and starts making its files in the background.
 * The caller has checked the policy, the year and that every class is final.
 */
export async function startYearEndSend(
  req: PayloadRequest,
  schoolYear: string,
  classes: ArchiveClass[],
): Promise<ArchiveEntry> {
  const user = req.user as User
  const entry = await withFlag(req, 'archiving', () =>
    req.payload.create({
      collection: 'archive-entries',
      data: {
        title: `Học bạ và bảng tổng hợp cuối năm học ${schoolYear}`,
        schoolYear,
        kind: 'year-end',
        status: 'preparing',
        progress: { done: 0, total: classes.length },
        files: [],
        sentBy: user.id,
        sentAt: new Date().toISOString(),
      },
      depth: 0,
      overrideAccess: false,
      user,
      req,
    }),
  )
  const work = sendInBackground(req.payload, user, entry.id, classes, producer)
  running.set(String(entry.id), work)
  void work.finally(() => running.delete(String(entry.id)))
  return entry
}

type EntryFile = NonNullable<ArchiveEntry['files']>[number]

/** Files one document under the archive's flag; the collection seals its checksum and size. */
export async function fileDocument(
  req: PayloadRequest,
  document: {
    filename: string
    kind: ArchiveFile['kind']
    body: Buffer
    contentType: string
    period?: Period | null
    classId?: number | null
    schoolYear: string
  },
): Promise<ArchiveFile> {
  return withFlag(req, 'archiving', () =>
    req.payload.create({
      collection: 'archive-files',
      data: {
        kind: document.kind,
        schoolYear: document.schoolYear,
        class: document.classId ?? null,
        period: document.period ?? null,
      },
      file: {
        data: document.body,
        mimetype: document.contentType,
        name: document.filename,
        size: document.body.length,
      },
      ...asUser(req),
    }),
  )
}

/** Moves the entry forward, under the flag; the policy refuses once it is received or failed. */
function updateEntry(req: PayloadRequest, id: number, data: Partial<ArchiveEntry>) {
  return withFlag(req, 'archiving', () =>
    req.payload.update({
      collection: 'archive-entries',
      id,
      data,
      ...asUser(req),
    }),
  )
}

async function sendInBackground(
  payload: Payload,
  user: User,
  entryId: number,
  classes: ArchiveClass[],
  produce: ArchiveProducer,
): Promise<void> {
  // The request that asked has been answered (202): the work has a request of its own, as the
  // same user, so everything it reads and writes is still asked of the policy as them.
  const req = await createLocalReq({ user: { ...user, collection: 'users' }, context: {} }, payload)
  const files: EntryFile[] = []
  let current: ArchiveClass | null = null
  try {
    for (const [at, schoolClass] of classes.entries()) {
      current = schoolClass
      const documents = await withFlag(req, 'archiving', () => produce(req, schoolClass))
      for (const document of documents) {
        const filed = await fileDocument(req, {
          ...document,
          classId: schoolClass.id,
          schoolYear: schoolClass.schoolYear,
        })
        files.push({
          file: filed.id,
          kind: document.kind,
          class: schoolClass.id,
          period: document.period ?? null,
        })
      }
      // The class's bytes are on disk and no longer held: only their ids travel on.
      await updateEntry(req, entryId, { files, progress: { done: at + 1, total: classes.length } })
    }
    await updateEntry(req, entryId, { status: 'sent', sentAt: new Date().toISOString() })
  } catch (error) {
    payload.logger.error({ err: error, msg: `Archive entry ${entryId} failed` })
    // A refusal meant for the user is told as it is; a fault's details stay in the server's log.
    const told = error instanceof UserFacingError ? ` ${error.message}` : ''
    const where = current ? ` của ${current.name}` : ''
    await updateEntry(req, entryId, {
      status: 'failed',
      failure:
        `Không tạo được tệp lưu trữ${where}.${told} Chi tiết trong nhật ký máy chủ; ` +
        'hãy báo người quản trị rồi gửi lại.',
    }).catch((failure: unknown) =>
      payload.logger.error({ err: failure, msg: `Archive entry ${entryId}: not marked failed` }),
    )
  }
}

const ALREADY_RECEIVED = {
  vi: 'Hồ sơ này không ở trạng thái "đã gửi": chỉ nhận được một lần, khi đã gửi xong.',
  en: 'This entry is not awaiting receipt: it is received once, after it was sent.',
}

/**
 * The clerk receives a sent entry, once: one conditional write (`sent` → `received`), so two
 * clerks at once cannot both receive it, and nothing else of the entry changes.
 */
export async function receiveEntry(req: PayloadRequest, entry: ArchiveEntry): Promise<void> {
  if (entry.status !== 'sent') throw userError(req, 409, ALREADY_RECEIVED)
  const updated = await req.payload.db.updateOne({
    collection: 'archive-entries',
    where: { and: [{ id: { equals: entry.id } }, { status: { equals: 'sent' } }] },
    data: {
      status: 'received',
      receivedBy: (req.user as User).id,
      receivedAt: new Date().toISOString(),
    },
    options: { atomic: true },
    req,
  })
  if (!updated) throw userError(req, 409, ALREADY_RECEIVED)
}

export interface VerifiedFile {
  id: number
  filename: string
  state: ArchiveFileState
  expected: string
  actual: string | null
}

function sha256OfFile(file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ENOENT' ? resolve(null) : reject(error),
      )
  })
}

/** Recomputes each file's SHA-256 from the disk, a file at a time, against the one kept. */
export async function verifyFiles(payload: Payload, files: ArchiveFile[]): Promise<VerifiedFile[]> {
  const directory = payload.collections['archive-files'].config.upload.staticDir as string
  const verified: VerifiedFile[] = []
  for (const file of files) {
    const name = file.filename ?? ''
    const location = path.resolve(directory, name)
    const inside = name !== '' && location.startsWith(path.resolve(directory) + path.sep)
    const actual = inside ? await sha256OfFile(location) : null
    const expected = file.sha256 ?? ''
    const state: ArchiveFileState =
      actual === null ? 'missing' : actual === expected ? 'ok' : 'changed'
    verified.push({ id: file.id, filename: name, state, expected, actual })
  }
  return verified
}
