/**
 * The search index is made per school year and cached between builds (site/integrations/
 * search-index.ts): an unchanged year is reused, a changed one made again, and the search page
 * merges every year's index in the browser. Runs on a copy of the live demo site's search page,
 * with an index of posts from three school years.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'

import { serveSite } from '../../scripts/lib/site-server.mjs'
import type { PublishedPost } from '../../site/src/lib/cms'
import { writeSearchIndexes } from '../../site/integrations/search-index'
import { E2E } from '../../playwright.config'

const post = (slug: string, title: string, publishedAt: string): PublishedPost => ({
  id: slug,
  title,
  slug,
  excerpt: `Tóm tắt: ${title}`,
  kind: 'news',
  tags: [],
  publishedAt,
  ownerGroup: null,
  coverImage: null,
  content: {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [{ type: 'text', text: `${title}. Học sinh toàn trường tham gia.` }],
      },
    ],
  },
})

const POSTS: PublishedPost[] = [
  post(
    'hoi-trai-tong-ket',
    'Hội trại tổng kết năm học, Liên đội tuyên dương',
    '2025-05-20T02:00:00Z',
  ),
  post('trung-thu-nam-ngoai', 'Đêm hội trăng rằm của Đội thiếu niên', '2025-09-28T12:00:00Z'),
  {
    // No excerpt, and a group: found by the group's name, shown with a snippet of its text.
    ...post('ngay-nha-giao', 'Mít tinh kỷ niệm ngày Nhà giáo Việt Nam', '2026-11-20T01:00:00Z'),
    excerpt: '',
    ownerGroup: {
      name: 'Tổ chuyên môn khối 5',
      slug: 'to-chuyen-mon-khoi-5',
      kind: 'professional',
    },
  },
]

let scratch = ''
let server: Awaited<ReturnType<typeof serveSite>> | undefined
const PORT = Number(process.env.E2E_SHARDS_PORT || 4477)

test.beforeAll(async () => {
  // The product builds the site by itself when it starts.
  await expect
    .poll(() => existsSync(path.join(E2E.dataDir, 'site', 'tim-kiem', 'index.html')), {
      timeout: 50_000,
    })
    .toBe(true)
  scratch = mkdtempSync(path.join(os.tmpdir(), 'school-search-shards-'))
  // The page and its script and styles, which the site ships as files (its CSP allows no inline).
  for (const folder of ['tim-kiem', '_astro']) {
    cpSync(path.join(E2E.dataDir, 'site', folder), path.join(scratch, 'site', folder), {
      recursive: true,
      dereference: true,
    })
  }
})

test.afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  rmSync(scratch, { recursive: true, force: true })
})

test('one index per school year; unchanged years come from the cache; the search page merges them all', async ({
  page,
}) => {
  test.setTimeout(120_000)
  const place = (name: string) => ({
    outputPath: path.join(scratch, name),
    cacheDir: path.join(scratch, 'cache'),
    pagefindVersion: 'test',
  })

  const first = await writeSearchIndexes(POSTS, place('first'))
  expect(first).toEqual({ posts: 3, shards: 3, reused: 0 })
  expect(JSON.parse(readFileSync(path.join(scratch, 'first', 'shards.json'), 'utf8'))).toEqual([
    '2026-2027',
    '2025-2026',
    '2024-2025',
  ])

  expect(await writeSearchIndexes(POSTS, place('again'))).toEqual({
    posts: 3,
    shards: 3,
    reused: 3,
  })

  // An edit to this year's post: this year's index is made again, the two earlier ones reused.
  const edited = [
    ...POSTS.slice(0, 2),
    { ...POSTS[2], title: 'Mít tinh kỷ niệm ngày Nhà giáo Việt Nam 20/11, văn nghệ chào mừng' },
  ]
  expect(await writeSearchIndexes(edited, place('pagefind'))).toEqual({
    posts: 3,
    shards: 3,
    reused: 2,
  })
  cpSync(path.join(scratch, 'pagefind'), path.join(scratch, 'site', 'pagefind'), {
    recursive: true,
  })
  server = await serveSite(path.join(scratch, 'site'), PORT)

  const searchFor = async (query: string) => {
    await page.goto(`http://localhost:${PORT}/tim-kiem/?q=${encodeURIComponent(query)}`)
    await expect(page.getByRole('status')).toContainText(`“${query}”`)
    return page.locator('.search-results li h2 a')
  }
  // Each word lives in one school year's index only.
  await expect(await searchFor('tuyen duong')).toHaveText([POSTS[0].title])
  await expect(await searchFor('rằm')).toHaveText([POSTS[1].title])
  await expect(await searchFor('van nghe chao mung')).toHaveText([edited[2].title])
  // One search over all three, đ folded as everywhere: "doi" finds Liên đội and Đội thiếu niên.
  await expect(await searchFor('doi')).toHaveCount(2)
  await expect(await searchFor('học sinh')).toHaveCount(3)
  await expect(page.locator('.search-results li h2 a').first()).toHaveAttribute(
    'href',
    /^\/tin-tuc\/[a-z-]+\/$/,
  )
  await expect(await searchFor('chuyen mon khoi')).toHaveText([edited[2].title])
  // No excerpt of its own: Pagefind's snippet around the words found.
  await expect(page.locator('.search-results li p')).toContainText('Tổ chuyên môn khối 5')
})
