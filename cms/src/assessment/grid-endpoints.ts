/**
 * The entry grid's endpoints (Điều 10.1, 12.1, 12.2):
 * - `GET  /api/assessment-grid?class=&subject=&period=&schoolYear=` → SubjectGrid
 * - `POST /api/assessment-grid` SubjectGridSave → 200 `{ saved, grid }` · 400 `{ errors }`
 *   (nothing written) · 403 not the assigned teacher · 409 locked (window closed, confirmed,
 *   approved)
 * - `GET|POST /api/assessment-grid/xlsx?class=&subject=&period=&schoolYear=`: the same grid as a
 *   spreadsheet; an upload (the file as the body, or multipart field `file`) with one bad cell
 *   writes nothing and lists every error with its cell
 * - the same four under `/api/trait-grid` for the class's qualities and competencies
 * - `POST /api/assessment-grid/confirm` `{ class, subject | "traits", period, schoolYear }`: the
 *   teacher confirms the checkpoint is entered; the entries lock (409 while incomplete)
 * - `GET /api/assessment-grid/choices?schoolYear=` → the sheets the user may open
 */
import type { Endpoint, PayloadRequest } from 'payload'
import {
  PERIOD_LABELS,
  PERIODS,
  compareVi,
  isSchoolYear,
  schoolYearOf,
  slugify,
  vietnamDay,
  type GridChoices,
  type SubjectGrid,
  type TraitGrid,
} from '@school/shared'

import { authorize, isAllowed } from '../access/authorize'
import { assessmentPolicy } from '../access/policy'
import { recordExport } from '../documents/export-audit'
import { spreadsheetResponse } from '../lib/download'
import { userError, type Message } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { withFlag } from '../lib/request-flags'
import { allSubjects, periodWindow, taughtInGrade } from './catalogue'
import {
  GridErrors,
  loadSubjectGrid,
  loadTraitGrid,
  refuseUnlessGridWritable,
  saveSubjectGrid,
  saveTraitGrid,
} from './grid'
import {
  readSubjectGridWorkbook,
  readTraitGridWorkbook,
  subjectGridWorkbook,
  traitGridWorkbook,
} from './grid-workbook'
import { lockMessage, lockOf, TRAITS_SCOPE, windowState } from './locks'
import { asUser } from '../lib/as-user'

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

function queryOf(req: PayloadRequest) {
  const get = (name: string) => req.searchParams.get(name) ?? undefined
  return {
    class: get('class'),
    subject: get('subject'),
    period: get('period'),
    schoolYear: get('schoolYear'),
  }
}

async function jsonBody(req: PayloadRequest): Promise<Record<string, unknown>> {
  const body = await jsonBodyOf(req)
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw userError(req, 400, { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'Bad JSON.' })
  }
  return body as Record<string, unknown>
}

/** A save's errors as the grid shows them: 400, nothing written. */
function gridErrorResponse(errors: GridErrors): Response {
  return Response.json(
    {
      message: `Bảng có ${errors.errors.length} lỗi; chưa lưu gì. Sửa các ô được đánh dấu rồi lưu lại.`,
      errors: errors.errors,
    },
    { status: 400 },
  )
}

async function answeringGridErrors(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof GridErrors) return gridErrorResponse(error)
    throw error
  }
}

/** The uploaded file: the request's body, or a multipart form's `file` field. */
async function uploadedFile(req: PayloadRequest): Promise<Buffer> {
  const type = req.headers.get('content-type') ?? ''
  let bytes: ArrayBuffer | undefined
  if (type.startsWith('multipart/form-data') && req.formData) {
    const file = (await req.formData().catch(() => null))?.get('file')
    if (file && typeof file === 'object' && 'arrayBuffer' in file) bytes = await file.arrayBuffer()
  } else if (req.arrayBuffer) {
    bytes = await req.arrayBuffer()
  }
  if (!bytes || bytes.byteLength === 0) {
    throw userError(req, 400, {
      vi: 'Chưa có tệp: hãy chọn tệp .xlsx đã tải về và điền.',
      en: 'No file: choose the downloaded and filled-in .xlsx.',
    })
  }
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw userError(req, 413, { vi: 'Tệp quá lớn (tối đa 5 MB).', en: 'At most 5 MB.' })
  }
  return Buffer.from(bytes)
}

/** The grid as a spreadsheet, its download logged as an export of the pupils in it. */
async function spreadsheet(
  req: PayloadRequest,
  grid: SubjectGrid | TraitGrid,
  body: Buffer,
): Promise<Response> {
  const name = sheetName(grid)
  await recordExport(req, {
    document: 'assessment-grid',
    detail: name,
    students: grid.rows.map((row) => row.student),
  })
  return spreadsheetResponse(body, `${slugify(name)}.xlsx`)
}

const sheetName = (grid: SubjectGrid | TraitGrid) =>
  [
    grid.kind === 'subject' ? grid.subject.name : 'pham chat nang luc',
    grid.class.name,
    PERIOD_LABELS[grid.period].vi,
    grid.schoolYear,
  ].join(' ')

function uploadErrorResponse(errors: unknown[]): Response {
  return Response.json(
    {
      message: `Tệp có ${errors.length} lỗi; chưa lưu gì. Sửa các ô được liệt kê rồi tải lên lại.`,
      errors,
    },
    { status: 400 },
  )
}

const subjectGridEndpoints: Endpoint[] = [
  {
    path: '/assessment-grid',
    method: 'get',
    handler: async (req) => Response.json(await loadSubjectGrid(req, queryOf(req))),
  },
  {
    path: '/assessment-grid',
    method: 'post',
    handler: (req) =>
      answeringGridErrors(async () => {
        const body = await jsonBody(req)
        const { saved } = await saveSubjectGrid(req, body)
        return Response.json({ saved, grid: await loadSubjectGrid(req, body) })
      }),
  },
  {
    path: '/assessment-grid/xlsx',
    method: 'get',
    handler: async (req) => {
      const grid = await loadSubjectGrid(req, queryOf(req))
      return spreadsheet(req, grid, await subjectGridWorkbook(grid))
    },
  },
  {
    path: '/assessment-grid/xlsx',
    method: 'post',
    handler: (req) =>
      answeringGridErrors(async () => {
        const query = queryOf(req)
        const grid = await loadSubjectGrid(req, query)
        await refuseUnlessGridWritable(req, query, 'subject')
        const { rows, errors } = await readSubjectGridWorkbook(await uploadedFile(req), grid)
        if (errors.length > 0) return uploadErrorResponse(errors)
        const { saved } = await saveSubjectGrid(req, { ...query, rows: rows as never }, 'upload')
        return Response.json({ saved, grid: await loadSubjectGrid(req, query) })
      }),
  },
]

const traitGridEndpoints: Endpoint[] = [
  {
    path: '/trait-grid',
    method: 'get',
    handler: async (req) => Response.json(await loadTraitGrid(req, queryOf(req))),
  },
  {
    path: '/trait-grid',
    method: 'post',
    handler: (req) =>
      answeringGridErrors(async () => {
        const body = await jsonBody(req)
        const { saved } = await saveTraitGrid(req, body)
        return Response.json({ saved, grid: await loadTraitGrid(req, body) })
      }),
  },
  {
    path: '/trait-grid/xlsx',
    method: 'get',
    handler: async (req) => {
      const grid = await loadTraitGrid(req, queryOf(req))
      return spreadsheet(req, grid, await traitGridWorkbook(grid))
    },
  },
  {
    path: '/trait-grid/xlsx',
    method: 'post',
    handler: (req) =>
      answeringGridErrors(async () => {
        const query = queryOf(req)
        const grid = await loadTraitGrid(req, query)
        await refuseUnlessGridWritable(req, query, 'traits')
        const { rows, errors } = await readTraitGridWorkbook(await uploadedFile(req), grid)
        if (errors.length > 0) return uploadErrorResponse(errors)
        const { saved } = await saveTraitGrid(req, { ...query, rows: rows as never }, 'upload')
        return Response.json({ saved, grid: await loadTraitGrid(req, query) })
      }),
  },
]

const CONFIRM_REFUSED: Message = {
  vi: 'Chỉ giáo viên được phân công (phẩm chất, năng lực: giáo viên chủ nhiệm) xác nhận.',
  en: 'Only the assigned teacher (for traits, the homeroom teacher) confirms.',
}

/** What keeps a grid from being confirmed: pupils without an entry (or its required score). */
function missingOf(grid: SubjectGrid | TraitGrid): string[] {
  if (grid.kind === 'subject') {
    return grid.rows
      .filter((row) => !row.level || (grid.tested && row.score === null))
      .map((row) => row.fullName)
  }
  return grid.rows
    .filter((row) => grid.traits.some((trait) => !row.levels[trait]))
    .map((row) => row.fullName)
}

const confirmEndpoint: Endpoint = {
  path: '/assessment-grid/confirm',
  method: 'post',
  handler: async (req) => {
    const body = await jsonBody(req)
    const traits = body.subject === TRAITS_SCOPE
    const grid = traits ? await loadTraitGrid(req, body) : await loadSubjectGrid(req, body)
    const scope = grid.kind === 'subject' ? grid.subject.code : TRAITS_SCOPE
    const record = {
      class: grid.class.id,
      schoolYear: grid.schoolYear,
      period: grid.period,
      subject: scope,
    }
    await authorize(
      req,
      traits ? assessmentPolicy.confirmTraits : assessmentPolicy.confirmSubject,
      CONFIRM_REFUSED,
      { record },
    )
    const target = {
      class: grid.class.id as number,
      schoolYear: grid.schoolYear,
      period: grid.period,
      scope,
    }
    const lock = await lockOf(req, target)
    if (lock) throw userError(req, 409, await lockMessage(req, target, lock))
    const missing = missingOf(grid)
    if (missing.length > 0) {
      return Response.json(
        {
          message: `Chưa xác nhận được: còn ${missing.length} học sinh chưa có kết quả đầy đủ.`,
          missing,
        },
        { status: 409 },
      )
    }
    const doc = await withFlag(req, 'assessmentConfirmation', () =>
      req.payload.create({
        collection: 'assessment-confirmations',
        data: { ...target, kind: 'confirmed', by: req.user!.id },
        ...asUser(req),
      }),
    )
    return Response.json({ doc })
  },
}

/** The school years that have classes, newest first, this one included. */
async function schoolYearsOf(req: PayloadRequest): Promise<string[]> {
  const { docs } = await req.payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { schoolYear: true },
    overrideAccess: true,
    req,
  })
  const years = new Set(docs.map((doc) => doc.schoolYear).filter(isSchoolYear))
  years.add(schoolYearOf(new Date()))
  return [...years].sort().reverse()
}

const choicesEndpoint: Endpoint = {
  path: '/assessment-grid/choices',
  method: 'get',
  handler: async (req) => {
    await authorize(req, assessmentPolicy.gridPage, {
      vi: 'Bạn không có lớp, môn nào để nhập hay xem kết quả.',
      en: 'You have no class or subject to enter or see.',
    })
    const asked = req.searchParams.get('schoolYear')
    const schoolYear = isSchoolYear(asked) ? asked : schoolYearOf(new Date())
    const [{ docs: classes }, subjects, schoolYears] = await Promise.all([
      req.payload.find({
        collection: 'groups',
        where: { and: [{ kind: { equals: 'class' } }, { schoolYear: { equals: schoolYear } }] },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      }),
      allSubjects(req),
      schoolYearsOf(req),
    ])
    const today = vietnamDay()
    const periods: GridChoices['periods'] = []
    for (const period of PERIODS) {
      const window = await periodWindow(req, schoolYear, period)
      const state = windowState(window, today)
      periods.push({
        period,
        opensOn: window?.opensOn ?? null,
        closesOn: window?.closesOn ?? null,
        state,
      })
    }
    const sheets: GridChoices['sheets'] = []
    for (const schoolClass of classes.sort((a, b) => compareVi(a.name, b.name))) {
      const summary = { id: schoolClass.id, name: schoolClass.name, grade: schoolClass.grade ?? 0 }
      const base = { class: schoolClass.id, schoolYear }
      for (const subject of subjects.filter((s) => taughtInGrade(s, summary.grade))) {
        const record = { ...base, subject: subject.code }
        if (!(await isAllowed(req, assessmentPolicy.viewSubjectGrid, { record }))) continue
        sheets.push({
          class: summary,
          subject: { code: subject.code, name: subject.name },
          mayEnter: await isAllowed(req, assessmentPolicy.enterSubject, { record }),
        })
      }
      if (await isAllowed(req, assessmentPolicy.viewTraitGrid, { record: base })) {
        sheets.push({
          class: summary,
          subject: null,
          mayEnter: await isAllowed(req, assessmentPolicy.enterTraits, { record: base }),
        })
      }
    }
    const choices: GridChoices = { schoolYear, schoolYears, periods, sheets }
    return Response.json(choices)
  },
}

export const gridEndpoints: Endpoint[] = [
  ...subjectGridEndpoints,
  ...traitGridEndpoints,
  confirmEndpoint,
  choicesEndpoint,
]
