/**
 * The shipped reverse proxy (scripts/production/giathuong.nginx.conf, issue 13 point 3): its own
 * configuration test passes on the shipped file and fails on a broken one; then nginx, run on
 * loopback in front of the production start (scripts/serve.mjs with SCHOOL_ENV=production),
 * serves the website itself from the folder the CMS builds, with the site server's headers and
 * /media/ rules, and proxies the CMS only on its own origin.
 */
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { waitFor } from '../../scripts/lib/processes.mjs'
import { securityHeaders } from '../../scripts/lib/site-server.mjs'
import { DEMO_PASSWORD, demoSchool, startProduct, type RunningProduct } from './support/product'
import {
  CMS_NAME,
  NGINX,
  SITE_NAME,
  renderSiteConfig,
  requestAs,
  selfSignedCertificate,
  startNginx,
  testNginxConfig,
  writeNginxConfig,
  type Certificate,
  type ProxyPlace,
  type RunningNginx,
} from './support/production-proxy'

const CMS_PORT = 3342
const TEMPLATE_PORT = 3340
const HTTPS_PORT = 8440
const HTTP_PORT = 8441

const folders: string[] = []
let product: RunningProduct | undefined
let nginx: RunningNginx | undefined
let certificate: Certificate
let place: ProxyPlace

const site = (pathname: string) =>
  requestAs(SITE_NAME, HTTPS_PORT, pathname, { ca: certificate.pem })
const cms = (pathname: string, options: Parameters<typeof requestAs>[3] = {}) =>
  requestAs(CMS_NAME, HTTPS_PORT, pathname, { ca: certificate.pem, ...options })

function folder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix))
  folders.push(dir)
  return dir
}

/** The first image the build copied under /media/ (the demo school's posts have photos). */
function firstMediaFile(liveDir: string): string {
  const mediaDir = path.join(liveDir, 'media')
  for (const hash of readdirSync(mediaDir))
    for (const file of readdirSync(path.join(mediaDir, hash))) return `/media/${hash}/${file}`
  throw new Error('the demo site has no media')
}

beforeAll(async () => {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx-light`)
  const dataDir = await demoSchool(TEMPLATE_PORT)
  folders.push(dataDir)
  const dir = folder('school-nginx-')
  place = { dir, httpsPort: HTTPS_PORT, httpPort: HTTP_PORT, cmsPort: CMS_PORT, dataDir }
  certificate = selfSignedCertificate(dir)
})

afterAll(async () => {
  await nginx?.stop()
  await product?.stop()
  for (const dir of folders) rmSync(dir, { recursive: true, force: true })
})

describe('the shipped nginx configuration', () => {
  it("passes nginx's own configuration test", () => {
    const main = writeNginxConfig(place, renderSiteConfig(place, certificate))
    const result = testNginxConfig(place, main)
    expect(result.output).toContain('syntax is ok')
    expect(result.ok).toBe(true)
  })

  it('fails the configuration test when broken: a lost brace, a missing certificate', () => {
    const broken = folder('school-nginx-broken-')
    const brokenPlace = { ...place, dir: broken }
    const rendered = renderSiteConfig(brokenPlace, certificate)
    const lostBrace = writeNginxConfig(brokenPlace, rendered.replace(/}\s*$/, ''))
    const unbalanced = testNginxConfig(brokenPlace, lostBrace)
    expect(unbalanced.ok).toBe(false)
    expect(unbalanced.output).toMatch(/unexpected end of file/)

    const missing = { ...certificate, cert: path.join(broken, 'no-such-cert.pem') }
    const noCertificate = writeNginxConfig(brokenPlace, renderSiteConfig(brokenPlace, missing))
    const result = testNginxConfig(brokenPlace, noCertificate)
    expect(result.ok).toBe(false)
    expect(result.output).toContain('no-such-cert.pem')
  })
})

describe('nginx in front of the production start, over HTTPS', () => {
  beforeAll(async () => {
    const copiedBuild = realpathSync(path.join(place.dataDir, 'site'))
    product = await startProduct({
      dataDir: place.dataDir,
      port: CMS_PORT,
      waitForSite: true,
      env: {
        SCHOOL_ENV: 'production',
        PAYLOAD_SECRET: 'ops-test-secret-of-at-least-thirty-two-characters',
        SERVER_URL: `https://${CMS_NAME}:${HTTPS_PORT}`,
        SITE_URL: `https://${SITE_NAME}:${HTTPS_PORT}`,
        TRUSTED_PROXIES: '1',
      },
    })
    // The start rebuilds the website for its https address: test on that build, not the copy's.
    await waitFor(
      () => realpathSync(path.join(place.dataDir, 'site')) !== copiedBuild,
      'the website built at start',
      240_000,
      product.child,
    )
    nginx = await startNginx(place, writeNginxConfig(place, renderSiteConfig(place, certificate)))
  })

  it("serves the website's pages from the static folder with the site's security headers", async () => {
    const home = await site('/')
    expect(home.status).toBe(200)
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(home.body).toContain('lang="vi"')
    const expected = securityHeaders(`https://${SITE_NAME}`)
    for (const [name, value] of Object.entries(expected))
      expect(home.headers[name.toLowerCase()], name).toBe(value)
    expect(home.headers.server).toBe('nginx')

    // A page the build wrote, and the same page as the CMS swaps a new build in: read from disk.
    const liveDir = path.join(place.dataDir, 'site')
    writeFileSync(path.join(liveDir, 'proxy-probe.txt'), 'from the live build')
    const probe = await site('/proxy-probe.txt')
    expect(probe.body).toBe('from the live build')

    const missing = await site('/khong-co-trang-nay/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('lang="vi"')
    expect(missing.headers['content-security-policy']).toBe(expected['Content-Security-Policy'])
  })

  it('proxies nothing on the website origin: no /api, no /admin', async () => {
    for (const pathname of ['/api/users/me', '/api/globals/school-profile', '/admin', '/admin/']) {
      const answer = await site(pathname)
      expect(answer.status, pathname).toBe(404)
      expect(answer.headers['content-type'], pathname).toBe('text/html; charset=utf-8')
      expect(answer.body, pathname).not.toContain('"errors"')
    }
    const login = await requestAs(SITE_NAME, HTTPS_PORT, '/api/users/login', {
      ca: certificate.pem,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'principal@demo.giathuong.edu.vn', password: DEMO_PASSWORD }),
    })
    expect(login.status).not.toBe(200)
    expect(login.body).not.toContain('token')
  })

  it("serves only the build's own image names under /media/, sandboxed", async () => {
    const liveDir = path.join(place.dataDir, 'site')
    const image = firstMediaFile(liveDir)
    const answer = await site(image)
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^image\/(jpeg|png|webp|gif|avif)$/)
    expect(answer.headers['content-security-policy']).toBe(
      "default-src 'none'; img-src 'self'; frame-ancestors 'none'; sandbox",
    )
    expect(answer.headers['x-content-type-options']).toBe('nosniff')
    expect(answer.headers['strict-transport-security']).toContain('max-age=')

    // Files that exist in the build's media folder but are not named as the build names images.
    const folderOf = path.dirname(path.join(liveDir, image))
    writeFileSync(path.join(folderOf, 'page.html'), '<script>alert(1)</script>')
    writeFileSync(path.join(folderOf, 'drawing.svg'), '<svg onload="alert(1)"/>')
    writeFileSync(path.join(folderOf, 'PHOTO.JPG'), 'not an image')
    const base = path.posix.dirname(image)
    for (const name of ['page.html', 'drawing.svg', 'PHOTO.JPG', '']) {
      const refused = await site(`${base}/${name}`)
      expect(refused.status, name).toBe(404)
      expect(refused.body, name).not.toContain('alert(1)')
    }
    // A dot file anywhere is never served.
    writeFileSync(path.join(liveDir, '.hidden'), 'secret')
    expect((await site('/.hidden')).status).toBe(404)
    // An extension the site does not use is bytes to download, never sniffed into a page.
    writeFileSync(path.join(liveDir, 'unknown.xyz'), '<script>alert(1)</script>')
    const unknown = await site('/unknown.xyz')
    expect(unknown.headers['content-type']).toBe('application/octet-stream')
    expect(unknown.headers['x-content-type-options']).toBe('nosniff')
  })

  it('proxies the admin and the API on the CMS origin only', async () => {
    const profile = await cms('/api/globals/school-profile')
    expect(profile.status).toBe(200)
    expect(profile.headers['content-type']).toContain('application/json')
    expect(profile.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')

    const login = await cms('/api/users/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'principal@demo.giathuong.edu.vn', password: DEMO_PASSWORD }),
    })
    expect(login.status).toBe(200)
    // Behind https the session cookie is Secure and never sent over plain http.
    expect(login.headers['set-cookie']).toMatch(/;\s*Secure/i)
    const { token } = JSON.parse(login.body) as { token: string }
    const me = await cms('/api/users/me', { headers: { Authorization: `JWT ${token}` } })
    expect(JSON.parse(me.body).user.email).toBe('principal@demo.giathuong.edu.vn')

    const admin = await cms('/admin/login')
    expect(admin.status).toBe(200)
    expect(admin.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    // The website's files are not on the admin's origin.
    expect((await cms('/proxy-probe.txt')).body).not.toBe('from the live build')
  })

  it('answers no other name on 443, and sends plain http to https', async () => {
    const handshake = await new Promise<string>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: HTTPS_PORT,
        servername: 'other.example.org',
        ca: certificate.pem,
      })
      socket.once('secureConnect', () => resolve(socket.destroy() && 'connected'))
      socket.once('error', (error) => resolve(error.message))
    })
    expect(handshake).toMatch(/unrecognized name|alert/i)

    const redirect = await new Promise<{ status?: number; location?: string }>(
      (resolve, reject) => {
        http
          .get(
            { host: '127.0.0.1', port: HTTP_PORT, path: '/tin-tuc/', headers: { Host: SITE_NAME } },
            (response) => {
              response.resume()
              resolve({ status: response.statusCode, location: response.headers.location })
            },
          )
          .on('error', reject)
      },
    )
    expect(redirect).toEqual({ status: 301, location: `https://${SITE_NAME}/tin-tuc/` })
  })
})
