/**
 * `GET /api/moet-export?class=…&schoolYear=…` → the class's end-of-year results in the layout
 * the Ministry's database imports for its grade (Điều 6, 8; ASSESSMENT.md "The Ministry's
 * database"): levels T/H/C, test scores (the last attempt, as the transcript shows), qualities
 * and competencies T/Đ/C, completion, promotion and the overall result. 400 · 401 · 403 · 404.
 *
 * The records are read as the user (`overrideAccess: false`): a cell the user may not read stays
 * blank rather than being filled from a read the user could not make.
 */
import ExcelJS from 'exceljs'
import { Forbidden, type Endpoint, type PayloadRequest, type Where } from 'payload'
import {
  MOET_BAND_SUBJECTS,
  MOET_BAND_TRAITS,
  MOET_NO,
  MOET_RESULTS_TEMPLATES,
  MOET_YES,
  QUALITY_CODES,
  compareVietnameseNames,
  formatMoetDate,
  moetBandOf,
  moetResultColumns,
  normalizeMoetClassCode,
  resultKeys,
  slugify,
  type MoetBand,
} from '@school/shared'

import { documentPolicy } from '../access/policy'
import { yearApproved } from '../assessment/locks'
import { idOf } from '../lib/ids'
import type { Group, YearEndResult } from '../payload-types'
import { recordExport } from './export-audit'
import { writeMoetSheet, XLSX_TYPE } from './moet-workbook'
import { fileResponse } from './pdf'
import { authorizedClassYear } from './class-request'
import { asUser } from '../lib/as-user'

const REFUSED = {
  vi: 'Tệp kết quả gửi CSDL ngành của lớp do giáo viên chủ nhiệm và Ban giám hiệu lập (Điều 6, 8).',
  en: "The class's Ministry results file is made by its homeroom teacher and leadership.",
}

export type MoetResultCells = Record<string, string | number | null>

const COMPLETING_RESULTS: ReadonlySet<string> = new Set(['HTXS', 'HTT', 'HT'])

/** "Hoàn thành chương trình": a passing result, or a passed supplementary assessment. */
function completedOf(record: YearEndResult | undefined): boolean | null {
  if (!record?.result) return null
  if (COMPLETING_RESULTS.has(record.result)) return true
  if (record.supplementary?.passed === true) return true
  return false
}

/** "Lên lớp": the principal's decision first, then the homeroom teacher's note, then completion. */
function promotedOf(record: YearEndResult | undefined): boolean | null {
  if (!record) return null
  if (record.principalDecision) return record.principalDecision === 'promote'
  if (record.promotion === 'promoted' || record.promotion === 'completed_primary') return true
  if (record.promotion === 'retained') return false
  return completedOf(record)
}

/**
 * A read as the user: a collection the user may not read at all (Payload answers Forbidden) is,
 * for them, empty; its cells stay blank.
 */
export async function readableDocs<T>(read: Promise<{ docs: T[] }>): Promise<T[]> {
  try {
    return (await read).docs
  } catch (error) {
    if (error instanceof Forbidden) return []
    throw error
  }
}

const yesNo = (value: boolean | null) => (value === null ? null : value ? MOET_YES : MOET_NO)

/** The results of a class's year as the rows of its band's file, read as the user. */
export async function moetResultRows(
  req: PayloadRequest,
  schoolClass: Group,
  schoolYear: string,
): Promise<{ band: MoetBand; rows: MoetResultCells[]; students: number[] }> {
  const band = moetBandOf(schoolClass.grade ?? 1)
  const ofClass: Where = {
    and: [{ class: { equals: schoolClass.id } }, { schoolYear: { equals: schoolYear } }],
  }
  const [assessments, traitSheets, records] = await Promise.all([
    readableDocs(
      req.payload.find({
        collection: 'assessments',
        where: { and: [ofClass, { period: { equals: 'end' } }] },
        select: { student: true, subject: true, level: true, score: true },
        limit: 0,
        pagination: false,
        ...asUser(req),
      }),
    ),
    readableDocs(
      req.payload.find({
        collection: 'trait-assessments',
        where: { and: [ofClass, { period: { equals: 'end' } }] },
        select: { student: true, traits: true },
        limit: 0,
        pagination: false,
        ...asUser(req),
      }),
    ),
    readableDocs(
      req.payload.find({
        collection: 'year-end-results',
        where: ofClass,
        limit: 0,
        pagination: false,
        ...asUser(req),
      }),
    ),
  ])
  // The class's pupils of that year: those studying in it, and those assessed in it since moved.
  const assessed = new Set<number>()
  for (const doc of [...assessments, ...traitSheets, ...records]) {
    const pupil = idOf(doc.student)
    if (pupil !== null) assessed.add(pupil as number)
  }
  // Who studies in the class now: ids only, by the enrolment status the user may not filter on
  // (the IT teacher does not read it); the pupils themselves are then read as the user. Not once
  // the year is approved: a final year's file is its locked records' (issue 12.1).
  const approved = await yearApproved(req, schoolClass.id, schoolYear)
  const { docs: studying } = await req.payload.find({
    collection: 'students',
    where: { and: [{ class: { equals: schoolClass.id } }, { status: { equals: 'studying' } }] },
    select: {},
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const members = [
    ...new Set([...(approved ? [] : studying.map((pupil) => pupil.id)), ...assessed]),
  ]
  const pupils =
    members.length === 0
      ? []
      : await readableDocs(
          req.payload.find({
            collection: 'students',
            where: { id: { in: members } },
            select: { fullName: true, studentCode: true, dateOfBirth: true },
            limit: 0,
            pagination: false,
            ...asUser(req),
          }),
        )
  const cellsOf = new Map<number, MoetResultCells>()
  const classCode = normalizeMoetClassCode(schoolClass.name)
  for (const pupil of [...pupils].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)))
    cellsOf.set(pupil.id, {
      classCode,
      studentCode: pupil.studentCode ?? null,
      fullName: pupil.fullName,
      dateOfBirth: formatMoetDate(pupil.dateOfBirth) || null,
    })
  const bandSubjects = new Map(MOET_BAND_SUBJECTS[band].map((subject) => [subject.code, subject]))
  for (const entry of assessments) {
    const cells = cellsOf.get(idOf(entry.student) as number)
    const subject = bandSubjects.get(entry.subject as never)
    if (!cells || !subject) continue
    cells[resultKeys.level(subject.code)] = entry.level ?? null
    if (subject.tested) cells[resultKeys.score(subject.code)] = entry.score ?? null
  }
  const traits = MOET_BAND_TRAITS[band]
  const bandTraits = new Set<string>([...traits.general, ...traits.specific, ...QUALITY_CODES])
  for (const sheet of traitSheets) {
    const cells = cellsOf.get(idOf(sheet.student) as number)
    if (!cells) continue
    for (const trait of sheet.traits ?? [])
      if (bandTraits.has(trait.trait)) cells[resultKeys.trait(trait.trait)] = trait.level ?? null
  }
  for (const record of records) {
    const cells = cellsOf.get(idOf(record.student) as number)
    if (!cells) continue
    cells.completed = yesNo(completedOf(record))
    cells.promoted = yesNo(promotedOf(record))
    cells.result = record.result ?? null
  }
  const rows = [...cellsOf.values()].map((cells, at) => ({ stt: at + 1, ...cells }))
  return { band, rows, students: [...cellsOf.keys()] }
}

export async function moetResultsWorkbook(band: MoetBand, rows: MoetResultCells[]) {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Hệ thống quản trị trường học'
  writeMoetSheet(workbook, MOET_RESULTS_TEMPLATES[band], moetResultColumns(band), rows)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const moetExportEndpoint: Endpoint = {
  path: '/moet-export',
  method: 'get',
  handler: async (req) => {
    const { schoolClass, schoolYear } = await authorizedClassYear(
      req,
      documentPolicy.moetExport,
      REFUSED,
    )
    const { band, rows, students } = await moetResultRows(req, schoolClass, schoolYear)
    const file = await moetResultsWorkbook(band, rows)
    await recordExport(req, {
      document: 'moet-results',
      detail: `${schoolClass.name} · ${schoolYear} · ${MOET_RESULTS_TEMPLATES[band]}`,
      students,
    })
    return fileResponse(
      file,
      `${MOET_RESULTS_TEMPLATES[band]}-${slugify(schoolClass.name)}-${schoolYear}.xlsx`,
      XLSX_TYPE,
    )
  },
}
