/** Vietnamese text helpers shared by the CMS and the site. */

const vietnameseCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

/** Compares two strings in Vietnamese alphabetical order (a < ă < â < b …). */
export function compareVi(a: string, b: string): number {
  return vietnameseCollator.compare(a, b)
}

/**
 * Vietnamese people are sorted by given name (the last word), then by the whole name:
 * "Trần Văn An" comes before "Lê Thị Bình".
 */
export function compareVietnameseNames(a: string, b: string): number {
  const given = (name: string) => name.trim().split(/\s+/).pop() ?? ''
  return compareVi(given(a), given(b)) || compareVi(a, b)
}

/** Removes Vietnamese diacritics: "Đội Thiếu niên" → "Doi Thieu nien". */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
}

/**
 * The words of `text` spelled with đ/Đ, each once, without diacritics: "Đội, Công đoàn" →
 * "Doi doan". For the site's search index: Pagefind (1.5+) matches tone and vowel marks by
 * itself (hoc ↔ học, truong ↔ trường), but đ is a letter of its own, not a letter with a mark,
 * so "doan" only finds "Đoàn" when the page also carries the spelling with d.
 */
export function dStrokeWordsFolded(text: string): string {
  // Each word is found from its đ outwards: splitting the whole text into words, for every post
  // on every build, cost seven times as much (issue 15, point 7).
  const words = new Set<string>()
  const stroke = /[đĐ]/g
  for (let found = stroke.exec(text); found; found = stroke.exec(text)) {
    let start = found.index
    for (let size = letterBefore(text, start); size > 0; size = letterBefore(text, start))
      start -= size
    let end = found.index + 1
    for (let size = letterAt(text, end); size > 0; size = letterAt(text, end)) end += size
    words.add(text.slice(start, end))
    stroke.lastIndex = end
  }
  const folded = new Set([...words].map((word) => stripDiacritics(word).toLowerCase()))
  return [...folded].join(' ')
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u

/** The length (1, or 2 for a surrogate pair) of the letter or digit at `index`, else 0. */
function letterAt(text: string, index: number): number {
  const point = text.codePointAt(index)
  if (point === undefined) return 0
  const character = String.fromCodePoint(point)
  return WORD_CHARACTER.test(character) ? character.length : 0
}

/** The length of the letter or digit that ends just before `index`, else 0. */
function letterBefore(text: string, index: number): number {
  if (index === 0) return 0
  const low = text.charCodeAt(index - 1)
  const pair = index >= 2 && low >= 0xdc00 && low <= 0xdfff ? 2 : 1
  return letterAt(text, index - pair) === pair ? pair : 0
}

/** URL slug without diacritics: "Lễ khai giảng năm học mới" → "le-khai-giang-nam-hoc-moi". */
export function slugify(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/**
 * A slug that cannot be mistaken for a page number: `/tin-tuc/2/` is the second page of the news
 * list, so a post titled "2026" gets "so-2026".
 */
export function pageSafeSlug(slug: string): string {
  return /^\d+$/.test(slug) ? `so-${slug}` : slug
}

/** Vietnam keeps UTC+7 all year (no daylight saving time). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000
const twoDigits = (value: number) => String(value).padStart(2, '0')

/** The date as a clock in Vietnam shows it, in the UTC fields of the result. */
function inVietnam(date: Date): Date {
  return new Date(date.getTime() + VIETNAM_OFFSET_MS)
}

/**
 * dd/mm/yyyy in Vietnam's time zone, as Vietnamese readers expect. By hand, not with Intl: the
 * site formats tens of thousands of dates per build.
 */
export function formatDateVi(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const local = inVietnam(date)
  return `${twoDigits(local.getUTCDate())}/${twoDigits(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`
}

/**
 * The Vietnamese school year a date falls in: it starts in September ("2026-2027").
 * August still belongs to the year that is ending.
 */
export function schoolYearOf(value: Date = new Date()): string {
  const local = inVietnam(value)
  const year = local.getUTCFullYear()
  const startYear = local.getUTCMonth() >= 8 ? year : year - 1
  return `${startYear}-${startYear + 1}`
}

/** The calendar day in Vietnam, as `YYYY-MM-DD` (entry windows and attendance count whole days). */
export function vietnamDay(value: string | number | Date = new Date()): string {
  const date = value instanceof Date ? value : new Date(value)
  const local = inVietnam(date)
  return `${local.getUTCFullYear()}-${twoDigits(local.getUTCMonth() + 1)}-${twoDigits(local.getUTCDate())}`
}

/** dd/mm/yyyy HH:mm in Vietnam's time zone. */
export function formatDateTimeVi(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return ''
  const local = inVietnam(date)
  return `${formatDateVi(date)} ${twoDigits(local.getUTCHours())}:${twoDigits(local.getUTCMinutes())}`
}
