/**
 * The search page's island: Pagefind's JavaScript API over the index the build makes
 * (integrations/search-index.ts: one index per school year, listed newest first in
 * /pagefind/shards.json, merged here in the browser). Reads `?q=` so the header's plain form
 * lands here with its words; the address follows each search so a result page can be shared.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'

interface PagefindData {
  url: string
  meta: { title?: string; excerpt?: string }
  excerpt: string
}
interface PagefindResult {
  id: string
  data: () => Promise<PagefindData>
}
interface Pagefind {
  init: () => Promise<void>
  mergeIndex: (url: string) => Promise<void>
  search: (query: string) => Promise<{ results: PagefindResult[] }>
}

/** Results shown at once: a school's site rarely has more worth reading for one query. */
export const PAGE_SIZE = 20

let pagefind: Promise<Pagefind | null> | undefined

/** The newest year's index searches; the older ones are merged into it. */
async function openIndexes(): Promise<Pagefind | null> {
  const response = await fetch('/pagefind/shards.json')
  if (!response.ok) throw new Error(`shards.json: HTTP ${response.status}`)
  const [newest, ...older] = (await response.json()) as string[]
  if (!newest) return null
  // From a variable: Vite leaves the import alone only when it cannot read the address.
  const bundle = `/pagefind/${newest}/pagefind.js`
  const module = (await import(/* @vite-ignore */ bundle)) as Pagefind
  await Promise.all(older.map((name) => module.mergeIndex(`/pagefind/${name}/`)))
  await module.init()
  return module
}

// Opened once; only a failure to open is tried again (merging twice would list results twice).
function loadPagefind(): Promise<Pagefind | null> {
  return (pagefind ??= openIndexes().catch((error: unknown) => {
    pagefind = undefined
    throw error
  }))
}

/** Pagefind's excerpt is HTML (<mark> around the words found); only its text is shown. */
function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? ''
}

interface Found {
  url: string
  title: string
  excerpt: string
}

type State =
  | { step: 'idle' }
  | { step: 'searching'; query: string }
  | { step: 'failed'; query: string }
  | { step: 'done'; query: string; total: number; found: Found[] }

function statusText(state: State): string {
  if (state.step === 'idle') return ''
  if (state.step === 'searching') return 'Đang tìm…'
  if (state.step === 'failed') return 'Chưa tìm được, xin thử lại sau.'
  const asked = `“${state.query}”`
  if (state.total === 0) return `Không tìm thấy kết quả cho ${asked}`
  const shown = state.total > PAGE_SIZE ? ` (hiện ${PAGE_SIZE} kết quả đầu)` : ''
  return `Tìm thấy ${state.total} kết quả cho ${asked}${shown}`
}

export function SearchIsland() {
  const [query, setQuery] = useState('')
  const [state, setState] = useState<State>({ step: 'idle' })
  const latest = useRef(0)

  async function run(words: string) {
    const ticket = ++latest.current
    const asked = words.trim()
    if (!asked) {
      setState({ step: 'idle' })
      return
    }
    setState({ step: 'searching', query: asked })
    try {
      const index = await loadPagefind()
      const results = index ? (await index.search(asked)).results : []
      const pages = await Promise.all(results.slice(0, PAGE_SIZE).map((result) => result.data()))
      if (ticket !== latest.current) return
      const found = pages.map((page) => ({
        url: page.url,
        title: page.meta.title ?? page.url,
        excerpt: page.meta.excerpt || textOf(page.excerpt),
      }))
      setState({ step: 'done', query: asked, total: results.length, found })
    } catch {
      if (ticket === latest.current) setState({ step: 'failed', query: asked })
    }
  }

  // After hydration, not in the first render: the server rendered the page without a query.
  useEffect(() => {
    const initial = new URL(window.location.href).searchParams.get('q') ?? ''
    setQuery(initial)
    if (initial) void run(initial)
  }, [])

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const url = new URL(window.location.href)
    url.searchParams.set('q', query)
    window.history.replaceState(null, '', url)
    void run(query)
  }

  return (
    <div className="search-island">
      <form
        className="search-form"
        action="/tim-kiem/"
        method="get"
        role="search"
        onSubmit={submit}
      >
        <label htmlFor="tu-khoa">Từ khóa tìm kiếm</label>
        <div className="search-form__row">
          <input
            id="tu-khoa"
            name="q"
            type="search"
            placeholder="Ví dụ: học sinh, khai giảng, thực đơn"
            autoComplete="off"
            aria-describedby="tu-khoa-goi-y"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <button type="submit">Tìm</button>
        </div>
        <p className="search-hint" id="tu-khoa-goi-y">
          Gõ có dấu hoặc không dấu đều được: “hoc sinh” cũng tìm ra “học sinh”.
        </p>
      </form>
      <p className="search-status" role="status" aria-live="polite" aria-atomic="true">
        {statusText(state)}
      </p>
      {state.step === 'done' && state.found.length > 0 && (
        <ul className="search-results" aria-label="Kết quả tìm kiếm">
          {state.found.map((page) => (
            <li key={page.url}>
              <h2>
                <a href={page.url}>{page.title}</a>
              </h2>
              <p>{page.excerpt}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
