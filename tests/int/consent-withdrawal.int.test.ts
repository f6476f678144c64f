/**
 * Withdrawing consent takes the pupil off the website (Law 91/2025): every published post naming
 * or showing them comes down through the workflow (a workflow event with the reason), the web
 * admin is emailed, and the post cannot go up again while it names the pupil.
 */
import type { Role } from '@school/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Student, User } from '../../cms/src/payload-types'
import {
  demoUsers,
  giveConsent,
  publishedPostNaming,
  pupilOf,
  restClients,
} from './support/data-rights'
import { mailText, startInbox, type Mail } from './support/inbox'
import { useTestSchool } from './support/payload'
import { stepAs } from './support/workflow'

let inbox: Mail[]
let closeInbox: () => Promise<void>
// Before the school boots: the CMS reads its SMTP settings when it starts.
beforeAll(async () => {
  ;({ inbox, close: closeInbox } = await startInbox())
})
afterAll(() => closeInbox())

const school = useTestSchool()
const as = restClients()
let users: Record<Role, User>

beforeAll(async () => {
  users = await demoUsers(school.payload)
})

async function eventsOf(postId: number) {
  const { docs } = await school.payload.find({
    collection: 'workflow-events',
    where: { post: { equals: postId } },
    sort: '-createdAt',
    depth: 0,
    overrideAccess: true,
  })
  return docs
}

async function liveStatus(postId: number) {
  const post = await school.payload.findByID({
    collection: 'posts',
    id: postId,
    depth: 0,
    overrideAccess: true,
  })
  return post._status
}

describe('withdrawing consent', () => {
  let pupil: Student
  beforeAll(async () => {
    pupil = await pupilOf(school.payload, 'Lớp 3B', 1)
    await giveConsent(school.payload, users, pupil.id)
  })

  it('by an edit of the record takes every published post of the pupil down', async () => {
    const { payload } = school
    const first = await publishedPostNaming(payload, users, [pupil.id])
    const second = await publishedPostNaming(payload, users, [pupil.id])
    const other = await pupilOf(payload, 'Lớp 3B', 3)
    await giveConsent(payload, users, other.id)
    const unrelated = await publishedPostNaming(payload, users, [other.id])
    expect(first._status).toBe('published')
    inbox.length = 0

    // The homeroom teacher records the guardian's withdrawal in the pupil's record (REST).
    const response = await (
      await as('homeroom_teacher')
    ).patch(`/students/${pupil.id}`, {
      consent: { guardian: false, pupil: true },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)

    for (const post of [first, second]) {
      expect(await liveStatus(post.id)).toBe('draft')
      const [event] = await eventsOf(post.id)
      expect(event).toMatchObject({ action: 'unpublish', fromStage: 'published', toStage: 'draft' })
      expect(event.comment).toContain('Rút lại sự đồng ý')
      expect(String(event.actor)).toBe(String(users.homeroom_teacher.id))
    }
    expect(await liveStatus(unrelated.id)).toBe('published')

    const toWebAdmin = inbox.filter((mail) => mail.to.includes(users.web_admin.email))
    const takedown = toWebAdmin.map(mailText).find((text) => text.includes('rút lại sự đồng ý'))
    expect(takedown).toBeDefined()
    expect(takedown).toContain(first.title)
    expect(takedown).toContain(second.title)
    expect(takedown).not.toContain(unrelated.title)

    // The website's public API no longer has them.
    const { RestClient } = await import('./support/rest')
    const publicList = await new RestClient().get('/posts?limit=200&depth=0')
    const slugs = publicList.body.docs.map((doc: { slug: string }) => doc.slug)
    expect(slugs).not.toContain(first.slug)
    expect(slugs).toContain(unrelated.slug)
  })

  it('blocks publishing the post again, and any new post naming the pupil', async () => {
    const { payload } = school
    const { docs } = await payload.find({
      collection: 'posts',
      where: { pupils: { equals: pupil.id } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const post = docs[0]
    await stepAs(payload, users.homeroom_teacher, post.id, 'submit')
    await stepAs(payload, users.group_head, post.id, 'accept')
    await stepAs(payload, users.vice_principal, post.id, 'approve')
    await expect(stepAs(payload, users.web_admin, post.id, 'publish')).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(pupil.fullName),
    })
    await expect(publishedPostNaming(payload, users, [pupil.id])).rejects.toMatchObject({
      status: 400,
    })
    expect(await liveStatus(post.id)).toBe('draft')
  })

  it('a pupil’s own withdrawal from age 7 takes the posts down too', async () => {
    const { payload } = school
    const older = await pupilOf(payload, 'Lớp 3B', 4)
    await giveConsent(payload, users, older.id)
    const post = await publishedPostNaming(payload, users, [older.id])
    await payload.update({
      collection: 'students',
      id: older.id,
      data: { consent: { guardian: true, pupil: false } },
      overrideAccess: false,
      user: users.principal,
    })
    expect(await liveStatus(post.id)).toBe('draft')
  })

  it('takes a post down even while a newer correction of it is in review', async () => {
    const { payload } = school
    const child = await pupilOf(payload, 'Lớp 3B', 8)
    await giveConsent(payload, users, child.id)
    const post = await publishedPostNaming(payload, users, [child.id])
    const correction = await (
      await as('homeroom_teacher')
    ).patch(`/posts/${post.id}?draft=true`, { excerpt: 'Bản sửa đang chờ duyệt.' })
    expect(correction.status, JSON.stringify(correction.body)).toBe(200)
    await stepAs(payload, users.homeroom_teacher, post.id, 'submit')
    const response = await (
      await as('principal')
    ).patch(`/students/${child.id}`, {
      consent: { guardian: false, pupil: false },
    })
    expect(response.status, JSON.stringify(response.body)).toBe(200)
    expect(await liveStatus(post.id)).toBe('draft')
    const [event] = await eventsOf(post.id)
    expect(event).toMatchObject({ action: 'unpublish', fromStage: 'published' })
  })

  it('by a guardian’s request, completed by the principal', async () => {
    const { payload } = school
    const child = await pupilOf(payload, 'Lớp 3B', 6)
    await giveConsent(payload, users, child.id)
    const post = await publishedPostNaming(payload, users, [child.id])
    const created = await (
      await as('clerk')
    ).post('/data-requests', {
      pupil: child.id,
      kind: 'withdraw_consent',
      guardianName: 'Mẹ của em',
      guardianContact: '0912345678',
      receivedOn: new Date().toISOString(),
      channel: 'in_person',
      details: 'Không đồng ý đăng ảnh của con lên website nữa.',
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    inbox.length = 0
    const completed = await (
      await as('principal')
    ).patch(`/data-requests/${created.body.doc.id}`, { status: 'completed' })
    expect(completed.status, JSON.stringify(completed.body)).toBe(200)
    const after = await payload.findByID({
      collection: 'students',
      id: child.id,
      overrideAccess: true,
    })
    expect(after.consent).toMatchObject({ guardian: false, pupil: false })
    expect(await liveStatus(post.id)).toBe('draft')
    const [event] = await eventsOf(post.id)
    expect(event.comment).toContain('Rút lại sự đồng ý')
    expect(inbox.some((mail) => mail.to.includes(users.web_admin.email))).toBe(true)
  })

  it('the withdrawal rule is the server’s only: no client takes a post down by it', async () => {
    // A teacher who is no publisher still cannot unpublish a post through the endpoint.
    const other = await pupilOf(school.payload, 'Lớp 3B', 7)
    await giveConsent(school.payload, users, other.id)
    const post = await publishedPostNaming(school.payload, users, [other.id])
    const response = await (
      await as('homeroom_teacher')
    ).post(`/posts/${post.id}/workflow`, {
      action: 'unpublish',
    })
    expect(response.status).toBe(403)
    expect(await liveStatus(post.id)).toBe('published')
  })
})
