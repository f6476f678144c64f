/**
 * Issue 13, running it for real: guardians' data requests and the breach record (Law 91/2025),
 * the nightly backup's settings and status (Điều 8). Only new tables and new columns: no
 * existing table is rebuilt, so no data is copied. The lock table's new references cascade on
 * delete as Payload's own schema declares them (SQLite's ADD COLUMN takes the clause;
 * drizzle-kit left it out).
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`data_requests\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`pupil_id\` integer NOT NULL,
  	\`kind\` text NOT NULL,
  	\`guardian_name\` text NOT NULL,
  	\`guardian_relationship\` text,
  	\`guardian_contact\` text NOT NULL,
  	\`received_on\` text NOT NULL,
  	\`channel\` text NOT NULL,
  	\`details\` text NOT NULL,
  	\`status\` text DEFAULT 'received' NOT NULL,
  	\`acknowledge_by\` text,
  	\`complete_by\` text,
  	\`refusal_reason\` text,
  	\`response\` text,
  	\`erasure_report\` text,
  	\`recorded_by_id\` integer,
  	\`acknowledged_at\` text,
  	\`acknowledged_by_id\` integer,
  	\`decided_at\` text,
  	\`decided_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`acknowledged_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`data_requests_pupil_idx\` ON \`data_requests\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_received_on_idx\` ON \`data_requests\` (\`received_on\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_status_idx\` ON \`data_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_acknowledge_by_idx\` ON \`data_requests\` (\`acknowledge_by\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_complete_by_idx\` ON \`data_requests\` (\`complete_by\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_recorded_by_idx\` ON \`data_requests\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_acknowledged_by_idx\` ON \`data_requests\` (\`acknowledged_by_id\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_decided_by_idx\` ON \`data_requests\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_updated_at_idx\` ON \`data_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`data_requests_created_at_idx\` ON \`data_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`data_breaches_notifications\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`party\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`how\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`data_breaches\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`data_breaches_notifications_order_idx\` ON \`data_breaches_notifications\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_notifications_parent_id_idx\` ON \`data_breaches_notifications\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`data_breaches\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`summary\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`data_affected\` text NOT NULL,
  	\`pupil_count\` numeric NOT NULL,
  	\`happened_at\` text,
  	\`found_at\` text NOT NULL,
  	\`found_by\` text NOT NULL,
  	\`measures\` text,
  	\`notice_deadline\` text,
  	\`authority_notified_at\` text,
  	\`recorded_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`data_breaches_found_at_idx\` ON \`data_breaches\` (\`found_at\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_notice_deadline_idx\` ON \`data_breaches\` (\`notice_deadline\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_recorded_by_idx\` ON \`data_breaches\` (\`recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_updated_at_idx\` ON \`data_breaches\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_created_at_idx\` ON \`data_breaches\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`data_breaches_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`students_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`data_breaches\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`students_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`data_breaches_rels_order_idx\` ON \`data_breaches_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_rels_parent_idx\` ON \`data_breaches_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_rels_path_idx\` ON \`data_breaches_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`data_breaches_rels_students_id_idx\` ON \`data_breaches_rels\` (\`students_id\`);`)
  await db.run(sql`CREATE TABLE \`backup_settings\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`time\` text DEFAULT '02:30' NOT NULL,
  	\`keep\` numeric DEFAULT 14 NOT NULL,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`backup_status\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`state\` text,
  	\`last_attempt_at\` text,
  	\`last_success_at\` text,
  	\`last_file\` text,
  	\`last_size\` numeric,
  	\`last_failure_at\` text,
  	\`last_failure_message\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`data_requests_id\` integer REFERENCES data_requests(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`data_breaches_id\` integer REFERENCES data_breaches(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`data_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_breaches_id_idx\` ON \`payload_locked_documents_rels\` (\`data_breaches_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`data_requests\`;`)
  await db.run(sql`DROP TABLE \`data_breaches_notifications\`;`)
  await db.run(sql`DROP TABLE \`data_breaches\`;`)
  await db.run(sql`DROP TABLE \`data_breaches_rels\`;`)
  await db.run(sql`DROP TABLE \`backup_settings\`;`)
  await db.run(sql`DROP TABLE \`backup_status\`;`)
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
  	\`transcript_signatures_id\` integer,
  	\`archive_files_id\` integer,
  	\`archive_entries_id\` integer,
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
  	FOREIGN KEY (\`transcript_signatures_id\`) REFERENCES \`transcript_signatures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`archive_files_id\`) REFERENCES \`archive_files\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`archive_entries_id\`) REFERENCES \`archive_entries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`security_log_id\`) REFERENCES \`security_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "transcript_signatures_id", "archive_files_id", "archive_entries_id", "audit_log_id", "security_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "transcript_signatures_id", "archive_files_id", "archive_entries_id", "audit_log_id", "security_log_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_transcript_signatures_id_idx\` ON \`payload_locked_documents_rels\` (\`transcript_signatures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_archive_files_id_idx\` ON \`payload_locked_documents_rels\` (\`archive_files_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_archive_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`archive_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_security_log_id_idx\` ON \`payload_locked_documents_rels\` (\`security_log_id\`);`)
}
