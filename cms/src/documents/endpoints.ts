/**
 * The endpoints of what is printed, signed, exchanged and archived from the records (TT27
 * Điều 13; Điều 6, 8, 13, 14.2), one module per document. Each asks `documentPolicy` through
 * `authorize()`, reads the records as the user, and logs every export of pupil data
 * (`./export-audit.ts`).
 */
import type { Endpoint } from 'payload'

import { documentClassesEndpoint } from './classes-endpoint'
import {
  moetPupilsApplyEndpoint,
  moetPupilsExportEndpoint,
  moetPupilsPreviewEndpoint,
} from './moet-pupils'
import { moetExportEndpoint } from './moet-results'

export const documentEndpoints: Endpoint[] = [
  // The page's class picker and the buttons it shows.
  documentClassesEndpoint,
  // The Ministry's database (Điều 6, 8): results file, pupil list, its import.
  moetExportEndpoint,
  moetPupilsExportEndpoint,
  moetPupilsPreviewEndpoint,
  moetPupilsApplyEndpoint,
]
