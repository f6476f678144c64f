import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import {
  DOCUMENT_URGENCIES,
  DOCUMENT_URGENCY_LABELS,
  INCOMING_STATE_LABELS,
  INCOMING_STATES,
  OFFICE_DOCUMENT_TYPE_LABELS,
  OFFICE_DOCUMENT_TYPES,
  formatDateVi,
  optionsOf,
  registerYearOf,
  type DocumentUrgency,
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

export const L = {
  arrivalNumber: { vi: 'Số đến', en: 'Arrival number' },
  arrivalYear: { vi: 'Năm', en: 'Year' },
  numberKey: { vi: 'Khóa số', en: 'Number key' },
  dateReceived: { vi: 'Ngày đến', en: 'Received on' },
  issuer: { vi: 'Tác giả (nơi ban hành)', en: 'Issuer' },
  numberSymbol: { vi: 'Số, ký hiệu', en: 'Number and symbol' },
  documentDate: { vi: 'Ngày tháng văn bản', en: 'Document date' },
  type: { vi: 'Tên loại', en: 'Type' },
  summary: { vi: 'Trích yếu nội dung', en: 'Summary' },
  urgency: { vi: 'Độ khẩn', en: 'Urgency' },
  fromAuthorities: { vi: 'Văn bản cấp trên', en: 'From the authorities' },
  pages: { vi: 'Số tờ', en: 'Pages' },
  copies: { vi: 'Số bản', en: 'Copies' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  ...ENTRY_LABELS,
  handlingState: { vi: 'Tình trạng xử lý', en: 'Handling' },
  handlers: { vi: 'Người xử lý', en: 'Handlers' },
  handlings: { vi: 'Giao xử lý', en: 'Assignments' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['incoming-documents'] & keyof typeof L

function written(field: WrittenField, initialValue?: unknown) {
  return { access: fieldAccess('incoming-documents', field, L[field], initialValue) }
}

type Doc = Record<string, unknown>

/**
 * Registration: who registered and the year the arrival number counts in are the server's; the
 * date received stays in that year (its number was counted there); a cancelled entry says why
 * and stays cancelled, its number used (Nghị định 30, Điều 22).
 */
export const keepRegistration: CollectionBeforeChangeHook = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const result: Doc = { ...data }
  if (operation === 'create') {
    result.registeredBy = req.user?.id ?? null
    if (merged.dateReceived) result.arrivalYear = registerYearOf(String(merged.dateReceived))
  } else if (data.dateReceived !== undefined && originalDoc?.arrivalYear) {
    if (registerYearOf(String(data.dateReceived)) !== originalDoc.arrivalYear) {
      throw userError(req, 400, {
        vi:
          `Văn bản đã vào sổ năm ${originalDoc.arrivalYear}: ngày đến phải trong năm đó. ` +
          'Vào sổ sai năm thì hủy văn bản này (ghi lý do) và vào sổ lại.',
        en: `Registered in ${originalDoc.arrivalYear}: the date received must be in that year.`,
      })
    }
  }
  checkCancellation(req, merged, originalDoc as Doc | undefined)
  return result
}

const typeLabel = (value: unknown) =>
  OFFICE_DOCUMENT_TYPE_LABELS[value as OfficeDocumentType]?.vi ?? ''
const urgencyLabel = (value: unknown) => DOCUMENT_URGENCY_LABELS[value as DocumentUrgency]?.vi ?? ''
const dateText = (value: unknown) => (value ? formatDateVi(String(value)) : '')

const searchable = (doc: Doc) => [
  doc.arrivalNumber,
  doc.arrivalNumber && doc.arrivalYear ? `${doc.arrivalNumber}/${doc.arrivalYear}` : '',
  doc.issuer,
  doc.numberSymbol,
  typeLabel(doc.type),
  doc.summary,
  urgencyLabel(doc.urgency),
  dateText(doc.dateReceived),
  dateText(doc.documentDate),
  doc.notes,
  doc.cancelled ? ['đã hủy', doc.cancelReason] : '',
]

export const incomingRegisterExport = {
  title: { vi: 'Sổ đăng ký văn bản đến', en: 'Register of incoming documents' },
  fileName: 'so-van-ban-den',
  columns: [
    'arrivalNumber',
    'dateReceived',
    'issuer',
    'numberSymbol',
    'documentDate',
    'type',
    'summary',
    'urgency',
    'handlers',
    'handlingState',
    'cancelled',
  ],
  sort: '-arrivalYear,-arrivalNumber',
} satisfies RegisterExport

/**
 * Sổ đăng ký văn bản đến (Điều 14.1; Nghị định 30/2020/NĐ-CP, Điều 22, Phụ lục IV): each
 * incoming document, numbered on arrival per calendar year, with its scan (optional) and who
 * handles it (document-handlings). The clerk keeps it; leadership reads all; a handler reads
 * what they were given.
 */
export const IncomingDocuments: CollectionConfig = {
  slug: 'incoming-documents',
  labels: {
    singular: { vi: 'Văn bản đến', en: 'Incoming document' },
    plural: { vi: 'Văn bản đến', en: 'Incoming documents' },
  },
  admin: {
    group: { vi: 'Văn thư', en: 'Office' },
    useAsTitle: 'summary',
    defaultColumns: [
      'arrivalNumber',
      'dateReceived',
      'issuer',
      'numberSymbol',
      'type',
      'summary',
      'urgency',
      'handlingState',
    ],
    listSearchableFields: ['searchText'],
    description: {
      vi:
        'Sổ đăng ký văn bản đến (Nghị định 30/2020/NĐ-CP). Số đến do hệ thống cấp khi vào sổ, ' +
        'đếm lại từ 1 mỗi năm. Tìm kiếm có dấu hay không dấu đều được.',
      en: 'Register of incoming documents. Arrival numbers are given by the system, per year.',
    },
    components: {
      beforeListTable: [
        exportButton('incoming-documents'),
        '/components/office/RegisterLinks#RegisterLinks',
      ],
    },
  },
  access: collectionAccess('incoming-documents'),
  defaultSort: '-dateReceived',
  custom: { registerExport: incomingRegisterExport },
  indexes: [{ fields: ['arrivalYear', 'arrivalNumber'] }],
  upload: officeUpload('incoming-documents'),
  endpoints: [officeFileEndpoint('incoming-documents')],
  hooks: {
    beforeOperation: [foldSearchQuery, ...officeFileHooks.beforeOperation],
    beforeChange: [keepRegistration, keepSearchText(searchable), ...officeFileHooks.beforeChange],
    afterChange: [
      numberOnRegistration({
        collection: 'incoming-documents',
        numberField: 'arrivalNumber',
        sequenceOf: (doc) =>
          typeof doc.arrivalYear === 'number'
            ? { where: { arrivalYear: { equals: doc.arrivalYear } }, key: String(doc.arrivalYear) }
            : null,
        written: (_doc, number, sequence) => ({
          arrivalNumber: number,
          numberKey: `${sequence.key}:${number}`,
        }),
      }),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'arrivalNumber',
          type: 'number',
          index: true,
          label: L.arrivalNumber,
          ...written('arrivalNumber'),
          admin: {
            readOnly: true,
            width: '25%',
            description: { vi: 'Cấp khi lưu.', en: 'Given on saving.' },
          },
        },
        {
          name: 'arrivalYear',
          type: 'number',
          index: true,
          label: L.arrivalYear,
          ...written('arrivalYear'),
          admin: { readOnly: true, width: '25%' },
        },
        {
          name: 'dateReceived',
          type: 'date',
          required: true,
          defaultValue: () => new Date().toISOString(),
          validate: notInFuture,
          label: L.dateReceived,
          admin: { ...dateOnly, width: '50%' },
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
        { name: 'issuer', type: 'text', required: true, label: L.issuer, index: true },
        { name: 'numberSymbol', type: 'text', label: L.numberSymbol },
        {
          name: 'documentDate',
          type: 'date',
          validate: notInFuture,
          label: L.documentDate,
          admin: dateOnly,
        },
      ],
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
        },
        {
          name: 'urgency',
          type: 'select',
          required: true,
          defaultValue: 'normal',
          index: true,
          options: optionsOf(DOCUMENT_URGENCIES, DOCUMENT_URGENCY_LABELS),
          label: L.urgency,
          admin: {
            components: { Cell: '/components/office/OfficeCells#UrgencyCell' },
          },
        },
        {
          name: 'fromAuthorities',
          type: 'checkbox',
          defaultValue: false,
          label: L.fromAuthorities,
          admin: {
            description: {
              vi: 'Văn bản của cơ quan cấp trên: có thể đưa lên website (mục Văn bản).',
              en: 'From the authorities: may be put on the website.',
            },
          },
        },
      ],
    },
    { name: 'summary', type: 'textarea', required: true, label: L.summary },
    {
      type: 'row',
      fields: [
        { name: 'pages', type: 'number', min: 0, label: L.pages },
        { name: 'copies', type: 'number', min: 0, label: L.copies },
      ],
    },
    { name: 'notes', type: 'textarea', label: L.notes },
    {
      name: 'handlings',
      type: 'join',
      collection: 'document-handlings',
      on: 'document',
      label: L.handlings,
      admin: {
        defaultColumns: ['handler', 'role', 'deadline', 'status', 'handledAt'],
        description: {
          vi: 'Lãnh đạo giao văn bản cho người xử lý (chủ trì, phối hợp) với hạn và ý kiến chỉ đạo.',
          en: 'Leadership gives the document to people to handle, with a deadline and a note.',
        },
      },
    },
    {
      name: 'handlingState',
      type: 'select',
      defaultValue: 'unassigned',
      index: true,
      options: optionsOf(INCOMING_STATES, INCOMING_STATE_LABELS),
      label: L.handlingState,
      ...written('handlingState', 'unassigned'),
      admin: {
        readOnly: true,
        position: 'sidebar',
        components: { Cell: '/components/office/OfficeCells#IncomingStateCell' },
      },
    },
    {
      name: 'handlers',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: L.handlers,
      ...written('handlers'),
      admin: { readOnly: true, position: 'sidebar' },
    },
    ...entrySidebarFields('incoming-documents', written('registeredBy').access),
    searchTextField('incoming-documents'),
  ],
}
