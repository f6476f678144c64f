import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
} from 'payload'
import {
  ASSET_CONDITION_LABELS,
  ASSET_EVENT_KIND_LABELS,
  ASSET_EVENT_KINDS,
  ASSET_EVENT_STATUS_LABELS,
  ASSET_EVENT_STATUSES,
  eventNeedsApproval,
  optionsOf,
  type AssetEventStatus,
} from '@school/shared'

import { authorize } from '../../access/authorize'
import { collectionAccess, fieldAccess, fieldReadAccess } from '../../access/payload-access'
import { equipmentPolicy, type fieldWritePolicy } from '../../access/policy'
import { applyDamage, applyDisposal, checkDisposal } from '../../equipment/bookkeeping'
import { dateOnly } from '../../fields/records'
import { userError, type Message } from '../../lib/messages'
import type { AssetEvent } from '../../payload-types'
import { exportButton, type RegisterExport } from '../../registers/export'
import { EQUIPMENT_GROUP } from './Assets'

const L = {
  kind: { vi: 'Loại', en: 'Kind' },
  asset: { vi: 'Tài sản, thiết bị', en: 'Asset' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  conditionAfter: { vi: 'Tình trạng sau hư hỏng', en: 'Condition after' },
  date: { vi: 'Ngày', en: 'Date' },
  description: { vi: 'Sự việc, lý do', en: 'What happened' },
  actionTaken: { vi: 'Đã xử lý (sửa chữa, thanh lý)', en: 'What was done' },
  cost: { vi: 'Chi phí (đồng)', en: 'Cost (VND)' },
  status: { vi: 'Trạng thái', en: 'Status' },
  decisionNote: { vi: 'Ý kiến Ban giám hiệu', en: "Leadership's note" },
  loan: { vi: 'Phiếu mượn', en: 'Loan' },
  proposedBy: { vi: 'Người đề xuất, ghi nhận', en: 'Proposed by' },
  decidedBy: { vi: 'Người phê duyệt', en: 'Decided by' },
  decidedAt: { vi: 'Ngày phê duyệt', en: 'Decided on' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['asset-events'] & keyof typeof L
const written = (field: WrittenField, initialValue?: unknown) => ({
  access: fieldAccess('asset-events', field, L[field], initialValue),
})

const DECISIONS: readonly AssetEventStatus[] = ['approved', 'rejected']

/**
 * A damage is recorded as it happened; a repair or disposal is proposed and decided once by
 * leadership (`equipmentPolicy.decideEvent`), the server writing who decided and when.
 */
const keepEventSteps: CollectionBeforeChangeHook<AssetEvent> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as AssetEvent
  const result: Partial<AssetEvent> = { ...data }
  if (operation === 'create') {
    const start: AssetEventStatus = eventNeedsApproval(merged.kind) ? 'proposed' : 'recorded'
    if (data.status && DECISIONS.includes(data.status)) {
      throw userError(req, 400, {
        vi:
          `${ASSET_EVENT_KIND_LABELS[merged.kind].vi} mới ghi ở trạng thái ` +
          `"${ASSET_EVENT_STATUS_LABELS[start].vi}"; Ban giám hiệu phê duyệt sau.`,
        en: `A new ${merged.kind} starts as "${start}".`,
      })
    }
    if (merged.kind === 'damage' && !merged.conditionAfter) {
      throw userError(req, 400, {
        vi: 'Ghi hư hỏng cần chọn tình trạng sau hư hỏng (Hỏng nhẹ hoặc Hỏng).',
        en: 'A damage needs the condition it left the item in.',
      })
    }
    result.status = start
    result.proposedBy = req.user?.id ?? null
    return result
  }
  const from = originalDoc?.status as AssetEventStatus
  const to = merged.status
  if (to === from) return result
  if (from !== 'proposed' || !DECISIONS.includes(to)) {
    throw userError(req, 409, {
      vi:
        `Không chuyển được từ "${ASSET_EVENT_STATUS_LABELS[from].vi}" sang ` +
        `"${ASSET_EVENT_STATUS_LABELS[to].vi}": đề xuất sửa chữa, thanh lý được duyệt một lần.`,
      en: `Cannot go from "${from}" to "${to}".`,
    })
  }
  await authorize(req, equipmentPolicy.decideEvent, {
    vi: 'Sửa chữa, thanh lý tài sản do Hiệu trưởng hoặc Phó Hiệu trưởng phê duyệt.',
    en: 'Repairs and disposals are approved by the principal or a vice-principal.',
  })
  if (to === 'approved' && merged.kind === 'disposal') await checkDisposal(req, merged)
  result.decidedBy = req.user?.id ?? null
  result.decidedAt = new Date().toISOString()
  return result
}

const applyToRegister: CollectionAfterChangeHook<AssetEvent> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation === 'create' && doc.kind === 'damage') await applyDamage(req, doc)
  if (
    operation === 'update' &&
    doc.kind === 'disposal' &&
    doc.status === 'approved' &&
    previousDoc?.status !== 'approved'
  )
    await applyDisposal(req, doc)
  return doc
}

/**
 * Hư hỏng, sửa chữa, thanh lý (Điều 6, 15): what happened to an asset and what was done, who
 * proposed it and who approved it; an approved disposal takes the quantity off the register.
 */
export const AssetEvents: CollectionConfig = {
  slug: 'asset-events',
  labels: {
    singular: { vi: 'Hư hỏng, sửa chữa, thanh lý', en: 'Asset event' },
    plural: { vi: 'Hư hỏng, sửa chữa, thanh lý', en: 'Damage, repair, disposal' },
  },
  admin: {
    group: EQUIPMENT_GROUP,
    defaultColumns: ['date', 'kind', 'asset', 'quantity', 'status', 'cost', 'decidedBy'],
    components: { beforeListTable: [exportButton('asset-events')] },
  },
  custom: {
    registerExport: {
      title: { vi: 'Sổ theo dõi hư hỏng, sửa chữa, thanh lý', en: 'Damage, repair, disposal' },
      fileName: 'so-hu-hong-sua-chua-thanh-ly',
      columns: [
        'date',
        'kind',
        'asset',
        'quantity',
        'description',
        'actionTaken',
        'cost',
        'status',
        'proposedBy',
        'decidedBy',
        'decidedAt',
      ],
      sort: '-date',
    } satisfies RegisterExport,
  },
  access: collectionAccess('asset-events'),
  defaultSort: '-date',
  hooks: { beforeChange: [keepEventSteps], afterChange: [applyToRegister] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          index: true,
          options: optionsOf(ASSET_EVENT_KINDS, ASSET_EVENT_KIND_LABELS),
          label: L.kind,
          ...written('kind'),
        },
        {
          name: 'asset',
          type: 'relationship',
          relationTo: 'assets',
          required: true,
          index: true,
          label: L.asset,
          ...written('asset'),
        },
        {
          name: 'quantity',
          type: 'number',
          required: true,
          min: 1,
          defaultValue: 1,
          label: L.quantity,
          ...written('quantity', 1),
        },
        {
          name: 'conditionAfter',
          type: 'select',
          options: optionsOf(['minor_damage', 'damaged'] as const, {
            minor_damage: ASSET_CONDITION_LABELS.minor_damage,
            damaged: ASSET_CONDITION_LABELS.damaged,
          }),
          label: L.conditionAfter,
          admin: { condition: (data) => data?.kind === 'damage' },
          ...written('conditionAfter'),
        },
      ],
    },
    {
      name: 'date',
      type: 'date',
      required: true,
      index: true,
      label: L.date,
      admin: dateOnly,
      ...written('date'),
    },
    {
      name: 'description',
      type: 'textarea',
      required: true,
      label: L.description,
      ...written('description'),
    },
    { name: 'actionTaken', type: 'textarea', label: L.actionTaken, ...written('actionTaken') },
    {
      name: 'cost',
      type: 'number',
      min: 0,
      label: L.cost,
      access: {
        ...fieldAccess('asset-events', 'cost', L.cost),
        ...fieldReadAccess('asset-events', 'cost'),
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'proposed',
      options: optionsOf(ASSET_EVENT_STATUSES, ASSET_EVENT_STATUS_LABELS),
      label: L.status,
      admin: {
        position: 'sidebar',
        description: {
          vi: 'Sửa chữa, thanh lý: Đề xuất → Đã phê duyệt / Không duyệt (Ban giám hiệu).',
          en: 'Repair, disposal: proposed → approved / rejected (leadership).',
        },
      },
      ...written('status', 'proposed'),
    },
    {
      name: 'decisionNote',
      type: 'textarea',
      label: L.decisionNote,
      admin: { position: 'sidebar' },
      ...written('decisionNote'),
    },
    {
      name: 'loan',
      type: 'relationship',
      relationTo: 'equipment-loans',
      label: L.loan,
      admin: { position: 'sidebar', readOnly: true },
      ...written('loan'),
    },
    {
      name: 'proposedBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.proposedBy,
      admin: { position: 'sidebar', readOnly: true },
      ...written('proposedBy'),
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.decidedBy,
      admin: { position: 'sidebar', readOnly: true },
      ...written('decidedBy'),
    },
    {
      name: 'decidedAt',
      type: 'date',
      label: L.decidedAt,
      admin: { position: 'sidebar', readOnly: true },
      ...written('decidedAt'),
    },
  ],
}
