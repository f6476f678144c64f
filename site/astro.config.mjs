// @ts-check
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { cmsPrefetch } from './integrations/cms-prefetch'
import { incremental } from './integrations/incremental'
import { searchIndex } from './integrations/search-index'

// Each build root (the CMS's data folder, a benchmark's scratch folder, another school) has its
// own cache: Astro's default, node_modules/.astro, would be shared by every build of this folder.
const cacheDir = process.env.SITE_CACHE_DIR || './node_modules/.astro'

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir,
  // React only for the islands (search, the album's lightbox, the timetable's class picker).
  // The sitemap is made by the incremental integration's hook, from every page of the site.
  integrations: [cmsPrefetch(), react(), incremental({ sitemap: sitemap() }), searchIndex()],
  // Several pages in flight: while one is written to disk the next is rendered.
  // Stylesheets are linked, never inlined: the site server's CSP allows no inline style.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // Scripts are files too (Astro inlines small ones otherwise): the CSP allows no inline script.
  vite: {
    cacheDir: `${cacheDir}/vite`,
    ssr: { noExternal: ['@school/shared'] },
    // No gzip of every chunk for Vite's size report: nobody reads it, and each build pays for it.
    build: { assetsInlineLimit: 0, reportCompressedSize: false },
  },
})
