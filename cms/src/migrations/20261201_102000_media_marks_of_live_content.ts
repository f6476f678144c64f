import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

import { markAllLiveMedia } from '../media/public-use'

/**
 * Written by hand (data only, no schema): files stored before the marks of what the website
 * shows existed get them from what is live now, so the public and the site's build still read
 * them. A fresh database has nothing to mark.
 */
export async function up({ req }: MigrateUpArgs): Promise<void> {
  await markAllLiveMedia(req)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The marks are derived from what is live; the schema migration before this one drops them.
}
