/**
 * The search index (Pagefind), built from the published posts, not from the built pages, so it
 * is ready when they are.
 *
 * One Pagefind index per school year of publication, merged in the browser (the search page
 * reads /pagefind/shards.json). An index whose posts have not changed since an earlier build is
 * taken from Astro's cache folder instead of being made again: publishing this year's posts
 * re-indexes this year only. Indexing 5,000 posts costs Pagefind about 12 s of CPU, more than
 * rendering their pages; see the README's benchmark.
 *
 * The indexes are made into a folder beside the output (Astro empties the output folder when it
 * starts bundling) and moved into the build when the pages are done. The CMS swaps a build in
 * only when it is complete, search index included (cms/src/site-build/runner.ts).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import {
  copyFile,
  link,
  mkdir,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  writeFile,
} from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AstroIntegration } from 'astro'
import { close, createIndex } from 'pagefind'
import { schoolYearOf } from '@school/shared'

import { getPublishedPosts, type PublishedPost } from '../src/lib/cms'
import { searchPage, type SearchPage } from '../src/lib/search'

/** How every index is made; part of the cache key, with the pages and Pagefind's version. */
const INDEX_OPTIONS = { forceLanguage: 'vi' }
/** Indexes kept per school year in the cache: the last two used. */
const CACHE_KEEP = 2
/** An index, or one being made, used or touched this recently is never pruned: another build may be at it. */
const CACHE_GRACE_MS = 60 * 60 * 1000
/** Posts without a valid date of publication (none are expected) get an index of their own, searched last. */
const UNDATED = 'khong-ngay'

interface SearchShard {
  name: string
  pages: SearchPage[]
}

/** The posts' search pages grouped by school year of publication, newest year first. */
function searchShards(posts: PublishedPost[]): SearchShard[] {
  const byYear = new Map<string, SearchPage[]>()
  for (const post of posts) {
    const published = new Date(post.publishedAt)
    const name = Number.isNaN(published.getTime()) ? UNDATED : schoolYearOf(published)
    const pages = byYear.get(name) ?? []
    pages.push(searchPage(post))
    byYear.set(name, pages)
  }
  const order = (name: string) => (name === UNDATED ? '' : name)
  return [...byYear]
    .sort(([a], [b]) => order(b).localeCompare(order(a)))
    .map(([name, pages]) => ({ name, pages }))
}

async function pagefindIndex(pages: SearchPage[], outputPath: string): Promise<void> {
  const { index, errors } = await createIndex(INDEX_OPTIONS)
  if (!index) throw new Error(errors.join('\n'))
  const added = await Promise.all(pages.map((page) => index.addHTMLFile(page)))
  const failed = added.flatMap((result) => result.errors)
  if (failed.length > 0) throw new Error(failed.join('\n'))
  const written = await index.writeFiles({ outputPath })
  if (written.errors.length > 0) throw new Error(written.errors.join('\n'))
  await index.deleteIndex()
}

/** Hard links (the same disk) or copies of every file under `from`, at the same places under `to`. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) await linkTree(source, target)
    else await link(source, target).catch(() => copyFile(source, target))
  }
}

/**
 * Keeps the CACHE_KEEP indexes of a school year used last (a reused index is touched), and
 * whatever another build may be making or linking from right now (CACHE_GRACE_MS).
 */
async function pruneCache(yearDir: string): Promise<void> {
  const entries = await readdir(yearDir).catch(() => [] as string[])
  const dated = await Promise.all(
    entries.map(async (name) => ({
      name,
      time: await stat(path.join(yearDir, name)).then(
        (stats) => stats.mtimeMs,
        () => Date.now(),
      ),
    })),
  )
  const newestFirst = dated
    .filter(({ name }) => !name.endsWith('.tmp'))
    .sort((a, b) => b.time - a.time)
  const stale = [
    ...newestFirst.slice(CACHE_KEEP),
    ...dated.filter(({ name }) => name.endsWith('.tmp')),
  ]
  for (const { name, time } of stale)
    if (Date.now() - time > CACHE_GRACE_MS)
      await rm(path.join(yearDir, name), { recursive: true, force: true })
}

export interface IndexOutcome {
  posts: number
  shards: number
  /** Indexes taken from the cache rather than made. */
  reused: number
}

export interface IndexPlace {
  /** The folder that becomes /pagefind/ of the site. */
  outputPath: string
  /** Indexes made by earlier builds, by school year. */
  cacheDir: string
  /** Part of every cache key: another Pagefind makes every index again. */
  pagefindVersion: string
}

/** Writes one Pagefind index per school year, and shards.json naming them, newest first. */
export async function writeSearchIndexes(
  posts: PublishedPost[],
  { outputPath, cacheDir, pagefindVersion }: IndexPlace,
): Promise<IndexOutcome> {
  await rm(outputPath, { recursive: true, force: true })
  const shards = searchShards(posts)
  let reused = 0
  try {
    for (const shard of shards) {
      const key = createHash('sha256')
        .update(pagefindVersion)
        .update(JSON.stringify(INDEX_OPTIONS))
        .update(JSON.stringify(shard.pages))
        .digest('hex')
        .slice(0, 16)
      const yearDir = path.join(cacheDir, shard.name)
      const cached = path.join(yearDir, key)
      if (existsSync(cached)) {
        reused += 1
        const now = new Date()
        await utimes(cached, now, now)
      } else {
        // Made aside and renamed: a build stopped halfway leaves no half index in the cache.
        const making = `${cached}.${process.pid}.tmp`
        await rm(making, { recursive: true, force: true })
        await pagefindIndex(shard.pages, making)
        await rename(making, cached).catch(async (error: NodeJS.ErrnoException) => {
          // Another build made the same index meanwhile: theirs serves.
          if (error.code !== 'EEXIST' && error.code !== 'ENOTEMPTY') throw error
          await rm(making, { recursive: true, force: true })
        })
        await pruneCache(yearDir)
      }
      await linkTree(cached, path.join(outputPath, shard.name))
    }
  } finally {
    await close()
  }
  await mkdir(outputPath, { recursive: true })
  await writeFile(
    path.join(outputPath, 'shards.json'),
    JSON.stringify(shards.map((shard) => shard.name)),
  )
  return { posts: posts.length, shards: shards.length, reused }
}

export function searchIndex(): AstroIntegration {
  let staging = ''
  let cacheDir = ''
  let pagefindVersion = ''
  let indexing: Promise<IndexOutcome> | undefined
  return {
    name: 'school-search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        staging = `${fileURLToPath(config.outDir).replace(/[\\/]+$/, '')}.pagefind`
        cacheDir = path.join(fileURLToPath(config.cacheDir), 'search-index')
        // Pinned exactly in the site's package.json: a new Pagefind makes every index again.
        pagefindVersion = JSON.parse(readFileSync(new URL('package.json', config.root), 'utf8'))
          .dependencies.pagefind
      },
      'astro:build:start': () => {
        indexing = getPublishedPosts().then((posts) =>
          writeSearchIndexes(posts, { outputPath: staging, cacheDir, pagefindVersion }),
        )
        indexing.catch(() => {}) // awaited, and reported, when the pages are done
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!indexing) throw new Error('The search index was never started')
        const { posts, shards, reused } = await indexing
        await rename(staging, path.join(fileURLToPath(dir), 'pagefind'))
        logger.info(
          `Pagefind: ${posts} bài viết, ${shards} chỉ mục theo năm học (${reused} dùng lại từ lần build trước)`,
        )
      },
    },
  }
}
