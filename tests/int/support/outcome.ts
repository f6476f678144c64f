/** Runs an operation and says whether Payload allowed it or refused it for lack of permission. */
export type Outcome = 'allowed' | 'refused'

export async function outcomeOf(operation: () => Promise<unknown>): Promise<Outcome> {
  try {
    await operation()
    return 'allowed'
  } catch (error) {
    const status = (error as { status?: number }).status
    // 403 Forbidden, or 404 when the document is outside what the user may see at all.
    if (status === 403 || status === 404) return 'refused'
    throw error
  }
}
