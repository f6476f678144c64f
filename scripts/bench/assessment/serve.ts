/**
 * Serves the CMS's real REST route handlers (the functions Next serves under /api, as
 * tests/int/support/rest.ts calls them) over HTTP on BENCH_PORT, for the assessment benchmark.
 * Each answer carries what the database did for it, counted at the SQLite client (every
 * statement Payload's Drizzle sends, one by one or in a batch):
 *   X-Bench-Sql-Statements  how many statements
 *   X-Bench-Sql-Ms          the time spent waiting for them
 *   X-Bench-Cpu-Ms          the CPU time of this process while it answered (user + system:
 *                           steadier than wall time when other work shares the machine)
 * A request with `X-Bench-Trace: 1` also writes its statements, each with its time, to stdout
 * (`BENCH_SQL …` lines), for the profile. Requests are counted one at a time: the benchmark sends them in sequence.
 * A request with `X-Bench-Stream: 1` gets its answer streamed as the handler writes it, and its
 * counts on a `BENCH_STREAMED …` line; `GET /__bench/memory` collects garbage (node run with
 * --expose-gc) and answers process.memoryUsage() (the documents benchmark's memory figure).
 *
 *   DATABASE_URL=file:… PAYLOAD_SECRET=… BENCH_PORT=3320 tsx scripts/bench/assessment/serve.ts
 */
import http from 'node:http'
import { getPayload } from 'payload'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const config = (await import('@payload-config')).default
const payload = await getPayload({ config })
const handlers = {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  DELETE: REST_DELETE(config),
}
type Method = keyof typeof handlers

interface Statement {
  sql: string
}
interface LibsqlClient {
  execute: (statement: unknown, ...rest: unknown[]) => Promise<unknown>
  batch: (statements: unknown[], ...rest: unknown[]) => Promise<unknown>
}

const counter = { statements: 0, ms: 0, trace: null as string[] | null }
const traced = (ms: number, sql: string) => `${ms.toFixed(2)} ms ${sql}`
const sqlOf = (statement: unknown) =>
  typeof statement === 'string' ? statement : ((statement as Statement)?.sql ?? String(statement))

const client = (payload.db as unknown as { client?: LibsqlClient }).client
if (!client) throw new Error('The assessment benchmark counts SQL statements on SQLite only.')
const execute = client.execute.bind(client)
const batch = client.batch.bind(client)
client.execute = async (statement, ...rest) => {
  counter.statements += 1
  const started = performance.now()
  try {
    return await execute(statement, ...rest)
  } finally {
    const ms = performance.now() - started
    counter.ms += ms
    counter.trace?.push(traced(ms, sqlOf(statement)))
  }
}
client.batch = async (statements, ...rest) => {
  counter.statements += statements.length
  const started = performance.now()
  try {
    return await batch(statements, ...rest)
  } finally {
    const ms = performance.now() - started
    counter.ms += ms
    counter.trace?.push(
      traced(ms, `batch of ${statements.length}: ${statements.map(sqlOf).join('; ')}`),
    )
  }
}

// An experiment, not the product's setting: e.g. BENCH_SQLITE_PRAGMAS="journal_mode=WAL;
// synchronous=NORMAL" measures what SQLite's write-ahead log would change (see the README).
for (const pragma of (process.env.BENCH_SQLITE_PRAGMAS ?? '').split(';').filter(Boolean))
  console.log(
    `BENCH_PRAGMA ${pragma}: ${JSON.stringify((await execute(`PRAGMA ${pragma}`)) as object)}`,
  )

const server = http.createServer(async (incoming, outgoing) => {
  try {
    const chunks: Buffer[] = []
    for await (const chunk of incoming) chunks.push(chunk as Buffer)
    const url = new URL(incoming.url ?? '/', 'http://localhost')
    const method = (incoming.method ?? 'GET') as Method
    const headers = new Headers()
    for (const [key, value] of Object.entries(incoming.headers))
      if (typeof value === 'string') headers.set(key, value)
    const body = chunks.length > 0 && method !== 'GET' ? Buffer.concat(chunks) : undefined
    const slug = url.pathname.replace(/^\/api\//, '').split('/')
    counter.statements = 0
    counter.ms = 0
    counter.trace = headers.get('x-bench-trace') === '1' ? [] : null
    const cpuBefore = process.cpuUsage()
    const startedAt = performance.now()
    if (url.pathname === '/__bench/memory') {
      // The documents benchmark's baseline before a memory figure: collect garbage (when node
      // runs with --expose-gc), then say what the process holds.
      const collect = (globalThis as { gc?: () => void }).gc
      collect?.()
      collect?.()
      outgoing.writeHead(200, { 'content-type': 'application/json' })
      outgoing.end(JSON.stringify({ collected: Boolean(collect), ...process.memoryUsage() }))
      return
    }
    const response = await handlers[method](new Request(url, { method, headers, body }), {
      params: Promise.resolve({ slug }),
    })
    if (headers.get('x-bench-stream') === '1' && response.body) {
      // Passed on chunk by chunk as the handler makes them (a class's PDF is streamed), so the
      // server's memory is the handler's, not a copy of the whole file; the counts come after,
      // on a `BENCH_STREAMED` line.
      // When the handler answered, and when its first bytes came: a stream's first page should
      // come long before its last.
      const answeredMs = performance.now() - startedAt
      let firstChunkMs = -1
      let chunks = 0
      outgoing.writeHead(response.status, Object.fromEntries(response.headers))
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        if (chunks === 0) firstChunkMs = performance.now() - startedAt
        chunks += 1
        if (!outgoing.write(chunk)) await new Promise((resolve) => outgoing.once('drain', resolve))
      }
      outgoing.end()
      const cpu = process.cpuUsage(cpuBefore)
      const cpuMs = ((cpu.user + cpu.system) / 1000).toFixed(2)
      console.log(
        `BENCH_STREAMED ${url.pathname} statements=${counter.statements} ` +
          `sqlMs=${counter.ms.toFixed(2)} cpuMs=${cpuMs} answeredMs=${answeredMs.toFixed(1)} ` +
          `firstChunkMs=${firstChunkMs.toFixed(1)} chunks=${chunks}`,
      )
      counter.trace = null
      return
    }
    const answer = Buffer.from(await response.arrayBuffer())
    const cpu = process.cpuUsage(cpuBefore)
    const outHeaders = Object.fromEntries(response.headers)
    outHeaders['x-bench-sql-statements'] = String(counter.statements)
    outHeaders['x-bench-sql-ms'] = counter.ms.toFixed(2)
    outHeaders['x-bench-cpu-ms'] = ((cpu.user + cpu.system) / 1000).toFixed(2)
    if (counter.trace)
      for (const sql of counter.trace)
        console.log(`BENCH_SQL ${url.pathname} ${sql.replace(/\s+/g, ' ')}`)
    counter.trace = null
    outgoing.writeHead(response.status, outHeaders)
    outgoing.end(answer)
  } catch (error) {
    console.error(error)
    outgoing.writeHead(500, { 'content-type': 'text/plain' })
    outgoing.end(String(error))
  }
})
// Idle connections are kept longer than the client keeps them (undici: 4 s), so the server never
// closes one the client is just reusing (an ECONNRESET after a long answer held up the loop).
server.keepAliveTimeout = 30_000
const port = Number(process.env.BENCH_PORT || 3320)
// With the process id: tsx runs this file in a child process, whose memory the documents
// benchmark samples.
server.listen(port, '127.0.0.1', () =>
  console.log(`BENCH_READY http://127.0.0.1:${port} pid=${process.pid}`),
)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    server.close()
    void payload.destroy().finally(() => process.exit(0))
  })
