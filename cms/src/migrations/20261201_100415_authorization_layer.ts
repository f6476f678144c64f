import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Edited after generation, in two ways, both for a database that holds data (a fresh one never
// showed them):
// - drizzle-kit rebuilds a table by copying every column of the new table from the old one, the
//   columns this migration adds included, which fails ("no such column"). Each copy takes the
//   columns both tables have (new ones get their default), read at run time.
// - It turned foreign keys back on between rebuilds, so dropping `users` set the NOT NULL actor
//   of every workflow step to null and failed. Foreign keys are now off for the whole migration,
//   which runs in one transaction (SQLite runs Payload without them): a failure leaves the
//   database as it was, and the references are checked before the commit.
async function copyCommonColumns(db: MigrateUpArgs['db'], from: string, to: string) {
  const columns = async (table: string) =>
    ((await db.all(sql.raw(`PRAGMA table_info(\`${table}\`)`))) as Array<{ name: string }>).map(
      (column) => column.name,
    )
  const old = new Set(await columns(from))
  const shared = (await columns(to))
    .filter((name) => old.has(name))
    .map((name) => `"${name}"`)
    .join(', ')
  await db.run(sql.raw(`INSERT INTO \`${to}\`(${shared}) SELECT ${shared} FROM \`${from}\`;`))
}

async function upSteps({ db }: MigrateUpArgs): Promise<void> {
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
  await db.run(sql`CREATE TABLE \`import_proposals_changes\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`current_text\` text,
  	\`proposed_text\` text,
  	\`field\` text NOT NULL,
  	\`current\` text,
  	\`proposed\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`import_proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`import_proposals_changes_order_idx\` ON \`import_proposals_changes\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_changes_parent_id_idx\` ON \`import_proposals_changes\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`import_proposals\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`target_collection\` text NOT NULL,
  	\`target_label\` text NOT NULL,
  	\`target_id\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`proposed_by_id\` integer,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`note\` text,
  	\`fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`proposed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`import_proposals_target_collection_idx\` ON \`import_proposals\` (\`target_collection\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_target_id_idx\` ON \`import_proposals\` (\`target_id\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_status_idx\` ON \`import_proposals\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_proposed_by_idx\` ON \`import_proposals\` (\`proposed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_decided_by_idx\` ON \`import_proposals\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_fingerprint_idx\` ON \`import_proposals\` (\`fingerprint\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_updated_at_idx\` ON \`import_proposals\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`import_proposals_created_at_idx\` ON \`import_proposals\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await copyCommonColumns(db, 'users_roles', '__new_users_roles')
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`ALTER TABLE \`__new_users_roles\` RENAME TO \`users_roles\`;`)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`phone\` text,
  	\`can_manage_accounts\` integer DEFAULT false,
  	\`job_title\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await copyCommonColumns(db, 'users', '__new_users')
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_groups\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text NOT NULL,
  	\`grade\` numeric,
  	\`school_year\` text,
  	\`head_id\` integer,
  	\`homeroom_teacher_id\` integer,
  	\`parent_group_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`head_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`homeroom_teacher_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'groups', '__new_groups')
  await db.run(sql`DROP TABLE \`groups\`;`)
  await db.run(sql`ALTER TABLE \`__new_groups\` RENAME TO \`groups\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`groups_slug_idx\` ON \`groups\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`groups_head_idx\` ON \`groups\` (\`head_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_homeroom_teacher_idx\` ON \`groups\` (\`homeroom_teacher_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_parent_group_idx\` ON \`groups\` (\`parent_group_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_updated_at_idx\` ON \`groups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`groups_created_at_idx\` ON \`groups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_posts\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`excerpt\` text,
  	\`content\` text,
  	\`cover_image_id\` integer,
  	\`kind\` text DEFAULT 'news',
  	\`owner_group_id\` integer,
  	\`created_by_id\` integer,
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
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'posts', '__new_posts')
  await db.run(sql`DROP TABLE \`posts\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts\` RENAME TO \`posts\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`posts_slug_idx\` ON \`posts\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`posts_cover_image_idx\` ON \`posts\` (\`cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_owner_group_idx\` ON \`posts\` (\`owner_group_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_by_idx\` ON \`posts\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_assignment_idx\` ON \`posts\` (\`assignment_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_stage_idx\` ON \`posts\` (\`stage\`);`)
  await db.run(sql`CREATE INDEX \`posts_reviewed_by_idx\` ON \`posts\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_approved_by_idx\` ON \`posts\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_updated_at_idx\` ON \`posts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`posts_created_at_idx\` ON \`posts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`posts__status_idx\` ON \`posts\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__posts_v\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_excerpt\` text,
  	\`version_content\` text,
  	\`version_cover_image_id\` integer,
  	\`version_kind\` text DEFAULT 'news',
  	\`version_owner_group_id\` integer,
  	\`version_created_by_id\` integer,
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
  	FOREIGN KEY (\`version_created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_assignment_id\`) REFERENCES \`assignments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, '_posts_v', '__new__posts_v')
  await db.run(sql`DROP TABLE \`_posts_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v\` RENAME TO \`_posts_v\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_parent_idx\` ON \`_posts_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_slug_idx\` ON \`_posts_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_cover_image_idx\` ON \`_posts_v\` (\`version_cover_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_owner_group_idx\` ON \`_posts_v\` (\`version_owner_group_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_version_version_created_by_idx\` ON \`_posts_v\` (\`version_created_by_id\`);`)
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
  await db.run(sql`CREATE TABLE \`__new_assignments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`topic\` text NOT NULL,
  	\`group_id\` integer NOT NULL,
  	\`writer_id\` integer NOT NULL,
  	\`due_date\` text NOT NULL,
  	\`notes\` text,
  	\`status\` text DEFAULT 'open',
  	\`assigned_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`writer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'assignments', '__new_assignments')
  await db.run(sql`DROP TABLE \`assignments\`;`)
  await db.run(sql`ALTER TABLE \`__new_assignments\` RENAME TO \`assignments\`;`)
  await db.run(sql`CREATE INDEX \`assignments_group_idx\` ON \`assignments\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`assignments_writer_idx\` ON \`assignments\` (\`writer_id\`);`)
  await db.run(sql`CREATE INDEX \`assignments_assigned_by_idx\` ON \`assignments\` (\`assigned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`assignments_updated_at_idx\` ON \`assignments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`assignments_created_at_idx\` ON \`assignments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_workflow_events\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`post_id\` integer NOT NULL,
  	\`action\` text NOT NULL,
  	\`from_stage\` text NOT NULL,
  	\`to_stage\` text NOT NULL,
  	\`actor_id\` integer NOT NULL,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'workflow_events', '__new_workflow_events')
  await db.run(sql`DROP TABLE \`workflow_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_workflow_events\` RENAME TO \`workflow_events\`;`)
  await db.run(sql`CREATE INDEX \`workflow_events_post_idx\` ON \`workflow_events\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_actor_idx\` ON \`workflow_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_updated_at_idx\` ON \`workflow_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_created_at_idx\` ON \`workflow_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_media\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`alt\` text NOT NULL,
  	\`uploaded_by_id\` integer,
  	\`on_website\` integer DEFAULT false,
  	\`on_school_profile\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_feature_url\` text,
  	\`sizes_feature_width\` numeric,
  	\`sizes_feature_height\` numeric,
  	\`sizes_feature_mime_type\` text,
  	\`sizes_feature_filesize\` numeric,
  	\`sizes_feature_filename\` text,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'media', '__new_media')
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`ALTER TABLE \`__new_media\` RENAME TO \`media\`;`)
  await db.run(sql`CREATE INDEX \`media_uploaded_by_idx\` ON \`media\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_on_website_idx\` ON \`media\` (\`on_website\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_feature_sizes_feature_filename_idx\` ON \`media\` (\`sizes_feature_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_students\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`student_code\` text NOT NULL,
  	\`date_of_birth\` text NOT NULL,
  	\`gender\` text NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'studying' NOT NULL,
  	\`ethnicity\` text DEFAULT 'Kinh',
  	\`policy_status\` text DEFAULT 'none',
  	\`permanent_address\` text,
  	\`consent_guardian\` integer DEFAULT false,
  	\`consent_pupil\` integer DEFAULT false,
  	\`consent_recorded_on\` text,
  	\`health_blood_type\` text,
  	\`health_insurance_code\` text,
  	\`health_allergies\` text,
  	\`health_conditions\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'students', '__new_students')
  await db.run(sql`DROP TABLE \`students\`;`)
  await db.run(sql`ALTER TABLE \`__new_students\` RENAME TO \`students\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`students_student_code_idx\` ON \`students\` (\`student_code\`);`)
  await db.run(sql`CREATE INDEX \`students_class_idx\` ON \`students\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`students_updated_at_idx\` ON \`students\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`students_created_at_idx\` ON \`students\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_health_checkups\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`student_id\` integer NOT NULL,
  	\`date\` text NOT NULL,
  	\`height_cm\` numeric,
  	\`weight_kg\` numeric,
  	\`bmi\` numeric,
  	\`vision_left\` text,
  	\`vision_right\` text,
  	\`dental\` text,
  	\`notes\` text,
  	\`examined_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`examined_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'health_checkups', '__new_health_checkups')
  await db.run(sql`DROP TABLE \`health_checkups\`;`)
  await db.run(sql`ALTER TABLE \`__new_health_checkups\` RENAME TO \`health_checkups\`;`)
  await db.run(sql`CREATE INDEX \`health_checkups_student_idx\` ON \`health_checkups\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_date_idx\` ON \`health_checkups\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_examined_by_idx\` ON \`health_checkups\` (\`examined_by_id\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_updated_at_idx\` ON \`health_checkups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_created_at_idx\` ON \`health_checkups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_staff_profiles\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`user_id\` integer,
  	\`date_of_birth\` text,
  	\`gender\` text,
  	\`ethnicity\` text DEFAULT 'Kinh',
  	\`id_number\` text,
  	\`phone\` text,
  	\`permanent_address\` text,
  	\`position\` text,
  	\`contract_type\` text,
  	\`start_date\` text,
  	\`professional_rank\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'staff_profiles', '__new_staff_profiles')
  await db.run(sql`DROP TABLE \`staff_profiles\`;`)
  await db.run(sql`ALTER TABLE \`__new_staff_profiles\` RENAME TO \`staff_profiles\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`staff_profiles_email_idx\` ON \`staff_profiles\` (\`email\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`staff_profiles_user_idx\` ON \`staff_profiles\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_updated_at_idx\` ON \`staff_profiles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_created_at_idx\` ON \`staff_profiles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_audit_log\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`actor_user_id\` text,
  	\`actor_name\` text,
  	\`actor_email\` text,
  	\`actor_id\` integer,
  	\`action\` text NOT NULL,
  	\`outcome\` text DEFAULT 'done',
  	\`collection\` text NOT NULL,
  	\`doc_id\` text,
  	\`count\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'audit_log', '__new_audit_log')
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_log\` RENAME TO \`audit_log\`;`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_user_id_idx\` ON \`audit_log\` (\`actor_user_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_idx\` ON \`audit_log\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_doc_id_idx\` ON \`audit_log\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_kv', '__new_payload_kv')
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_jobs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_jobs', '__new_payload_jobs')
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_jobs\` RENAME TO \`payload_jobs\`;`)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_locked_documents', '__new_payload_locked_documents')
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_preferences', '__new_payload_preferences')
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_migrations', '__new_payload_migrations')
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_school_profile\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`motto\` text,
  	\`address\` text,
  	\`phone\` text,
  	\`email\` text,
  	\`about\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await copyCommonColumns(db, 'school_profile', '__new_school_profile')
  await db.run(sql`DROP TABLE \`school_profile\`;`)
  await db.run(sql`ALTER TABLE \`__new_school_profile\` RENAME TO \`school_profile\`;`)
  await db.run(sql`CREATE TABLE \`__new_site_build\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`status\` text,
  	\`last_success_at\` text,
  	\`last_attempt_at\` text,
  	\`duration_ms\` numeric,
  	\`reasons\` text,
  	\`log\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await copyCommonColumns(db, 'site_build', '__new_site_build')
  await db.run(sql`DROP TABLE \`site_build\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_build\` RENAME TO \`site_build\`;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`import_proposals_id\` integer REFERENCES import_proposals(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_proposals_id_idx\` ON \`payload_locked_documents_rels\` (\`import_proposals_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_texts_text_idx\` ON \`audit_log_texts\` (\`text\`);`)
}

async function downSteps({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`media_rels\`;`)
  await db.run(sql`DROP TABLE \`import_proposals_changes\`;`)
  await db.run(sql`DROP TABLE \`import_proposals\`;`)
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
  await copyCommonColumns(db, 'posts', '__new_posts')
  await db.run(sql`DROP TABLE \`posts\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts\` RENAME TO \`posts\`;`)
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
  await copyCommonColumns(db, '_posts_v', '__new__posts_v')
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
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`groups_id\` integer,
  	\`posts_id\` integer,
  	\`assignments_id\` integer,
  	\`workflow_events_id\` integer,
  	\`media_id\` integer,
  	\`students_id\` integer,
  	\`health_checkups_id\` integer,
  	\`staff_profiles_id\` integer,
  	\`audit_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`assignments_id\`) REFERENCES \`assignments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`students_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`health_checkups_id\`) REFERENCES \`health_checkups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`staff_profiles_id\`) REFERENCES \`staff_profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await copyCommonColumns(db, 'payload_locked_documents_rels', '__new_payload_locked_documents_rels')
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`assignments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_students_id_idx\` ON \`payload_locked_documents_rels\` (\`students_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_health_checkups_id_idx\` ON \`payload_locked_documents_rels\` (\`health_checkups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_staff_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`staff_profiles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`alt\` text NOT NULL,
  	\`uploaded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_thumbnail_url\` text,
  	\`sizes_thumbnail_width\` numeric,
  	\`sizes_thumbnail_height\` numeric,
  	\`sizes_thumbnail_mime_type\` text,
  	\`sizes_thumbnail_filesize\` numeric,
  	\`sizes_thumbnail_filename\` text,
  	\`sizes_card_url\` text,
  	\`sizes_card_width\` numeric,
  	\`sizes_card_height\` numeric,
  	\`sizes_card_mime_type\` text,
  	\`sizes_card_filesize\` numeric,
  	\`sizes_card_filename\` text,
  	\`sizes_feature_url\` text,
  	\`sizes_feature_width\` numeric,
  	\`sizes_feature_height\` numeric,
  	\`sizes_feature_mime_type\` text,
  	\`sizes_feature_filesize\` numeric,
  	\`sizes_feature_filename\` text,
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'media', '__new_media')
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`ALTER TABLE \`__new_media\` RENAME TO \`media\`;`)
  await db.run(sql`CREATE INDEX \`media_uploaded_by_idx\` ON \`media\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_thumbnail_sizes_thumbnail_filename_idx\` ON \`media\` (\`sizes_thumbnail_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_card_sizes_card_filename_idx\` ON \`media\` (\`sizes_card_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_feature_sizes_feature_filename_idx\` ON \`media\` (\`sizes_feature_filename\`);`)
  await db.run(sql`CREATE TABLE \`__new_audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`actor_id\` integer,
  	\`action\` text NOT NULL,
  	\`collection\` text NOT NULL,
  	\`doc_id\` text,
  	\`count\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'audit_log', '__new_audit_log')
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`ALTER TABLE \`__new_audit_log\` RENAME TO \`audit_log\`;`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_idx\` ON \`audit_log\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_doc_id_idx\` ON \`audit_log\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`DROP INDEX \`audit_log_texts_text_idx\`;`)
  await db.run(sql`CREATE TABLE \`__new_users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await copyCommonColumns(db, 'users_roles', '__new_users_roles')
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`ALTER TABLE \`__new_users_roles\` RENAME TO \`users_roles\`;`)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`phone\` text,
  	\`can_manage_accounts\` integer DEFAULT false,
  	\`job_title\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await copyCommonColumns(db, 'users', '__new_users')
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_groups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`slug\` text,
  	\`kind\` text NOT NULL,
  	\`grade\` numeric,
  	\`school_year\` text,
  	\`head_id\` integer,
  	\`homeroom_teacher_id\` integer,
  	\`parent_group_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`head_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`homeroom_teacher_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'groups', '__new_groups')
  await db.run(sql`DROP TABLE \`groups\`;`)
  await db.run(sql`ALTER TABLE \`__new_groups\` RENAME TO \`groups\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`groups_slug_idx\` ON \`groups\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`groups_head_idx\` ON \`groups\` (\`head_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_homeroom_teacher_idx\` ON \`groups\` (\`homeroom_teacher_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_parent_group_idx\` ON \`groups\` (\`parent_group_id\`);`)
  await db.run(sql`CREATE INDEX \`groups_updated_at_idx\` ON \`groups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`groups_created_at_idx\` ON \`groups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_assignments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`topic\` text NOT NULL,
  	\`group_id\` integer NOT NULL,
  	\`writer_id\` integer NOT NULL,
  	\`due_date\` text NOT NULL,
  	\`notes\` text,
  	\`status\` text DEFAULT 'open',
  	\`assigned_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`writer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'assignments', '__new_assignments')
  await db.run(sql`DROP TABLE \`assignments\`;`)
  await db.run(sql`ALTER TABLE \`__new_assignments\` RENAME TO \`assignments\`;`)
  await db.run(sql`CREATE INDEX \`assignments_group_idx\` ON \`assignments\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`assignments_writer_idx\` ON \`assignments\` (\`writer_id\`);`)
  await db.run(sql`CREATE INDEX \`assignments_assigned_by_idx\` ON \`assignments\` (\`assigned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`assignments_updated_at_idx\` ON \`assignments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`assignments_created_at_idx\` ON \`assignments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_workflow_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`post_id\` integer NOT NULL,
  	\`action\` text NOT NULL,
  	\`from_stage\` text NOT NULL,
  	\`to_stage\` text NOT NULL,
  	\`actor_id\` integer NOT NULL,
  	\`comment\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'workflow_events', '__new_workflow_events')
  await db.run(sql`DROP TABLE \`workflow_events\`;`)
  await db.run(sql`ALTER TABLE \`__new_workflow_events\` RENAME TO \`workflow_events\`;`)
  await db.run(sql`CREATE INDEX \`workflow_events_post_idx\` ON \`workflow_events\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_actor_idx\` ON \`workflow_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_updated_at_idx\` ON \`workflow_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_created_at_idx\` ON \`workflow_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_students\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`student_code\` text NOT NULL,
  	\`date_of_birth\` text NOT NULL,
  	\`gender\` text NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`status\` text DEFAULT 'studying' NOT NULL,
  	\`ethnicity\` text DEFAULT 'Kinh',
  	\`policy_status\` text DEFAULT 'none',
  	\`permanent_address\` text,
  	\`consent_guardian\` integer DEFAULT false,
  	\`consent_pupil\` integer DEFAULT false,
  	\`consent_recorded_on\` text,
  	\`health_blood_type\` text,
  	\`health_insurance_code\` text,
  	\`health_allergies\` text,
  	\`health_conditions\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'students', '__new_students')
  await db.run(sql`DROP TABLE \`students\`;`)
  await db.run(sql`ALTER TABLE \`__new_students\` RENAME TO \`students\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`students_student_code_idx\` ON \`students\` (\`student_code\`);`)
  await db.run(sql`CREATE INDEX \`students_class_idx\` ON \`students\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`students_updated_at_idx\` ON \`students\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`students_created_at_idx\` ON \`students\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_health_checkups\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`student_id\` integer NOT NULL,
  	\`date\` text NOT NULL,
  	\`height_cm\` numeric,
  	\`weight_kg\` numeric,
  	\`bmi\` numeric,
  	\`vision_left\` text,
  	\`vision_right\` text,
  	\`dental\` text,
  	\`notes\` text,
  	\`examined_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`examined_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'health_checkups', '__new_health_checkups')
  await db.run(sql`DROP TABLE \`health_checkups\`;`)
  await db.run(sql`ALTER TABLE \`__new_health_checkups\` RENAME TO \`health_checkups\`;`)
  await db.run(sql`CREATE INDEX \`health_checkups_student_idx\` ON \`health_checkups\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_date_idx\` ON \`health_checkups\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_examined_by_idx\` ON \`health_checkups\` (\`examined_by_id\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_updated_at_idx\` ON \`health_checkups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_created_at_idx\` ON \`health_checkups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_staff_profiles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`email\` text NOT NULL,
  	\`user_id\` integer,
  	\`date_of_birth\` text,
  	\`gender\` text,
  	\`ethnicity\` text DEFAULT 'Kinh',
  	\`id_number\` text,
  	\`phone\` text,
  	\`permanent_address\` text,
  	\`position\` text,
  	\`contract_type\` text,
  	\`start_date\` text,
  	\`professional_rank\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await copyCommonColumns(db, 'staff_profiles', '__new_staff_profiles')
  await db.run(sql`DROP TABLE \`staff_profiles\`;`)
  await db.run(sql`ALTER TABLE \`__new_staff_profiles\` RENAME TO \`staff_profiles\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`staff_profiles_email_idx\` ON \`staff_profiles\` (\`email\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`staff_profiles_user_idx\` ON \`staff_profiles\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_updated_at_idx\` ON \`staff_profiles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_created_at_idx\` ON \`staff_profiles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_kv', '__new_payload_kv')
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_kv\` RENAME TO \`payload_kv\`;`)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_jobs', '__new_payload_jobs')
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_jobs\` RENAME TO \`payload_jobs\`;`)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_locked_documents', '__new_payload_locked_documents')
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents\` RENAME TO \`payload_locked_documents\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_preferences', '__new_payload_preferences')
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences\` RENAME TO \`payload_preferences\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await copyCommonColumns(db, 'payload_migrations', '__new_payload_migrations')
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_migrations\` RENAME TO \`payload_migrations\`;`)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_school_profile\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`motto\` text,
  	\`address\` text,
  	\`phone\` text,
  	\`email\` text,
  	\`about\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await copyCommonColumns(db, 'school_profile', '__new_school_profile')
  await db.run(sql`DROP TABLE \`school_profile\`;`)
  await db.run(sql`ALTER TABLE \`__new_school_profile\` RENAME TO \`school_profile\`;`)
  await db.run(sql`CREATE TABLE \`__new_site_build\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`status\` text,
  	\`last_success_at\` text,
  	\`last_attempt_at\` text,
  	\`duration_ms\` numeric,
  	\`reasons\` text,
  	\`log\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await copyCommonColumns(db, 'site_build', '__new_site_build')
  await db.run(sql`DROP TABLE \`site_build\`;`)
  await db.run(sql`ALTER TABLE \`__new_site_build\` RENAME TO \`site_build\`;`)
}

type Steps<T> = (args: T) => Promise<void>

/** Foreign keys off (only possible outside a transaction), then every step in one transaction. */
async function inOneTransaction<T extends MigrateUpArgs | MigrateDownArgs>(args: T, steps: Steps<T>) {
  const { db } = args
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  try {
    await db.run(sql`BEGIN;`)
    try {
      await steps(args)
      const broken = await db.all(sql`PRAGMA foreign_key_check;`)
      if (broken.length > 0) throw new Error(`Broken references: ${JSON.stringify(broken.slice(0, 5))}`)
      await db.run(sql`COMMIT;`)
    } catch (error) {
      await db.run(sql`ROLLBACK;`)
      throw error
    }
  } finally {
    await db.run(sql`PRAGMA foreign_keys=ON;`)
  }
}

export async function up(args: MigrateUpArgs): Promise<void> {
  await inOneTransaction(args, upSteps)
}

export async function down(args: MigrateDownArgs): Promise<void> {
  await inOneTransaction(args, downSteps)
}
