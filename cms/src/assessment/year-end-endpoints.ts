/**
 * The year-end page's endpoints (TT27 Điều 9.2, 13; Điều 5.4):
 *
 * - `GET /api/year-end?schoolYear=` → the school years and the classes of one the user may view.
 * - `GET /api/year-end/:classId?schoolYear=` → each pupil's computed result, reasons, missing
 *   entries and stored year-end record; the class's approval (by whom, when). 401 · 403 · 404.
 * - `POST /api/year-end/:classId` `{ "action": "approve", "schoolYear"? }` → the principal
 *   approves: 200 with the class's year · 400 bad body · 401 · 403 not the principal · 404 ·
 *   409 already approved, or entries missing (`errors[0].data.missing` lists them).
 *
 * The school year defaults to the class's own (classes are made per school year).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { authorize, isAllowed } from '../access/authorize'
import { assessmentPolicy, collectionPolicy } from '../access/policy'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { lockOf, YEAR_END_SCOPE } from './locks'
import { approveClassYear, classAndYear, classYear } from './year-end'

const LOGIN = { vi: 'Cần đăng nhập.', en: 'You must log in.' }
const VIEW_REFUSED = {
  vi: 'Chỉ Ban giám hiệu, giáo viên chủ nhiệm lớp và tổ trưởng của khối xem kết quả cuối năm.',
  en: "Only leadership, the class's homeroom teacher and its group head see its year-end results.",
}
const APPROVE_REFUSED = {
  vi: 'Chỉ Hiệu trưởng phê duyệt kết quả năm học của lớp (Điều 5.4).',
  en: "Only the principal approves a class's year-end results.",
}

function requireUser(req: PayloadRequest): void {
  if (!req.user) throw userError(req, 401, LOGIN)
}

const classRecord = (classId: number, schoolYear: string) => ({
  record: { class: classId, schoolYear },
})

/**
 * What the signed-in user may do with the class's year, for the page's buttons, and why the
 * year-end records cannot be changed now (`lock`), if so.
 */
async function abilitiesFor(req: PayloadRequest, classId: number, schoolYear: string) {
  const target = { class: classId, schoolYear, period: 'end' as const, scope: YEAR_END_SCOPE }
  const [approve, editRecords, lock] = await Promise.all([
    isAllowed(req, assessmentPolicy.approveYear, classRecord(classId, schoolYear)),
    // The homeroom teacher's part of the year-end records (comment, award, promotion).
    isAllowed(req, collectionPolicy['year-end-results'].create, classRecord(classId, schoolYear)),
    lockOf(req, target),
  ])
  return { approve, editRecords, lock }
}

const classesEndpoint: Endpoint = {
  path: '/year-end',
  method: 'get',
  handler: async (req) => {
    requireUser(req)
    await authorize(req, assessmentPolicy.yearEndPage, VIEW_REFUSED)
    const { docs } = await req.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      select: { name: true, grade: true, schoolYear: true },
      sort: 'name',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    const viewable = []
    for (const group of docs) {
      const schoolYear = group.schoolYear ?? ''
      if (await isAllowed(req, assessmentPolicy.viewYearEnd, classRecord(group.id, schoolYear))) {
        viewable.push({ id: group.id, name: group.name, grade: group.grade, schoolYear })
      }
    }
    const schoolYears = [...new Set(viewable.map((group) => group.schoolYear))]
      .filter(Boolean)
      .sort()
      .reverse()
    const asked = req.searchParams.get('schoolYear')
    const schoolYear = asked && schoolYears.includes(asked) ? asked : (schoolYears[0] ?? null)
    return Response.json({
      schoolYears,
      schoolYear,
      classes: viewable.filter((group) => group.schoolYear === schoolYear),
    })
  },
}

const classYearEndpoint: Endpoint = {
  path: '/year-end/:classId',
  method: 'get',
  handler: async (req) => {
    requireUser(req)
    const { schoolClass, schoolYear } = await classAndYear(
      req,
      req.routeParams?.classId,
      req.searchParams.get('schoolYear'),
    )
    await authorize(
      req,
      assessmentPolicy.viewYearEnd,
      VIEW_REFUSED,
      classRecord(schoolClass.id, schoolYear),
    )
    const [year, may] = await Promise.all([
      classYear(req, schoolClass, schoolYear),
      abilitiesFor(req, schoolClass.id, schoolYear),
    ])
    return Response.json({ ...year, may })
  },
}

async function readAction(req: PayloadRequest): Promise<{ schoolYear: unknown }> {
  const body = await jsonBodyOf(req)
  const { action, schoolYear } = (body ?? {}) as { action?: unknown; schoolYear?: unknown }
  const validYear =
    schoolYear === undefined || schoolYear === null || typeof schoolYear === 'string'
  if (action !== 'approve' || !validYear) {
    throw userError(req, 400, {
      vi: 'Gửi {"action": "approve"} (có thể kèm "schoolYear": "2026-2027").',
      en: 'Send {"action": "approve"} (optionally with "schoolYear").',
    })
  }
  return { schoolYear }
}

const approveEndpoint: Endpoint = {
  path: '/year-end/:classId',
  method: 'post',
  handler: async (req) => {
    requireUser(req)
    const body = await readAction(req)
    const { schoolClass, schoolYear } = await classAndYear(
      req,
      req.routeParams?.classId,
      body.schoolYear,
    )
    await authorize(
      req,
      assessmentPolicy.approveYear,
      APPROVE_REFUSED,
      classRecord(schoolClass.id, schoolYear),
    )
    const year = await approveClassYear(req, schoolClass, schoolYear)
    const may = await abilitiesFor(req, schoolClass.id, schoolYear)
    return Response.json({ ...year, may })
  },
}

export const yearEndEndpoints: Endpoint[] = [classesEndpoint, classYearEndpoint, approveEndpoint]
