import type { ServerProps } from 'payload'

import type { User } from '../../payload-types'

const ROLES_WITH_WORK_THERE = [
  'principal',
  'vice_principal',
  'it_teacher',
  'homeroom_teacher',
  'subject_teacher',
  'group_head',
]

/** A link to /admin/records in the menu, for those with something to do there. */
export function RecordsNavLink({ user, payload }: ServerProps) {
  const roles = (user as User | undefined)?.roles ?? []
  if (!roles.some((role) => ROLES_WITH_WORK_THERE.includes(role))) return null
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
