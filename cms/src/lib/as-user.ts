import type { PayloadRequest } from 'payload'

/**
 * Local API options for code acting for the request's user: the policy's rules apply as they do
 * over REST (the Local API skips them unless told `overrideAccess: false` with the user).
 */
export const asUser = (req: PayloadRequest) =>
  ({ overrideAccess: false, user: req.user, req, depth: 0 }) as const

/** The same, reading every match at once (a class's records), without pages. */
export const allAsUser = (req: PayloadRequest) =>
  ({ ...asUser(req), limit: 0, pagination: false }) as const
