/**
 * The demo school's assets and teaching equipment (Điều 6, 15): the classroom sets of each grade
 * (from the minimum list of TT 37/2021, a few short or missing so the report has something to
 * say), the computer room, projectors, the library's furniture, music and art rooms, with their
 * values; loans (one overdue, one returned damaged), last year's approved inventory, a repair
 * and a disposal. The register is written by the system; loans, events and the inventory go
 * through their real hooks as the people who do them.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import {
  MINIMUM_EQUIPMENT,
  previousSchoolYear,
  schoolYearOf,
  type AssetCondition,
  type AssetKind,
  type AssetSource,
  type Room,
} from '@school/shared'

import { inOneSqliteWrite } from '../lib/sqlite-write'
import type { Asset, User } from '../payload-types'

interface DemoAsset {
  code: string
  name: string
  kind: AssetKind
  room: Room
  unit: string
  quantity: number
  unitPrice: number
  yearInUse: number
  source: AssetSource
  subject?: string
  grades?: string[]
  minimumItem?: string
  condition?: AssetCondition
  brokenQuantity?: number
}

const thisYear = new Date().getFullYear()
/** Items of the minimum list the demo school lacks, and those it holds too few of. */
const MISSING = new Set(['TN3-02', 'LS5-02', 'KH5-01'])
const SHORT = new Set(['T2-02', 'TV4-01'])

function roomOfSubject(subject: string): Room {
  if (subject === 'am-nhac') return 'music-room'
  if (subject === 'mi-thuat') return 'art-room'
  if (subject === 'tin-hoc-cong-nghe') return 'computer-room'
  if (subject === 'khoa-hoc') return 'science-room'
  return 'store'
}

function teachingSets(): DemoAsset[] {
  const classesPerGrade = 2
  return MINIMUM_EQUIPMENT.filter((item) => !MISSING.has(item.code)).map((item, index) => {
    const needed = item.basis === 'per_class' ? item.quantity * classesPerGrade : item.quantity
    const quantity =
      item.code === 'TH3-01' ? 18 : SHORT.has(item.code) ? Math.max(1, needed - 1) : needed
    return {
      code: `TBDH-${item.code}-${String(index + 1).padStart(3, '0')}`,
      name: item.name,
      kind: 'teaching_equipment',
      room: roomOfSubject(item.subject),
      unit: item.unit,
      quantity,
      unitPrice: item.code === 'TH3-01' ? 9_500_000 : 250_000 + (index % 7) * 150_000,
      yearInUse: thisYear - 1 - (index % 4),
      source: index % 5 === 0 ? 'allocated' : 'budget',
      subject: item.subject,
      grades: [item.grade],
      minimumItem: item.code,
    }
  })
}

const CLASSES = ['1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B', '5A', '5B'] as const
const classRoom = (name: string) => `class-${name.toLowerCase()}` as Room

function schoolAssets(): DemoAsset[] {
  const perClass = CLASSES.flatMap((name, index): DemoAsset[] => [
    {
      code: `TSCD-MC-${name}`,
      name: `Máy chiếu lớp ${name}`,
      kind: 'fixed_asset',
      room: classRoom(name),
      unit: 'cái',
      quantity: 1,
      unitPrice: 14_500_000,
      yearInUse: thisYear - 2 - (index % 3),
      source: index < 6 ? 'budget' : 'socialisation',
    },
    {
      code: `CCDC-BG-${name}`,
      name: `Bàn ghế học sinh 2 chỗ ngồi lớp ${name}`,
      kind: 'tool',
      room: classRoom(name),
      unit: 'bộ',
      quantity: 18,
      unitPrice: 1_650_000,
      yearInUse: thisYear - 4,
      source: 'budget',
    },
  ])
  return [
    ...perClass,
    {
      code: 'TSCD-MT-GV-001',
      name: 'Máy tính giáo viên phòng Tin học',
      kind: 'fixed_asset',
      room: 'computer-room',
      unit: 'bộ',
      quantity: 1,
      unitPrice: 15_000_000,
      yearInUse: thisYear - 2,
      source: 'budget',
    },
    {
      code: 'TSCD-TV-001',
      name: 'Ti vi 65 inch phòng Tiếng Anh',
      kind: 'fixed_asset',
      room: 'english-room',
      unit: 'cái',
      quantity: 1,
      unitPrice: 18_900_000,
      yearInUse: thisYear - 1,
      source: 'sponsored',
    },
    {
      code: 'CCDC-TV-BD-001',
      name: 'Bàn đọc thư viện',
      kind: 'tool',
      room: 'library',
      unit: 'cái',
      quantity: 10,
      unitPrice: 2_200_000,
      yearInUse: thisYear - 3,
      source: 'budget',
    },
    {
      code: 'CCDC-TV-GH-001',
      name: 'Ghế thư viện',
      kind: 'tool',
      room: 'library',
      unit: 'cái',
      quantity: 40,
      unitPrice: 450_000,
      yearInUse: thisYear - 3,
      source: 'budget',
    },
    {
      code: 'CCDC-TV-GS-001',
      name: 'Giá sách 5 tầng',
      kind: 'tool',
      room: 'library',
      unit: 'cái',
      quantity: 8,
      unitPrice: 3_100_000,
      yearInUse: thisYear - 5,
      source: 'socialisation',
    },
    {
      code: 'CCDC-TV-TML-001',
      name: 'Tủ mục lục thư viện',
      kind: 'tool',
      room: 'library',
      unit: 'cái',
      quantity: 1,
      unitPrice: 4_500_000,
      yearInUse: thisYear - 6,
      source: 'budget',
    },
    {
      code: 'TSCD-AN-ORG-001',
      name: 'Đàn phím điện tử (organ)',
      kind: 'fixed_asset',
      room: 'music-room',
      unit: 'cái',
      quantity: 2,
      unitPrice: 12_000_000,
      yearInUse: thisYear - 3,
      source: 'budget',
    },
    {
      code: 'CCDC-MT-GV-001',
      name: 'Giá vẽ học sinh',
      kind: 'tool',
      room: 'art-room',
      unit: 'cái',
      quantity: 20,
      unitPrice: 380_000,
      yearInUse: thisYear - 2,
      source: 'socialisation',
    },
    {
      code: 'TSCD-VP-PT-001',
      name: 'Máy photocopy',
      kind: 'fixed_asset',
      room: 'office',
      unit: 'cái',
      quantity: 1,
      unitPrice: 45_000_000,
      yearInUse: thisYear - 4,
      source: 'budget',
    },
    {
      code: 'CCDC-VP-MI-001',
      name: 'Máy in laser',
      kind: 'tool',
      room: 'office',
      unit: 'cái',
      quantity: 2,
      unitPrice: 4_200_000,
      yearInUse: thisYear - 3,
      source: 'budget',
    },
    {
      code: 'CCDC-BG-CU-001',
      name: 'Bàn ghế học sinh cũ (loại 1 chỗ ngồi)',
      kind: 'tool',
      room: 'store',
      unit: 'bộ',
      quantity: 12,
      unitPrice: 600_000,
      yearInUse: thisYear - 12,
      source: 'budget',
      condition: 'awaiting_disposal',
      brokenQuantity: 12,
    },
  ]
}

export const DEMO_ASSETS: readonly DemoAsset[] = [...teachingSets(), ...schoolAssets()]

const DAY = 24 * 60 * 60 * 1000
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString()

function requestOf(payload: Payload, user: User | undefined): Promise<PayloadRequest> {
  if (!user) throw new Error('Demo equipment: a demo person is missing')
  return createLocalReq({ user }, payload)
}

const asThem = (req: PayloadRequest) =>
  ({ user: req.user, req, overrideAccess: false, depth: 0 }) as const

export async function seedDemoEquipment(payload: Payload, staff: Map<string, User>) {
  const started = Date.now()
  const subjects = await payload.find({
    collection: 'subjects',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  const subjectId = new Map(subjects.docs.map((subject) => [subject.code, subject.id]))
  const assets = new Map<string, Asset>()
  // The register as the school had it on paper, values included: written by the system.
  await inOneSqliteWrite(payload, async () => {
    for (const asset of DEMO_ASSETS) {
      const originalValue = asset.unitPrice * asset.quantity
      const years = Math.max(0, thisYear - asset.yearInUse)
      const rate = asset.kind === 'fixed_asset' ? 0.125 : 0.2
      const created = await payload.create({
        collection: 'assets',
        overrideAccess: true,
        depth: 0,
        data: {
          code: asset.code,
          name: asset.name,
          kind: asset.kind,
          room: asset.room,
          unit: asset.unit,
          quantity: asset.quantity,
          brokenQuantity: asset.brokenQuantity ?? 0,
          condition: asset.condition ?? 'good',
          yearInUse: asset.yearInUse,
          source: asset.source,
          subject: asset.subject ? subjectId.get(asset.subject) : undefined,
          grades: asset.grades as Asset['grades'],
          minimumItem: asset.minimumItem as Asset['minimumItem'],
          unitPrice: asset.unitPrice,
          originalValue,
          accumulatedWear: Math.round(originalValue * Math.min(1, years * rate)),
        },
      })
      assets.set(asset.code, created)
    }
  })
  const find = (prefix: string) => {
    const found = [...assets.values()].find((asset) => asset.code.startsWith(prefix))
    if (!found) throw new Error(`Demo equipment: no asset ${prefix}`)
    return found
  }
  const officer = await requestOf(payload, staff.get('equipment'))
  const vicePrincipal = await requestOf(payload, staff.get('vp-activities'))
  const accountant = await requestOf(payload, staff.get('accountant'))
  const borrower = (key: string) => {
    const user = staff.get(key)
    if (!user) throw new Error(`Demo equipment: no ${key}`)
    return user.id
  }

  // Loans: one overdue (the subject teacher's globes), one out, one returned damaged, one fine.
  const lend = (asset: Asset, who: string, quantity: number, lent: number, due: number) =>
    payload.create({
      collection: 'equipment-loans',
      ...asThem(officer),
      data: {
        asset: asset.id,
        borrower: borrower(who),
        quantity,
        lentOn: daysFromNow(lent),
        dueOn: daysFromNow(due),
        status: 'out',
      },
    })
  const giveBack = (id: number, returned: number, condition: 'good' | 'damaged', note?: string) =>
    payload.update({
      collection: 'equipment-loans',
      id,
      ...asThem(officer),
      data: { returnedOn: daysFromNow(returned), returnCondition: condition, note },
    })
  await lend(find('TBDH-TN3-01'), 'english-1', 2, -10, -3)
  await lend(find('TBDH-T4-02'), 'head-3', 1, -1, 3)
  const damaged = await lend(find('TBDH-T3-01'), 'homeroom-3b', 1, -20, -18)
  await giveBack(damaged.id, -18, 'damaged', 'Thước đo bị gãy, quả cân thiếu 2 quả.')
  const fine = await lend(find('TBDH-TV3-01'), 'head-3', 1, -14, -13)
  await giveBack(fine.id, -13, 'good')

  // A projector broke; its repair was proposed, approved by the vice-principal, paid.
  const projector = find('TSCD-MC-2A')
  await payload.create({
    collection: 'asset-events',
    ...asThem(officer),
    data: {
      kind: 'damage',
      status: 'recorded',
      asset: projector.id,
      quantity: 1,
      conditionAfter: 'damaged',
      date: daysFromNow(-30),
      description: 'Máy chiếu không lên hình, bóng đèn cháy.',
    },
  })
  const repair = await payload.create({
    collection: 'asset-events',
    ...asThem(officer),
    data: {
      kind: 'repair',
      status: 'proposed',
      asset: projector.id,
      quantity: 1,
      date: daysFromNow(-29),
      description: 'Đề nghị thay bóng đèn máy chiếu lớp 2A.',
      actionTaken: 'Thay bóng đèn chính hãng, vệ sinh máy.',
    },
  })
  await payload.update({
    collection: 'asset-events',
    id: repair.id,
    ...asThem(vicePrincipal),
    data: { status: 'approved', decisionNote: 'Đồng ý sửa, chi từ kinh phí chi thường xuyên.' },
  })
  await payload.update({
    collection: 'asset-events',
    id: repair.id,
    ...asThem(accountant),
    data: { cost: 2_350_000 },
  })
  // The repaired projector is back in use: the officer writes it on the register.
  await payload.update({
    collection: 'assets',
    id: projector.id,
    ...asThem(officer),
    data: { brokenQuantity: 0, condition: 'good' },
  })
  // The old desks were proposed for disposal and approved: off the register, still on record.
  const disposal = await payload.create({
    collection: 'asset-events',
    ...asThem(officer),
    data: {
      kind: 'disposal',
      status: 'proposed',
      asset: find('CCDC-BG-CU-001').id,
      quantity: 12,
      date: daysFromNow(-40),
      description: 'Bàn ghế loại 1 chỗ ngồi đã hư hỏng, không sửa được, không đúng quy cách.',
      actionTaken: 'Thanh lý theo Quyết định của Hiệu trưởng, bán phế liệu.',
    },
  })
  await payload.update({
    collection: 'asset-events',
    id: disposal.id,
    ...asThem(vicePrincipal),
    data: { status: 'approved', decisionNote: 'Đồng ý thanh lý.' },
  })

  // Last year's inventory: counted, submitted, approved; two differences found.
  const lastYear = previousSchoolYear(schoolYearOf(new Date()))
  const counted = [...assets.values()]
  const inventory = await payload.create({
    collection: 'asset-inventories',
    ...asThem(officer),
    data: {
      schoolYear: lastYear,
      date: new Date(Date.UTC(Number(lastYear.slice(5)), 4, 25)).toISOString(),
      status: 'draft',
      committee: [
        { name: 'Lê Thị Minh Nguyệt', position: 'Phó Hiệu trưởng, Trưởng ban' },
        { name: staff.get('equipment')?.fullName ?? 'Nhân viên thiết bị', position: 'Thư ký' },
        { name: staff.get('accountant')?.fullName ?? 'Kế toán', position: 'Ủy viên' },
      ],
      lines: counted.map((asset) => ({
        asset: asset.id,
        countedQuantity:
          asset.code === 'CCDC-TV-GH-001'
            ? asset.quantity - 2
            : asset.code === 'CCDC-MT-GV-001'
              ? asset.quantity + 1
              : asset.quantity,
        conditionFound: asset.condition,
        note: asset.code === 'CCDC-TV-GH-001' ? 'Thiếu 2 ghế, đang xác minh.' : undefined,
      })),
      conclusion: 'Tài sản cơ bản đủ, được bảo quản tốt. Đề nghị bổ sung ghế thư viện.',
    },
  })
  await payload.update({
    collection: 'asset-inventories',
    id: inventory.id,
    ...asThem(officer),
    data: { status: 'submitted' },
  })
  await payload.update({
    collection: 'asset-inventories',
    id: inventory.id,
    ...asThem(vicePrincipal),
    data: { status: 'approved' },
  })
  payload.logger.info(
    `Demo equipment seeded in ${Date.now() - started} ms: ${assets.size} assets, 4 loans, ` +
      `3 events, the ${lastYear} inventory.`,
  )
}
