/**
 * Work on one thing (a post) one piece at a time in this process. A workflow step reads the
 * post's stage, checks the step against it and writes the next stage; the database gives no
 * transaction to do that in (SQLite runs without Payload's transactions, see ../db.ts; MongoDB
 * without a replica set has none), so two steps at once both read the same stage and both
 * write: two reviewers accepting, or one accepting while another returns, both "succeeded" and
 * the post's history no longer led to its stage (found by the load benchmark's situation,
 * tests/int/workflow-concurrency.int.test.ts). The CMS runs as one process (scripts/serve.mjs),
 * so a queue per key in its memory makes the read and the write one step.
 *
 * Work must not wait, inside, for other work on the same key: that would wait for itself.
 */
const queues = new Map<string, Promise<void>>()

export async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve()
  const run = before.then(work)
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(key, settled)
  try {
    return await run
  } finally {
    // The last in line leaves no entry behind.
    if (queues.get(key) === settled) queues.delete(key)
  }
}
