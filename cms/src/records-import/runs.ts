/**
 * The import's run record. Without transactions (SQLite, see db.ts) a stop of the server in the
 * middle of an import leaves part of the file written. Each row is matched by its stable key
 * (a class's name and year, a staff e-mail, a pupil's code, an assignment's class, subject and
 * year) and pupil codes are unique in the database, so importing the same file again writes what
 * is missing and nothing twice. What was missing is that anybody knew: the IT teacher's browser
 * only lost its connection. The run is recorded as "applying" before the first write; the next
 * start marks a run left so as interrupted, and the import page tells the importer to run the
 * same file again. Kept in Payload's key-value store (server-only, `payload-kv` in policy.ts).
 */
import type { Payload, PayloadRequest } from 'payload'
import { formatDateTimeVi } from '@school/shared'

const LAST_RUN = 'records-import:last-run'

export interface ImportRun {
  status: 'applying' | 'done' | 'failed' | 'interrupted'
  startedAt: string
  endedAt?: string
  /** The importer's account. */
  by: number | string
  total: number
  /** Rows written or matched when last recorded (every few rows). */
  done: number
}

export async function lastImportRun(payload: Payload): Promise<ImportRun | null> {
  return payload.kv.get<ImportRun>(LAST_RUN)
}

async function save(payload: Payload, run: ImportRun) {
  await payload.kv.set(LAST_RUN, run)
}

/** Records the run before its first write; `progress` and `end` follow it. */
export async function beginImportRun(req: PayloadRequest, total: number) {
  const { payload } = req
  const previous = await lastImportRun(payload)
  const run: ImportRun = {
    status: 'applying',
    startedAt: new Date().toISOString(),
    by: req.user!.id,
    total,
    done: 0,
  }
  await save(payload, run)
  return {
    /** The run before this one, when it was cut short: this one finishes its work. */
    resumes: previous?.status === 'interrupted' ? previous : null,
    progress: async (done: number) => save(payload, { ...run, done }),
    end: async (status: 'done' | 'failed', done: number) =>
      save(payload, { ...run, status, done, endedAt: new Date().toISOString() }),
  }
}

/**
 * At start: a run still "applying" was cut short by the stop of the server (one process runs the
 * imports; the start comes before any request). The model is failArchivesLeftPreparing.
 */
export async function markImportLeftApplying(payload: Payload): Promise<void> {
  const run = await lastImportRun(payload)
  if (run?.status !== 'applying') return
  await save(payload, { ...run, status: 'interrupted', endedAt: new Date().toISOString() })
  payload.logger.warn(
    `The records import started at ${run.startedAt} was cut short after ${run.done}/${run.total} ` +
      'rows: the importer is asked to import the same file again',
  )
}

/** What the import page says of a run cut short. */
export function interruptedNotice(run: ImportRun): string {
  return (
    `Lần nhập dữ liệu lúc ${formatDateTimeVi(run.startedAt)} bị ngắt giữa chừng (máy chủ dừng) ` +
    `sau khoảng ${run.done}/${run.total} dòng. Hãy nhập lại đúng tệp đó: những gì đã nhập được ` +
    'nhận ra theo mã và không bị nhập trùng, phần còn lại sẽ được ghi.'
  )
}

export const RESUMED_NOTICE = 'Lần nhập trước bị ngắt giữa chừng nay đã được hoàn tất.'
