/**
 * The words of the school's records (Điều 8, 9.1, 11, 16): pupils, their enrollment events,
 * health check-ups and staff evaluations. Slugs are stored in the database: never rename one.
 */
type Labels<K extends string> = Record<K, { vi: string; en: string }>

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]
export const GENDER_LABELS: Labels<Gender> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
}

/** Điều 9.1: a pupil is studying, has transferred out, or has dropped out. */
export const PUPIL_STATUSES = ['studying', 'transferred_out', 'dropped_out'] as const
export type PupilStatus = (typeof PUPIL_STATUSES)[number]
export const PUPIL_STATUS_LABELS: Labels<PupilStatus> = {
  studying: { vi: 'Đang học', en: 'Studying' },
  transferred_out: { vi: 'Đã chuyển đi', en: 'Transferred out' },
  dropped_out: { vi: 'Đã bỏ học', en: 'Dropped out' },
}

/** Điều 9.1, 6: changes of a pupil's enrollment, kept as history. */
export const ENROLLMENT_EVENT_KINDS = [
  'transfer_in',
  'transfer_out',
  'drop_out',
  'class_change',
] as const
export type EnrollmentEventKind = (typeof ENROLLMENT_EVENT_KINDS)[number]
export const ENROLLMENT_EVENT_LABELS: Labels<EnrollmentEventKind> = {
  transfer_in: { vi: 'Chuyển đến', en: 'Transfer in' },
  transfer_out: { vi: 'Chuyển đi', en: 'Transfer out' },
  drop_out: { vi: 'Bỏ học', en: 'Drop-out' },
  class_change: { vi: 'Chuyển lớp', en: 'Class change' },
}

/** The status a pupil has after an enrollment event (a class change leaves it as it was). */
export const STATUS_AFTER_EVENT: Partial<Record<EnrollmentEventKind, PupilStatus>> = {
  transfer_in: 'studying',
  transfer_out: 'transferred_out',
  drop_out: 'dropped_out',
}

/** Con gia đình chính sách: the kinds the school reports to the education office. */
export const POLICY_STATUSES = [
  'none',
  'war_invalid_child',
  'martyr_child',
  'sick_soldier_child',
  'poor_household',
  'near_poor_household',
  'other',
] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]
export const POLICY_STATUS_LABELS: Labels<PolicyStatus> = {
  none: { vi: 'Không', en: 'None' },
  war_invalid_child: { vi: 'Con thương binh', en: "War invalid's child" },
  martyr_child: { vi: 'Con liệt sĩ', en: "Martyr's child" },
  sick_soldier_child: { vi: 'Con bệnh binh', en: "Sick soldier's child" },
  poor_household: { vi: 'Hộ nghèo', en: 'Poor household' },
  near_poor_household: { vi: 'Hộ cận nghèo', en: 'Near-poor household' },
  other: { vi: 'Đối tượng chính sách khác', en: 'Other policy status' },
}

export const GUARDIAN_RELATIONSHIPS = [
  'father',
  'mother',
  'grandparent',
  'sibling',
  'other',
] as const
export type GuardianRelationship = (typeof GUARDIAN_RELATIONSHIPS)[number]
export const GUARDIAN_RELATIONSHIP_LABELS: Labels<GuardianRelationship> = {
  father: { vi: 'Bố', en: 'Father' },
  mother: { vi: 'Mẹ', en: 'Mother' },
  grandparent: { vi: 'Ông/Bà', en: 'Grandparent' },
  sibling: { vi: 'Anh/Chị', en: 'Sibling' },
  other: { vi: 'Người giám hộ khác', en: 'Other guardian' },
}

/** Vietnam's rule for children's data: from age 7 the child's own consent is needed too. */
export const OWN_CONSENT_AGE = 7

/** Whole years of age on a given day. */
export function ageOn(dateOfBirth: string | Date, day: Date = new Date()): number {
  const born = new Date(dateOfBirth)
  let age = day.getUTCFullYear() - born.getUTCFullYear()
  const beforeBirthday =
    day.getUTCMonth() < born.getUTCMonth() ||
    (day.getUTCMonth() === born.getUTCMonth() && day.getUTCDate() < born.getUTCDate())
  if (beforeBirthday) age -= 1
  return age
}

/** Đánh giá, xếp loại viên chức hằng năm (annual evaluation of public employees). */
export const ANNUAL_RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const
export type AnnualRating = (typeof ANNUAL_RATINGS)[number]
export const ANNUAL_RATING_LABELS: Labels<AnnualRating> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  not_completed: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
}

/** Chuẩn nghề nghiệp giáo viên (professional standard for teachers). */
export const STANDARD_LEVELS = ['excellent', 'good', 'pass', 'fail'] as const
export type StandardLevel = (typeof STANDARD_LEVELS)[number]
export const STANDARD_LEVEL_LABELS: Labels<StandardLevel> = {
  excellent: { vi: 'Tốt', en: 'Excellent' },
  good: { vi: 'Khá', en: 'Good' },
  pass: { vi: 'Đạt', en: 'Pass' },
  fail: { vi: 'Chưa đạt', en: 'Fail' },
}

export const CONTRACT_TYPES = ['civil_servant', 'contract'] as const
export type ContractType = (typeof CONTRACT_TYPES)[number]
export const CONTRACT_TYPE_LABELS: Labels<ContractType> = {
  civil_servant: { vi: 'Viên chức (biên chế)', en: 'Civil servant' },
  contract: { vi: 'Hợp đồng lao động', en: 'Labour contract' },
}

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'export'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]
export const AUDIT_ACTION_LABELS: Labels<AuditAction> = {
  read: { vi: 'Xem', en: 'Read' },
  create: { vi: 'Tạo', en: 'Create' },
  update: { vi: 'Sửa', en: 'Update' },
  delete: { vi: 'Xóa', en: 'Delete' },
  export: { vi: 'Xuất tệp', en: 'Export' },
}

/**
 * Whether what an entry records happened. A deletion's entry is written before the record goes
 * (a deletion that cannot be logged does not happen) and confirmed once it is gone: one that
 * failed or was interrupted stays unconfirmed, and the record is still there.
 */
export const AUDIT_OUTCOMES = ['done', 'unconfirmed'] as const
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number]
export const AUDIT_OUTCOME_LABELS: Labels<AuditOutcome> = {
  done: { vi: 'Đã thực hiện', en: 'Done' },
  unconfirmed: {
    vi: 'Chưa hoàn tất (lỗi hoặc bị gián đoạn)',
    en: 'Not completed (failed or interrupted)',
  },
}

/**
 * The collections that hold records: each touch of them is audited (Điều 9.1, 11, 16), a pupil's
 * results and attendance included (Điều 9.2, 9.3, 12).
 */
export const RECORD_COLLECTIONS = [
  'students',
  'health-checkups',
  'staff-profiles',
  'assessments',
  'trait-assessments',
  'year-end-results',
  'attendance',
  // Children's data rights (Law 91/2025): guardians' requests and breaches are audited too.
  'data-requests',
  'data-breaches',
] as const
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number]

/** Select options with both languages, for a labels table. */
export function optionsOf<K extends string>(keys: readonly K[], labels: Labels<K>) {
  return keys.map((value) => ({ value, label: labels[value] }))
}
