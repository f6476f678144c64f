/**
 * The endpoints of what is printed, signed, exchanged and archived from the records (TT27
 * Điều 13; Điều 6, 8, 13, 14.2), one module per document. Each asks `documentPolicy` through
 * `authorize()`, reads the records as the user, and logs every export of pupil data
 * (`./export-audit.ts`).
 */
import type { Endpoint } from 'payload'

import { archiveEndpoints } from './archive-endpoints'
import { documentClassesEndpoint } from './classes-endpoint'
import {
  classTranscriptPupilsEndpoint,
  classTranscriptsEndpoint,
  pupilTranscriptEndpoint,
} from './transcript-endpoints'
import { classSummaryEndpoint } from './class-summary-endpoints'
import {
  moetPupilsApplyEndpoint,
  moetPupilsExportEndpoint,
  moetPupilsPreviewEndpoint,
} from './moet-pupils'
import { moetExportEndpoint } from './moet-results'

export const documentEndpoints: Endpoint[] = [
  // The page's class picker and the buttons it shows.
  documentClassesEndpoint,
  // Học bạ số: POST /api/transcript-signatures/sign and GET …/status live on that collection
  // (collections/documents/TranscriptSignatures.ts, from ./signing-endpoints): Payload routes a
  // path under a collection's slug to the collection's endpoints only.
  // Học bạ (TT27 Phụ lục 1): one pupil, or a whole class as one file.
  pupilTranscriptEndpoint,
  classTranscriptsEndpoint,
  classTranscriptPupilsEndpoint,
  // Bảng tổng hợp of a class at a checkpoint, PDF or xlsx (TT27 Điều 13).
  classSummaryEndpoint,
  // The Ministry's database (Điều 6, 8): results file, pupil list, its import.
  moetExportEndpoint,
  moetPupilsExportEndpoint,
  moetPupilsPreviewEndpoint,
  moetPupilsApplyEndpoint,
  // The electronic archive: send, receive, verify, file a signed summary, list (Điều 13.2, 14.2).
  ...archiveEndpoints,
]
