/**
 * Progress of a checkpoint's entry and its abnormal results (Điều 6, 7; issue 11 point 5):
 * - GET  /api/assessment-progress?schoolYear=&period= — rows per teacher × class × subject and
 *   per class's traits, totals per teacher and class: leadership all, a group head their group's
 *   classes, a homeroom teacher their class, a teacher their assignments; others 403
 * - GET  /api/assessment-progress/months?schoolYear= — entries per month and class (leadership)
 * - POST /api/assessment-progress/remind { schoolYear, period } — emails the teachers behind,
 *   once a day per checkpoint (leadership)
 * - GET  /api/assessment-anomalies?schoolYear=&period= — abnormal results (leadership)
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { PERIODS, isSchoolYear, schoolYearOf, type Period } from '@school/shared'

import { authorize } from '../access/authorize'
import { assessmentPolicy } from '../access/policy'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { checkpointAnomalies, checkpointProgress, entriesByMonth } from './progress'
import { sendProgressReminders } from './progress-reminders'

const BAD_CHECKPOINT = {
  vi:
    'Tham số không hợp lệ: schoolYear dạng 2026-2027, period là một trong ' +
    `${PERIODS.join(', ')}.`,
  en: `Send schoolYear like 2026-2027 and period, one of ${PERIODS.join(', ')}.`,
}

function checkpointOf(
  req: PayloadRequest,
  input: { schoolYear?: unknown; period?: unknown },
  periodRequired = true,
): { schoolYear: string; period: Period } {
  const schoolYear = input.schoolYear ?? schoolYearOf(new Date())
  const period = input.period ?? (periodRequired ? undefined : 'mid1')
  if (!isSchoolYear(schoolYear) || !PERIODS.includes(period as Period)) {
    throw userError(req, 400, BAD_CHECKPOINT)
  }
  return { schoolYear, period: period as Period }
}

const query = (req: PayloadRequest) => {
  const params = req.searchParams
  return {
    schoolYear: params.get('schoolYear') ?? undefined,
    period: params.get('period') ?? undefined,
  }
}

const PROGRESS_REFUSED = {
  vi:
    'Tiến độ nhập kết quả dành cho Ban giám hiệu, tổ trưởng (các lớp của tổ) và giáo viên ' +
    '(lớp, môn được phân công).',
  en: 'Progress is for leadership, group heads and the teachers assigned.',
}
const LEADERSHIP_ONLY = {
  vi: 'Chỉ Hiệu trưởng và Phó hiệu trưởng xem mục này (Điều 6).',
  en: 'Only the principal and vice-principals see this.',
}

export const progressEndpoint: Endpoint = {
  path: '/assessment-progress',
  method: 'get',
  handler: async (req) => {
    await authorize(req, assessmentPolicy.progressPage, PROGRESS_REFUSED)
    const { schoolYear, period } = checkpointOf(req, query(req))
    return Response.json(await checkpointProgress(req, schoolYear, period))
  },
}

export const progressByMonthEndpoint: Endpoint = {
  path: '/assessment-progress/months',
  method: 'get',
  handler: async (req) => {
    await authorize(req, assessmentPolicy.progressByMonth, LEADERSHIP_ONLY)
    const { schoolYear } = checkpointOf(req, query(req), false)
    return Response.json(await entriesByMonth(req, schoolYear))
  },
}

export const remindEndpoint: Endpoint = {
  path: '/assessment-progress/remind',
  method: 'post',
  handler: async (req) => {
    await authorize(req, assessmentPolicy.sendProgressReminders, LEADERSHIP_ONLY)
    const body = await jsonBodyOf(req)
    if (body === null) throw userError(req, 400, BAD_CHECKPOINT)
    const { schoolYear, period } = checkpointOf(
      req,
      body as { schoolYear?: unknown; period?: unknown },
    )
    return Response.json(await sendProgressReminders(req, schoolYear, period))
  },
}

export const anomaliesEndpoint: Endpoint = {
  path: '/assessment-anomalies',
  method: 'get',
  handler: async (req) => {
    await authorize(req, assessmentPolicy.anomalies, LEADERSHIP_ONLY)
    const { schoolYear, period } = checkpointOf(req, query(req))
    const anomalies = await checkpointAnomalies(req, schoolYear, period)
    return Response.json({ schoolYear, period, anomalies })
  },
}

export const progressEndpoints: Endpoint[] = [
  progressEndpoint,
  progressByMonthEndpoint,
  remindEndpoint,
  anomaliesEndpoint,
]
