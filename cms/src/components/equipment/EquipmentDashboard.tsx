import type { ServerProps } from 'payload'
import { formatDateVi, loanOverdue } from '@school/shared'

import { isAllowed } from '../../access/authorize'
import { equipmentPolicy } from '../../access/policy'
import { accountRestriction } from '../../auth/account-restriction'
import type { Asset, EquipmentLoan, User } from '../../payload-types'
import { adminRequest } from '../adminRequest'

const late = { color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 } as const

function LoanList({
  loans,
  admin,
  withBorrower,
}: {
  loans: EquipmentLoan[]
  admin: string
  withBorrower: boolean
}) {
  return (
    <ul>
      {loans.map((loan) => {
        const overdue = loanOverdue(loan.dueOn, loan.status)
        const asset = typeof loan.asset === 'object' ? (loan.asset as Asset) : null
        const borrower = typeof loan.borrower === 'object' ? (loan.borrower as User) : null
        return (
          <li key={loan.id} data-loan-id={loan.id} data-overdue={overdue}>
            <a href={`${admin}/collections/equipment-loans/${loan.id}`}>
              {asset ? `${asset.code} · ${asset.name}` : `Phiếu mượn ${loan.id}`} × {loan.quantity}
            </a>
            {withBorrower && borrower && <> · {borrower.fullName}</>}
            <span style={overdue ? late : undefined}>
              {' '}
              · Hạn trả {formatDateVi(loan.dueOn)}
              {overdue && ' · Quá hạn'}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

/**
 * Loans on the dashboard (Điều 15): the equipment officer's loans out, overdue first; and for
 * everyone, "Thiết bị tôi đang mượn". Read as the user: a borrower sees only their own.
 */
export async function EquipmentDashboard({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await adminRequest(payload)
  if (await accountRestriction(req)) return null
  const admin = payload.config.routes.admin
  const asUser = { user: req.user, req, overrideAccess: false, depth: 1, limit: 50 } as const
  const officer = await isAllowed(req, equipmentPolicy.loansClock)
  const mine = (
    await payload.find({
      collection: 'equipment-loans',
      ...asUser,
      where: { and: [{ borrower: { equals: user.id } }, { status: { equals: 'out' } }] },
      sort: 'dueOn',
    })
  ).docs
  const all = officer
    ? (
        await payload.find({
          collection: 'equipment-loans',
          ...asUser,
          where: { status: { equals: 'out' } },
          sort: 'dueOn',
        })
      ).docs
    : []
  const overdue = all.filter((loan) => loanOverdue(loan.dueOn, loan.status))
  if (mine.length === 0 && all.length === 0) return null
  return (
    <div className="equipment-dashboard">
      {officer && all.length > 0 && (
        <section aria-labelledby="equipment-loans-out">
          <h2 id="equipment-loans-out">
            Thiết bị đang cho mượn ({all.length}
            {overdue.length > 0 && <span style={late}>, quá hạn {overdue.length}</span>})
          </h2>
          <LoanList
            loans={[...overdue, ...all.filter((loan) => !overdue.includes(loan))]}
            admin={admin}
            withBorrower
          />
        </section>
      )}
      {mine.length > 0 && (
        <section aria-labelledby="equipment-my-loans">
          <h2 id="equipment-my-loans">Thiết bị tôi đang mượn ({mine.length})</h2>
          <LoanList loans={mine} admin={admin} withBorrower={false} />
        </section>
      )}
    </div>
  )
}
