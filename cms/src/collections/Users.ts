import type { CollectionConfig } from 'payload'

import { collectionAccess, fieldAccess, pickerFilter } from '../access/payload-access'
import {
  ACCOUNT_LOCKOUT,
  failedLookupsTakeAsLongAsPasswordChecks,
  successfulLoginsDoNotCount,
  throttleLoginsPerAddress,
} from '../auth/login-throttle'
import {
  checkPasswordReset,
  keepPasswordHistory,
  passwordFields,
  recordPasswordReset,
} from '../auth/passwords'
import { totpFields } from '../auth/totp'
import { roleOptions } from '../fields/labels'
import { vietnamesePhone } from '../fields/validators'
import { firstAccountIsPrincipal } from '../hooks/firstAccountIsPrincipal'
import { requireStrongPassword } from '../hooks/requireStrongPassword'
import {
  forgetTeacherWhenAccountDeleted,
  forgetTeacherWhenConsentWithdrawn,
} from '../timetable/hooks/forgetWithdrawnTeacher'
import {
  rebuildOrganisationWhenStaffChanges,
  rebuildOrganisationWhenStaffDeleted,
} from '../website/organisation'

const ROLES_LABEL = { vi: 'Vai trò', en: 'Roles' }
const DELEGATE_LABEL = { vi: 'Được ủy quyền quản lý tài khoản', en: 'May manage accounts' }
const EMAIL_LABEL = { vi: 'Email', en: 'Email' }

/** Staff accounts. Every account is personal (Điều 4); the principal sets them up (Điều 5.1). */
const WEBSITE_CONSENT_LABEL = {
  vi: 'Đồng ý hiện trên trang Cơ cấu tổ chức của website',
  en: "Agree to appear on the website's organisation page",
}
const WEBSITE_TITLE_LABEL = { vi: 'Chức danh hiện trên website', en: 'Title on the website' }
const WEBSITE_PHOTO_LABEL = { vi: 'Ảnh hiện trên website', en: 'Photo on the website' }

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { vi: 'Tài khoản', en: 'Account' },
    plural: { vi: 'Tài khoản cán bộ', en: 'Staff accounts' },
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'email', 'roles', 'phone'],
    group: { vi: 'Nhà trường', en: 'School' },
  },
  auth: {
    // Điều 4 and 17.6: accounts are protected against guessing (and ../auth/login-throttle
    // protects them all against guessing from one client).
    maxLoginAttempts: ACCOUNT_LOCKOUT.attempts,
    lockTime: ACCOUNT_LOCKOUT.minutes * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: {
      secure: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== 'true',
      sameSite: 'Lax',
    },
  },
  access: collectionAccess('users'),
  hooks: {
    beforeOperation: [
      throttleLoginsPerAddress,
      failedLookupsTakeAsLongAsPasswordChecks,
      checkPasswordReset,
    ],
    afterLogin: [successfulLoginsDoNotCount],
    beforeValidate: [requireStrongPassword, recordPasswordReset],
    beforeChange: [firstAccountIsPrincipal, keepPasswordHistory],
    // The organisation page (websiteConsent, websiteTitle, websitePhoto below).
    afterChange: [rebuildOrganisationWhenStaffChanges, forgetTeacherWhenConsentWithdrawn],
    afterDelete: [rebuildOrganisationWhenStaffDeleted, forgetTeacherWhenAccountDeleted],
  },
  fields: [
    {
      name: 'fullName',
      type: 'text',
      required: true,
      label: { vi: 'Họ và tên', en: 'Full name' },
    },
    {
      name: 'email',
      type: 'email',
      required: true,
      unique: true,
      label: EMAIL_LABEL,
      access: fieldAccess('users', 'email', EMAIL_LABEL),
    },
    {
      name: 'phone',
      type: 'text',
      label: { vi: 'Số điện thoại', en: 'Phone' },
      validate: vietnamesePhone,
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      options: roleOptions,
      label: ROLES_LABEL,
      access: fieldAccess('users', 'roles', ROLES_LABEL),
      admin: {
        description: {
          vi: 'Một người có thể giữ nhiều vai trò. Chỉ Hiệu trưởng (hoặc người được ủy quyền) phân quyền; không ai tự đổi vai trò của mình.',
          en: 'A person may hold several roles. Only the principal (or a delegate) assigns roles; nobody changes their own.',
        },
      },
    },
    {
      name: 'canManageAccounts',
      type: 'checkbox',
      defaultValue: false,
      label: DELEGATE_LABEL,
      access: fieldAccess('users', 'canManageAccounts', DELEGATE_LABEL),
      admin: {
        description: {
          vi: 'Điều 5.2: Hiệu trưởng ủy quyền quản lý tài khoản cho người này.',
          en: 'Điều 5.2: the principal delegates account management to this person.',
        },
      },
    },
    {
      name: 'jobTitle',
      type: 'text',
      label: { vi: 'Chức danh', en: 'Job title' },
    },
    // Cơ cấu tổ chức on the website: a member of staff appears there (name, title, photo, and
    // nothing else of their records) only once they have agreed, in their own profile.
    {
      name: 'websiteConsent',
      type: 'checkbox',
      defaultValue: false,
      label: WEBSITE_CONSENT_LABEL,
      access: fieldAccess('users', 'websiteConsent', WEBSITE_CONSENT_LABEL, false),
      admin: {
        description: {
          vi:
            'Chỉ bạn tự đánh dấu được. Khi đồng ý, tên, chức danh và ảnh dưới đây được đăng ở ' +
            'trang Cơ cấu tổ chức của website; bỏ đánh dấu thì website gỡ xuống ở lần xây dựng sau.',
          en:
            'Only you can tick it. Your name, public title and photo then appear on the ' +
            "website's organisation page; untick it and the next build takes them down.",
        },
      },
    },
    {
      name: 'websiteTitle',
      type: 'text',
      label: WEBSITE_TITLE_LABEL,
      access: fieldAccess('users', 'websiteTitle', WEBSITE_TITLE_LABEL),
      admin: { condition: (data) => Boolean(data?.websiteConsent) },
    },
    {
      name: 'websitePhoto',
      type: 'upload',
      relationTo: 'media',
      label: WEBSITE_PHOTO_LABEL,
      filterOptions: pickerFilter('users', 'websitePhoto'),
      access: fieldAccess('users', 'websitePhoto', WEBSITE_PHOTO_LABEL),
      admin: { condition: (data) => Boolean(data?.websiteConsent) },
    },
    ...passwordFields,
    ...totpFields,
  ],
}
