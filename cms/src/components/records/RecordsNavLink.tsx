import type { ServerProps } from 'payload'

import { abilitiesOf } from '../../access/authorize'

/** A link to /admin/records in the menu, for those the policy gives something to do there. */
export async function RecordsNavLink({ user, payload }: ServerProps) {
  if (!user || !(await abilitiesOf(payload, user)).recordsPage) return null
  return (
    <a
      className="nav__link"
      href={`${payload.config.routes.admin}/records`}
      style={{ display: 'block', padding: '4px 0' }}
    >
      Nhập dữ liệu, thống kê, danh sách lớp
    </a>
  )
}
