/**
 * The words of the school's official documents (Điều 14.1; Nghị định 30/2020/NĐ-CP on office
 * work): the kinds of document of Điều 7 with their abbreviations (Phụ lục III), urgency, and
 * the steps of handling an incoming document. Slugs are stored in the database: never rename one.
 */
import { vietnamDay } from './text'

type Labels<K extends string> = Record<K, { vi: string; en: string }>

/** Nghị định 30/2020/NĐ-CP, Điều 7: the kinds of administrative document. */
export const OFFICE_DOCUMENT_TYPES = [
  'nghi_quyet',
  'quyet_dinh',
  'chi_thi',
  'quy_che',
  'quy_dinh',
  'thong_bao',
  'huong_dan',
  'chuong_trinh',
  'ke_hoach',
  'phuong_an',
  'de_an',
  'du_an',
  'bao_cao',
  'bien_ban',
  'to_trinh',
  'hop_dong',
  'cong_van',
  'cong_dien',
  'ban_ghi_nho',
  'ban_thoa_thuan',
  'giay_uy_quyen',
  'giay_moi',
  'giay_gioi_thieu',
  'giay_nghi_phep',
  'phieu_gui',
  'phieu_chuyen',
  'phieu_bao',
  'thu_cong',
] as const
export type OfficeDocumentType = (typeof OFFICE_DOCUMENT_TYPES)[number]

/**
 * Each kind's Vietnamese name and its abbreviation in a document's symbol (Nghị định 30, Phụ lục
 * III, I.2). A công văn has none: its symbol is the school's and the drafting unit's
 * abbreviations (`16/THGT-VP`).
 */
export const OFFICE_DOCUMENT_TYPE_INFO: Record<
  OfficeDocumentType,
  { vi: string; en: string; abbreviation: string | null }
> = {
  nghi_quyet: { vi: 'Nghị quyết', en: 'Resolution', abbreviation: 'NQ' },
  quyet_dinh: { vi: 'Quyết định', en: 'Decision', abbreviation: 'QĐ' },
  chi_thi: { vi: 'Chỉ thị', en: 'Directive', abbreviation: 'CT' },
  quy_che: { vi: 'Quy chế', en: 'Statute', abbreviation: 'QC' },
  quy_dinh: { vi: 'Quy định', en: 'Regulation', abbreviation: 'QyĐ' },
  thong_bao: { vi: 'Thông báo', en: 'Notice', abbreviation: 'TB' },
  huong_dan: { vi: 'Hướng dẫn', en: 'Guidance', abbreviation: 'HD' },
  chuong_trinh: { vi: 'Chương trình', en: 'Programme', abbreviation: 'CTr' },
  ke_hoach: { vi: 'Kế hoạch', en: 'Plan', abbreviation: 'KH' },
  phuong_an: { vi: 'Phương án', en: 'Option', abbreviation: 'PA' },
  de_an: { vi: 'Đề án', en: 'Scheme', abbreviation: 'ĐA' },
  du_an: { vi: 'Dự án', en: 'Project', abbreviation: 'DA' },
  bao_cao: { vi: 'Báo cáo', en: 'Report', abbreviation: 'BC' },
  bien_ban: { vi: 'Biên bản', en: 'Minutes', abbreviation: 'BB' },
  to_trinh: { vi: 'Tờ trình', en: 'Submission', abbreviation: 'TTr' },
  hop_dong: { vi: 'Hợp đồng', en: 'Contract', abbreviation: 'HĐ' },
  cong_van: { vi: 'Công văn', en: 'Official letter', abbreviation: null },
  cong_dien: { vi: 'Công điện', en: 'Official dispatch', abbreviation: 'CĐ' },
  ban_ghi_nho: { vi: 'Bản ghi nhớ', en: 'Memorandum', abbreviation: 'GN' },
  ban_thoa_thuan: { vi: 'Bản thỏa thuận', en: 'Agreement', abbreviation: 'TTh' },
  giay_uy_quyen: { vi: 'Giấy ủy quyền', en: 'Power of attorney', abbreviation: 'GUQ' },
  giay_moi: { vi: 'Giấy mời', en: 'Invitation', abbreviation: 'GM' },
  giay_gioi_thieu: { vi: 'Giấy giới thiệu', en: 'Letter of introduction', abbreviation: 'GGT' },
  giay_nghi_phep: { vi: 'Giấy nghỉ phép', en: 'Leave permit', abbreviation: 'GNP' },
  phieu_gui: { vi: 'Phiếu gửi', en: 'Dispatch slip', abbreviation: 'PG' },
  phieu_chuyen: { vi: 'Phiếu chuyển', en: 'Transfer slip', abbreviation: 'PC' },
  phieu_bao: { vi: 'Phiếu báo', en: 'Notification slip', abbreviation: 'PB' },
  thu_cong: { vi: 'Thư công', en: 'Official letter (thư công)', abbreviation: null },
}

export const OFFICE_DOCUMENT_TYPE_LABELS: Labels<OfficeDocumentType> = Object.fromEntries(
  OFFICE_DOCUMENT_TYPES.map((type) => [
    type,
    { vi: OFFICE_DOCUMENT_TYPE_INFO[type].vi, en: OFFICE_DOCUMENT_TYPE_INFO[type].en },
  ]),
) as Labels<OfficeDocumentType>

/** Nghị định 30, Điều 15: how fast a document must travel. */
export const DOCUMENT_URGENCIES = ['normal', 'urgent', 'very_urgent', 'express'] as const
export type DocumentUrgency = (typeof DOCUMENT_URGENCIES)[number]
export const DOCUMENT_URGENCY_LABELS: Labels<DocumentUrgency> = {
  normal: { vi: 'Thường', en: 'Normal' },
  urgent: { vi: 'Khẩn', en: 'Urgent' },
  very_urgent: { vi: 'Thượng khẩn', en: 'Very urgent' },
  express: { vi: 'Hỏa tốc', en: 'Express' },
}

/** Who leads the handling of an incoming document and who helps (Nghị định 30, Điều 24). */
export const HANDLING_ROLES = ['lead', 'support'] as const
export type HandlingRole = (typeof HANDLING_ROLES)[number]
export const HANDLING_ROLE_LABELS: Labels<HandlingRole> = {
  lead: { vi: 'Chủ trì', en: 'Lead' },
  support: { vi: 'Phối hợp', en: 'Support' },
}

export const HANDLING_STATUSES = ['assigned', 'handled'] as const
export type HandlingStatus = (typeof HANDLING_STATUSES)[number]
export const HANDLING_STATUS_LABELS: Labels<HandlingStatus> = {
  assigned: { vi: 'Đang xử lý', en: 'Assigned' },
  handled: { vi: 'Đã xử lý', en: 'Handled' },
}

/** An incoming document's state in the register's list, from its handling rows. */
export const INCOMING_STATES = ['unassigned', 'in_progress', 'handled', 'overdue'] as const
export type IncomingState = (typeof INCOMING_STATES)[number]
export const INCOMING_STATE_LABELS: Labels<IncomingState> = {
  unassigned: { vi: 'Chưa giao', en: 'Not assigned' },
  in_progress: { vi: 'Đang xử lý', en: 'In progress' },
  handled: { vi: 'Đã xử lý', en: 'Handled' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
}

/** The school's abbreviation in the symbols of its documents (Trường Tiểu học Gia Thượng). */
export const SCHOOL_DOCUMENT_CODE = 'THGT'
/** The unit that drafts a công văn when none is named: the office (văn phòng). */
export const DEFAULT_DRAFTING_UNIT = 'VP'

/**
 * The symbol of an outgoing document (Nghị định 30, Phụ lục III): `15/QĐ-THGT`; a công văn,
 * which has no kind abbreviation, names the school and the drafting unit: `16/THGT-VP`.
 */
export function outgoingSymbol(
  number: number,
  type: OfficeDocumentType,
  draftingUnit: string = DEFAULT_DRAFTING_UNIT,
): string {
  const abbreviation = OFFICE_DOCUMENT_TYPE_INFO[type].abbreviation
  return abbreviation
    ? `${number}/${abbreviation}-${SCHOOL_DOCUMENT_CODE}`
    : `${number}/${SCHOOL_DOCUMENT_CODE}-${draftingUnit || DEFAULT_DRAFTING_UNIT}`
}

/** The calendar year (Vietnam's time zone) a register counts a date in (Nghị định 30, Điều 15). */
export function registerYearOf(value: string | number | Date): number {
  return Number(vietnamDay(value).slice(0, 4))
}

export interface HandlingDeadlineState {
  status: HandlingStatus
  deadline?: string | null
}

/** Is a handling past its deadline on `today` (`YYYY-MM-DD`, Vietnam)? */
export function isHandlingOverdue(handling: HandlingDeadlineState, today: string): boolean {
  return (
    handling.status !== 'handled' &&
    Boolean(handling.deadline) &&
    vietnamDay(handling.deadline!) < today
  )
}

/** Is it due within `days` days (today included) and not handled? */
export function isHandlingDueSoon(
  handling: HandlingDeadlineState,
  today: string,
  days = 2,
): boolean {
  if (handling.status === 'handled' || !handling.deadline) return false
  const due = vietnamDay(handling.deadline)
  const limit = vietnamDay(new Date(Date.parse(`${today}T12:00:00+07:00`) + days * 86_400_000))
  return due >= today && due <= limit
}

/** The register's state of a document from its handlings. */
export function incomingStateOf(handlings: HandlingDeadlineState[], today: string): IncomingState {
  if (handlings.length === 0) return 'unassigned'
  if (handlings.some((handling) => isHandlingOverdue(handling, today))) return 'overdue'
  if (handlings.every((handling) => handling.status === 'handled')) return 'handled'
  return 'in_progress'
}
