/** Checks every assessment-like record shares: its class is a class of its year, holding the pupil. */
import type { PayloadRequest } from 'payload'

import { idOf, sameId } from '../lib/ids'
import { userError } from '../lib/messages'
import { hasFlag } from '../lib/request-flags'
import type { Group } from '../payload-types'
import { classById } from './catalogue'

/**
 * The record's class, checked: a class of the record's school year, and, when a user creates
 * the record, the pupil's own class (a pupil's past years are written by the seed and imports).
 */
export async function classOfEntry(
  req: PayloadRequest,
  record: { class?: unknown; student?: unknown; schoolYear?: unknown },
  operation: 'create' | 'update',
): Promise<Group> {
  const schoolClass = await classById(req, record.class)
  if (!schoolClass)
    throw userError(req, 400, { vi: 'Cần chọn một lớp học.', en: 'Choose a class.' })
  if (schoolClass.schoolYear && schoolClass.schoolYear !== record.schoolYear) {
    throw userError(req, 400, {
      vi: `${schoolClass.name} là lớp của năm học ${schoolClass.schoolYear}, không phải ${String(record.schoolYear)}.`,
      en: `${schoolClass.name} is a class of ${schoolClass.schoolYear}, not ${String(record.schoolYear)}.`,
    })
  }
  // The approval records the year of every pupil assessed in the class, moved or not.
  const approving = hasFlag(req, 'yearEndApproval')
  if (operation === 'create' && req.user && !approving && record.student !== undefined) {
    const pupil = await req.payload.findByID({
      collection: 'students',
      id: idOf(record.student as number) as number,
      depth: 0,
      select: { class: true },
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!pupil || !sameId(pupil.class, schoolClass.id)) {
      throw userError(req, 400, {
        vi: `Học sinh không thuộc ${schoolClass.name}.`,
        en: `The pupil is not in ${schoolClass.name}.`,
      })
    }
  }
  return schoolClass
}
