/**
 * The periodic test archive's endpoints (Điều 6): which sets of a year are complete, the
 * handover list to sign, and a year's papers to the website as a draft post.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import { isSchoolYear } from '@school/shared'

import { authorize } from '../access/authorize'
import { testArchivePolicy } from '../access/policy'
import { pdfResponse } from '../documents/pdf'
import { asUser } from '../lib/as-user'
import { userError } from '../lib/messages'
import { yearCompleteness } from './completeness'
import { handoverListPdf } from './handover-pdf'
import { makePracticePost } from './publish'

const NOT_A_YEAR = { vi: 'Năm học có dạng 2025-2026.', en: 'A school year looks like 2025-2026.' }

async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  try {
    const body = (await req.json?.()) as unknown
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  } catch {
    throw userError(req, 400, { vi: 'Dữ liệu gửi lên không đọc được.', en: 'Unreadable body.' })
  }
}

export const testArchiveEndpoints: Endpoint[] = [
  {
    path: '/test-archive/completeness',
    method: 'get',
    handler: async (req) => {
      await authorize(req, testArchivePolicy.completeness, {
        vi: 'Bảng theo dõi bộ đề dành cho Ban giám hiệu và thư viện.',
        en: 'The completeness table is for leadership and the library.',
      })
      const schoolYear = (req.query as { schoolYear?: unknown } | undefined)?.schoolYear
      if (!isSchoolYear(schoolYear)) throw userError(req, 400, NOT_A_YEAR)
      return Response.json(await yearCompleteness(req, schoolYear))
    },
  },
  {
    path: '/test-archive/handovers/:id/pdf',
    method: 'get',
    handler: async (req) => {
      await authorize(req, testArchivePolicy.handoverList, {
        vi: 'Biên bản bàn giao dành cho Ban giám hiệu và thư viện.',
        en: 'The handover list is for leadership and the library.',
      })
      const id = String(req.routeParams?.id ?? '')
      const handover = await req.payload.findByID({
        collection: 'test-paper-handovers',
        id,
        ...asUser(req),
        depth: 1,
        disableErrors: true,
      })
      if (!handover) throw userError(req, 404, { vi: 'Không có biên bản này.', en: 'Not found.' })
      // The school's name is public (the website's heading).
      const school = await req.payload.findGlobal({
        slug: 'school-profile',
        overrideAccess: true,
        req,
      })
      const body = await handoverListPdf(handover, school.name ?? '')
      return pdfResponse(body, `Biên bản bàn giao đề kiểm tra ${handover.schoolYear}.pdf`)
    },
  },
  {
    path: '/test-archive/practice-post',
    method: 'post',
    handler: async (req) => {
      const body = await jsonBody(req)
      return Response.json(await makePracticePost(req, body.schoolYear), { status: 201 })
    },
  },
]
