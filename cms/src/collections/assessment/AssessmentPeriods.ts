import type { CollectionBeforeChangeHook, CollectionConfig, DateFieldValidation } from 'payload'
import { PERIOD_LABELS, type Period } from '@school/shared'

import { collectionAccess } from '../../access/payload-access'
import { dateOnly } from '../../fields/records'
import { localize } from '../../lib/messages'
import { GROUP, L, periodOptions, schoolYearValidation } from './labels'

const closesAfterOpening: DateFieldValidation = (value, { data, req }) => {
  const opens = (data as { opensOn?: string } | undefined)?.opensOn
  if (!value || !opens) return true
  return new Date(value).getTime() >= new Date(opens).getTime()
    ? true
    : localize(req, {
        vi: 'Ngày khóa sổ phải sau ngày mở nhập.',
        en: 'The window must close after it opens.',
      })
}

const nameTheWindow: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data } as { period?: Period; schoolYear?: string }
  const label = merged.period ? PERIOD_LABELS[merged.period].vi : ''
  return { ...data, title: `${label} ${merged.schoolYear ?? ''}`.trim() }
}

/**
 * The four checkpoints of a school year and the window in which teachers enter each (TT27
 * Điều 7; Điều 12.2 of the school's regulation): set by leadership. Outside its window a
 * checkpoint's entries are locked and a change needs a correction request. The window counts
 * whole days in Vietnam: it opens at the start of `opensOn` and closes at the end of `closesOn`.
 */
export const AssessmentPeriods: CollectionConfig = {
  slug: 'assessment-periods',
  labels: {
    singular: { vi: 'Kì đánh giá', en: 'Checkpoint' },
    plural: { vi: 'Kì đánh giá và hạn nhập', en: 'Checkpoints' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'opensOn', 'closesOn'],
    group: GROUP,
  },
  access: collectionAccess('assessment-periods'),
  defaultSort: '-opensOn',
  indexes: [{ fields: ['schoolYear', 'period'], unique: true }],
  hooks: { beforeChange: [nameTheWindow] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          validate: schoolYearValidation,
          label: L.schoolYear,
          admin: { placeholder: '2026-2027' },
        },
        {
          name: 'period',
          type: 'select',
          required: true,
          options: periodOptions,
          label: L.period,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'opensOn',
          type: 'date',
          required: true,
          label: { vi: 'Mở nhập từ ngày', en: 'Opens on' },
          admin: dateOnly,
        },
        {
          name: 'closesOn',
          type: 'date',
          required: true,
          validate: closesAfterOpening,
          label: { vi: 'Khóa sổ sau ngày', en: 'Closes after' },
          admin: dateOnly,
        },
      ],
    },
  ],
}
