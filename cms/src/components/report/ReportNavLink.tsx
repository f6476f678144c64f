'use client'

import { useAuth, useConfig } from '@payloadcms/ui'

import type { User } from '../../payload-types'

/** A link to the monthly report in the admin's menu, for those who may read it. */
export function ReportNavLink() {
  const { user } = useAuth<User>()
  const { config } = useConfig()
  const mayRead = user?.roles?.some(
    (role) => role === 'principal' || role === 'vice_principal' || role === 'web_admin',
  )
  if (!mayRead) return null
  return (
    <a
      className="nav__link"
      href={`${config.routes.admin}/editorial-report`}
      style={{ display: 'block', padding: '4px 0' }}
    >
      Báo cáo Ban biên tập
    </a>
  )
}
