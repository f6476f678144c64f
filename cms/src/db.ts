/**
 * The database is chosen by DATABASE_URL: an embedded SQLite file by default, MongoDB in
 * production. Nothing else in the CMS knows which one is in use.
 */
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from './migrations'

export const DEFAULT_DATABASE_URL = 'file:./data/school.db'

export function isMongoUrl(url: string): boolean {
  return url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')
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
      migrationDir,
    })
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or mongodb:// / mongodb+srv:// (MongoDB); got "${url.split(':')[0]}:…"`,
  )
}
