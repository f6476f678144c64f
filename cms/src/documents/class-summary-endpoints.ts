/**
 * `GET /api/class-summary?class=…&period=…&schoolYear=…&format=pdf|xlsx` (format defaults to
 * pdf): a class's bảng tổng hợp kết quả đánh giá giáo dục at one checkpoint (TT27 Điều 13;
 * Điều 13.1). Made by the class's homeroom teacher and leadership (`documentPolicy.classSummary`),
 * logged before the file leaves. 401 · 403 · 404 unknown class · 400 bad period, format or year.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { PERIODS, checkpointLabel, isSchoolYear, type Period } from '@school/shared'

import { documentPolicy } from '../access/policy'
import { classAndYear } from '../assessment/year-end'
import { userError } from '../lib/messages'
import { classSummaryData, type ClassSummary } from './class-summary-data'
import {
  classSummaryPdf,
  classSummaryPdfDocument,
  summaryFilename,
  writeClassSummaryPdf,
} from './class-summary-pdf'
import { classSummaryXlsx } from './class-summary-xlsx'
import { recordExport } from './export-audit'
import { fileResponse, pdfStreamResponse } from './pdf'
import { authorizedClassYear, LOGIN } from './class-request'

const REFUSED = {
  vi: 'Bảng tổng hợp kết quả đánh giá của lớp do giáo viên chủ nhiệm lớp và Ban giám hiệu lập.',
  en: "A class's summary is made by its homeroom teacher and leadership.",
}
const FORMATS = ['pdf', 'xlsx'] as const
type SummaryFormat = (typeof FORMATS)[number]
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function periodParam(req: PayloadRequest, value: string | null): Period {
  if (!PERIODS.includes(value as Period)) {
    throw userError(req, 400, {
      vi: `Kì đánh giá không hợp lệ: chọn một trong ${PERIODS.join(', ')}.`,
      en: `Unknown checkpoint: choose one of ${PERIODS.join(', ')}.`,
    })
  }
  return value as Period
}

function formatParam(req: PayloadRequest, value: string | null): SummaryFormat {
  const format = value ?? 'pdf'
  if (!FORMATS.includes(format as SummaryFormat)) {
    throw userError(req, 400, {
      vi: 'Định dạng không hợp lệ: chọn pdf hoặc xlsx.',
      en: 'Unknown format: choose pdf or xlsx.',
    })
  }
  return format as SummaryFormat
}

function logExport(req: PayloadRequest, summary: ClassSummary) {
  return recordExport(req, {
    document: 'class-summary',
    detail: `${summary.class.name} · ${summary.schoolYear} · ${checkpointLabel(summary.period)}`,
    students: summary.rows.map((row) => row.student),
  })
}

/**
 * The file of a class summary, for a caller that has already been authorized (the archive):
 * read as the request's user like the endpoint; the caller logs or files it.
 */
export async function classSummaryFile(
  req: PayloadRequest,
  classId: number | string,
  period: Period,
  schoolYear: string,
  format: SummaryFormat,
): Promise<{ body: Buffer; filename: string; contentType: string }> {
  const { schoolClass } = await classAndYear(req, classId, schoolYear)
  const summary = await classSummaryData(req, schoolClass, schoolYear, period)
  if (format === 'xlsx') {
    return {
      body: await classSummaryXlsx(summary),
      filename: summaryFilename(summary, 'xlsx'),
      contentType: XLSX,
    }
  }
  return {
    body: await classSummaryPdf(summary),
    filename: summaryFilename(summary, 'pdf'),
    contentType: 'application/pdf',
  }
}

export const classSummaryEndpoint: Endpoint = {
  path: '/class-summary',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN)
    const period = periodParam(req, req.searchParams.get('period'))
    const format = formatParam(req, req.searchParams.get('format'))
    const askedYear = req.searchParams.get('schoolYear')
    if (askedYear && !isSchoolYear(askedYear)) {
      throw userError(req, 400, {
        vi: `Năm học không hợp lệ: "${askedYear}" (ví dụ 2026-2027).`,
        en: `Invalid school year "${askedYear}" (e.g. 2026-2027).`,
      })
    }
    const { schoolClass, schoolYear } = await authorizedClassYear(
      req,
      documentPolicy.classSummary,
      REFUSED,
      { class: req.searchParams.get('class'), schoolYear: askedYear },
    )
    const summary = await classSummaryData(req, schoolClass, schoolYear, period)
    await logExport(req, summary)
    if (format === 'xlsx') {
      return fileResponse(await classSummaryXlsx(summary), summaryFilename(summary, 'xlsx'), XLSX)
    }
    return pdfStreamResponse(
      classSummaryPdfDocument(summary),
      summaryFilename(summary, 'pdf'),
      (doc) => writeClassSummaryPdf(doc, summary),
    )
  },
}
