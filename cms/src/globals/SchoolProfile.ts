import type { GlobalConfig } from 'payload'

import { globalAccess } from '../access/payload-access'
import { vietnamesePhone } from '../fields/validators'
import { markMediaOfSchoolProfile } from '../media/public-use'
import { rebuildSiteWhenPublicContentChanges } from '../site-build/hooks'

/**
 * The school's public identity, shown on every page of the website: name, contacts and the
 * links to the Ministry and Department sites the website must connect to (Điều 17.2).
 */
export const SchoolProfile: GlobalConfig = {
  slug: 'school-profile',
  label: { vi: 'Thông tin nhà trường', en: 'School profile' },
  admin: { group: { vi: 'Website', en: 'Website' } },
  access: globalAccess('school-profile'),
  hooks: { afterChange: [markMediaOfSchoolProfile, rebuildSiteWhenPublicContentChanges.global] },
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Tên trường', en: 'School name' } },
    { name: 'motto', type: 'text', label: { vi: 'Khẩu hiệu', en: 'Motto' } },
    { name: 'address', type: 'text', label: { vi: 'Địa chỉ', en: 'Address' } },
    {
      // The heading of the transcripts and the Ministry's files (TT27 Phụ lục 1; CSDL ngành).
      type: 'row',
      fields: [
        {
          name: 'schoolCode',
          type: 'text',
          label: { vi: 'Mã trường (CSDL ngành)', en: "School code (Ministry's database)" },
        },
        { name: 'commune', type: 'text', label: { vi: 'Xã/Phường', en: 'Commune' } },
        { name: 'province', type: 'text', label: { vi: 'Tỉnh/Thành phố', en: 'Province' } },
      ],
    },
    {
      name: 'phone',
      type: 'text',
      label: { vi: 'Điện thoại', en: 'Phone' },
      validate: vietnamesePhone,
    },
    { name: 'email', type: 'email', label: { vi: 'Email', en: 'Email' } },
    {
      name: 'about',
      type: 'richText',
      label: {
        vi: 'Giới thiệu nhà trường (trang Giới thiệu – Liên hệ)',
        en: 'About the school (About & contact page)',
      },
    },
    {
      name: 'links',
      type: 'array',
      label: { vi: 'Liên kết', en: 'Links' },
      labels: { singular: { vi: 'Liên kết', en: 'Link' }, plural: { vi: 'Liên kết', en: 'Links' } },
      fields: [
        { name: 'label', type: 'text', required: true, label: { vi: 'Tên', en: 'Label' } },
        {
          name: 'url',
          type: 'text',
          required: true,
          label: { vi: 'Địa chỉ web', en: 'URL' },
          validate: (value: string | null | undefined) =>
            typeof value === 'string' && /^https?:\/\/\S+$/.test(value)
              ? true
              : 'Địa chỉ web phải bắt đầu bằng http:// hoặc https:// / A URL starts with http:// or https://',
        },
      ],
    },
  ],
}
