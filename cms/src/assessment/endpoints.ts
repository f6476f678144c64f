/**
 * The assessment's endpoints (Điều 10, 12; TT27 Điều 13), one module per concern. Each asks
 * `assessmentPolicy` through `authorize()` and acts for the user with `overrideAccess: false`.
 */
import type { Endpoint } from 'payload'

import { gridEndpoints } from './grid-endpoints'

export const assessmentEndpoints: Endpoint[] = [...gridEndpoints]
