/**
 * The shipped nginx configuration (scripts/production/giathuong.nginx.conf) rendered for a run on
 * this machine: loopback ports, a self-signed certificate for both names, a data folder of the
 * run's own. nginx runs in the foreground in a folder of its own (pid, logs, temp files), never
 * as the system's nginx. Used by the operations suite and the memory benchmark.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import tls from 'node:tls'

import { ROOT } from './env.mjs'

export const SITE_NAME = 'truong.example.edu.vn'
export const CMS_NAME = 'quantri.truong.example.edu.vn'
export const SHIPPED_CONFIG = path.join(ROOT, 'scripts', 'production', 'giathuong.nginx.conf')
export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'

/**
 * @typedef {object} ProxyPlace
 * @property {string} dir nginx's pid, logs, temp files and rendered configuration
 * @property {number} httpsPort
 * @property {number} httpPort
 * @property {number} cmsPort
 * @property {string} dataDir the data folder whose `site` link nginx serves
 *
 * @typedef {object} Certificate
 * @property {string} cert
 * @property {string} key
 * @property {string} pem the certificate's text, a client's only trusted authority
 */

/** A self-signed certificate for both names, made by openssl. @returns {Certificate} */
export function selfSignedCertificate(dir) {
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  const subject = `subjectAltName=DNS:${SITE_NAME},DNS:${CMS_NAME}`
  const made = spawnSync('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
    ...['-subj', `/CN=${SITE_NAME}`, '-addext', subject, '-keyout', key, '-out', cert],
  ])
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr.toString()}`)
  return { cert, key, pem: readFileSync(cert, 'utf8') }
}

/**
 * The shipped server blocks with this run's ports, certificate and folders. Every value the file
 * names is replaced and checked gone: a changed shipped file fails here, not silently.
 * @param {ProxyPlace} place
 * @param {Certificate} certificate
 */
export function renderSiteConfig(place, certificate) {
  const shipped = readFileSync(SHIPPED_CONFIG, 'utf8')
  const rendered = shipped
    .replace(/^\s*listen \[::\]:.*$/gm, '')
    .replaceAll('listen 80;', `listen 127.0.0.1:${place.httpPort};`)
    .replaceAll('listen 443 ', `listen 127.0.0.1:${place.httpsPort} `)
    .replace(/\/etc\/letsencrypt\/live\/[^/]+\/fullchain\.pem/g, certificate.cert)
    .replace(/\/etc\/letsencrypt\/live\/[^/]+\/privkey\.pem/g, certificate.key)
    .replaceAll('/var/lib/giathuong/site', path.join(place.dataDir, 'site'))
    .replaceAll('/var/www/letsencrypt', path.join(place.dir, 'acme'))
    .replaceAll('http://127.0.0.1:3000', `http://127.0.0.1:${place.cmsPort}`)
  for (const left of ['/etc/letsencrypt', '/var/lib/giathuong', ':3000', 'listen 443', 'listen 80'])
    if (rendered.includes(left)) throw new Error(`rendering left ${left} in the nginx config`)
  return rendered
}

/**
 * nginx's main file around the server blocks: everything in `place.dir`, nothing system-wide.
 * @param {ProxyPlace} place
 * @param {string} serverBlocks
 */
export function writeNginxConfig(place, serverBlocks) {
  for (const sub of ['tmp', 'acme']) mkdirSync(path.join(place.dir, sub), { recursive: true })
  const sites = path.join(place.dir, 'giathuong.conf')
  writeFileSync(sites, serverBlocks)
  const isRoot = process.getuid?.() === 0
  const main = path.join(place.dir, 'nginx.conf')
  const temp = (name) => `  ${name}_temp_path ${path.join(place.dir, 'tmp', name)};`
  writeFileSync(
    main,
    [
      // The run's folders are private to root (mkdtemp): the workers read them as root.
      isRoot ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${path.join(place.dir, 'nginx.pid')};`,
      `error_log ${path.join(place.dir, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      `  access_log ${path.join(place.dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp),
      `  include ${sites};`,
      '}',
      '',
    ].join('\n'),
  )
  return main
}

/** @param {ProxyPlace} place @param {string} main */
function nginxArgs(place, main) {
  return ['-p', place.dir, '-e', path.join(place.dir, 'error.log'), '-c', main]
}

/**
 * `nginx -t`: the proxy's own configuration test.
 * @param {ProxyPlace} place
 * @param {string} main
 */
export function testNginxConfig(place, main) {
  const result = spawnSync(NGINX, [...nginxArgs(place, main), '-t'])
  return { ok: result.status === 0, output: result.stderr.toString() + result.stdout.toString() }
}

/**
 * nginx in the foreground (daemon off); ready once its TLS port answers.
 * @param {ProxyPlace} place
 * @param {string} main
 */
export async function startNginx(place, main) {
  const child = spawn(NGINX, [...nginxArgs(place, main), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const keep = (chunk) => (log += chunk.toString())
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGQUIT')
    await exited
  }
  const deadline = Date.now() + 15_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${log}`)
    const listening = await new Promise((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: place.httpsPort,
        servername: SITE_NAME,
        rejectUnauthorized: false,
      })
      socket.once('secureConnect', () => {
        socket.destroy()
        resolve(true)
      })
      socket.once('error', () => resolve(false))
    })
    if (listening) break
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`nginx did not listen on ${place.httpsPort}: ${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { child, output: () => log, stop }
}
