/**
 * Entry of subject results (Điều 10.1, 12.1, 12.2): the assigned teacher writes while the
 * checkpoint's window is open; a locked entry changes only through a decided correction request,
 * and every change is in the grade change log.
 */
import { schoolYearOf, type Role } from '@school/shared'
import { describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { demoLoginEmail } from '../../cms/src/seed/demo-school'
import { outcomeOf } from './support/outcome'
import { findUserByEmail, useTestSchool } from './support/payload'

const school = useTestSchool()
const schoolYear = schoolYearOf(new Date())

const user = (role: Role): Promise<User> => findUserByEmail(school.payload, demoLoginEmail(role))

async function classNamed(name: string) {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ name: { equals: name } }, { kind: { equals: 'class' } }] },
    overrideAccess: true,
  })
  return docs[0]!
}

async function pupilOf(className: string, index = 0) {
  const schoolClass = await classNamed(className)
  const { docs } = await school.payload.find({
    collection: 'students',
    where: { class: { equals: schoolClass.id } },
    sort: 'id',
    overrideAccess: true,
  })
  return { pupil: docs[index]!, schoolClass }
}

describe('entering a subject result', () => {
  it('the assigned teacher enters while the window is open; others are refused', async () => {
    const { payload } = school
    const english = await user('subject_teacher')
    const homeroom3B = await user('homeroom_teacher')
    const { pupil, schoolClass } = await pupilOf('Lớp 3A')
    const data = {
      student: pupil.id,
      class: schoolClass.id,
      subject: 'ngoai-ngu',
      period: 'end1' as const,
      schoolYear,
      level: 'T' as const,
      score: 9,
      comment: 'Phát âm tốt.',
    }
    expect(
      await outcomeOf(() =>
        payload.create({
          collection: 'assessments',
          data,
          user: homeroom3B,
          overrideAccess: false,
        }),
      ),
    ).toBe('refused')
    const entry = await payload.create({
      collection: 'assessments',
      data,
      user: english,
      overrideAccess: false,
    })
    expect(entry.score).toBe(9)
    expect(entry.attempts?.map((attempt) => attempt.score)).toEqual([9])
    const { docs: log } = await payload.find({
      collection: 'grade-changes',
      where: { document: { equals: String(entry.id) } },
      overrideAccess: true,
    })
    expect(log).toHaveLength(1)
    expect(log[0]!.after).toMatchObject({ level: 'T', score: 9 })
  })

  it('a closed checkpoint answers 409; a correction request decided by a vice-principal applies', async () => {
    const { payload } = school
    const english = await user('subject_teacher')
    const vice = await user('vice_principal')
    const { schoolClass } = await pupilOf('Lớp 3A')
    // The demo's mid1 is entered and closed: take an entry no correction request is about yet.
    const { docs: entries } = await payload.find({
      collection: 'assessments',
      where: {
        and: [
          { class: { equals: schoolClass.id } },
          { subject: { equals: 'ngoai-ngu' } },
          { period: { equals: 'mid1' } },
          { schoolYear: { equals: schoolYear } },
        ],
      },
      depth: 0,
      limit: 0,
      overrideAccess: true,
    })
    const { docs: requests } = await payload.find({
      collection: 'correction-requests',
      depth: 0,
      limit: 0,
      overrideAccess: true,
    })
    const stored = entries.find((entry) => !requests.some((r) => r.assessment === entry.id))!
    const data = {
      student: stored.student,
      class: schoolClass.id,
      subject: 'ngoai-ngu',
      period: 'mid1' as const,
      schoolYear,
      level: stored.level,
    }
    await expect(
      payload.update({
        collection: 'assessments',
        id: stored.id,
        data: { level: stored.level === 'T' ? 'H' : 'T' },
        user: english,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(
      payload.create({ collection: 'assessments', data, user: english, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 409 })
    const proposed = stored.level === 'T' ? 'H' : 'T'
    const request = await payload.create({
      collection: 'correction-requests',
      data: { assessment: stored.id, level: proposed, reason: 'Nhập nhầm mức.' },
      user: english,
      overrideAccess: false,
    })
    expect(request.status).toBe('pending')
    const { decideCorrection } = await import('../../cms/src/assessment/corrections')
    const { createLocalReq } = await import('payload')
    const asEnglish = await createLocalReq({ user: english }, payload)
    await expect(
      decideCorrection(asEnglish, String(request.id), 'approve', ''),
    ).rejects.toMatchObject({ status: 403 })
    const asVice = await createLocalReq({ user: vice }, payload)
    const decided = await decideCorrection(asVice, String(request.id), 'approve', 'Đồng ý.')
    expect(decided.doc.status).toBe('approved')
    expect(decided.assessment?.level).toBe(proposed)
    await expect(decideCorrection(asVice, String(request.id), 'approve', '')).rejects.toMatchObject(
      { status: 409 },
    )
    const { docs: log } = await payload.find({
      collection: 'grade-changes',
      where: { document: { equals: String(stored.id) } },
      sort: 'createdAt',
      overrideAccess: true,
    })
    expect(log.at(-1)).toMatchObject({ source: 'correction', before: { level: stored.level } })
  })
})

describe('reading the whole school', () => {
  it('a list of thousands of results is audited in several entries, not refused', async () => {
    const { payload } = school
    const principal = await user('principal')
    const { AUDIT_IDS_PER_ENTRY } = await import('../../cms/src/audit/hooks')
    const since = new Date().toISOString()
    const { docs } = await payload.find({
      collection: 'assessments',
      limit: 0,
      pagination: false,
      depth: 0,
      select: {},
      user: principal,
      overrideAccess: false,
    })
    expect(docs.length).toBeGreaterThan(AUDIT_IDS_PER_ENTRY)
    const { docs: entries } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'assessments' } },
          { action: { equals: 'read' } },
          { createdAt: { greater_than_equal: since } },
        ],
      },
      limit: 0,
      overrideAccess: true,
    })
    expect(entries.length).toBe(Math.ceil(docs.length / AUDIT_IDS_PER_ENTRY))
    const logged = new Set(entries.flatMap((entry) => entry.docIds ?? []))
    expect(logged.size).toBe(docs.length)
  })
})
