/**
 * Starts reading the CMS when the build starts, so the CMS answers while Vite bundles the pages
 * (seconds with thousands of posts). The pages take the same answers (src/lib/cms.ts).
 */
import type { AstroIntegration } from 'astro'

import { getPublishedPosts, getSchoolProfile } from '../src/lib/cms'

export function cmsPrefetch(): AstroIntegration {
  return {
    name: 'school-cms-prefetch',
    hooks: {
      'astro:build:start': () => {
        // A failed read fails the build where a page awaits it; here it is only started.
        for (const reading of [getSchoolProfile(), getPublishedPosts()]) reading.catch(() => {})
      },
    },
  }
}
