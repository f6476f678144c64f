import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

/**
 * Written by hand (data only): accounts that existed before passwords had an age get the day of
 * this upgrade as the day their password was set, so that a school upgrading is not locked out
 * at once (their age would otherwise count from when each account was made).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`UPDATE users SET password_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE password_changed_at IS NULL;`,
  )
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The column goes with the schema migration before this one.
}
