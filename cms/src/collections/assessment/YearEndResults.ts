import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { classOfEntry } from '../../assessment/checks'
import { logGradeChanges } from '../../assessment/change-log'
import { refuseWhenLocked, YEAR_END_SCOPE } from '../../assessment/locks'
import { audited } from '../../audit/hooks'
import { sameValue } from '../../lib/values'
import type { YearEndResult } from '../../payload-types'
import { GROUP, L, schoolYearValidation, yearResultOptions } from './labels'

export const AWARD_OPTIONS = [
  { value: 'excellent', label: { vi: 'Học sinh Xuất sắc', en: 'Excellent pupil' } },
  {
    value: 'outstanding',
    label: {
      vi: 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện',
      en: 'Outstanding pupil',
    },
  },
]
export const PROMOTION_OPTIONS = [
  { value: 'promoted', label: { vi: 'Lên lớp', en: 'Promoted' } },
  {
    value: 'completed_primary',
    label: { vi: 'Hoàn thành chương trình tiểu học', en: 'Completed primary school' },
  },
  {
    value: 'summer_practice',
    label: { vi: 'Rèn luyện trong hè, đánh giá bổ sung', en: 'Summer practice, re-assessment' },
  },
  { value: 'retained', label: { vi: 'Ở lại lớp', en: 'Retained' } },
]

const BOOKKEEPING_KEYS: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt'])
/** What is recorded after the year is approved: a CHT pupil's re-assessment and its outcome. */
const AFTER_APPROVAL_KEYS: ReadonlySet<string> = new Set(['supplementary', 'principalDecision'])

/** A value as stored: a relationship by its id, an absent value as null. */
function comparable(value: unknown): unknown {
  if (value === undefined) return null
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id
  return value
}

/**
 * The homeroom teacher's part (comments, award proposal, promotion note) changes only before the
 * principal approves the class's year; the supplementary assessment of a CHT pupil (TT27
 * Điều 12.2) is recorded after it, once.
 */
const checkYearEnd: CollectionBeforeChangeHook<YearEndResult> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as YearEndResult
  const schoolClass = await classOfEntry(req, merged, operation)
  // Payload hands the hook every field, sent or not: what changes is what differs from the
  // stored record. A supplementary assessment already recorded (it has its date) is changed
  // only by a correction, like the rest of an approved year (Điều 12.2).
  const changed = Object.keys(data).filter(
    (key) =>
      !BOOKKEEPING_KEYS.has(key) &&
      !sameValue(
        comparable(data[key as keyof YearEndResult]),
        comparable(originalDoc?.[key as keyof YearEndResult]),
        { falseIsBlank: true },
      ),
  )
  const supplementaryRecorded = Boolean(originalDoc?.supplementary?.date)
  const onlySupplementary =
    operation === 'update' &&
    changed.every((key) => AFTER_APPROVAL_KEYS.has(key)) &&
    !(changed.includes('supplementary') && supplementaryRecorded)
  if (!onlySupplementary || merged.result !== 'CHT') {
    await refuseWhenLocked(req, {
      class: schoolClass.id,
      schoolYear: merged.schoolYear,
      period: 'end',
      scope: YEAR_END_SCOPE,
    })
  }
  return { ...data, class: schoolClass.id }
}

const RESULT = { vi: 'Kết quả cuối năm', en: 'Year result' }
const REASONS = { vi: 'Lý do', en: 'Reasons' }
const PRINCIPAL_DECISION = { vi: 'Quyết định của Hiệu trưởng', en: "Principal's decision" }

/**
 * A pupil's year (TT27 Điều 9, 11, 12, 13): the overall result computed from the `end`
 * checkpoint by TT27 Điều 9.2 (shared/src/year-end.ts) and shown with its reason; the homeroom teacher's
 * year-end comment, award proposal and promotion note; a CHT pupil's supplementary assessment.
 * One document per pupil × school year.
 */
export const YearEndResults: CollectionConfig = audited({
  slug: 'year-end-results',
  labels: {
    singular: { vi: 'Kết quả cuối năm', en: 'Year-end result' },
    plural: { vi: 'Kết quả cuối năm', en: 'Year-end results' },
  },
  admin: {
    defaultColumns: ['student', 'schoolYear', 'result', 'award', 'promotion'],
    group: GROUP,
  },
  access: collectionAccess('year-end-results'),
  defaultSort: '-updatedAt',
  indexes: [{ fields: ['student', 'schoolYear'], unique: true }],
  hooks: {
    beforeChange: [checkYearEnd],
    afterChange: [
      logGradeChanges(
        'year-end-results',
        ['result', 'award', 'promotion', 'comment', 'supplementary', 'principalDecision'],
        () => YEAR_END_SCOPE,
      ),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'student',
          type: 'relationship',
          relationTo: 'students',
          required: true,
          index: true,
          label: L.student,
          access: fieldAccess('year-end-results', 'student', L.student),
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          label: L.class,
          access: fieldAccess('year-end-results', 'class', L.class),
        },
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          validate: schoolYearValidation,
          label: L.schoolYear,
          access: fieldAccess('year-end-results', 'schoolYear', L.schoolYear),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'result',
          type: 'select',
          options: yearResultOptions,
          label: RESULT,
          access: fieldAccess('year-end-results', 'result', RESULT),
          admin: { readOnly: true },
        },
        {
          name: 'resultReasons',
          type: 'json',
          label: REASONS,
          access: fieldAccess('year-end-results', 'resultReasons', REASONS),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'comment',
      type: 'textarea',
      maxLength: 2000,
      label: { vi: 'Nhận xét cuối năm', en: 'Year-end comment' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'award',
          type: 'select',
          options: AWARD_OPTIONS,
          label: { vi: 'Đề nghị khen thưởng', en: 'Award proposal' },
        },
        {
          name: 'awardNote',
          type: 'text',
          maxLength: 300,
          label: { vi: 'Thành tích nổi bật', en: 'Achievement' },
        },
        {
          name: 'promotion',
          type: 'select',
          options: PROMOTION_OPTIONS,
          label: { vi: 'Lên lớp / hoàn thành', en: 'Promotion' },
        },
      ],
    },
    {
      name: 'supplementary',
      type: 'group',
      label: { vi: 'Đánh giá bổ sung (sau rèn luyện hè)', en: 'Supplementary assessment' },
      admin: { condition: (data) => data?.result === 'CHT' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'date', type: 'date', label: { vi: 'Ngày', en: 'Date' } },
            {
              name: 'passed',
              type: 'checkbox',
              label: { vi: 'Đã hoàn thành', en: 'Passed' },
            },
          ],
        },
        { name: 'comment', type: 'textarea', maxLength: 1000, label: L.comment },
      ],
    },
    {
      name: 'principalDecision',
      type: 'select',
      options: [
        { value: 'promote', label: { vi: 'Cho lên lớp', en: 'Promote' } },
        { value: 'retain', label: { vi: 'Ở lại lớp', en: 'Retain' } },
      ],
      label: PRINCIPAL_DECISION,
      access: fieldAccess('year-end-results', 'principalDecision', PRINCIPAL_DECISION),
      admin: {
        condition: (data) => data?.result === 'CHT',
        description: {
          vi: 'TT27 Điều 12.2: học sinh chưa hoàn thành sau đánh giá bổ sung.',
          en: 'TT27 Điều 12.2: a pupil still not completing after re-assessment.',
        },
      },
    },
  ],
})
