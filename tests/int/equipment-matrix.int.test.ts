/**
 * The equipment's policy matrix (Điều 6, 15): every role (and nobody logged in) × every action on
 * the register, the loans, the inventories and the damage/repair/disposal records, each cell
 * asserted through the Local API with a real user and `overrideAccess: false`. The expected
 * table is written here by hand from the regulation and the issue, not derived from the policy.
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { outcomeOf, type Outcome } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'

type Actor = Role | 'anonymous'
const ACTORS: Actor[] = [...ROLES, 'anonymous']
const LEADERSHIP: Actor[] = ['principal', 'vice_principal']
const TEACHERS: Actor[] = ['group_head', 'it_teacher', 'homeroom_teacher', 'subject_teacher']

/** Who may do what to a record that is not their own (a loan to someone else, say). */
const EXPECTED = {
  assets: {
    create: ['equipment_officer'],
    // Teachers look equipment up to borrow it (without values: below).
    read: [...LEADERSHIP, 'equipment_officer', 'accountant', ...TEACHERS],
    // The register's facts (a note, a room) are the officer's…
    updateFacts: ['equipment_officer'],
    // …its values the accountant's (Điều 15).
    updateValues: ['accountant'],
    readValues: [...LEADERSHIP, 'equipment_officer', 'accountant'],
    // An asset leaves by an approved disposal, never by deletion.
    delete: [],
  },
  'equipment-loans': {
    create: ['equipment_officer'],
    read: [...LEADERSHIP, 'equipment_officer'],
    update: ['equipment_officer'],
    delete: [],
  },
  'asset-inventories': {
    create: ['equipment_officer'],
    read: [...LEADERSHIP, 'equipment_officer', 'accountant'],
    // A draft's counts are the officer's; leadership may add to its conclusion.
    updateCounts: ['equipment_officer'],
    updateConclusion: [...LEADERSHIP, 'equipment_officer'],
    submit: ['equipment_officer'],
    approve: LEADERSHIP,
    delete: [],
  },
  'asset-events': {
    create: ['equipment_officer'],
    read: [...LEADERSHIP, 'equipment_officer', 'accountant'],
    updateFacts: ['equipment_officer'],
    decide: LEADERSHIP,
    writeCost: ['accountant'],
    delete: [],
  },
} satisfies Record<string, Record<string, Actor[]>>

const school = useTestSchool()
const actors = new Map<Role, User>()
let counter = 0
let borrowerOfOthers: User

const as = (actor: Actor) =>
  ({
    user: actor === 'anonymous' ? undefined : actors.get(actor),
    overrideAccess: false,
    depth: 0,
  }) as const
const officer = () => as('equipment_officer')

async function asset(payload: Payload) {
  counter += 1
  return payload.create({
    collection: 'assets',
    ...officer(),
    data: {
      code: `TBDH-MATRIX-${counter}`,
      name: `Thiết bị ma trận ${counter}`,
      kind: 'teaching_equipment',
      room: 'store',
      unit: 'bộ',
      quantity: 5,
      condition: 'good',
      originalValue: undefined,
    },
  })
}

async function loanTo(payload: Payload, borrower: User) {
  return payload.create({
    collection: 'equipment-loans',
    ...officer(),
    data: {
      asset: (await asset(payload)).id,
      borrower: borrower.id,
      quantity: 1,
      lentOn: new Date().toISOString(),
      dueOn: new Date().toISOString(),
    } as never,
  })
}

async function inventory(payload: Payload, submitted = false) {
  const thing = await asset(payload)
  const draft = await payload.create({
    collection: 'asset-inventories',
    ...officer(),
    data: {
      schoolYear: '2025-2026',
      date: new Date().toISOString(),
      lines: [{ asset: thing.id, countedQuantity: 5 }],
    } as never,
  })
  if (!submitted) return { draft, asset: thing }
  await payload.update({
    collection: 'asset-inventories',
    id: draft.id,
    ...officer(),
    data: { status: 'submitted' },
  })
  return { draft, asset: thing }
}

async function repair(payload: Payload) {
  return payload.create({
    collection: 'asset-events',
    ...officer(),
    data: {
      kind: 'repair',
      asset: (await asset(payload)).id,
      quantity: 1,
      date: new Date().toISOString(),
      description: 'Đề nghị sửa',
    } as never,
  })
}

type Attempts = Record<string, (payload: Payload, actor: Actor) => Promise<Outcome>>

const ATTEMPTS: Record<keyof typeof EXPECTED, Attempts> = {
  assets: {
    create: (payload, actor) =>
      outcomeOf(() =>
        payload.create({
          collection: 'assets',
          ...as(actor),
          data: {
            code: `TBDH-NEW-${(counter += 1)}`,
            name: 'Mới',
            kind: 'tool',
            room: 'store',
            unit: 'cái',
            quantity: 1,
            condition: 'good',
          },
        }),
      ),
    read: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() =>
        payload.findByID({ collection: 'assets', id: target.id, ...as(actor) }),
      )
    },
    updateFacts: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() =>
        payload.update({ collection: 'assets', id: target.id, ...as(actor), data: { note: 'x' } }),
      )
    },
    updateValues: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'assets',
          id: target.id,
          ...as(actor),
          data: { originalValue: 1_000_000 },
        }),
      )
    },
    readValues: async (payload, actor) => {
      const target = await asset(payload)
      await payload.update({
        collection: 'assets',
        id: target.id,
        user: actors.get('accountant'),
        overrideAccess: false,
        data: { originalValue: 2_000_000, accumulatedWear: 500_000 },
      })
      return outcomeOf(async () => {
        const doc = await payload.findByID({ collection: 'assets', id: target.id, ...as(actor) })
        if (doc.originalValue !== 2_000_000 || doc.remainingValue !== 1_500_000)
          throw Object.assign(new Error('values not read'), { status: 403 })
      })
    },
    delete: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() => payload.delete({ collection: 'assets', id: target.id, ...as(actor) }))
    },
  },
  'equipment-loans': {
    create: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() =>
        payload.create({
          collection: 'equipment-loans',
          ...as(actor),
          data: {
            asset: target.id,
            borrower: borrowerOfOthers.id,
            quantity: 1,
            lentOn: new Date().toISOString(),
            dueOn: new Date().toISOString(),
          } as never,
        }),
      )
    },
    read: async (payload, actor) => {
      const loan = await loanTo(payload, borrowerOfOthers)
      return outcomeOf(() =>
        payload.findByID({ collection: 'equipment-loans', id: loan.id, ...as(actor) }),
      )
    },
    update: async (payload, actor) => {
      const loan = await loanTo(payload, borrowerOfOthers)
      return outcomeOf(() =>
        payload.update({
          collection: 'equipment-loans',
          id: loan.id,
          ...as(actor),
          data: { note: 'Dùng cho tiết dự giờ' },
        }),
      )
    },
    delete: async (payload, actor) => {
      const loan = await loanTo(payload, borrowerOfOthers)
      return outcomeOf(() =>
        payload.delete({ collection: 'equipment-loans', id: loan.id, ...as(actor) }),
      )
    },
  },
  'asset-inventories': {
    create: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() =>
        payload.create({
          collection: 'asset-inventories',
          ...as(actor),
          data: {
            schoolYear: '2025-2026',
            date: new Date().toISOString(),
            lines: [{ asset: target.id, countedQuantity: 5 }],
          } as never,
        }),
      )
    },
    read: async (payload, actor) => {
      const { draft } = await inventory(payload)
      return outcomeOf(() =>
        payload.findByID({ collection: 'asset-inventories', id: draft.id, ...as(actor) }),
      )
    },
    updateCounts: async (payload, actor) => {
      const { draft, asset: target } = await inventory(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-inventories',
          id: draft.id,
          ...as(actor),
          data: { lines: [{ asset: target.id, countedQuantity: 4 }] } as never,
        }),
      )
    },
    updateConclusion: async (payload, actor) => {
      const { draft } = await inventory(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-inventories',
          id: draft.id,
          ...as(actor),
          data: { conclusion: 'Đủ' },
        }),
      )
    },
    submit: async (payload, actor) => {
      const { draft } = await inventory(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-inventories',
          id: draft.id,
          ...as(actor),
          data: { status: 'submitted' },
        }),
      )
    },
    approve: async (payload, actor) => {
      const { draft } = await inventory(payload, true)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-inventories',
          id: draft.id,
          ...as(actor),
          data: { status: 'approved' },
        }),
      )
    },
    delete: async (payload, actor) => {
      const { draft } = await inventory(payload)
      return outcomeOf(() =>
        payload.delete({ collection: 'asset-inventories', id: draft.id, ...as(actor) }),
      )
    },
  },
  'asset-events': {
    create: async (payload, actor) => {
      const target = await asset(payload)
      return outcomeOf(() =>
        payload.create({
          collection: 'asset-events',
          ...as(actor),
          data: {
            kind: 'damage',
            conditionAfter: 'minor_damage',
            asset: target.id,
            quantity: 1,
            date: new Date().toISOString(),
            description: 'Trầy xước',
          } as never,
        }),
      )
    },
    read: async (payload, actor) => {
      const event = await repair(payload)
      return outcomeOf(() =>
        payload.findByID({ collection: 'asset-events', id: event.id, ...as(actor) }),
      )
    },
    updateFacts: async (payload, actor) => {
      const event = await repair(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-events',
          id: event.id,
          ...as(actor),
          data: { description: 'Đề nghị sửa gấp' },
        }),
      )
    },
    decide: async (payload, actor) => {
      const event = await repair(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-events',
          id: event.id,
          ...as(actor),
          data: { status: 'approved' },
        }),
      )
    },
    writeCost: async (payload, actor) => {
      const event = await repair(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'asset-events',
          id: event.id,
          ...as(actor),
          data: { cost: 150_000 },
        }),
      )
    },
    delete: async (payload, actor) => {
      const event = await repair(payload)
      return outcomeOf(() =>
        payload.delete({ collection: 'asset-events', id: event.id, ...as(actor) }),
      )
    },
  },
}

beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await createTestUser(school.payload, [role]))
  borrowerOfOthers = await createTestUser(school.payload, ['subject_teacher'])
})

describe('equipment policy matrix', () => {
  for (const [collection, actions] of Object.entries(EXPECTED) as Array<
    [keyof typeof EXPECTED, Record<string, Actor[]>]
  >) {
    for (const [action, allowed] of Object.entries(actions)) {
      it(`${collection} · ${action}`, async () => {
        const got: Record<string, Outcome> = {}
        const want: Record<string, Outcome> = {}
        for (const actor of ACTORS) {
          got[actor] = await ATTEMPTS[collection][action](school.payload, actor)
          want[actor] = allowed.includes(actor) ? 'allowed' : 'refused'
        }
        expect(got).toEqual(want)
      })
    }
  }

  it('every borrower reads their own loan, whatever their role', async () => {
    for (const role of ROLES) {
      const borrower = actors.get(role)!
      const loan = await loanTo(school.payload, borrower)
      const seen = await school.payload.find({
        collection: 'equipment-loans',
        ...as(role),
        where: { id: { equals: loan.id } },
      })
      expect(
        seen.docs.map((doc) => doc.id),
        role,
      ).toEqual([loan.id])
    }
  })
})
