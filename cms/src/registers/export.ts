/**
 * GET /api/registers/:collection/export — an office register as .xlsx, holding exactly what the
 * user may see: the list's own filter and search (`where`, `search`) read as the user, so the
 * policy decides which records and which fields (a handler's documents, the value fields of the
 * assets). A collection opts in with `custom.registerExport`; any other slug is 404. A register
 * that names pupils (contests) logs the export before the file leaves (Law 91/2025).
 */
import ExcelJS from 'exceljs'
import type {
  Endpoint,
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'
import { foldForSearch, formatDateVi, vietnamDay } from '@school/shared'

import { recordExport } from '../documents/export-audit'
import { allAsUser } from '../lib/as-user'
import { spreadsheetResponse } from '../lib/download'
import { userError, type Message } from '../lib/messages'
import { SEARCH_TEXT } from './search-text'

type Doc = Record<string, unknown>

/** What a collection says about its export (in `custom.registerExport`; server-side only). */
export interface RegisterExport {
  /** The sheet's title row, e.g. "Sổ đăng ký văn bản đến". */
  title: Message
  /** The file's name without date and extension, without marks: "so-van-ban-den". */
  fileName: string
  /** The columns, in order; the list's default columns when absent. */
  columns?: string[]
  sort?: string
  /** The pupils a record names: the export is then logged with them. */
  pupilsOf?: (doc: Doc) => Array<number | string>
}

export function registerExportOf(
  collection: SanitizedCollectionConfig,
): RegisterExport | undefined {
  return (collection.custom as { registerExport?: RegisterExport } | undefined)?.registerExport
}

const viOf = (label: unknown, fallback: string): string => {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'vi' in label) return String(label.vi)
  return fallback
}

function titleOf(req: PayloadRequest, slug: string, value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value !== 'object') return String(value)
  const related = req.payload.config.collections.find((candidate) => candidate.slug === slug)
  const key = related?.admin?.useAsTitle ?? 'id'
  const doc = value as Doc
  return String(doc[key] ?? doc.filename ?? doc.id ?? '')
}

/** One cell as the admin shows it: option labels, dd/mm/yyyy, titles of related records. */
function cellOf(req: PayloadRequest, field: FlattenedField | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return ''
  if (!field) return typeof value === 'object' ? '' : value
  const many = (values: unknown, one: (item: unknown) => string) =>
    (Array.isArray(values) ? values : [values]).map(one).filter(Boolean).join('; ')
  switch (field.type) {
    case 'select':
    case 'radio':
      return many(value, (item) => {
        const option = field.options.find(
          (candidate) => (typeof candidate === 'string' ? candidate : candidate.value) === item,
        )
        if (!option) return String(item)
        return typeof option === 'string' ? option : viOf(option.label, option.value)
      })
    case 'date':
      return typeof value === 'string' ? formatDateVi(value) : ''
    case 'checkbox':
      return value ? 'Có' : 'Không'
    case 'relationship':
    case 'upload': {
      const to = field.relationTo
      return many(value, (item) => {
        if (Array.isArray(to)) {
          const { relationTo, value: inner } = (item ?? {}) as {
            relationTo?: string
            value?: unknown
          }
          return relationTo ? titleOf(req, relationTo, inner) : ''
        }
        return titleOf(req, to, item)
      })
    }
    case 'number':
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return Array.isArray(value) ? value.join('; ') : value
    default:
      return ''
  }
}

function sheetName(text: string): string {
  return text.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1'
}

function whereOf(req: PayloadRequest): Where | undefined {
  const query = (req.query ?? {}) as { where?: Where; search?: unknown }
  const parts: Where[] = []
  if (query.where && typeof query.where === 'object') parts.push(query.where)
  if (typeof query.search === 'string' && query.search.trim())
    parts.push({ [SEARCH_TEXT]: { like: foldForSearch(query.search) } })
  if (parts.length === 0) return undefined
  return parts.length === 1 ? parts[0] : { and: parts }
}

/**
 * The columns of fields the user may read at all: a field's read rule asked without a record
 * (a rule that depends on the record keeps its column; its cells are decided per record). A
 * teacher's register of assets then has no value columns, not just empty ones.
 */
async function readableColumns(
  req: PayloadRequest,
  names: string[],
  fields: Map<string, FlattenedField>,
): Promise<string[]> {
  const kept: string[] = []
  for (const name of names) {
    const field = fields.get(name)
    const read = field && 'access' in field ? field.access?.read : undefined
    if (!read || (await read({ req, data: {}, siblingData: {} } as never)) !== false)
      kept.push(name)
  }
  return kept
}

export const registerExportEndpoint: Endpoint = {
  path: '/registers/:collection/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const slug = String(req.routeParams?.collection ?? '')
    const collection = req.payload.config.collections.find((candidate) => candidate.slug === slug)
    const settings = collection && registerExportOf(collection)
    if (!collection || !settings)
      throw userError(req, 404, { vi: 'Không có sổ này.', en: 'No such register.' })
    const result = await req.payload.find({
      collection: slug as never,
      ...allAsUser(req),
      depth: 1,
      where: whereOf(req),
      sort: settings.sort ?? collection.defaultSort,
    })
    const docs = result.docs as Doc[]
    const fields = new Map(collection.flattenedFields.map((field) => [field.name, field]))
    const names = await readableColumns(
      req,
      settings.columns ?? collection.admin.defaultColumns ?? ['id'],
      fields,
    )
    const headerOf = (name: string) => {
      if (name === 'id') return 'Mã'
      if (name === 'createdAt') return 'Ngày tạo'
      if (name === 'updatedAt') return 'Ngày sửa'
      if (name === 'filename') return 'Tệp'
      const field = fields.get(name)
      return viOf(field && 'label' in field ? field.label : undefined, name)
    }
    const pupils = settings.pupilsOf ? [...new Set(docs.flatMap(settings.pupilsOf))] : []
    if (settings.pupilsOf) {
      await recordExport(req, {
        document: 'register',
        detail: `${settings.title.vi} (${docs.length} dòng)`,
        students: pupils,
      })
    }
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet(sheetName(viOf(collection.labels?.plural, slug)))
    sheet.addRow([settings.title.vi])
    sheet.getRow(1).font = { bold: true, size: 14 }
    sheet.addRow([`Xuất ngày ${formatDateVi(new Date())} · ${docs.length} dòng`])
    const header = sheet.addRow(['STT', ...names.map(headerOf)])
    header.font = { bold: true }
    docs.forEach((doc, index) => {
      sheet.addRow([
        index + 1,
        ...names.map((name) => {
          if (name === 'createdAt' || name === 'updatedAt')
            return typeof doc[name] === 'string' ? formatDateVi(doc[name]) : ''
          return cellOf(req, fields.get(name), doc[name])
        }),
      ])
    })
    sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: names.length + 1 } }
    sheet.columns.forEach((column, index) => {
      column.width = index === 0 ? 6 : 22
    })
    const body = Buffer.from(await workbook.xlsx.writeBuffer())
    return spreadsheetResponse(body, `${settings.fileName}-${vietnamDay()}.xlsx`)
  },
}

/** The list's "Xuất Excel" button, for a collection's `admin.components.beforeListTable`. */
export function exportButton(collection: string) {
  return {
    path: '/components/registers/ExportRegisterButton#ExportRegisterButton',
    clientProps: { collection },
  }
}
