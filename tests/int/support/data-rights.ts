/**
 * Helpers of the children's data rights tests: the demo staff by role, REST clients logged in
 * as them, a pupil of a class, a post naming a pupil walked to publication, and a loopback SMTP
 * inbox.
 */
import { SMTPServer } from 'smtp-server'
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

export interface Mail {
  to: string[]
  body: string
}

/** A loopback SMTP server the CMS sends to (SMTP_* set on start). */
export async function startInbox(): Promise<{ inbox: Mail[]; close: () => Promise<void> }> {
  const inbox: Mail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let body = ''
      stream.on('data', (chunk) => (body += chunk.toString()))
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), body })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  process.env.SMTP_HOST = '127.0.0.1'
  process.env.SMTP_PORT = String(port)
  process.env.SMTP_SECURE = 'false'
  process.env.SMTP_FROM = 'website@giathuong.edu.vn'
  return { inbox, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/**
 * The text of a mail as a reader sees it: quoted-printable or base64 bodies decoded as UTF-8
 * (nodemailer picks either for Vietnamese text).
 */
export function mailText(mail: Mail): string {
  const [head, ...rest] = mail.body.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  if (/Content-Transfer-Encoding: base64/i.test(head))
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  const unwrapped = body.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let index = 0; index < unwrapped.length; index += 1) {
    const hex = unwrapped.slice(index + 1, index + 3)
    if (unwrapped[index] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      index += 2
    } else bytes.push(...Buffer.from(unwrapped[index], 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}
