import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type Config } from 'payload'
import sharp from 'sharp'

import { Assignments } from './collections/Assignments'
import { AuditLog } from './collections/AuditLog'
import { HealthCheckups } from './collections/HealthCheckups'
import { ImportProposals } from './collections/ImportProposals'
import { StaffProfiles } from './collections/StaffProfiles'
import { Students } from './collections/Students'
import { Groups } from './collections/Groups'
import { Media } from './collections/Media'
import { Posts } from './collections/Posts'
import { WorkflowEvents } from './collections/WorkflowEvents'
import { Users } from './collections/Users'
import { databaseAdapter } from './db'
import { smtpEmailAdapter } from './email'
import { SchoolProfile } from './globals/SchoolProfile'
import { SiteBuild } from './globals/SiteBuild'
import { requestSiteBuildAtStart } from './site-build/hooks'
import { editorialReportEndpoint } from './reports/endpoint'
import { recordsEndpoints } from './records-import/endpoints'
import { withRequestGuards } from './hooks/requestGuards'
import { seedDemoSchoolIfEmpty } from './seed'
import { SCHEDULED_PUBLICATION_QUEUE } from './workflow/apply'
import { publishScheduledPost } from './workflow/scheduled'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const serverURL = process.env.SERVER_URL || 'http://localhost:3000'
const siteURL = process.env.SITE_URL || 'http://localhost:4321'
/** Only the CMS itself and the school's site may call the API from a browser. */
const trustedOrigins = [
  ...new Set([serverURL, siteURL, 'http://127.0.0.1:3000', 'http://localhost:3000']),
]

export default buildConfig({
  serverURL,
  admin: {
    user: Users.slug,
    // The default avatar is fetched from the internet; the school's line is slow and filtered.
    avatar: 'default',
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Trường Tiểu học Gia Thượng' },
    dateFormat: 'dd/MM/yyyy HH:mm',
    components: {
      beforeDashboard: ['/components/dashboard/EditorialDashboard#EditorialDashboard'],
      afterNavLinks: [
        '/components/report/ReportNavLink#ReportNavLink',
        '/components/records/RecordsNavLink#RecordsNavLink',
      ],
      views: {
        editorialReport: {
          Component: '/components/report/EditorialReportView#EditorialReportView',
          path: '/editorial-report',
        },
        records: {
          Component: '/components/records/RecordsView#RecordsView',
          path: '/records',
        },
      },
    },
  },
  i18n: {
    supportedLanguages: { vi, en },
    fallbackLanguage: 'vi',
  },
  collections: withRequestGuards([
    Users,
    Groups,
    Posts,
    Assignments,
    WorkflowEvents,
    Media,
    Students,
    HealthCheckups,
    StaffProfiles,
    ImportProposals,
    AuditLog,
  ]),
  globals: [SchoolProfile, SiteBuild],
  endpoints: [editorialReportEndpoint, ...recordsEndpoints],
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
    tasks: [publishScheduledPost],
    // The CMS process itself runs scheduled publication every minute: no extra service to start.
    autoRun: [{ cron: '* * * * *', queue: SCHEDULED_PUBLICATION_QUEUE }],
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      admin: { ...defaultJobsCollection.admin, hidden: true },
    }),
  },
  onInit: async (payload) => {
    await seedDemoSchoolIfEmpty(payload)
    requestSiteBuildAtStart(payload)
  },
})
