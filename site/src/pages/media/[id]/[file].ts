/**
 * The image files of published posts, copied into the build: the site is served on its own and
 * visitors may not be able to reach the CMS, so pages never link to it. The WebP sizes were made
 * once by sharp when the image was uploaded; a build only copies bytes, it never re-encodes.
 */
import type { APIRoute, GetStaticPaths } from 'astro'

import { getMediaFiles } from '../../../lib/cms'

export const getStaticPaths = (async () => {
  const files = await getMediaFiles()
  return files.map(({ src, from }) => {
    const [, , id, file] = src.split('/')
    return { params: { id, file }, props: { from } }
  })
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const from = (props as { from: string }).from
  const response = await fetch(from, { credentials: 'omit' })
  // A missing file fails the build, and the CMS keeps the last good site live (site-build/runner.ts).
  if (!response.ok) throw new Error(`Không tải được ảnh ${from} từ CMS (HTTP ${response.status})`)
  return new Response(await response.arrayBuffer())
}
