/**
 * Children's data rights (Law 91/2025/QH15 on personal data protection, in force 01/01/2026;
 * Decree 356/2025/NĐ-CP detailing it): a guardian's requests about a pupil's data, the school's
 * legal clock for answering them, and the record of a breach with its notice deadline.
 *
 * The texts could not be read where this was written: every period below is a named constant
 * with the article as best known, for the school's legal officer to check. Change a period
 * here and every clock, list column and notice follows. Slugs are stored: never rename one.
 */
import { vietnamDay } from './text'

type Labels<K extends string> = Record<K, { vi: string; en: string }>

/** What a guardian asks of the school (Law 91/2025 Điều 4: the data subject's rights). */
export const DATA_REQUEST_KINDS = [
  'access',
  'correction',
  'erasure',
  'withdraw_consent',
  'objection',
] as const
export type DataRequestKind = (typeof DATA_REQUEST_KINDS)[number]
export const DATA_REQUEST_KIND_LABELS: Labels<DataRequestKind> = {
  access: { vi: 'Xem, nhận bản sao dữ liệu', en: 'See (access)' },
  correction: { vi: 'Sửa dữ liệu', en: 'Correct' },
  erasure: { vi: 'Xóa dữ liệu', en: 'Erase' },
  withdraw_consent: { vi: 'Rút lại sự đồng ý', en: 'Withdraw consent' },
  objection: { vi: 'Phản đối, hạn chế xử lý', en: 'Object / restrict processing' },
}

/**
 * A request moves forward only: received → acknowledged → completed or refused (with a reason).
 * Completing or refusing a request never acknowledged acknowledges it at the same time.
 */
export const DATA_REQUEST_STATUSES = ['received', 'acknowledged', 'completed', 'refused'] as const
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number]
export const DATA_REQUEST_STATUS_LABELS: Labels<DataRequestStatus> = {
  received: { vi: 'Đã nhận, chưa xác nhận', en: 'Received' },
  acknowledged: { vi: 'Đã xác nhận, đang xử lý', en: 'Acknowledged' },
  completed: { vi: 'Đã hoàn thành', en: 'Completed' },
  refused: { vi: 'Từ chối (có lý do)', en: 'Refused (with reason)' },
}
/** The statuses each status may move to. */
export const DATA_REQUEST_NEXT: Record<DataRequestStatus, readonly DataRequestStatus[]> = {
  received: ['acknowledged', 'completed', 'refused'],
  acknowledged: ['completed', 'refused'],
  completed: [],
  refused: [],
}
export const DATA_REQUEST_OPEN: readonly DataRequestStatus[] = ['received', 'acknowledged']

export const DATA_REQUEST_CHANNELS = ['in_person', 'paper', 'phone', 'email', 'other'] as const
export type DataRequestChannel = (typeof DATA_REQUEST_CHANNELS)[number]
export const DATA_REQUEST_CHANNEL_LABELS: Labels<DataRequestChannel> = {
  in_person: { vi: 'Trực tiếp tại trường', en: 'In person' },
  paper: { vi: 'Văn bản, đơn giấy', en: 'Letter' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  other: { vi: 'Khác', en: 'Other' },
}

/**
 * Acknowledge a request within 2 working days of receiving it (the figure; Decree
 * 356/2025 on the data subject's requests, as best known).
 */
export const ACKNOWLEDGE_WORKING_DAYS = 2

/**
 * Complete a request within this many working days of receiving it. Law 91/2025 Điều 4 and
 * Decree 356/2025 set the time (as best known, not read here); Decree 13/2023 (which Law 91
 * replaced) had 72 hours for access and erasure. 10 working days is our reading for all but a
 * withdrawal of consent, which stops the processing at once (Law 91/2025 Điều 9: the posts come
 * down automatically when it is recorded), so its paperwork gets the acknowledgement's period.
 * THE SCHOOL'S LEGAL OFFICER MUST CONFIRM THESE FIGURES.
 */
export const COMPLETE_WORKING_DAYS: Record<DataRequestKind, number> = {
  access: 10,
  correction: 10,
  erasure: 10,
  withdraw_consent: 2,
  objection: 10,
}

/**
 * Notify the authority (A05, Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao,
 * Bộ Công an) within 72 hours of finding a breach (Law 91/2025 Điều 23, as best known; Decree
 * 13/2023 Điều 23 had the same 72 hours).
 */
export const BREACH_NOTICE_HOURS = 72

/**
 * Days off for public holidays (Bộ luật Lao động 2019 Điều 112; the government's yearly notice
 * of the days off for public servants, moves of weekend days included). Tết and the Hùng Kings'
 * day follow the lunar calendar: one list per year. Fixed-date holidays (1/1, 30/4, 1/5, 2/9)
 * count in every year, listed or not; add each new year's list when the government publishes it.
 */
export const PUBLIC_HOLIDAYS: Record<number, readonly string[]> = {
  2025: [
    '2025-01-01',
    // Tết Ất Tỵ: 25/01–02/02/2025.
    '2025-01-27',
    '2025-01-28',
    '2025-01-29',
    '2025-01-30',
    '2025-01-31',
    '2025-04-07',
    '2025-04-30',
    '2025-05-01',
    '2025-05-02',
    '2025-09-01',
    '2025-09-02',
  ],
  2026: [
    '2026-01-01',
    // Tết Bính Ngọ: 14/02–22/02/2026.
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    // Giỗ Tổ Hùng Vương (10/3 âm lịch) falls on Sunday 26/04: Monday off instead.
    '2026-04-27',
    '2026-04-30',
    '2026-05-01',
    '2026-09-01',
    '2026-09-02',
  ],
  2027: [
    '2027-01-01',
    // Tết Đinh Mùi (mùng 1: 06/02/2027), with the weekend days made up: to confirm.
    '2027-02-05',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-04-16',
    '2027-04-30',
    // 1/5 is a Saturday: Monday off instead.
    '2027-05-03',
    '2027-09-02',
    '2027-09-03',
  ],
}
const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02']

export function isPublicHoliday(day: string): boolean {
  const year = Number(day.slice(0, 4))
  return FIXED_HOLIDAYS.includes(day.slice(5)) || (PUBLIC_HOLIDAYS[year] ?? []).includes(day)
}

/** Monday to Friday, not a public holiday (the day as 'YYYY-MM-DD'). */
export function isWorkingDay(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(day)
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/**
 * The last day of a period of `count` working days that starts the day after `from` (the day of
 * receipt does not count, whatever its hour): 'YYYY-MM-DD' in Vietnam.
 */
export function addWorkingDays(from: Date, count: number): string {
  let day = vietnamDay(from)
  let left = count
  while (left > 0) {
    day = nextDay(day)
    if (isWorkingDay(day)) left -= 1
  }
  return day
}

/** The end (23:59:59 in Vietnam) of `count` working days after `from`. */
export function workingDaysDeadline(from: Date, count: number): Date {
  return new Date(`${addWorkingDays(from, count)}T23:59:59.999+07:00`)
}

/** When a request must be acknowledged and completed, from the day it was received. */
export function dataRequestDeadlines(
  receivedOn: Date,
  kind: DataRequestKind,
): { acknowledgeBy: Date; completeBy: Date } {
  return {
    acknowledgeBy: workingDaysDeadline(receivedOn, ACKNOWLEDGE_WORKING_DAYS),
    completeBy: workingDaysDeadline(receivedOn, COMPLETE_WORKING_DAYS[kind]),
  }
}

/** When the authority must have been told of a breach: 72 hours after it was found. */
export function breachNoticeDeadline(foundAt: Date): Date {
  return new Date(foundAt.getTime() + BREACH_NOTICE_HOURS * 3600_000)
}

/** Whether a deadline has passed with the step still not done. */
export function isOverdue(
  deadline: string | Date | null | undefined,
  done: boolean,
  now = new Date(),
) {
  if (!deadline || done) return false
  return new Date(deadline).getTime() < now.getTime()
}

/** Where a breach's people affected were told (Law 91/2025 Điều 23, as best known). */
export const BREACH_NOTIFIED_PARTIES = ['authority', 'guardians', 'education_office'] as const
export type BreachNotifiedParty = (typeof BREACH_NOTIFIED_PARTIES)[number]
export const BREACH_NOTIFIED_PARTY_LABELS: Labels<BreachNotifiedParty> = {
  authority: { vi: 'Bộ Công an (A05)', en: 'Ministry of Public Security (A05)' },
  guardians: { vi: 'Cha mẹ, người giám hộ', en: 'Guardians' },
  education_office: { vi: 'Phòng/Sở Giáo dục và Đào tạo', en: 'Education office' },
}
