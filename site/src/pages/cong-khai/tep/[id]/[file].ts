/**
 * The PDF documents of the published disclosures, copied into the build like the posts' files:
 * the build fetches each anonymously, so a file the CMS has not made public (its disclosure not
 * published, or taken down) fails the build instead of reaching the site.
 */
import type { APIRoute, GetStaticPaths } from 'astro'
import { schoolYearOf, schoolYearsOnline } from '@school/shared'

import { getDisclosureFiles } from '../../../../lib/cms'

export const getStaticPaths = (async () => {
  const files = await getDisclosureFiles(schoolYearsOnline(schoolYearOf(new Date())))
  return files.map(({ src, from }) => {
    const [, , , id, file] = src.split('/')
    return { params: { id, file }, props: { from } }
  })
}) satisfies GetStaticPaths

export const GET: APIRoute = async ({ props }) => {
  const { from } = props as { from: string }
  const response = await fetch(from, { credentials: 'omit' })
  if (!response.ok)
    throw new Error(`Không tải được tài liệu ${from} từ CMS (HTTP ${response.status})`)
  const served = response.headers.get('Content-Type')?.split(';')[0].trim()
  if (served !== 'application/pdf')
    throw new Error(`Tài liệu ${from}: CMS trả về kiểu "${served}", cần "application/pdf"`)
  return new Response(await response.arrayBuffer(), {
    headers: { 'Content-Type': 'application/pdf' },
  })
}
