import type { GlobalConfig } from 'payload'

import { globalAccess } from '../access/payload-access'

/** When the website was last built, whether the last build failed, and its log (Điều 17.2, 17.3). */
export const SiteBuild: GlobalConfig = {
  slug: 'site-build',
  label: { vi: 'Tình trạng xây dựng website', en: 'Website build status' },
  admin: { group: { vi: 'Website', en: 'Website' } },
  access: globalAccess('site-build'),
  fields: [
    {
      name: 'status',
      type: 'select',
      options: [
        { value: 'building', label: { vi: 'Đang xây dựng', en: 'Building' } },
        { value: 'ok', label: { vi: 'Thành công', en: 'Succeeded' } },
        {
          value: 'failed',
          label: {
            vi: 'Thất bại (website cũ vẫn hoạt động)',
            en: 'Failed (the last good site stays live)',
          },
        },
        {
          value: 'interrupted',
          label: {
            vi: 'Bị ngắt (CMS dừng giữa chừng; website cũ vẫn hoạt động)',
            en: 'Interrupted (the CMS stopped mid-build; the last good site stays live)',
          },
        },
      ],
      label: { vi: 'Lần xây dựng gần nhất', en: 'Last build' },
      admin: { readOnly: true },
    },
    {
      name: 'mode',
      type: 'select',
      options: [
        { value: 'full', label: { vi: 'Toàn bộ', en: 'Full' } },
        {
          value: 'incremental',
          label: { vi: 'Từng phần (chỉ các trang thay đổi)', en: 'Incremental (changed pages)' },
        },
      ],
      label: { vi: 'Cách xây dựng', en: 'Build mode' },
      admin: { readOnly: true },
    },
    {
      name: 'lastSuccessAt',
      type: 'date',
      label: { vi: 'Xây dựng thành công lúc', en: 'Last built at' },
      admin: { readOnly: true, date: { displayFormat: 'dd/MM/yyyy HH:mm:ss' } },
    },
    {
      name: 'lastAttemptAt',
      type: 'date',
      label: { vi: 'Lần thử gần nhất', en: 'Last attempt' },
      admin: { readOnly: true, date: { displayFormat: 'dd/MM/yyyy HH:mm:ss' } },
    },
    {
      name: 'durationMs',
      type: 'number',
      label: { vi: 'Thời gian (ms)', en: 'Duration (ms)' },
      admin: { readOnly: true },
    },
    { name: 'reasons', type: 'text', label: { vi: 'Lý do', en: 'Why' }, admin: { readOnly: true } },
    {
      name: 'log',
      type: 'textarea',
      label: { vi: 'Nhật ký', en: 'Log' },
      admin: { readOnly: true, rows: 12 },
    },
  ],
}
