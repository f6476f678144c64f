/**
 * Assets and teaching equipment (Điều 6, 15): the register's kinds, conditions, sources and
 * rooms, loans, the yearly inventory, damage/repair/disposal, and the minimum teaching-equipment
 * list of Thông tư 37/2021/TT-BGDĐT (a realistic subset) the school's holdings are weighed
 * against. Values are stored in the database: never rename one.
 */
import { vietnamDay } from './text'

type Labels<K extends string> = Record<K, { vi: string; en: string }>

export const ASSET_KINDS = ['fixed_asset', 'tool', 'teaching_equipment'] as const
export type AssetKind = (typeof ASSET_KINDS)[number]
export const ASSET_KIND_LABELS: Labels<AssetKind> = {
  fixed_asset: { vi: 'Tài sản cố định', en: 'Fixed asset' },
  tool: { vi: 'Công cụ dụng cụ', en: 'Tool' },
  teaching_equipment: { vi: 'Thiết bị dạy học', en: 'Teaching equipment' },
}

/** From best to worst: a return or a damage only ever moves an asset down this list. */
export const ASSET_CONDITIONS = [
  'good',
  'minor_damage',
  'damaged',
  'awaiting_disposal',
  'disposed',
] as const
export type AssetCondition = (typeof ASSET_CONDITIONS)[number]
export const ASSET_CONDITION_LABELS: Labels<AssetCondition> = {
  good: { vi: 'Tốt', en: 'Good' },
  minor_damage: { vi: 'Hỏng nhẹ', en: 'Minor damage' },
  damaged: { vi: 'Hỏng', en: 'Damaged' },
  awaiting_disposal: { vi: 'Chờ thanh lý', en: 'Awaiting disposal' },
  disposed: { vi: 'Đã thanh lý', en: 'Disposed' },
}
/** What a lent item can come back as (it cannot come back disposed). */
export const RETURN_CONDITIONS = ['good', 'minor_damage', 'damaged'] as const
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number]

export function conditionRank(condition: string | null | undefined): number {
  const rank = (ASSET_CONDITIONS as readonly string[]).indexOf(condition ?? 'good')
  return rank < 0 ? 0 : rank
}

export function worseCondition(a: AssetCondition, b: AssetCondition): AssetCondition {
  return conditionRank(a) >= conditionRank(b) ? a : b
}

/** An asset in these conditions lends nothing, whatever its quantity. */
export const UNUSABLE_CONDITIONS: readonly AssetCondition[] = [
  'damaged',
  'awaiting_disposal',
  'disposed',
]

export const ASSET_SOURCES = ['budget', 'socialisation', 'allocated', 'sponsored', 'other'] as const
export type AssetSource = (typeof ASSET_SOURCES)[number]
export const ASSET_SOURCE_LABELS: Labels<AssetSource> = {
  budget: { vi: 'Ngân sách', en: 'State budget' },
  socialisation: { vi: 'Xã hội hóa', en: 'Community funds' },
  allocated: { vi: 'Cấp trên cấp', en: 'Allocated by the authority' },
  sponsored: { vi: 'Tài trợ', en: 'Sponsored' },
  other: { vi: 'Khác', en: 'Other' },
}

/** The demo school's rooms: ten classrooms, the subject rooms, the library and the store. */
export const ROOMS = [
  'class-1a',
  'class-1b',
  'class-2a',
  'class-2b',
  'class-3a',
  'class-3b',
  'class-4a',
  'class-4b',
  'class-5a',
  'class-5b',
  'computer-room',
  'music-room',
  'art-room',
  'science-room',
  'english-room',
  'library',
  'store',
  'staff-room',
  'office',
  'yard',
] as const
export type Room = (typeof ROOMS)[number]
const classroom = (name: string) => ({ vi: `Phòng học ${name}`, en: `Classroom ${name}` })
export const ROOM_LABELS: Labels<Room> = {
  'class-1a': classroom('1A'),
  'class-1b': classroom('1B'),
  'class-2a': classroom('2A'),
  'class-2b': classroom('2B'),
  'class-3a': classroom('3A'),
  'class-3b': classroom('3B'),
  'class-4a': classroom('4A'),
  'class-4b': classroom('4B'),
  'class-5a': classroom('5A'),
  'class-5b': classroom('5B'),
  'computer-room': { vi: 'Phòng Tin học', en: 'Computer room' },
  'music-room': { vi: 'Phòng Âm nhạc', en: 'Music room' },
  'art-room': { vi: 'Phòng Mĩ thuật', en: 'Art room' },
  'science-room': { vi: 'Phòng Khoa học – Công nghệ', en: 'Science room' },
  'english-room': { vi: 'Phòng Tiếng Anh', en: 'English room' },
  library: { vi: 'Thư viện', en: 'Library' },
  store: { vi: 'Kho thiết bị', en: 'Equipment store' },
  'staff-room': { vi: 'Phòng Hội đồng', en: 'Staff room' },
  office: { vi: 'Văn phòng', en: 'Office' },
  yard: { vi: 'Sân trường', en: 'School yard' },
}

export const EQUIPMENT_GRADES = ['1', '2', '3', '4', '5'] as const

/** A loan is out until it is returned. */
export const LOAN_STATUSES = ['out', 'returned'] as const
export type LoanStatus = (typeof LOAN_STATUSES)[number]
export const LOAN_STATUS_LABELS: Labels<LoanStatus> = {
  out: { vi: 'Đang mượn', en: 'Out' },
  returned: { vi: 'Đã trả', en: 'Returned' },
}

/** A loan is overdue from the day after its due day (Vietnam's days) until it is returned. */
export function loanOverdue(
  dueOn: string | Date | null | undefined,
  status: string | null | undefined,
  now: Date = new Date(),
): boolean {
  if (!dueOn || status === 'returned') return false
  return vietnamDay(dueOn) < vietnamDay(now)
}

/** Kiểm kê: the equipment officer counts and submits, leadership approves (Điều 6, 15). */
export const INVENTORY_STATUSES = ['draft', 'submitted', 'approved'] as const
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number]
export const INVENTORY_STATUS_LABELS: Labels<InventoryStatus> = {
  draft: { vi: 'Đang kiểm kê', en: 'Draft' },
  submitted: { vi: 'Đã trình duyệt', en: 'Submitted' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
}
/** Each step and where it may go; a submitted inventory may be sent back to be counted again. */
export const INVENTORY_NEXT: Record<InventoryStatus, readonly InventoryStatus[]> = {
  draft: ['submitted'],
  submitted: ['approved', 'draft'],
  approved: [],
}

export const ASSET_EVENT_KINDS = ['damage', 'repair', 'disposal'] as const
export type AssetEventKind = (typeof ASSET_EVENT_KINDS)[number]
export const ASSET_EVENT_KIND_LABELS: Labels<AssetEventKind> = {
  damage: { vi: 'Hư hỏng', en: 'Damage' },
  repair: { vi: 'Sửa chữa', en: 'Repair' },
  disposal: { vi: 'Thanh lý', en: 'Disposal' },
}
/** A damage is recorded as it happened; a repair or a disposal is proposed, then decided. */
export const ASSET_EVENT_STATUSES = ['recorded', 'proposed', 'approved', 'rejected'] as const
export type AssetEventStatus = (typeof ASSET_EVENT_STATUSES)[number]
export const ASSET_EVENT_STATUS_LABELS: Labels<AssetEventStatus> = {
  recorded: { vi: 'Đã ghi nhận', en: 'Recorded' },
  proposed: { vi: 'Đề xuất', en: 'Proposed' },
  approved: { vi: 'Đã phê duyệt', en: 'Approved' },
  rejected: { vi: 'Không duyệt', en: 'Rejected' },
}
export const eventNeedsApproval = (kind: string) => kind === 'repair' || kind === 'disposal'

/**
 * What can be lent now: the register's quantity, less what is out on loan and what is broken;
 * nothing of an asset that is broken, awaiting disposal or disposed as a whole.
 */
export function availableQuantity(asset: {
  quantity?: number | null
  brokenQuantity?: number | null
  condition?: string | null
  outOnLoan: number
}): number {
  if ((UNUSABLE_CONDITIONS as readonly string[]).includes(asset.condition ?? 'good')) return 0
  return Math.max(0, (asset.quantity ?? 0) - (asset.brokenQuantity ?? 0) - asset.outOnLoan)
}

/** How an item of the minimum list is counted: per class of the grade, or for the school. */
export type MinimumBasis = 'per_class' | 'per_school'

export interface MinimumEquipmentItem {
  /** Stable code, kept on the assets that meet it: "TV1-01". */
  code: string
  grade: (typeof EQUIPMENT_GRADES)[number]
  /** The programme subject's code (shared/assessment.ts PROGRAMME_SUBJECTS). */
  subject: string
  name: string
  unit: string
  quantity: number
  basis: MinimumBasis
}

const item = (
  code: string,
  subject: string,
  name: string,
  unit: string,
  quantity = 1,
  basis: MinimumBasis = 'per_class',
): MinimumEquipmentItem => ({
  code,
  grade: code.match(/(\d)-/)?.[1] as MinimumEquipmentItem['grade'],
  subject,
  name,
  unit,
  quantity,
  basis,
})

/**
 * Danh mục thiết bị dạy học tối thiểu cấp Tiểu học (Thông tư 37/2021/TT-BGDĐT): a realistic
 * subset per grade and subject. "Per class" items are needed once for each class of the grade
 * (a teacher's demonstration set), "per school" items once for the grade in the school.
 */
export const MINIMUM_EQUIPMENT: readonly MinimumEquipmentItem[] = [
  item('TV1-01', 'tieng-viet', 'Bộ chữ dạy tập viết (chữ mẫu)', 'bộ'),
  item('TV1-02', 'tieng-viet', 'Bộ thẻ chữ cái, dấu thanh (giáo viên)', 'bộ'),
  item('TV1-03', 'tieng-viet', 'Bộ tranh minh họa truyện kể lớp 1', 'bộ'),
  item('T1-01', 'toan', 'Bộ thiết bị dạy số và phép tính (giáo viên)', 'bộ'),
  item('T1-02', 'toan', 'Bộ thiết bị dạy hình học và đo lường lớp 1', 'bộ'),
  item('TN1-01', 'tu-nhien-xa-hoi', 'Bộ tranh về gia đình, trường học, cộng đồng', 'bộ'),
  item(
    'AN1-01',
    'am-nhac',
    'Bộ nhạc cụ gõ (trống nhỏ, thanh phách, song loan)',
    'bộ',
    1,
    'per_school',
  ),
  item('MT1-01', 'mi-thuat', 'Bộ tranh mẫu và đồ dùng vẽ lớp 1', 'bộ', 1, 'per_school'),
  item('TV2-01', 'tieng-viet', 'Bộ tranh minh họa truyện kể lớp 2', 'bộ'),
  item('TV2-02', 'tieng-viet', 'Bộ chữ mẫu viết hoa', 'bộ'),
  item('T2-01', 'toan', 'Bộ thiết bị dạy số và phép tính lớp 2 (giáo viên)', 'bộ'),
  item('T2-02', 'toan', 'Mô hình đồng hồ (giáo viên)', 'cái'),
  item('TN2-01', 'tu-nhien-xa-hoi', 'Bộ tranh về thực vật, động vật và môi trường sống', 'bộ'),
  item(
    'TN2-02',
    'tu-nhien-xa-hoi',
    'Mô hình cơ thể người (cơ quan vận động)',
    'cái',
    1,
    'per_school',
  ),
  item('AN2-01', 'am-nhac', 'Bộ nhạc cụ gõ lớp 2', 'bộ', 1, 'per_school'),
  item('TV3-01', 'tieng-viet', 'Bộ tranh minh họa truyện kể lớp 3', 'bộ'),
  item('T3-01', 'toan', 'Bộ thiết bị dạy hình học và đo lường lớp 3', 'bộ'),
  item('T3-02', 'toan', 'Cân đĩa kèm quả cân', 'bộ', 1, 'per_school'),
  item('TN3-01', 'tu-nhien-xa-hoi', 'Quả địa cầu', 'quả'),
  item('TN3-02', 'tu-nhien-xa-hoi', 'Mô hình hệ Mặt Trời', 'cái', 1, 'per_school'),
  item(
    'TH3-01',
    'tin-hoc-cong-nghe',
    'Máy tính cho học sinh (phòng Tin học)',
    'bộ',
    20,
    'per_school',
  ),
  item('TH3-02', 'tin-hoc-cong-nghe', 'Bộ lắp ghép mô hình kĩ thuật lớp 3', 'bộ'),
  item('TV4-01', 'tieng-viet', 'Bộ tranh minh họa truyện kể lớp 4', 'bộ'),
  item('T4-01', 'toan', 'Bộ thiết bị dạy phân số (giáo viên)', 'bộ'),
  item('T4-02', 'toan', 'Bộ thước đo góc, ê ke, compa (giáo viên)', 'bộ'),
  item('KH4-01', 'khoa-hoc', 'Bộ thí nghiệm về nước, không khí, ánh sáng', 'bộ', 1, 'per_school'),
  item(
    'KH4-02',
    'khoa-hoc',
    'Mô hình cơ thể người (hệ tiêu hóa, tuần hoàn)',
    'cái',
    1,
    'per_school',
  ),
  item('LS4-01', 'lich-su-dia-li', 'Bản đồ hành chính Việt Nam', 'tờ'),
  item('TV5-01', 'tieng-viet', 'Bộ tranh minh họa truyện kể lớp 5', 'bộ'),
  item('T5-01', 'toan', 'Bộ thiết bị dạy hình học không gian lớp 5', 'bộ'),
  item(
    'KH5-01',
    'khoa-hoc',
    'Bộ thí nghiệm về năng lượng, mạch điện đơn giản',
    'bộ',
    1,
    'per_school',
  ),
  item('LS5-01', 'lich-su-dia-li', 'Bản đồ tự nhiên thế giới', 'tờ'),
  item('LS5-02', 'lich-su-dia-li', 'Lược đồ các chiến dịch lịch sử tiêu biểu', 'bộ'),
]

export function minimumItem(code: string | null | undefined): MinimumEquipmentItem | undefined {
  return MINIMUM_EQUIPMENT.find((candidate) => candidate.code === code)
}

/** The asset's code on the register: letters, digits and hyphens, e.g. "TBDH-TV1-001". */
export const ASSET_CODE_PATTERN = /^[A-Z0-9]+(-[A-Z0-9]+)*$/
