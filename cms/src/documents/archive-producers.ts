/**
 * What the archive files for each class at the end of a year (Điều 13.2, 14.2): the class's
 * final transcripts as one PDF (signed when the school has its certificate) and its class
 * summaries of the four checkpoints (TT27 Phụ lục 2). The archive (`./archive.ts`) calls the
 * producer once per class, one class at a time, under its request flag, and writes what it
 * returns to disk before it asks for the next class.
 */
import { PERIODS, slugify, type DocumentKind, type Period } from '@school/shared'
import type { PayloadRequest } from 'payload'

import { classSummaryFile } from './class-summary-endpoints'
import { PDF_TYPE } from './pdf'
import { classTranscriptsFile } from './transcript-endpoints'

export interface ArchiveClass {
  id: number
  name: string
  grade: number | null
  schoolYear: string
}

export interface ArchiveDocument {
  filename: string
  kind: DocumentKind
  body: Buffer
  contentType: string
  period?: Period
}

export type ArchiveProducer = (
  req: PayloadRequest,
  classInfo: ArchiveClass,
) => Promise<ArchiveDocument[]>

export const PDF = PDF_TYPE

export const yearEndProducer: ArchiveProducer = async (req, classInfo) => {
  // A past year's class is named with its year ("Lớp 3A (2025-2026)"): said once.
  const { name, schoolYear } = classInfo
  const named = slugify(name.includes(schoolYear) ? name : `${name} ${schoolYear}`)
  const documents: ArchiveDocument[] = [
    {
      filename: `hoc-ba-${named}.pdf`,
      kind: 'transcript',
      body: await classTranscriptsFile(req, classInfo.id, schoolYear),
      contentType: PDF,
    },
  ]
  for (const period of PERIODS) {
    const summary = await classSummaryFile(req, classInfo.id, period, schoolYear, 'pdf')
    documents.push({
      filename: summary.filename,
      kind: 'class-summary',
      body: summary.body,
      contentType: summary.contentType,
      period,
    })
  }
  return documents
}
