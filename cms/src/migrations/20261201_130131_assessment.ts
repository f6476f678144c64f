/**
 * Issue 11, assessment under Circular 27: the tables of subjects, checkpoint windows, teaching
 * assignments, subject and trait results, year-end results, confirmations, correction requests,
 * the grade change log, attendance and the comment bank. Only new tables and new columns: no
 * existing table is rebuilt, so no data is copied. The lock table's new references cascade on
 * delete as Payload's own schema declares them (SQLite's ADD COLUMN takes the clause; drizzle-kit
 * left it out). The programme's subjects are created at start (seed/programme-subjects.ts).
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`subjects_grades\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subjects_grades_order_idx\` ON \`subjects_grades\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subjects_grades_parent_idx\` ON \`subjects_grades\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`subjects_elective_grades\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subjects_elective_grades_order_idx\` ON \`subjects_elective_grades\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subjects_elective_grades_parent_idx\` ON \`subjects_elective_grades\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`subjects_tests_periods\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`subjects_tests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subjects_tests_periods_order_idx\` ON \`subjects_tests_periods\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`subjects_tests_periods_parent_idx\` ON \`subjects_tests_periods\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`subjects_tests\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`grade\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`subjects_tests_order_idx\` ON \`subjects_tests\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`subjects_tests_parent_id_idx\` ON \`subjects_tests\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`subjects\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`short_name\` text,
  	\`code\` text NOT NULL,
  	\`order\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`subjects_code_idx\` ON \`subjects\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`subjects_updated_at_idx\` ON \`subjects\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subjects_created_at_idx\` ON \`subjects\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`assessment_periods\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`school_year\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`opens_on\` text NOT NULL,
  	\`closes_on\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`assessment_periods_school_year_idx\` ON \`assessment_periods\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`assessment_periods_updated_at_idx\` ON \`assessment_periods\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`assessment_periods_created_at_idx\` ON \`assessment_periods\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`schoolYear_period_idx\` ON \`assessment_periods\` (\`school_year\`,\`period\`);`)
  await db.run(sql`CREATE TABLE \`teaching_assignments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`teacher_id\` integer NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`subject\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`teacher_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`teaching_assignments_teacher_idx\` ON \`teaching_assignments\` (\`teacher_id\`);`)
  await db.run(sql`CREATE INDEX \`teaching_assignments_class_idx\` ON \`teaching_assignments\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`teaching_assignments_subject_idx\` ON \`teaching_assignments\` (\`subject\`);`)
  await db.run(sql`CREATE INDEX \`teaching_assignments_school_year_idx\` ON \`teaching_assignments\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`teaching_assignments_updated_at_idx\` ON \`teaching_assignments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`teaching_assignments_created_at_idx\` ON \`teaching_assignments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`teacher_class_subject_schoolYear_idx\` ON \`teaching_assignments\` (\`teacher_id\`,\`class_id\`,\`subject\`,\`school_year\`);`)
  await db.run(sql`CREATE TABLE \`assessments_attempts\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`score\` numeric NOT NULL,
  	\`recorded_at\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`assessments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`assessments_attempts_order_idx\` ON \`assessments_attempts\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`assessments_attempts_parent_id_idx\` ON \`assessments_attempts\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`assessments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`student_id\` integer NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`subject\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`level\` text NOT NULL,
  	\`score\` numeric,
  	\`comment\` text,
  	\`entered_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`assessments_student_idx\` ON \`assessments\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`assessments_class_idx\` ON \`assessments\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`assessments_subject_idx\` ON \`assessments\` (\`subject\`);`)
  await db.run(sql`CREATE INDEX \`assessments_school_year_idx\` ON \`assessments\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`assessments_entered_by_idx\` ON \`assessments\` (\`entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`assessments_updated_at_idx\` ON \`assessments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`assessments_created_at_idx\` ON \`assessments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`student_subject_period_schoolYear_idx\` ON \`assessments\` (\`student_id\`,\`subject\`,\`period\`,\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`class_subject_period_schoolYear_idx\` ON \`assessments\` (\`class_id\`,\`subject\`,\`period\`,\`school_year\`);`)
  await db.run(sql`CREATE TABLE \`trait_assessments_traits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`trait\` text NOT NULL,
  	\`level\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`trait_assessments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`trait_assessments_traits_order_idx\` ON \`trait_assessments_traits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`trait_assessments_traits_parent_id_idx\` ON \`trait_assessments_traits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`trait_assessments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`student_id\` integer NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`period\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`qualities_comment\` text,
  	\`competencies_comment\` text,
  	\`entered_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`trait_assessments_student_idx\` ON \`trait_assessments\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`trait_assessments_class_idx\` ON \`trait_assessments\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`trait_assessments_entered_by_idx\` ON \`trait_assessments\` (\`entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`trait_assessments_updated_at_idx\` ON \`trait_assessments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`trait_assessments_created_at_idx\` ON \`trait_assessments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`student_period_schoolYear_idx\` ON \`trait_assessments\` (\`student_id\`,\`period\`,\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`class_period_schoolYear_idx\` ON \`trait_assessments\` (\`class_id\`,\`period\`,\`school_year\`);`)
  await db.run(sql`CREATE TABLE \`year_end_results\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`student_id\` integer NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`result\` text,
  	\`result_reasons\` text,
  	\`comment\` text,
  	\`award\` text,
  	\`award_note\` text,
  	\`promotion\` text,
  	\`supplementary_date\` text,
  	\`supplementary_passed\` integer,
  	\`supplementary_comment\` text,
  	\`principal_decision\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`year_end_results_student_idx\` ON \`year_end_results\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`year_end_results_class_idx\` ON \`year_end_results\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`year_end_results_updated_at_idx\` ON \`year_end_results\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`year_end_results_created_at_idx\` ON \`year_end_results\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`student_schoolYear_idx\` ON \`year_end_results\` (\`student_id\`,\`school_year\`);`)
  await db.run(sql`CREATE TABLE \`assessment_confirmations\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`scope\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`by_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`assessment_confirmations_class_idx\` ON \`assessment_confirmations\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`assessment_confirmations_by_idx\` ON \`assessment_confirmations\` (\`by_id\`);`)
  await db.run(sql`CREATE INDEX \`assessment_confirmations_updated_at_idx\` ON \`assessment_confirmations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`assessment_confirmations_created_at_idx\` ON \`assessment_confirmations\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`class_schoolYear_period_scope_kind_idx\` ON \`assessment_confirmations\` (\`class_id\`,\`school_year\`,\`period\`,\`scope\`,\`kind\`);`)
  await db.run(sql`CREATE TABLE \`correction_requests\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`assessment_id\` integer NOT NULL,
  	\`level\` text,
  	\`score\` numeric,
  	\`comment\` text,
  	\`reason\` text NOT NULL,
  	\`status\` text DEFAULT 'pending',
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`decision_comment\` text,
  	\`requested_by_id\` integer,
  	\`before\` text,
  	\`student_id\` integer,
  	\`class_id\` integer,
  	\`subject\` text,
  	\`period\` text,
  	\`school_year\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`assessment_id\`) REFERENCES \`assessments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`correction_requests_assessment_idx\` ON \`correction_requests\` (\`assessment_id\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_status_idx\` ON \`correction_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_decided_by_idx\` ON \`correction_requests\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_requested_by_idx\` ON \`correction_requests\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_student_idx\` ON \`correction_requests\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_class_idx\` ON \`correction_requests\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_updated_at_idx\` ON \`correction_requests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`correction_requests_created_at_idx\` ON \`correction_requests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`grade_changes\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`student_id\` integer,
  	\`class_id\` integer,
  	\`school_year\` text,
  	\`period\` text,
  	\`scope\` text,
  	\`before\` text,
  	\`after\` text,
  	\`source\` text NOT NULL,
  	\`changed_by_id\` integer,
  	\`correction_request_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`correction_request_id\`) REFERENCES \`correction_requests\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`grade_changes_document_idx\` ON \`grade_changes\` (\`document\`);`)
  await db.run(sql`CREATE INDEX \`grade_changes_student_idx\` ON \`grade_changes\` (\`student_id\`);`)
  await db.run(sql`CREATE INDEX \`grade_changes_class_idx\` ON \`grade_changes\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`grade_changes_changed_by_idx\` ON \`grade_changes\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`grade_changes_correction_request_idx\` ON \`grade_changes\` (\`correction_request_id\`);`)
  await db.run(sql`CREATE INDEX \`grade_changes_updated_at_idx\` ON \`grade_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`grade_changes_created_at_idx\` ON \`grade_changes\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`class_scope_schoolYear_idx\` ON \`grade_changes\` (\`class_id\`,\`scope\`,\`school_year\`);`)
  await db.run(sql`CREATE TABLE \`attendance_marks\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`student_id\` integer NOT NULL,
  	\`mark\` text NOT NULL,
  	\`reason\` text,
  	FOREIGN KEY (\`student_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`attendance\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`attendance_marks_order_idx\` ON \`attendance_marks\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`attendance_marks_parent_id_idx\` ON \`attendance_marks\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_marks_student_idx\` ON \`attendance_marks\` (\`student_id\`);`)
  await db.run(sql`CREATE TABLE \`attendance\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`class_id\` integer NOT NULL,
  	\`date\` text NOT NULL,
  	\`session\` text NOT NULL,
  	\`day\` text,
  	\`school_year\` text,
  	\`taken_by_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`taken_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`attendance_class_idx\` ON \`attendance\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_day_idx\` ON \`attendance\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`attendance_school_year_idx\` ON \`attendance\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`attendance_taken_by_idx\` ON \`attendance\` (\`taken_by_id\`);`)
  await db.run(sql`CREATE INDEX \`attendance_updated_at_idx\` ON \`attendance\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`attendance_created_at_idx\` ON \`attendance\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`class_day_session_idx\` ON \`attendance\` (\`class_id\`,\`day\`,\`session\`);`)
  await db.run(sql`CREATE TABLE \`comment_bank\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`subject\` text NOT NULL,
  	\`level\` text,
  	\`text\` text NOT NULL,
  	\`shared\` integer DEFAULT false,
  	\`owner_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`owner_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`comment_bank_subject_idx\` ON \`comment_bank\` (\`subject\`);`)
  await db.run(sql`CREATE INDEX \`comment_bank_owner_idx\` ON \`comment_bank\` (\`owner_id\`);`)
  await db.run(sql`CREATE INDEX \`comment_bank_updated_at_idx\` ON \`comment_bank\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`comment_bank_created_at_idx\` ON \`comment_bank\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subjects_id\` integer REFERENCES subjects(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`assessment_periods_id\` integer REFERENCES assessment_periods(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`teaching_assignments_id\` integer REFERENCES teaching_assignments(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`year_end_results_id\` integer REFERENCES year_end_results(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`assessment_confirmations_id\` integer REFERENCES assessment_confirmations(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`correction_requests_id\` integer REFERENCES correction_requests(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`grade_changes_id\` integer REFERENCES grade_changes(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`comment_bank_id\` integer REFERENCES comment_bank(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subjects_id_idx\` ON \`payload_locked_documents_rels\` (\`subjects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_assessment_periods_id_idx\` ON \`payload_locked_documents_rels\` (\`assessment_periods_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_teaching_assignments_id_idx\` ON \`payload_locked_documents_rels\` (\`teaching_assignments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_year_end_results_id_idx\` ON \`payload_locked_documents_rels\` (\`year_end_results_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_assessment_confirmations_i_idx\` ON \`payload_locked_documents_rels\` (\`assessment_confirmations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_correction_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`correction_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_grade_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`grade_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_comment_bank_id_idx\` ON \`payload_locked_documents_rels\` (\`comment_bank_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`subjects_grades\`;`)
  await db.run(sql`DROP TABLE \`subjects_elective_grades\`;`)
  await db.run(sql`DROP TABLE \`subjects_tests_periods\`;`)
  await db.run(sql`DROP TABLE \`subjects_tests\`;`)
  await db.run(sql`DROP TABLE \`subjects\`;`)
  await db.run(sql`DROP TABLE \`assessment_periods\`;`)
  await db.run(sql`DROP TABLE \`teaching_assignments\`;`)
  await db.run(sql`DROP TABLE \`assessments_attempts\`;`)
  await db.run(sql`DROP TABLE \`assessments\`;`)
  await db.run(sql`DROP TABLE \`trait_assessments_traits\`;`)
  await db.run(sql`DROP TABLE \`trait_assessments\`;`)
  await db.run(sql`DROP TABLE \`year_end_results\`;`)
  await db.run(sql`DROP TABLE \`assessment_confirmations\`;`)
  await db.run(sql`DROP TABLE \`correction_requests\`;`)
  await db.run(sql`DROP TABLE \`grade_changes\`;`)
  await db.run(sql`DROP TABLE \`attendance_marks\`;`)
  await db.run(sql`DROP TABLE \`attendance\`;`)
  await db.run(sql`DROP TABLE \`comment_bank\`;`)
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
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`security_log_id\`) REFERENCES \`security_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "audit_log_id", "security_log_id") SELECT "id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "audit_log_id", "security_log_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_security_log_id_idx\` ON \`payload_locked_documents_rels\` (\`security_log_id\`);`)
}
