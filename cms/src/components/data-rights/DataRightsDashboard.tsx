import type { ServerProps } from 'payload'
import {
  DATA_REQUEST_KIND_LABELS,
  DATA_REQUEST_OPEN,
  formatDateTimeVi,
  formatDateVi,
  isOverdue,
  type DataRequestKind,
} from '@school/shared'

import { isAllowed } from '../../access/authorize'
import { dataRightsPolicy } from '../../access/policy'
import { accountRestriction } from '../../auth/account-restriction'
import { adminRequest } from '../adminRequest'

const TEXT = {
  requests: { vi: 'Yêu cầu về dữ liệu cá nhân đang mở', en: 'Open data requests' },
  breaches: { vi: 'Sự cố dữ liệu chưa báo Bộ Công an (A05)', en: 'Breaches not yet notified' },
  acknowledge: { vi: 'Hạn xác nhận', en: 'Acknowledge by' },
  complete: { vi: 'Hạn hoàn thành', en: 'Complete by' },
  notice: { vi: 'Hạn thông báo', en: 'Notify by' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
}

/**
 * The legal clock on the dashboard (Law 91/2025): open guardians' requests for leadership, who
 * decide them, and breaches not yet notified for who records them, overdue ones first. Read as
 * the user: nobody sees here what they could not open.
 */
export async function DataRightsDashboard({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const adminRoute = payload.config.routes.admin
  const req = await adminRequest(payload)
  if (await accountRestriction(req)) return null
  const asUser = { user: req.user, req, overrideAccess: false, depth: 0 } as const
  const showRequests = await isAllowed(req, dataRightsPolicy.requestClock)
  const showBreaches = await isAllowed(req, dataRightsPolicy.breachClock)
  if (!showRequests && !showBreaches) return null

  const requests = showRequests
    ? (
        await payload.find({
          collection: 'data-requests',
          ...asUser,
          where: { status: { in: [...DATA_REQUEST_OPEN] } },
          sort: 'completeBy',
          limit: 50,
          select: {
            kind: true,
            status: true,
            guardianName: true,
            acknowledgeBy: true,
            completeBy: true,
          },
        })
      ).docs
    : []
  const breaches = showBreaches
    ? (
        await payload.find({
          collection: 'data-breaches',
          ...asUser,
          where: { authorityNotifiedAt: { exists: false } },
          sort: 'noticeDeadline',
          limit: 20,
          select: { summary: true, noticeDeadline: true },
        })
      ).docs
    : []
  if (requests.length === 0 && breaches.length === 0) return null
  const late = { color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 } as const

  return (
    <div className="data-rights-dashboard">
      {requests.length > 0 && (
        <section aria-labelledby="data-requests-open">
          <h2 id="data-requests-open">
            {TEXT.requests[lang]} ({requests.length})
          </h2>
          <ul>
            {requests.map((request) => {
              const ackLate = isOverdue(request.acknowledgeBy, request.status !== 'received')
              const doneLate = isOverdue(request.completeBy, false)
              return (
                <li
                  key={request.id}
                  data-request-id={request.id}
                  data-overdue={ackLate || doneLate}
                >
                  <a href={`${adminRoute}/collections/data-requests/${request.id}`}>
                    {DATA_REQUEST_KIND_LABELS[request.kind as DataRequestKind][lang]} ·{' '}
                    {request.guardianName}
                  </a>
                  {request.status === 'received' && request.acknowledgeBy && (
                    <span style={ackLate ? late : undefined}>
                      {' '}
                      · {TEXT.acknowledge[lang]} {formatDateVi(request.acknowledgeBy)}
                      {ackLate && ` · ${TEXT.overdue[lang]}`}
                    </span>
                  )}
                  {request.completeBy && (
                    <span style={doneLate ? late : undefined}>
                      {' '}
                      · {TEXT.complete[lang]} {formatDateVi(request.completeBy)}
                      {doneLate && ` · ${TEXT.overdue[lang]}`}
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {breaches.length > 0 && (
        <section aria-labelledby="data-breaches-open">
          <h2 id="data-breaches-open">
            {TEXT.breaches[lang]} ({breaches.length})
          </h2>
          <ul>
            {breaches.map((breach) => {
              const overdue = isOverdue(breach.noticeDeadline, false)
              return (
                <li key={breach.id} data-breach-id={breach.id} data-overdue={overdue}>
                  <a href={`${adminRoute}/collections/data-breaches/${breach.id}`}>
                    {breach.summary}
                  </a>
                  {breach.noticeDeadline && (
                    <span style={overdue ? late : undefined}>
                      {' '}
                      · {TEXT.notice[lang]} {formatDateTimeVi(breach.noticeDeadline)}
                      {overdue && ` · ${TEXT.overdue[lang]}`}
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </div>
  )
}
