/**
 * A file leaves the archive (`/api/archive-files/file/<name>`, after the collection's `read`
 * allowed it): logged as an export of pupil data before its bytes are sent. Answers nothing, so
 * Payload then serves the file itself.
 */
import type { PayloadRequest } from 'payload'

import { recordExport } from './export-audit'

export async function recordArchiveDownload(
  req: PayloadRequest,
  { params }: { params: { filename: string } },
): Promise<void> {
  // The archive's own description of the file (its year and class), not pupil data.
  const { docs } = await req.payload.find({
    collection: 'archive-files',
    where: { filename: { equals: params.filename } },
    depth: 1,
    limit: 1,
    overrideAccess: true,
    req,
  })
  const file = docs[0]
  if (!file) return
  const className = typeof file.class === 'object' && file.class ? file.class.name : ''
  await recordExport(req, {
    document: 'archive-file',
    detail: [file.filename, className, file.schoolYear].filter(Boolean).join(' · '),
    students: [],
  })
}
