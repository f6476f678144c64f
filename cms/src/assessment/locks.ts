/**
 * When an entry can no longer be changed directly (Điều 12.2): once its checkpoint's window has
 * closed, once the teacher confirmed the checkpoint for the class, and once the principal
 * approved the class's year (TT27 Điều 13). A change then goes through a correction request,
 * whose approval applies it (the only write that passes a lock).
 */
import type { PayloadRequest } from 'payload'
import { PERIOD_LABELS, formatDateVi, vietnamDay, type GridLock, type Period } from '@school/shared'

import { idOf } from '../lib/ids'
import { userError, type Message } from '../lib/messages'
import { hasFlag } from '../lib/request-flags'
import type { Group } from '../payload-types'
import { oncePerRequest, periodWindow } from './catalogue'

/** What a lock is about: one class's checkpoint of one subject (or its traits, or its year-end). */
export interface LockTarget {
  class: Group['id']
  schoolYear: string
  period: Period
  /** A subject code, `traits` (qualities and competencies) or `year-end`. */
  scope: string
}

export const TRAITS_SCOPE = 'traits'
export const YEAR_END_SCOPE = 'year-end'

async function confirmationsOf(req: PayloadRequest, classId: Group['id'], schoolYear: string) {
  return oncePerRequest(req, `confirmations:${classId}:${schoolYear}`, async () => {
    const { docs } = await req.payload.find({
      collection: 'assessment-confirmations',
      where: { and: [{ class: { equals: classId } }, { schoolYear: { equals: schoolYear } }] },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    return docs
  })
}

/** Whether the principal approved the class's year (TT27 Điều 13; Điều 5.4). */
export async function yearApproved(
  req: PayloadRequest,
  classId: Group['id'],
  schoolYear: string,
): Promise<boolean> {
  return (await confirmationsOf(req, classId, schoolYear)).some((c) => c.kind === 'approved')
}

/** Why the target cannot be changed directly now, or null when it can. */
export async function lockOf(
  req: PayloadRequest,
  target: LockTarget,
  today = vietnamDay(),
): Promise<GridLock | null> {
  const confirmations = await confirmationsOf(req, target.class, target.schoolYear)
  if (confirmations.some((c) => c.kind === 'approved')) return 'approved'
  const confirmed = confirmations.some(
    (c) => c.kind === 'confirmed' && c.period === target.period && c.scope === target.scope,
  )
  if (confirmed) return 'confirmed'
  const state = windowState(await periodWindow(req, target.schoolYear, target.period), today)
  return state === 'open' ? null : state
}

/** A checkpoint's entry window on a day in Vietnam: whole days, `opensOn` to `closesOn`. */
export function windowState(
  window: { opensOn: string; closesOn: string } | null,
  today = vietnamDay(),
): 'open' | 'not_open' | 'closed' | 'no_window' {
  if (!window) return 'no_window'
  if (today < vietnamDay(window.opensOn)) return 'not_open'
  if (today > vietnamDay(window.closesOn)) return 'closed'
  return 'open'
}

export async function lockMessage(
  req: PayloadRequest,
  target: LockTarget,
  lock: GridLock,
): Promise<Message> {
  const period = PERIOD_LABELS[target.period].vi
  const periodEn = PERIOD_LABELS[target.period].en
  const window = await periodWindow(req, target.schoolYear, target.period)
  const correction = 'muốn sửa, hãy gửi đề nghị điều chỉnh để Ban giám hiệu duyệt.'
  const correctionEn = 'to change it, file a correction request for leadership to decide.'
  switch (lock) {
    case 'approved':
      return {
        vi: `Hiệu trưởng đã phê duyệt kết quả năm học ${target.schoolYear} của lớp: ${correction}`,
        en: `The principal approved the class's ${target.schoolYear} results: ${correctionEn}`,
      }
    case 'confirmed':
      return {
        vi: `Giáo viên đã xác nhận hoàn thành nhập ${period} cho lớp: ${correction}`,
        en: `The teacher confirmed ${periodEn} for this class: ${correctionEn}`,
      }
    case 'closed':
      return {
        vi: `Đã khóa sổ ${period} năm học ${target.schoolYear} (hạn nhập hết ngày ${
          window ? formatDateVi(window.closesOn) : ''
        }): ${correction}`,
        en: `${periodEn} ${target.schoolYear} is closed: ${correctionEn}`,
      }
    case 'not_open':
      return {
        vi: `Chưa đến thời gian nhập ${period} năm học ${target.schoolYear} (mở từ ngày ${
          window ? formatDateVi(window.opensOn) : ''
        }).`,
        en: `${periodEn} ${target.schoolYear} is not open for entry yet.`,
      }
    case 'no_window':
      return {
        vi: `Ban giám hiệu chưa đặt thời gian nhập ${period} năm học ${target.schoolYear}.`,
        en: `Leadership has not set the entry window of ${periodEn} ${target.schoolYear}.`,
      }
  }
}

/**
 * Refuses (409, in Vietnamese) a direct change of a locked target. Applying an approved
 * correction passes: the decision endpoint set the flag after checking who decides (the
 * principal alone, for an approved year).
 */
export async function refuseWhenLocked(req: PayloadRequest, target: LockTarget): Promise<void> {
  // The server acting for nobody (the demo's seed of past years) is not entering results.
  if (!req.user || hasFlag(req, 'assessmentCorrection')) return
  // The approval endpoint writes the computed results after checking the principal approves.
  if (hasFlag(req, 'yearEndApproval')) return
  const lock = await lockOf(req, target)
  if (lock) throw userError(req, 409, await lockMessage(req, target, lock))
}

/** The lock target of a stored or incoming assessment-like record. */
export function lockTargetOf(
  record: { class?: unknown; schoolYear?: unknown; period?: unknown },
  scope: string,
): LockTarget | null {
  const classId = idOf(record.class as Group['id'] | Group | null | undefined)
  if (classId === null || typeof record.schoolYear !== 'string') return null
  if (typeof record.period !== 'string') return null
  return { class: classId, schoolYear: record.schoolYear, period: record.period as Period, scope }
}
