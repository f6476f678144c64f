/**
 * Serves the live website: `liveLink` points at the newest complete build and is swapped by the
 * CMS after each rebuild, so the folder is looked up again whenever the link changes.
 *
 * Every answer carries the site's security headers (issue 10, hole 11), and nothing under
 * /media/ is ever served as a page or a script (hole 1): only image files named as the build
 * names them (site/src/lib/cms.ts), each with the type of its extension, sandboxed.
 */
import { readFileSync, realpathSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'

/**
 * The site's pages load only their own files. The search page runs Pagefind, whose index is
 * read by WebAssembly; no page has inline scripts or styles (astro.config: stylesheets linked).
 */
const SITE_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')
/** An image file opened on its own loads nothing and runs nothing. */
const MEDIA_POLICY = "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox"
/** Chromium shows a PDF only outside a sandbox; it still loads nothing and cannot be framed. */
const PDF_POLICY = "default-src 'none'; frame-ancestors 'none'"

/** The image types the build copies under /media/, by the extension it gives them. */
const MEDIA_TYPES = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  // A post's attachments (an official document's PDF).
  pdf: 'application/pdf',
}
const MEDIA_PATH = /^\/media\/[A-Za-z0-9]+\/[a-z0-9-]+\.(jpg|png|webp|gif|avif|pdf)$/

/** Extensions whose type sirv knows; anything else is sent as bytes to download, never sniffed. */
const KNOWN_EXTENSIONS = new Set([
  ...Object.keys(MEDIA_TYPES),
  ...['html', 'css', 'js', 'mjs', 'json', 'xml', 'txt', 'wasm', 'svg', 'ico', 'woff', 'woff2'],
])

export function securityHeaders(siteURL = '') {
  return {
    'Content-Security-Policy': SITE_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(siteURL.startsWith('https://') && {
      'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
    }),
  }
}

function setFileHeaders(res, pathname) {
  const extension = path.extname(pathname).slice(1).toLowerCase()
  if (pathname.startsWith('/media/')) {
    res.setHeader('Content-Type', MEDIA_TYPES[extension])
    res.setHeader('Content-Security-Policy', extension === 'pdf' ? PDF_POLICY : MEDIA_POLICY)
  } else if (!KNOWN_EXTENSIONS.has(extension) && !pathname.endsWith('/')) {
    res.setHeader('Content-Type', 'application/octet-stream')
  }
}

/** `siteURL`: the address the public uses (HSTS is sent only when it is https). */
export function serveSite(liveLink, port, { siteURL = process.env.SITE_URL } = {}) {
  let current = null
  let files = null
  const headers = securityHeaders(siteURL)
  const handlerFor = () => {
    const target = realpathSync(liveLink)
    if (target !== current) {
      current = target
      files = sirv(target, { dev: false, etag: true, setHeaders: setFileHeaders })
    }
    return files
  }
  const notFoundPage = () => {
    try {
      return readFileSync(path.join(current, '404.html'))
    } catch {
      return 'Không tìm thấy trang'
    }
  }
  const notFound = (res) => {
    res.statusCode = 404
    res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(notFoundPage())
  }
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    const { pathname } = new URL(req.url ?? '/', 'http://site')
    let decoded
    try {
      decoded = decodeURI(pathname)
    } catch {
      return notFound(res)
    }
    // Only the build's own image names: no other file, spelling or extension under /media/.
    if (decoded.startsWith('/media/') && !MEDIA_PATH.test(decoded)) {
      handlerFor()
      return notFound(res)
    }
    handlerFor()(req, res, () => notFound(res))
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, 'localhost', () => resolve(server))
  })
}
