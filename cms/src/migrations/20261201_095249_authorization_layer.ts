import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
// Edited after generation: drizzle-kit leaves ON DELETE out of an added column's foreign key;
// without "set null", deleting an account that created posts would fail on SQLite.

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`media_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`media_rels_order_idx\` ON \`media_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_parent_idx\` ON \`media_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_path_idx\` ON \`media_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_posts_id_idx\` ON \`media_rels\` (\`posts_id\`);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`created_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`posts_created_by_idx\` ON \`posts\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_created_by_id\` integer REFERENCES users(id) ON DELETE set null;`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_by_idx\` ON \`_posts_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`on_website\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`on_school_profile\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`media_on_website_idx\` ON \`media\` (\`on_website\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`media_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_posts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`excerpt\` text,
  	\`content\` text,
  	\`cover_image_id\` integer,
  	\`kind\` text DEFAULT 'news',
  	\`owner_group_id\` integer,
  	\`assignment_id\` integer,
  	\`stage\` text DEFAULT 'draft',
  	\`publish_at\` text,
  	\`published_at\` text,
  	\`return_comment\` text,
  	\`reviewed_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`owner_group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_posts\`("id", "title", "slug", "excerpt", "content", "cover_image_id", "kind", "owner_group_id", "assignment_id", "stage", "publish_at", "published_at", "return_comment", "reviewed_by_id", "approved_by_id", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "excerpt", "content", "cover_image_id", "kind", "owner_group_id", "assignment_id", "stage", "publish_at", "published_at", "return_comment", "reviewed_by_id", "approved_by_id", "updated_at", "created_at", "_status" FROM \`posts\`;`)
  await db.run(sql`DROP TABLE \`posts\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts\` RENAME TO \`posts\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_slug_idx\` ON \`posts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`posts_cover_image_idx\` ON \`posts\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_owner_group_idx\` ON \`posts\` (\`owner_group_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_assignment_idx\` ON \`posts\` (\`assignment_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_stage_idx\` ON \`posts\` (\`stage\`);`)
  await db.run(sql`CREATE INDEX \`posts_reviewed_by_idx\` ON \`posts\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_approved_by_idx\` ON \`posts\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_updated_at_idx\` ON \`posts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_at_idx\` ON \`posts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`posts__status_idx\` ON \`posts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__posts_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_excerpt\` text,
  	\`version_content\` text,
  	\`version_cover_image_id\` integer,
  	\`version_kind\` text DEFAULT 'news',
  	\`version_owner_group_id\` integer,
  	\`version_assignment_id\` integer,
  	\`version_stage\` text DEFAULT 'draft',
  	\`version_publish_at\` text,
  	\`version_published_at\` text,
  	\`version_return_comment\` text,
  	\`version_reviewed_by_id\` integer,
  	\`version_approved_by_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_owner_group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__posts_v\`("id", "parent_id", "version_title", "version_slug", "version_excerpt", "version_content", "version_cover_image_id", "version_kind", "version_owner_group_id", "version_assignment_id", "version_stage", "version_publish_at", "version_published_at", "version_return_comment", "version_reviewed_by_id", "version_approved_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_slug", "version_excerpt", "version_content", "version_cover_image_id", "version_kind", "version_owner_group_id", "version_assignment_id", "version_stage", "version_publish_at", "version_published_at", "version_return_comment", "version_reviewed_by_id", "version_approved_by_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_posts_v\`;`)
  await db.run(sql`DROP TABLE \`_posts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v\` RENAME TO \`_posts_v\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_parent_idx\` ON \`_posts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_slug_idx\` ON \`_posts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_cover_image_idx\` ON \`_posts_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_owner_group_idx\` ON \`_posts_v\` (\`version_owner_group_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_assignment_idx\` ON \`_posts_v\` (\`version_assignment_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_stage_idx\` ON \`_posts_v\` (\`version_stage\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_reviewed_by_idx\` ON \`_posts_v\` (\`version_reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_approved_by_idx\` ON \`_posts_v\` (\`version_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_updated_at_idx\` ON \`_posts_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_at_idx\` ON \`_posts_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version__status_idx\` ON \`_posts_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_created_at_idx\` ON \`_posts_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_updated_at_idx\` ON \`_posts_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_latest_idx\` ON \`_posts_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_autosave_idx\` ON \`_posts_v\` (\`autosave\`);`)
  await db.run(sql`DROP INDEX \`media_on_website_idx\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`on_website\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`on_school_profile\`;`)
}
