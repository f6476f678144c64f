import type { ServerProps } from 'payload'
import { PERIOD_LABELS, formatDateVi, schoolYearOf } from '@school/shared'

import { isAllowed } from '../../access/authorize'
import { assessmentPolicy } from '../../access/policy'
import {
  PROGRESS_STATUS_LABELS,
  checkpointProgress,
  isBehind,
  openedCheckpoints,
} from '../../assessment/progress'
import { accountRestriction } from '../../auth/account-restriction'
import { sameId } from '../../lib/ids'
import { adminRequest } from '../adminRequest'
import { ProgressBar } from './ProgressTables'
import './progress.scss'

/**
 * The teacher's reminder on their start page (Điều 6): their classes and subjects still missing
 * entries at the checkpoints whose window has opened, the ones behind (closing within three days,
 * or closed) first and in red.
 */
export async function ProgressDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await adminRequest(payload)
  if (await accountRestriction(req)) return null
  if (!(await isAllowed(req, assessmentPolicy.progressPage))) return null
  const schoolYear = schoolYearOf(new Date())
  // The latest two opened checkpoints: the one open now, and the one that just closed.
  const periods = (await openedCheckpoints(req, schoolYear)).slice(0, 2)
  const pending = []
  for (const period of periods) {
    const progress = await checkpointProgress(req, schoolYear, period)
    const mine = progress.rows.filter(
      (row) => sameId(row.teacherId, req.user?.id) && row.status !== 'done',
    )
    if (mine.length > 0) pending.push({ period, progress, rows: mine })
  }
  if (pending.length === 0) return null
  const link = `${payload.config.routes.admin}/assessment-progress`
  return (
    <section
      className="assessment-progress assessment-progress--dashboard"
      aria-labelledby="my-entries"
    >
      <h2 id="my-entries">Kết quả đánh giá cần nhập</h2>
      {pending.map(({ period, progress, rows }) => (
        <div key={period} data-period={period}>
          <h3>
            <a href={`${link}?schoolYear=${schoolYear}&period=${period}`}>
              {PERIOD_LABELS[period].vi} {schoolYear}
            </a>
            {progress.closesOn && <> · khóa sổ sau ngày {formatDateVi(progress.closesOn)}</>}
          </h3>
          <ul>
            {[...rows]
              .sort((a, b) => Number(isBehind(b)) - Number(isBehind(a)))
              .map((row) => (
                <li
                  key={`${String(row.classId)}-${row.scope}`}
                  className={`progress-status--${row.status}`}
                  data-status={row.status}
                >
                  {row.className}, {row.scopeName}: {row.done}/{row.required}{' '}
                  <ProgressBar {...row} /> {PROGRESS_STATUS_LABELS[row.status].vi}
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
