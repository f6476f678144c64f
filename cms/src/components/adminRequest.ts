import { headers } from 'next/headers'
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

/**
 * A request for the signed-in user of an admin page, for server components Payload gives no
 * request (the dashboard, the menu). Their `user` prop has field read access applied, so it
 * lacks what only the server reads (the second factor's verified sessions): the policy must be
 * asked with the full account, as Payload's own request holds it.
 */
export async function adminRequest(payload: Payload): Promise<PayloadRequest> {
  const { user } = await payload.auth({ headers: await headers() })
  return createLocalReq({ user: user ?? undefined }, payload)
}
