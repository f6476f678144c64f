import type { ServerProps } from 'payload'

import { abilitiesOf } from '../../access/authorize'

/** A link to the monthly report in the admin's menu, for those the policy lets read it. */
export async function ReportNavLink({ user, payload }: ServerProps) {
  if (!user || !(await abilitiesOf(payload, user)).editorialReport) return null
  return (
    <a
      className="nav__link"
      href={`${payload.config.routes.admin}/editorial-report`}
      style={{ display: 'block', padding: '4px 0' }}
    >
      Báo cáo Ban biên tập
    </a>
  )
}
