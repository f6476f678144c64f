import type { Endpoint } from 'payload'

import { authorize } from '../access/authorize'
import { reportPolicy } from '../access/policy'
import { spreadsheetResponse } from '../lib/download'
import { userError } from '../lib/messages'
import { currentMonth, editorialReport, isMonth } from './editorial'
import { editorialReportWorkbook } from './spreadsheet'

/**
 * GET /api/editorial-report?month=YYYY-MM[&format=xlsx]: the monthly editorial report as JSON, or
 * as a spreadsheet to download (Điều 17.1).
 */
export const editorialReportEndpoint: Endpoint = {
  path: '/editorial-report',
  method: 'get',
  handler: async (req) => {
    await authorize(req, reportPolicy.editorial, {
      vi: 'Bạn không được xem báo cáo này.',
      en: 'You may not read this report.',
    })
    const month = req.searchParams.get('month') ?? currentMonth()
    if (!isMonth(month)) {
      throw userError(req, 400, {
        vi: 'Tháng có dạng YYYY-MM, ví dụ 2026-11.',
        en: 'A month looks like YYYY-MM, e.g. 2026-11.',
      })
    }
    const report = await editorialReport(req, month)
    if (req.searchParams.get('format') === 'xlsx') {
      const body = await editorialReportWorkbook(report)
      return spreadsheetResponse(Buffer.from(body), `bao-cao-ban-bien-tap-${month}.xlsx`)
    }
    return Response.json(report)
  },
}
