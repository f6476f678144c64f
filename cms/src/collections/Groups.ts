import type {
  CollectionConfig,
  NumberFieldSingleValidation,
  TextFieldSingleValidation,
} from 'payload'
import { GRADES } from '@school/shared'

import { collectionAccess, fieldReadAccess } from '../access/payload-access'
import { groupKindOptions } from '../fields/labels'
import { slugField } from '../fields/slug'
import { localize } from '../lib/messages'
import { rebuildSiteWhenPublicContentChanges } from '../site-build/hooks'

const isClass = (data: Partial<{ kind: string }> | undefined) => data?.kind === 'class'

/**
 * The school's groups: professional groups (tổ chuyên môn, Điều 7), organisations (Công đoàn,
 * Liên đội, Chi đoàn), classes (Điều 9) and the editorial board headed by the principal (Điều 5.6).
 * A class belongs to the professional group of its grade; its head for reviews is that group's head.
 */
export const Groups: CollectionConfig = {
  slug: 'groups',
  labels: {
    singular: { vi: 'Tổ / Lớp / Đoàn thể', en: 'Group' },
    plural: { vi: 'Tổ, lớp và đoàn thể', en: 'Groups' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'head', 'homeroomTeacher'],
    group: { vi: 'Nhà trường', en: 'School' },
  },
  access: collectionAccess('groups'),
  hooks: {
    afterChange: [rebuildSiteWhenPublicContentChanges.collection],
    afterDelete: [rebuildSiteWhenPublicContentChanges.deletion],
  },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, label: { vi: 'Tên', en: 'Name' } },
    slugField('name', 'groups'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: groupKindOptions,
      label: { vi: 'Loại', en: 'Kind' },
    },
    {
      name: 'grade',
      type: 'number',
      min: 1,
      max: 5,
      label: { vi: 'Khối', en: 'Grade' },
      admin: {
        condition: (data) => data?.kind === 'class' || data?.kind === 'professional',
        description: {
          vi: 'Khối 1–5. Bắt buộc với lớp; với tổ chuyên môn theo khối.',
          en: 'Grade 1–5. Required for a class; for a grade group.',
        },
      },
      validate: ((value, { data, req }) => {
        if (!isClass(data as { kind?: string })) return true
        if (typeof value === 'number' && (GRADES as readonly number[]).includes(value)) return true
        return localize(req, {
          vi: 'Lớp học cần có khối từ 1 đến 5.',
          en: 'A class needs a grade from 1 to 5.',
        })
      }) satisfies NumberFieldSingleValidation,
    },
    {
      name: 'schoolYear',
      type: 'text',
      label: { vi: 'Năm học', en: 'School year' },
      admin: { condition: isClass, placeholder: '2026-2027' },
      validate: ((value, { req }) =>
        value === undefined || value === null || value === '' || /^\d{4}-\d{4}$/.test(value)
          ? true
          : localize(req, {
              vi: 'Năm học có dạng 2026-2027.',
              en: 'A school year looks like 2026-2027.',
            })) satisfies TextFieldSingleValidation,
    },
    {
      name: 'head',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Trưởng (tổ trưởng, chủ tịch, trưởng ban)', en: 'Head' },
      access: fieldReadAccess('groups', 'head'),
      admin: { condition: (data) => !isClass(data) },
    },
    {
      name: 'homeroomTeacher',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' },
      access: fieldReadAccess('groups', 'homeroomTeacher'),
      admin: { condition: isClass },
    },
    {
      name: 'parentGroup',
      type: 'relationship',
      relationTo: 'groups',
      label: { vi: 'Thuộc tổ chuyên môn', en: 'Professional group' },
      filterOptions: { kind: { equals: 'professional' } },
      admin: {
        condition: isClass,
        description: {
          vi: 'Tổ trưởng của tổ này thẩm định bài viết của lớp (Điều 7).',
          en: "This group's head reviews the class's posts (Điều 7).",
        },
      },
    },
    {
      name: 'members',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: { vi: 'Thành viên', en: 'Members' },
      access: fieldReadAccess('groups', 'members'),
      admin: {
        description: {
          vi: 'Với lớp: các giáo viên dạy lớp.',
          en: 'For a class: the teachers who teach it.',
        },
      },
    },
  ],
}
