import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { withPolicy } from './access/apply-policy'
import { Assignments } from './collections/Assignments'
import { AssessmentConfirmations } from './collections/assessment/AssessmentConfirmations'
import { TranscriptSignatures } from './collections/documents/TranscriptSignatures'
import { ArchiveEntries } from './collections/documents/ArchiveEntries'
import { ArchiveFiles } from './collections/documents/ArchiveFiles'
import { failArchivesLeftPreparing } from './documents/archive'
import { AssessmentPeriods } from './collections/assessment/AssessmentPeriods'
import { Assessments } from './collections/assessment/Assessments'
import { Attendance } from './collections/assessment/Attendance'
import { CommentBank } from './collections/assessment/CommentBank'
import { CorrectionRequests } from './collections/assessment/CorrectionRequests'
import { GradeChanges } from './collections/assessment/GradeChanges'
import { Subjects } from './collections/assessment/Subjects'
import { TeachingAssignments } from './collections/assessment/TeachingAssignments'
import { TraitAssessments } from './collections/assessment/TraitAssessments'
import { YearEndResults } from './collections/assessment/YearEndResults'
import { assessmentEndpoints } from './assessment/endpoints'
import { documentEndpoints } from './documents/endpoints'
import { auditedReferences } from './audit/references'
import { AuditLog } from './collections/AuditLog'
import { SecurityLog } from './collections/SecurityLog'
import { HealthCheckups } from './collections/HealthCheckups'
import { ImportProposals } from './collections/ImportProposals'
import { StaffProfiles } from './collections/StaffProfiles'
import { Students } from './collections/Students'
import { Groups } from './collections/Groups'
import { Media } from './collections/Media'
import { Posts } from './collections/Posts'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { Users } from './collections/Users'
import { DataBreaches } from './collections/DataBreaches'
import { DataRequests } from './collections/DataRequests'
import { ContestEntries } from './collections/contests/ContestEntries'
import { Contests } from './collections/contests/Contests'
import { Assets } from './collections/equipment/Assets'
import { AssetEvents } from './collections/equipment/AssetEvents'
import { AssetInventories } from './collections/equipment/AssetInventories'
import { EquipmentLoans } from './collections/equipment/EquipmentLoans'
import { equipmentEndpoints } from './equipment/endpoints'
import { dataRightsEndpoints } from './data-rights/endpoints'
import { registerExportEndpoint } from './registers/export'
import { TestPapers } from './collections/test-papers/TestPapers'
import { TestPaperHandovers } from './collections/test-papers/TestPaperHandovers'
import { testArchiveEndpoints } from './test-papers/endpoints'
import { IncomingDocuments } from './collections/office/IncomingDocuments'
import { DocumentHandlings } from './collections/office/DocumentHandlings'
import { OutgoingDocuments } from './collections/office/OutgoingDocuments'
import { PublicNotices } from './collections/PublicNotices'
import { DisclosureFiles } from './collections/disclosure/DisclosureFiles'
import { Disclosures } from './collections/disclosure/Disclosures'
import { Albums } from './collections/albums'
import { LunchMenus } from './collections/notices/LunchMenus'
import { TestSchedules } from './collections/notices/TestSchedules'
import { printedRegisterEndpoint } from './office/registers'
import { OFFICE_REMINDERS_QUEUE, remindHandlers } from './office/reminders'
import { toWebsiteEndpoint } from './office/to-website'
import { databaseAdapter } from './db'
import { smtpEmailAdapter } from './email'
import { SchoolProfile } from './globals/SchoolProfile'
import { SecuritySettings } from './globals/SecuritySettings'
import { SiteBuild } from './globals/SiteBuild'
import { BackupSettings } from './globals/BackupSettings'
import { BackupStatus } from './globals/BackupStatus'
import { startBackupSchedule } from './backup/runner'
import { requestSiteBuildAtStart } from './site-build/hooks'
import { recoverInterruptedSiteBuild } from './site-build/runner'
import { answerFullDiskClearly } from './hooks/disk-full'
import { markImportLeftApplying } from './records-import/runs'
import { editorialReportEndpoint } from './reports/endpoint'
import { recordsEndpoints } from './records-import/endpoints'
import { answerUnparsableParamsAsBadRequest, withRequestGuards } from './hooks/requestGuards'
import { answerFailedLoginsAlike } from './auth/login-throttle'
import { recordRefusals, withSecurityLog } from './auth/security-log'
import { explainAccountRestriction } from './auth/account-restriction'
import { totpEndpoints } from './auth/totp'
import { publicOrganisationEndpoint } from './website/organisation'
import { seedDemoSchoolIfEmpty } from './seed'
import { SCHEDULED_PUBLICATION_QUEUE } from './workflow/apply'
import { publishScheduledPost } from './workflow/scheduled'
import { Timetables } from './collections/timetable/Timetables'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const serverURL = process.env.SERVER_URL || 'http://localhost:3000'
/**
 * Only the CMS's own pages may call the API from a browser with the staff's cookie. The website
 * is not among them: it never calls the CMS from a browser (its build reads the public API on
 * the server, without credentials), and a page on its origin must never act as a logged-in user.
 */
const trustedOrigins = [...new Set([serverURL, 'http://127.0.0.1:3000', 'http://localhost:3000'])]

export default withPolicy(
  buildConfig({
    serverURL,
    admin: {
      user: Users.slug,
      // The default avatar is fetched from the internet; the school's line is slow and filtered.
      avatar: 'default',
      importMap: { baseDir: dirname },
      meta: { titleSuffix: ' · Trường Tiểu học Gia Thượng' },
      dateFormat: 'dd/MM/yyyy HH:mm',
      components: {
        // Điều 4: an account that must change its password or enter its code goes there first.
        header: ['/components/account/AccountNotice#AccountGate'],
        beforeDashboard: [
          '/components/account/AccountNotice#PasswordReminder',
          '/components/dashboard/EditorialDashboard#EditorialDashboard',
          '/components/assessment/ProgressDashboard#ProgressDashboard',
          '/components/data-rights/DataRightsDashboard#DataRightsDashboard',
          '/components/backup/BackupNotice#BackupNotice',
          '/components/equipment/EquipmentDashboard#EquipmentDashboard',
          '/components/office/HandlingsDashboard#HandlingsDashboard',
        ],
        afterNavLinks: ['/components/nav/PolicyNavLinks#PolicyNavLinks'],
        views: {
          editorialReport: {
            Component: '/components/report/EditorialReportView#EditorialReportView',
            path: '/editorial-report',
          },
          records: {
            Component: '/components/records/RecordsView#RecordsView',
            path: '/records',
          },
          totp: {
            Component: '/components/account/TotpView#TotpView',
            path: '/totp',
          },
          attendance: {
            Component: '/components/assessment/AttendanceView#AttendanceView',
            path: '/attendance',
          },
          yearEnd: {
            Component: '/components/assessment/YearEndView#YearEndView',
            path: '/year-end',
          },
          assessmentGrid: {
            Component: '/components/assessment/AssessmentGridView#AssessmentGridView',
            path: '/assessments',
          },
          assessmentProgress: {
            Component: '/components/assessment/ProgressView#ProgressView',
            path: '/assessment-progress',
          },
          documents: {
            Component: '/components/documents/DocumentsView#DocumentsView',
            path: '/documents',
          },
          equipmentReports: {
            Component: '/components/equipment/EquipmentReportsView#EquipmentReportsView',
            path: '/equipment-reports',
          },
          disclosureStatus: {
            Component: '/components/disclosure/DisclosureStatusView#DisclosureStatusView',
            path: '/disclosure-status',
          },
        },
      },
    },
    i18n: {
      supportedLanguages: { vi, en },
      fallbackLanguage: 'vi',
    },
    collections: withRequestGuards([
      withSecurityLog(Users),
      Groups,
      Posts,
      Assignments,
      WorkflowEvents,
      Media,
      Students,
      HealthCheckups,
      StaffProfiles,
      ImportProposals,
      Subjects,
      AssessmentPeriods,
      TeachingAssignments,
      Assessments,
      TraitAssessments,
      YearEndResults,
      AssessmentConfirmations,
      CorrectionRequests,
      GradeChanges,
      Attendance,
      CommentBank,
      TranscriptSignatures,
      ArchiveFiles,
      ArchiveEntries,
      AuditLog,
      SecurityLog,
      DataRequests,
      DataBreaches,
      Contests,
      ContestEntries,
      Assets,
      EquipmentLoans,
      AssetInventories,
      AssetEvents,
      TestPapers,
      TestPaperHandovers,
      IncomingDocuments,
      DocumentHandlings,
      OutgoingDocuments,
      PublicNotices,
      Disclosures,
      DisclosureFiles,
      Timetables,
      Albums,
      LunchMenus,
      TestSchedules,
    ]),
    globals: [SchoolProfile, SiteBuild, SecuritySettings, BackupSettings, BackupStatus],
    // Failed logins and refusals go to the security log; a locked account is answered like an
    // unknown one, in REST and in GraphQL; a refusal of an account that must first change its
    // password or enter its code says so.
    hooks: {
      afterError: [
        recordRefusals,
        answerFailedLoginsAlike,
        explainAccountRestriction,
        answerUnparsableParamsAsBadRequest,
        answerFullDiskClearly,
      ],
    },
    plugins: [auditedReferences],
    endpoints: [
      editorialReportEndpoint,
      ...recordsEndpoints,
      ...totpEndpoints,
      ...assessmentEndpoints,
      ...documentEndpoints,
      ...dataRightsEndpoints,
      registerExportEndpoint,
      ...equipmentEndpoints,
      ...testArchiveEndpoints,
      printedRegisterEndpoint,
      toWebsiteEndpoint,
      publicOrganisationEndpoint,
    ],
    db: databaseAdapter(path.resolve(dirname, 'migrations')),
    editor: lexicalEditor(),
    email: smtpEmailAdapter(),
    secret: process.env.PAYLOAD_SECRET || '',
    sharp,
    telemetry: false,
    // Refusals the user is told about are not server faults: one line each, no stack trace.
    loggingLevels: { UserFacingError: 'info' } as Config['loggingLevels'],
    cors: trustedOrigins,
    csrf: trustedOrigins,
    graphQL: { disablePlaygroundInProduction: true },
    typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
    jobs: {
      tasks: [publishScheduledPost, remindHandlers],
      // The CMS process itself runs scheduled publication every minute: no extra service to start.
      // The handlers' daily reminders (office/reminders.ts) are queued by their task's schedule.
      autoRun: [
        { cron: '* * * * *', queue: SCHEDULED_PUBLICATION_QUEUE },
        { cron: '*/10 * * * *', queue: OFFICE_REMINDERS_QUEUE },
      ],
      jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
        ...defaultJobsCollection,
        admin: { ...defaultJobsCollection.admin, hidden: true },
      }),
    },
    onInit: async (payload) => {
      await seedDemoSchoolIfEmpty(payload)
      // A send cut short by a stop of the server is marked failed; the IT teacher sends again.
      await failArchivesLeftPreparing(payload).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Archive entries left preparing: not marked' }),
      )
      // An import cut short by a stop is marked interrupted; the import page asks for a rerun.
      await markImportLeftApplying(payload).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Import left applying: not marked' }),
      )
      // A build cut short by a stop: its half-written folder goes, its status says so.
      await recoverInterruptedSiteBuild(payload).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Interrupted site build: not recovered' }),
      )
      requestSiteBuildAtStart(payload)
      // Điều 8: the nightly backup, and the mark that keeps a restore off a running CMS.
      await startBackupSchedule(payload).catch((error: unknown) =>
        payload.logger.error({ err: error, msg: 'Backup schedule not started' }),
      )
    },
  }),
)
