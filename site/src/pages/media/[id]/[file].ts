/**
 * The image files of published posts, copied into the build: the site is served on its own and
 * visitors may not be able to reach the CMS, so pages never link to it. The WebP sizes were made
 * once by sharp when the image was uploaded; a build only copies bytes, it never re-encodes.
 * Each file is written under the extension of its type (lib/cms.ts) and the CMS must answer with
 * exactly that type, which it reads from the file's bytes: nothing else lands under /media/.
 */
import type { APIRoute, GetStaticPaths } from 'astro'

import { getMediaFiles } from '../../../lib/cms'

export const getStaticPaths = (async () => {
  const files = await getMediaFiles()
  return files.map(({ src, from, mimeType }) => {
    const [, , id, file] = src.split('/')
    return { params: { id, file }, props: { from, mimeType } }
  })
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { from, mimeType } = props as { from: string; mimeType: string }
  const response = await fetch(from, { credentials: 'omit' })
  // A missing or mistyped file fails the build, and the CMS keeps the last good site live
  // (site-build/runner.ts).
  if (!response.ok) throw new Error(`Không tải được ảnh ${from} từ CMS (HTTP ${response.status})`)
  const served = response.headers.get('Content-Type')?.split(';')[0].trim()
  if (served !== mimeType)
    throw new Error(`Ảnh ${from}: CMS trả về kiểu "${served}", cần "${mimeType}"`)
  return new Response(await response.arrayBuffer(), { headers: { 'Content-Type': mimeType } })
}
