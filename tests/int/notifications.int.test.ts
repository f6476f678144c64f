/**
 * Email notifications through a real SMTP server on loopback: the people who can act on the new
 * stage are told, the one who acted is not; without SMTP nothing is sent and nothing fails.
 */
import type { Role } from '@school/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import { startInbox, type Mail } from './support/inbox'
import { demoUser, stepAs } from './support/workflow'

let inbox: Mail[] = []
let closeInbox: () => Promise<void>

beforeAll(async () => {
  ;({ inbox, close: closeInbox } = await startInbox())
})
afterAll(() => closeInbox())

const school = useTestSchool()

const user = (role: Role) => demoUser(school.payload, role)

const step = (who: User, postId: number, action: string, comment?: string) =>
  stepAs(school.payload, who, postId, action, comment)

const recipientsOfLast = () => inbox[inbox.length - 1]

describe('email notifications', () => {
  it('each step mails the people who can take the next one', async () => {
    const { payload } = school
    const writer = await user('homeroom_teacher')
    const head = await user('group_head')
    const post = await payload.create({
      collection: 'posts',
      user: writer,
      overrideAccess: false,
      draft: true,
      data: { title: 'Thư báo bài mới', excerpt: 'Tóm tắt', content: richText('Nội dung') },
    })

    inbox.length = 0
    await step(writer, post.id, 'submit')
    expect(inbox.map((mail) => mail.to).flat()).toEqual([head.email])
    // Quoted-printable wraps long lines with "=\r\n": unwrap before reading.
    expect(recipientsOfLast().body.replace(/=\r?\n/g, '')).toContain(
      `/admin/collections/posts/${post.id}`,
    )

    inbox.length = 0
    await step(head, post.id, 'return', 'Thêm ảnh minh họa.')
    expect(inbox.map((mail) => mail.to).flat()).toEqual([writer.email])

    await step(writer, post.id, 'submit')
    await step(head, post.id, 'accept')
    inbox.length = 0
    const vicePrincipal = await user('vice_principal')
    await step(vicePrincipal, post.id, 'approve')
    const toPublishers = inbox
      .map((mail) => mail.to)
      .flat()
      .sort()
    expect(toPublishers).toEqual(
      [(await user('principal')).email, (await user('web_admin')).email].sort(),
    )
  })

  it('without SMTP nothing is sent and the step still succeeds', async () => {
    const saved = process.env.SMTP_HOST
    delete process.env.SMTP_HOST
    try {
      const writer = await user('homeroom_teacher')
      const post = await school.payload.create({
        collection: 'posts',
        user: writer,
        overrideAccess: false,
        draft: true,
        data: { title: 'Không có SMTP', excerpt: 'Tóm tắt', content: richText('Nội dung') },
      })
      inbox.length = 0
      const result = await step(writer, post.id, 'submit')
      expect(result.stage).toBe('submitted')
      expect(inbox).toHaveLength(0)
    } finally {
      process.env.SMTP_HOST = saved
    }
  })
})
