import type { CollectionBeforeChangeHook } from 'payload'

/**
 * A school that starts without the demo data creates its first account in the admin's
 * "create first user" screen: that account is the principal's (Điều 5.1), who then creates the rest.
 */
export const firstAccountIsPrincipal: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
  if (totalDocs === 0) return { ...data, roles: ['principal'] }
  return data
}
