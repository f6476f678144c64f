/**
 * `GET /api/documents/classes?schoolYear=` → the school years, and the classes of one for which
 * the user may make a document, each with what the user may do with it (`may`), and what the
 * user may do with the year as a whole (the Ministry's pupil list, the archive). 401 · 403.
 * The page's buttons follow these answers; every endpoint asks the policy again.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { authorize, isAllowed } from '../access/authorize'
import { documentPolicy } from '../access/policy'
import { userError } from '../lib/messages'
import { LOGIN } from './class-request'

const PAGE_REFUSED = {
  vi: 'Trang học bạ, báo cáo và lưu trữ dành cho Ban giám hiệu, giáo viên chủ nhiệm, giáo viên Tin học và văn thư.',
  en: 'The documents page is for leadership, homeroom teachers, the IT teacher and the clerk.',
}

const CLASS_ABILITIES = [
  'transcripts',
  'classSummary',
  'moetExport',
  'confirmTranscripts',
  'signTranscripts',
] as const
const YEAR_ABILITIES = [
  'moetPupilImport',
  'moetSchoolPupilList',
  'sendToArchive',
  'receiveArchive',
  'fileSignedSummary',
  'readArchive',
  'verifyArchive',
] as const

export type ClassAbilities = Record<(typeof CLASS_ABILITIES)[number], boolean>
export type YearAbilities = Record<(typeof YEAR_ABILITIES)[number], boolean>

export interface DocumentClass {
  id: number
  name: string
  grade: number | null
  schoolYear: string
  may: ClassAbilities
}

export interface DocumentClasses {
  schoolYears: string[]
  schoolYear: string | null
  classes: DocumentClass[]
  may: YearAbilities
}

async function classAbilities(
  req: PayloadRequest,
  classId: number,
  schoolYear: string,
): Promise<ClassAbilities> {
  const target = { record: { class: classId, schoolYear } }
  const answers = await Promise.all(
    CLASS_ABILITIES.map((key) => isAllowed(req, documentPolicy[key], target)),
  )
  return Object.fromEntries(CLASS_ABILITIES.map((key, at) => [key, answers[at]])) as ClassAbilities
}

export const documentClassesEndpoint: Endpoint = {
  path: '/documents/classes',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN)
    await authorize(req, documentPolicy.documentsPage, PAGE_REFUSED)
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
    const classes: DocumentClass[] = []
    for (const group of docs) {
      const schoolYear = group.schoolYear ?? ''
      if (!schoolYear) continue
      const may = await classAbilities(req, group.id, schoolYear)
      if (Object.values(may).some(Boolean)) {
        classes.push({
          id: group.id,
          name: group.name,
          grade: group.grade ?? null,
          schoolYear,
          may,
        })
      }
    }
    const yearAnswers = await Promise.all(
      YEAR_ABILITIES.map((key) => isAllowed(req, documentPolicy[key])),
    )
    const may = Object.fromEntries(
      YEAR_ABILITIES.map((key, at) => [key, yearAnswers[at]]),
    ) as YearAbilities
    const schoolYears = [...new Set(docs.map((group) => group.schoolYear ?? ''))]
      .filter(Boolean)
      .sort()
      .reverse()
    const asked = req.searchParams.get('schoolYear')
    const schoolYear = asked && schoolYears.includes(asked) ? asked : (schoolYears[0] ?? null)
    const answer: DocumentClasses = {
      schoolYears,
      schoolYear,
      classes: classes.filter((group) => group.schoolYear === schoolYear),
      may,
    }
    return Response.json(answer)
  },
}
