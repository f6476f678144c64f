/**
 * The demo school: a realistic (fictional) staff of a Vietnamese primary school, deterministic so
 * every run seeds the same data. One account per role answers at `<role>@demo.giathuong.edu.vn`.
 */
import type { Role } from '@school/shared'

import { richTextFromParagraphs } from '../lib/rich-text'

export const DEMO_DOMAIN = 'demo.giathuong.edu.vn'
export const DEFAULT_DEMO_PASSWORD = 'GiaThuong@2024'

export function demoPassword(): string {
  return process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD
}

export function demoLoginEmail(role: Role): string {
  return `${role}@${DEMO_DOMAIN}`
}

export interface DemoStaff {
  /** A stable key used only inside the seed to connect people to groups. */
  key: string
  fullName: string
  roles: Role[]
  jobTitle: string
  phone: string
  /** The demo login of this role, if this person holds it. */
  demoLoginFor?: Role
}

export const DEMO_STAFF: DemoStaff[] = [
  {
    key: 'principal',
    fullName: 'Phạm Thị Thanh Hà',
    roles: ['principal'],
    jobTitle: 'Hiệu trưởng',
    phone: '0912 001 001',
    demoLoginFor: 'principal',
  },
  {
    key: 'vp-academic',
    fullName: 'Trần Văn Đức',
    roles: ['vice_principal'],
    jobTitle: 'Phó hiệu trưởng phụ trách chuyên môn',
    phone: '0912 001 002',
    demoLoginFor: 'vice_principal',
  },
  {
    key: 'vp-activities',
    fullName: 'Lê Thị Minh Nguyệt',
    roles: ['vice_principal'],
    jobTitle: 'Phó hiệu trưởng phụ trách cơ sở vật chất, hoạt động',
    phone: '0912 001 003',
  },

  {
    key: 'head-3',
    fullName: 'Đỗ Thị Lan Anh',
    roles: ['group_head', 'homeroom_teacher'],
    jobTitle: 'Tổ trưởng tổ khối 3, GVCN lớp 3A',
    phone: '0983 100 301',
    demoLoginFor: 'group_head',
  },
  {
    key: 'homeroom-3b',
    fullName: 'Nguyễn Thị Bích Ngọc',
    roles: ['homeroom_teacher'],
    jobTitle: 'GVCN lớp 3B',
    phone: '0983 100 302',
    demoLoginFor: 'homeroom_teacher',
  },
  {
    key: 'english-1',
    fullName: 'Hoàng Minh Tuấn',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên Tiếng Anh',
    phone: '0983 100 303',
    demoLoginFor: 'subject_teacher',
  },
  {
    key: 'it',
    fullName: 'Vũ Quang Huy',
    roles: ['it_teacher', 'subject_teacher'],
    jobTitle: 'Giáo viên Tin học',
    phone: '0983 100 304',
    demoLoginFor: 'it_teacher',
  },

  {
    key: 'head-1',
    fullName: 'Nguyễn Thị Thu Hằng',
    roles: ['group_head', 'homeroom_teacher'],
    jobTitle: 'Tổ trưởng tổ khối 1, GVCN lớp 1A',
    phone: '0983 100 101',
  },
  {
    key: 'homeroom-1b',
    fullName: 'Lê Thị Hồng Vân',
    roles: ['homeroom_teacher'],
    jobTitle: 'GVCN lớp 1B',
    phone: '0983 100 102',
  },
  {
    key: 'teacher-1',
    fullName: 'Quách Văn Bình',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên khối 1',
    phone: '0983 100 103',
  },
  {
    key: 'head-2',
    fullName: 'Trần Thị Ngọc Ánh',
    roles: ['group_head', 'homeroom_teacher'],
    jobTitle: 'Tổ trưởng tổ khối 2, GVCN lớp 2A, Chủ tịch Công đoàn',
    phone: '0983 100 201',
  },
  {
    key: 'homeroom-2b',
    fullName: 'Phạm Thị Thùy Dung',
    roles: ['homeroom_teacher'],
    jobTitle: 'GVCN lớp 2B',
    phone: '0983 100 202',
  },
  {
    key: 'head-4',
    fullName: 'Vũ Thị Hải Yến',
    roles: ['group_head', 'homeroom_teacher'],
    jobTitle: 'Tổ trưởng tổ khối 4, GVCN lớp 4A',
    phone: '0983 100 401',
  },
  {
    key: 'homeroom-4b',
    fullName: 'Đinh Thị Phương Thảo',
    roles: ['homeroom_teacher'],
    jobTitle: 'GVCN lớp 4B',
    phone: '0983 100 402',
  },
  {
    key: 'teacher-4',
    fullName: 'Lâm Thị Huyền',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên khối 4',
    phone: '0983 100 403',
  },
  {
    key: 'head-5',
    fullName: 'Nguyễn Văn Hùng',
    roles: ['group_head', 'homeroom_teacher'],
    jobTitle: 'Tổ trưởng tổ khối 5, GVCN lớp 5A',
    phone: '0983 100 501',
  },
  {
    key: 'homeroom-5b',
    fullName: 'Hà Thị Thanh Tâm',
    roles: ['homeroom_teacher'],
    jobTitle: 'GVCN lớp 5B',
    phone: '0983 100 502',
  },
  {
    key: 'teacher-5',
    fullName: 'Tô Thị Bảo Châu',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên khối 5',
    phone: '0983 100 503',
  },

  {
    key: 'head-specialist',
    fullName: 'Lưu Thị Mỹ Linh',
    roles: ['group_head', 'subject_teacher'],
    jobTitle: 'Tổ trưởng tổ chuyên biệt, Giáo viên Âm nhạc',
    phone: '0983 100 601',
  },
  {
    key: 'english-2',
    fullName: 'Đoàn Thị Kiều Trinh',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên Tiếng Anh, Bí thư Chi đoàn',
    phone: '0983 100 602',
  },
  {
    key: 'pe',
    fullName: 'Mai Văn Thắng',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên Giáo dục thể chất',
    phone: '0983 100 603',
  },
  {
    key: 'art',
    fullName: 'Tạ Thị Ngọc Mai',
    roles: ['subject_teacher'],
    jobTitle: 'Giáo viên Mĩ thuật',
    phone: '0983 100 604',
  },
  {
    key: 'pioneer',
    fullName: 'Kiều Văn Sơn',
    roles: ['subject_teacher'],
    jobTitle: 'Tổng phụ trách Đội',
    phone: '0983 100 605',
  },

  {
    key: 'nurse',
    fullName: 'Bùi Thị Thu Trang',
    roles: ['nurse'],
    jobTitle: 'Nhân viên y tế',
    phone: '0974 200 001',
    demoLoginFor: 'nurse',
  },
  {
    key: 'clerk',
    fullName: 'Ngô Thị Hồng Nhung',
    roles: ['clerk'],
    jobTitle: 'Văn thư',
    phone: '0974 200 002',
    demoLoginFor: 'clerk',
  },
  {
    key: 'accountant',
    fullName: 'Đặng Thị Mai Phương',
    roles: ['accountant'],
    jobTitle: 'Kế toán',
    phone: '0974 200 003',
    demoLoginFor: 'accountant',
  },
  {
    key: 'hr',
    fullName: 'Phan Văn Long',
    roles: ['hr_officer'],
    jobTitle: 'Phụ trách nhân sự',
    phone: '0974 200 004',
    demoLoginFor: 'hr_officer',
  },
  {
    key: 'web-admin',
    fullName: 'Trịnh Thị Kim Oanh',
    roles: ['web_admin'],
    jobTitle: 'Quản trị Website',
    phone: '0974 200 005',
    demoLoginFor: 'web_admin',
  },
  {
    key: 'equipment',
    fullName: 'Lý Văn Khánh',
    roles: ['equipment_officer'],
    jobTitle: 'Nhân viên thiết bị',
    phone: '0974 200 006',
    demoLoginFor: 'equipment_officer',
  },
  {
    key: 'librarian',
    fullName: 'Cao Thị Thu Hiền',
    roles: ['librarian'],
    jobTitle: 'Nhân viên thư viện',
    phone: '0974 200 007',
    demoLoginFor: 'librarian',
  },
]

export interface DemoGroup {
  key: string
  name: string
  kind: 'professional' | 'organisation' | 'class' | 'editorial_board'
  grade?: number
  head?: string
  homeroomTeacher?: string
  parentGroup?: string
  members: string[]
}

const SPECIALISTS = ['head-specialist', 'english-1', 'english-2', 'pe', 'art', 'it', 'pioneer']
const TEACHERS = DEMO_STAFF.filter((person) =>
  person.roles.some((role) =>
    ['group_head', 'homeroom_teacher', 'subject_teacher', 'it_teacher'].includes(role),
  ),
).map((person) => person.key)

/** Specialist teachers of each grade: English is split between the two English teachers. */
function specialistsOfGrade(grade: number): string[] {
  const english = grade === 3 || grade === 4 ? 'english-1' : 'english-2'
  const informatics = grade >= 3 ? ['it'] : []
  return [english, 'pe', 'art', 'head-specialist', ...informatics]
}

function gradeGroup(grade: number, head: string, members: string[]): DemoGroup {
  return {
    key: `grade-${grade}`,
    name: `Tổ khối ${grade}`,
    kind: 'professional',
    grade,
    head,
    members: [head, ...members],
  }
}

function schoolClass(name: string, homeroomTeacher: string): DemoGroup {
  const grade = Number(name[0])
  return {
    key: `class-${name}`,
    name: `Lớp ${name}`,
    kind: 'class',
    grade,
    homeroomTeacher,
    parentGroup: `grade-${grade}`,
    members: [homeroomTeacher, ...specialistsOfGrade(grade)],
  }
}

export const DEMO_GROUPS: DemoGroup[] = [
  gradeGroup(1, 'head-1', ['homeroom-1b', 'teacher-1']),
  gradeGroup(2, 'head-2', ['homeroom-2b']),
  // The demo group head's group holds the demo homeroom and subject teachers.
  gradeGroup(3, 'head-3', ['homeroom-3b', 'english-1']),
  gradeGroup(4, 'head-4', ['homeroom-4b', 'teacher-4']),
  gradeGroup(5, 'head-5', ['homeroom-5b', 'teacher-5']),
  {
    key: 'specialist',
    name: 'Tổ chuyên biệt',
    kind: 'professional',
    head: 'head-specialist',
    members: SPECIALISTS,
  },

  schoolClass('1A', 'head-1'),
  schoolClass('1B', 'homeroom-1b'),
  schoolClass('2A', 'head-2'),
  schoolClass('2B', 'homeroom-2b'),
  schoolClass('3A', 'head-3'),
  schoolClass('3B', 'homeroom-3b'),
  schoolClass('4A', 'head-4'),
  schoolClass('4B', 'homeroom-4b'),
  schoolClass('5A', 'head-5'),
  schoolClass('5B', 'homeroom-5b'),

  {
    key: 'union',
    name: 'Công đoàn trường',
    kind: 'organisation',
    head: 'head-2',
    members: DEMO_STAFF.map((person) => person.key),
  },
  {
    key: 'pioneers',
    name: 'Liên đội',
    kind: 'organisation',
    head: 'pioneer',
    members: [
      'pioneer',
      'vp-activities',
      ...TEACHERS.filter((key) => key.startsWith('homeroom') || key.startsWith('head-')),
    ],
  },
  {
    key: 'youth-union',
    name: 'Chi đoàn',
    kind: 'organisation',
    head: 'english-2',
    members: ['english-2', 'english-1', 'it', 'pe', 'art', 'homeroom-3b', 'web-admin'],
  },
  // Điều 5.6: the principal heads the board; the leaders of the organisations are its members.
  {
    key: 'editorial-board',
    name: 'Ban biên tập Website',
    kind: 'editorial_board',
    head: 'principal',
    members: [
      'principal',
      'vp-academic',
      'vp-activities',
      'head-2',
      'pioneer',
      'english-2',
      'web-admin',
    ],
  },
]

export const DEMO_SCHOOL_PROFILE = {
  name: 'Trường Tiểu học Gia Thượng',
  motto: 'Dạy tốt – Học tốt – Chăm ngoan – Sáng tạo',
  address: 'Tổ 5, phường Phúc Lợi, Hà Nội',
  // The transcript's cover and the Ministry's files name the school by these.
  schoolCode: '01012345',
  commune: 'Phường Phúc Lợi',
  province: 'Thành phố Hà Nội',
  phone: '024 3872 0000',
  email: 'vanphong@giathuong.edu.vn',
  about: richTextFromParagraphs([
    'Trường Tiểu học Gia Thượng là trường công lập trên địa bàn phường Phúc Lợi, Hà Nội, với 10 lớp từ khối 1 đến khối 5.',
    'Nhà trường luôn chú trọng đổi mới phương pháp dạy học, ứng dụng công nghệ thông tin và chuyển đổi số trong quản lý và giảng dạy.',
    'Phụ huynh cần liên hệ xin vui lòng gọi văn phòng nhà trường trong giờ hành chính hoặc gửi thư điện tử.',
  ]),
  links: [
    { label: 'Bộ Giáo dục và Đào tạo', url: 'https://moet.gov.vn' },
    { label: 'Sở Giáo dục và Đào tạo Hà Nội', url: 'https://hanoi.edu.vn' },
    { label: 'Cơ sở dữ liệu ngành Giáo dục', url: 'https://csdl.moet.gov.vn' },
  ],
}
