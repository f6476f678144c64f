/**
 * The words and rules of assessing pupils under Circular 27/2020/TT-BGDĐT (TT27), as the
 * school's regulation asks for them (Điều 5.3–5.4, 6, 9.2–9.3, 10, 12). Codes are stored in the
 * database and used by the API and the spreadsheets: never rename one.
 */
type Labels<K extends string> = Record<K, { vi: string; en: string }>

/** TT27 Điều 7: the four checkpoints of a school year, in order. */
export const PERIODS = ['mid1', 'end1', 'mid2', 'end'] as const
export type Period = (typeof PERIODS)[number]
export const PERIOD_LABELS: Labels<Period> = {
  mid1: { vi: 'Giữa học kì I', en: 'Mid-term I' },
  end1: { vi: 'Cuối học kì I', en: 'End of term I' },
  mid2: { vi: 'Giữa học kì II', en: 'Mid-term II' },
  end: { vi: 'Cuối năm học', en: 'End of year' },
}
export const PERIOD_SHORT_LABELS: Record<Period, string> = {
  mid1: 'GKI',
  end1: 'CKI',
  mid2: 'GKII',
  end: 'CN',
}

/** Subject levels (TT27 Điều 6.1a): Hoàn thành tốt, Hoàn thành, Chưa hoàn thành. */
export const SUBJECT_LEVELS = ['T', 'H', 'C'] as const
export type SubjectLevel = (typeof SUBJECT_LEVELS)[number]
export const SUBJECT_LEVEL_LABELS: Labels<SubjectLevel> = {
  T: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  H: { vi: 'Hoàn thành', en: 'Completed' },
  C: { vi: 'Chưa hoàn thành', en: 'Not completed' },
}

/** Quality and competency levels (TT27 Điều 6.1b): Tốt, Đạt, Cần cố gắng. */
export const QUALITY_LEVELS = ['T', 'Đ', 'C'] as const
export type QualityLevel = (typeof QUALITY_LEVELS)[number]
export const QUALITY_LEVEL_LABELS: Labels<QualityLevel> = {
  T: { vi: 'Tốt', en: 'Good' },
  Đ: { vi: 'Đạt', en: 'Satisfactory' },
  C: { vi: 'Cần cố gắng', en: 'Needs effort' },
}

/** The 2018 programme's subjects and activities (codes of the issue; electives included). */
export const SUBJECT_CODES = [
  'tieng-viet',
  'toan',
  'ngoai-ngu',
  'dao-duc',
  'tu-nhien-xa-hoi',
  'khoa-hoc',
  'lich-su-dia-li',
  'tin-hoc-cong-nghe',
  'giao-duc-the-chat',
  'am-nhac',
  'mi-thuat',
  'hoat-dong-trai-nghiem',
  'tieng-dan-toc',
] as const
export type ProgrammeSubjectCode = (typeof SUBJECT_CODES)[number]

export interface ProgrammeSubject {
  code: ProgrammeSubjectCode
  name: string
  /** The short name of the Ministry's templates and the grid's header. */
  shortName: string
  /** Grades that study it as compulsory. */
  grades: number[]
  /** Grades where it is an elective (Ngoại ngữ 1 and Tiếng dân tộc in grades 1–2). */
  electiveGrades: number[]
  /** Checkpoints with a periodic test (1–10), per grade (TT27 Điều 7.2). */
  tested: Partial<Record<number, Period[]>>
  /** Order of the subject in the transcript and the Ministry's templates. */
  order: number
}

const TERM_ENDS: Period[] = ['end1', 'end']
const ALL_PERIODS: Period[] = [...PERIODS]
const everyGrade = [1, 2, 3, 4, 5]

/** TT27 Điều 7.2 and the 2018 programme's subjects and periods per grade. */
export const PROGRAMME_SUBJECTS: ProgrammeSubject[] = [
  {
    code: 'tieng-viet',
    name: 'Tiếng Việt',
    shortName: 'Tiếng Việt',
    grades: everyGrade,
    electiveGrades: [],
    tested: { 1: TERM_ENDS, 2: TERM_ENDS, 3: TERM_ENDS, 4: ALL_PERIODS, 5: ALL_PERIODS },
    order: 1,
  },
  {
    code: 'toan',
    name: 'Toán',
    shortName: 'Toán',
    grades: everyGrade,
    electiveGrades: [],
    tested: { 1: TERM_ENDS, 2: TERM_ENDS, 3: TERM_ENDS, 4: ALL_PERIODS, 5: ALL_PERIODS },
    order: 2,
  },
  {
    code: 'ngoai-ngu',
    name: 'Ngoại ngữ 1',
    shortName: 'Ngoại ngữ',
    grades: [3, 4, 5],
    electiveGrades: [1, 2],
    tested: { 3: TERM_ENDS, 4: TERM_ENDS, 5: TERM_ENDS },
    order: 3,
  },
  {
    code: 'dao-duc',
    name: 'Đạo đức',
    shortName: 'Đạo đức',
    grades: everyGrade,
    electiveGrades: [],
    tested: {},
    order: 4,
  },
  {
    code: 'tu-nhien-xa-hoi',
    name: 'Tự nhiên và Xã hội',
    shortName: 'TN&XH',
    grades: [1, 2, 3],
    electiveGrades: [],
    tested: {},
    order: 5,
  },
  {
    code: 'khoa-hoc',
    name: 'Khoa học',
    shortName: 'Khoa học',
    grades: [4, 5],
    electiveGrades: [],
    tested: { 4: TERM_ENDS, 5: TERM_ENDS },
    order: 6,
  },
  {
    code: 'lich-su-dia-li',
    name: 'Lịch sử và Địa lí',
    shortName: 'LS&ĐL',
    grades: [4, 5],
    electiveGrades: [],
    tested: { 4: TERM_ENDS, 5: TERM_ENDS },
    order: 7,
  },
  {
    code: 'tin-hoc-cong-nghe',
    name: 'Tin học và Công nghệ',
    shortName: 'TH&CN',
    grades: [3, 4, 5],
    electiveGrades: [],
    tested: { 3: TERM_ENDS, 4: TERM_ENDS, 5: TERM_ENDS },
    order: 8,
  },
  {
    code: 'giao-duc-the-chat',
    name: 'Giáo dục thể chất',
    shortName: 'GDTC',
    grades: everyGrade,
    electiveGrades: [],
    tested: {},
    order: 9,
  },
  {
    code: 'am-nhac',
    name: 'Âm nhạc',
    shortName: 'Âm nhạc',
    grades: everyGrade,
    electiveGrades: [],
    tested: {},
    order: 10,
  },
  {
    code: 'mi-thuat',
    name: 'Mĩ thuật',
    shortName: 'Mĩ thuật',
    grades: everyGrade,
    electiveGrades: [],
    tested: {},
    order: 11,
  },
  {
    code: 'hoat-dong-trai-nghiem',
    name: 'Hoạt động trải nghiệm',
    shortName: 'HĐTN',
    grades: everyGrade,
    electiveGrades: [],
    tested: {},
    order: 12,
  },
  {
    code: 'tieng-dan-toc',
    name: 'Tiếng dân tộc thiểu số',
    shortName: 'Tiếng dân tộc',
    grades: [],
    electiveGrades: everyGrade,
    tested: {},
    order: 13,
  },
]

/** TT27 Điều 5.2a: the five qualities. */
export const QUALITY_CODES = [
  'yeu-nuoc',
  'nhan-ai',
  'cham-chi',
  'trung-thuc',
  'trach-nhiem',
] as const
/** TT27 Điều 5.2b: the three general competencies. */
export const GENERAL_COMPETENCY_CODES = [
  'tu-chu-tu-hoc',
  'giao-tiep-hop-tac',
  'gqvd-sang-tao',
] as const
/** The specific competencies; công nghệ and tin học start in grade 3. */
export const SPECIFIC_COMPETENCY_CODES = [
  'ngon-ngu',
  'tinh-toan',
  'khoa-hoc',
  'cong-nghe',
  'tin-hoc',
  'tham-mi',
  'the-chat',
] as const
export type QualityCode = (typeof QUALITY_CODES)[number]
export type CompetencyCode =
  (typeof GENERAL_COMPETENCY_CODES)[number] | (typeof SPECIFIC_COMPETENCY_CODES)[number]
export type TraitCode = QualityCode | CompetencyCode

export const TRAIT_LABELS: Record<TraitCode, string> = {
  'yeu-nuoc': 'Yêu nước',
  'nhan-ai': 'Nhân ái',
  'cham-chi': 'Chăm chỉ',
  'trung-thuc': 'Trung thực',
  'trach-nhiem': 'Trách nhiệm',
  'tu-chu-tu-hoc': 'Tự chủ và tự học',
  'giao-tiep-hop-tac': 'Giao tiếp và hợp tác',
  'gqvd-sang-tao': 'Giải quyết vấn đề và sáng tạo',
  'ngon-ngu': 'Ngôn ngữ',
  'tinh-toan': 'Tính toán',
  'khoa-hoc': 'Khoa học',
  'cong-nghe': 'Công nghệ',
  'tin-hoc': 'Tin học',
  'tham-mi': 'Thẩm mĩ',
  'the-chat': 'Thể chất',
}

/** The qualities and competencies a pupil of this grade is rated on, in the transcript's order. */
export function traitsOfGrade(grade: number): TraitCode[] {
  const specific = SPECIFIC_COMPETENCY_CODES.filter(
    (code) => grade >= 3 || (code !== 'cong-nghe' && code !== 'tin-hoc'),
  )
  return [...QUALITY_CODES, ...GENERAL_COMPETENCY_CODES, ...specific]
}

export const QUALITY_TRAITS: readonly TraitCode[] = QUALITY_CODES

/** Year-end overall results (TT27 Điều 9.2). */
export const YEAR_RESULTS = ['HTXS', 'HTT', 'HT', 'CHT'] as const
export type YearResult = (typeof YEAR_RESULTS)[number]
export const YEAR_RESULT_LABELS: Labels<YearResult> = {
  HTXS: { vi: 'Hoàn thành xuất sắc', en: 'Completed with excellence' },
  HTT: { vi: 'Hoàn thành tốt', en: 'Completed well' },
  HT: { vi: 'Hoàn thành', en: 'Completed' },
  CHT: { vi: 'Chưa hoàn thành', en: 'Not completed' },
}

/** Attendance marks of a session (Điều 9.3); "present" is what no mark means. */
export const ATTENDANCE_MARKS = ['excused', 'unexcused', 'late'] as const
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number]
export const ATTENDANCE_MARK_LABELS: Labels<AttendanceMark | 'present'> = {
  present: { vi: 'Có mặt', en: 'Present' },
  excused: { vi: 'Vắng có phép', en: 'Absent with leave' },
  unexcused: { vi: 'Vắng không phép', en: 'Absent without leave' },
  late: { vi: 'Đi muộn', en: 'Late' },
}
export const SESSIONS = ['morning', 'afternoon'] as const
export type Session = (typeof SESSIONS)[number]
export const SESSION_LABELS: Labels<Session> = {
  morning: { vi: 'Buổi sáng', en: 'Morning' },
  afternoon: { vi: 'Buổi chiều', en: 'Afternoon' },
}

/** `2026-2027`: the form of a school year everywhere (classes, checkpoints, assessments). */
export const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/

export function isSchoolYear(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = SCHOOL_YEAR_PATTERN.exec(value)
  return Boolean(match && Number(match[2]) === Number(match[1]) + 1)
}

export function previousSchoolYear(schoolYear: string): string {
  const start = Number(schoolYear.slice(0, 4))
  return `${start - 1}-${start}`
}
