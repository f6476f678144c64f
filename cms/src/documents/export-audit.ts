import type { DocumentKind } from '@school/shared'
import type { PayloadRequest } from 'payload'

import { writeAuditEntry } from '../audit/hooks'

/**
 * Every export of pupil data is logged before the file leaves (Điều 9.1; Law 91/2025): who (the
 * request's user), which document, of which class and year (`detail`), and the pupils in it.
 * Written before the file is sent: an export that cannot be logged does not happen.
 */
export async function recordExport(
  req: PayloadRequest,
  entry: { document: DocumentKind; detail: string; students: (number | string)[] },
): Promise<void> {
  await writeAuditEntry(req, {
    action: 'export',
    collection: 'students',
    document: entry.document,
    detail: entry.detail,
    docIds: entry.students,
    count: entry.students.length,
  })
}
