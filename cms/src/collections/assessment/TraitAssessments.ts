import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { TRAIT_LABELS, traitsOfGrade, type TraitCode } from '@school/shared'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { classOfEntry } from '../../assessment/checks'
import { logGradeChanges } from '../../assessment/change-log'
import { lockTargetOf, refuseWhenLocked, TRAITS_SCOPE } from '../../assessment/locks'
import { audited } from '../../audit/hooks'
import { userError } from '../../lib/messages'
import type { TraitAssessment } from '../../payload-types'
import { GROUP, L, periodOptions, qualityLevelField, schoolYearValidation } from './labels'

const traitOptions = (Object.keys(TRAIT_LABELS) as TraitCode[]).map((code) => ({
  value: code,
  label: TRAIT_LABELS[code],
}))

/** The traits of the pupil's grade, each at most once; the window and the locks. */
const checkTraits: CollectionBeforeChangeHook<TraitAssessment> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as TraitAssessment
  const schoolClass = await classOfEntry(req, merged, operation)
  const allowed = new Set<string>(traitsOfGrade(schoolClass.grade ?? 0))
  const seen = new Set<string>()
  for (const row of merged.traits ?? []) {
    if (!allowed.has(row.trait)) {
      throw userError(req, 400, {
        vi: `Học sinh khối ${schoolClass.grade} không được đánh giá "${TRAIT_LABELS[row.trait as TraitCode] ?? row.trait}".`,
        en: `Grade ${schoolClass.grade} is not rated on "${row.trait}".`,
      })
    }
    if (seen.has(row.trait)) {
      throw userError(req, 400, {
        vi: `"${TRAIT_LABELS[row.trait as TraitCode]}" được nhập hai lần.`,
        en: `"${row.trait}" is entered twice.`,
      })
    }
    seen.add(row.trait)
  }
  const target = lockTargetOf(merged, TRAITS_SCOPE)
  if (target) await refuseWhenLocked(req, target)
  return {
    ...data,
    class: schoolClass.id,
    enteredBy:
      operation === 'create' ? (req.user?.id ?? data.enteredBy ?? null) : originalDoc?.enteredBy,
  }
}

/**
 * Each pupil's qualities and competencies at a checkpoint (TT27 Điều 5.2, 6.1b, 7): rated by the
 * homeroom teacher with the other teachers, T Tốt / Đ Đạt / C Cần cố gắng, with comments. One
 * document per pupil × checkpoint × school year.
 */
export const TraitAssessments: CollectionConfig = audited({
  slug: 'trait-assessments',
  labels: {
    singular: { vi: 'Phẩm chất, năng lực', en: 'Qualities and competencies' },
    plural: { vi: 'Phẩm chất, năng lực', en: 'Qualities and competencies' },
  },
  admin: { defaultColumns: ['student', 'period', 'schoolYear'], group: GROUP },
  access: collectionAccess('trait-assessments'),
  // Entered through their grids, a whole class at once: no per-document edit locks to keep
  // (two queries a row on every save).
  lockDocuments: false,
  defaultSort: '-updatedAt',
  indexes: [
    { fields: ['student', 'period', 'schoolYear'], unique: true },
    { fields: ['class', 'period', 'schoolYear'] },
  ],
  hooks: {
    beforeChange: [checkTraits],
    afterChange: [
      logGradeChanges(
        'trait-assessments',
        ['traits', 'qualitiesComment', 'competenciesComment'],
        () => TRAITS_SCOPE,
      ),
    ],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'student',
          type: 'relationship',
          relationTo: 'students',
          required: true,
          index: true,
          label: L.student,
          access: fieldAccess('trait-assessments', 'student', L.student),
        },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          required: true,
          index: true,
          label: L.class,
          filterOptions: { kind: { equals: 'class' } },
          access: fieldAccess('trait-assessments', 'class', L.class),
        },
        {
          name: 'period',
          type: 'select',
          required: true,
          options: periodOptions,
          label: L.period,
          access: fieldAccess('trait-assessments', 'period', L.period),
        },
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          validate: schoolYearValidation,
          label: L.schoolYear,
          access: fieldAccess('trait-assessments', 'schoolYear', L.schoolYear),
        },
      ],
    },
    {
      name: 'traits',
      type: 'array',
      label: { vi: 'Phẩm chất và năng lực', en: 'Qualities and competencies' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'trait',
              type: 'select',
              required: true,
              options: traitOptions,
              label: { vi: 'Phẩm chất / năng lực', en: 'Trait' },
            },
            { name: 'level', required: true, label: L.level, ...qualityLevelField },
          ],
        },
      ],
    },
    {
      name: 'qualitiesComment',
      type: 'textarea',
      maxLength: 1000,
      label: { vi: 'Nhận xét phẩm chất', en: 'Comment on qualities' },
    },
    {
      name: 'competenciesComment',
      type: 'textarea',
      maxLength: 1000,
      label: { vi: 'Nhận xét năng lực', en: 'Comment on competencies' },
    },
    {
      name: 'enteredBy',
      type: 'relationship',
      relationTo: 'users',
      label: L.enteredBy,
      access: fieldAccess('trait-assessments', 'enteredBy', L.enteredBy),
      admin: { readOnly: true },
    },
  ],
})
