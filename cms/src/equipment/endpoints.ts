/**
 * GET /api/equipment/reports/:report[?format=xlsx] — the equipment reports (room, subject,
 * loans, minimum) as JSON or .xlsx; GET /api/equipment/inventories/:id/report?format=pdf|xlsx —
 * the inventory's record. Both for `equipmentPolicy.reports`, read as the user.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { vietnamDay } from '@school/shared'

import { authorize } from '../access/authorize'
import { equipmentPolicy } from '../access/policy'
import { pdfResponse, spreadsheetResponse } from '../documents/pdf'
import { userError } from '../lib/messages'
import {
  inventoryFileName,
  inventoryPdf,
  inventoryXlsx,
  reportXlsx,
  type ReportRows,
} from './report-files'
import {
  isEquipmentReport,
  reportByRoom,
  reportBySubject,
  reportOfLoans,
  reportOfMinimum,
  type EquipmentReportKind,
} from './reports'

const REFUSAL = {
  vi: 'Báo cáo tài sản, thiết bị dành cho Ban giám hiệu, nhân viên thiết bị và kế toán.',
  en: 'Equipment reports are for leadership, the equipment officer and the accountant.',
}

export async function equipmentReport(
  req: PayloadRequest,
  kind: EquipmentReportKind,
): Promise<ReportRows> {
  switch (kind) {
    case 'room':
      return { kind, rows: await reportByRoom(req) }
    case 'subject':
      return { kind, rows: await reportBySubject(req) }
    case 'loans':
      return { kind, rows: await reportOfLoans(req) }
    case 'minimum':
      return { kind, rows: await reportOfMinimum(req) }
  }
}

const formatOf = (req: PayloadRequest) => String((req.query as { format?: unknown })?.format ?? '')

export const equipmentEndpoints: Endpoint[] = [
  {
    path: '/equipment/reports/:report',
    method: 'get',
    handler: async (req) => {
      await authorize(req, equipmentPolicy.reports, REFUSAL)
      const kind = req.routeParams?.report
      if (!isEquipmentReport(kind))
        throw userError(req, 404, { vi: 'Không có báo cáo này.', en: 'No such report.' })
      const report = await equipmentReport(req, kind)
      if (formatOf(req) === 'xlsx')
        return spreadsheetResponse(
          await reportXlsx(kind, report),
          `bao-cao-thiet-bi-${kind}-${vietnamDay()}.xlsx`,
        )
      return Response.json(report)
    },
  },
  {
    path: '/equipment/inventories/:id/report',
    method: 'get',
    handler: async (req) => {
      await authorize(req, equipmentPolicy.reports, REFUSAL)
      const id = String(req.routeParams?.id ?? '')
      const inventory = await req.payload
        .findByID({
          collection: 'asset-inventories',
          id,
          depth: 1,
          user: req.user,
          req,
          overrideAccess: false,
        })
        .catch(() => null)
      if (!inventory)
        throw userError(req, 404, { vi: 'Không có biên bản này.', en: 'No such inventory.' })
      const format = formatOf(req) || 'pdf'
      if (format === 'xlsx')
        return spreadsheetResponse(
          await inventoryXlsx(inventory),
          inventoryFileName(inventory, 'xlsx'),
        )
      if (format !== 'pdf')
        throw userError(req, 400, {
          vi: 'Định dạng là pdf hoặc xlsx.',
          en: 'Format is pdf or xlsx.',
        })
      // The school's name for the heading: the public profile.
      const profile = await req.payload.findGlobal({
        slug: 'school-profile',
        depth: 0,
        overrideAccess: true,
        req,
      })
      return pdfResponse(
        await inventoryPdf(inventory, profile.name ?? 'Trường Tiểu học'),
        inventoryFileName(inventory, 'pdf'),
      )
    },
  },
]
