/**
 * Điều 9.1: transfers in and out, drop-outs and class changes are kept as history. Events once
 * written are never edited or removed; a class change writes its own event; the pupil's status
 * follows the latest event, so it can never disagree with the history.
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { STATUS_AFTER_EVENT, type PupilStatus } from '@school/shared'

import { idOf, sameId } from '../../../lib/ids'
import { localize, userError } from '../../../lib/messages'
import type { Student } from '../../../payload-types'

type EnrollmentEvent = NonNullable<Student['enrollmentEvents']>[number]

function sameEvent(a: EnrollmentEvent, b: EnrollmentEvent): boolean {
  const fields = ['kind', 'date', 'reason', 'school', 'fromClass', 'toClass'] as const
  return fields.every((field) => {
    const left = a[field]
    const right = b[field]
    if (field === 'fromClass' || field === 'toClass')
      return sameId(idOf(left as never), idOf(right as never)) || (left == null && right == null)
    if (field === 'date')
      return new Date(String(left)).getTime() === new Date(String(right)).getTime()
    return (left ?? '') === (right ?? '')
  })
}

export function statusFromEvents(events: readonly EnrollmentEvent[]): PupilStatus {
  const ordered = events
    .map((event, index) => ({ event, index }))
    .filter(({ event }) => STATUS_AFTER_EVENT[event.kind])
    .sort(
      (a, b) =>
        new Date(a.event.date).getTime() - new Date(b.event.date).getTime() || a.index - b.index,
    )
  const last = ordered.at(-1)
  return last ? STATUS_AFTER_EVENT[last.event.kind]! : 'studying'
}

export const keepEnrollmentHistory: CollectionBeforeChangeHook<Student> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const before = operation === 'update' ? (originalDoc?.enrollmentEvents ?? []) : []
  const events = [...(data.enrollmentEvents ?? before)]

  const kept = before.every((old) =>
    events.some((event) => event.id === old.id && sameEvent(event, old)),
  )
  if (!kept) {
    throw userError(req, 400, {
      vi: 'Biến động đã ghi không sửa hay xóa được (lịch sử của học sinh). Nếu ghi nhầm, hãy thêm một biến động mới.',
      en: "Recorded enrollment events cannot be edited or removed (the pupil's history). Add a new event instead.",
    })
  }

  const fromClass = idOf(originalDoc?.class)
  const toClass = data.class === undefined ? fromClass : idOf(data.class)
  const classChanged =
    operation === 'update' && fromClass !== null && toClass !== null && !sameId(fromClass, toClass)
  const added = events.filter((event) => !before.some((old) => old.id === event.id))
  const addedClassChanges = added.filter((event) => event.kind === 'class_change')
  if (addedClassChanges.length > 0 && !classChanged) {
    throw userError(req, 400, {
      vi: 'Để chuyển lớp, hãy chọn lớp mới ở trường "Lớp"; biến động chuyển lớp được ghi theo.',
      en: 'To change class, choose the new class in "Class"; the class-change event follows.',
    })
  }
  if (classChanged) {
    const today = new Date().toISOString()
    if (addedClassChanges.length === 0) {
      events.push({
        kind: 'class_change',
        date: today,
        reason: localize(req, { vi: 'Chuyển lớp', en: 'Class change' }),
        fromClass,
        toClass,
      } as EnrollmentEvent)
    } else {
      for (const event of addedClassChanges) Object.assign(event, { fromClass, toClass })
    }
  }
  for (const event of added) {
    if ((event.kind === 'transfer_in' || event.kind === 'transfer_out') && !event.school?.trim()) {
      throw userError(req, 400, {
        vi:
          event.kind === 'transfer_in'
            ? 'Biến động "Chuyển đến" cần ghi trường chuyển đến từ đâu.'
            : 'Biến động "Chuyển đi" cần ghi trường chuyển đến.',
        en: 'A transfer needs the other school.',
      })
    }
  }
  return { ...data, enrollmentEvents: events, status: statusFromEvents(events) }
}
