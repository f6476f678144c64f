/**
 * Which sets of a school year's periodic tests are complete (Điều 6): every set the programme
 * has (TT27 Điều 7.2: the tested subjects and checkpoints of each grade) against the parts the
 * reader may see, read as the reader.
 */
import type { PayloadRequest } from 'payload'
import {
  PERIOD_LABELS,
  TEST_PAPER_PARTS,
  expectedTestPaperSets,
  testPaperSetKey,
  type Period,
  type TestPaperPart,
} from '@school/shared'

import { allAsUser } from '../lib/as-user'
import type { TestPaper } from '../payload-types'

export interface SetCompleteness {
  grade: number
  subject: string
  subjectName: string
  period: Period
  periodLabel: string
  /** The part's paper id, or null when the part is missing. */
  parts: Record<TestPaperPart, TestPaper['id'] | null>
  missing: TestPaperPart[]
  complete: boolean
}

export interface YearCompleteness {
  schoolYear: string
  sets: SetCompleteness[]
  setCount: number
  completeSets: number
  fileCount: number
}

/**
 * The year's papers the reader may read; `every`: all of them, for the handover's count (only
 * leadership hands over, who reads them all; the count names no paper's content).
 */
export async function papersOfYear(
  req: PayloadRequest,
  schoolYear: string,
  every = false,
): Promise<TestPaper[]> {
  const { docs } = await req.payload.find({
    collection: 'test-papers',
    where: { schoolYear: { equals: schoolYear } },
    ...allAsUser(req),
    ...(every && { overrideAccess: true }),
  })
  return docs
}

export async function yearCompleteness(
  req: PayloadRequest,
  schoolYear: string,
  every = false,
): Promise<YearCompleteness> {
  const papers = await papersOfYear(req, schoolYear, every)
  const byKey = new Map<string, TestPaper[]>()
  for (const paper of papers) {
    const key = testPaperSetKey(paper)
    byKey.set(key, [...(byKey.get(key) ?? []), paper])
  }
  const sets = expectedTestPaperSets().map((set): SetCompleteness => {
    const found = byKey.get(testPaperSetKey(set)) ?? []
    const parts = Object.fromEntries(
      TEST_PAPER_PARTS.map((part) => [
        part,
        found.find((paper) => paper.part === part)?.id ?? null,
      ]),
    ) as SetCompleteness['parts']
    const missing = TEST_PAPER_PARTS.filter((part) => parts[part] === null)
    return {
      ...set,
      periodLabel: PERIOD_LABELS[set.period].vi,
      parts,
      missing,
      complete: missing.length === 0,
    }
  })
  return {
    schoolYear,
    sets,
    setCount: sets.filter((set) => set.missing.length < TEST_PAPER_PARTS.length).length,
    completeSets: sets.filter((set) => set.complete).length,
    fileCount: papers.length,
  }
}
