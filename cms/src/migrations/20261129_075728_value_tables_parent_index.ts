import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`posts_texts_parent_idx\` ON \`posts_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_texts_parent_idx\` ON \`_posts_v_texts\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_texts_parent_idx\` ON \`audit_log_texts\` (\`parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`posts_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`_posts_v_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX \`audit_log_texts_parent_idx\`;`)
}
