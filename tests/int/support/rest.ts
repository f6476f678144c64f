/**
 * Calls the CMS's real REST route handlers (the same functions Next serves under /api) with real
 * HTTP Request objects: logins, cookies and JSON bodies as a browser would send them.
 */
import config from '@payload-config'
import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}

const BASE = 'http://localhost:3000/api'

type Method = keyof typeof handlers

let clientCount = 0
/**
 * A client address of its own for each test client, sent as Next sends the socket's address
 * (X-Forwarded-For): logins are throttled per address, and each client plays one browser.
 */
function nextClientAddress(): string {
  clientCount += 1
  return `10.0.${Math.floor(clientCount / 250)}.${(clientCount % 250) + 1}`
}

export interface RestResponse {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, checked by each test
  body: any
}

export class RestClient {
  private token?: string

  constructor(
    private readonly language: 'vi' | 'en' = 'vi',
    readonly address: string = nextClientAddress(),
  ) {}

  /** The raw Response, for downloads. */
  async raw(
    method: Method,
    path: string,
    body?: string | Uint8Array,
    contentType = 'application/json',
  ): Promise<Response> {
    const url = new URL(BASE + path)
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      Cookie: `payload-lng=${this.language}`,
      'X-Forwarded-For': this.address,
    }
    if (this.token) headers.Authorization = `JWT ${this.token}`
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    return handlers[method](
      new Request(url, { method, headers, body: body as BodyInit | undefined }),
      { params: Promise.resolve({ slug }) },
    )
  }

  async request(
    method: Method,
    path: string,
    body?: unknown,
    rawBody?: string,
  ): Promise<RestResponse> {
    const response = await this.raw(
      method,
      path,
      rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
    )
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON: keep the text for the assertion message.
    }
    return { status: response.status, body: parsed }
  }

  async login(email: string, password: string): Promise<RestResponse> {
    const response = await this.request('POST', '/users/login', { email, password })
    if (response.status === 200) this.token = response.body.token
    return response
  }

  get = (path: string) => this.request('GET', path)
  post = (path: string, body: unknown) => this.request('POST', path, body)
  patch = (path: string, body: unknown) => this.request('PATCH', path, body)
  delete = (path: string) => this.request('DELETE', path)
}

/**
 * Serves the same route handlers over real HTTP on a loopback port, for code that fetches the
 * CMS by URL (the website's data module). Returns the base URL and a function that stops it.
 */
export async function serveRestOverHttp(): Promise<{ url: string; close: () => Promise<void> }> {
  const http = await import('node:http')
  const server = http.createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const url = new URL(incoming.url ?? '/', 'http://localhost')
    const method = (incoming.method ?? 'GET') as Method
    const headers = new Headers()
    for (const [key, value] of Object.entries(incoming.headers))
      if (typeof value === 'string') headers.set(key, value)
    const body = chunks.length > 0 && method !== 'GET' ? Buffer.concat(chunks) : undefined
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    const response = await handlers[method](new Request(url, { method, headers, body }), {
      params: Promise.resolve({ slug }),
    })
    outgoing.writeHead(response.status, Object.fromEntries(response.headers))
    outgoing.end(Buffer.from(await response.arrayBuffer()))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** Calls the CMS's real GraphQL route handler, logged in through REST like the admin does. */
export class GraphQLClient {
  private readonly rest: RestClient
  private token?: string

  constructor(readonly address: string = nextClientAddress()) {
    this.rest = new RestClient('vi', address)
  }

  async login(email: string, password: string): Promise<RestResponse> {
    const response = await this.rest.login(email, password)
    if (response.status === 200) this.token = response.body.token
    return response
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the API's JSON, checked by each test
  async query(query: string): Promise<any> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'X-Forwarded-For': this.address,
    }
    if (this.token) headers.Authorization = `JWT ${this.token}`
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers,
      body: JSON.stringify({ query }),
    })
    // Made on first use: the handler starts Payload, which must wait for the test's database.
    const response = await GRAPHQL_POST(config)(request)
    return response.json()
  }
}
