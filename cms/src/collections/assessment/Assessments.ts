import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  NumberFieldSingleValidation,
} from 'payload'
import { PERIOD_LABELS, type Period } from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { isTested, subjectByCode, taughtInGrade } from '../../assessment/catalogue'
import { classOfEntry } from '../../assessment/checks'
import { logGradeChanges } from '../../assessment/change-log'
import { lockTargetOf, refuseWhenLocked } from '../../assessment/locks'
import { audited } from '../../audit/hooks'
import { localize, userError } from '../../lib/messages'
import type { Assessment } from '../../payload-types'
import { GROUP, L, periodOptions, schoolYearValidation, subjectLevelOptions } from './labels'

export const wholeScore: NumberFieldSingleValidation = (value, { req }) =>
  value === undefined ||
  value === null ||
  (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 10)
    ? true
    : localize(req, {
        vi: 'Điểm kiểm tra là số nguyên từ 1 đến 10, không dùng số thập phân.',
        en: 'A test score is a whole number from 1 to 10.',
      })

type Attempt = NonNullable<Assessment['attempts']>[number]

/**
 * TT27 Điều 7.2: a re-test keeps the earlier paper's score; the last attempt counts. A score
 * sent without `retest` corrects the last attempt (a typing mistake), with `retest` it is a new
 * attempt. The score is always the last attempt's.
 */
export function attemptsAfter(
  stored: Attempt[],
  score: number | null | undefined,
  retest: boolean,
): Attempt[] {
  if (score === undefined) return stored
  if (score === null) return retest ? stored : stored.slice(0, -1)
  const recordedAt = new Date().toISOString()
  if (retest || stored.length === 0) return [...stored, { score, recordedAt }]
  if (stored[stored.length - 1]?.score === score) return stored
  return [...stored.slice(0, -1), { score, recordedAt }]
}

const SCORE_REQUIRED = (subject: string, period: Period) => ({
  vi: `${subject} có bài kiểm tra định kì ở kì ${PERIOD_LABELS[period].vi}: cần nhập điểm 1–10.`,
  en: `${subject} has a periodic test at ${PERIOD_LABELS[period].en}: enter a score 1–10.`,
})
const SCORE_NOT_TESTED = (subject: string, period: Period) => ({
  vi: `${subject} không có bài kiểm tra định kì ở kì ${PERIOD_LABELS[period].vi}: không nhập điểm.`,
  en: `${subject} has no periodic test at ${PERIOD_LABELS[period].en}: leave the score empty.`,
})

/**
 * Checks what only the records can tell (the pupil's class and grade, the subject's tests, the
 * window and the locks) and keeps the attempts. Refusals are 400 (bad entry) or 409 (locked).
 */
const checkAndKeepAttempts: CollectionBeforeChangeHook<Assessment> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Assessment
  const schoolClass = await classOfEntry(req, merged, operation)
  const subject = await subjectByCode(req, merged.subject)
  const grade = schoolClass.grade ?? 0
  if (!subject || !taughtInGrade(subject, grade)) {
    throw userError(req, 400, {
      vi: `Khối ${grade} không học môn có mã "${String(merged.subject)}".`,
      en: `Grade ${grade} has no subject coded "${String(merged.subject)}".`,
    })
  }
  const period = merged.period as Period
  const tested = isTested(subject, grade, period)
  const attempts = attemptsAfter(
    (originalDoc?.attempts ?? []) as Attempt[],
    data.score,
    req.context?.retest === true,
  )
  const score = attempts.length > 0 ? attempts[attempts.length - 1]!.score : null
  if (tested && score === null) throw userError(req, 400, SCORE_REQUIRED(subject.name, period))
  if (!tested && score !== null) throw userError(req, 400, SCORE_NOT_TESTED(subject.name, period))
  const target = lockTargetOf(merged, subject.code)
  if (target) await refuseWhenLocked(req, target)
  return {
    ...data,
    class: schoolClass.id,
    attempts,
    score,
    enteredBy:
      operation === 'create' ? (req.user?.id ?? data.enteredBy ?? null) : originalDoc?.enteredBy,
  }
}

/**
 * Each pupil's level, test score and comment in a subject at a checkpoint (TT27 Điều 6, 7;
 * Điều 10.1, 12.1 of the school's regulation): entered by the teacher assigned to the class and
 * subject, while the checkpoint's window is open. One document per pupil × subject × checkpoint
 * × school year.
 */
export const Assessments: CollectionConfig = audited({
  slug: 'assessments',
  labels: {
    singular: { vi: 'Kết quả môn học', en: 'Subject assessment' },
    plural: { vi: 'Kết quả môn học', en: 'Subject assessments' },
  },
  admin: {
    defaultColumns: ['student', 'subject', 'period', 'level', 'score', 'schoolYear'],
    group: GROUP,
  },
  access: collectionAccess('assessments'),
  // Entered through their grids, a whole class at once: no per-document edit locks to keep
  // (two queries a row on every save).
  lockDocuments: false,
  defaultSort: '-updatedAt',
  indexes: [
    { fields: ['student', 'subject', 'period', 'schoolYear'], unique: true },
    { fields: ['class', 'subject', 'period', 'schoolYear'] },
  ],
  hooks: {
    beforeChange: [checkAndKeepAttempts],
    afterChange: [
      logGradeChanges('assessments', ['level', 'score', 'comment'], (doc) =>
        typeof doc.subject === 'string' ? doc.subject : null,
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
          access: fieldAccess('assessments', 'student', L.student),
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          label: L.class,
          filterOptions: { kind: { equals: 'class' } },
          access: fieldAccess('assessments', 'class', L.class),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'subject',
          type: 'text',
          required: true,
          index: true,
          label: L.subject,
          access: fieldAccess('assessments', 'subject', L.subject),
        },
        {
          name: 'period',
          type: 'select',
          required: true,
          options: periodOptions,
          label: L.period,
          access: fieldAccess('assessments', 'period', L.period),
        },
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          validate: schoolYearValidation,
          label: L.schoolYear,
          access: fieldAccess('assessments', 'schoolYear', L.schoolYear),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'level',
          type: 'select',
          required: true,
          options: subjectLevelOptions,
          label: L.level,
        },
        { name: 'score', type: 'number', validate: wholeScore, label: L.score },
      ],
    },
    { name: 'comment', type: 'textarea', maxLength: 1000, label: L.comment },
    {
      name: 'attempts',
      type: 'array',
      label: { vi: 'Các lần kiểm tra (lần cuối được tính)', en: 'Test attempts (the last counts)' },
      access: fieldAccess('assessments', 'attempts', { vi: 'Các lần kiểm tra', en: 'Attempts' }),
      admin: { readOnly: true },
      fields: [
        { name: 'score', type: 'number', required: true, label: L.score },
        { name: 'recordedAt', type: 'date', label: { vi: 'Ghi lúc', en: 'Recorded at' } },
      ],
    },
    {
      name: 'enteredBy',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: L.enteredBy,
      access: fieldAccess('assessments', 'enteredBy', L.enteredBy),
      admin: { readOnly: true },
    },
  ],
})
