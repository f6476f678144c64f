/**
 * Issue 14, the school office: the registers of incoming and outgoing documents and their
 * handling (Điều 14.1), assets, loans, inventories and asset events (Điều 6, 15), the periodic
 * test archive and its handovers to the library (Điều 6), contests and their results (Điều 8),
 * a post's attachments, and the jobs' schedule record (the handlers' daily reminders). Only new
 * tables and new columns: no existing table is rebuilt, so no data is copied. The new references
 * of the relation tables cascade on delete as Payload's own schema declares them (SQLite's ADD
 * COLUMN takes the clause; drizzle-kit left it out).
 */
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`contests_rounds\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`date\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_rounds_order_idx\` ON \`contests_rounds\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`contests_rounds_parent_id_idx\` ON \`contests_rounds\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`contests\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`organiser\` text,
  	\`level\` text NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`subject_area\` text,
  	\`start_date\` text,
  	\`end_date\` text,
  	\`website\` text,
  	\`note\` text,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`contests_school_year_idx\` ON \`contests\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`contests_search_text_idx\` ON \`contests\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`contests_updated_at_idx\` ON \`contests\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`contests_created_at_idx\` ON \`contests\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`contest_entries\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`contest_id\` integer NOT NULL,
  	\`pupil_id\` integer NOT NULL,
  	\`pupil_name\` text,
  	\`class_id\` integer,
  	\`school_year\` text,
  	\`account_name\` text,
  	\`round\` text,
  	\`score\` numeric,
  	\`duration\` text,
  	\`rank\` numeric,
  	\`award\` text,
  	\`celebrate\` integer DEFAULT false,
  	\`celebration_post_id\` integer,
  	\`entered_by_id\` integer,
  	\`note\` text,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`contest_id\`) REFERENCES \`contests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`class_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`celebration_post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`entered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`contest_entries_contest_idx\` ON \`contest_entries\` (\`contest_id\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_pupil_idx\` ON \`contest_entries\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_class_idx\` ON \`contest_entries\` (\`class_id\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_school_year_idx\` ON \`contest_entries\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_celebration_post_idx\` ON \`contest_entries\` (\`celebration_post_id\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_entered_by_idx\` ON \`contest_entries\` (\`entered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_search_text_idx\` ON \`contest_entries\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_updated_at_idx\` ON \`contest_entries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`contest_entries_created_at_idx\` ON \`contest_entries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`assets_grades\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`assets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`assets_grades_order_idx\` ON \`assets_grades\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`assets_grades_parent_idx\` ON \`assets_grades\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`assets\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`code\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`kind\` text DEFAULT 'teaching_equipment' NOT NULL,
  	\`room\` text NOT NULL,
  	\`subject_id\` integer,
  	\`minimum_item\` text,
  	\`unit\` text NOT NULL,
  	\`quantity\` numeric DEFAULT 1 NOT NULL,
  	\`broken_quantity\` numeric DEFAULT 0,
  	\`condition\` text DEFAULT 'good' NOT NULL,
  	\`year_in_use\` numeric,
  	\`source\` text,
  	\`note\` text,
  	\`unit_price\` numeric,
  	\`original_value\` numeric,
  	\`accumulated_wear\` numeric,
  	\`remaining_value\` numeric,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`subject_id\`) REFERENCES \`subjects\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`assets_code_idx\` ON \`assets\` (\`code\`);`)
  await db.run(sql`CREATE INDEX \`assets_kind_idx\` ON \`assets\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`assets_room_idx\` ON \`assets\` (\`room\`);`)
  await db.run(sql`CREATE INDEX \`assets_subject_idx\` ON \`assets\` (\`subject_id\`);`)
  await db.run(sql`CREATE INDEX \`assets_minimum_item_idx\` ON \`assets\` (\`minimum_item\`);`)
  await db.run(sql`CREATE INDEX \`assets_condition_idx\` ON \`assets\` (\`condition\`);`)
  await db.run(sql`CREATE INDEX \`assets_search_text_idx\` ON \`assets\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`assets_updated_at_idx\` ON \`assets\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`assets_created_at_idx\` ON \`assets\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`equipment_loans\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`asset_id\` integer NOT NULL,
  	\`borrower_id\` integer NOT NULL,
  	\`quantity\` numeric DEFAULT 1 NOT NULL,
  	\`lent_on\` text NOT NULL,
  	\`due_on\` text NOT NULL,
  	\`returned_on\` text,
  	\`return_condition\` text,
  	\`note\` text,
  	\`status\` text DEFAULT 'out',
  	\`lent_by_id\` integer,
  	\`received_by_id\` integer,
  	\`search_text\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`asset_id\`) REFERENCES \`assets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`borrower_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`lent_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`received_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`equipment_loans_asset_idx\` ON \`equipment_loans\` (\`asset_id\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_borrower_idx\` ON \`equipment_loans\` (\`borrower_id\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_lent_on_idx\` ON \`equipment_loans\` (\`lent_on\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_due_on_idx\` ON \`equipment_loans\` (\`due_on\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_status_idx\` ON \`equipment_loans\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_lent_by_idx\` ON \`equipment_loans\` (\`lent_by_id\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_received_by_idx\` ON \`equipment_loans\` (\`received_by_id\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_search_text_idx\` ON \`equipment_loans\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_updated_at_idx\` ON \`equipment_loans\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`equipment_loans_created_at_idx\` ON \`equipment_loans\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`asset_inventories_committee\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`position\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`asset_inventories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`asset_inventories_committee_order_idx\` ON \`asset_inventories_committee\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_committee_parent_id_idx\` ON \`asset_inventories_committee\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`asset_inventories_lines\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`asset_id\` integer NOT NULL,
  	\`registered_quantity\` numeric,
  	\`counted_quantity\` numeric NOT NULL,
  	\`difference\` numeric,
  	\`condition_found\` text,
  	\`note\` text,
  	FOREIGN KEY (\`asset_id\`) REFERENCES \`assets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`asset_inventories\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`asset_inventories_lines_order_idx\` ON \`asset_inventories_lines\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_lines_parent_id_idx\` ON \`asset_inventories_lines\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_lines_asset_idx\` ON \`asset_inventories_lines\` (\`asset_id\`);`)
  await db.run(sql`CREATE TABLE \`asset_inventories\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`conclusion\` text,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`approved_by_id\` integer,
  	\`approved_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`asset_inventories_school_year_idx\` ON \`asset_inventories\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_status_idx\` ON \`asset_inventories\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_submitted_by_idx\` ON \`asset_inventories\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_approved_by_idx\` ON \`asset_inventories\` (\`approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_updated_at_idx\` ON \`asset_inventories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`asset_inventories_created_at_idx\` ON \`asset_inventories\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`asset_events\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`kind\` text NOT NULL,
  	\`asset_id\` integer NOT NULL,
  	\`quantity\` numeric DEFAULT 1 NOT NULL,
  	\`condition_after\` text,
  	\`date\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`action_taken\` text,
  	\`cost\` numeric,
  	\`status\` text DEFAULT 'proposed' NOT NULL,
  	\`decision_note\` text,
  	\`loan_id\` integer,
  	\`proposed_by_id\` integer,
  	\`decided_by_id\` integer,
  	\`decided_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`asset_id\`) REFERENCES \`assets\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`loan_id\`) REFERENCES \`equipment_loans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`proposed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`asset_events_kind_idx\` ON \`asset_events\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_asset_idx\` ON \`asset_events\` (\`asset_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_date_idx\` ON \`asset_events\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_status_idx\` ON \`asset_events\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_loan_idx\` ON \`asset_events\` (\`loan_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_proposed_by_idx\` ON \`asset_events\` (\`proposed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_decided_by_idx\` ON \`asset_events\` (\`decided_by_id\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_updated_at_idx\` ON \`asset_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`asset_events_created_at_idx\` ON \`asset_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`test_papers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`title\` text,
  	\`school_year\` text NOT NULL,
  	\`grade\` text NOT NULL,
  	\`subject\` text NOT NULL,
  	\`period\` text NOT NULL,
  	\`part\` text NOT NULL,
  	\`note\` text,
  	\`uploaded_by_id\` integer,
  	\`search_text\` text,
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
  	FOREIGN KEY (\`uploaded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`test_papers_school_year_idx\` ON \`test_papers\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`test_papers_uploaded_by_idx\` ON \`test_papers\` (\`uploaded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`test_papers_search_text_idx\` ON \`test_papers\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`test_papers_updated_at_idx\` ON \`test_papers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`test_papers_created_at_idx\` ON \`test_papers\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`test_papers_filename_idx\` ON \`test_papers\` (\`filename\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`schoolYear_grade_subject_period_part_idx\` ON \`test_papers\` (\`school_year\`,\`grade\`,\`subject\`,\`period\`,\`part\`);`)
  await db.run(sql`CREATE TABLE \`test_paper_handovers_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`grade\` text,
  	\`subject\` text,
  	\`period\` text,
  	\`parts\` text,
  	\`missing\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`test_paper_handovers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_items_order_idx\` ON \`test_paper_handovers_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_items_parent_id_idx\` ON \`test_paper_handovers_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`test_paper_handovers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`school_year\` text NOT NULL,
  	\`status\` text DEFAULT 'handed' NOT NULL,
  	\`note\` text,
  	\`receipt_note\` text,
  	\`set_count\` numeric,
  	\`complete_sets\` numeric,
  	\`file_count\` numeric,
  	\`handed_by_id\` integer,
  	\`handed_at\` text,
  	\`received_by_id\` integer,
  	\`received_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`handed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`received_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`test_paper_handovers_school_year_idx\` ON \`test_paper_handovers\` (\`school_year\`);`)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_status_idx\` ON \`test_paper_handovers\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_handed_by_idx\` ON \`test_paper_handovers\` (\`handed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_received_by_idx\` ON \`test_paper_handovers\` (\`received_by_id\`);`)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_updated_at_idx\` ON \`test_paper_handovers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`test_paper_handovers_created_at_idx\` ON \`test_paper_handovers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`incoming_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`arrival_number\` numeric,
  	\`arrival_year\` numeric,
  	\`date_received\` text NOT NULL,
  	\`number_key\` text,
  	\`issuer\` text NOT NULL,
  	\`number_symbol\` text,
  	\`document_date\` text,
  	\`type\` text NOT NULL,
  	\`urgency\` text DEFAULT 'normal' NOT NULL,
  	\`from_authorities\` integer DEFAULT false,
  	\`summary\` text NOT NULL,
  	\`pages\` numeric,
  	\`copies\` numeric,
  	\`notes\` text,
  	\`handling_state\` text DEFAULT 'unassigned',
  	\`cancelled\` integer DEFAULT false,
  	\`cancel_reason\` text,
  	\`registered_by_id\` integer,
  	\`search_text\` text,
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
  	FOREIGN KEY (\`registered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`incoming_documents_arrival_number_idx\` ON \`incoming_documents\` (\`arrival_number\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_arrival_year_idx\` ON \`incoming_documents\` (\`arrival_year\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`incoming_documents_number_key_idx\` ON \`incoming_documents\` (\`number_key\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_issuer_idx\` ON \`incoming_documents\` (\`issuer\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_type_idx\` ON \`incoming_documents\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_urgency_idx\` ON \`incoming_documents\` (\`urgency\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_handling_state_idx\` ON \`incoming_documents\` (\`handling_state\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_cancelled_idx\` ON \`incoming_documents\` (\`cancelled\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_registered_by_idx\` ON \`incoming_documents\` (\`registered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_search_text_idx\` ON \`incoming_documents\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_updated_at_idx\` ON \`incoming_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_created_at_idx\` ON \`incoming_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`incoming_documents_filename_idx\` ON \`incoming_documents\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`arrivalYear_arrivalNumber_idx\` ON \`incoming_documents\` (\`arrival_year\`,\`arrival_number\`);`)
  await db.run(sql`CREATE TABLE \`incoming_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`incoming_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`incoming_documents_rels_order_idx\` ON \`incoming_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_rels_parent_idx\` ON \`incoming_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_rels_path_idx\` ON \`incoming_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`incoming_documents_rels_users_id_idx\` ON \`incoming_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`document_handlings\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`document_id\` integer NOT NULL,
  	\`handler_id\` integer NOT NULL,
  	\`role\` text DEFAULT 'lead' NOT NULL,
  	\`deadline\` text,
  	\`note\` text,
  	\`directed_by_id\` integer,
  	\`assigned_by_id\` integer,
  	\`status\` text DEFAULT 'assigned' NOT NULL,
  	\`handled_at\` text,
  	\`handled_note\` text,
  	\`reminded_on\` text,
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
  	FOREIGN KEY (\`document_id\`) REFERENCES \`incoming_documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`handler_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`directed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`assigned_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`document_handlings_document_idx\` ON \`document_handlings\` (\`document_id\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_handler_idx\` ON \`document_handlings\` (\`handler_id\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_deadline_idx\` ON \`document_handlings\` (\`deadline\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_directed_by_idx\` ON \`document_handlings\` (\`directed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_assigned_by_idx\` ON \`document_handlings\` (\`assigned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_status_idx\` ON \`document_handlings\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_updated_at_idx\` ON \`document_handlings\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`document_handlings_created_at_idx\` ON \`document_handlings\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`document_handlings_filename_idx\` ON \`document_handlings\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`outgoing_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`symbol\` text,
  	\`document_number\` numeric,
  	\`document_year\` numeric,
  	\`number_key\` text,
  	\`type\` text NOT NULL,
  	\`drafting_unit\` text DEFAULT 'VP',
  	\`document_date\` text NOT NULL,
  	\`summary\` text NOT NULL,
  	\`signer_id\` integer NOT NULL,
  	\`copies\` numeric,
  	\`recipients\` text NOT NULL,
  	\`kept_by\` text DEFAULT 'Văn thư (lưu)',
  	\`in_reply_to_id\` integer,
  	\`notes\` text,
  	\`cancelled\` integer DEFAULT false,
  	\`cancel_reason\` text,
  	\`registered_by_id\` integer,
  	\`search_text\` text,
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
  	FOREIGN KEY (\`signer_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`in_reply_to_id\`) REFERENCES \`incoming_documents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`registered_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`outgoing_documents_symbol_idx\` ON \`outgoing_documents\` (\`symbol\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_document_number_idx\` ON \`outgoing_documents\` (\`document_number\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_document_year_idx\` ON \`outgoing_documents\` (\`document_year\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outgoing_documents_number_key_idx\` ON \`outgoing_documents\` (\`number_key\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_type_idx\` ON \`outgoing_documents\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_signer_idx\` ON \`outgoing_documents\` (\`signer_id\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_in_reply_to_idx\` ON \`outgoing_documents\` (\`in_reply_to_id\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_cancelled_idx\` ON \`outgoing_documents\` (\`cancelled\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_registered_by_idx\` ON \`outgoing_documents\` (\`registered_by_id\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_search_text_idx\` ON \`outgoing_documents\` (\`search_text\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_updated_at_idx\` ON \`outgoing_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outgoing_documents_created_at_idx\` ON \`outgoing_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`outgoing_documents_filename_idx\` ON \`outgoing_documents\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`posts_rels\` ADD \`media_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`posts_rels_media_id_idx\` ON \`posts_rels\` (\`media_id\`);`)
  await db.run(sql`ALTER TABLE \`_posts_v_rels\` ADD \`media_id\` integer REFERENCES media(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_media_id_idx\` ON \`_posts_v_rels\` (\`media_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`contests_id\` integer REFERENCES contests(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`contest_entries_id\` integer REFERENCES contest_entries(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`assets_id\` integer REFERENCES assets(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`equipment_loans_id\` integer REFERENCES equipment_loans(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`asset_inventories_id\` integer REFERENCES asset_inventories(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`asset_events_id\` integer REFERENCES asset_events(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`test_papers_id\` integer REFERENCES test_papers(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`test_paper_handovers_id\` integer REFERENCES test_paper_handovers(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`incoming_documents_id\` integer REFERENCES incoming_documents(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`document_handlings_id\` integer REFERENCES document_handlings(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`outgoing_documents_id\` integer REFERENCES outgoing_documents(id) ON UPDATE no action ON DELETE cascade;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contests_id_idx\` ON \`payload_locked_documents_rels\` (\`contests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_contest_entries_id_idx\` ON \`payload_locked_documents_rels\` (\`contest_entries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_assets_id_idx\` ON \`payload_locked_documents_rels\` (\`assets_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_equipment_loans_id_idx\` ON \`payload_locked_documents_rels\` (\`equipment_loans_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_asset_inventories_id_idx\` ON \`payload_locked_documents_rels\` (\`asset_inventories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_asset_events_id_idx\` ON \`payload_locked_documents_rels\` (\`asset_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_test_papers_id_idx\` ON \`payload_locked_documents_rels\` (\`test_papers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_test_paper_handovers_id_idx\` ON \`payload_locked_documents_rels\` (\`test_paper_handovers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_incoming_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`incoming_documents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_document_handlings_id_idx\` ON \`payload_locked_documents_rels\` (\`document_handlings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outgoing_documents_id_idx\` ON \`payload_locked_documents_rels\` (\`outgoing_documents_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`contests_rounds\`;`)
  await db.run(sql`DROP TABLE \`contests\`;`)
  await db.run(sql`DROP TABLE \`contest_entries\`;`)
  await db.run(sql`DROP TABLE \`assets_grades\`;`)
  await db.run(sql`DROP TABLE \`assets\`;`)
  await db.run(sql`DROP TABLE \`equipment_loans\`;`)
  await db.run(sql`DROP TABLE \`asset_inventories_committee\`;`)
  await db.run(sql`DROP TABLE \`asset_inventories_lines\`;`)
  await db.run(sql`DROP TABLE \`asset_inventories\`;`)
  await db.run(sql`DROP TABLE \`asset_events\`;`)
  await db.run(sql`DROP TABLE \`test_papers\`;`)
  await db.run(sql`DROP TABLE \`test_paper_handovers_items\`;`)
  await db.run(sql`DROP TABLE \`test_paper_handovers\`;`)
  await db.run(sql`DROP TABLE \`incoming_documents\`;`)
  await db.run(sql`DROP TABLE \`incoming_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`document_handlings\`;`)
  await db.run(sql`DROP TABLE \`outgoing_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_posts_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`students_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`students_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_posts_rels\`("id", "order", "parent_id", "path", "users_id", "students_id") SELECT "id", "order", "parent_id", "path", "users_id", "students_id" FROM \`posts_rels\`;`)
  await db.run(sql`DROP TABLE \`posts_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_posts_rels\` RENAME TO \`posts_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`posts_rels_order_idx\` ON \`posts_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_parent_idx\` ON \`posts_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_path_idx\` ON \`posts_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_users_id_idx\` ON \`posts_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`posts_rels_students_id_idx\` ON \`posts_rels\` (\`students_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__posts_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`students_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_posts_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`students_id\`) REFERENCES \`students\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__posts_v_rels\`("id", "order", "parent_id", "path", "users_id", "students_id") SELECT "id", "order", "parent_id", "path", "users_id", "students_id" FROM \`_posts_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_posts_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__posts_v_rels\` RENAME TO \`_posts_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_order_idx\` ON \`_posts_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_parent_idx\` ON \`_posts_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_path_idx\` ON \`_posts_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_users_id_idx\` ON \`_posts_v_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`_posts_v_rels_students_id_idx\` ON \`_posts_v_rels\` (\`students_id\`);`)
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
  	FOREIGN KEY (\`data_breaches_id\`) REFERENCES \`data_breaches\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "transcript_signatures_id", "archive_files_id", "archive_entries_id", "audit_log_id", "security_log_id", "data_requests_id", "data_breaches_id") SELECT "id", "order", "parent_id", "path", "users_id", "groups_id", "posts_id", "assignments_id", "workflow_events_id", "media_id", "students_id", "health_checkups_id", "staff_profiles_id", "import_proposals_id", "subjects_id", "assessment_periods_id", "teaching_assignments_id", "year_end_results_id", "assessment_confirmations_id", "correction_requests_id", "grade_changes_id", "comment_bank_id", "transcript_signatures_id", "archive_files_id", "archive_entries_id", "audit_log_id", "security_log_id", "data_requests_id", "data_breaches_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`data_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_data_breaches_id_idx\` ON \`payload_locked_documents_rels\` (\`data_breaches_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
