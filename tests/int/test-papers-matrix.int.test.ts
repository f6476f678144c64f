/**
 * The periodic test archive's matrix (issue 14 points 3 and 6; Điều 6): every role, and nobody
 * logged in, × every action on the papers and the handovers, through the Local API with real
 * users and `overrideAccess: false`. The expected table is written by hand from the regulation:
 * the vice-principal in charge (leadership) keeps the papers and hands them over, a secret paper
 * is leadership's alone, teachers read past papers, the librarian receives what was handed, a
 * year the library received is lent to all staff, and nobody edits a handed-over paper.
 */
import { ROLES, previousSchoolYear, schoolYearOf, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { TestPaper, TestPaperHandover, User } from '../../cms/src/payload-types'
import { outcomeOf, type Outcome } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'

type Actor = Role | 'anonymous'
type Action =
  | 'read received year'
  | 'read taken, not handed'
  | 'read secret'
  | 'create paper'
  | 'update open year'
  | 'delete open year'
  | 'update handed year'
  | 'delete handed year'
  | 'create handover'
  | 'read handover'
  | 'confirm receipt'
  | 'update open handover note'
  | 'update received handover'
  | 'delete handover'

const ALL_STAFF: Actor[] = [...ROLES]
const LEADERSHIP: Actor[] = ['principal', 'vice_principal']
const TEACHERS: Actor[] = ['group_head', 'it_teacher', 'homeroom_teacher', 'subject_teacher']

const EXPECTED: Record<Action, Actor[]> = {
  // Điều 6: once the library has it, the year's papers are lent to every member of staff.
  'read received year': ALL_STAFF,
  // A past test not handed over yet: the vice-principal's, and the teachers' to practise with.
  'read taken, not handed': [...LEADERSHIP, ...TEACHERS],
  // A test not yet taken: leadership only, the librarian and teachers included out.
  'read secret': LEADERSHIP,
  'create paper': LEADERSHIP,
  'update open year': LEADERSHIP,
  'delete open year': LEADERSHIP,
  // Handed to the library: nobody edits or deletes its papers.
  'update handed year': [],
  'delete handed year': [],
  'create handover': LEADERSHIP,
  'read handover': [...LEADERSHIP, 'librarian'],
  // Điều 6: the librarian confirms receipt.
  'confirm receipt': ['librarian'],
  'update open handover note': LEADERSHIP,
  'update received handover': [],
  'delete handover': [],
}

const school = useTestSchool()
const actors = new Map<Role, User>()
const thisYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(thisYear)

let yearCounter = 0
/** A past school year of its own for each attempt (papers and handovers are one per year). */
function freshYear(): string {
  yearCounter += 1
  return `${1000 + yearCounter}-${1001 + yearCounter}`
}

async function tinyPdf(): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit')
  const doc = new PDFDocument({ size: [200, 100] })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise((resolve) => doc.on('end', resolve))
  doc.text('Đề')
  doc.end()
  await done
  return Buffer.concat(chunks)
}

async function systemPaper(payload: Payload, schoolYear: string): Promise<TestPaper> {
  const data = await tinyPdf()
  return payload.create({
    collection: 'test-papers',
    data: { schoolYear, grade: '4', subject: 'toan', period: 'end', part: 'paper' },
    file: { data, mimetype: 'application/pdf', name: 'de.pdf', size: data.length },
    overrideAccess: true,
  })
}

async function systemHandover(payload: Payload): Promise<TestPaperHandover> {
  const schoolYear = freshYear()
  await systemPaper(payload, schoolYear)
  return payload.create({
    collection: 'test-paper-handovers',
    data: { schoolYear, status: 'handed' },
    overrideAccess: true,
  })
}

let received: TestPaper
let takenNotHanded: TestPaper
let secret: TestPaper
let receivedHandover: TestPaperHandover

async function attempt(payload: Payload, action: Action, user: User | null): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  const read = (paper: TestPaper) =>
    outcomeOf(() => payload.findByID({ collection: 'test-papers', id: paper.id, ...as }))
  switch (action) {
    case 'read received year':
      return read(received)
    case 'read taken, not handed':
      return read(takenNotHanded)
    case 'read secret':
      return read(secret)
    case 'create paper': {
      const data = await tinyPdf()
      return outcomeOf(() =>
        payload.create({
          collection: 'test-papers',
          data: {
            schoolYear: freshYear(),
            grade: '5',
            subject: 'toan',
            period: 'mid1',
            part: 'matrix',
          },
          file: { data, mimetype: 'application/pdf', name: 'ma-tran.pdf', size: data.length },
          ...as,
        }),
      )
    }
    case 'update open year': {
      const paper = await systemPaper(payload, freshYear())
      const outcome = await outcomeOf(() =>
        payload.update({ collection: 'test-papers', id: paper.id, data: { note: 'sửa' }, ...as }),
      )
      const after = await payload.findByID({ collection: 'test-papers', id: paper.id })
      expect(after.note === 'sửa').toBe(outcome === 'allowed')
      return outcome
    }
    case 'delete open year': {
      const paper = await systemPaper(payload, freshYear())
      const outcome = await outcomeOf(() =>
        payload.delete({ collection: 'test-papers', id: paper.id, ...as }),
      )
      const left = await payload.count({
        collection: 'test-papers',
        where: { id: { equals: paper.id } },
      })
      expect(left.totalDocs === 0).toBe(outcome === 'allowed')
      return outcome
    }
    case 'update handed year':
      return outcomeOf(() =>
        payload.update({ collection: 'test-papers', id: received.id, data: { note: 'x' }, ...as }),
      )
    case 'delete handed year':
      return outcomeOf(() => payload.delete({ collection: 'test-papers', id: received.id, ...as }))
    case 'create handover': {
      const schoolYear = freshYear()
      await systemPaper(payload, schoolYear)
      return outcomeOf(() =>
        payload.create({
          collection: 'test-paper-handovers',
          data: { schoolYear, status: 'handed' },
          ...as,
        }),
      )
    }
    case 'read handover':
      return outcomeOf(() =>
        payload.findByID({ collection: 'test-paper-handovers', id: receivedHandover.id, ...as }),
      )
    case 'confirm receipt': {
      const handover = await systemHandover(payload)
      const outcome = await outcomeOf(() =>
        payload.update({
          collection: 'test-paper-handovers',
          id: handover.id,
          data: { status: 'received' },
          ...as,
        }),
      )
      const after = await payload.findByID({ collection: 'test-paper-handovers', id: handover.id })
      expect(after.status === 'received').toBe(outcome === 'allowed')
      return outcome
    }
    case 'update open handover note': {
      const handover = await systemHandover(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'test-paper-handovers',
          id: handover.id,
          data: { note: 'Ghi chú' },
          ...as,
        }),
      )
    }
    case 'update received handover':
      return outcomeOf(() =>
        payload.update({
          collection: 'test-paper-handovers',
          id: receivedHandover.id,
          data: { receiptNote: 'x', note: 'x' },
          ...as,
        }),
      )
    case 'delete handover':
      return outcomeOf(() =>
        payload.delete({ collection: 'test-paper-handovers', id: receivedHandover.id, ...as }),
      )
  }
}

beforeAll(async () => {
  const payload = school.payload
  for (const role of ROLES) actors.set(role, await createTestUser(payload, [role]))
  const find = async (schoolYear: string) =>
    (
      await payload.find({
        collection: 'test-papers',
        where: { schoolYear: { equals: schoolYear } },
        limit: 1,
      })
    ).docs[0]
  received = await find(lastYear)
  secret = await find(thisYear)
  takenNotHanded = await systemPaper(payload, freshYear())
  receivedHandover = (
    await payload.find({
      collection: 'test-paper-handovers',
      where: { schoolYear: { equals: lastYear } },
    })
  ).docs[0]
  expect(receivedHandover.status).toBe('received')
}, 60_000)

describe('the test archive, every role both ways', () => {
  for (const action of Object.keys(EXPECTED) as Action[]) {
    it(
      action,
      async () => {
        const actual: Record<string, Outcome> = {}
        const expected: Record<string, Outcome> = {}
        for (const actor of [...ROLES, 'anonymous'] as Actor[]) {
          const user = actor === 'anonymous' ? null : actors.get(actor)!
          actual[actor] = await attempt(school.payload, action, user)
          expected[actor] = EXPECTED[action].includes(actor) ? 'allowed' : 'refused'
        }
        expect(actual).toEqual(expected)
      },
      60_000,
    )
  }
})
