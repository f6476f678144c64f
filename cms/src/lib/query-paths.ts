/**
 * How Payload reads a query's paths, in one place for the two guards that need it: the policy's
 * guard on hidden fields (access/query-guard) and the guard on malformed filters
 * (hooks/requestGuards). Payload accepts `and`/`AND`/`Or`, `a.b`/`a__b`, nested objects, sorts
 * as `-a`, comma lists and arrays; a path runs through groups, arrays, blocks, relationships and
 * joins, and a query on versions names the document's fields under `version.`.
 */
import type { FlattenedField, SanitizedConfig } from 'payload'

export const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
  'near',
  'within',
  'intersects',
])

const isLogical = (key: string) => key.toLowerCase() === 'and' || key.toLowerCase() === 'or'

export interface Condition {
  path: string
  /** Null when the path has no operator object (Payload then refuses the path itself). */
  operator: string | null
  value: unknown
}

/** Every condition of a `where`: its path, operator and value, whatever the spelling. */
export function whereConditions(where: unknown, prefix = '', found: Condition[] = []): Condition[] {
  if (!where || typeof where !== 'object') return found
  if (Array.isArray(where)) {
    for (const inner of where) whereConditions(inner, prefix, found)
    return found
  }
  for (const [key, value] of Object.entries(where as Record<string, unknown>)) {
    if (isLogical(key)) {
      whereConditions(value, prefix, found)
      continue
    }
    if (prefix && OPERATORS.has(key)) continue
    const path = prefix ? `${prefix}.${key}` : key
    const entries =
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value as Record<string, unknown>)
        : []
    const nested = entries.filter(([inner]) => !OPERATORS.has(inner))
    if (nested.length > 0) whereConditions(value, path, found)
    const operators = entries.filter(([inner]) => OPERATORS.has(inner))
    for (const [operator, operand] of operators) found.push({ path, operator, value: operand })
    if (entries.length === 0) found.push({ path, operator: null, value })
  }
  return found
}

/** Every field path a `where` names, whatever its spelling. */
export function wherePaths(where: unknown): string[] {
  return [...new Set(whereConditions(where).map((condition) => condition.path))]
}

/** Every field path a `sort` names: a string, a comma-separated list or an array of them. */
export function sortPaths(sort: unknown): string[] {
  const items = Array.isArray(sort) ? sort : typeof sort === 'string' ? [sort] : []
  return items
    .flatMap((item) => String(item).split(','))
    .map((item) => item.trim().replace(/^[-+]/, ''))
    .filter(Boolean)
}

export interface Step {
  collection: string
  field: FlattenedField
}

export interface WalkedPath {
  /** The top-level field of each collection the path goes through. */
  steps: Step[]
  /** The field the path ends at, when it names one. */
  terminal?: FlattenedField
}

/**
 * Follows a path over Payload's flattened fields (rows, collapsibles and unnamed tabs folded in):
 * `pupils.guardians.phone` on posts is posts' `pupils`, then students' `guardians`, ending at its
 * `phone`.
 */
export function walkPath(config: SanitizedConfig, collection: string, path: string): WalkedPath {
  const segments = path.replace(/__/g, '.').split('.').filter(Boolean)
  const walked: WalkedPath = { steps: [] }
  const fieldsOf = (slug: string) =>
    config.collections.find((candidate) => candidate.slug === slug)?.flattenedFields
  const walk = (slug: string, fields: FlattenedField[], index: number, topLevel: boolean) => {
    // A path through relationships can loop back (a post's pupils' posts…): bound the walk.
    if (index >= segments.length || walked.steps.length > 20) return
    const field = fields.find((candidate) => candidate.name === segments[index])
    if (!field) return
    if (topLevel) walked.steps.push({ collection: slug, field })
    if (index === segments.length - 1) walked.terminal = field
    if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
      walk(slug, field.flattenedFields, index + 1, false)
    } else if (field.type === 'blocks') {
      for (const block of field.blocks)
        if (typeof block === 'object') walk(slug, block.flattenedFields, index + 1, false)
    } else if (field.type === 'relationship' || field.type === 'upload' || field.type === 'join') {
      const targets =
        field.type === 'join'
          ? [field.collection].flat()
          : Array.isArray(field.relationTo)
            ? field.relationTo
            : [field.relationTo]
      // A polymorphic relationship's value is { relationTo, value }: `value` is the relation.
      if (segments[index + 1] === 'value' && index + 1 === segments.length - 1) {
        walked.terminal = field
        return
      }
      const next = segments[index + 1] === 'value' ? index + 2 : index + 1
      for (const target of targets) {
        const related = fieldsOf(target)
        if (related) walk(target, related, next, true)
      }
    }
  }
  const start = fieldsOf(collection)
  if (!start) return walked
  // A query on a collection's versions names the document's fields under `version.` and the
  // document itself as `parent`: walked as the collection's own fields, so the versions of posts
  // open no path the posts do not.
  const ownField = (name: string) => start.some((field) => field.name === name)
  const versioned = Boolean(config.collections.find((c) => c.slug === collection)?.versions)
  const throughVersion =
    versioned && ['version', 'parent'].includes(segments[0]) && !ownField(segments[0])
  walk(collection, start, throughVersion ? 1 : 0, true)
  return walked
}

/** The top-level field of each collection a path goes through. */
export const pathSteps = (config: SanitizedConfig, collection: string, path: string) =>
  walkPath(config, collection, path).steps
