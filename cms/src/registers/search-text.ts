/**
 * Search of the office registers by any field, with or without Vietnamese marks: each record
 * keeps its searchable text folded once (`searchText`, written by the server), the admin's
 * search box looks there (`listSearchableFields`), and what the user typed is folded the same
 * way before the query runs, over REST, GraphQL and the Local API alike.
 *
 * Only fields that every reader of the record may read go into `searchText`: a match on it
 * tells the reader something about each field it was made from.
 */
import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  TextField,
  Where,
} from 'payload'
import { foldForSearch } from '@school/shared'

import { fieldAccess } from '../access/payload-access'
import type { fieldWritePolicy } from '../access/policy'

export const SEARCH_TEXT = 'searchText'
const LABEL = { vi: 'Nội dung tìm kiếm', en: 'Search text' }

type WithSearchText = {
  [C in keyof typeof fieldWritePolicy]: 'searchText' extends keyof (typeof fieldWritePolicy)[C]
    ? C
    : never
}[keyof typeof fieldWritePolicy]

/** The hidden field; its collection declares `searchText: nobody` in `fieldWritePolicy`. */
export function searchTextField(collection: WithSearchText): TextField {
  return {
    name: SEARCH_TEXT,
    type: 'text',
    index: true,
    label: LABEL,
    access: fieldAccess(collection, SEARCH_TEXT as never, LABEL),
    admin: { hidden: true, disableListColumn: true, disableListFilter: true },
  }
}

type Doc = Record<string, unknown>

function flatten(value: unknown, into: string[]): void {
  if (value === null || value === undefined || value === '') return
  if (Array.isArray(value)) for (const item of value) flatten(item, into)
  else if (typeof value === 'object') for (const item of Object.values(value)) flatten(item, into)
  else into.push(String(value))
}

/**
 * Writes `searchText` from the saved record (the stored values merged with the change), so a
 * partial update keeps it whole. `sources` picks the values: plain fields, or labels of select
 * options the user would type ("công văn" for `cong_van`).
 */
export function keepSearchText(sources: (doc: Doc) => unknown[]): CollectionBeforeChangeHook {
  return ({ data, originalDoc }) => {
    const merged = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
    const words: string[] = []
    flatten(sources(merged), words)
    return { ...data, [SEARCH_TEXT]: foldForSearch(words.join(' ')) }
  }
}

function foldWhere(where: unknown): unknown {
  if (Array.isArray(where)) return where.map(foldWhere)
  if (!where || typeof where !== 'object') return where
  const result: Doc = {}
  for (const [key, value] of Object.entries(where as Doc)) {
    if (key === SEARCH_TEXT && value && typeof value === 'object' && !Array.isArray(value)) {
      const folded: Doc = {}
      for (const [operator, operand] of Object.entries(value as Doc))
        folded[operator] = typeof operand === 'string' ? foldForSearch(operand) : operand
      result[key] = folded
    } else result[key] = foldWhere(value)
  }
  return result
}

/** Folds what is looked for in `searchText`, in any nesting of `and`/`or`. */
export const foldSearchQuery: CollectionBeforeOperationHook = ({ args }) => {
  const withWhere = args as { where?: Where }
  if (withWhere.where) withWhere.where = foldWhere(withWhere.where) as Where
  return args
}
