/**
 * The 2018 programme's subjects (TT27 Điều 7), created at start when the school has none: a real
 * school's install gets them too, and then adds its electives in the admin.
 */
import type { Payload } from 'payload'
import { PROGRAMME_SUBJECTS } from '@school/shared'

export async function ensureProgrammeSubjects(payload: Payload): Promise<void> {
  const { totalDocs } = await payload.count({ collection: 'subjects', overrideAccess: true })
  if (totalDocs > 0) return
  for (const subject of PROGRAMME_SUBJECTS) {
    await payload.create({
      collection: 'subjects',
      overrideAccess: true,
      data: {
        code: subject.code,
        name: subject.name,
        shortName: subject.shortName,
        order: subject.order,
        grades: subject.grades.map(String) as never,
        electiveGrades: subject.electiveGrades.map(String) as never,
        tests: Object.entries(subject.tested).map(([grade, periods]) => ({
          grade: grade as never,
          periods: periods ?? [],
        })),
      },
    })
  }
}
