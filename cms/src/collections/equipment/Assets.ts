import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  TextFieldSingleValidation,
} from 'payload'
import {
  ASSET_CODE_PATTERN,
  ASSET_CONDITION_LABELS,
  ASSET_CONDITIONS,
  ASSET_KIND_LABELS,
  ASSET_KINDS,
  ASSET_SOURCE_LABELS,
  ASSET_SOURCES,
  EQUIPMENT_GRADES,
  MINIMUM_EQUIPMENT,
  ROOM_LABELS,
  ROOMS,
  optionsOf,
  type AssetCondition,
  type AssetKind,
  type AssetSource,
  type Room,
} from '@school/shared'

import { collectionAccess, fieldAccess, fieldReadAccess } from '../../access/payload-access'
import type { fieldWritePolicy } from '../../access/policy'
import { localize, userError, type Message } from '../../lib/messages'
import { quantityOut } from '../../equipment/availability'
import type { Asset } from '../../payload-types'
import { exportButton, type RegisterExport } from '../../registers/export'
import { foldSearchQuery, keepSearchText, searchTextField } from '../../registers/search-text'

export const EQUIPMENT_GROUP = { vi: 'Tài sản, thiết bị', en: 'Assets and equipment' }

const L = {
  code: { vi: 'Mã tài sản', en: 'Code' },
  name: { vi: 'Tên tài sản, thiết bị', en: 'Name' },
  kind: { vi: 'Loại', en: 'Kind' },
  subject: { vi: 'Môn học', en: 'Subject' },
  grades: { vi: 'Khối lớp', en: 'Grades' },
  minimumItem: { vi: 'Thuộc danh mục tối thiểu (TT37)', en: 'Minimum list item (TT37)' },
  room: { vi: 'Phòng', en: 'Room' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  brokenQuantity: { vi: 'Số lượng hỏng', en: 'Broken' },
  condition: { vi: 'Tình trạng', en: 'Condition' },
  yearInUse: { vi: 'Năm đưa vào sử dụng', en: 'Year in use' },
  source: { vi: 'Nguồn hình thành', en: 'Source' },
  note: { vi: 'Ghi chú', en: 'Note' },
  unitPrice: { vi: 'Đơn giá (đồng)', en: 'Unit price (VND)' },
  originalValue: { vi: 'Nguyên giá (đồng)', en: 'Original value (VND)' },
  accumulatedWear: { vi: 'Hao mòn lũy kế (đồng)', en: 'Accumulated wear (VND)' },
  remainingValue: { vi: 'Giá trị còn lại (đồng)', en: 'Remaining value (VND)' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['assets'] & keyof typeof L
const written = (field: WrittenField, initialValue?: unknown) => ({
  access: fieldAccess('assets', field, L[field], initialValue),
})
type ValueField = 'unitPrice' | 'originalValue' | 'accumulatedWear' | 'remainingValue'
/** A value field: written as its policy says, read by the value's readers only (Điều 15). */
const valueAccess = (field: ValueField) => ({
  access: { ...fieldAccess('assets', field, L[field]), ...fieldReadAccess('assets', field) },
})

const assetCode: TextFieldSingleValidation = (value, { req }) =>
  typeof value === 'string' && ASSET_CODE_PATTERN.test(value)
    ? true
    : localize(req, {
        vi: 'Mã tài sản gồm chữ in hoa không dấu, số và dấu gạch ngang (ví dụ: TBDH-TV1-001).',
        en: 'An asset code has capital letters, digits and hyphens (e.g. TBDH-TV1-001).',
      })

const money = { type: 'number' as const, min: 0, admin: { step: 1000 } }

/**
 * Counts that cannot contradict each other (what is broken and what is out on loan fit in the
 * register's quantity), and the remaining value the server computes.
 */
const keepCountsAndValues: CollectionBeforeChangeHook<Asset> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Asset
  const quantity = merged.quantity ?? 0
  const broken = merged.brokenQuantity ?? 0
  if (broken > quantity) {
    throw userError(req, 400, {
      vi: `Số lượng hỏng (${broken}) không được lớn hơn số lượng trên sổ (${quantity}).`,
      en: `The broken count (${broken}) cannot exceed the quantity (${quantity}).`,
    })
  }
  const countsChange =
    (data.quantity !== undefined && data.quantity !== originalDoc?.quantity) ||
    (data.brokenQuantity !== undefined && data.brokenQuantity !== originalDoc?.brokenQuantity)
  if (operation === 'update' && originalDoc && countsChange) {
    const out = await quantityOut(req, originalDoc.id)
    if (broken + out > quantity) {
      throw userError(req, 409, {
        vi:
          `Trên sổ ${quantity}, hỏng ${broken}, đang cho mượn ${out}: số lượng không đủ. ` +
          'Nhận lại thiết bị trước khi giảm số lượng.',
        en: `Quantity ${quantity} cannot hold ${broken} broken and ${out} out on loan.`,
      })
    }
  }
  const result: Partial<Asset> = { ...data }
  if (merged.originalValue !== null && merged.originalValue !== undefined)
    result.remainingValue = merged.originalValue - (merged.accumulatedWear ?? 0)
  else result.remainingValue = null
  return result
}

/**
 * Sổ quản lý tài sản, thiết bị dạy học (Điều 6, 15): what the school has, where, in what
 * condition. The equipment officer keeps it; the accountant writes the value fields, which only
 * the accountant, leadership and the officer read. Teachers look equipment up here to borrow it.
 */
export const Assets: CollectionConfig = {
  slug: 'assets',
  labels: {
    singular: { vi: 'Tài sản, thiết bị', en: 'Asset' },
    plural: { vi: 'Sổ tài sản, thiết bị', en: 'Assets and equipment' },
  },
  admin: {
    group: EQUIPMENT_GROUP,
    useAsTitle: 'name',
    defaultColumns: ['code', 'name', 'kind', 'room', 'quantity', 'condition', 'originalValue'],
    listSearchableFields: ['searchText'],
    components: { beforeListTable: [exportButton('assets')] },
    description: {
      vi:
        'Sổ tài sản và thiết bị dạy học. Nhân viên thiết bị ghi sổ; kế toán ghi giá trị. ' +
        'Tài sản chỉ ra khỏi sổ bằng thanh lý đã được duyệt.',
      en: 'The register of assets and teaching equipment; values are entered by the accountant.',
    },
  },
  custom: {
    registerExport: {
      title: { vi: 'Sổ tài sản, thiết bị dạy học', en: 'Register of assets and equipment' },
      fileName: 'so-tai-san-thiet-bi',
      columns: [
        'code',
        'name',
        'kind',
        'subject',
        'grades',
        'room',
        'unit',
        'quantity',
        'brokenQuantity',
        'condition',
        'yearInUse',
        'source',
        'unitPrice',
        'originalValue',
        'accumulatedWear',
        'remainingValue',
      ],
      sort: 'code',
    } satisfies RegisterExport,
  },
  access: collectionAccess('assets'),
  defaultSort: 'code',
  hooks: {
    beforeOperation: [foldSearchQuery],
    beforeChange: [
      keepCountsAndValues,
      // Only what every reader of the register reads: never the values.
      keepSearchText((doc) => [
        doc.code,
        doc.name,
        ASSET_KIND_LABELS[doc.kind as AssetKind]?.vi,
        ROOM_LABELS[doc.room as Room]?.vi,
        ASSET_CONDITION_LABELS[doc.condition as AssetCondition]?.vi,
        ASSET_SOURCE_LABELS[doc.source as AssetSource]?.vi,
        doc.minimumItem,
        doc.note,
      ]),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          validate: assetCode,
          label: L.code,
          ...written('code'),
        },
        { name: 'name', type: 'text', required: true, label: L.name, ...written('name') },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          required: true,
          index: true,
          defaultValue: 'teaching_equipment',
          options: optionsOf(ASSET_KINDS, ASSET_KIND_LABELS),
          label: L.kind,
          ...written('kind', 'teaching_equipment'),
        },
        {
          name: 'room',
          type: 'select',
          required: true,
          index: true,
          options: optionsOf(ROOMS, ROOM_LABELS),
          label: L.room,
          ...written('room'),
        },
      ],
    },
    {
      type: 'row',
      admin: { condition: (data) => data?.kind === 'teaching_equipment' },
      fields: [
        {
          name: 'subject',
          type: 'relationship',
          relationTo: 'subjects',
          index: true,
          label: L.subject,
          ...written('subject'),
        },
        {
          name: 'grades',
          type: 'select',
          hasMany: true,
          options: EQUIPMENT_GRADES.map((grade) => ({ value: grade, label: `Lớp ${grade}` })),
          label: L.grades,
          ...written('grades'),
        },
        {
          name: 'minimumItem',
          type: 'select',
          index: true,
          options: MINIMUM_EQUIPMENT.map((entry) => ({
            value: entry.code,
            label: `${entry.code} · ${entry.name}`,
          })),
          label: L.minimumItem,
          ...written('minimumItem'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'unit', type: 'text', required: true, label: L.unit, ...written('unit') },
        {
          name: 'quantity',
          type: 'number',
          required: true,
          min: 0,
          defaultValue: 1,
          label: L.quantity,
          admin: {
            description: {
              vi: 'Số đang có trên sổ; thanh lý được duyệt sẽ trừ đi.',
              en: 'On the register now; an approved disposal takes it off.',
            },
          },
          ...written('quantity', 1),
        },
        {
          name: 'brokenQuantity',
          type: 'number',
          min: 0,
          defaultValue: 0,
          label: L.brokenQuantity,
          admin: {
            description: {
              vi: 'Không cho mượn được (hỏng, chờ sửa).',
              en: 'Cannot be lent (broken, awaiting repair).',
            },
          },
          ...written('brokenQuantity', 0),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'condition',
          type: 'select',
          required: true,
          index: true,
          defaultValue: 'good',
          options: optionsOf(ASSET_CONDITIONS, ASSET_CONDITION_LABELS),
          label: L.condition,
          ...written('condition', 'good'),
        },
        {
          name: 'yearInUse',
          type: 'number',
          min: 1990,
          max: 2100,
          label: L.yearInUse,
          ...written('yearInUse'),
        },
        {
          name: 'source',
          type: 'select',
          options: optionsOf(ASSET_SOURCES, ASSET_SOURCE_LABELS),
          label: L.source,
          ...written('source'),
        },
      ],
    },
    { name: 'note', type: 'textarea', label: L.note, ...written('note') },
    {
      type: 'collapsible',
      label: { vi: 'Giá trị (kế toán ghi)', en: 'Values (by the accountant)' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'unitPrice', ...money, label: L.unitPrice, ...valueAccess('unitPrice') },
            {
              name: 'originalValue',
              ...money,
              label: L.originalValue,
              ...valueAccess('originalValue'),
            },
            {
              name: 'accumulatedWear',
              ...money,
              label: L.accumulatedWear,
              ...valueAccess('accumulatedWear'),
            },
            {
              name: 'remainingValue',
              type: 'number',
              label: L.remainingValue,
              admin: { readOnly: true },
              ...valueAccess('remainingValue'),
            },
          ],
        },
      ],
    },
    searchTextField('assets'),
  ],
}
