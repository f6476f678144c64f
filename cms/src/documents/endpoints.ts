/**
 * The endpoints of what is printed, signed, exchanged and archived from the records (TT27
 * Điều 13; Điều 6, 8, 13, 14.2), one module per document. Each asks `documentPolicy` through
 * `authorize()`, reads the records as the user, and logs every export of pupil data
 * (`./export-audit.ts`).
 */
import type { Endpoint } from 'payload'

import { archiveEndpoints } from './archive-endpoints'
import { documentClassesEndpoint } from './classes-endpoint'

export const documentEndpoints: Endpoint[] = [
  // The page's class picker and the buttons it shows.
  documentClassesEndpoint,
  // The electronic archive: send, receive, verify, file a signed summary, list (Điều 13.2, 14.2).
  ...archiveEndpoints,
]
