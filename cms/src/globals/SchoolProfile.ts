import type { GlobalConfig, TextFieldSingleValidation } from 'payload'
import { schoolColourProblem } from '@school/shared'

import { globalAccess, globalPickerFilter } from '../access/payload-access'
import { vietnamesePhone } from '../fields/validators'
import { localize } from '../lib/messages'
import { markMediaOfSchoolProfile } from '../media/public-use'
import { rebuildSiteWhenPublicContentChanges } from '../site-build/hooks'

/** Refuses a colour the site could not show text on (WCAG AA 4.5:1 against white). */
const schoolColour: TextFieldSingleValidation = (value, { req }) => {
  const problem = schoolColourProblem(value)
  return problem ? localize(req, problem) : true
}

/** A quick link goes to a web address or to a page of the site itself ("/thuc-don/"). */
const quickLinkAddress: TextFieldSingleValidation = (value, { req }) =>
  typeof value === 'string' && (/^https?:\/\/\S+$/.test(value) || /^\/(?!\/)\S*$/.test(value))
    ? true
    : localize(req, {
        vi: 'Địa chỉ bắt đầu bằng http://, https:// hoặc / (một trang của website, ví dụ /thuc-don/).',
        en: 'An address starts with http://, https:// or / (a page of the website, e.g. /thuc-don/).',
      })

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
    // ── The school's own face on the website (issue 15). ──
    {
      type: 'row',
      fields: [
        {
          name: 'logo',
          type: 'upload',
          relationTo: 'media',
          filterOptions: globalPickerFilter('school-profile', 'logo'),
          label: { vi: 'Logo', en: 'Logo' },
          admin: {
            description: {
              vi: 'Ảnh vuông (PNG hoặc JPEG), hiện ở đầu mọi trang.',
              en: 'A square image (PNG or JPEG), shown at the top of every page.',
            },
          },
        },
        {
          name: 'banner',
          type: 'upload',
          relationTo: 'media',
          filterOptions: globalPickerFilter('school-profile', 'banner'),
          label: { vi: 'Ảnh băng rôn', en: 'Banner picture' },
          admin: {
            description: {
              vi: 'Ảnh ngang (ví dụ 1600×400), hiện trên trang chủ.',
              en: 'A wide picture (e.g. 1600×400), shown on the home page.',
            },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'primaryColor',
          type: 'text',
          label: { vi: 'Màu chính', en: 'Primary colour' },
          validate: schoolColour,
          admin: {
            placeholder: '#0b4f8a',
            description: {
              vi: 'Nền đầu trang và chân trang, chữ trắng trên nền này. Dạng #rrggbb.',
              en: 'Header and footer background, with white text. Written #rrggbb.',
            },
          },
        },
        {
          name: 'accentColor',
          type: 'text',
          label: { vi: 'Màu nhấn', en: 'Accent colour' },
          validate: schoolColour,
          admin: {
            placeholder: '#b3261e',
            description: {
              vi: 'Tiêu đề mục và đường viền trên nền trắng. Dạng #rrggbb.',
              en: 'Section headings and borders on white. Written #rrggbb.',
            },
          },
        },
      ],
    },
    {
      name: 'featuredPost',
      type: 'relationship',
      relationTo: 'posts',
      label: { vi: 'Tin nổi bật trên trang chủ', en: 'Featured story on the home page' },
      filterOptions: { _status: { equals: 'published' } },
      admin: {
        description: {
          vi: 'Để trống: trang chủ lấy tin mới nhất có ảnh bìa.',
          en: 'Empty: the home page shows the newest post with a cover image.',
        },
      },
    },
    {
      // The `links` above are the Ministry's and Department's sites the law asks for (Điều
      // 17.2), shown in the footer; these are the school's own shortcuts on the home page.
      name: 'quickLinks',
      type: 'array',
      label: { vi: 'Liên kết nhanh (trang chủ)', en: 'Quick links (home page)' },
      labels: {
        singular: { vi: 'Liên kết nhanh', en: 'Quick link' },
        plural: { vi: 'Liên kết nhanh', en: 'Quick links' },
      },
      maxRows: 12,
      fields: [
        { name: 'label', type: 'text', required: true, label: { vi: 'Tên', en: 'Label' } },
        {
          name: 'url',
          type: 'text',
          required: true,
          label: { vi: 'Địa chỉ', en: 'Address' },
          validate: quickLinkAddress,
        },
        {
          name: 'description',
          type: 'text',
          maxLength: 120,
          label: { vi: 'Mô tả ngắn', en: 'Short description' },
        },
      ],
    },
  ],
}
