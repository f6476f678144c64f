/**
 * The school's roles, as the regulation names them (Điều 4–17).
 * Slugs are stored in the database and sent in API responses: never rename one.
 */
export const ROLES = [
  'principal',
  'vice_principal',
  'group_head',
  'it_teacher',
  'homeroom_teacher',
  'subject_teacher',
  'nurse',
  'clerk',
  'accountant',
  'hr_officer',
  'web_admin',
  'equipment_officer',
  'librarian',
] as const

export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, { vi: string; en: string }> = {
  principal: { vi: 'Hiệu trưởng', en: 'Principal' },
  vice_principal: { vi: 'Phó hiệu trưởng', en: 'Vice-principal' },
  group_head: { vi: 'Tổ trưởng chuyên môn', en: 'Group head' },
  it_teacher: { vi: 'Giáo viên Tin học', en: 'IT teacher' },
  homeroom_teacher: { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' },
  subject_teacher: { vi: 'Giáo viên bộ môn', en: 'Subject teacher' },
  nurse: { vi: 'Nhân viên y tế', en: 'Nurse' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  accountant: { vi: 'Kế toán', en: 'Accountant' },
  hr_officer: { vi: 'Phụ trách nhân sự', en: 'HR officer' },
  web_admin: { vi: 'Quản trị Website', en: 'Web admin' },
  equipment_officer: { vi: 'Nhân viên thiết bị', en: 'Equipment officer' },
  librarian: { vi: 'Nhân viên thư viện', en: 'Librarian' },
}

/** Ban giám hiệu: the school's leadership. */
export const LEADERSHIP_ROLES: readonly Role[] = ['principal', 'vice_principal']

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}
