/**
 * One SQLite write transaction for a piece of work that writes many rows (a grid's save, the
 * demo's seed). The application runs SQLite without Payload's transactions (see ../db.ts), so each
 * insert is otherwise a commit of its own and waits for the disk: ≈ 200 commits for a 35-pupil
 * grid, seconds on a busy machine. Here the rows commit once, and all together or none.
 *
 * The process has one connection to the file: work of other requests that runs meanwhile joins
 * the transaction (and is committed with it). Such pieces of work therefore run one at a time,
 * and callers check everything before they start writing, so a rollback is for the unexpected.
 * Other databases just run the work (MongoDB's transactions are `inTransaction`'s).
 */
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

let queue: Promise<unknown> = Promise.resolve()

export async function inOneSqliteWrite<T>(payload: Payload, work: () => Promise<T>): Promise<T> {
  if (payload.db.name !== 'sqlite') return work()
  const { client } = payload.db as unknown as SQLiteAdapter
  const run = queue.then(async () => {
    await client.execute('BEGIN IMMEDIATE')
    try {
      const result = await work()
      await client.execute('COMMIT')
      return result
    } catch (error) {
      await client.execute('ROLLBACK')
      throw error
    }
  })
  queue = run.catch(() => undefined)
  return run
}
