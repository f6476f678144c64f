import * as migration_20261129_033822_initial from './20261129_033822_initial';
import * as migration_20261129_050653_editorial_workflow from './20261129_050653_editorial_workflow';
import * as migration_20261129_051633_site_build_status from './20261129_051633_site_build_status';
import * as migration_20261129_055759_school_profile_about from './20261129_055759_school_profile_about';
import * as migration_20261129_065345_records from './20261129_065345_records';
import * as migration_20261129_075728_value_tables_parent_index from './20261129_075728_value_tables_parent_index';
import * as migration_20261201_100415_authorization_layer from './20261201_100415_authorization_layer';
import * as migration_20261201_105644_security_log_and_passwords from './20261201_105644_security_log_and_passwords';
import * as migration_20261201_105700_password_age_from_upgrade from './20261201_105700_password_age_from_upgrade';
import * as migration_20261201_105800_media_marks_of_live_content from './20261201_105800_media_marks_of_live_content';
import * as migration_20261201_130131_assessment from './20261201_130131_assessment';
import * as migration_20261201_152445_documents from './20261201_152445_documents';
import * as migration_20261201_182640_data_rights_backups_faults from './20261201_182640_data_rights_backups_faults';
import * as migration_20261201_212843_office_registers from './20261201_212843_office_registers';
import * as migration_20261202_020559_website_second_edition from './20261202_020559_website_second_edition';

export const migrations = [
  {
    up: migration_20261129_033822_initial.up,
    down: migration_20261129_033822_initial.down,
    name: '20261129_033822_initial',
  },
  {
    up: migration_20261129_050653_editorial_workflow.up,
    down: migration_20261129_050653_editorial_workflow.down,
    name: '20261129_050653_editorial_workflow',
  },
  {
    up: migration_20261129_051633_site_build_status.up,
    down: migration_20261129_051633_site_build_status.down,
    name: '20261129_051633_site_build_status',
  },
  {
    up: migration_20261129_055759_school_profile_about.up,
    down: migration_20261129_055759_school_profile_about.down,
    name: '20261129_055759_school_profile_about',
  },
  {
    up: migration_20261129_065345_records.up,
    down: migration_20261129_065345_records.down,
    name: '20261129_065345_records',
  },
  {
    up: migration_20261129_075728_value_tables_parent_index.up,
    down: migration_20261129_075728_value_tables_parent_index.down,
    name: '20261129_075728_value_tables_parent_index',
  },
  {
    up: migration_20261201_100415_authorization_layer.up,
    down: migration_20261201_100415_authorization_layer.down,
    name: '20261201_100415_authorization_layer',
  },
  {
    up: migration_20261201_105644_security_log_and_passwords.up,
    down: migration_20261201_105644_security_log_and_passwords.down,
    name: '20261201_105644_security_log_and_passwords',
  },
  {
    up: migration_20261201_105700_password_age_from_upgrade.up,
    down: migration_20261201_105700_password_age_from_upgrade.down,
    name: '20261201_105700_password_age_from_upgrade',
  },
  {
    up: migration_20261201_105800_media_marks_of_live_content.up,
    down: migration_20261201_105800_media_marks_of_live_content.down,
    name: '20261201_105800_media_marks_of_live_content',
  },
  {
    up: migration_20261201_130131_assessment.up,
    down: migration_20261201_130131_assessment.down,
    name: '20261201_130131_assessment',
  },
  {
    up: migration_20261201_152445_documents.up,
    down: migration_20261201_152445_documents.down,
    name: '20261201_152445_documents',
  },
  {
    up: migration_20261201_182640_data_rights_backups_faults.up,
    down: migration_20261201_182640_data_rights_backups_faults.down,
    name: '20261201_182640_data_rights_backups_faults',
  },
  {
    up: migration_20261201_212843_office_registers.up,
    down: migration_20261201_212843_office_registers.down,
    name: '20261201_212843_office_registers',
  },
  {
    up: migration_20261202_020559_website_second_edition.up,
    down: migration_20261202_020559_website_second_edition.down,
    name: '20261202_020559_website_second_edition'
  },
];
