/**
 * When two values of a field are "the same": one rule for the three places that ask — a field
 * write that is refused only when it really changes something (access/payload-access), the names
 * of the fields a save changed (audit/hooks), and what an import would change (records-import).
 * Each states what it does not count as a difference; everything else is compared as stored:
 * empty values as none, dates as instants, populated relations as their id, objects by key.
 */
export interface Sameness {
  /** An unticked box is no value: a form sends `false` for a checkbox nobody touched. */
  falseIsBlank?: boolean
  /** A list of ids is a set (a hasMany relationship): the order it was sent in says nothing. */
  listsAsSets?: boolean
  /** An array row's id says nothing about the row: rows from a file have none. */
  ignoreRowIds?: boolean
  /** 5 and "5" are the same cell: a spreadsheet gives text. */
  scalarsAsText?: boolean
}

/** Empty cells, unset fields and empty lists all mean "nothing here". */
export function isBlank(value: unknown, { falseIsBlank = false }: Sameness = {}): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (falseIsBlank && value === false) ||
    (Array.isArray(value) && value.length === 0)
  )
}

/** A populated document in place of its id (Payload fills relations in to the depth asked). */
function isPopulatedDocument(value: object): value is { id: unknown } {
  return !Array.isArray(value) && 'id' in value && 'createdAt' in value
}

export function canonical(value: unknown, sameness: Sameness = {}): unknown {
  if (isBlank(value, sameness)) return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item, sameness))
    const scalars = items.every((item) => typeof item !== 'object' || item === null)
    return sameness.listsAsSets && scalars ? items.map(String).sort() : items
  }
  if (typeof value === 'object' && value !== null) {
    if (isPopulatedDocument(value)) return canonical(value.id, sameness)
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !(sameness.ignoreRowIds && key === 'id'))
        .map(([key, item]) => [key, canonical(item, sameness)] as const)
        .filter(([, item]) => item !== null)
        .sort(([a], [b]) => a.localeCompare(b)),
    )
  }
  return sameness.scalarsAsText ? String(value) : value
}

export function sameValue(a: unknown, b: unknown, sameness: Sameness = {}): boolean {
  return JSON.stringify(canonical(a, sameness)) === JSON.stringify(canonical(b, sameness))
}
