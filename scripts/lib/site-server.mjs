/** Serves the built static site, with its own 404 page. */
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import sirv from 'sirv'

export function serveSite(dir, port) {
  const files = sirv(dir, { dev: false, etag: true, gzip: false, brotli: false })
  const notFoundPage = () => {
    try {
      return readFileSync(path.join(dir, '404.html'))
    } catch {
      return 'Không tìm thấy trang'
    }
  }
  const server = http.createServer((req, res) => {
    files(req, res, () => {
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
