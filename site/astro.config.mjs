// @ts-check
import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { pagefind } from './integrations/pagefind.mjs'

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  output: 'static',
  trailingSlash: 'always',
  outDir: process.env.SITE_OUT_DIR || './dist',
  integrations: [react(), sitemap(), pagefind()],
  build: { format: 'directory' },
  vite: { ssr: { noExternal: ['@school/shared'] } },
})
