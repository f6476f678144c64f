/**
 * The equipment's reports (Điều 6, 15): the register by room and by subject, what is lent out
 * and overdue, and the minimum teaching-equipment list (TT 37/2021) against what the school
 * holds. Read as the user: the reports' readers (`equipmentPolicy.reports`) see the register
 * whole, and nobody gets more here than the collections give them.
 */
import type { PayloadRequest } from 'payload'
import {
  ASSET_CONDITION_LABELS,
  MINIMUM_EQUIPMENT,
  ROOM_LABELS,
  ROOMS,
  loanOverdue,
  schoolYearOf,
  type MinimumEquipmentItem,
  type Room,
} from '@school/shared'

import { allAsUser } from '../lib/as-user'
import { idOf } from '../lib/ids'
import type { Asset, EquipmentLoan, Subject, User } from '../payload-types'

export const EQUIPMENT_REPORTS = ['room', 'subject', 'loans', 'minimum'] as const
export type EquipmentReportKind = (typeof EQUIPMENT_REPORTS)[number]
export const EQUIPMENT_REPORT_TITLES: Record<EquipmentReportKind, string> = {
  room: 'Tài sản, thiết bị theo phòng',
  subject: 'Thiết bị dạy học theo môn',
  loans: 'Thiết bị đang cho mượn, quá hạn',
  minimum: 'Đối chiếu danh mục thiết bị dạy học tối thiểu (TT 37/2021/TT-BGDĐT)',
}

export function isEquipmentReport(value: unknown): value is EquipmentReportKind {
  return typeof value === 'string' && (EQUIPMENT_REPORTS as readonly string[]).includes(value)
}

export interface CountRow {
  key: string
  label: string
  assets: number
  quantity: number
  broken: number
  out: number
  originalValue: number
  remainingValue: number
}

export interface LoanRow {
  id: number
  asset: string
  code: string
  borrower: string
  quantity: number
  lentOn: string
  dueOn: string
  overdue: boolean
}

export interface MinimumRow {
  item: MinimumEquipmentItem
  subjectName: string
  required: number
  held: number
  shortBy: number
  verdict: 'ok' | 'short' | 'missing'
}

export const MINIMUM_VERDICT_LABELS: Record<MinimumRow['verdict'], string> = {
  ok: 'Đủ',
  short: 'Thiếu',
  missing: 'Chưa có',
}

async function registerOf(req: PayloadRequest): Promise<Asset[]> {
  const { docs } = await req.payload.find({ collection: 'assets', ...allAsUser(req), sort: 'code' })
  return docs
}

async function loansOut(req: PayloadRequest): Promise<EquipmentLoan[]> {
  const { docs } = await req.payload.find({
    collection: 'equipment-loans',
    ...allAsUser(req),
    depth: 1,
    where: { status: { equals: 'out' } },
    sort: 'dueOn',
  })
  return docs
}

/** The subjects' names and codes: the programme's list, no personal data. */
async function subjectsById(req: PayloadRequest): Promise<Map<string, Subject>> {
  const { docs } = await req.payload.find({
    collection: 'subjects',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((subject) => [String(subject.id), subject]))
}

function countRows(
  assets: Asset[],
  out: Map<string, number>,
  keyOf: (asset: Asset) => string | null,
  labelOf: (key: string) => string,
  order: string[],
): CountRow[] {
  const rows = new Map<string, CountRow>()
  for (const asset of assets) {
    const key = keyOf(asset)
    if (key === null) continue
    let row = rows.get(key)
    if (!row) {
      row = {
        key,
        label: labelOf(key),
        assets: 0,
        quantity: 0,
        broken: 0,
        out: 0,
        originalValue: 0,
        remainingValue: 0,
      }
      rows.set(key, row)
    }
    row.assets += 1
    row.quantity += asset.quantity ?? 0
    row.broken += asset.brokenQuantity ?? 0
    row.out += out.get(String(asset.id)) ?? 0
    row.originalValue += asset.originalValue ?? 0
    row.remainingValue += asset.remainingValue ?? 0
  }
  const rank = (key: string) => {
    const at = order.indexOf(key)
    return at < 0 ? order.length : at
  }
  return [...rows.values()].sort(
    (a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label, 'vi'),
  )
}

function outByAsset(loans: EquipmentLoan[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const loan of loans) {
    const asset = String(idOf(loan.asset))
    out.set(asset, (out.get(asset) ?? 0) + (loan.quantity ?? 0))
  }
  return out
}

export async function reportByRoom(req: PayloadRequest): Promise<CountRow[]> {
  const [assets, loans] = await Promise.all([registerOf(req), loansOut(req)])
  return countRows(
    assets,
    outByAsset(loans),
    (asset) => asset.room,
    (key) => ROOM_LABELS[key as Room]?.vi ?? key,
    [...ROOMS],
  )
}

export async function reportBySubject(req: PayloadRequest): Promise<CountRow[]> {
  const [assets, loans, subjects] = await Promise.all([
    registerOf(req),
    loansOut(req),
    subjectsById(req),
  ])
  const teaching = assets.filter((asset) => asset.kind === 'teaching_equipment')
  const order = [...subjects.values()]
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .map((subject) => String(subject.id))
  return countRows(
    teaching,
    outByAsset(loans),
    (asset) => String(idOf(asset.subject) ?? 'none'),
    (key) => subjects.get(key)?.name ?? 'Không theo môn',
    order,
  )
}

export async function reportOfLoans(req: PayloadRequest, now = new Date()): Promise<LoanRow[]> {
  const loans = await loansOut(req)
  return loans.map((loan) => {
    const asset = typeof loan.asset === 'object' ? (loan.asset as Asset) : null
    const borrower = typeof loan.borrower === 'object' ? (loan.borrower as User) : null
    return {
      id: loan.id,
      asset: asset?.name ?? String(loan.asset),
      code: asset?.code ?? '',
      borrower: borrower?.fullName ?? String(loan.borrower),
      quantity: loan.quantity,
      lentOn: loan.lentOn,
      dueOn: loan.dueOn,
      overdue: loanOverdue(loan.dueOn, loan.status, now),
    }
  })
}

/** Classes of each grade this year: how many "per class" sets the school needs. */
async function classesPerGrade(req: PayloadRequest): Promise<Map<string, number>> {
  // Class names and grades are public (groups: read anyone).
  const { docs } = await req.payload.find({
    collection: 'groups',
    where: {
      and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: schoolYearOf(new Date()) } }],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { grade: true },
    overrideAccess: true,
    req,
  })
  const counts = new Map<string, number>()
  for (const group of docs) {
    const grade = String(group.grade ?? '')
    counts.set(grade, (counts.get(grade) ?? 0) + 1)
  }
  return counts
}

/**
 * Each item of the minimum list: what is needed (per class of the grade, or once), what the
 * school holds in working order (the register's quantity less the broken), and the shortfall.
 */
export async function reportOfMinimum(req: PayloadRequest): Promise<MinimumRow[]> {
  const [assets, classes, subjects] = await Promise.all([
    registerOf(req),
    classesPerGrade(req),
    subjectsById(req),
  ])
  const held = new Map<string, number>()
  for (const asset of assets) {
    if (!asset.minimumItem || asset.condition === 'disposed') continue
    const usable = Math.max(0, (asset.quantity ?? 0) - (asset.brokenQuantity ?? 0))
    held.set(asset.minimumItem, (held.get(asset.minimumItem) ?? 0) + usable)
  }
  const subjectName = new Map([...subjects.values()].map((subject) => [subject.code, subject.name]))
  return MINIMUM_EQUIPMENT.map((item) => {
    const required =
      item.quantity * (item.basis === 'per_class' ? Math.max(1, classes.get(item.grade) ?? 0) : 1)
    const have = held.get(item.code) ?? 0
    const shortBy = Math.max(0, required - have)
    return {
      item,
      subjectName: subjectName.get(item.subject) ?? item.subject,
      required,
      held: have,
      shortBy,
      verdict: have === 0 ? 'missing' : shortBy > 0 ? 'short' : 'ok',
    }
  })
}

export const conditionLabel = (condition: string | null | undefined) =>
  ASSET_CONDITION_LABELS[(condition ?? 'good') as keyof typeof ASSET_CONDITION_LABELS]?.vi ?? ''
