/** Labels and options of the assessment records, from the shared words (Vietnamese first). */
import {
  ATTENDANCE_MARK_LABELS,
  ATTENDANCE_MARKS,
  PERIOD_LABELS,
  PERIODS,
  QUALITY_LEVEL_LABELS,
  QUALITY_LEVELS,
  SESSION_LABELS,
  SESSIONS,
  SUBJECT_LEVEL_LABELS,
  SUBJECT_LEVELS,
  YEAR_RESULT_LABELS,
  YEAR_RESULTS,
  isSchoolYear,
} from '@school/shared'
import type { TextFieldSingleValidation } from 'payload'

import { localize } from '../../lib/messages'

export const periodOptions = PERIODS.map((value) => ({ value, label: PERIOD_LABELS[value] }))
export const subjectLevelOptions = SUBJECT_LEVELS.map((value) => ({
  value,
  label: { vi: `${value} – ${SUBJECT_LEVEL_LABELS[value].vi}`, en: SUBJECT_LEVEL_LABELS[value].en },
}))
/**
 * A quality or competency level (T, Đ, C) is stored as text, not as a select: GraphQL names its
 * enum values, and "Đ" is not a valid GraphQL name. The Ministry's letter is kept as it is.
 */
export const qualityLevelField = {
  type: 'text' as const,
  maxLength: 1,
  validate: ((value, { req }) =>
    value === undefined ||
    value === null ||
    value === '' ||
    (QUALITY_LEVELS as readonly string[]).includes(value)
      ? true
      : localize(req, {
          vi: 'Mức phẩm chất, năng lực là T (Tốt), Đ (Đạt) hoặc C (Cần cố gắng).',
          en: 'A quality or competency level is T, Đ or C.',
        })) satisfies TextFieldSingleValidation,
  admin: {
    description: {
      vi: QUALITY_LEVELS.map((level) => `${level}: ${QUALITY_LEVEL_LABELS[level].vi}`).join(', '),
      en: 'T, Đ or C',
    },
  },
}

/** Any level letter of either scale, for the comment bank. */
export const anyLevelField = {
  type: 'text' as const,
  maxLength: 1,
  validate: ((value, { req }) =>
    value === undefined || value === null || value === '' || ['T', 'H', 'Đ', 'C'].includes(value)
      ? true
      : localize(req, {
          vi: 'Mức là T, H, Đ hoặc C.',
          en: 'A level is T, H, Đ or C.',
        })) satisfies TextFieldSingleValidation,
}
export const yearResultOptions = YEAR_RESULTS.map((value) => ({
  value,
  label: { vi: `${value} – ${YEAR_RESULT_LABELS[value].vi}`, en: YEAR_RESULT_LABELS[value].en },
}))
export const attendanceMarkOptions = ATTENDANCE_MARKS.map((value) => ({
  value,
  label: ATTENDANCE_MARK_LABELS[value],
}))
export const sessionOptions = SESSIONS.map((value) => ({ value, label: SESSION_LABELS[value] }))
export const gradeOptions = [1, 2, 3, 4, 5].map((grade) => ({
  value: String(grade),
  label: { vi: `Khối ${grade}`, en: `Grade ${grade}` },
}))

export const L = {
  schoolYear: { vi: 'Năm học', en: 'School year' },
  period: { vi: 'Kì đánh giá', en: 'Checkpoint' },
  student: { vi: 'Học sinh', en: 'Pupil' },
  class: { vi: 'Lớp', en: 'Class' },
  subject: { vi: 'Môn học / hoạt động', en: 'Subject' },
  teacher: { vi: 'Giáo viên', en: 'Teacher' },
  level: { vi: 'Mức đạt được', en: 'Level' },
  score: { vi: 'Điểm KTĐK', en: 'Test score' },
  comment: { vi: 'Nhận xét', en: 'Comment' },
  enteredBy: { vi: 'Người nhập', en: 'Entered by' },
}

export const GROUP = { vi: 'Đánh giá học sinh', en: 'Assessment' }

/** `2026-2027`, the form of a school year everywhere. */
export const schoolYearValidation: TextFieldSingleValidation = (value, { req }) =>
  isSchoolYear(value)
    ? true
    : localize(req, {
        vi: 'Năm học có dạng 2026-2027 (hai năm liền nhau).',
        en: 'A school year looks like 2026-2027 (two consecutive years).',
      })
