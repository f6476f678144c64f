/**
 * Runs `work` in the request's transaction: its own when none is open (committed when the work
 * succeeds, rolled back when it throws), the caller's when one is (left for the caller to end).
 * On SQLite and standalone MongoDB there are no transactions and this only runs the work.
 */
import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const ownTransaction = await initTransaction(req)
  try {
    const result = await work()
    if (ownTransaction) await commitTransaction(req)
    return result
  } catch (error) {
    if (ownTransaction) await killTransaction(req)
    throw error
  }
}
