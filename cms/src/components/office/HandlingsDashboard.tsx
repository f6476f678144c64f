import type { ServerProps } from 'payload'
import {
  DOCUMENT_URGENCY_LABELS,
  HANDLING_ROLE_LABELS,
  formatDateVi,
  isHandlingDueSoon,
  isHandlingOverdue,
  vietnamDay,
  type DocumentUrgency,
  type HandlingRole,
} from '@school/shared'

import { accountRestriction } from '../../auth/account-restriction'
import type { IncomingDocument } from '../../payload-types'
import { adminRequest } from '../adminRequest'

const LATE = { color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 } as const
const SOON = { color: 'var(--theme-warning-600, #b45309)', fontWeight: 600 } as const

/**
 * "Văn bản giao cho tôi xử lý" (Nghị định 30, Điều 24): the signed-in user's open handlings,
 * overdue ones first and in red, due-soon ones marked. Read as the user.
 */
export async function HandlingsDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await adminRequest(payload)
  if (!req.user || (await accountRestriction(req))) return null
  const { docs } = await payload.find({
    collection: 'document-handlings',
    user: req.user,
    req,
    overrideAccess: false,
    depth: 1,
    limit: 50,
    where: {
      and: [{ handler: { equals: req.user.id } }, { status: { equals: 'assigned' } }],
    },
    sort: 'deadline',
  })
  if (docs.length === 0) return null
  const today = vietnamDay()
  const admin = payload.config.routes.admin
  return (
    <section className="handlings-dashboard" aria-labelledby="handlings-mine">
      <h2 id="handlings-mine">Văn bản giao cho tôi xử lý ({docs.length})</h2>
      <ul>
        {docs.map((handling) => {
          const document = handling.document as IncomingDocument | number
          const info = typeof document === 'object' ? document : null
          const state = { status: handling.status, deadline: handling.deadline }
          const late = isHandlingOverdue(state, today)
          const soon = !late && isHandlingDueSoon(state, today)
          const urgency = info ? DOCUMENT_URGENCY_LABELS[info.urgency as DocumentUrgency] : null
          return (
            <li key={handling.id} data-handling-id={handling.id} data-overdue={late}>
              <a href={`${admin}/collections/document-handlings/${handling.id}`}>
                {info
                  ? `Số đến ${info.arrivalNumber ?? '…'} · ${info.issuer}: ${info.summary}`
                  : `Văn bản ${String(document)}`}
              </a>{' '}
              · {HANDLING_ROLE_LABELS[handling.role as HandlingRole]?.vi}
              {urgency && info?.urgency !== 'normal' && <strong> · {urgency.vi}</strong>}
              {handling.deadline && (
                <span style={late ? LATE : soon ? SOON : undefined}>
                  {' '}
                  · Hạn {formatDateVi(handling.deadline)}
                  {late && ' · Quá hạn'}
                  {soon && ' · Sắp đến hạn'}
                </span>
              )}
              {info && (
                <>
                  {' '}
                  · <a href={`${admin}/collections/incoming-documents/${info.id}`}>Mở văn bản</a>
                  {info.filename && ' (có tệp)'}
                </>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
