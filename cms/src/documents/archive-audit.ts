/**
 * A file leaves the archive (`/api/archive-files/file/<name>`, after the collection's `read`
 * allowed it): logged as an export of pupil data before its bytes are sent, naming the pupils
 * of the class and year it holds. Answers nothing, so Payload then serves the file itself.
 */
import type { PayloadRequest, Where } from 'payload'

import { idFromText, idOf } from '../lib/ids'
import { recordExport } from './export-audit'

type Id = number | string

/**
 * The pupils an archived file of a class and year is about: those with a record of that class
 * that year (the transcripts and summaries print them), and those whose class it is now. Ids
 * only, for the audit entry: read past access, as nothing of theirs is shown.
 */
async function pupilsOfClassYear(req: PayloadRequest, classId: Id, schoolYear: string) {
  const ids = new Set<string>()
  const ofClassYear: Where = {
    and: [{ class: { equals: classId } }, { schoolYear: { equals: schoolYear } }],
  }
  for (const collection of ['year-end-results', 'trait-assessments', 'assessments'] as const) {
    const { docs } = await req.payload.find({
      collection,
      where: ofClassYear,
      select: { student: true },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const doc of docs) {
      const id = idOf(doc.student as Id | { id: Id } | null)
      if (id !== null) ids.add(String(id))
    }
  }
  const { docs: inClass } = await req.payload.find({
    collection: 'students',
    where: { class: { equals: classId } },
    select: {},
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const pupil of inClass) ids.add(String(pupil.id))
  return [...ids].map(idFromText)
}

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
  const classId = idOf(file.class)
  await recordExport(req, {
    document: 'archive-file',
    detail: [file.filename, className, file.schoolYear].filter(Boolean).join(' · '),
    students: classId === null ? [] : await pupilsOfClassYear(req, classId, file.schoolYear),
  })
}
