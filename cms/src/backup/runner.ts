/**
 * The CMS's nightly backup (Điều 8). The CMS does not copy anything itself: at the set time it
 * runs `node scripts/backup.mjs` as a child process (as the site builder runs astro), one at a
 * time, and records the outcome in the `backup-status` global for the dashboard.
 *
 * It also marks the data folder as in use (`<data>/cms.pid`), so `npm run restore` refuses to
 * replace the database under a running CMS (scripts/lib/backup.mjs, runningCms).
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'

import {
  backupDue,
  DEFAULT_BACKUP_SETTINGS,
  type BackupSettingsValue,
  type BackupStatusValue,
} from './schedule'
import { processState, runChildNode } from '../lib/child-job'

export interface BackupRunnerConfig {
  script: string
  dataDir: string
  checkIntervalMs: number
}

/** On when the product's environment says where (scripts/lib/env.mjs): not in the int tests. */
export function backupRunnerConfig(): BackupRunnerConfig | null {
  const { BACKUP_SCRIPT, SCHOOL_DATA_DIR, BACKUP_CHECK_INTERVAL_MS } = process.env
  if (!BACKUP_SCRIPT || !SCHOOL_DATA_DIR) return null
  return {
    script: BACKUP_SCRIPT,
    dataDir: SCHOOL_DATA_DIR,
    checkIntervalMs: Number(BACKUP_CHECK_INTERVAL_MS || 60_000),
  }
}

interface RunnerState {
  timer?: ReturnType<typeof setInterval>
  running: boolean
  scheduleBegan: Date
}

const runnerState = () =>
  processState<RunnerState>('backupRunner', () => ({ running: false, scheduleBegan: new Date() }))

async function record(payload: Payload, data: BackupStatusValue) {
  try {
    // The runner writes its own status; nobody else may (policy: backup-status update nobody).
    await payload.updateGlobal({ slug: 'backup-status', data, overrideAccess: true, depth: 0 })
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Could not record the backup status' })
  }
}

interface BackupOutcome {
  ok: boolean
  file?: string
  size?: number
  message?: string
}

async function runBackupScript(config: BackupRunnerConfig, keep: number): Promise<BackupOutcome> {
  // Its half archive stays under a temporary name when it dies with the CMS; the next removes it.
  const { code, signal, output, error } = await runChildNode({
    args: [config.script, '--json', '--reason', 'nightly', '--keep', String(keep)],
    cwd: path.dirname(path.dirname(config.script)),
    env: process.env,
  })
  if (error) return { ok: false, message: error.message }
  const last = output.trim().split('\n').pop() ?? ''
  try {
    const parsed = JSON.parse(last) as BackupOutcome
    if (typeof parsed.ok === 'boolean') return parsed
  } catch {
    // Not the script's answer: it died before giving one.
  }
  return {
    ok: false,
    message:
      `Tiến trình sao lưu dừng giữa chừng (${signal ?? `mã ${code}`}): ` +
      (output.trim().slice(-500) || 'không có thông báo'),
  }
}

/** Runs one backup now, unless one is running; records the outcome. */
export async function runNightlyBackup(payload: Payload, config: BackupRunnerConfig) {
  const state = runnerState()
  if (state.running) return
  state.running = true
  try {
    const settings = await payload.findGlobal({
      slug: 'backup-settings',
      overrideAccess: true, // the schedule itself, nothing personal
      depth: 0,
    })
    const startedAt = new Date()
    await record(payload, { state: 'running', lastAttemptAt: startedAt.toISOString() })
    const outcome = await runBackupScript(config, settings.keep ?? DEFAULT_BACKUP_SETTINGS.keep)
    if (outcome.ok) {
      await record(payload, {
        state: 'ok',
        lastSuccessAt: new Date().toISOString(),
        lastSize: outcome.size ?? null,
        lastFile: outcome.file ?? null,
      })
      payload.logger.info(`Backup written: ${outcome.file}`)
    } else {
      await record(payload, {
        state: 'failed',
        lastFailureAt: new Date().toISOString(),
        lastFailureMessage: outcome.message ?? 'Sao lưu thất bại.',
      })
      payload.logger.error(`Backup failed: ${outcome.message}`)
    }
  } finally {
    state.running = false
  }
}

async function checkSchedule(payload: Payload, config: BackupRunnerConfig) {
  const state = runnerState()
  if (state.running) return
  const [settings, status] = await Promise.all([
    // The schedule and its status, nothing personal.
    payload.findGlobal({ slug: 'backup-settings', overrideAccess: true, depth: 0 }),
    payload.findGlobal({ slug: 'backup-status', overrideAccess: true, depth: 0 }),
  ])
  const began = settings.updatedAt ? new Date(settings.updatedAt) : state.scheduleBegan
  const value: BackupSettingsValue = { ...DEFAULT_BACKUP_SETTINGS, ...stripNulls(settings) }
  if (backupDue(new Date(), value, status as BackupStatusValue, began))
    await runNightlyBackup(payload, config)
}

function stripNulls<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== null && field !== undefined),
  ) as Partial<T>
}

/**
 * At start: mark the folder as in use, close a backup a stop cut short (its half archive never
 * looks finished: scripts/lib/backup.mjs), and check the schedule every minute.
 */
export async function startBackupSchedule(payload: Payload): Promise<void> {
  const config = backupRunnerConfig()
  if (!config) return
  const pidFile = path.join(config.dataDir, 'cms.pid')
  writeFileSync(pidFile, `${process.pid}\n`)
  process.once('exit', () => rmSync(pidFile, { force: true }))

  const state = runnerState()
  if (state.timer) return
  const status = await payload.findGlobal({
    slug: 'backup-status',
    overrideAccess: true,
    depth: 0,
  })
  if (status.state === 'running')
    await record(payload, {
      state: 'failed',
      lastFailureAt: new Date().toISOString(),
      lastFailureMessage:
        'CMS dừng khi đang sao lưu: bản sao lưu đó không được ghi (các bản trước còn nguyên).',
    })
  state.timer = setInterval(() => {
    checkSchedule(payload, config).catch((error: unknown) =>
      payload.logger.error({ err: error, msg: 'Backup schedule check failed' }),
    )
  }, config.checkIntervalMs)
  state.timer.unref()
}
