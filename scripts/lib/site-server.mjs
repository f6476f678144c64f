/**
 * Serves the live website: `liveLink` points at the newest complete build and is swapped by the
 * CMS after each rebuild, so the folder is looked up again whenever the link changes.
 */
import { readFileSync, realpathSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'

export function serveSite(liveLink, port) {
  let current = null
  let files = null
  const handlerFor = () => {
    const target = realpathSync(liveLink)
    if (target !== current) {
      current = target
      files = sirv(target, { dev: false, etag: true })
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
  const server = http.createServer((req, res) => {
    handlerFor()(req, res, () => {
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/html; charset=utf-8')
      res.end(notFoundPage())
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, 'localhost', () => resolve(server))
  })
}
