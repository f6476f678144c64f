/**
 * Builds the search index with Pagefind right after Astro has written the pages, into the same
 * folder: the CMS swaps a build in only when it is complete, search index included
 * (cms/src/site-build/runner.ts). Only article pages are indexed: they alone carry
 * `data-pagefind-body`.
 */
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { close, createIndex } from 'pagefind'

/** @returns {import('astro').AstroIntegration} */
export function pagefind() {
  return {
    name: 'school-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir)
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'vi' })
          if (!index) throw new Error(errors.join('\n'))
          // Pagination pages match the pattern too but carry no data-pagefind-body, so Pagefind skips them.
          const added = await index.addDirectory({ path: site, glob: 'tin-tuc/*/index.html' })
          if (added.errors.length > 0) throw new Error(added.errors.join('\n'))
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') })
          if (written.errors.length > 0) throw new Error(written.errors.join('\n'))
          logger.info(`Pagefind: ${added.page_count} bài viết trong chỉ mục tìm kiếm`)
        } finally {
          await close()
        }
      },
    },
  }
}
