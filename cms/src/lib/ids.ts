/**
 * A relationship's value is an id, or the related document when populated: this gives the id
 * either way (a number on SQLite, a string on MongoDB).
 */
export function idOf<T extends string | number>(value: T | { id: T } | null | undefined): T | null {
  if (value === null || value === undefined) return null
  return typeof value === 'object' ? value.id : value
}

/** Two ids (or documents) are the same record, whatever the adapter's id type. */
export function sameId(a: unknown, b: unknown): boolean {
  const left = idOf(a as never)
  const right = idOf(b as never)
  return left !== null && right !== null && String(left) === String(right)
}

/** The ids of a hasMany relationship's value, populated or not; empty when there is none. */
export function idsOf<T extends string | number>(
  values: ReadonlyArray<T | { id: T } | null | undefined> | null | undefined,
): T[] {
  return (values ?? []).map((value) => idOf(value)).filter((id): id is T => id !== null)
}

/**
 * Whether a value from a URL or a body can be a record's id on either database (a SQLite number,
 * a MongoDB ObjectId's 24 hex digits): what cannot is answered before any query is made.
 */
export function couldBeId(value: unknown): boolean {
  return /^[a-f0-9]{1,24}$/i.test(String(value))
}

/**
 * An id written as text (a URL, a form field): a number for SQLite's ids, text for a MongoDB
 * ObjectId (24 hex digits, which may by chance all be decimal digits: never made a number).
 */
export function idFromText(value: string): number | string {
  return /^\d{1,15}$/.test(value) ? Number(value) : value
}
