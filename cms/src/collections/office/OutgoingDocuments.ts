import type { CollectionBeforeChangeHook, CollectionConfig, Where } from 'payload'
import {
  DEFAULT_DRAFTING_UNIT,
  OFFICE_DOCUMENT_TYPE_LABELS,
  OFFICE_DOCUMENT_TYPES,
  formatDateVi,
  optionsOf,
  outgoingSymbol,
  registerYearOf,
  type OfficeDocumentType,
} from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import type { fieldWritePolicy } from '../../access/policy'
import { dateOnly, notInFuture } from '../../fields/records'
import { userError, type Message } from '../../lib/messages'
import { officeFileEndpoint, officeFileHooks, officeUpload } from '../../office/files'
import { numberOnRegistration } from '../../office/numbering'
import { exportButton, type RegisterExport } from '../../registers/export'
import { foldSearchQuery, keepSearchText, searchTextField } from '../../registers/search-text'
import { checkCancellation, ENTRY_LABELS, entrySidebarFields } from './entry-fields'

const L = {
  documentNumber: { vi: 'Số', en: 'Number' },
  documentYear: { vi: 'Năm', en: 'Year' },
  symbol: { vi: 'Số, ký hiệu văn bản', en: 'Number and symbol' },
  numberKey: { vi: 'Khóa số', en: 'Number key' },
  documentDate: { vi: 'Ngày tháng văn bản', en: 'Date' },
  type: { vi: 'Tên loại', en: 'Type' },
  draftingUnit: { vi: 'Đơn vị soạn thảo (viết tắt)', en: 'Drafting unit' },
  summary: { vi: 'Trích yếu nội dung', en: 'Summary' },
  signer: { vi: 'Người ký', en: 'Signed by' },
  recipients: { vi: 'Nơi nhận văn bản', en: 'Recipients' },
  copies: { vi: 'Số lượng bản', en: 'Copies' },
  keptBy: { vi: 'Đơn vị, người nhận bản lưu', en: 'Copy kept by' },
  inReplyTo: { vi: 'Trả lời văn bản đến', en: 'In reply to' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  ...ENTRY_LABELS,
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['outgoing-documents'] & keyof typeof L

function written(field: WrittenField, initialValue?: unknown) {
  return { access: fieldAccess('outgoing-documents', field, L[field], initialValue) }
}

type Doc = Record<string, unknown>

/** The symbol's unit: capital letters (Đ too) and digits, as Phụ lục III writes them. */
const UNIT_PATTERN = /^[A-ZĐ0-9]{1,10}$/u

const keepRegistration: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  const merged = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const result: Doc = { ...data }
  const unit = String(merged.draftingUnit ?? DEFAULT_DRAFTING_UNIT).trim()
  if (!UNIT_PATTERN.test(unit)) {
    throw userError(req, 400, {
      vi: 'Đơn vị soạn thảo viết tắt bằng chữ in hoa, không dấu cách (ví dụ: VP, CM).',
      en: 'The drafting unit is written in capitals without spaces (VP, CM).',
    })
  }
  if (operation === 'create') {
    result.registeredBy = req.user?.id ?? null
    result.draftingUnit = unit
    if (merged.documentDate) result.documentYear = registerYearOf(String(merged.documentDate))
  } else if (data.documentDate !== undefined && originalDoc?.documentYear) {
    if (registerYearOf(String(data.documentDate)) !== originalDoc.documentYear) {
      throw userError(req, 400, {
        vi:
          `Văn bản đã lấy số năm ${originalDoc.documentYear}: ngày văn bản phải trong năm đó. ` +
          'Lấy số sai năm thì hủy văn bản này (ghi lý do) và lấy số mới.',
        en: `Numbered in ${originalDoc.documentYear}: the date must be in that year.`,
      })
    }
  }
  checkCancellation(req, merged, originalDoc as Doc | undefined)
  return result
}

const typeLabel = (value: unknown) =>
  OFFICE_DOCUMENT_TYPE_LABELS[value as OfficeDocumentType]?.vi ?? ''

const searchable = (doc: Doc) => [
  doc.documentNumber,
  doc.symbol,
  typeLabel(doc.type),
  doc.summary,
  doc.recipients,
  doc.keptBy,
  doc.documentDate ? formatDateVi(String(doc.documentDate)) : '',
  doc.notes,
  doc.cancelled ? ['đã hủy', doc.cancelReason] : '',
]

export const outgoingRegisterExport = {
  title: { vi: 'Sổ đăng ký văn bản đi', en: 'Register of outgoing documents' },
  fileName: 'so-van-ban-di',
  columns: [
    'symbol',
    'documentDate',
    'type',
    'summary',
    'signer',
    'recipients',
    'keptBy',
    'copies',
    'cancelled',
  ],
  sort: '-documentDate',
} satisfies RegisterExport

/**
 * Sổ đăng ký văn bản đi (Điều 14.1; Nghị định 30/2020/NĐ-CP, Điều 15–16, Phụ lục IV): each
 * document the school sends, numbered per calendar year and kind at registration, its symbol
 * made from the number, the kind and the school (`15/QĐ-THGT`; a công văn `16/THGT-VP`).
 */
export const OutgoingDocuments: CollectionConfig = {
  slug: 'outgoing-documents',
  labels: {
    singular: { vi: 'Văn bản đi', en: 'Outgoing document' },
    plural: { vi: 'Văn bản đi', en: 'Outgoing documents' },
  },
  admin: {
    group: { vi: 'Văn thư', en: 'Office' },
    useAsTitle: 'summary',
    defaultColumns: ['symbol', 'documentDate', 'type', 'summary', 'signer', 'recipients'],
    listSearchableFields: ['searchText'],
    description: {
      vi:
        'Sổ đăng ký văn bản đi (Nghị định 30/2020/NĐ-CP). Số do hệ thống cấp khi vào sổ, đếm ' +
        'theo năm và theo loại văn bản; ký hiệu tạo từ số, loại và tên trường.',
      en: 'Register of outgoing documents. Numbers are given per year and type.',
    },
    components: {
      beforeListTable: [
        exportButton('outgoing-documents'),
        '/components/office/RegisterLinks#RegisterLinks',
      ],
    },
  },
  access: collectionAccess('outgoing-documents'),
  defaultSort: '-documentDate',
  custom: { registerExport: outgoingRegisterExport },
  upload: officeUpload('outgoing-documents'),
  endpoints: [officeFileEndpoint('outgoing-documents')],
  hooks: {
    beforeOperation: [foldSearchQuery, ...officeFileHooks.beforeOperation],
    beforeChange: [keepRegistration, keepSearchText(searchable), ...officeFileHooks.beforeChange],
    afterChange: [
      numberOnRegistration({
        collection: 'outgoing-documents',
        numberField: 'documentNumber',
        sequenceOf: (doc) =>
          typeof doc.documentYear === 'number' && typeof doc.type === 'string'
            ? {
                where: {
                  and: [
                    { documentYear: { equals: doc.documentYear } } as Where,
                    { type: { equals: doc.type } } as Where,
                  ],
                },
                key: `${doc.documentYear}:${doc.type}`,
              }
            : null,
        written: (doc, number, sequence) => ({
          documentNumber: number,
          numberKey: `${sequence.key}:${number}`,
          symbol: outgoingSymbol(
            number,
            doc.type as OfficeDocumentType,
            String(doc.draftingUnit ?? ''),
          ),
        }),
      }),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'symbol',
          type: 'text',
          index: true,
          label: L.symbol,
          ...written('symbol'),
          admin: {
            readOnly: true,
            description: { vi: 'Cấp khi lưu.', en: 'Given on saving.' },
          },
        },
        {
          name: 'documentNumber',
          type: 'number',
          index: true,
          label: L.documentNumber,
          ...written('documentNumber'),
          admin: { readOnly: true },
        },
        {
          name: 'documentYear',
          type: 'number',
          index: true,
          label: L.documentYear,
          ...written('documentYear'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'numberKey',
      type: 'text',
      unique: true,
      label: L.numberKey,
      ...written('numberKey'),
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'select',
          required: true,
          index: true,
          options: optionsOf(OFFICE_DOCUMENT_TYPES, OFFICE_DOCUMENT_TYPE_LABELS),
          label: L.type,
          ...written('type'),
        },
        {
          name: 'draftingUnit',
          type: 'text',
          defaultValue: DEFAULT_DRAFTING_UNIT,
          label: L.draftingUnit,
          ...written('draftingUnit', DEFAULT_DRAFTING_UNIT),
          admin: {
            description: {
              vi: 'Dùng trong ký hiệu công văn: 16/THGT-VP.',
              en: 'Used in the symbol of a công văn: 16/THGT-VP.',
            },
          },
        },
        {
          name: 'documentDate',
          type: 'date',
          required: true,
          defaultValue: () => new Date().toISOString(),
          validate: notInFuture,
          label: L.documentDate,
          admin: dateOnly,
        },
      ],
    },
    { name: 'summary', type: 'textarea', required: true, label: L.summary },
    {
      type: 'row',
      fields: [
        {
          name: 'signer',
          type: 'relationship',
          relationTo: 'users',
          required: true,
          label: L.signer,
        },
        { name: 'copies', type: 'number', min: 0, label: L.copies },
      ],
    },
    { name: 'recipients', type: 'textarea', required: true, label: L.recipients },
    { name: 'keptBy', type: 'text', label: L.keptBy, defaultValue: 'Văn thư (lưu)' },
    {
      name: 'inReplyTo',
      type: 'relationship',
      relationTo: 'incoming-documents',
      label: L.inReplyTo,
    },
    { name: 'notes', type: 'textarea', label: L.notes },
    ...entrySidebarFields('outgoing-documents', written('registeredBy').access),
    searchTextField('outgoing-documents'),
  ],
}
