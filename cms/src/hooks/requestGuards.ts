/**
 * Guards every collection's operations against requests that would otherwise reach the database
 * malformed and end as a 500: the answer is a 4xx with a message, and nothing is written.
 */
import type {
  AfterErrorHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  FlattenedField,
} from 'payload'

import { localize, userError } from '../lib/messages'
import { walkPath, whereConditions, type Condition } from '../lib/query-paths'
import { refuseDeletingWhatIsReferenced } from './deletionGuard'

function isWellFormedId(id: unknown, idType: 'number' | 'text'): boolean {
  if (idType === 'number') return /^\d+$/.test(String(id))
  // MongoDB ObjectIds: 24 hex characters.
  return /^[a-f0-9]{24}$/i.test(String(id))
}

/** `/api/users/abc` on SQLite reaches the database as NaN: an id that cannot exist is not found. */
export const rejectMalformedId: CollectionBeforeOperationHook = ({ args, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (!isWellFormedId(id, req.payload.db.defaultIDType)) {
    throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
  }
  return args
}

/** A missing body, or a JSON body that is a string, a number or a list, is not a document. */
export const rejectNonObjectData: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) return args
  throw userError(req, 400, {
    vi: 'Dữ liệu gửi lên phải là một đối tượng JSON, ví dụ {"fullName": "…"}.',
    en: 'The request body must be a JSON object, e.g. {"fullName": "…"}.',
  })
}

/**
 * `POST /api/users/versions/1` restores a version of a collection that keeps none: Payload reads
 * it from a table that does not exist and answers 500. (Reading versions reaches the hooks as
 * 'read', and `readVersions: nobody` already refuses it with a 403.)
 */
export const rejectVersionsOfUnversioned: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'restoreVersion' && operation !== 'countVersions') return args
  if (collection.versions) return args
  throw userError(req, 404, {
    vi: 'Mục này không lưu các phiên bản cũ: không có phiên bản nào để xem hay khôi phục.',
    en: 'This collection keeps no versions: there is none to read or restore.',
  })
}

/** Deeper or longer filters than any screen of the school makes: refused before they cost. */
const MAX_NESTING = 8
const MAX_CONDITIONS = 200

const SCALAR_OPERATORS = new Set([
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])
const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'code', 'select', 'json', 'richText'])

function nestingOf(where: unknown): number {
  if (!where || typeof where !== 'object') return 0
  const inner = Object.values(where as Record<string, unknown>).flatMap((value) =>
    Array.isArray(value) ? value : [value],
  )
  return 1 + Math.max(0, ...inner.map(nestingOf))
}

const isScalar = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)

/** The values a condition compares with: one, or a list (`a,b` or an array). */
function operands({ operator, value }: Condition): unknown[] {
  if (operator && LIST_OPERATORS.has(operator) && typeof value === 'string') return value.split(',')
  return Array.isArray(value) ? value : [value]
}

/** Why a condition cannot be asked of the database, or null when it can. */
function problemWith(
  condition: Condition,
  field: FlattenedField | undefined,
  isId: boolean,
  idType: 'number' | 'text',
): string | null {
  const { operator, value } = condition
  if (operator === null) return 'thiếu phép so sánh (equals, in, like…)'
  if (SCALAR_OPERATORS.has(operator) && !isScalar(value)) return 'giá trị phải là một giá trị đơn'
  const values = operands(condition)
  if (LIST_OPERATORS.has(operator) && !values.every(isScalar))
    return 'danh sách giá trị không hợp lệ'
  if (operator === 'exists' && !['true', 'false', true, false].includes(value as never))
    return '"exists" nhận true hoặc false'
  if (GEO_OPERATORS.has(operator) && field?.type !== 'point') return 'chỉ dùng cho tọa độ'
  const relation = isId || field?.type === 'relationship' || field?.type === 'upload'
  if (operator === 'all' && !(relation || (field?.type === 'select' && field.hasMany)))
    return '"all" chỉ dùng cho danh sách liên kết'
  if (['like', 'not_like', 'contains'].includes(operator) && !TEXT_TYPES.has(field?.type ?? 'text'))
    return 'chỉ tìm theo chữ trên trường văn bản'
  const compared = values.filter((item) => item !== null && item !== '')
  if (relation && !polymorphic(field) && operator !== 'exists') {
    if (!compared.every((item) => isWellFormedId(item, idType))) return 'mã không hợp lệ'
  }
  if (field?.type === 'date' && operator !== 'exists') {
    if (!compared.every((item) => !Number.isNaN(Date.parse(String(item)))))
      return 'ngày không hợp lệ'
  }
  if (field?.type === 'number' && operator !== 'exists') {
    if (!compared.every((item) => Number.isFinite(Number(item)))) return 'số không hợp lệ'
  }
  return null
}

const polymorphic = (field: FlattenedField | undefined) =>
  Boolean(field && 'relationTo' in field && Array.isArray(field.relationTo))

/**
 * A filter the database cannot answer is a 400 with the reason, not a 500: a `where` that is
 * not an object, deeper or longer than any screen makes, a value of the wrong kind for its field
 * (an id that cannot exist, a date that is no date, a list of objects), an operator its field
 * has no meaning for.
 */
export const rejectMalformedQuery: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { where } = args as { where?: unknown }
  if (where === undefined || where === null) return args
  const refuse = (reason: string, path?: string) =>
    userError(req, 400, {
      vi: `Bộ lọc không hợp lệ${path ? ` ở "${path}"` : ''}: ${reason}.`,
      en: `Invalid filter${path ? ` at "${path}"` : ''}: ${reason}.`,
    })
  if (typeof where !== 'object' || Array.isArray(where))
    throw refuse('bộ lọc phải là một đối tượng')
  if (nestingOf(where) > MAX_NESTING) throw refuse(`lồng quá ${MAX_NESTING} tầng`)
  const conditions = whereConditions(where)
  if (conditions.length > MAX_CONDITIONS) throw refuse(`quá ${MAX_CONDITIONS} điều kiện`)
  for (const condition of conditions) {
    const { terminal } = walkPath(req.payload.config, collection.slug, condition.path)
    const last = condition.path.replace(/__/g, '.').split('.').pop()
    const isId = last === 'id' && !terminal
    const problem = problemWith(condition, terminal, isId, req.payload.db.defaultIDType)
    if (problem) throw refuse(problem, condition.path)
  }
  return args
}

/**
 * `?where=abc` (or `data=`, `select=`…) that is not JSON fails in Payload's parsing of the query,
 * before any hook: it is the client's mistake, answered 400 with what to send.
 */
export const answerUnparsableParamsAsBadRequest: AfterErrorHook = ({ error, req }) => {
  if (!(error instanceof SyntaxError) || !/JSON/i.test(error.message)) return
  const message = localize(req, {
    vi: 'Tham số của yêu cầu không phải JSON hợp lệ, ví dụ where={"title":{"equals":"…"}}.',
    en: 'A request parameter is not valid JSON, e.g. where={"title":{"equals":"…"}}.',
  })
  return { response: { errors: [{ message }] }, status: 400 }
}

/** Adds the guards to every collection, so no new collection can forget them. */
export function withRequestGuards(collections: CollectionConfig[]): CollectionConfig[] {
  return collections.map((collection) => ({
    ...collection,
    hooks: {
      ...collection.hooks,
      beforeOperation: [
        rejectVersionsOfUnversioned,
        rejectMalformedId,
        rejectNonObjectData,
        rejectMalformedQuery,
        ...(collection.hooks?.beforeOperation ?? []),
      ],
      beforeDelete: [refuseDeletingWhatIsReferenced, ...(collection.hooks?.beforeDelete ?? [])],
    },
  }))
}
