/**
 * Issue 12, transcripts, summaries, signing and the archive: the tables of the transcripts'
 * signing steps, the archive's files and entries; the pupil's fields of the transcript's
 * personal page and the Ministry's list; the school's codes; which document an audit entry's
 * export made. Only new tables and new columns: no existing table is rebuilt, so no data is
 * copied. The lock table's new references cascade on delete as Payload's own schema declares
 * them (SQLite's ADD COLUMN takes the clause; drizzle-kit left it out).
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`transcript_signatures\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`step\` text NOT NULL,
  	\`by_id\` integer NOT NULL,
  	\`signer_name\` text NOT NULL,
  	\`certificate_subject\` text,
  	\`round\` numeric DEFAULT 1 NOT NULL,
  	\`fingerprint\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`transcript_signatures_class_idx\` ON \`transcript_signatures\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`transcript_signatures_school_year_idx\` ON \`transcript_signatures\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`transcript_signatures_by_idx\` ON \`transcript_signatures\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`transcript_signatures_updated_at_idx\` ON \`transcript_signatures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`transcript_signatures_created_at_idx\` ON \`transcript_signatures\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`class_schoolYear_step_round_idx\` ON \`transcript_signatures\` (\`class_id\`,\`school_year\`,\`step\`,\`round\`);`)
  await db.run(sql`CREATE TABLE \`archive_files\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`kind\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`class_id\` integer,
  	\`period\` text,
  	\`sha256\` text,
  	\`byte_size\` numeric,
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
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`archive_files_school_year_idx\` ON \`archive_files\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`archive_files_class_idx\` ON \`archive_files\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`archive_files_updated_at_idx\` ON \`archive_files\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`archive_files_created_at_idx\` ON \`archive_files\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`archive_files_filename_idx\` ON \`archive_files\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`archive_entries_files\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`file_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`class_id\` integer,
  	\`period\` text,
  	FOREIGN KEY (\`file_id\`) REFERENCES \`archive_files\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`archive_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`archive_entries_files_order_idx\` ON \`archive_entries_files\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_files_parent_id_idx\` ON \`archive_entries_files\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_files_file_idx\` ON \`archive_entries_files\` (\`file_id\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_files_class_idx\` ON \`archive_entries_files\` (\`class_id\`);`)
  await db.run(sql`CREATE TABLE \`archive_entries\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`progress_done\` numeric DEFAULT 0,
  	\`progress_total\` numeric DEFAULT 0,
  	\`failure\` text,
  	\`sent_by_id\` integer NOT NULL,
  	\`sent_at\` text,
  	\`received_by_id\` integer,
  	\`received_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`sent_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`received_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`archive_entries_school_year_idx\` ON \`archive_entries\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_status_idx\` ON \`archive_entries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_sent_by_idx\` ON \`archive_entries\` (\`sent_by_id\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_received_by_idx\` ON \`archive_entries\` (\`received_by_id\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_updated_at_idx\` ON \`archive_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`archive_entries_created_at_idx\` ON \`archive_entries\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`current_address\` text;`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`nationality\` text DEFAULT 'Việt Nam';`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`place_of_birth\` text;`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`home_town\` text;`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`register_number\` text;`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`personal_id\` text;`)
  await db.run(sql`ALTER TABLE \`students\` ADD \`disability\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`document\` text;`)
  await db.run(sql`ALTER TABLE \`audit_log\` ADD \`detail\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`transcript_signatures_id\` integer REFERENCES transcript_signatures(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`archive_files_id\` integer REFERENCES archive_files(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`archive_entries_id\` integer REFERENCES archive_entries(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_transcript_signatures_id_idx\` ON \`payload_locked_documents_rels\` (\`transcript_signatures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_archive_files_id_idx\` ON \`payload_locked_documents_rels\` (\`archive_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_archive_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`archive_entries_id\`);`)
  await db.run(sql`ALTER TABLE \`school_profile\` ADD \`school_code\` text;`)
  await db.run(sql`ALTER TABLE \`school_profile\` ADD \`commune\` text;`)
  await db.run(sql`ALTER TABLE \`school_profile\` ADD \`province\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`transcript_signatures\`;`)
  await db.run(sql`DROP TABLE \`archive_files\`;`)
  await db.run(sql`DROP TABLE \`archive_entries_files\`;`)
  await db.run(sql`DROP TABLE \`archive_entries\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`audit_log_id\` integer,
  	\`security_log_id\` integer,
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
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`security_log_id\`) REFERENCES \`security_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "audit_log_id", "security_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "audit_log_id", "security_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_import_proposals_id_idx\` ON \`payload_locked_documents_rels\` (\`import_proposals_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subjects_id_idx\` ON \`payload_locked_documents_rels\` (\`subjects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_assessment_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`assessment_periods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_teaching_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`teaching_assignments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_year_end_results_id_idx\` ON \`payload_locked_documents_rels\` (\`year_end_results_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_assessment_confirmations_i_idx\` ON \`payload_locked_documents_rels\` (\`assessment_confirmations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_correction_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`correction_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_grade_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`grade_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_bank_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_bank_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_security_log_id_idx\` ON \`payload_locked_documents_rels\` (\`security_log_id\`);`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`current_address\`;`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`nationality\`;`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`place_of_birth\`;`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`home_town\`;`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`register_number\`;`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`personal_id\`;`)
  await db.run(sql`ALTER TABLE \`students\` DROP COLUMN \`disability\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`document\`;`)
  await db.run(sql`ALTER TABLE \`audit_log\` DROP COLUMN \`detail\`;`)
  await db.run(sql`ALTER TABLE \`school_profile\` DROP COLUMN \`school_code\`;`)
  await db.run(sql`ALTER TABLE \`school_profile\` DROP COLUMN \`commune\`;`)
  await db.run(sql`ALTER TABLE \`school_profile\` DROP COLUMN \`province\`;`)
}
