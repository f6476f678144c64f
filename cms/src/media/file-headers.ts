/**
 * How the CMS answers for a stored file (`/api/media/file/<name>`, the image sizes too): with the
 * type of its bytes when the school accepts that type, as a download otherwise, never sniffed by
 * the browser, and sandboxed, so even a file holding a page cannot run a script on the CMS's
 * origin (issue 10, hole 1).
 */
import { isMediaType } from '@school/shared'

/** Nothing loads, nothing runs, no form posts, no same-origin access: a file is only looked at. */
const FILE_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox"
/** Chromium shows a PDF only outside a sandbox; it still loads nothing and cannot be framed. */
const PDF_POLICY = "default-src 'none'; frame-ancestors 'none'"

export function fileResponseHeaders({ headers }: { headers: Headers }): Headers {
  const type = headers.get('Content-Type')?.split(';')[0].trim().toLowerCase()
  if (!isMediaType(type)) {
    headers.set('Content-Type', 'application/octet-stream')
    headers.set('Content-Disposition', 'attachment')
  }
  headers.set('X-Content-Type-Options', 'nosniff')
  headers.set('Content-Security-Policy', type === 'application/pdf' ? PDF_POLICY : FILE_POLICY)
  headers.set('Cross-Origin-Resource-Policy', 'same-site')
  return headers
}
