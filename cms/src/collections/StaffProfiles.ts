import type { CollectionBeforeChangeHook, CollectionConfig, Field } from 'payload'
import {
  ANNUAL_RATING_LABELS,
  ANNUAL_RATINGS,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  GENDER_LABELS,
  GENDERS,
  STANDARD_LEVEL_LABELS,
  STANDARD_LEVELS,
  optionsOf,
} from '@school/shared'

import { collectionAccess } from '../access/payload-access'
import { audited } from '../audit/hooks'
import { dateOnly, notInFuture } from '../fields/records'
import { vietnamesePhone } from '../fields/validators'
import type { StaffProfile } from '../payload-types'

const schoolYear: Field = {
  name: 'schoolYear',
  type: 'text',
  required: true,
  label: { vi: 'Năm học', en: 'School year' },
  admin: { placeholder: '2025-2026' },
  validate: (value: unknown) =>
    typeof value === 'string' && /^\d{4}-\d{4}$/.test(value) ? true : 'Năm học có dạng 2025-2026.',
}

/** One evaluation per school year, with its result and a comment (Điều 16). */
function yearlyEvaluations(name: string, label: { vi: string; en: string }, result: Field): Field {
  return {
    name,
    type: 'array',
    label,
    labels: { singular: { vi: 'Năm học', en: 'Year' }, plural: { vi: 'Các năm học', en: 'Years' } },
    fields: [
      { type: 'row', fields: [schoolYear, result] },
      { name: 'comment', type: 'textarea', label: { vi: 'Nhận xét', en: 'Comment' } },
    ],
  }
}

/** A profile made (e.g. by the import) before the person's account: joined to it by e-mail. */
const linkAccountByEmail: CollectionBeforeChangeHook<StaffProfile> = async ({
  data,
  originalDoc,
  req,
}) => {
  const email = (data.email ?? originalDoc?.email)?.trim().toLowerCase()
  if (!email) return data
  if (data.user || originalDoc?.user) return { ...data, email }
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { email: { equals: email } },
    limit: 1,
    depth: 0,
    select: {},
    overrideAccess: true,
    req,
  })
  return { ...data, email, user: docs[0]?.id ?? null }
}

/**
 * Staff records (Điều 16): personal and employment information, qualifications, the annual
 * evaluation (đánh giá, xếp loại viên chức) and the professional-standard evaluation. The HR
 * officer writes; leadership and the person read. The stable key for re-imports is `email`.
 */
export const StaffProfiles: CollectionConfig = audited({
  slug: 'staff-profiles',
  labels: {
    singular: { vi: 'Hồ sơ cán bộ', en: 'Staff profile' },
    plural: { vi: 'Hồ sơ cán bộ', en: 'Staff profiles' },
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'position', 'contractType', 'email'],
    group: { vi: 'Hồ sơ', en: 'Records' },
  },
  access: collectionAccess('staff-profiles'),
  defaultSort: 'fullName',
  hooks: { beforeChange: [linkAccountByEmail] },
  fields: [
    {
      type: 'row',
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
          index: true,
          label: { vi: 'Thư điện tử', en: 'E-mail' },
        },
      ],
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      unique: true,
      label: { vi: 'Tài khoản', en: 'Account' },
      admin: {
        position: 'sidebar',
        description: { vi: 'Tự nối theo thư điện tử.', en: 'Linked by e-mail.' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'dateOfBirth',
          type: 'date',
          validate: notInFuture,
          label: { vi: 'Ngày sinh', en: 'Date of birth' },
          admin: dateOnly,
        },
        {
          name: 'gender',
          type: 'select',
          options: optionsOf(GENDERS, GENDER_LABELS),
          label: { vi: 'Giới tính', en: 'Gender' },
        },
        {
          name: 'ethnicity',
          type: 'text',
          defaultValue: 'Kinh',
          label: { vi: 'Dân tộc', en: 'Ethnicity' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'idNumber',
          type: 'text',
          label: { vi: 'Số CCCD', en: 'ID card no.' },
          validate: (value: unknown) =>
            value === undefined || value === null || value === '' || /^\d{12}$/.test(String(value))
              ? true
              : 'Số căn cước công dân gồm 12 chữ số.',
        },
        {
          name: 'phone',
          type: 'text',
          validate: vietnamesePhone,
          label: { vi: 'Số điện thoại', en: 'Phone' },
        },
      ],
    },
    {
      name: 'permanentAddress',
      type: 'text',
      label: { vi: 'Địa chỉ thường trú', en: 'Permanent address' },
    },
    {
      type: 'collapsible',
      label: { vi: 'Công tác', en: 'Employment' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'position',
              type: 'text',
              label: { vi: 'Chức vụ, vị trí việc làm', en: 'Position' },
            },
            {
              name: 'contractType',
              type: 'select',
              options: optionsOf(CONTRACT_TYPES, CONTRACT_TYPE_LABELS),
              label: { vi: 'Loại hợp đồng', en: 'Contract' },
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              name: 'startDate',
              type: 'date',
              validate: notInFuture,
              label: { vi: 'Ngày vào ngành', en: 'Start date' },
              admin: dateOnly,
            },
            {
              name: 'professionalRank',
              type: 'text',
              label: { vi: 'Hạng chức danh nghề nghiệp', en: 'Professional rank' },
              admin: { placeholder: 'Giáo viên tiểu học hạng II' },
            },
          ],
        },
      ],
    },
    {
      name: 'qualifications',
      type: 'array',
      label: { vi: 'Trình độ đào tạo', en: 'Qualifications' },
      labels: {
        singular: { vi: 'Bằng cấp', en: 'Qualification' },
        plural: { vi: 'Bằng cấp', en: 'Qualifications' },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'level',
              type: 'text',
              required: true,
              label: { vi: 'Trình độ', en: 'Level' },
              admin: { placeholder: 'Đại học' },
            },
            { name: 'major', type: 'text', label: { vi: 'Chuyên ngành', en: 'Major' } },
            { name: 'institution', type: 'text', label: { vi: 'Nơi đào tạo', en: 'Institution' } },
            {
              name: 'year',
              type: 'number',
              min: 1960,
              max: 2100,
              label: { vi: 'Năm tốt nghiệp', en: 'Year' },
            },
          ],
        },
      ],
    },
    yearlyEvaluations(
      'annualEvaluations',
      { vi: 'Đánh giá, xếp loại viên chức hằng năm', en: 'Annual evaluations' },
      {
        name: 'rating',
        type: 'select',
        required: true,
        options: optionsOf(ANNUAL_RATINGS, ANNUAL_RATING_LABELS),
        label: { vi: 'Xếp loại', en: 'Rating' },
      },
    ),
    yearlyEvaluations(
      'standardEvaluations',
      { vi: 'Đánh giá chuẩn nghề nghiệp', en: 'Professional-standard evaluations' },
      {
        name: 'level',
        type: 'select',
        required: true,
        options: optionsOf(STANDARD_LEVELS, STANDARD_LEVEL_LABELS),
        label: { vi: 'Mức', en: 'Level' },
      },
    ),
  ],
})
