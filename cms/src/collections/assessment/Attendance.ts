import type {
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'
import { schoolYearOf, vietnamDay } from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { DAYS_AHEAD, schoolYearStart, shiftDay } from '../../assessment/attendance-grid'
import { attendanceTotalsEndpoint } from '../../assessment/attendance-totals'
import { classById } from '../../assessment/catalogue'
import { yearApproved } from '../../assessment/locks'
import { audited } from '../../audit/hooks'
import { dateOnly } from '../../fields/records'
import { idOf, sameId } from '../../lib/ids'
import { userError } from '../../lib/messages'
import type { Attendance as AttendanceDoc } from '../../payload-types'
import { attendanceMarkOptions, GROUP, L, sessionOptions } from './labels'

/** Marked pupils are of the class, each once; the day and school year come from the date. */
const checkMarks: CollectionBeforeChangeHook<AttendanceDoc> = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as AttendanceDoc
  const schoolClass = await classById(req, merged.class)
  if (!schoolClass)
    throw userError(req, 400, { vi: 'Cần chọn một lớp học.', en: 'Choose a class.' })
  if (!merged.date || Number.isNaN(new Date(merged.date).getTime())) {
    throw userError(req, 400, { vi: 'Cần nhập ngày điểm danh.', en: 'Enter the date.' })
  }
  // A user (not the seed, not an import) takes attendance for this school year, at most
  // DAYS_AHEAD days ahead (a known leave): through the grid or straight through the API alike.
  if (operation === 'create' && req.user) {
    const today = vietnamDay()
    const day = vietnamDay(merged.date)
    const lastDay = shiftDay(today, DAYS_AHEAD)
    if (day < schoolYearStart(today) || day > lastDay) {
      throw userError(req, 400, {
        vi:
          `Chỉ điểm danh các ngày của năm học này, trước tối đa ${DAYS_AHEAD} ngày ` +
          `(đến ${lastDay}).`,
        en: `Attendance is for this school year, at most ${DAYS_AHEAD} days ahead.`,
      })
    }
  }
  const pupils = idsOfMarks(merged)
  if (new Set(pupils.map(String)).size !== pupils.length) {
    throw userError(req, 400, {
      vi: 'Một học sinh được điểm danh hai lần trong cùng buổi.',
      en: 'A pupil is marked twice in one session.',
    })
  }
  if (pupils.length > 0) {
    const { docs } = await req.payload.find({
      collection: 'students',
      where: { id: { in: pupils } },
      depth: 0,
      limit: 0,
      pagination: false,
      select: { class: true },
      overrideAccess: true,
      req,
    })
    const inClass = docs.filter((pupil) => sameId(pupil.class, schoolClass.id)).length
    if (inClass !== pupils.length) {
      throw userError(req, 400, {
        vi: `Chỉ điểm danh học sinh của ${schoolClass.name}.`,
        en: `Only pupils of ${schoolClass.name} are marked.`,
      })
    }
  }
  const day = vietnamDay(merged.date)
  const schoolYear = schoolYearOf(new Date(`${day}T12:00:00+07:00`))
  await refuseInApprovedYear(req, schoolClass.id, schoolYear)
  if (originalDoc?.schoolYear)
    await refuseInApprovedYear(req, schoolClass.id, originalDoc.schoolYear)
  return {
    ...data,
    class: schoolClass.id,
    day,
    schoolYear,
    takenBy: req.user?.id ?? merged.takenBy ?? null,
  }
}

/**
 * TT27 Điều 13; Điều 5.4: once the principal approves the class's year, its days absent are on
 * the transcript and the year is read-only for everyone. The server acting for nobody (the
 * demo's seed of past years) is not taking attendance.
 */
async function refuseInApprovedYear(
  req: PayloadRequest,
  classId: AttendanceDoc['class'],
  schoolYear: string,
): Promise<void> {
  const id = idOf(classId)
  if (!req.user || id === null || !(await yearApproved(req, id, schoolYear))) return
  throw userError(req, 409, {
    vi:
      `Hiệu trưởng đã phê duyệt kết quả năm học ${schoolYear} của lớp: ` +
      'điểm danh của năm học này không sửa được nữa.',
    en: `The principal approved the class's ${schoolYear} results: its attendance is read-only.`,
  })
}

const keepApprovedYears: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const stored = (await req.payload.findByID({
    collection: 'attendance',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as AttendanceDoc | null
  if (stored?.schoolYear) await refuseInApprovedYear(req, stored.class, stored.schoolYear)
}

function idsOfMarks(record: AttendanceDoc) {
  return (record.marks ?? [])
    .map((row) => idOf(row.student))
    .filter((id): id is number => id !== null)
}

const TAKEN_BY = { vi: 'Người điểm danh', en: 'Taken by' }

/**
 * Điểm danh (Điều 9.3): one document per class × day × session, holding only the pupils who were
 * not simply present (absent with or without leave, late): a class of 35 present pupils is one
 * empty row, not 35. Kept by the homeroom teacher, a week ahead for a known leave; read by
 * leadership; the totals feed the transcript. Never on the public site.
 */
export const Attendance: CollectionConfig = audited({
  slug: 'attendance',
  labels: {
    singular: { vi: 'Điểm danh', en: 'Attendance' },
    plural: { vi: 'Điểm danh', en: 'Attendance' },
  },
  admin: { defaultColumns: ['class', 'date', 'session', 'takenBy'], group: GROUP },
  access: collectionAccess('attendance'),
  // Entered through their grids, a whole class at once: no per-document edit locks to keep
  // (two queries a row on every save).
  lockDocuments: false,
  defaultSort: '-date',
  indexes: [{ fields: ['class', 'day', 'session'], unique: true }],
  hooks: { beforeChange: [checkMarks], beforeDelete: [keepApprovedYears] },
  // GET /api/attendance/totals: Payload routes /api/attendance/* to the collection's endpoints.
  endpoints: [attendanceTotalsEndpoint],
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          label: L.class,
          filterOptions: { kind: { equals: 'class' } },
          access: fieldAccess('attendance', 'class', L.class),
        },
        {
          name: 'date',
          type: 'date',
          required: true,
          label: { vi: 'Ngày', en: 'Date' },
          admin: dateOnly,
          access: fieldAccess('attendance', 'date', { vi: 'Ngày', en: 'Date' }),
        },
        {
          name: 'session',
          type: 'select',
          required: true,
          options: sessionOptions,
          label: { vi: 'Buổi', en: 'Session' },
          access: fieldAccess('attendance', 'session', { vi: 'Buổi', en: 'Session' }),
        },
      ],
    },
    { name: 'day', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'schoolYear',
      type: 'text',
      index: true,
      label: L.schoolYear,
      admin: { readOnly: true },
    },
    {
      name: 'marks',
      type: 'array',
      label: { vi: 'Học sinh vắng, đi muộn', en: 'Absent or late pupils' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'student',
              type: 'relationship',
              relationTo: 'students',
              required: true,
              label: L.student,
            },
            {
              name: 'mark',
              type: 'select',
              required: true,
              options: attendanceMarkOptions,
              label: { vi: 'Điểm danh', en: 'Mark' },
            },
            { name: 'reason', type: 'text', maxLength: 200, label: { vi: 'Lý do', en: 'Reason' } },
          ],
        },
      ],
    },
    {
      name: 'takenBy',
      type: 'relationship',
      relationTo: 'users',
      label: TAKEN_BY,
      access: fieldAccess('attendance', 'takenBy', TAKEN_BY),
      admin: { readOnly: true },
    },
  ],
})
