import type { GlobalConfig } from 'payload'

import { globalAccess } from '../access/payload-access'

const readOnlyDate = { readOnly: true, date: { displayFormat: 'dd/MM/yyyy HH:mm:ss' } } as const

/** What the last backups did (Điều 8), written by the CMS's backup runner (backup/runner.ts). */
export const BackupStatus: GlobalConfig = {
  slug: 'backup-status',
  label: { vi: 'Tình trạng sao lưu', en: 'Backup status' },
  admin: { group: { vi: 'Hệ thống', en: 'System' } },
  access: globalAccess('backup-status'),
  fields: [
    {
      name: 'state',
      type: 'select',
      options: [
        { value: 'running', label: { vi: 'Đang sao lưu', en: 'Running' } },
        { value: 'ok', label: { vi: 'Thành công', en: 'Succeeded' } },
        { value: 'failed', label: { vi: 'Thất bại', en: 'Failed' } },
      ],
      label: { vi: 'Lần sao lưu gần nhất', en: 'Last backup' },
      admin: { readOnly: true },
    },
    {
      name: 'lastAttemptAt',
      type: 'date',
      label: { vi: 'Bắt đầu lần gần nhất lúc', en: 'Last started at' },
      admin: readOnlyDate,
    },
    {
      name: 'lastSuccessAt',
      type: 'date',
      label: { vi: 'Sao lưu thành công lúc', en: 'Last succeeded at' },
      admin: readOnlyDate,
    },
    {
      name: 'lastFile',
      type: 'text',
      label: { vi: 'Tệp sao lưu', en: 'Archive' },
      admin: { readOnly: true },
    },
    {
      name: 'lastSize',
      type: 'number',
      label: { vi: 'Dung lượng (byte)', en: 'Size (bytes)' },
      admin: { readOnly: true },
    },
    {
      name: 'lastFailureAt',
      type: 'date',
      label: { vi: 'Thất bại gần nhất lúc', en: 'Last failed at' },
      admin: readOnlyDate,
    },
    {
      name: 'lastFailureMessage',
      type: 'textarea',
      label: { vi: 'Lỗi gần nhất', en: 'Last error' },
      admin: { readOnly: true, rows: 4 },
    },
  ],
}
