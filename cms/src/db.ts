/**
 * The database is chosen by DATABASE_URL: an embedded SQLite file by default, MongoDB in
 * production. Nothing else in the CMS knows which one is in use.
 */
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter, type SQLiteSchemaHook } from '@payloadcms/db-sqlite'
import { index } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from './migrations'

export const DEFAULT_DATABASE_URL = 'file:./data/school.db'

export function isMongoUrl(url: string): boolean {
  return url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')
}

/**
 * Payload keeps the values of a `hasMany` text or number field (a post's tags) in a side table
 * indexed on (order, parent_id) only. Reading posts looks those values up by parent_id for every
 * post the query touches (before sorting and paging), so without an index on parent_id a page of
 * 100 posts scanned the whole tags table once per post: 2.6 s a page with 5,000 posts, time
 * growing with the square of the number of posts. This adds that index to each such table.
 */
export const indexValueTablesByParent: SQLiteSchemaHook = ({ schema, extendTable }) => {
  for (const [name, table] of Object.entries(schema.tables)) {
    if (!/_(texts|numbers)$/.test(name) || !table.parent) continue
    extendTable({
      table,
      extraConfig: (t) => ({ parentIdx: index(`${name}_parent_idx`).on(t.parent) }),
    })
  }
  return schema
}

export function databaseAdapter(
  migrationDir: string,
  url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): DatabaseAdapterObj {
  if (isMongoUrl(url)) {
    // Transactions need a replica set; on a standalone server Payload runs without them.
    return mongooseAdapter({ url })
  }
  if (url.startsWith('file:')) {
    return sqliteAdapter({
      client: { url },
      // Transactions stay off, as Payload advises for SQLite: with them on, a long write (the
      // import, the seed) holds the file's lock and concurrent writers fail with SQLITE_BUSY —
      // seen here, including a commit lost while the site builder was reading. Where a change
      // must not survive its audit entry, audit/hooks undoes it by hand (see there).
      // Committed migrations (src/migrations) build a fresh database under `next start`.
      prodMigrations: migrations,
      // AUTOINCREMENT keys: SQLite otherwise gives a new row the id of the newest deleted one,
      // and the audit log's history of that id would mix two children (or two staff). MongoDB's
      // ObjectIds are never reused.
      autoIncrement: true,
      // Another process reading the file (the backup's online copy, scripts/lib/backup.mjs, or
      // the sqlite3 shell) holds a shared lock for a moment; without a wait a write meeting it
      // failed at once with SQLITE_BUSY (a 500 to the user). Writers now wait for it instead.
      busyTimeout: 10_000,
      migrationDir,
      afterSchemaInit: [indexValueTablesByParent],
    })
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or mongodb:// / mongodb+srv:// (MongoDB); got "${url.split(':')[0]}:…"`,
  )
}
