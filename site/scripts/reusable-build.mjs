/**
 * Astro's `build()`, step by step, so that a warm worker (astro-build-worker.mjs) can render a
 * publication's pages again without bundling the site again (issue 15, point 7).
 *
 * A build is Astro's own set-up (config, integrations, routes: every integration's hooks run as
 * in `astro build`, with this build's environment), then two Vite bundles of the site's code
 * (server and client), then the generation of the pages from the server bundle. The bundles
 * depend only on the site's code and configuration, not on the CMS's data, which the pages read
 * while they are generated. So when the next build's code and settings are the same (the
 * incremental integration's sourceHash and the runner's environment), the worker hands this
 * module the bundle it kept: the client files and the server bundle's files are copied into the
 * new folder, as the bundling would have written them, and only the generation runs. That saves
 * about 4 s of the ≈ 8 s an incremental build takes at 5,000 posts (docs/benchmarks.md).
 *
 * This follows AstroBuilder.setup/build of the pinned astro (node_modules/astro/dist/core/build/
 * index.js and static-build.js, 5.18.2); the site's package pins that version, and
 * tests/int/site-incremental compares a reused bundle's pages with a fresh full build's. A bundle
 * is kept only for a static build whose server chunks sit outside its output folder and do not
 * name it, with no content collections or optimised images (their state lives in Vite plugins).
 */
import fs from 'node:fs'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ASTRO_VERSION = '5.18.2'
const require = createRequire(import.meta.url)
const astroDir = path.dirname(require.resolve('astro/package.json'))
const internal = (file) => import(pathToFileURL(path.join(astroDir, 'dist', file)).href)

const [
  hooks,
  { createDevelopmentManifest },
  { resolveConfig },
  { createNodeLogger },
  { createSettings },
  { createVite },
  encryption,
  { apply: applyPolyfill },
  { createRoutesList },
  { ensureProcessNodeEnv },
  { collectPagesData },
  { viteBuild, staticBuild },
  { generatePages },
  { getOutDirWithinCwd },
] = await Promise.all([
  internal('integrations/hooks.js'),
  internal('vite-plugin-astro-server/plugin.js'),
  internal('core/config/config.js'),
  internal('core/config/logging.js'),
  internal('core/config/settings.js'),
  internal('core/create-vite.js'),
  internal('core/encryption.js'),
  internal('core/polyfill.js'),
  internal('core/routing/index.js'),
  internal('core/util.js'),
  internal('core/build/page-data.js'),
  internal('core/build/static-build.js'),
  internal('core/build/generate.js'),
  internal('core/build/common.js'),
])

const CONTENT_CONFIGS = ['content.config', 'content/config'].flatMap((name) =>
  ['ts', 'mts', 'js', 'mjs'].map((extension) => `${name}.${extension}`),
)
const installed = JSON.parse(await readFile(path.join(astroDir, 'package.json'), 'utf8')).version
/** Another astro than the one this module follows: every build bundles, as `astro build` does. */
export const canReuseBundles = installed === ASTRO_VERSION

/** Every file under `dir`, relative to it. */
async function filesUnder(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
}

async function copyFiles(from, to, files) {
  for (const file of files) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true })
    await copyFile(path.join(from, file), path.join(to, file))
  }
}

/**
 * Astro's set-up, as AstroBuilder.setup: the integrations' config hooks, the routes. `bundling`
 * false skips what only Vite's bundling needs (its config, the generated types).
 */
async function setUp(root, bundling) {
  ensureProcessNodeEnv('production')
  applyPolyfill()
  const inlineConfig = { root, logLevel: 'error' }
  const logger = createNodeLogger(inlineConfig)
  const { astroConfig } = await resolveConfig(inlineConfig, 'build')
  let settings = await createSettings(astroConfig, fileURLToPath(astroConfig.root))
  settings = await hooks.runHookConfigSetup({ settings, command: 'build', logger })
  const manifest = createDevelopmentManifest(settings)
  const routesList = await createRoutesList({ settings }, logger)
  await hooks.runHookConfigDone({ settings, logger, command: 'build' })
  if (!settings.config.adapter && settings.buildOutput === 'server')
    throw new Error('The school site is static: no adapter, no server output')
  if (settings.config.outDir.toString() === settings.config.root.toString())
    throw new Error('the outDir cannot be the root folder. Please build to a folder such as dist.')
  let viteConfig = null
  if (bundling) {
    viteConfig = await createVite(
      { server: { hmr: false, middlewareMode: true } },
      { settings, logger, mode: 'production', command: 'build', sync: false, routesList, manifest },
    )
    const { syncInternal } = await internal('core/sync/index.js')
    await syncInternal({
      mode: 'production',
      settings,
      logger,
      fs,
      routesList,
      command: 'build',
      manifest,
    })
  }
  return { settings, logger, routesList, viteConfig }
}

function buildOptions({ settings, logger, routesList, viteConfig }, allPages) {
  const origin = settings.config.site
    ? new URL(settings.config.site).origin
    : `http://localhost:${settings.config.server.port}`
  return {
    allPages,
    settings,
    logger,
    routesList,
    runtimeMode: 'production',
    origin,
    pageNames: [],
    teardownCompiler: true,
    viteConfig,
    key: encryption.hasEnvironmentKey() ? encryption.getEnvironmentKey() : encryption.createKey(),
  }
}

async function finish(opts, assets) {
  const { settings, logger, pageNames, allPages } = opts
  for (const [file, content] of Object.entries(assets)) {
    const url = new URL(`file://${file}`)
    await mkdir(new URL('./', url), { recursive: true })
    await writeFile(url, content, 'utf8')
  }
  await hooks.runHookBuildDone({
    settings,
    pages: pageNames,
    routes: Object.values(allPages)
      .flat()
      .map((pageData) => pageData.route),
    logger,
  })
}

/**
 * What a later build needs of this one's bundle, or null when it cannot be reused. Both bundles
 * stay where Astro wrote them, under the working folder (`<cwd>/.astro/`: the output folder is
 * outside it); whatever the bundling wrote into the output folder itself is copied beside them.
 */
async function keepBundle(opts, internals, ssrOutputChunkNames, { workDir, key }) {
  const { settings } = opts
  const outDir = settings.config.outDir
  const serverDir = getOutDirWithinCwd(outDir)
  if (!canReuseBundles || key === null || settings.buildOutput !== 'static') return null
  // Content collections are read into the bundle: their next version would not be.
  const source = fileURLToPath(settings.config.srcDir)
  if (CONTENT_CONFIGS.some((file) => fs.existsSync(path.join(source, file)))) return null
  if (serverDir.toString() === outDir.toString()) return null
  const serverPath = fileURLToPath(serverDir)
  const chunks = new Set(ssrOutputChunkNames.filter((name) => name.endsWith('.mjs')))
  if (internals.manifestFileName) chunks.add(internals.manifestFileName)
  const serverFiles = await filesUnder(serverPath)
  const outPath = fileURLToPath(outDir).replace(/[\\/]+$/, '')
  const outNames = [outPath, pathToFileURL(outPath).href]
  // A chunk that names this build's folder would write into it on the next build too. The SSR
  // manifest does (it is for servers; a static build's pages never import it).
  for (const file of serverFiles.filter((name) => chunks.has(name))) {
    if (file === internals.manifestFileName) continue
    const code = await readFile(path.join(serverPath, file), 'utf8')
    if (outNames.some((name) => code.includes(name))) return null
  }
  const clientFiles = await filesUnder(outPath)
  const clientCopy = path.join(workDir, 'client')
  await copyFiles(outPath, clientCopy, clientFiles)
  return {
    key,
    workDir,
    internals,
    allPages: opts.allPages,
    routesList: opts.routesList,
    clientCopy,
    clientFiles,
    serverPath,
    // What Astro's cleanServerOutput copies into the output folder: all but the chunks.
    serverFiles: serverFiles.filter(
      (name) =>
        !chunks.has(name) &&
        !chunks.has(name.replace(/\.map$/, '')) &&
        !(name.endsWith('.d.ts') && !name.includes(path.sep)),
    ),
  }
}

/** The pages of the routes found by the set-up, and the assets Astro writes beside them. */
const pagesOf = (setup) =>
  collectPagesData({ settings: setup.settings, logger: setup.logger, manifest: setup.routesList })

/** Vite's two bundles of the site, kept for later builds where they can be (keepBundle). */
async function bundle(setup, allPages, key, workDir) {
  const opts = buildOptions(setup, allPages)
  const { internals, ssrOutputChunkNames } = await viteBuild(opts)
  if (setup.settings.serverIslandNameMap.size > 0)
    throw new Error('Server islands need an adapter; the school site is static')
  const kept = await keepBundle(opts, internals, ssrOutputChunkNames, { workDir, key })
  return { opts, internals, ssrOutputChunkNames, kept }
}

/** Optimised images are collected by a Vite plugin's buildStart, which a reuse would skip. */
const madeImages = () => Boolean(globalThis.astroAsset?.staticImages?.size)

/**
 * One build of the site at `root` into the outDir its config names (SITE_OUT_DIR), from the
 * current directory (`workDir`). `bundleKey()`, asked after the set-up (the integrations'
 * config hooks), says what the bundle depends on (null: do not reuse); `reusable` is a bundle
 * kept by an earlier build, used when its key is the same. Resolves with the bundle this build
 * used or made, when it can serve the next build.
 */
export async function buildSite({ root, workDir, reusable, bundleKey }) {
  // A bundle is only ever kept when canReuseBundles (keepBundle).
  const reusing = reusable ?? null
  const setup = await setUp(root, reusing === null)
  const key = bundleKey()
  if (reusing && (key === null || key !== reusing.key)) {
    // Other code or settings than the kept bundle's: set up again, with bundling this time.
    return buildSite({ root, workDir, reusable: null, bundleKey })
  }
  await hooks.runHookBuildStart({ config: setup.settings.config, logger: setup.logger })
  const { assets, allPages } = pagesOf(setup)
  if (reusing) {
    // The bundle's own routes (its pages hold them); Astro notes on each the files it wrote.
    const opts = buildOptions({ ...setup, routesList: reusing.routesList }, reusing.allPages)
    for (const route of reusing.routesList.routes) route.distURL = []
    for (const pageData of Object.values(reusing.allPages)) pageData.route.distURL = []
    const outDir = fileURLToPath(setup.settings.config.outDir)
    await rm(outDir, { recursive: true, force: true })
    await mkdir(outDir, { recursive: true })
    await copyFiles(reusing.clientCopy, outDir, reusing.clientFiles)
    process.chdir(reusing.workDir)
    try {
      await generatePages(opts, reusing.internals)
    } finally {
      process.chdir(workDir)
    }
    await copyFiles(reusing.serverPath, outDir, reusing.serverFiles)
    await finish(opts, assets)
    return madeImages() ? null : reusing
  }
  const { opts, internals, ssrOutputChunkNames, kept } = await bundle(setup, allPages, key, workDir)
  if (kept) {
    await generatePages(opts, internals)
    await copyFiles(kept.serverPath, fileURLToPath(opts.settings.config.outDir), kept.serverFiles)
  } else {
    await staticBuild(opts, internals, ssrOutputChunkNames)
  }
  await finish(opts, assets)
  return kept && !madeImages() ? kept : null
}

/**
 * Bundles the site for a build to come, and renders nothing: the set-up and Vite's bundles, into
 * the outDir the config names (a scratch folder), kept as buildSite keeps them. Resolves with the
 * bundle (`reusable` itself when it is still good), or null when there is nothing to keep.
 */
export async function prepareBundle({ root, workDir, reusable, bundleKey }) {
  if (!canReuseBundles) return null
  if (reusable) {
    // Most approvals find the bundle made for the one before: no Vite set-up to know it.
    await setUp(root, false)
    const key = bundleKey()
    if (key !== null && key === reusable.key) return reusable
  }
  const setup = await setUp(root, true)
  const key = bundleKey()
  if (key === null) return null
  return (await bundle(setup, pagesOf(setup).allPages, key, workDir)).kept
}
