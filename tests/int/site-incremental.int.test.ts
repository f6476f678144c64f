/**
 * Publish → live in seconds: after a publication the runner builds only the pages that changed,
 * into a copy of the live build (the other files hard-linked from it), and swaps it in whole.
 * What it writes must be exactly what a full build writes for the same data: every file of the
 * incremental build is compared, byte for byte, with a full build of the same data made into
 * another folder (no file is excused). Two builds side by side, each with its own build root,
 * leave each other's output and cache alone.
 */
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { SiteBuildConfig } from '../../cms/src/site-build/runner'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import { demoUser, stepAs } from './support/workflow'

const school = useTestSchool()
let server: { url: string; close: () => Promise<void> }
let config: SiteBuildConfig
const root = mkdtempSync(path.join(tmpdir(), 'school-site-incremental-'))
const sourceDir = fileURLToPath(new URL('../../site', import.meta.url))

beforeAll(async () => {
  const { serveRestOverHttp } = await import('./support/rest')
  server = await serveRestOverHttp()
  config = {
    sourceDir,
    buildsDir: path.join(root, 'builds'),
    liveLink: path.join(root, 'site'),
    cmsURL: server.url,
    debounceMs: 300,
    cacheDir: path.join(root, 'cache'),
  }
})
afterAll(() => server?.close())

const status = () => school.payload.findGlobal({ slug: 'site-build', overrideAccess: true })

function filesOf(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name)
    return entry.isDirectory() ? filesOf(dir, relative) : [relative]
  })
}

/** Every file of both trees, by name and bytes: the names that differ, and the files. */
function differences(a: string, b: string): string[] {
  const left = filesOf(a).sort()
  const right = filesOf(b).sort()
  const onlyLeft = left.filter((file) => !right.includes(file)).map((file) => `only in A: ${file}`)
  const onlyRight = right.filter((file) => !left.includes(file)).map((file) => `only in B: ${file}`)
  const changed = left
    .filter((file) => right.includes(file))
    .filter((file) => !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))))
    .map((file) => `differs: ${file}`)
  return [...onlyLeft, ...onlyRight, ...changed]
}

const live = () => realpathSync(config.liveLink)
/** The build log's first line for a build rendered from the builder's kept bundle. */
const REUSED = /^Dùng lại gói mã của lần xây dựng trước/m

/** The warm site builders (site/scripts/astro-build-worker.mjs) this test process runs. */
function builders(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const parent = Number(
          readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1],
        )
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
        return parent === process.pid && command.includes('astro-build-worker')
      } catch {
        return false // gone meanwhile
      }
    })
    .map(Number)
}

/** Alive: neither gone nor a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1][0] !== 'Z'
  } catch {
    return false
  }
}

async function waitUntil(ready: () => boolean, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A new post, sent by its writer and accepted by the group head: leadership's to approve. */
async function acceptedPost(title: string) {
  const { payload } = school
  const writer = await demoUser(payload, 'homeroom_teacher')
  const post = await payload.create({
    collection: 'posts',
    draft: true,
    user: writer,
    overrideAccess: false,
    data: {
      title,
      excerpt: 'Bài viết đăng để thử xây dựng từng phần.',
      content: richText('Nội dung bài viết thử.'),
      tags: ['khai giảng', 'xây dựng từng phần'],
    },
  })
  await stepAs(payload, writer, post.id, 'submit')
  await stepAs(payload, await demoUser(payload, 'group_head'), post.id, 'accept')
  return post
}

async function publishNewPost(title: string) {
  const { payload } = school
  const post = await acceptedPost(title)
  await stepAs(payload, await demoUser(payload, 'vice_principal'), post.id, 'approve')
  await stepAs(payload, await demoUser(payload, 'web_admin'), post.id, 'publish')
  return payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })
}

/** A full build of the data the CMS holds now, into a folder of its own. */
async function fullBuildNow(name: string) {
  const { buildSite } = await import('../../cms/src/site-build/runner')
  const out = path.join(root, 'full', name)
  const result = await buildSite(config, out, { fullReason: 'so sánh trong kiểm thử' })
  expect(result.ok, result.log).toBe(true)
  expect(result.manifest?.mode).toBe('full')
  return out
}

describe('incremental site builds', () => {
  it('a publication re-renders its pages into a copy of the live build, as a full build would', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    expect(await runBuild(school.payload, config), (await status()).log ?? '').toBe(true)
    expect((await status()).mode).toBe('full')
    const before = live()
    const untouched = path.join('tin-tuc', 'le-khai-giang-nam-hoc-moi', 'index.html')
    expect(existsSync(path.join(before, untouched))).toBe(true)

    const post = await publishNewPost('Thử xây dựng từng phần: bài mới')
    expect(await runBuild(school.payload, config), (await status()).log ?? '').toBe(true)
    const recorded = await status()
    expect(recorded.mode).toBe('incremental')
    expect(recorded.log).toMatch(/^Xây dựng từng phần: \d+ trang\/tệp dựng lại, \d+ lấy từ/)
    const after = live()
    expect(after).not.toBe(before)
    expect(existsSync(path.join(after, 'tin-tuc', post.slug!, 'index.html'))).toBe(true)
    // A page the publication does not change is the live build's own file, linked.
    expect(statSync(path.join(after, untouched)).ino).toBe(
      statSync(path.join(before, untouched)).ino,
    )
    // The tag page the post joined, the listing, the feed and the sitemap name it.
    for (const file of ['the/khai-giang/index.html', 'tin-tuc/index.html', 'rss.xml'])
      expect(readFileSync(path.join(after, file), 'utf8')).toContain(post.slug!)
    expect(readFileSync(path.join(after, 'sitemap-0.xml'), 'utf8')).toContain(
      `/tin-tuc/${post.slug}/`,
    )
    expect(existsSync(path.join(after, 'the', 'xay-dung-tung-phan', 'index.html'))).toBe(true)

    expect(differences(after, await fullBuildNow('after-publish'))).toEqual([])
  }, 300_000)

  it('a post taken down leaves with its pages; the rest is still what a full build makes', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    const { payload } = school
    const [post] = (
      await payload.find({
        collection: 'posts',
        where: { title: { equals: 'Thử xây dựng từng phần: bài mới' } },
        overrideAccess: true,
      })
    ).docs
    await stepAs(payload, await demoUser(payload, 'web_admin'), post.id, 'unpublish')
    expect(await runBuild(payload, config), (await status()).log ?? '').toBe(true)
    expect((await status()).mode).toBe('incremental')
    const after = live()
    expect(existsSync(path.join(after, 'tin-tuc', post.slug!))).toBe(false)
    // Its own tag had no other post: the tag page goes too.
    expect(existsSync(path.join(after, 'the', 'xay-dung-tung-phan'))).toBe(false)
    expect(readFileSync(path.join(after, 'sitemap-0.xml'), 'utf8')).not.toContain(post.slug!)
    expect(differences(after, await fullBuildNow('after-unpublish'))).toEqual([])
  }, 300_000)

  it('the builder stays warm after an incremental build, renders the next from its bundle, ends after a full one', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    await publishNewPost('Thử trình dựng giữ ấm: bài thứ nhất')
    expect(await runBuild(school.payload, config), (await status()).log ?? '').toBe(true)
    expect((await status()).mode).toBe('incremental')
    // The first build of a new builder bundles the site itself.
    expect((await status()).log).not.toMatch(REUSED)
    const [warm] = builders()
    expect(warm, 'a builder kept warm after an incremental build').toBeDefined()

    // The next publication is built by the same process, from the same bundle, into what a full
    // build makes.
    await publishNewPost('Thử trình dựng giữ ấm: bài thứ hai')
    expect(await runBuild(school.payload, config), (await status()).log ?? '').toBe(true)
    expect((await status()).mode).toBe('incremental')
    expect((await status()).log).toMatch(REUSED)
    expect(builders()).toEqual([warm])
    expect(differences(live(), await fullBuildNow('after-warm-publish'))).toEqual([])
    // The full build ran in the warm builder, which then ended: an idle CMS holds none.
    await waitUntil(() => builders().length === 0, 'the builder to end after a full build')
    expect(isRunning(warm)).toBe(false)
  }, 300_000)

  it('an approval has the builder bundle the site, and the publication renders from that bundle', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    expect(builders()).toEqual([])
    const { payload } = school
    const post = await acceptedPost('Thử gói mã chuẩn bị khi duyệt')
    // The approval, as the CMS runs it with building on (`npm start`), starts the builder.
    const building = {
      SITE_SOURCE_DIR: config.sourceDir,
      SITE_BUILDS_DIR: config.buildsDir,
      SITE_LIVE_DIR: config.liveLink,
      SITE_CACHE_DIR: config.cacheDir!,
      CMS_URL: config.cmsURL,
    }
    const saved = Object.fromEntries(Object.keys(building).map((key) => [key, process.env[key]]))
    Object.assign(process.env, building)
    try {
      await stepAs(payload, await demoUser(payload, 'vice_principal'), post.id, 'approve')
    } finally {
      for (const [key, value] of Object.entries(saved))
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
    }
    await waitUntil(() => builders().length === 1, 'the approval to start the builder')
    const [prepared] = builders()

    await stepAs(payload, await demoUser(payload, 'web_admin'), post.id, 'publish')
    expect(await runBuild(payload, config), (await status()).log ?? '').toBe(true)
    const recorded = await status()
    expect(recorded.mode, recorded.log ?? '').toBe('incremental')
    expect(recorded.log).toMatch(REUSED)
    expect(builders()).toEqual([prepared])
    expect(differences(live(), await fullBuildNow('after-prepared-publish'))).toEqual([])
    await waitUntil(() => builders().length === 0, 'the builder to end after a full build')
  }, 300_000)

  it('a change of the school profile (on every page) makes a full build, and says why', async () => {
    const { runBuild } = await import('../../cms/src/site-build/runner')
    await school.payload.updateGlobal({
      slug: 'school-profile',
      data: { motto: 'Khẩu hiệu mới cho mọi trang' },
      overrideAccess: true,
    })
    expect(await runBuild(school.payload, config), (await status()).log ?? '').toBe(true)
    const recorded = await status()
    expect(recorded.mode).toBe('full')
    expect(recorded.log).toMatch(/^Xây dựng toàn bộ: .*hồ sơ nhà trường/)
  }, 300_000)

  it('two builds side by side, each in its own build root, leave each other intact', async () => {
    const { buildSite } = await import('../../cms/src/site-build/runner')
    const roots = ['a', 'b'].map((name) => path.join(root, 'side-by-side', name))
    const configs = roots.map((dir) => ({
      ...config,
      buildsDir: path.join(dir, 'builds'),
      liveLink: path.join(dir, 'site'),
      cacheDir: path.join(dir, 'cache'),
    }))
    const outs = configs.map((each) => path.join(each.buildsDir, 'build'))
    const results = await Promise.all(
      configs.map((each, i) => buildSite(each, outs[i], { fullReason: 'hai bản cùng lúc' })),
    )
    for (const result of results) expect(result.ok, result.log).toBe(true)
    for (const [i, out] of outs.entries()) {
      expect(existsSync(path.join(out, 'index.html'))).toBe(true)
      expect(existsSync(path.join(out, 'pagefind', 'shards.json'))).toBe(true)
      // Astro's bundle of the pages was made and removed inside the build's own folder.
      expect(readdirSync(out).filter((name) => name.endsWith('.mjs') || name === 'chunks')).toEqual(
        [],
      )
      expect(readdirSync(path.join(configs[i].cacheDir!, 'search-index')).length).toBeGreaterThan(0)
    }
    expect(differences(outs[0], outs[1])).toEqual([])
  }, 300_000)

  it("a change of the site's code is built in full from a new bundle, never the one kept", async () => {
    const { prepareSiteBuild, runBuild } = await import('../../cms/src/site-build/runner')
    await prepareSiteBuild(school.payload, config)
    expect(builders()).toHaveLength(1)
    // Any file of the site is its code (the integration's sourceHash): one more, unused by pages.
    const marker = path.join(sourceDir, `.bundle-test-${process.pid}`)
    writeFileSync(marker, 'a change of the site code\n')
    try {
      await publishNewPost('Thử mã nguồn đổi sau khi chuẩn bị')
      expect(await runBuild(school.payload, config), (await status()).log ?? '').toBe(true)
    } finally {
      rmSync(marker, { force: true })
    }
    const recorded = await status()
    expect(recorded.mode, recorded.log ?? '').toBe('full')
    expect(recorded.log).toMatch(/^Xây dựng toàn bộ: mã nguồn, cấu hình hoặc thư viện/)
    expect(recorded.log).not.toMatch(REUSED)
    await waitUntil(() => builders().length === 0, 'the builder to end after a full build')
  }, 300_000)
})
