/**
 * Helpers of the children's data rights tests: the demo staff by role, REST clients logged in
 * as them, a pupil of a class, a post naming a pupil walked to publication (the SMTP inbox is
 * ./inbox).
 */
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'

import type { Student, User } from '../../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../../cms/src/seed/demo-school'
import { richText } from './content'
import type { RestClient } from './rest'
import { demoUser, stepAs } from './workflow'

export async function demoUsers(payload: Payload): Promise<Record<Role, User>> {
  return Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await demoUser(payload, role)])),
  ) as Record<Role, User>
}

/** Logged-in REST clients, one per role, made on first use (import rest.ts after the school). */
export function restClients() {
  const clients = new Map<Role, RestClient>()
  return async (role: Role): Promise<RestClient> => {
    let client = clients.get(role)
    if (!client) {
      const { RestClient: Client } = await import('./rest')
      client = new Client()
      const response = await client.login(demoLoginEmail(role), demoPassword())
      if (response.status !== 200) throw new Error(`login ${role}: ${response.status}`)
      clients.set(role, client)
    }
    return client
  }
}

/** The `index`-th pupil (by code) of a class. */
export async function pupilOf(payload: Payload, className: string, index = 0): Promise<Student> {
  const { docs: classes } = await payload.find({
    collection: 'groups',
    where: { name: { equals: className } },
    depth: 0,
    overrideAccess: true,
  })
  const { docs } = await payload.find({
    collection: 'students',
    where: { class: { equals: classes[0].id } },
    sort: 'studentCode',
    limit: index + 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[index]
}

/** Records both consents as the homeroom teacher of 3B would. */
export async function giveConsent(payload: Payload, users: Record<Role, User>, id: number) {
  await payload.update({
    collection: 'students',
    id,
    data: { consent: { guardian: true, pupil: true } },
    overrideAccess: false,
    user: users.principal,
  })
}

let posts = 0
/** A post of 3B naming the pupils, walked to publication by the usual people. */
export async function publishedPostNaming(
  payload: Payload,
  users: Record<Role, User>,
  pupils: number[],
) {
  posts += 1
  const post = await payload.create({
    collection: 'posts',
    draft: true,
    data: {
      title: `Lớp 3B đi dã ngoại ${posts}`,
      excerpt: 'Hoạt động của lớp 3B.',
      content: richText('Các em học sinh lớp 3B tham gia hoạt động.'),
      kind: 'news',
      pupils,
    },
    overrideAccess: false,
    user: users.homeroom_teacher,
  })
  await stepAs(payload, users.homeroom_teacher, post.id, 'submit')
  await stepAs(payload, users.group_head, post.id, 'accept')
  await stepAs(payload, users.vice_principal, post.id, 'approve')
  return stepAs(payload, users.web_admin, post.id, 'publish')
}
