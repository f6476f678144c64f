/**
 * "Kết quả giáo dục năm học trước" (Thông tư 09/2024/TT-BGDĐT Điều 7.2) from the year-end results
 * (TT27 Điều 9.2, 12): counts and percentages per grade, small cells suppressed
 * (`aggregateResults` in shared). Only the grade, the result and the promotion of each pupil are
 * read; no name, no id and no row per pupil leaves this module.
 */
import type { PayloadRequest } from 'payload'
import { aggregateResults, type ResultRow, type ResultsAggregate } from '@school/shared'

import { idOf } from '../lib/ids'

export async function resultsAggregate(
  req: PayloadRequest,
  schoolYear: string,
): Promise<ResultsAggregate> {
  // Read as the server: the one publishing (the web admin) reads no pupil's result, and what is
  // read here leaves only as counts per grade.
  const { docs } = await req.payload.find({
    collection: 'year-end-results',
    where: { schoolYear: { equals: schoolYear } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { class: true, result: true, promotion: true },
    overrideAccess: true,
    req,
  })
  const classIds = [
    ...new Set(docs.map((doc) => idOf(doc.class as number | null)).filter((id) => id !== null)),
  ]
  const { docs: classes } = await req.payload.find({
    collection: 'groups',
    where: { id: { in: classIds } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { grade: true },
    overrideAccess: true,
    req,
  })
  const gradeOf = new Map(classes.map((group) => [String(group.id), group.grade]))
  const rows: ResultRow[] = docs.map((doc) => ({
    grade: Number(gradeOf.get(String(idOf(doc.class as number | null)))),
    result: doc.result,
    promotion: doc.promotion,
  }))
  return aggregateResults(rows)
}
