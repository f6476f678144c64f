import type { GlobalConfig } from 'payload'

import { globalAccess } from '../access/payload-access'
import { BACKUP_TIME_PATTERN, DEFAULT_BACKUP_SETTINGS } from '../backup/schedule'

/** Điều 8: when the CMS backs the school up each night, and how many backups it keeps. */
export const BackupSettings: GlobalConfig = {
  slug: 'backup-settings',
  label: { vi: 'Cài đặt sao lưu', en: 'Backup settings' },
  admin: { group: { vi: 'Hệ thống', en: 'System' } },
  access: globalAccess('backup-settings'),
  fields: [
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: DEFAULT_BACKUP_SETTINGS.enabled,
      label: { vi: 'Tự sao lưu mỗi đêm', en: 'Back up every night' },
    },
    {
      name: 'time',
      type: 'text',
      required: true,
      defaultValue: DEFAULT_BACKUP_SETTINGS.time,
      label: { vi: 'Giờ sao lưu (HH:mm, giờ Việt Nam)', en: 'Time of day (HH:mm, Vietnam time)' },
      validate: (value: string | null | undefined) =>
        BACKUP_TIME_PATTERN.test(value ?? '') ||
        'Giờ phải có dạng HH:mm, ví dụ 02:30. / Use HH:mm, e.g. 02:30.',
      admin: {
        description: {
          vi: 'Nên chọn giờ không ai làm việc. Nếu máy tắt vào giờ này, CMS sao lưu khi bật lại (mỗi ngày một lần).',
          en: 'Pick a quiet hour. If the server is off then, the CMS backs up when it starts (once a day).',
        },
      },
    },
    {
      name: 'keep',
      type: 'number',
      required: true,
      min: 1,
      max: 365,
      defaultValue: DEFAULT_BACKUP_SETTINGS.keep,
      label: { vi: 'Số bản sao lưu giữ lại', en: 'Backups kept' },
      admin: {
        description: {
          vi: 'Các bản cũ hơn bị xoá khỏi thư mục sao lưu. Hãy chép bản sao lưu sang một ổ khác hoặc máy khác.',
          en: 'Older ones are removed. Copy backups to another disk or machine as well.',
        },
      },
    },
  ],
}
