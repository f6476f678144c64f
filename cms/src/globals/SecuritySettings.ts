import type { GlobalConfig } from 'payload'

import { globalAccess } from '../access/payload-access'
import {
  DEFAULT_PASSWORD_MAX_AGE_DAYS,
  RECORD_OR_PUBLISHING_ROLES,
} from '../auth/security-settings'
import { roleOptions } from '../fields/labels'

/** The principal's account rules (Điều 4): password age and who must use a second factor. */
export const SecuritySettings: GlobalConfig = {
  slug: 'security-settings',
  label: { vi: 'Cài đặt bảo mật tài khoản', en: 'Account security settings' },
  admin: { group: { vi: 'Nhà trường', en: 'School' } },
  access: globalAccess('security-settings'),
  fields: [
    {
      name: 'passwordMaxAgeDays',
      type: 'number',
      required: true,
      min: 30,
      max: 730,
      defaultValue: DEFAULT_PASSWORD_MAX_AGE_DAYS,
      label: { vi: 'Thời hạn của mật khẩu (ngày)', en: 'Maximum password age (days)' },
      admin: {
        description: {
          vi: 'Điều 4: quá hạn này, người dùng phải đổi mật khẩu trước khi làm việc khác. Nhắc trước 14 ngày.',
          en: 'Điều 4: past this age the user must change their password first. Reminded 14 days before.',
        },
      },
    },
    {
      name: 'totpRequired',
      type: 'checkbox',
      defaultValue: false,
      label: {
        vi: 'Bắt buộc xác thực hai lớp (mã TOTP) cho các vai trò dưới đây',
        en: 'Require a second factor (TOTP code) for the roles below',
      },
    },
    {
      name: 'totpRequiredRoles',
      type: 'select',
      hasMany: true,
      options: roleOptions,
      defaultValue: RECORD_OR_PUBLISHING_ROLES,
      label: { vi: 'Vai trò phải dùng mã TOTP', en: 'Roles that must use a TOTP code' },
      admin: {
        description: {
          vi: 'Gợi ý: các vai trò giữ hồ sơ học sinh, hồ sơ cán bộ hoặc đăng bài lên website.',
          en: 'Suggested: the roles holding pupil or staff records, or publishing on the website.',
        },
      },
    },
  ],
}
