/**
 * An HTTPS client for the shipped nginx configuration run on loopback (scripts/lib/nginx.mjs
 * renders and runs it): a request as a browser for one of the two names would make it.
 */
import https from 'node:https'

export {
  CMS_NAME,
  NGINX,
  SITE_NAME,
  renderSiteConfig,
  selfSignedCertificate,
  startNginx,
  testNginxConfig,
  writeNginxConfig,
} from '../../../scripts/lib/nginx.mjs'
export type { Certificate, ProxyPlace } from '../../../scripts/lib/nginx.mjs'

export type RunningNginx = Awaited<
  ReturnType<typeof import('../../../scripts/lib/nginx.mjs').startNginx>
>

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
