/**
 * Issue 15, the public website's second edition: the notices published from the school's data
 * (public-notices), the timetables, the lunch menus and test schedules, the disclosures
 * (TT 09/2024) and their files, the photo albums, the school profile's face (logo, banner,
 * colours, quick links, featured story), posts' event date and place, staff's consent to the
 * organisation page, the site build's mode. Only new tables and added columns.
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`public_notices\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`kind\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`notice_key\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`path\` text NOT NULL,
  	\`school_year\` text,
  	\`data\` text NOT NULL,
  	\`changed_at\` text NOT NULL,
  	\`published_at\` text NOT NULL,
  	\`source_collection\` text,
  	\`source_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`public_notices_kind_idx\` ON \`public_notices\` (\`kind\`);`)
  await db.run(
    sql`CREATE UNIQUE INDEX \`public_notices_notice_key_idx\` ON \`public_notices\` (\`notice_key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`public_notices_school_year_idx\` ON \`public_notices\` (\`school_year\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`public_notices_source_collection_idx\` ON \`public_notices\` (\`source_collection\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`public_notices_source_id_idx\` ON \`public_notices\` (\`source_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`public_notices_updated_at_idx\` ON \`public_notices\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`public_notices_created_at_idx\` ON \`public_notices\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`disclosures_documents\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`file_id\` integer NOT NULL,
  	FOREIGN KEY (\`file_id\`) REFERENCES \`disclosure_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`disclosures_documents_order_idx\` ON \`disclosures_documents\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_documents_parent_id_idx\` ON \`disclosures_documents\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_documents_file_idx\` ON \`disclosures_documents\` (\`file_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`disclosures\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`section\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`title\` text,
  	\`body\` text,
  	\`change_date\` text,
  	\`publication_stage\` text DEFAULT 'draft' NOT NULL,
  	\`publication_live\` integer DEFAULT false,
  	\`publication_comment\` text,
  	\`submitted_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`content_changed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`disclosures_section_idx\` ON \`disclosures\` (\`section\`);`)
  await db.run(
    sql`CREATE INDEX \`disclosures_school_year_idx\` ON \`disclosures\` (\`school_year\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_publication_stage_idx\` ON \`disclosures\` (\`publication_stage\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_submitted_by_idx\` ON \`disclosures\` (\`submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_approved_by_idx\` ON \`disclosures\` (\`approved_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_published_by_idx\` ON \`disclosures\` (\`published_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_updated_at_idx\` ON \`disclosures\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosures_created_at_idx\` ON \`disclosures\` (\`created_at\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`section_schoolYear_idx\` ON \`disclosures\` (\`section\`,\`school_year\`);`,
  )
  await db.run(sql`CREATE TABLE \`disclosure_files\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text NOT NULL,
  	\`on_website\` integer DEFAULT false,
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
  	\`focal_y\` numeric
  );
  `)
  await db.run(
    sql`CREATE INDEX \`disclosure_files_on_website_idx\` ON \`disclosure_files\` (\`on_website\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosure_files_updated_at_idx\` ON \`disclosure_files\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosure_files_created_at_idx\` ON \`disclosure_files\` (\`created_at\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`disclosure_files_filename_idx\` ON \`disclosure_files\` (\`filename\`);`,
  )
  await db.run(sql`CREATE TABLE \`disclosure_files_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`disclosures_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`disclosure_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`disclosures_id\`) REFERENCES \`disclosures\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`disclosure_files_rels_order_idx\` ON \`disclosure_files_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosure_files_rels_parent_idx\` ON \`disclosure_files_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosure_files_rels_path_idx\` ON \`disclosure_files_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`disclosure_files_rels_disclosures_id_idx\` ON \`disclosure_files_rels\` (\`disclosures_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`timetables\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`class_id\` integer NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`valid_from\` text NOT NULL,
  	\`saturday\` integer DEFAULT false,
  	\`entries\` text DEFAULT '[]',
  	\`publication_stage\` text DEFAULT 'draft' NOT NULL,
  	\`publication_live\` integer DEFAULT false,
  	\`publication_comment\` text,
  	\`submitted_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`content_changed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`timetables_class_idx\` ON \`timetables\` (\`class_id\`);`)
  await db.run(
    sql`CREATE INDEX \`timetables_school_year_idx\` ON \`timetables\` (\`school_year\`);`,
  )
  await db.run(sql`CREATE INDEX \`timetables_valid_from_idx\` ON \`timetables\` (\`valid_from\`);`)
  await db.run(
    sql`CREATE INDEX \`timetables_publication_stage_idx\` ON \`timetables\` (\`publication_stage\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`timetables_submitted_by_idx\` ON \`timetables\` (\`submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`timetables_approved_by_idx\` ON \`timetables\` (\`approved_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`timetables_published_by_idx\` ON \`timetables\` (\`published_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`timetables_updated_at_idx\` ON \`timetables\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`timetables_created_at_idx\` ON \`timetables\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`albums_images\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`image_id\` integer NOT NULL,
  	\`caption\` text,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`albums\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`albums_images_order_idx\` ON \`albums_images\` (\`_order\`);`)
  await db.run(
    sql`CREATE INDEX \`albums_images_parent_id_idx\` ON \`albums_images\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`albums_images_image_idx\` ON \`albums_images\` (\`image_id\`);`)
  await db.run(sql`CREATE TABLE \`albums\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text NOT NULL,
  	\`slug\` text,
  	\`event_date\` text,
  	\`description\` text,
  	\`owner_group_id\` integer,
  	\`created_by_id\` integer,
  	\`publication_stage\` text DEFAULT 'draft' NOT NULL,
  	\`publication_live\` integer DEFAULT false,
  	\`publication_comment\` text,
  	\`submitted_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`content_changed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`owner_group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`albums_slug_idx\` ON \`albums\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`albums_event_date_idx\` ON \`albums\` (\`event_date\`);`)
  await db.run(sql`CREATE INDEX \`albums_owner_group_idx\` ON \`albums\` (\`owner_group_id\`);`)
  await db.run(sql`CREATE INDEX \`albums_created_by_idx\` ON \`albums\` (\`created_by_id\`);`)
  await db.run(
    sql`CREATE INDEX \`albums_publication_stage_idx\` ON \`albums\` (\`publication_stage\`);`,
  )
  await db.run(sql`CREATE INDEX \`albums_submitted_by_idx\` ON \`albums\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`albums_approved_by_idx\` ON \`albums\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`albums_published_by_idx\` ON \`albums\` (\`published_by_id\`);`)
  await db.run(sql`CREATE INDEX \`albums_updated_at_idx\` ON \`albums\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`albums_created_at_idx\` ON \`albums\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`albums_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`students_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`albums\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`students_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`albums_rels_order_idx\` ON \`albums_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`albums_rels_parent_idx\` ON \`albums_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`albums_rels_path_idx\` ON \`albums_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`albums_rels_students_id_idx\` ON \`albums_rels\` (\`students_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`albums_rels_users_id_idx\` ON \`albums_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`lunch_menus_days_meals\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`meal\` text NOT NULL,
  	\`dishes\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lunch_menus_days\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`lunch_menus_days_meals_order_idx\` ON \`lunch_menus_days_meals\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_days_meals_parent_id_idx\` ON \`lunch_menus_days_meals\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`lunch_menus_days\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`weekday\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`lunch_menus\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`lunch_menus_days_order_idx\` ON \`lunch_menus_days\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_days_parent_id_idx\` ON \`lunch_menus_days\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`lunch_menus\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`week_of\` text NOT NULL,
  	\`week_key\` text,
  	\`label\` text,
  	\`school_year\` text,
  	\`note\` text,
  	\`publication_stage\` text DEFAULT 'draft' NOT NULL,
  	\`publication_live\` integer DEFAULT false,
  	\`publication_comment\` text,
  	\`submitted_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`content_changed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`lunch_menus_week_key_idx\` ON \`lunch_menus\` (\`week_key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_school_year_idx\` ON \`lunch_menus\` (\`school_year\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_publication_stage_idx\` ON \`lunch_menus\` (\`publication_stage\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_submitted_by_idx\` ON \`lunch_menus\` (\`submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_approved_by_idx\` ON \`lunch_menus\` (\`approved_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_published_by_idx\` ON \`lunch_menus\` (\`published_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_updated_at_idx\` ON \`lunch_menus\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`lunch_menus_created_at_idx\` ON \`lunch_menus\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`test_schedules_rows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`grade\` text NOT NULL,
  	\`subject\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`session\` text DEFAULT 'morning' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`test_schedules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`test_schedules_rows_order_idx\` ON \`test_schedules_rows\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_rows_parent_id_idx\` ON \`test_schedules_rows\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`test_schedules\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`school_year\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`publication_stage\` text DEFAULT 'draft' NOT NULL,
  	\`publication_live\` integer DEFAULT false,
  	\`publication_comment\` text,
  	\`submitted_by_id\` integer,
  	\`approved_by_id\` integer,
  	\`published_by_id\` integer,
  	\`published_at\` text,
  	\`content_changed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`published_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`test_schedules_school_year_idx\` ON \`test_schedules\` (\`school_year\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_publication_stage_idx\` ON \`test_schedules\` (\`publication_stage\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_submitted_by_idx\` ON \`test_schedules\` (\`submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_approved_by_idx\` ON \`test_schedules\` (\`approved_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_published_by_idx\` ON \`test_schedules\` (\`published_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_updated_at_idx\` ON \`test_schedules\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`test_schedules_created_at_idx\` ON \`test_schedules\` (\`created_at\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`schoolYear_period_1_idx\` ON \`test_schedules\` (\`school_year\`,\`period\`);`,
  )
  await db.run(sql`CREATE TABLE \`school_profile_quick_links\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`description\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_profile\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`school_profile_quick_links_order_idx\` ON \`school_profile_quick_links\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`school_profile_quick_links_parent_id_idx\` ON \`school_profile_quick_links\` (\`_parent_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`users\` ADD \`website_consent\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`users\` ADD \`website_title\` text;`)
  await db.run(
    sql`ALTER TABLE \`users\` ADD \`website_photo_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`,
  )
  await db.run(sql`CREATE INDEX \`users_website_photo_idx\` ON \`users\` (\`website_photo_id\`);`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`event_date\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`event_place\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_event_date\` text;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` ADD \`version_event_place\` text;`)
  await db.run(
    sql`ALTER TABLE \`media_rels\` ADD \`albums_id\` integer REFERENCES albums(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(sql`CREATE INDEX \`media_rels_albums_id_idx\` ON \`media_rels\` (\`albums_id\`);`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`public_notices_id\` integer REFERENCES public_notices(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`disclosures_id\` integer REFERENCES disclosures(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`disclosure_files_id\` integer REFERENCES disclosure_files(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`timetables_id\` integer REFERENCES timetables(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`albums_id\` integer REFERENCES albums(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`lunch_menus_id\` integer REFERENCES lunch_menus(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`test_schedules_id\` integer REFERENCES test_schedules(id) ON UPDATE no action ON DELETE cascade;`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_public_notices_id_idx\` ON \`payload_locked_documents_rels\` (\`public_notices_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_disclosures_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosures_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_disclosure_files_id_idx\` ON \`payload_locked_documents_rels\` (\`disclosure_files_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_timetables_id_idx\` ON \`payload_locked_documents_rels\` (\`timetables_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_albums_id_idx\` ON \`payload_locked_documents_rels\` (\`albums_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_lunch_menus_id_idx\` ON \`payload_locked_documents_rels\` (\`lunch_menus_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_test_schedules_id_idx\` ON \`payload_locked_documents_rels\` (\`test_schedules_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`school_profile\` ADD \`logo_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`,
  )
  await db.run(
    sql`ALTER TABLE \`school_profile\` ADD \`banner_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE set null;`,
  )
  await db.run(sql`ALTER TABLE \`school_profile\` ADD \`primary_color\` text;`)
  await db.run(sql`ALTER TABLE \`school_profile\` ADD \`accent_color\` text;`)
  await db.run(
    sql`ALTER TABLE \`school_profile\` ADD \`featured_post_id\` integer REFERENCES posts(id) ON UPDATE no action ON DELETE set null;`,
  )
  await db.run(sql`CREATE INDEX \`school_profile_logo_idx\` ON \`school_profile\` (\`logo_id\`);`)
  await db.run(
    sql`CREATE INDEX \`school_profile_banner_idx\` ON \`school_profile\` (\`banner_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`school_profile_featured_post_idx\` ON \`school_profile\` (\`featured_post_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`site_build\` ADD \`mode\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`public_notices\`;`)
  await db.run(sql`DROP TABLE \`disclosures_documents\`;`)
  await db.run(sql`DROP TABLE \`disclosures\`;`)
  await db.run(sql`DROP TABLE \`disclosure_files\`;`)
  await db.run(sql`DROP TABLE \`disclosure_files_rels\`;`)
  await db.run(sql`DROP TABLE \`timetables\`;`)
  await db.run(sql`DROP TABLE \`albums_images\`;`)
  await db.run(sql`DROP TABLE \`albums\`;`)
  await db.run(sql`DROP TABLE \`albums_rels\`;`)
  await db.run(sql`DROP TABLE \`lunch_menus_days_meals\`;`)
  await db.run(sql`DROP TABLE \`lunch_menus_days\`;`)
  await db.run(sql`DROP TABLE \`lunch_menus\`;`)
  await db.run(sql`DROP TABLE \`test_schedules_rows\`;`)
  await db.run(sql`DROP TABLE \`test_schedules\`;`)
  await db.run(sql`DROP TABLE \`school_profile_quick_links\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_users\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`full_name\` text NOT NULL,
  	\`phone\` text,
  	\`can_manage_accounts\` integer DEFAULT false,
  	\`job_title\` text,
  	\`must_change_password\` integer DEFAULT false,
  	\`password_changed_at\` text,
  	\`password_history\` text,
  	\`totp_enabled\` integer DEFAULT false,
  	\`totp_secret\` text,
  	\`totp_verified_sessions\` text,
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
  await db.run(
    sql`INSERT INTO \`__new_users\`("id", "full_name", "phone", "can_manage_accounts", "job_title", "must_change_password", "password_changed_at", "password_history", "totp_enabled", "totp_secret", "totp_verified_sessions", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until") SELECT "id", "full_name", "phone", "can_manage_accounts", "job_title", "must_change_password", "password_changed_at", "password_history", "totp_enabled", "totp_secret", "totp_verified_sessions", "updated_at", "created_at", "email", "reset_password_token", "reset_password_expiration", "salt", "hash", "reset_password_requested_at", "login_attempts", "lock_until" FROM \`users\`;`,
  )
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`ALTER TABLE \`__new_users\` RENAME TO \`users\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`__new_media_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_media_rels\`("id", "order", "parent_id", "path", "posts_id") SELECT "id", "order", "parent_id", "path", "posts_id" FROM \`media_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`media_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_media_rels\` RENAME TO \`media_rels\`;`)
  await db.run(sql`CREATE INDEX \`media_rels_order_idx\` ON \`media_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_parent_idx\` ON \`media_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_path_idx\` ON \`media_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`media_rels_posts_id_idx\` ON \`media_rels\` (\`posts_id\`);`)
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
  	\`import_proposals_id\` integer,
  	\`subjects_id\` integer,
  	\`assessment_periods_id\` integer,
  	\`teaching_assignments_id\` integer,
  	\`year_end_results_id\` integer,
  	\`assessment_confirmations_id\` integer,
  	\`correction_requests_id\` integer,
  	\`grade_changes_id\` integer,
  	\`comment_bank_id\` integer,
  	\`transcript_signatures_id\` integer,
  	\`archive_files_id\` integer,
  	\`archive_entries_id\` integer,
  	\`audit_log_id\` integer,
  	\`security_log_id\` integer,
  	\`data_requests_id\` integer,
  	\`data_breaches_id\` integer,
  	\`contests_id\` integer,
  	\`contest_entries_id\` integer,
  	\`assets_id\` integer,
  	\`equipment_loans_id\` integer,
  	\`asset_inventories_id\` integer,
  	\`asset_events_id\` integer,
  	\`test_papers_id\` integer,
  	\`test_paper_handovers_id\` integer,
  	\`incoming_documents_id\` integer,
  	\`document_handlings_id\` integer,
  	\`outgoing_documents_id\` integer,
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
  	FOREIGN KEY (\`import_proposals_id\`) REFERENCES \`import_proposals\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`subjects_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`assessment_periods_id\`) REFERENCES \`assessment_periods\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`teaching_assignments_id\`) REFERENCES \`teaching_assignments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`year_end_results_id\`) REFERENCES \`year_end_results\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`assessment_confirmations_id\`) REFERENCES \`assessment_confirmations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`correction_requests_id\`) REFERENCES \`correction_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`grade_changes_id\`) REFERENCES \`grade_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`comment_bank_id\`) REFERENCES \`comment_bank\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`transcript_signatures_id\`) REFERENCES \`transcript_signatures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`archive_files_id\`) REFERENCES \`archive_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`archive_entries_id\`) REFERENCES \`archive_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`security_log_id\`) REFERENCES \`security_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_requests_id\`) REFERENCES \`data_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`data_breaches_id\`) REFERENCES \`data_breaches\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`contests_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`contest_entries_id\`) REFERENCES \`contest_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`assets_id\`) REFERENCES \`assets\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`equipment_loans_id\`) REFERENCES \`equipment_loans\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`asset_inventories_id\`) REFERENCES \`asset_inventories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`asset_events_id\`) REFERENCES \`asset_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`test_papers_id\`) REFERENCES \`test_papers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`test_paper_handovers_id\`) REFERENCES \`test_paper_handovers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`incoming_documents_id\`) REFERENCES \`incoming_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`document_handlings_id\`) REFERENCES \`document_handlings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outgoing_documents_id\`) REFERENCES \`outgoing_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "transcript_signatures_id", "archive_files_id", "archive_entries_id", "audit_log_id", "security_log_id", "data_requests_id", "data_breaches_id", "contests_id", "contest_entries_id", "assets_id", "equipment_loans_id", "asset_inventories_id", "asset_events_id", "test_papers_id", "test_paper_handovers_id", "incoming_documents_id", "document_handlings_id", "outgoing_documents_id") SELECT "id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "transcript_signatures_id", "archive_files_id", "archive_entries_id", "audit_log_id", "security_log_id", "data_requests_id", "data_breaches_id", "contests_id", "contest_entries_id", "assets_id", "equipment_loans_id", "asset_inventories_id", "asset_events_id", "test_papers_id", "test_paper_handovers_id", "incoming_documents_id", "document_handlings_id", "outgoing_documents_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`groups_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`assignments_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_students_id_idx\` ON \`payload_locked_documents_rels\` (\`students_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_health_checkups_id_idx\` ON \`payload_locked_documents_rels\` (\`health_checkups_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_staff_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`staff_profiles_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_import_proposals_id_idx\` ON \`payload_locked_documents_rels\` (\`import_proposals_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_subjects_id_idx\` ON \`payload_locked_documents_rels\` (\`subjects_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_assessment_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`assessment_periods_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_teaching_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`teaching_assignments_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_year_end_results_id_idx\` ON \`payload_locked_documents_rels\` (\`year_end_results_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_assessment_confirmations_i_idx\` ON \`payload_locked_documents_rels\` (\`assessment_confirmations_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_correction_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`correction_requests_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_grade_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`grade_changes_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_comment_bank_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_bank_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_transcript_signatures_id_idx\` ON \`payload_locked_documents_rels\` (\`transcript_signatures_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_archive_files_id_idx\` ON \`payload_locked_documents_rels\` (\`archive_files_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_archive_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`archive_entries_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_security_log_id_idx\` ON \`payload_locked_documents_rels\` (\`security_log_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_data_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`data_requests_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_data_breaches_id_idx\` ON \`payload_locked_documents_rels\` (\`data_breaches_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_contests_id_idx\` ON \`payload_locked_documents_rels\` (\`contests_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_contest_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`contest_entries_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_assets_id_idx\` ON \`payload_locked_documents_rels\` (\`assets_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_equipment_loans_id_idx\` ON \`payload_locked_documents_rels\` (\`equipment_loans_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_asset_inventories_id_idx\` ON \`payload_locked_documents_rels\` (\`asset_inventories_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_asset_events_id_idx\` ON \`payload_locked_documents_rels\` (\`asset_events_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_test_papers_id_idx\` ON \`payload_locked_documents_rels\` (\`test_papers_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_test_paper_handovers_id_idx\` ON \`payload_locked_documents_rels\` (\`test_paper_handovers_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_incoming_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`incoming_documents_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_document_handlings_id_idx\` ON \`payload_locked_documents_rels\` (\`document_handlings_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_outgoing_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`outgoing_documents_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`__new_school_profile\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`motto\` text,
  	\`address\` text,
  	\`school_code\` text,
  	\`commune\` text,
  	\`province\` text,
  	\`phone\` text,
  	\`email\` text,
  	\`about\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_school_profile\`("id", "name", "motto", "address", "school_code", "commune", "province", "phone", "email", "about", "updated_at", "created_at") SELECT "id", "name", "motto", "address", "school_code", "commune", "province", "phone", "email", "about", "updated_at", "created_at" FROM \`school_profile\`;`,
  )
  await db.run(sql`DROP TABLE \`school_profile\`;`)
  await db.run(sql`ALTER TABLE \`__new_school_profile\` RENAME TO \`school_profile\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`event_date\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`event_place\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_event_date\`;`)
  await db.run(sql`ALTER TABLE \`_posts_v\` DROP COLUMN \`version_event_place\`;`)
  await db.run(sql`ALTER TABLE \`site_build\` DROP COLUMN \`mode\`;`)
}
