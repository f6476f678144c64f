/**
 * GET /api/data-rights/pupils/:id/export — everything the school holds on one pupil, as one
 * .xlsx (Law 91/2025: a guardian's request to see their child's data). Leadership only
 * (`dataRightsPolicy.exportPupil`), logged with `recordExport` before the file leaves.
 * 401 not logged in · 403 not leadership · 404 no such pupil.
 */
import type { Endpoint } from 'payload'
import { slugify } from '@school/shared'

import { authorize } from '../access/authorize'
import { dataRightsPolicy } from '../access/policy'
import { recordExport } from '../documents/export-audit'
import { spreadsheetResponse } from '../lib/download'
import { couldBeId, idFromText } from '../lib/ids'
import { userError } from '../lib/messages'
import { pupilExport } from './pupil-export'

export const pupilExportEndpoint: Endpoint = {
  path: '/data-rights/pupils/:id/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    await authorize(req, dataRightsPolicy.exportPupil, {
      vi: 'Chỉ Hiệu trưởng, Phó Hiệu trưởng xuất được toàn bộ dữ liệu của một học sinh.',
      en: "Only the principal or a vice-principal exports all of a pupil's data.",
    })
    const raw = String(req.routeParams?.id ?? '')
    if (!couldBeId(raw))
      throw userError(req, 404, { vi: 'Không tìm thấy học sinh.', en: 'No such pupil.' })
    const { pupil, workbook } = await pupilExport(req, idFromText(raw))
    await recordExport(req, {
      document: 'pupil-data',
      detail: pupil.fullName,
      students: [pupil.id],
    })
    const name = slugify(pupil.fullName)
    return spreadsheetResponse(workbook, `du-lieu-hoc-sinh-${name}-${pupil.id}.xlsx`)
  },
}

export const dataRightsEndpoints: Endpoint[] = [pupilExportEndpoint]
