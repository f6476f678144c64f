/**
 * Runs inside the built pages: every page's `getStaticPaths` is wrapped by this module (the Vite
 * plugin of integrations/incremental.ts renames the page's own and exports this wrapper instead).
 * The page's own function still runs in full, on the full data; the wrapper fingerprints the
 * props of every path and, in an incremental build, hands Astro only the paths whose props
 * differ from the live build's. See incremental.ts for the whole design.
 */
import { createHash } from 'node:crypto'
import type { GetStaticPathsOptions } from 'astro'

import { getSchoolProfile } from '../src/lib/cms'

/**
 * What changed → which routes. The routes here are "props routes": each of their pages is made
 * from its getStaticPaths props alone, plus the layout data below. Only their paths are skipped
 * when their props did not change (a post's page, the listings and tag/group pages it appears
 * in: the news pages are numbered from the oldest post, lib/news-pages.ts, so a publication
 * changes the first of them and seldom one more).
 * Every other route (the home page, /thong-bao/, rss.xml, 404, and any dynamic route not listed,
 * such as new notice pages) is rendered in every build, which is always right and costs little
 * while such routes have few pages. Before listing a route here, make sure its page reads
 * nothing outside its props and LAYOUT_DATA: an incremental build would then keep a stale page.
 */
export const PROPS_ROUTES: Record<string, string> = {
  '/tin-tuc/[slug]': 'the post',
  '/tin-tuc/[...page]': 'the posts of the page and its neighbours (lib/news-pages.ts)',
  '/the/[tag]': 'the tag and its posts',
  '/nhom/[slug]': 'the group and its posts',
  // A media file's bytes come from the CMS, its props name it: Payload names every upload
  // uniquely (a new file under an existing name gets a suffix), so one name is one content.
  '/media/[id]/[file]': 'the CMS file it copies',
}

/**
 * Data every page shows (the layout's header and footer, the school's name): when any of it
 * changes, the build is a full one. Add here what the layout or a props route's page reads
 * outside its props.
 */
export const LAYOUT_DATA: Record<string, () => Promise<unknown>> = {
  'school-profile': getSchoolProfile,
}

/** Bumped when the manifest's meaning changes: an older live build is then rebuilt in full. */
export const MANIFEST_VERSION = 2

export interface ManifestPath {
  /** Fingerprint of the path's props. */
  hash: string
  /** The file, relative to the build folder. */
  file: string
}

/** Written beside each build (not in it): what the next incremental build compares against. */
export interface BuildManifest {
  version: number
  /** The site's code, configuration and dependencies. */
  sourceHash: string
  /** LAYOUT_DATA's answers. */
  layoutHash: string
  mode: 'full' | 'incremental'
  /** Why the build was full, or what the incremental one did. */
  summary: string
  /** False when this build could not check its own bookkeeping: the next one is then full. */
  reusable: boolean
  routes: Record<string, Record<string, ManifestPath>>
}

export interface PathRecord {
  params: Record<string, string | number | undefined>
  hash: string
  rendered: boolean
}

export interface Decision {
  incremental: boolean
  reason: string
  layoutHash: string
}

export interface IncrementalState {
  /** The live build's folder and manifest; absent for a full build. */
  previous: { dir: string; manifest: BuildManifest } | null
  /** Why a full build was decided before any data was read (asked for, no manifest, new code). */
  fullReason: string | null
  sourceHash: string
  decision?: Promise<Decision>
  /** Per props route: every path of the full site, with whether this build renders it. */
  routes: Map<string, Map<string, PathRecord>>
  /** Props routes whose props could not be fingerprinted: rendered in full. */
  unhashable: Set<string>
}

const STATE = Symbol.for('giathuong.site.incremental')
const processWide = globalThis as unknown as Record<symbol, IncrementalState | undefined>

export function incrementalState(): IncrementalState | undefined {
  return processWide[STATE]
}

export function setIncrementalState(state: IncrementalState): void {
  processWide[STATE] = state
}

class Unhashable extends Error {}

/** JSON with sorted keys, so the same params always give the same key. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item))
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      )
    return item
  })
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24)

/**
 * Each large object's part of a fingerprint, made once: the props of 5,000 post pages, 500
 * listing pages and the tag pages hold the same post objects, which are read once per build and
 * not changed after.
 */
const PARTS = new WeakMap<object, string>()
/**
 * Objects written shorter than this stand in their parent's text as they are; larger ones by
 * their hash. A post's rich text is hundreds of small nodes: hashing each one took most of the
 * time of fingerprinting a build's 5,000 posts (issue 15, point 7).
 */
const HASHED_FROM = 512

/**
 * The canonical text of JSON-like data (objects by their keys in order, arrays by their items),
 * with large objects by their hash: `#` and hex, which no JSON text begins with. A function,
 * symbol or bigint (what JSON would drop or refuse) makes the data unhashable.
 */
function part(value: unknown): string {
  if (value === undefined) return 'u'
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
    throw new Unhashable(typeof value)
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const known = PARTS.get(value)
  if (known) return known
  let text: string
  if (Array.isArray(value)) text = `[${value.map(part).join(',')}]`
  else if (value instanceof Map) text = `M${part([...value])}`
  else if (value instanceof Set) text = `S${part([...value])}`
  else if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    text = `J${JSON.stringify(value)}`
  else {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
    text = `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${part(item)}`).join(',')}}`
  }
  if (text.length < HASHED_FROM) return text
  const hash = `#${sha(text)}`
  PARTS.set(value, hash)
  return hash
}

/** A fingerprint of JSON-like data: the hash of its canonical text (a primitive's own JSON). */
export function fingerprint(value: unknown): string {
  const text = part(value)
  if (value === null || typeof value !== 'object' || text.startsWith('#')) return text
  return `#${sha(text)}`
}

async function layoutHash(): Promise<string> {
  const answers: Record<string, unknown> = {}
  for (const [name, read] of Object.entries(LAYOUT_DATA)) answers[name] = await read()
  return fingerprint(answers)
}

/** Full or incremental, decided once per build, when the first page asks for its paths. */
export function decide(state: IncrementalState): Promise<Decision> {
  state.decision ??= (async () => {
    const hash = await layoutHash()
    if (state.fullReason) return { incremental: false, reason: state.fullReason, layoutHash: hash }
    if (state.previous?.manifest.layoutHash !== hash)
      return {
        incremental: false,
        reason: 'dữ liệu chung của mọi trang (hồ sơ nhà trường) đã đổi',
        layoutHash: hash,
      }
    return { incremental: true, reason: '', layoutHash: hash }
  })()
  return state.decision
}

type Paths = Array<{ params: Record<string, string | number | undefined>; props?: unknown }>

/** The wrapper the pages export as their getStaticPaths. */
export function incrementalPaths<Options extends GetStaticPathsOptions, Result>(
  original: (options: Options) => Result | Promise<Result>,
): (options: Options) => Promise<Result> {
  return async (options) => {
    const result = await original(options)
    const state = incrementalState()
    const pattern = options.routePattern
    if (!state || !(pattern in PROPS_ROUTES) || !Array.isArray(result)) return result
    const { incremental } = await decide(state)
    const previous = incremental ? state.previous?.manifest.routes[pattern] : undefined
    const records = new Map<string, PathRecord>()
    const kept: Paths = []
    try {
      for (const entry of result as Paths) {
        const key = stableJson(entry.params)
        const hash = fingerprint(entry.props ?? null)
        const rendered = !previous || previous[key]?.hash !== hash
        records.set(key, { params: entry.params, hash, rendered })
        if (rendered) kept.push(entry)
      }
    } catch (error) {
      if (!(error instanceof Unhashable)) throw error
      state.unhashable.add(pattern)
      return result
    }
    state.routes.set(pattern, records)
    return kept as Result
  }
}
