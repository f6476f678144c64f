/**
 * The school's colours from its profile, as a stylesheet file: the site's CSP allows no inline
 * style. global.css reads these variables, with the default colours when they are missing. The
 * CMS refused any colour below WCAG AA on the site's light backgrounds; lib/cms.ts falls back
 * to the defaults for one saved before the check.
 */
import type { APIRoute } from 'astro'

import { getSchoolFace } from '../lib/cms'

export const GET: APIRoute = async () => {
  const { primary, accent } = (await getSchoolFace()).colours
  const css = `:root {\n  --school-primary: ${primary};\n  --school-accent: ${accent};\n}\n`
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } })
}
