/**
 * The policy matrix: every role × every collection × create/read/update/delete, each cell asserted
 * through the Local API with a real user and `overrideAccess: false`. The expected table is
 * written out here by hand, from the regulation, not derived from the policy code.
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { outcomeOf, type Outcome } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'

type Action = 'create' | 'read' | 'update' | 'delete'
type Collection = 'users' | 'groups'
type Actor = Role | 'anonymous'

const ALL_STAFF: Actor[] = [...ROLES]

/** Who may take each action on someone else's document (Điều 5.1, 5.2, 5.6, 7, 9). */
const EXPECTED: Record<Collection, Record<Action, Actor[]>> = {
  users: {
    create: ['principal'],
    read: ALL_STAFF,
    update: ['principal'],
    delete: ['principal'],
  },
  groups: {
    create: ['principal'],
    read: ALL_STAFF,
    update: ['principal'],
    delete: ['principal'],
  },
}

const school = useTestSchool()
const actors = new Map<Role, User>()
let counter = 0


async function makeGroup(payload: Payload) {
  counter += 1
  return payload.create({
    collection: 'groups',
    overrideAccess: true,
    data: { name: `Nhóm thử ${counter}`, kind: 'organisation' },
  })
}

/** Performs one cell of the matrix as `user` (null = not logged in). */
async function attempt(payload: Payload, collection: Collection, action: Action, user: User | null): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  if (collection === 'users') {
    switch (action) {
      case 'create':
        counter += 1
        return outcomeOf(() =>
          payload.create({
            collection: 'users',
            ...as,
            data: { fullName: 'Tài khoản mới', email: `new-${counter}@test.giathuong.edu.vn`, password: 'Matrix@2024', roles: ['subject_teacher'] },
          }),
        )
      case 'read':
        return outcomeOf(async () => {
          const { totalDocs } = await payload.find({ collection: 'users', ...as })
          expect(totalDocs).toBeGreaterThan(0)
        })
      case 'update': {
        const target = await createTestUser(payload, ['subject_teacher'])
        const outcome = await outcomeOf(() => payload.update({ collection: 'users', id: target.id, ...as, data: { fullName: 'Đã đổi tên' } }))
        const after = await payload.findByID({ collection: 'users', id: target.id, overrideAccess: true })
        expect(after.fullName === 'Đã đổi tên').toBe(outcome === 'allowed')
        return outcome
      }
      case 'delete': {
        const target = await createTestUser(payload, ['subject_teacher'])
        const outcome = await outcomeOf(() => payload.delete({ collection: 'users', id: target.id, ...as }))
        const left = await payload.count({ collection: 'users', where: { id: { equals: target.id } }, overrideAccess: true })
        expect(left.totalDocs === 0).toBe(outcome === 'allowed')
        return outcome
      }
    }
  }
  switch (action) {
    case 'create':
      return outcomeOf(() => payload.create({ collection: 'groups', ...as, data: { name: 'Câu lạc bộ mới', kind: 'organisation' } }))
    case 'read':
      return outcomeOf(async () => {
        const { totalDocs } = await payload.find({ collection: 'groups', ...as })
        expect(totalDocs).toBeGreaterThan(0)
      })
    case 'update': {
      const target = await makeGroup(payload)
      const outcome = await outcomeOf(() => payload.update({ collection: 'groups', id: target.id, ...as, data: { name: 'Đã đổi tên' } }))
      const after = await payload.findByID({ collection: 'groups', id: target.id, overrideAccess: true })
      expect(after.name === 'Đã đổi tên').toBe(outcome === 'allowed')
      return outcome
    }
    case 'delete': {
      const target = await makeGroup(payload)
      const outcome = await outcomeOf(() => payload.delete({ collection: 'groups', id: target.id, ...as }))
      const left = await payload.count({ collection: 'groups', where: { id: { equals: target.id } }, overrideAccess: true })
      expect(left.totalDocs === 0).toBe(outcome === 'allowed')
      return outcome
    }
  }
}

beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await createTestUser(school.payload, [role]))
})

describe('policy matrix: every role × collection × action', () => {
  for (const collection of Object.keys(EXPECTED) as Collection[]) {
    for (const action of ['create', 'read', 'update', 'delete'] as Action[]) {
      for (const actor of [...ROLES, 'anonymous'] as Actor[]) {
        const expected: Outcome = EXPECTED[collection][action].includes(actor) ? 'allowed' : 'refused'
        it(`${collection} · ${action} · ${actor} → ${expected}`, async () => {
          const user = actor === 'anonymous' ? null : actors.get(actor)!
          expect(await attempt(school.payload, collection, action, user)).toBe(expected)
        })
      }
    }
  }
})
