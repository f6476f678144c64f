/**
 * The JSON body of a request to one of the project's endpoints: `{}` when there is none, `null`
 * when it is not JSON. Each endpoint then says what it expects, in Vietnamese (400).
 */
import type { PayloadRequest } from 'payload'

export async function jsonBodyOf(req: PayloadRequest): Promise<unknown> {
  try {
    return (await req.json?.()) ?? {}
  } catch {
    return null
  }
}
