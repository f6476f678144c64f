/**
 * The grade change log (Điều 12.2; Canvas's grade history): every change of an assessment, a
 * qualities-and-competencies sheet or a year-end result, with the values before and after, who,
 * when, and the correction request that allowed it. Written by the server only, never changed.
 * A change whose entry cannot be written fails with it (the save runs in the request's
 * transaction where the database has one).
 */
import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import { idOf } from '../lib/ids'
import { sameValue } from '../lib/values'

export type LoggedCollection = 'assessments' | 'trait-assessments' | 'year-end-results'

/** Why a change happened, as the server knows it (request context set by server code only). */
export function changeSourceOf(req: PayloadRequest): {
  source: 'entry' | 'upload' | 'correction' | 'system'
  correctionRequest: number | string | null
} {
  const request = req.context?.correctionRequest as number | string | undefined
  if (request !== undefined) return { source: 'correction', correctionRequest: request }
  if (!req.user) return { source: 'system', correctionRequest: null }
  return { source: req.context?.gridUpload === true ? 'upload' : 'entry', correctionRequest: null }
}

/** Logs the listed fields of each create and update. */
export function logGradeChanges(
  collection: LoggedCollection,
  fields: string[],
  scopeOf: (doc: Record<string, unknown>) => string | null,
): CollectionAfterChangeHook {
  return async ({ doc, previousDoc, operation, req }) => {
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    for (const field of fields) {
      const old = operation === 'create' ? undefined : previousDoc?.[field]
      if (operation === 'update' && sameValue(old, doc[field])) continue
      before[field] = old ?? null
      after[field] = doc[field] ?? null
    }
    if (Object.keys(after).length === 0) return doc
    const { source, correctionRequest } = changeSourceOf(req)
    // Straight through the adapter: the log has no hooks or rules of its own to run, and a
    // grid's save writes one entry per changed pupil (Payload's create costs a re-read each).
    const now = new Date().toISOString()
    await req.payload.db.create({
      collection: 'grade-changes',
      returning: false,
      data: {
        createdAt: now,
        updatedAt: now,
        collection,
        document: String(doc.id),
        student: idOf(doc.student),
        class: idOf(doc.class),
        schoolYear: doc.schoolYear,
        period: doc.period ?? null,
        scope: scopeOf(doc),
        before,
        after,
        source,
        changedBy: req.user?.id ?? null,
        correctionRequest: (correctionRequest as number | null) ?? null,
      },
      req,
    })
    return doc
  }
}
