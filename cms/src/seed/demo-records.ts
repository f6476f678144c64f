/**
 * The demo school's records: 20–30 pupils per class with their guardians, enrollment events,
 * consent and two years of health check-ups, and a profile for every staff member. Made up and
 * deterministic (a seeded generator), so every run seeds the same school and tests can look
 * for each pupil's data on the public site.
 */
import type { PayloadRequest } from 'payload'
import type { Gender, GuardianRelationship, PolicyStatus } from '@school/shared'

import type { Group, User } from '../payload-types'
import { DEMO_STAFF } from './demo-school'

const FAMILY_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
  'Phan',
  'Trịnh',
  'Đinh',
  'Lương',
  'Chu',
]
const MIDDLE = {
  male: ['Văn', 'Minh', 'Đức', 'Quang', 'Gia', 'Hữu', 'Anh', 'Bảo', 'Thành'],
  female: ['Thị', 'Ngọc', 'Thu', 'Minh', 'Khánh', 'Bảo', 'Hà', 'Phương', 'Diệu'],
}
const GIVEN = {
  male: [
    'An',
    'Bách',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Hải',
    'Hiếu',
    'Hoàng',
    'Huy',
    'Khang',
    'Khoa',
    'Kiên',
    'Lâm',
    'Long',
    'Lộc',
    'Minh',
    'Nam',
    'Nhân',
    'Phong',
    'Phúc',
    'Quân',
    'Sang',
    'Tài',
    'Thái',
    'Thiện',
    'Toàn',
    'Trí',
    'Trung',
    'Vinh',
  ],
  female: [
    'Anh',
    'Chi',
    'Diệp',
    'Dương',
    'Giang',
    'Hân',
    'Hiền',
    'Khuê',
    'Lam',
    'Linh',
    'Loan',
    'Ly',
    'My',
    'Nga',
    'Ngân',
    'Nhi',
    'Như',
    'Oanh',
    'Quyên',
    'Quỳnh',
    'San',
    'Thảo',
    'Thư',
    'Tiên',
    'Trâm',
    'Uyên',
    'Vy',
    'Xuân',
    'Yến',
    'Hạnh',
  ],
}
const FATHER_MIDDLE = ['Văn', 'Đức', 'Quốc', 'Mạnh', 'Xuân', 'Công', 'Tiến']
const FATHER_GIVEN = [
  'Tùng',
  'Hưng',
  'Thắng',
  'Quyết',
  'Tuấn',
  'Sơn',
  'Hậu',
  'Toản',
  'Chiến',
  'Khải',
  'Luân',
  'Tráng',
]
const MOTHER_FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Vũ', 'Đào', 'Tạ', 'Mai', 'Kiều', 'Lưu']
const MOTHER_GIVEN = [
  'Hoa',
  'Huệ',
  'Lan',
  'Liên',
  'Mơ',
  'Nhàn',
  'Sen',
  'Thắm',
  'Tươi',
  'Vân',
  'Hường',
  'Thoa',
]
const OCCUPATIONS = [
  'Công nhân',
  'Kinh doanh tự do',
  'Nhân viên văn phòng',
  'Giáo viên',
  'Kỹ sư',
  'Buôn bán',
  'Lái xe',
  'Y tá',
  'Nội trợ',
  'Bộ đội',
  'Công chức',
]
const STREETS = [
  'ngõ 12 Phúc Lợi',
  'ngõ 45 Gia Thượng',
  'ngõ 7 Thạch Bàn',
  'tổ 3 Việt Hưng',
  'ngõ 88 Ngọc Thụy',
  'ngõ 21 Đức Giang',
  'tổ 9 Giang Biên',
]
const MINORITIES = ['Tày', 'Mường', 'Nùng', 'Thái']
const OTHER_SCHOOLS = [
  'Trường Tiểu học Ngọc Thụy',
  'Trường Tiểu học Thạch Bàn A',
  'Trường Tiểu học Việt Hưng',
  'Trường Tiểu học Đức Giang',
]

/** A small deterministic generator (mulberry32): the same school on every run. */
export function generator(seed: number) {
  let state = seed
  const next = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (probability: number) => next() < probability,
  }
}

export interface DemoGuardian {
  name: string
  relationship: GuardianRelationship
  phone: string
  occupation: string
}

export interface DemoPupil {
  studentCode: string
  fullName: string
  gender: Gender
  dateOfBirth: string
  ethnicity: string
  permanentAddress: string
  policyStatus: PolicyStatus
  guardians: DemoGuardian[]
  consent: { guardian: boolean; pupil: boolean }
  nationality?: string
  placeOfBirth?: string
  homeTown?: string
  currentAddress?: string
  registerNumber?: string
  /** Số định danh cá nhân: 12 digits. */
  personalId?: string
  /** "3B": the class's short name. */
  className: string
  transfer?: {
    kind: 'transfer_in' | 'transfer_out' | 'drop_out'
    monthsAgo: number
    school?: string
    reason: string
  }
}

/** Where the demo's pupils were born and where their families come from (the personal page). */
const PROVINCES = [
  'Hà Nội',
  'Hà Nội',
  'Hà Nội',
  'Bắc Ninh',
  'Hưng Yên',
  'Nam Định',
  'Thái Bình',
  'Phú Thọ',
  'Thanh Hóa',
  'Nghệ An',
]

/**
 * The transcript's personal page (TT27 Phụ lục 1) and the Ministry's pupil list: drawn from a
 * generator of the pupil's own, so that adding them changes nothing else the demo draws.
 * The national id (Căn cước, Thông tư 59/2021/TT-BCA): province 001 (Hà Nội), the century-and-sex
 * digit (2 a boy, 3 a girl born 2000–2099), the year's last two digits, six digits.
 */
function personalDetails(pupil: DemoPupil, sequence: number, startYear: number) {
  const random = generator(90_000 + sequence)
  const grade = Number(pupil.className[0])
  const born = new Date(pupil.dateOfBirth)
  const centuryAndSex = pupil.gender === 'male' ? '2' : '3'
  const birthYear = String(born.getUTCFullYear()).slice(2)
  const moved = random.chance(0.15)
  return {
    nationality: 'Việt Nam',
    placeOfBirth: random.pick(PROVINCES),
    homeTown: random.pick(PROVINCES),
    currentAddress: moved
      ? `Số ${random.int(1, 120)}, ${random.pick(STREETS)}, Long Biên, Hà Nội`
      : pupil.permanentAddress,
    // Số đăng bộ: the pupil's line in the register of the year they entered grade 1.
    registerNumber: `${String(sequence).padStart(3, '0')}/${startYear - grade + 1}`,
    personalId: `001${centuryAndSex}${birthYear}${String(random.int(0, 999_999)).padStart(6, '0')}`,
  }
}

const CLASS_NAMES = ['1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B', '5A', '5B']

function phone(random: ReturnType<typeof generator>): string {
  const prefix = random.pick([
    '090',
    '091',
    '093',
    '094',
    '096',
    '097',
    '098',
    '086',
    '088',
    '035',
    '038',
  ])
  return `${prefix}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
}

/** The pupils of the demo school for the school year starting in `startYear`. */
export function demoPupils(startYear: number): DemoPupil[] {
  const random = generator(2024)
  const staffNames = new Set(DEMO_STAFF.map((person) => person.fullName))
  const taken = new Set<string>()
  const pupils: DemoPupil[] = []
  let sequence = 0
  CLASS_NAMES.forEach((className, classIndex) => {
    const grade = Number(className[0])
    const size = 20 + ((classIndex * 7 + 3) % 11)
    for (let seat = 0; seat < size; seat += 1) {
      const gender: Gender = random.chance(0.5) ? 'male' : 'female'
      let fullName: string
      let family: string
      do {
        family = random.pick(FAMILY_NAMES)
        fullName = `${family} ${random.pick(MIDDLE[gender])} ${random.pick(GIVEN[gender])}`
      } while (taken.has(fullName) || staffNames.has(fullName))
      taken.add(fullName)
      sequence += 1
      // Grade 1 pupils turn 6 in the calendar year the school year starts.
      const birthYear = startYear - 5 - grade
      const born = new Date(Date.UTC(birthYear, random.int(0, 11), random.int(1, 28)))
      const father: DemoGuardian = {
        name: `${family} ${random.pick(FATHER_MIDDLE)} ${random.pick(FATHER_GIVEN)}`,
        relationship: 'father',
        phone: phone(random),
        occupation: random.pick(OCCUPATIONS),
      }
      const mother: DemoGuardian = {
        name: `${random.pick(MOTHER_FAMILY)} Thị ${random.pick(MOTHER_GIVEN)}`,
        relationship: 'mother',
        phone: phone(random),
        occupation: random.pick(OCCUPATIONS),
      }
      const guardians = random.chance(0.1) ? [mother] : [father, mother]
      const pupil: DemoPupil = {
        studentCode: `01250${String(sequence).padStart(5, '0')}`,
        fullName,
        gender,
        dateOfBirth: born.toISOString(),
        ethnicity: random.chance(0.06) ? random.pick(MINORITIES) : 'Kinh',
        permanentAddress: `Số ${random.int(1, 120)}, ${random.pick(STREETS)}, Long Biên, Hà Nội`,
        policyStatus: random.chance(0.05)
          ? random.pick(['war_invalid_child', 'poor_household', 'near_poor_household'] as const)
          : 'none',
        guardians,
        consent: { guardian: random.chance(0.85), pupil: random.chance(0.8) },
        className,
      }
      Object.assign(pupil, personalDetails(pupil, sequence, startYear))
      if (seat === 2 && classIndex % 3 === 0) {
        pupil.transfer = {
          kind: 'transfer_in',
          monthsAgo: 2,
          school: random.pick(OTHER_SCHOOLS),
          reason: 'Gia đình chuyển nơi ở',
        }
      }
      if (seat === 5 && classIndex === 7) {
        pupil.transfer = {
          kind: 'transfer_out',
          monthsAgo: 1,
          school: random.pick(OTHER_SCHOOLS),
          reason: 'Theo bố mẹ chuyển công tác',
        }
      }
      pupils.push(pupil)
    }
  })
  return pupils
}

function monthsBefore(today: Date, months: number): string {
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 10)).toISOString()
}

/** Check-ups in September of each of the last two school years: height and weight grow. */
function checkupsOf(pupil: DemoPupil, startYear: number, seed: number) {
  const random = generator(seed)
  const age = startYear - new Date(pupil.dateOfBirth).getUTCFullYear()
  const height = 105 + (age - 6) * 6 + random.int(-6, 6)
  const weight = 17 + (age - 6) * 2.5 + random.int(-3, 4)
  return [1, 0].map((yearsAgo) => ({
    date: new Date(Date.UTC(startYear - yearsAgo, 8, 20)).toISOString(),
    heightCm: height - yearsAgo * random.int(4, 7),
    weightKg: Math.round((weight - yearsAgo * random.int(1, 3) + random.next()) * 10) / 10,
    visionLeft: random.chance(0.9) ? '10/10' : '8/10',
    visionRight: random.chance(0.9) ? '10/10' : '7/10',
    dental: random.chance(0.75) ? ('healthy' as const) : ('caries' as const),
  }))
}

/** Seeds pupils, their check-ups and the staff profiles. Runs inside the seed's transaction. */
export async function seedDemoRecords(
  req: PayloadRequest,
  classes: Map<string, Group['id']>,
  staff: Map<string, User>,
  startYear: number,
): Promise<number> {
  const { payload } = req
  const today = new Date()
  const pupils = demoPupils(startYear)
  const nurse = staff.get('nurse')
  for (const [index, pupil] of pupils.entries()) {
    const classId = classes.get(`class-${pupil.className}`)
    if (classId === undefined) throw new Error(`Demo seed: no class ${pupil.className}`)
    const { transfer, className: _className, ...fields } = pupil
    const created = await payload.create({
      collection: 'students',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        ...fields,
        class: classId,
        // Follows the enrollment events (Students/hooks).
        status: 'studying',
        consent: {
          ...pupil.consent,
          recordedOn: new Date(Date.UTC(startYear, 8, 5)).toISOString(),
        },
        enrollmentEvents: transfer
          ? [
              {
                kind: transfer.kind,
                date: monthsBefore(today, transfer.monthsAgo),
                reason: transfer.reason,
                school: transfer.school,
              },
            ]
          : [],
        health: {
          bloodType: (['A', 'B', 'AB', 'O'] as const)[index % 4],
          insuranceCode: `HS401${String(index + 1).padStart(10, '0')}`,
        },
      },
    })
    for (const checkup of checkupsOf(pupil, startYear, index + 1)) {
      await payload.create({
        collection: 'health-checkups',
        overrideAccess: true,
        req,
        depth: 0,
        data: { ...checkup, student: created.id, examinedBy: nurse?.id },
      })
    }
  }

  for (const [key, user] of staff) {
    const person = DEMO_STAFF.find((candidate) => candidate.key === key)
    if (!person) continue
    const teacher = person.roles.some((role) =>
      ['group_head', 'homeroom_teacher', 'subject_teacher', 'it_teacher'].includes(role),
    )
    await payload.create({
      collection: 'staff-profiles',
      overrideAccess: true,
      req,
      depth: 0,
      data: {
        fullName: person.fullName,
        email: user.email,
        user: user.id,
        phone: person.phone.replace(/\s/g, ''),
        position: person.jobTitle,
        contractType: key === 'pe' ? 'contract' : 'civil_servant',
        professionalRank: teacher ? 'Giáo viên tiểu học hạng II' : undefined,
        qualifications: [
          {
            level: 'Đại học',
            major: teacher ? 'Giáo dục Tiểu học' : 'Quản lý',
            institution: 'Trường Đại học Sư phạm Hà Nội',
          },
        ],
        annualEvaluations: [
          {
            schoolYear: `${startYear - 1}-${startYear}`,
            rating: key.startsWith('head') ? 'excellent' : 'good',
          },
        ],
        standardEvaluations: teacher
          ? [{ schoolYear: `${startYear - 1}-${startYear}`, level: 'good' }]
          : [],
      },
    })
  }
  return pupils.length
}
