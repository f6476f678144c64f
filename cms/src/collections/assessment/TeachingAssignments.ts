import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess } from '../../access/payload-access'
import { subjectByCode, taughtInGrade } from '../../assessment/catalogue'
import { classOfEntry } from '../../assessment/checks'
import { idOf } from '../../lib/ids'
import { userError } from '../../lib/messages'
import type { TeachingAssignment } from '../../payload-types'
import { GROUP, L, schoolYearValidation } from './labels'

/** The class is of the assignment's year, the subject is taught in its grade; a title to list. */
const checkAssignment: CollectionBeforeChangeHook<TeachingAssignment> = async ({
  data,
  originalDoc,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as TeachingAssignment
  const schoolClass = await classOfEntry(req, merged, 'update')
  const subject = await subjectByCode(req, merged.subject)
  if (!subject || !taughtInGrade(subject, schoolClass.grade ?? 0)) {
    throw userError(req, 400, {
      vi: `Khối ${schoolClass.grade} không học môn có mã "${String(merged.subject)}".`,
      en: `Grade ${schoolClass.grade} has no subject coded "${String(merged.subject)}".`,
    })
  }
  const teacher = await req.payload.findByID({
    collection: 'users',
    id: idOf(merged.teacher) as number,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!teacher) throw userError(req, 400, { vi: 'Cần chọn giáo viên.', en: 'Choose a teacher.' })
  return {
    ...data,
    title: `${teacher.fullName} · ${subject.name} · ${schoolClass.name} · ${merged.schoolYear}`,
  }
}

/**
 * Phân công giảng dạy: who teaches which subject to which class in a school year (Điều 6: set by
 * the vice-principal in charge or the principal; Điều 8: loaded by the start-of-year import).
 * "The classes a subject teacher teaches", their pupils' records included, come from here.
 */
export const TeachingAssignments: CollectionConfig = {
  slug: 'teaching-assignments',
  labels: {
    singular: { vi: 'Phân công giảng dạy', en: 'Teaching assignment' },
    plural: { vi: 'Phân công giảng dạy', en: 'Teaching assignments' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['teacher', 'class', 'subject', 'schoolYear'],
    group: GROUP,
  },
  access: collectionAccess('teaching-assignments'),
  defaultSort: 'title',
  indexes: [{ fields: ['teacher', 'class', 'subject', 'schoolYear'], unique: true }],
  hooks: { beforeChange: [checkAssignment] },
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'teacher',
          type: 'relationship',
          relationTo: 'users',
          required: true,
          index: true,
          label: L.teacher,
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          label: L.class,
          filterOptions: { kind: { equals: 'class' } },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'subject',
          type: 'text',
          required: true,
          index: true,
          label: L.subject,
          admin: { description: { vi: 'Mã môn, ví dụ: ngoai-ngu', en: 'Subject code' } },
        },
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          validate: schoolYearValidation,
          label: L.schoolYear,
          admin: { placeholder: '2026-2027' },
        },
      ],
    },
  ],
}
