import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
} from 'payload'
import {
  ASSET_CONDITION_LABELS,
  LOAN_STATUS_LABELS,
  foldForSearch,
  LOAN_STATUSES,
  RETURN_CONDITIONS,
  formatDateVi,
  optionsOf,
  vietnamDay,
} from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import type { fieldWritePolicy } from '../../access/policy'
import { availabilityOf } from '../../equipment/availability'
import { recordReturnDamage } from '../../equipment/bookkeeping'
import { dateOnly } from '../../fields/records'
import { idOf } from '../../lib/ids'
import { userError, type Message } from '../../lib/messages'
import type { EquipmentLoan } from '../../payload-types'
import { exportButton, type RegisterExport } from '../../registers/export'
import { SEARCH_TEXT, foldSearchQuery, searchTextField } from '../../registers/search-text'
import { EQUIPMENT_GROUP } from './Assets'

const L = {
  asset: { vi: 'Thiết bị', en: 'Equipment' },
  borrower: { vi: 'Người mượn', en: 'Borrower' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  lentOn: { vi: 'Ngày mượn', en: 'Lent on' },
  dueOn: { vi: 'Hạn trả (ngày dạy)', en: 'Due on (lesson day)' },
  returnedOn: { vi: 'Ngày trả', en: 'Returned on' },
  returnCondition: { vi: 'Tình trạng khi trả', en: 'Condition on return' },
  note: { vi: 'Ghi chú', en: 'Note' },
  lentBy: { vi: 'Người cho mượn', en: 'Lent by' },
  receivedBy: { vi: 'Người nhận lại', en: 'Received by' },
  status: { vi: 'Trạng thái', en: 'Status' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['equipment-loans'] & keyof typeof L
const written = (field: WrittenField, initialValue?: unknown) => ({
  access: fieldAccess('equipment-loans', field, L[field], initialValue),
})

const day = (value: string | null | undefined) => (value ? vietnamDay(value) : null)

/**
 * No lending more than is available; the server records who lent and who took back, and a
 * loan is out until its return (date and condition) is recorded, then it no longer changes.
 */
const keepLoanSteps: CollectionBeforeChangeHook<EquipmentLoan> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as EquipmentLoan
  const result: Partial<EquipmentLoan> = { ...data }
  const lent = day(merged.lentOn)
  if (lent && day(merged.dueOn) && day(merged.dueOn)! < lent) {
    throw userError(req, 400, {
      vi: 'Hạn trả không được trước ngày mượn.',
      en: 'The due day cannot be before the day lent.',
    })
  }
  if (operation === 'create') {
    if (merged.returnedOn) {
      throw userError(req, 400, {
        vi: 'Ghi mượn trước, khi nhận lại thiết bị mới ghi ngày trả.',
        en: 'Record the loan first; the return is recorded when the item comes back.',
      })
    }
    const asset = idOf(merged.asset)
    const quantity = merged.quantity ?? 0
    if (asset !== null) {
      const { asset: record, out, available } = await availabilityOf(req, asset)
      if (quantity > available) {
        throw userError(req, 409, {
          vi:
            `Không cho mượn được ${quantity} ${record.unit} "${record.name}": chỉ còn ` +
            `${available} (trên sổ ${record.quantity}, đang cho mượn ${out}, hỏng ` +
            `${record.brokenQuantity ?? 0}; tình trạng ` +
            `${ASSET_CONDITION_LABELS[record.condition].vi}).`,
          en: `Only ${available} of "${record.name}" can be lent now (${out} out).`,
        })
      }
    }
    result.status = 'out'
    result.lentBy = req.user?.id ?? null
    result.receivedBy = null
    return result
  }
  const returning = Boolean(merged.returnedOn) && !originalDoc?.returnedOn
  if (returning) {
    if (!merged.returnCondition) {
      throw userError(req, 400, {
        vi: 'Khi nhận lại thiết bị cần ghi tình trạng khi trả.',
        en: 'A return needs the condition the item came back in.',
      })
    }
    if (lent && day(merged.returnedOn)! < lent) {
      throw userError(req, 400, {
        vi: `Ngày trả không được trước ngày mượn (${formatDateVi(merged.lentOn)}).`,
        en: 'The return cannot be before the day lent.',
      })
    }
    result.status = 'returned'
    result.receivedBy = req.user?.id ?? null
  } else if (!merged.returnedOn && merged.returnCondition) {
    throw userError(req, 400, {
      vi: 'Tình trạng khi trả được ghi cùng ngày trả.',
      en: 'The condition on return goes with the return date.',
    })
  }
  return result
}

/**
 * The list's search finds a loan by the equipment's code and name and the borrower's name too:
 * what every reader of the loan (the officer, leadership, the borrower) sees on it anyway.
 */
const keepLoanSearchText: CollectionBeforeChangeHook<EquipmentLoan> = async ({
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as EquipmentLoan
  const asset = idOf(merged.asset)
  const borrower = idOf(merged.borrower)
  // A register entry's name and a colleague's name: no value fields, no pupil data.
  const [assetDoc, borrowerDoc] = await Promise.all([
    asset === null
      ? null
      : req.payload.findByID({
          collection: 'assets',
          id: asset,
          depth: 0,
          select: { code: true, name: true },
          overrideAccess: true,
          disableErrors: true,
          req,
        }),
    borrower === null
      ? null
      : req.payload.findByID({
          collection: 'users',
          id: borrower,
          depth: 0,
          select: { fullName: true },
          overrideAccess: true,
          disableErrors: true,
          req,
        }),
  ])
  const words = [
    assetDoc?.code,
    assetDoc?.name,
    borrowerDoc?.fullName,
    LOAN_STATUS_LABELS[merged.status ?? 'out']?.vi,
    merged.note,
  ]
  return { ...data, [SEARCH_TEXT]: foldForSearch(words.filter(Boolean).join(' ')) }
}

/** A return in a worse condition records a damage event, which updates the asset. */
const recordDamageOnReturn: CollectionAfterChangeHook<EquipmentLoan> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || previousDoc?.status === 'returned' || doc.status !== 'returned')
    return doc
  if (!doc.returnCondition || doc.returnCondition === 'good') return doc
  await recordReturnDamage(req, doc)
  return doc
}

/**
 * Sổ theo dõi mượn, trả thiết bị dạy học (Điều 15): the equipment officer lends to a teacher
 * for a lesson and takes it back. A borrower reads their own loans; overdue ones stand out.
 */
export const EquipmentLoans: CollectionConfig = {
  slug: 'equipment-loans',
  labels: {
    singular: { vi: 'Mượn, trả thiết bị', en: 'Equipment loan' },
    plural: { vi: 'Sổ mượn, trả thiết bị', en: 'Equipment loans' },
  },
  admin: {
    group: EQUIPMENT_GROUP,
    defaultColumns: ['asset', 'borrower', 'quantity', 'lentOn', 'dueOn', 'returnedOn', 'status'],
    listSearchableFields: ['searchText'],
    components: { beforeListTable: [exportButton('equipment-loans')] },
  },
  custom: {
    registerExport: {
      title: { vi: 'Sổ theo dõi mượn, trả thiết bị dạy học', en: 'Register of equipment loans' },
      fileName: 'so-muon-tra-thiet-bi',
      columns: [
        'asset',
        'borrower',
        'quantity',
        'lentOn',
        'dueOn',
        'returnedOn',
        'returnCondition',
        'status',
        'lentBy',
        'receivedBy',
        'note',
      ],
      sort: '-lentOn',
    } satisfies RegisterExport,
  },
  access: collectionAccess('equipment-loans'),
  defaultSort: '-lentOn',
  hooks: {
    beforeOperation: [foldSearchQuery],
    beforeChange: [keepLoanSteps, keepLoanSearchText],
    afterChange: [recordDamageOnReturn],
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
          index: true,
          label: L.asset,
          ...written('asset'),
        },
        {
          name: 'borrower',
          type: 'relationship',
          relationTo: 'users',
          required: true,
          index: true,
          label: L.borrower,
          ...written('borrower'),
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
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'lentOn',
          type: 'date',
          required: true,
          index: true,
          label: L.lentOn,
          // Most loans are for a lesson of the day: lent and due today unless said otherwise.
          defaultValue: () => new Date().toISOString(),
          admin: dateOnly,
          ...written('lentOn'),
        },
        {
          name: 'dueOn',
          type: 'date',
          required: true,
          index: true,
          label: L.dueOn,
          defaultValue: () => new Date().toISOString(),
          admin: {
            ...dateOnly,
            components: { Cell: '/components/equipment/LoanDueCell#LoanDueCell' },
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'returnedOn', type: 'date', label: L.returnedOn, admin: dateOnly },
        {
          name: 'returnCondition',
          type: 'select',
          options: optionsOf(RETURN_CONDITIONS, ASSET_CONDITION_LABELS),
          label: L.returnCondition,
        },
      ],
    },
    { name: 'note', type: 'textarea', label: L.note },
    {
      name: 'status',
      type: 'select',
      index: true,
      defaultValue: 'out',
      options: optionsOf(LOAN_STATUSES, LOAN_STATUS_LABELS),
      label: L.status,
      admin: { position: 'sidebar', readOnly: true },
      ...written('status', 'out'),
    },
    {
      name: 'lentBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.lentBy,
      admin: { position: 'sidebar', readOnly: true },
      ...written('lentBy'),
    },
    {
      name: 'receivedBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.receivedBy,
      admin: { position: 'sidebar', readOnly: true },
      ...written('receivedBy'),
    },
    searchTextField('equipment-loans'),
  ],
}
