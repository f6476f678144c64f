/**
 * The official documents' matrix (Điều 14.1, 14.3; Nghị định 30/2020/NĐ-CP): every role (and
 * nobody logged in) × every action on the registers, both ways, through the Local API with a
 * real user and `overrideAccess: false`, and the endpoints through REST. The expected table is
 * written out by hand from the regulation: the clerk keeps the registers, leadership reads all
 * and assigns, a handler reads and closes what was given to them, nobody deletes an entry.
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { IncomingDocument, User } from '../../cms/src/payload-types'
import { outcomeOf, type Outcome } from './support/outcome'
import { createTestUser, useTestSchool } from './support/payload'

type Actor = Role | 'anonymous'
type Action =
  | 'incoming · create'
  | 'incoming · read, not given'
  | 'incoming · read, given to them'
  | 'incoming · update'
  | 'incoming · delete'
  | 'handling · create'
  | 'handling · read, not theirs'
  | 'handling · update deadline, not theirs'
  | 'handling · mark own handled'
  | 'handling · withdraw open'
  | 'outgoing · create'
  | 'outgoing · read'
  | 'outgoing · update'
  | 'outgoing · delete'
  | 'print registers'
  | 'send to website'

const LEADERSHIP: Actor[] = ['principal', 'vice_principal']
const OFFICE: Actor[] = [...LEADERSHIP, 'clerk']
const ALL_STAFF: Actor[] = [...ROLES]

const EXPECTED: Record<Action, Actor[]> = {
  // Điều 14.1: the clerk registers; never deleted (cancelled instead), not even by the principal.
  'incoming · create': ['clerk'],
  'incoming · read, not given': OFFICE,
  // Nghị định 30, Điều 24: whoever is given a document reads it.
  'incoming · read, given to them': ALL_STAFF,
  'incoming · update': ['clerk'],
  'incoming · delete': [],
  // Leadership assigns; the clerk records leadership's direction.
  'handling · create': OFFICE,
  'handling · read, not theirs': OFFICE,
  'handling · update deadline, not theirs': OFFICE,
  'handling · mark own handled': ALL_STAFF,
  'handling · withdraw open': OFFICE,
  'outgoing · create': ['clerk'],
  'outgoing · read': OFFICE,
  'outgoing · update': ['clerk'],
  'outgoing · delete': [],
  'print registers': OFFICE,
  'send to website': OFFICE,
}

const school = useTestSchool()
const actors = new Map<Role, User>()
let clerk: User
let leader: User
let outsider: User
let counter = 0

const asActor = (user: User | null) =>
  user ? { user, overrideAccess: false as const, depth: 0 } : { overrideAccess: false as const }

async function incoming(payload: Payload): Promise<IncomingDocument> {
  counter += 1
  return payload.create({
    collection: 'incoming-documents',
    data: {
      dateReceived: '2024-03-01T09:00:00+07:00',
      issuer: 'Phòng GD&ĐT quận Long Biên',
      numberSymbol: `${counter}/PGDĐT`,
      type: 'cong_van',
      summary: `Văn bản thử ${counter}`,
      urgency: 'normal',
      fromAuthorities: true,
    },
    user: clerk,
    overrideAccess: false,
  })
}

async function handling(payload: Payload, handler: User) {
  const document = await incoming(payload)
  return payload.create({
    collection: 'document-handlings',
    data: {
      document: document.id,
      handler: handler.id,
      role: 'lead',
      status: 'assigned',
      deadline: '2099-01-01T00:00:00+07:00',
    },
    user: leader,
    overrideAccess: false,
    depth: 0,
  })
}

async function outgoing(payload: Payload) {
  return payload.create({
    collection: 'outgoing-documents',
    data: {
      type: 'thong_bao',
      documentDate: '2024-03-01T09:00:00+07:00',
      summary: 'Thông báo thử',
      signer: leader.id,
      recipients: 'Các lớp',
    },
    user: clerk,
    overrideAccess: false,
  })
}

async function endpoint(user: User | null, method: 'GET' | 'POST', path: string) {
  const { RestClient } = await import('./support/rest')
  const client = new RestClient()
  if (user) {
    const login = await client.login(user.email, 'TestUser@2024')
    expect(login.status).toBe(200)
  }
  const response = await client.raw(method, path, method === 'POST' ? '{}' : undefined)
  return response.status
}

async function attempt(payload: Payload, action: Action, user: User | null): Promise<Outcome> {
  const as = asActor(user)
  switch (action) {
    case 'incoming · create':
      return outcomeOf(() =>
        payload.create({
          collection: 'incoming-documents',
          data: {
            dateReceived: '2024-03-02T09:00:00+07:00',
            issuer: 'Sở GD&ĐT Hà Nội',
            type: 'cong_van',
            summary: 'Thử vào sổ',
            urgency: 'normal',
          },
          ...as,
        }),
      )
    case 'incoming · read, not given': {
      const document = await incoming(payload)
      return outcomeOf(() =>
        payload.findByID({ collection: 'incoming-documents', id: document.id, ...as }),
      )
    }
    case 'incoming · read, given to them': {
      if (!user) return 'refused'
      const row = await handling(payload, user)
      return outcomeOf(() =>
        payload.findByID({ collection: 'incoming-documents', id: row.document as number, ...as }),
      )
    }
    case 'incoming · update': {
      const document = await incoming(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'incoming-documents',
          id: document.id,
          data: { notes: 'Đã photo gửi các tổ.' },
          ...as,
        }),
      )
    }
    case 'incoming · delete': {
      const document = await incoming(payload)
      return outcomeOf(() =>
        payload.delete({ collection: 'incoming-documents', id: document.id, ...as }),
      )
    }
    case 'handling · create': {
      const document = await incoming(payload)
      return outcomeOf(() =>
        payload.create({
          collection: 'document-handlings',
          data: {
            document: document.id,
            handler: outsider.id,
            role: 'lead',
            status: 'assigned',
            directedBy: leader.id,
          },
          ...as,
        }),
      )
    }
    case 'handling · read, not theirs': {
      const row = await handling(payload, outsider)
      return outcomeOf(() =>
        payload.findByID({ collection: 'document-handlings', id: row.id, ...as }),
      )
    }
    case 'handling · update deadline, not theirs': {
      const row = await handling(payload, outsider)
      return outcomeOf(() =>
        payload.update({
          collection: 'document-handlings',
          id: row.id,
          data: { deadline: '2099-02-01T00:00:00+07:00' },
          ...as,
        }),
      )
    }
    case 'handling · mark own handled': {
      if (!user) return 'refused'
      const row = await handling(payload, user)
      return outcomeOf(() =>
        payload.update({
          collection: 'document-handlings',
          id: row.id,
          data: { status: 'handled', handledNote: 'Đã xong.' },
          ...as,
        }),
      )
    }
    case 'handling · withdraw open': {
      const row = await handling(payload, outsider)
      return outcomeOf(() =>
        payload.delete({ collection: 'document-handlings', id: row.id, ...as }),
      )
    }
    case 'outgoing · create':
      return outcomeOf(() =>
        payload.create({
          collection: 'outgoing-documents',
          data: {
            type: 'bao_cao',
            documentDate: '2024-03-02T09:00:00+07:00',
            summary: 'Báo cáo thử',
            signer: leader.id,
            recipients: 'Phòng GD&ĐT',
          },
          ...as,
        }),
      )
    case 'outgoing · read': {
      const document = await outgoing(payload)
      return outcomeOf(() =>
        payload.findByID({ collection: 'outgoing-documents', id: document.id, ...as }),
      )
    }
    case 'outgoing · update': {
      const document = await outgoing(payload)
      return outcomeOf(() =>
        payload.update({
          collection: 'outgoing-documents',
          id: document.id,
          data: { copies: 4 },
          ...as,
        }),
      )
    }
    case 'outgoing · delete': {
      const document = await outgoing(payload)
      return outcomeOf(() =>
        payload.delete({ collection: 'outgoing-documents', id: document.id, ...as }),
      )
    }
    case 'print registers': {
      const status = await endpoint(user, 'GET', '/office/registers/incoming/pdf?year=2024')
      expect([200, 401, 403]).toContain(status)
      return status === 200 ? 'allowed' : 'refused'
    }
    case 'send to website': {
      const document = await incoming(payload)
      const status = await endpoint(
        user,
        'POST',
        `/office/incoming-documents/${document.id}/to-website`,
      )
      expect([201, 401, 403]).toContain(status)
      return status === 201 ? 'allowed' : 'refused'
    }
  }
}

beforeAll(async () => {
  for (const role of ROLES) actors.set(role, await createTestUser(school.payload, [role]))
  clerk = actors.get('clerk')!
  leader = actors.get('vice_principal')!
  outsider = await createTestUser(school.payload, ['subject_teacher'])
})

describe('official documents: every role × action, both ways', () => {
  for (const action of Object.keys(EXPECTED) as Action[]) {
    for (const actor of [...ROLES, 'anonymous'] as Actor[]) {
      const expected: Outcome = EXPECTED[action].includes(actor) ? 'allowed' : 'refused'
      it(`${action} · ${actor} → ${expected}`, async () => {
        const user = actor === 'anonymous' ? null : actors.get(actor)!
        expect(await attempt(school.payload, action, user)).toBe(expected)
      })
    }
  }
})
