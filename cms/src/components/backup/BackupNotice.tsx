import type { ServerProps } from 'payload'

import { isAllowed } from '../../access/authorize'
import { globalPolicy } from '../../access/policy'
import { backupNotice } from '../../backup/schedule'
import { adminRequest } from '../adminRequest'
import './backup.scss'

/**
 * Điều 8: the web admin and the principal see on the dashboard when the last backup succeeded,
 * warned when it failed or is more than 36 hours old.
 */
export async function BackupNotice({ payload, user }: ServerProps) {
  if (!user) return null
  const req = await adminRequest(payload)
  if (!(await isAllowed(req, globalPolicy['backup-status'].read))) return null
  const asUser = { user: req.user, req, overrideAccess: false, depth: 0 } as const
  const [settings, status] = await Promise.all([
    payload.findGlobal({ slug: 'backup-settings', ...asUser }),
    payload.findGlobal({ slug: 'backup-status', ...asUser }),
  ])
  const notice = backupNotice(settings, status, new Date())
  const adminRoute = payload.config.routes.admin
  return (
    <p
      className={`backup-notice backup-notice--${notice.level}`}
      role={notice.level === 'warning' ? 'alert' : 'status'}
      data-backup-notice={notice.level}
    >
      {notice.text} <a href={`${adminRoute}/globals/backup-status`}>Tình trạng sao lưu</a>
    </p>
  )
}
