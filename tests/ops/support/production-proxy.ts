/**
 * The shipped nginx configuration (scripts/production/giathuong.nginx.conf) rendered for a test:
 * loopback ports, a self-signed certificate for both names, a data folder of the test's own.
 * nginx runs as a foreground process in a folder of its own (pid, logs, temp files), never as
 * the system's nginx.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import path from 'node:path'
import tls from 'node:tls'

import { ROOT } from '../../../scripts/lib/env.mjs'

export const SITE_NAME = 'truong.example.edu.vn'
export const CMS_NAME = 'quantri.truong.example.edu.vn'
export const SHIPPED_CONFIG = path.join(ROOT, 'scripts', 'production', 'giathuong.nginx.conf')
export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'

export interface ProxyPlace {
  /** A folder for nginx's pid, logs, temp files and the rendered configuration. */
  dir: string
  httpsPort: number
  httpPort: number
  cmsPort: number
  /** The data folder whose `site` link nginx serves. */
  dataDir: string
}

export interface Certificate {
  cert: string
  key: string
  /** PEM text, given to the client as its only trusted authority. */
  pem: string
}

/** A self-signed certificate for both names, made by openssl. */
export function selfSignedCertificate(dir: string): Certificate {
  const cert = path.join(dir, 'cert.pem')
  const key = path.join(dir, 'key.pem')
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${SITE_NAME}`,
    '-addext',
    `subjectAltName=DNS:${SITE_NAME},DNS:${CMS_NAME}`,
    '-keyout',
    key,
    '-out',
    cert,
  ])
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr.toString()}`)
  return { cert, key, pem: readFileSync(cert, 'utf8') }
}

/**
 * The shipped server blocks with the test's ports, certificate and folders. Every value the
 * file names is replaced and checked gone: a changed shipped file fails here, not silently.
 */
export function renderSiteConfig(place: ProxyPlace, certificate: Certificate): string {
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

/** nginx's main file around the server blocks: everything in `dir`, nothing system-wide. */
export function writeNginxConfig(place: ProxyPlace, serverBlocks: string): string {
  for (const sub of ['tmp', 'acme']) mkdirSync(path.join(place.dir, sub), { recursive: true })
  const sites = path.join(place.dir, 'giathuong.conf')
  writeFileSync(sites, serverBlocks)
  const isRoot = process.getuid?.() === 0
  const main = path.join(place.dir, 'nginx.conf')
  const temp = (name: string) => `${name}_temp_path ${path.join(place.dir, 'tmp', name)};`
  writeFileSync(
    main,
    [
      // The test's folders are private to root (mkdtemp): the workers read them as root.
      isRoot ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${path.join(place.dir, 'nginx.pid')};`,
      `error_log ${path.join(place.dir, 'error.log')} warn;`,
      'events { worker_connections 128; }',
      'http {',
      `  access_log ${path.join(place.dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `  ${temp(name)}`),
      `  include ${sites};`,
      '}',
      '',
    ].join('\n'),
  )
  return main
}

function nginxArgs(place: ProxyPlace, main: string): string[] {
  return ['-p', place.dir, '-e', path.join(place.dir, 'error.log'), '-c', main]
}

/** `nginx -t`: the proxy's own configuration test. */
export function testNginxConfig(place: ProxyPlace, main: string) {
  const result = spawnSync(NGINX, [...nginxArgs(place, main), '-t'])
  return { ok: result.status === 0, output: result.stderr.toString() + result.stdout.toString() }
}

export interface RunningNginx {
  child: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

/** nginx in the foreground (daemon off); ready once its TLS port answers. */
export async function startNginx(place: ProxyPlace, main: string): Promise<RunningNginx> {
  const child = spawn(NGINX, [...nginxArgs(place, main), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGQUIT')
    await exited
  }
  const deadline = Date.now() + 15_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${log}`)
    const listening = await new Promise<boolean>((resolve) => {
      const socket = tls.connect({
        host: '127.0.0.1',
        port: place.httpsPort,
        servername: SITE_NAME,
        rejectUnauthorized: false,
      })
      socket.once('secureConnect', () => resolve(socket.destroy() && true))
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

export interface ProxyAnswer {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * One request to 127.0.0.1 as a browser for `name` would make it: SNI and Host say the name, the
 * certificate is checked against the test's own authority.
 */
export function requestAs(
  name: string,
  port: number,
  pathname: string,
  options: { ca?: string; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<ProxyAnswer> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port,
        path: pathname,
        method: options.method ?? 'GET',
        servername: name,
        ca: options.ca,
        headers: { Host: `${name}:${port}`, ...options.headers },
        agent: false,
      },
      (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => {
          const headers: Record<string, string> = {}
          for (const [key, value] of Object.entries(response.headers))
            if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value
          resolve({ status: response.statusCode ?? 0, headers, body })
        })
      },
    )
    request.on('error', reject)
    request.end(options.body)
  })
}
