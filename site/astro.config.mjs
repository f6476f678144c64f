// @ts-check
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { cmsPrefetch } from './integrations/cms-prefetch'
import { searchIndex } from './integrations/search-index'

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.SITE_OUT_DIR || './dist',
  // React only for the islands (search, the album's lightbox, the timetable's class picker).
  integrations: [cmsPrefetch(), react(), sitemap(), searchIndex()],
  // Several pages in flight: while one is written to disk the next is rendered.
  // Stylesheets are linked, never inlined: the site server's CSP allows no inline style.
  build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
  // Scripts are files too (Astro inlines small ones otherwise): the CSP allows no inline script.
  vite: { ssr: { noExternal: ['@school/shared'] }, build: { assetsInlineLimit: 0 } },
})
