import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  NumberFieldSingleValidation,
} from 'payload'
import { formatDateVi } from '@school/shared'

import { collectionAccess } from '../access/payload-access'
import { audited } from '../audit/hooks'
import { dateOnly, notInFuture } from '../fields/records'
import { localize } from '../lib/messages'
import type { HealthCheckup } from '../payload-types'

function within(min: number, max: number, unit: string): NumberFieldSingleValidation {
  return (value, { req }) =>
    value === undefined || value === null || (value >= min && value <= max)
      ? true
      : localize(req, {
          vi: `Giá trị cần trong khoảng ${min}–${max} ${unit}.`,
          en: `Must be between ${min} and ${max} ${unit}.`,
        })
}

/** Body-mass index, rounded to one decimal: the nurse reads it against the WHO charts for age. */
export function bodyMassIndex(heightCm?: number | null, weightKg?: number | null): number | null {
  if (!heightCm || !weightKg) return null
  const metres = heightCm / 100
  return Math.round((weightKg / (metres * metres)) * 10) / 10
}

const deriveTitleAndBmi: CollectionBeforeChangeHook<HealthCheckup> = ({
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data }
  return {
    ...data,
    bmi: bodyMassIndex(merged.heightCm, merged.weightKg),
    title: localize(req, {
      vi: `Khám ngày ${formatDateVi(merged.date ?? new Date())}`,
      en: `Check-up ${formatDateVi(merged.date ?? new Date())}`,
    }),
    // The nurse who records it; the seed, acting for no one, names her.
    examinedBy: originalDoc?.examinedBy ?? req.user?.id ?? data.examinedBy ?? null,
  }
}

/** Periodic health check-ups of pupils (Điều 11): written by the nurse only. */
export const HealthCheckups: CollectionConfig = audited({
  slug: 'health-checkups',
  labels: {
    singular: { vi: 'Lần khám sức khỏe', en: 'Health check-up' },
    plural: { vi: 'Khám sức khỏe định kỳ', en: 'Health check-ups' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: [
      'student',
      'date',
      'heightCm',
      'weightKg',
      'bmi',
      'visionLeft',
      'visionRight',
      'dental',
    ],
    group: { vi: 'Hồ sơ', en: 'Records' },
  },
  access: collectionAccess('health-checkups'),
  defaultSort: '-date',
  hooks: { beforeChange: [deriveTitleAndBmi] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'student',
          type: 'relationship',
          relationTo: 'students',
          required: true,
          index: true,
          label: { vi: 'Học sinh', en: 'Pupil' },
        },
        {
          name: 'date',
          type: 'date',
          required: true,
          index: true,
          validate: notInFuture,
          label: { vi: 'Ngày khám', en: 'Date' },
          admin: dateOnly,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'heightCm',
          type: 'number',
          validate: within(50, 200, 'cm'),
          label: { vi: 'Chiều cao (cm)', en: 'Height (cm)' },
        },
        {
          name: 'weightKg',
          type: 'number',
          validate: within(8, 120, 'kg'),
          label: { vi: 'Cân nặng (kg)', en: 'Weight (kg)' },
        },
        { name: 'bmi', type: 'number', label: { vi: 'BMI', en: 'BMI' }, admin: { readOnly: true } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'visionLeft',
          type: 'text',
          label: { vi: 'Thị lực mắt trái', en: 'Vision (left)' },
          admin: { placeholder: '10/10' },
        },
        {
          name: 'visionRight',
          type: 'text',
          label: { vi: 'Thị lực mắt phải', en: 'Vision (right)' },
          admin: { placeholder: '10/10' },
        },
      ],
    },
    {
      name: 'dental',
      type: 'select',
      options: [
        { value: 'healthy', label: { vi: 'Bình thường', en: 'Healthy' } },
        { value: 'caries', label: { vi: 'Sâu răng', en: 'Caries' } },
        { value: 'other', label: { vi: 'Vấn đề khác', en: 'Other' } },
      ],
      label: { vi: 'Răng miệng', en: 'Dental' },
    },
    { name: 'notes', type: 'textarea', label: { vi: 'Ghi chú, đề nghị', en: 'Notes' } },
    {
      name: 'examinedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người khám', en: 'Examined by' },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
})
