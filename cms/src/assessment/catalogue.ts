/**
 * What the assessment rules look up over and over in one request: subjects by code, classes by
 * id, the checkpoints' windows. Each is read once per request (a grid of 35 pupils asks for the
 * same subject and class 35 times).
 */
import type { PayloadRequest } from 'payload'
import type { Period } from '@school/shared'

import { idOf } from '../lib/ids'
import type { AssessmentPeriod, Group, Subject } from '../payload-types'

const caches = new WeakMap<PayloadRequest, Map<string, Promise<unknown>>>()

/** Runs `load` once per request and key. */
export function oncePerRequest<T>(req: PayloadRequest, key: string, load: () => Promise<T>) {
  let cache = caches.get(req)
  if (!cache) caches.set(req, (cache = new Map()))
  let found = cache.get(key) as Promise<T> | undefined
  if (!found) {
    found = load()
    cache.set(key, found)
  }
  return found
}

/** Forgets what this request looked up (after it changed a window, say). */
export function forgetLookups(req: PayloadRequest): void {
  caches.delete(req)
}

export function allSubjects(req: PayloadRequest): Promise<Subject[]> {
  return oncePerRequest(req, 'subjects', async () => {
    const { docs } = await req.payload.find({
      collection: 'subjects',
      depth: 0,
      limit: 0,
      pagination: false,
      sort: 'order',
      overrideAccess: true,
      req,
    })
    return docs
  })
}

export async function subjectByCode(req: PayloadRequest, code: unknown): Promise<Subject | null> {
  if (typeof code !== 'string') return null
  return (await allSubjects(req)).find((subject) => subject.code === code) ?? null
}

const gradeKey = (grade: number) => String(grade) as NonNullable<Subject['grades']>[number]

/** Whether pupils of this grade are assessed in the subject (compulsory, or elective). */
export function taughtInGrade(subject: Subject, grade: number): 'compulsory' | 'elective' | null {
  if (subject.grades?.includes(gradeKey(grade))) return 'compulsory'
  if (subject.electiveGrades?.includes(gradeKey(grade))) return 'elective'
  return null
}

/** TT27 Điều 7.2: whether the subject has a 1–10 periodic test at this checkpoint in this grade. */
export function isTested(subject: Subject, grade: number, period: Period): boolean {
  return (subject.tests ?? []).some(
    (test) => test.grade === gradeKey(grade) && (test.periods ?? []).includes(period),
  )
}

export function classById(req: PayloadRequest, id: unknown): Promise<Group | null> {
  const classId = idOf(id as Group['id'] | Group | null | undefined)
  if (classId === null) return Promise.resolve(null)
  return oncePerRequest(req, `class:${classId}`, async () => {
    const found = await req.payload.findByID({
      collection: 'groups',
      id: classId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    return found && found.kind === 'class' ? found : null
  })
}

export function periodWindow(
  req: PayloadRequest,
  schoolYear: string,
  period: Period,
): Promise<AssessmentPeriod | null> {
  return oncePerRequest(req, `window:${schoolYear}:${period}`, async () => {
    const { docs } = await req.payload.find({
      collection: 'assessment-periods',
      where: { and: [{ schoolYear: { equals: schoolYear } }, { period: { equals: period } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    return docs[0] ?? null
  })
}
