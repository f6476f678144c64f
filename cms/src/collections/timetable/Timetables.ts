import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  Endpoint,
} from 'payload'
import { formatDateVi, isSchoolYear } from '@school/shared'

import { authorize } from '../../access/authorize'
import { collectionAccess } from '../../access/payload-access'
import { timetablePolicy } from '../../access/policy'
import { classById } from '../../assessment/catalogue'
import { userError } from '../../lib/messages'
import { hasFlag } from '../../lib/request-flags'
import { jsonBodyOf } from '../../lib/request-body'
import type { Timetable } from '../../payload-types'
import { publicationEndpoints, publicationFields, publicationHooks } from '../../publication'
import { refusalMessage, timetableProblems } from '../../timetable/checks'
import { timetableSource } from '../../timetable/source'
import { holdYear, releaseYears } from '../../timetable/year-lock'
import { schoolYearValidation } from '../assessment/labels'

const source = timetableSource

/**
 * Every save of a user (REST, GraphQL, Local API, the editor) is checked against the whole
 * school year, holding the year until the write is done: two clashing saves at once cannot both
 * pass (timetable/year-lock.ts). The publication's own writes change only its stage fields.
 */
const checkTimetable: CollectionBeforeChangeHook<Timetable> = async ({
  data,
  originalDoc,
  req,
}) => {
  if (hasFlag(req, 'publication')) return data
  const merged = { ...originalDoc, ...data } as Timetable
  const schoolYear = typeof merged.schoolYear === 'string' ? merged.schoolYear : ''
  if (!isSchoolYear(schoolYear) || !merged.validFrom) {
    throw userError(req, 400, {
      vi: 'Cần có năm học (dạng 2026-2027) và ngày áp dụng.',
      en: 'A school year (2026-2027) and a start date are needed.',
    })
  }
  await holdYear(req, schoolYear)
  try {
    const problems = await timetableProblems(req, { ...merged, id: originalDoc?.id })
    if (problems.length > 0) throw userError(req, 400, refusalMessage(problems))
    const schoolClass = await classById(req, merged.class)
    return {
      ...data,
      title: `${schoolClass?.name ?? ''} · ${schoolYear} · từ ${formatDateVi(merged.validFrom)}`,
    }
  } catch (error) {
    releaseYears(req)
    throw error
  }
}

const releaseAfterWrite: CollectionAfterChangeHook = ({ doc, req }) => {
  releaseYears(req)
  return doc
}

/** A deletion lets an older timetable of the class apply longer: checked like a save. */
const checkDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({
    collection: 'timetables',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!doc) return
  await holdYear(req, doc.schoolYear)
  try {
    const problems = await timetableProblems(req, null, doc.id)
    if (problems.length > 0) {
      const message = refusalMessage(problems)
      throw userError(req, 400, {
        vi: `Không xóa được: thời khóa biểu trước đó của lớp sẽ áp dụng tiếp và bị trùng.\n${message.vi}`,
        en: `Cannot delete: the class's previous timetable would apply again and clash.\n${message.en}`,
      })
    }
  } catch (error) {
    releaseYears(req)
    throw error
  }
}

const releaseAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  releaseYears(req)
  return doc
}

/**
 * POST /api/timetables/check {id?, class, schoolYear, validFrom, saturday, entries}: what a save
 * would refuse, without saving (the editor asks on every change). 200 {problems} · 401 · 403.
 */
const checkEndpoint: Endpoint = {
  path: '/check',
  method: 'post',
  handler: async (req) => {
    const body = (await jsonBodyOf(req)) as Record<string, unknown> | null
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw userError(req, 400, { vi: 'Cần gửi một đối tượng JSON.', en: 'Send a JSON object.' })
    }
    // Only who keeps the timetables learns what a save would do.
    await authorize(req, timetablePolicy.keep, {
      vi: 'Chỉ Ban giám hiệu xếp thời khóa biểu.',
      en: 'Only leadership keeps the timetables.',
    })
    const schoolYear = typeof body.schoolYear === 'string' ? body.schoolYear : ''
    if (!isSchoolYear(schoolYear) || typeof body.validFrom !== 'string') {
      throw userError(req, 400, {
        vi: 'Cần có năm học (dạng 2026-2027) và ngày áp dụng.',
        en: 'A school year (2026-2027) and a start date are needed.',
      })
    }
    const problems = await timetableProblems(req, {
      id: (body.id ?? undefined) as Timetable['id'] | undefined,
      class: body.class as Timetable['class'],
      schoolYear,
      validFrom: body.validFrom,
      saturday: body.saturday === true,
      entries: body.entries as Timetable['entries'],
    })
    const lang = req.i18n?.language === 'en' ? 'en' : 'vi'
    return Response.json({
      problems: problems.map((p) => ({ day: p.day, period: p.period, message: p.message[lang] })),
    })
  },
}

/**
 * Thời khóa biểu (Điều 6: the vice-principal organises the teaching; Điều 17.4: published on
 * the website): a class's week from a date, day × period → subject, teacher, room. Kept by
 * leadership, read by staff; the public reads only its published snapshot (public-notices).
 */
export const Timetables: CollectionConfig = {
  slug: 'timetables',
  labels: {
    singular: { vi: 'Thời khóa biểu', en: 'Timetable' },
    plural: { vi: 'Thời khóa biểu', en: 'Timetables' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'class', 'schoolYear', 'validFrom', 'publicationStage'],
    group: { vi: 'Chuyên môn', en: 'Teaching' },
  },
  access: collectionAccess('timetables'),
  defaultSort: '-validFrom',
  hooks: {
    beforeChange: [...publicationHooks(source).beforeChange, checkTimetable],
    afterChange: [releaseAfterWrite],
    beforeDelete: [checkDeletion],
    afterDelete: [...publicationHooks(source).afterDelete, releaseAfterDelete],
    afterError: [({ req }) => releaseYears(req)],
  },
  endpoints: [checkEndpoint, ...publicationEndpoints(source as never)],
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          label: { vi: 'Lớp', en: 'Class' },
          filterOptions: { kind: { equals: 'class' } },
        },
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          validate: schoolYearValidation,
          label: { vi: 'Năm học', en: 'School year' },
          admin: { placeholder: '2026-2027' },
        },
        {
          name: 'validFrom',
          type: 'date',
          required: true,
          index: true,
          label: { vi: 'Áp dụng từ ngày', en: 'Applies from' },
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
        },
      ],
    },
    {
      name: 'saturday',
      type: 'checkbox',
      defaultValue: false,
      label: { vi: 'Có học Thứ 7', en: 'Saturday lessons' },
    },
    {
      name: 'entries',
      type: 'json',
      defaultValue: [],
      label: { vi: 'Các tiết học trong tuần', en: 'Lessons of the week' },
      admin: {
        components: {
          Field: '/components/timetable/TimetableEditor#TimetableEditor',
        },
      },
    },
    ...publicationFields(source as never),
  ],
}
