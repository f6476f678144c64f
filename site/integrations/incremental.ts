/**
 * Incremental builds: a publication re-renders the pages it changes, not the 5,000 others.
 *
 * How: a Vite plugin wraps every page's getStaticPaths (incremental-paths.ts). The page's own
 * function still runs on the full data, so the build knows every path of the site; the wrapper
 * fingerprints each path's props and, for the routes of PROPS_ROUTES, hands Astro only the paths
 * whose fingerprint differs from the live build's manifest. Every other route is rendered in
 * full each time. When the pages are written, this integration hard-links the skipped pages'
 * files from the live build into the new folder (a copy where links fail), so the new folder is
 * a complete site; the CMS then swaps it in whole (cms/src/site-build/runner.ts). The search
 * index is made in every build (search-index.ts: unchanged school years come from the cache)
 * and the sitemap from the full list of pages, so both are whole too.
 *
 * The build is full, and says why in its manifest's summary, when: no live build or manifest is
 * given (SITE_PREVIOUS_BUILD, SITE_PREVIOUS_MANIFEST), the runner asks for one (the school
 * profile, the start, a recovery), the site's code, config or dependencies differ from the live
 * build's (sourceHash), the layout data differs (LAYOUT_DATA), or the live build could not check
 * its own bookkeeping. Its manifest goes to SITE_MANIFEST.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { copyFile, link, mkdir, rename, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration, IntegrationResolvedRoute } from 'astro'
import { mapLimited } from '@school/shared'

import {
  MANIFEST_VERSION,
  PROPS_ROUTES,
  decide,
  incrementalState,
  setIncrementalState,
  type BuildManifest,
  type ManifestPath,
  type PathRecord,
} from './incremental-paths'

const RUNTIME = fileURLToPath(new URL('./incremental-paths.ts', import.meta.url))
const SKIPPED_DIRS = new Set(['node_modules', '.astro', 'dist', '.git'])

/**
 * Every file under `dir` (sorted), by path and content, into `hash`. Build output (`dist*` at
 * the top, the outDir in `skip`) and installed packages are not sources; any other file is,
 * at any depth (src/lib/distance.ts too): the warm worker renders from its kept bundle while
 * this hash is the same.
 */
function hashTree(hash: ReturnType<typeof createHash>, dir: string, skip: Set<string>, top = true) {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    if (SKIPPED_DIRS.has(name) || (top && name.startsWith('dist'))) continue
    const file = path.join(dir, name)
    if (skip.has(file)) continue
    if (statSync(file).isDirectory()) hashTree(hash, file, skip, false)
    else hash.update(`${file}\0`).update(readFileSync(file))
  }
}

/** The site's sources, the shared package it bundles, the lockfile and the site's address. */
function sourceHash(root: string, site: string | undefined, skip: Set<string>): string {
  const hash = createHash('sha256').update(`${site}\0`)
  hashTree(hash, root, skip)
  try {
    const shared = path.dirname(
      createRequire(path.join(root, 'package.json')).resolve('@school/shared/package.json'),
    )
    hashTree(hash, shared, skip)
  } catch {
    // No shared package: nothing more to hash.
  }
  for (let dir = root; ; dir = path.dirname(dir)) {
    const lock = path.join(dir, 'package-lock.json')
    if (existsSync(lock)) {
      hash.update(readFileSync(lock))
      break
    }
    if (path.dirname(dir) === dir) break
  }
  return hash.digest('hex').slice(0, 24)
}

function readManifest(file: string | undefined): BuildManifest | null {
  if (!file || !existsSync(file)) return null
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as BuildManifest
  } catch {
    return null
  }
}

/** Renames the page's getStaticPaths and exports the wrapper in its place. */
export function wrapGetStaticPaths(code: string): string | null {
  const declared = /export\s+(const|let|var)\s+getStaticPaths(\s*(?::[^=]*)?)=/.exec(code)
  const asFunction = /export\s+(async\s+)?function\s+getStaticPaths\s*\(/.exec(code)
  let renamed: string
  if (declared)
    renamed = code.replace(declared[0], `${declared[1]} __schoolGetStaticPaths${declared[2]}=`)
  else if (asFunction)
    renamed = code.replace(asFunction[0], `${asFunction[1] ?? ''}function __schoolGetStaticPaths(`)
  else return null
  return (
    `import { incrementalPaths as __schoolIncrementalPaths } from ${JSON.stringify(RUNTIME)};\n` +
    `${renamed}\nexport const getStaticPaths = __schoolIncrementalPaths(__schoolGetStaticPaths);\n`
  )
}

/** Where Astro writes a path of a route (format 'directory'), relative to the build folder. */
function outputOf(route: IntegrationResolvedRoute, params: PathRecord['params']) {
  const pathname = route.generate(params)
  // An endpoint's file is its path (Astro gives it the trailing slash of `trailingSlash`).
  if (route.type === 'endpoint') return { file: pathname.replace(/^\/|\/$/g, ''), page: null }
  const page = pathname.replace(/\/?$/, '/').replace(/^\//, '')
  return { file: path.join(page, 'index.html'), page }
}

async function linkOrCopy(from: string, to: string) {
  await mkdir(path.dirname(to), { recursive: true })
  await link(from, to).catch(() => copyFile(from, to))
}

/** Links in flight at once: one at a time, 5,600 links took ≈ 0.9 s; 32 at a time ≈ 0.4 s. */
const LINKS_IN_FLIGHT = 32

/** `sitemap`: the sitemap integration, given the full list of pages in every build. */
export function incremental({ sitemap }: { sitemap: AstroIntegration }): AstroIntegration {
  let routes: IntegrationResolvedRoute[] = []
  // The sitemap's own hooks, called with this integration's parameters (its pages: all of them).
  const forward = async (hook: keyof AstroIntegration['hooks'], params: object) => {
    const own = sitemap.hooks[hook] as ((p: object) => unknown) | undefined
    await own?.(params)
  }
  return {
    name: 'school-incremental',
    hooks: {
      'astro:config:setup': (params) => {
        const { config, updateConfig } = params
        const pages = fileURLToPath(new URL('./pages/', config.srcDir))
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'school-incremental-paths',
                enforce: 'post',
                transform(code: string, id: string) {
                  if (id.includes('?') || !id.startsWith(pages)) return null
                  if (!/\.(astro|[cm]?[jt]s)$/.test(id) || !code.includes('getStaticPaths'))
                    return null
                  const wrapped = wrapGetStaticPaths(code)
                  return wrapped === null ? null : { code: wrapped, map: null }
                },
              },
            ],
          },
        })
        return forward('astro:config:setup', params)
      },
      'astro:routes:resolved': (params) => {
        routes = params.routes
        return forward('astro:routes:resolved', params)
      },
      'astro:config:done': (params) => {
        const { config } = params
        const root = fileURLToPath(config.root)
        const outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '')
        const hash = sourceHash(root, config.site, new Set([outDir]))
        const previousDir = process.env.SITE_PREVIOUS_BUILD
        const manifest = readManifest(process.env.SITE_PREVIOUS_MANIFEST)
        let fullReason: string | null = null
        if (!previousDir) fullReason = process.env.SITE_FULL_REASON || 'không có bản đang chạy'
        else if (!manifest || manifest.version !== MANIFEST_VERSION)
          fullReason = 'bản đang chạy không có bảng kê (manifest) dùng được'
        else if (!manifest.reusable) fullReason = 'bản đang chạy không tự kiểm tra được'
        else if (manifest.sourceHash !== hash)
          fullReason = 'mã nguồn, cấu hình hoặc thư viện của website đã đổi'
        else if (!existsSync(previousDir)) fullReason = 'thư mục của bản đang chạy không còn'
        setIncrementalState({
          previous: fullReason ? null : { dir: previousDir!, manifest: manifest! },
          fullReason,
          sourceHash: hash,
          routes: new Map(),
          unhashable: new Set(),
        })
        return forward('astro:config:done', params)
      },
      'astro:build:done': async (params) => {
        const { dir, pages, assets, logger } = params
        const state = incrementalState()
        if (!state) throw new Error('The incremental build was never set up')
        const out = fileURLToPath(dir)
        const decision = await decide(state)
        const byPattern = new Map(routes.map((route) => [route.pattern, route]))
        const written = new Map<string, Set<string>>()
        for (const [pattern, urls] of assets)
          written.set(pattern, new Set(urls.map((url) => path.relative(out, fileURLToPath(url)))))
        const problems: string[] = []
        const allPages = new Set(pages.map((page) => page.pathname))
        const manifestRoutes: BuildManifest['routes'] = {}
        const links: Array<[string, string]> = []
        let rendered = 0
        for (const [pattern, records] of state.routes) {
          const route = byPattern.get(pattern)
          if (!route) {
            problems.push(`${pattern}: không thấy route`)
            continue
          }
          const files: Record<string, ManifestPath> = {}
          const mine = written.get(pattern) ?? new Set<string>()
          let renderedHere = 0
          for (const [key, record] of records) {
            const { file, page } = outputOf(route, record.params)
            files[key] = { hash: record.hash, file }
            if (page !== null) allPages.add(page)
            if (record.rendered) {
              renderedHere += 1
              if (!mine.has(file)) problems.push(`${pattern}: ${file} không được Astro ghi`)
              continue
            }
            const before = state.previous?.manifest.routes[pattern]?.[key]
            if (!state.previous || !before) throw new Error(`${pattern} ${key}: không có bản cũ`)
            links.push([path.join(state.previous.dir, before.file), path.join(out, file)])
          }
          if (mine.size !== renderedHere)
            problems.push(`${pattern}: Astro ghi ${mine.size} tệp, bảng kê ${renderedHere}`)
          rendered += renderedHere
          manifestRoutes[pattern] = files
        }
        await mapLimited(links, LINKS_IN_FLIGHT, ([from, to]) => linkOrCopy(from, to))
        const linked = links.length
        for (const pattern of Object.keys(PROPS_ROUTES))
          if (byPattern.has(pattern) && !state.routes.has(pattern))
            problems.push(
              state.unhashable.has(pattern)
                ? `${pattern}: props không lấy dấu được, luôn dựng lại`
                : `${pattern}: getStaticPaths không được bọc, luôn dựng lại`,
            )
        const summary = decision.incremental
          ? `Xây dựng từng phần: ${rendered} trang/tệp dựng lại, ${linked} lấy từ bản đang chạy ` +
            `(cùng với mọi trang không thuộc PROPS_ROUTES, chỉ mục tìm kiếm, sitemap)`
          : `Xây dựng toàn bộ: ${decision.reason}`
        if (problems.length > 0) logger.warn(problems.join('\n'))
        logger.info(summary)
        const manifest: BuildManifest = {
          version: MANIFEST_VERSION,
          sourceHash: state.sourceHash,
          layoutHash: decision.layoutHash,
          mode: decision.incremental ? 'incremental' : 'full',
          summary: problems.length ? `${summary}\nCảnh báo: ${problems.join('; ')}` : summary,
          reusable: problems.length === 0,
          routes: manifestRoutes,
        }
        const target = process.env.SITE_MANIFEST
        if (target) {
          await mkdir(path.dirname(target), { recursive: true })
          await writeFile(`${target}.tmp`, JSON.stringify(manifest))
          await rename(`${target}.tmp`, target)
        }
        // The same pages, in the same order, whichever way they were made: the same sitemap.
        const sorted = [...allPages].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        await forward('astro:build:done', {
          ...params,
          pages: sorted.map((pathname) => ({ pathname })),
        })
      },
    },
  }
}
