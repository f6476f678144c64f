/**
 * The policy matrix: every role × every collection × create/read/update/delete, each cell asserted
 * through the Local API with a real user and `overrideAccess: false`. The expected table is
 * written out here by hand, from the regulation, not derived from the policy code.
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import sharp from 'sharp'

import { richText } from './support/content'
import { outcomeOf, type Outcome } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'

type Action = 'create' | 'read' | 'update' | 'delete'
type Collection = 'users' | 'groups' | 'posts' | 'assignments' | 'workflow-events' | 'media'
type Actor = Role | 'anonymous'

const ALL_STAFF: Actor[] = [...ROLES]
const EVERYONE: Actor[] = [...ROLES, 'anonymous']

/** Who may take each action on someone else's document (Điều 5.1, 5.2, 5.6, 7, 9). */
const EXPECTED: Record<Collection, Record<Action, Actor[]>> = {
  users: {
    create: ['principal'],
    read: ALL_STAFF,
    update: ['principal'],
    delete: ['principal'],
  },
  // The public reads names and kinds (for the website), never the people: see the test below.
  groups: {
    create: ['principal'],
    read: EVERYONE,
    update: ['principal'],
    delete: ['principal'],
  },
  // Someone else's post, in a group the actor is not in (writers edit their own: workflow tests).
  posts: {
    create: ALL_STAFF,
    read: EVERYONE, // the public reads published posts only
    update: [],
    delete: ['principal'],
  },
  // Someone else's assignment. A group head assigns for the group they head (assignments tests);
  // the role alone, heading no group, gives nothing.
  assignments: {
    create: ['principal', 'vice_principal'],
    read: ALL_STAFF,
    update: ['principal', 'vice_principal'],
    delete: ['principal', 'vice_principal'],
  },
  // Written by the workflow only; nobody edits or deletes an entry.
  'workflow-events': {
    create: [],
    read: ALL_STAFF,
    update: [],
    delete: [],
  },
  // Someone else's upload.
  media: {
    create: ALL_STAFF,
    read: EVERYONE,
    update: ['principal', 'web_admin'],
    delete: ['principal', 'web_admin'],
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
async function attempt(
  payload: Payload,
  collection: Collection,
  action: Action,
  user: User | null,
): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  if (collection === 'users') {
    switch (action) {
      case 'create':
        counter += 1
        return outcomeOf(() =>
          payload.create({
            collection: 'users',
            ...as,
            data: {
              fullName: 'Tài khoản mới',
              email: `new-${counter}@test.giathuong.edu.vn`,
              password: 'Matrix@2024',
              roles: ['subject_teacher'],
            },
          }),
        )
      case 'read':
        return outcomeOf(async () => {
          const { totalDocs } = await payload.find({ collection: 'users', ...as })
          expect(totalDocs).toBeGreaterThan(0)
        })
      case 'update': {
        const target = await createTestUser(payload, ['subject_teacher'])
        const outcome = await outcomeOf(() =>
          payload.update({
            collection: 'users',
            id: target.id,
            ...as,
            data: { fullName: 'Đã đổi tên' },
          }),
        )
        const after = await payload.findByID({
          collection: 'users',
          id: target.id,
          overrideAccess: true,
        })
        expect(after.fullName === 'Đã đổi tên').toBe(outcome === 'allowed')
        return outcome
      }
      case 'delete': {
        const target = await createTestUser(payload, ['subject_teacher'])
        const outcome = await outcomeOf(() =>
          payload.delete({ collection: 'users', id: target.id, ...as }),
        )
        const left = await payload.count({
          collection: 'users',
          where: { id: { equals: target.id } },
          overrideAccess: true,
        })
        expect(left.totalDocs === 0).toBe(outcome === 'allowed')
        return outcome
      }
    }
  }
  if (collection === 'posts') return attemptOnPost(payload, action, user)
  if (collection === 'workflow-events') return attemptOnEvent(payload, action, user)
  if (collection === 'assignments') return attemptOnAssignment(payload, action, user)
  if (collection === 'media') return attemptOnMedia(payload, action, user)
  switch (action) {
    case 'create':
      return outcomeOf(() =>
        payload.create({
          collection: 'groups',
          ...as,
          data: { name: 'Câu lạc bộ mới', kind: 'organisation' },
        }),
      )
    case 'read':
      return outcomeOf(async () => {
        const { totalDocs } = await payload.find({ collection: 'groups', ...as })
        expect(totalDocs).toBeGreaterThan(0)
      })
    case 'update': {
      const target = await makeGroup(payload)
      const outcome = await outcomeOf(() =>
        payload.update({
          collection: 'groups',
          id: target.id,
          ...as,
          data: { name: 'Đã đổi tên' },
        }),
      )
      const after = await payload.findByID({
        collection: 'groups',
        id: target.id,
        overrideAccess: true,
      })
      expect(after.name === 'Đã đổi tên').toBe(outcome === 'allowed')
      return outcome
    }
    case 'delete': {
      const target = await makeGroup(payload)
      const outcome = await outcomeOf(() =>
        payload.delete({ collection: 'groups', id: target.id, ...as }),
      )
      const left = await payload.count({
        collection: 'groups',
        where: { id: { equals: target.id } },
        overrideAccess: true,
      })
      expect(left.totalDocs === 0).toBe(outcome === 'allowed')
      return outcome
    }
  }
}

let outsider: User
let anEvent: { id: number }

/** A post by someone outside every demo group, published or not. */
async function makePost(payload: Payload, published = false) {
  counter += 1
  const post = await payload.create({
    collection: 'posts',
    overrideAccess: true,
    draft: true,
    data: {
      title: `Bài thử ${counter}`,
      excerpt: 'Tóm tắt',
      content: richText('Nội dung'),
      authors: [outsider.id],
      ownerGroup: null,
    },
  })
  if (published) {
    await payload.update({
      collection: 'posts',
      id: post.id,
      overrideAccess: true,
      data: { _status: 'published', stage: 'published' },
      context: { workflow: true },
    })
  }
  return post
}

async function attemptOnPost(
  payload: Payload,
  action: Action,
  user: User | null,
): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  switch (action) {
    case 'create':
      return outcomeOf(() =>
        payload.create({
          collection: 'posts',
          draft: true,
          ...as,
          data: { title: 'Bài mới', content: richText('x') },
        }),
      )
    case 'read':
      return outcomeOf(async () => {
        const { docs } = await payload.find({ collection: 'posts', ...as, limit: 100 })
        expect(docs.length).toBeGreaterThan(0)
        if (!user) expect(docs.every((doc) => doc._status === 'published')).toBe(true)
      })
    case 'update': {
      const target = await makePost(payload)
      const outcome = await outcomeOf(() =>
        payload.update({
          collection: 'posts',
          id: target.id,
          draft: true,
          ...as,
          data: { title: 'Đã đổi tên' },
        }),
      )
      const after = await payload.findByID({
        collection: 'posts',
        id: target.id,
        draft: true,
        overrideAccess: true,
      })
      expect(after.title === 'Đã đổi tên').toBe(outcome === 'allowed')
      return outcome
    }
    case 'delete': {
      const target = await makePost(payload)
      const outcome = await outcomeOf(() =>
        payload.delete({ collection: 'posts', id: target.id, ...as }),
      )
      const left = await payload.count({
        collection: 'posts',
        where: { id: { equals: target.id } },
        overrideAccess: true,
      })
      expect(left.totalDocs === 0).toBe(outcome === 'allowed')
      return outcome
    }
  }
}

async function attemptOnEvent(
  payload: Payload,
  action: Action,
  user: User | null,
): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  switch (action) {
    case 'create':
      return outcomeOf(() =>
        payload.create({
          collection: 'workflow-events',
          ...as,
          data: {
            post: anEvent.id,
            action: 'approve',
            fromStage: 'reviewed',
            toStage: 'approved',
            actor: outsider.id,
          },
        }),
      )
    case 'read':
      return outcomeOf(async () => {
        const { totalDocs } = await payload.find({ collection: 'workflow-events', ...as })
        expect(totalDocs).toBeGreaterThan(0)
      })
    case 'update':
      return outcomeOf(() =>
        payload.update({
          collection: 'workflow-events',
          id: anEvent.id,
          ...as,
          data: { comment: 'sửa' },
        }),
      )
    case 'delete':
      return outcomeOf(() =>
        payload.delete({ collection: 'workflow-events', id: anEvent.id, ...as }),
      )
  }
}

async function makeAssignment(payload: Payload) {
  const { docs } = await payload.find({ collection: 'groups', limit: 1, overrideAccess: true })
  return payload.create({
    collection: 'assignments',
    overrideAccess: true,
    data: {
      topic: 'Chủ đề thử',
      group: docs[0].id,
      writer: outsider.id,
      dueDate: new Date().toISOString(),
      assignedBy: outsider.id,
    },
  })
}

async function attemptOnAssignment(
  payload: Payload,
  action: Action,
  user: User | null,
): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  switch (action) {
    case 'create': {
      const { docs } = await payload.find({ collection: 'groups', limit: 1, overrideAccess: true })
      return outcomeOf(() =>
        payload.create({
          collection: 'assignments',
          ...as,
          data: {
            topic: 'Chủ đề mới',
            group: docs[0].id,
            writer: outsider.id,
            dueDate: new Date().toISOString(),
          },
        }),
      )
    }
    case 'read':
      return outcomeOf(async () => {
        await makeAssignment(payload)
        const { totalDocs } = await payload.find({ collection: 'assignments', ...as })
        expect(totalDocs).toBeGreaterThan(0)
      })
    case 'update': {
      const target = await makeAssignment(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'assignments',
          id: target.id,
          ...as,
          data: { topic: 'Đổi chủ đề' },
        }),
      )
    }
    case 'delete': {
      const target = await makeAssignment(payload)
      return outcomeOf(() => payload.delete({ collection: 'assignments', id: target.id, ...as }))
    }
  }
}

let pngCount = 0
async function png() {
  pngCount += 1
  const data = await sharp({
    create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 80, b: 160 } },
  })
    .png()
    .toBuffer()
  return { data, mimetype: 'image/png', name: `anh-${pngCount}.png`, size: data.length }
}

async function attemptOnMedia(
  payload: Payload,
  action: Action,
  user: User | null,
): Promise<Outcome> {
  const as = { user: user ?? undefined, overrideAccess: false } as const
  const ownedByOutsider = async () =>
    payload.create({
      collection: 'media',
      overrideAccess: true,
      data: { alt: 'Ảnh', uploadedBy: outsider.id },
      file: await png(),
    })
  switch (action) {
    case 'create':
      return outcomeOf(async () =>
        payload.create({ collection: 'media', ...as, data: { alt: 'Ảnh mới' }, file: await png() }),
      )
    case 'read':
      return outcomeOf(async () => {
        await ownedByOutsider()
        const { totalDocs } = await payload.find({ collection: 'media', ...as })
        expect(totalDocs).toBeGreaterThan(0)
      })
    case 'update': {
      const target = await ownedByOutsider()
      return outcomeOf(() =>
        payload.update({ collection: 'media', id: target.id, ...as, data: { alt: 'Đổi mô tả' } }),
      )
    }
    case 'delete': {
      const target = await ownedByOutsider()
      return outcomeOf(() => payload.delete({ collection: 'media', id: target.id, ...as }))
    }
  }
}

beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await createTestUser(school.payload, [role]))
  outsider = await createTestUser(school.payload, ['subject_teacher'])
  await makePost(school.payload, true)
  const post = await makePost(school.payload)
  anEvent = await school.payload.create({
    collection: 'workflow-events',
    overrideAccess: true,
    data: {
      post: post.id,
      action: 'submit',
      fromStage: 'draft',
      toStage: 'submitted',
      actor: outsider.id,
    },
  })
})

describe('policy matrix: every role × collection × action', () => {
  for (const collection of Object.keys(EXPECTED) as Collection[]) {
    for (const action of ['create', 'read', 'update', 'delete'] as Action[]) {
      for (const actor of [...ROLES, 'anonymous'] as Actor[]) {
        const expected: Outcome = EXPECTED[collection][action].includes(actor)
          ? 'allowed'
          : 'refused'
        it(`${collection} · ${action} · ${actor} → ${expected}`, async () => {
          const user = actor === 'anonymous' ? null : actors.get(actor)!
          expect(await attempt(school.payload, collection, action, user)).toBe(expected)
        })
      }
    }
  }
})

describe('what the public reads of groups', () => {
  it('names, kinds and grades, never heads, homeroom teachers or members', async () => {
    const { docs } = await school.payload.find({
      collection: 'groups',
      overrideAccess: false,
      limit: 100,
      depth: 0,
    })
    expect(docs.length).toBeGreaterThan(10)
    for (const group of docs) {
      expect(group.name).toBeTruthy()
      expect(group.head).toBeUndefined()
      expect(group.homeroomTeacher).toBeUndefined()
      expect(group.members).toBeUndefined()
    }
    const staff = actors.get('librarian')!
    const { docs: seenByStaff } = await school.payload.find({
      collection: 'groups',
      user: staff,
      overrideAccess: false,
      limit: 100,
      depth: 0,
    })
    expect(
      seenByStaff.some((group) => Array.isArray(group.members) && group.members.length > 0),
    ).toBe(true)
  })
})
