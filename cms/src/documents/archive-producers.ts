/**
 * What the archive files for each class at the end of a year (Điều 13.2, 14.2). The archive
 * (`./archive.ts`) calls a producer once per class, one class at a time, under its request flag,
 * and writes what it returns to disk before it asks for the next class.
 *
 * TO BE REPLACED at merge: `yearEndProducer` must return the class's transcripts PDF
 * (`classTranscriptsFile(req, classId, schoolYear)`, transcript module) and its year-end
 * summaries (`classSummaryFile(req, classId, period, schoolYear, 'pdf')`, summary module).
 * Until then it makes one real PDF per class listing the pupils whose year-end result is kept.
 */
import type { DocumentKind, Period } from '@school/shared'
import { compareVietnameseNames, slugify } from '@school/shared'
import type { PayloadRequest } from 'payload'

import { idOf } from '../lib/ids'
import { FONTS, newPdf, pdfBuffer } from './pdf'

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

export const PDF = 'application/pdf'

/** The pupils of a class in a year: those whose year-end record the class keeps (read as the user). */
async function pupilsOfClassYear(req: PayloadRequest, classInfo: ArchiveClass) {
  const { docs } = await req.payload.find({
    collection: 'year-end-results',
    where: {
      and: [{ class: { equals: classInfo.id } }, { schoolYear: { equals: classInfo.schoolYear } }],
    },
    select: { student: true, result: true },
    populate: { students: { fullName: true, studentCode: true } },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return docs
    .map((record) => {
      const student = typeof record.student === 'object' ? record.student : null
      return {
        id: idOf(record.student),
        name: student?.fullName ?? '',
        code: student?.studentCode ?? '',
        result: record.result ?? '',
      }
    })
    .sort((a, b) => compareVietnameseNames(a.name, b.name))
}

export const yearEndProducer: ArchiveProducer = async (req, classInfo) => {
  const pupils = await pupilsOfClassYear(req, classInfo)
  const title = `Danh sách học sinh ${classInfo.name} · năm học ${classInfo.schoolYear}`
  const doc = newPdf({ title, subject: 'Lưu trữ cuối năm học' })
  const done = pdfBuffer(doc)
  doc.font(FONTS.bold).fontSize(14).text(title, { align: 'center' })
  doc.moveDown()
  doc.font(FONTS.regular).fontSize(12)
  pupils.forEach((pupil, at) => {
    doc.text(`${at + 1}. ${pupil.name}  ${pupil.code}  ${pupil.result}`)
  })
  doc.end()
  // A past year's class is named with its year ("Lớp 3A (2025-2026)"): said once.
  const { name, schoolYear } = classInfo
  const named = name.includes(schoolYear) ? name : `${name} ${schoolYear}`
  return [
    {
      filename: `${slugify(named)}-hoc-sinh.pdf`,
      kind: 'transcript',
      body: await done,
      contentType: PDF,
    },
  ]
}
