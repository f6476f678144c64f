/**
 * The assessment's endpoints (Điều 9.3, 10, 12; TT27 Điều 13), one module per concern. Each asks
 * `assessmentPolicy` through `authorize()` and acts for the user with `overrideAccess: false`.
 */
import type { Endpoint } from 'payload'

import { attendanceGridEndpoint, saveAttendanceGridEndpoint } from './attendance-grid'
import { gridEndpoints } from './grid-endpoints'
import { progressEndpoints } from './progress-endpoints'
import { yearEndEndpoints } from './year-end-endpoints'

export const assessmentEndpoints: Endpoint[] = [
  ...gridEndpoints,
  // Điều 9.3: the attendance grid (its totals are an endpoint of the attendance collection).
  attendanceGridEndpoint,
  saveAttendanceGridEndpoint,
  ...yearEndEndpoints,
  ...progressEndpoints,
]
