import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import {
  ASSET_CONDITION_LABELS,
  ASSET_CONDITIONS,
  INVENTORY_NEXT,
  INVENTORY_STATUS_LABELS,
  INVENTORY_STATUSES,
  isSchoolYear,
  optionsOf,
  type InventoryStatus,
} from '@school/shared'

import { authorize } from '../../access/authorize'
import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { equipmentPolicy, type fieldWritePolicy } from '../../access/policy'
import { dateOnly } from '../../fields/records'
import { idOf } from '../../lib/ids'
import { localize, userError, type Message } from '../../lib/messages'
import type { AssetInventory } from '../../payload-types'
import { exportButton, type RegisterExport } from '../../registers/export'
import { EQUIPMENT_GROUP } from './Assets'

const L = {
  schoolYear: { vi: 'Năm học', en: 'School year' },
  date: { vi: 'Ngày kiểm kê', en: 'Date' },
  status: { vi: 'Trạng thái', en: 'Status' },
  submittedBy: { vi: 'Người trình', en: 'Submitted by' },
  submittedAt: { vi: 'Ngày trình', en: 'Submitted on' },
  approvedBy: { vi: 'Người phê duyệt', en: 'Approved by' },
  approvedAt: { vi: 'Ngày phê duyệt', en: 'Approved on' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['asset-inventories'] & keyof typeof L
const written = (field: WrittenField) => ({
  access: fieldAccess('asset-inventories', field, L[field]),
})

type Line = NonNullable<AssetInventory['lines']>[number]
const counted = (line: Line) => ({
  asset: idOf(line.asset),
  countedQuantity: line.countedQuantity ?? null,
  conditionFound: line.conditionFound ?? null,
  note: line.note ?? null,
})

/**
 * While counting, each line's registered quantity is the register's now (a snapshot) and its
 * difference is computed; from submission the lines are frozen, and from approval all is
 * (`collectionPolicy` refuses any change then). Steps only go as INVENTORY_NEXT says; the
 * approval is leadership's (Điều 6), and the server writes who submitted and approved, when.
 */
const keepInventorySteps: CollectionBeforeChangeHook<AssetInventory> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as AssetInventory
  const from = (originalDoc?.status ?? 'draft') as InventoryStatus
  const to = (merged.status ?? 'draft') as InventoryStatus
  const result: Partial<AssetInventory> = { ...data }
  if (operation === 'create' && to !== 'draft') {
    throw userError(req, 400, {
      vi: 'Biên bản kiểm kê mới bắt đầu ở trạng thái "Đang kiểm kê".',
      en: 'A new inventory starts as a draft.',
    })
  }
  if (to !== from && !INVENTORY_NEXT[from].includes(to)) {
    throw userError(req, 409, {
      vi:
        `Không chuyển được từ "${INVENTORY_STATUS_LABELS[from].vi}" sang ` +
        `"${INVENTORY_STATUS_LABELS[to].vi}".`,
      en: `Cannot go from "${from}" to "${to}".`,
    })
  }
  const lines = (merged.lines ?? []) as Line[]
  if (from !== 'draft') {
    const before = ((originalDoc?.lines ?? []) as Line[]).map(counted)
    if (JSON.stringify(lines.map(counted)) !== JSON.stringify(before)) {
      throw userError(req, 409, {
        vi: 'Biên bản đã trình duyệt: không sửa số liệu kiểm kê (trả về để kiểm kê lại).',
        en: 'A submitted inventory cannot be changed; send it back to draft first.',
      })
    }
  }
  const countChanged =
    data.lines !== undefined &&
    JSON.stringify(lines.map(counted)) !==
      JSON.stringify(((originalDoc?.lines ?? []) as Line[]).map(counted))
  if (from === 'draft' && countChanged) {
    await authorize(req, equipmentPolicy.keepRegister, {
      vi: 'Số liệu kiểm kê do nhân viên thiết bị ghi.',
      en: 'The counts are entered by the equipment officer.',
    })
  }
  if (to === 'submitted' && from === 'draft') {
    await authorize(req, equipmentPolicy.keepRegister, {
      vi: 'Nhân viên thiết bị trình biên bản kiểm kê.',
      en: 'The equipment officer submits the inventory.',
    })
    result.submittedBy = req.user?.id ?? null
    result.submittedAt = new Date().toISOString()
  }
  if (from === 'submitted' && to !== 'submitted') {
    await authorize(
      req,
      equipmentPolicy.approveInventory,
      {
        vi:
          'Biên bản kiểm kê do Phó Hiệu trưởng hoặc Hiệu trưởng phê duyệt (hoặc trả lại), ' +
          'không phải người đã trình biên bản.',
        en:
          'The inventory is approved (or sent back) by a vice-principal or the principal, ' +
          'not by who submitted it.',
      },
      { collection: 'asset-inventories', id: originalDoc!.id },
    )
    if (to === 'approved') {
      result.approvedBy = req.user?.id ?? null
      result.approvedAt = new Date().toISOString()
    }
  }
  const seen = new Set<string>()
  const previous = new Map(
    ((originalDoc?.lines ?? []) as Line[]).map((line) => [String(idOf(line.asset)), line]),
  )
  const snapshot = from === 'draft' && to !== 'approved'
  const refreshed: Line[] = []
  for (const line of lines) {
    const asset = idOf(line.asset)
    if (asset === null) continue
    if (seen.has(String(asset))) {
      throw userError(req, 400, {
        vi: 'Mỗi tài sản chỉ có một dòng trong biên bản kiểm kê.',
        en: 'Each asset has one line in the inventory.',
      })
    }
    seen.add(String(asset))
    let registered = previous.get(String(asset))?.registeredQuantity ?? null
    if (snapshot || registered === null) {
      // The register's count of a line (no personal data): read for the record's own arithmetic.
      const record = await req.payload.findByID({
        collection: 'assets',
        id: asset,
        depth: 0,
        overrideAccess: true,
        req,
        select: { quantity: true },
      })
      registered = record.quantity ?? 0
    }
    const countedQuantity = line.countedQuantity ?? null
    refreshed.push({
      ...line,
      registeredQuantity: registered,
      difference: countedQuantity === null ? null : countedQuantity - registered,
    })
  }
  if (data.lines !== undefined || operation === 'create' || snapshot) result.lines = refreshed
  return result
}

/**
 * Kiểm kê tài sản, thiết bị (Điều 6, 15): once a year the committee counts what is on the
 * register; the officer submits the record, a vice-principal or the principal approves it, and
 * the "Biên bản kiểm kê" lists the differences (PDF, .xlsx).
 */
export const AssetInventories: CollectionConfig = {
  slug: 'asset-inventories',
  labels: {
    singular: { vi: 'Biên bản kiểm kê', en: 'Inventory' },
    plural: { vi: 'Kiểm kê tài sản, thiết bị', en: 'Inventories' },
  },
  admin: {
    group: EQUIPMENT_GROUP,
    useAsTitle: 'schoolYear',
    defaultColumns: ['schoolYear', 'date', 'status', 'submittedBy', 'approvedBy', 'approvedAt'],
    components: { beforeListTable: [exportButton('asset-inventories')] },
  },
  custom: {
    registerExport: {
      title: { vi: 'Các biên bản kiểm kê tài sản, thiết bị', en: 'Inventories' },
      fileName: 'kiem-ke-tai-san',
    } satisfies RegisterExport,
  },
  access: collectionAccess('asset-inventories'),
  defaultSort: '-date',
  hooks: { beforeChange: [keepInventorySteps] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          label: L.schoolYear,
          validate: (
            value: string | null | undefined,
            { req }: { req: Parameters<typeof localize>[0] },
          ) =>
            isSchoolYear(value)
              ? true
              : localize(req, {
                  vi: 'Năm học dạng 2025-2026.',
                  en: 'A school year like 2025-2026.',
                }),
        },
        { name: 'date', type: 'date', required: true, label: L.date, admin: dateOnly },
      ],
    },
    {
      name: 'committee',
      type: 'array',
      label: { vi: 'Ban kiểm kê', en: 'Committee' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } },
            { name: 'position', type: 'text', label: { vi: 'Chức vụ, nhiệm vụ', en: 'Role' } },
          ],
        },
      ],
    },
    {
      name: 'lines',
      type: 'array',
      label: { vi: 'Kết quả kiểm kê', en: 'Lines' },
      admin: {
        description: {
          vi: 'Số trên sổ do hệ thống chụp lại khi lưu; chênh lệch = số kiểm kê − số trên sổ.',
          en: 'The register count is taken by the system; difference = counted − registered.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'asset',
              type: 'relationship',
              relationTo: 'assets',
              required: true,
              label: { vi: 'Tài sản', en: 'Asset' },
            },
            {
              name: 'registeredQuantity',
              type: 'number',
              label: { vi: 'Số trên sổ', en: 'On the register' },
              admin: { readOnly: true },
            },
            {
              name: 'countedQuantity',
              type: 'number',
              required: true,
              min: 0,
              label: { vi: 'Số kiểm kê', en: 'Counted' },
            },
            {
              name: 'difference',
              type: 'number',
              label: { vi: 'Chênh lệch', en: 'Difference' },
              admin: { readOnly: true },
            },
            {
              name: 'conditionFound',
              type: 'select',
              options: optionsOf(ASSET_CONDITIONS, ASSET_CONDITION_LABELS),
              label: { vi: 'Tình trạng', en: 'Condition found' },
            },
          ],
        },
        { name: 'note', type: 'text', label: { vi: 'Ghi chú', en: 'Note' } },
      ],
    },
    {
      name: 'conclusion',
      type: 'textarea',
      label: { vi: 'Kết luận, kiến nghị', en: 'Conclusion' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: optionsOf(INVENTORY_STATUSES, INVENTORY_STATUS_LABELS),
      label: L.status,
      admin: {
        position: 'sidebar',
        description: {
          vi:
            'Đang kiểm kê → Đã trình duyệt (nhân viên thiết bị) → Đã phê duyệt (Phó Hiệu ' +
            'trưởng, Hiệu trưởng). Đã phê duyệt thì không sửa được nữa.',
          en: 'Draft → submitted (officer) → approved (leadership); then read-only.',
        },
      },
    },
    {
      name: 'report',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/equipment/InventoryReportLinks#InventoryReportLinks' },
      },
    },
    {
      name: 'submittedBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.submittedBy,
      admin: { position: 'sidebar', readOnly: true },
      ...written('submittedBy'),
    },
    {
      name: 'submittedAt',
      type: 'date',
      label: L.submittedAt,
      admin: { position: 'sidebar', readOnly: true },
      ...written('submittedAt'),
    },
    {
      name: 'approvedBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.approvedBy,
      admin: { position: 'sidebar', readOnly: true },
      ...written('approvedBy'),
    },
    {
      name: 'approvedAt',
      type: 'date',
      label: L.approvedAt,
      admin: { position: 'sidebar', readOnly: true },
      ...written('approvedAt'),
    },
  ],
}
