import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`students_guardians\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`relationship\` text NOT NULL,
  	\`phone\` text NOT NULL,
  	\`occupation\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`students_guardians_order_idx\` ON \`students_guardians\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`students_guardians_parent_id_idx\` ON \`students_guardians\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`students_enrollment_events\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`reason\` text NOT NULL,
  	\`school\` text,
  	\`from_class_id\` integer,
  	\`to_class_id\` integer,
  	FOREIGN KEY (\`from_class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`to_class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`students_enrollment_events_order_idx\` ON \`students_enrollment_events\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`students_enrollment_events_parent_id_idx\` ON \`students_enrollment_events\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`students_enrollment_events_from_class_idx\` ON \`students_enrollment_events\` (\`from_class_id\`);`)
  await db.run(sql`CREATE INDEX \`students_enrollment_events_to_class_idx\` ON \`students_enrollment_events\` (\`to_class_id\`);`)
  await db.run(sql`CREATE TABLE \`students\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`students_student_code_idx\` ON \`students\` (\`student_code\`);`)
  await db.run(sql`CREATE INDEX \`students_class_idx\` ON \`students\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`students_updated_at_idx\` ON \`students\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`students_created_at_idx\` ON \`students\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`health_checkups\` (
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
  await db.run(sql`CREATE INDEX \`health_checkups_student_idx\` ON \`health_checkups\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_date_idx\` ON \`health_checkups\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_examined_by_idx\` ON \`health_checkups\` (\`examined_by_id\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_updated_at_idx\` ON \`health_checkups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`health_checkups_created_at_idx\` ON \`health_checkups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`staff_profiles_qualifications\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`level\` text NOT NULL,
  	\`major\` text,
  	\`institution\` text,
  	\`year\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`staff_profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`staff_profiles_qualifications_order_idx\` ON \`staff_profiles_qualifications\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_qualifications_parent_id_idx\` ON \`staff_profiles_qualifications\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`staff_profiles_annual_evaluations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`rating\` text NOT NULL,
  	\`comment\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`staff_profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`staff_profiles_annual_evaluations_order_idx\` ON \`staff_profiles_annual_evaluations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_annual_evaluations_parent_id_idx\` ON \`staff_profiles_annual_evaluations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`staff_profiles_standard_evaluations\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`level\` text NOT NULL,
  	\`comment\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`staff_profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`staff_profiles_standard_evaluations_order_idx\` ON \`staff_profiles_standard_evaluations\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_standard_evaluations_parent_id_idx\` ON \`staff_profiles_standard_evaluations\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`staff_profiles\` (
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
  await db.run(sql`CREATE UNIQUE INDEX \`staff_profiles_email_idx\` ON \`staff_profiles\` (\`email\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`staff_profiles_user_idx\` ON \`staff_profiles\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_updated_at_idx\` ON \`staff_profiles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`staff_profiles_created_at_idx\` ON \`staff_profiles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log\` (
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
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_collection_idx\` ON \`audit_log\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_doc_id_idx\` ON \`audit_log\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`audit_log_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_log_texts_order_parent\` ON \`audit_log_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`ALTER TABLE \`posts_rels\` ADD \`students_id\` integer REFERENCES students(id);`)
  await db.run(sql`CREATE INDEX \`posts_rels_students_id_idx\` ON \`posts_rels\` (\`students_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v_rels\` ADD \`students_id\` integer REFERENCES students(id);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_students_id_idx\` ON \`_posts_v_rels\` (\`students_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`students_id\` integer REFERENCES students(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`health_checkups_id\` integer REFERENCES health_checkups(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`staff_profiles_id\` integer REFERENCES staff_profiles(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_log_id\` integer REFERENCES audit_log(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_students_id_idx\` ON \`payload_locked_documents_rels\` (\`students_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_health_checkups_id_idx\` ON \`payload_locked_documents_rels\` (\`health_checkups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_staff_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`staff_profiles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`students_guardians\`;`)
  await db.run(sql`DROP TABLE \`students_enrollment_events\`;`)
  await db.run(sql`DROP TABLE \`students\`;`)
  await db.run(sql`DROP TABLE \`health_checkups\`;`)
  await db.run(sql`DROP TABLE \`staff_profiles_qualifications\`;`)
  await db.run(sql`DROP TABLE \`staff_profiles_annual_evaluations\`;`)
  await db.run(sql`DROP TABLE \`staff_profiles_standard_evaluations\`;`)
  await db.run(sql`DROP TABLE \`staff_profiles\`;`)
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`audit_log_texts\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_posts_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_posts_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`posts_rels\`;`)
  await db.run(sql`DROP TABLE \`posts_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts_rels\` RENAME TO \`posts_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`posts_rels_order_idx\` ON \`posts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_parent_idx\` ON \`posts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_path_idx\` ON \`posts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_users_id_idx\` ON \`posts_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__posts_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_posts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__posts_v_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`_posts_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_posts_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v_rels\` RENAME TO \`_posts_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_order_idx\` ON \`_posts_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_parent_idx\` ON \`_posts_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_path_idx\` ON \`_posts_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_users_id_idx\` ON \`_posts_v_rels\` (\`users_id\`);`)
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
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`assignments_id\`) REFERENCES \`assignments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id") SELECT "id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id" FROM \`payload_locked_documents_rels\`;`)
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
}
