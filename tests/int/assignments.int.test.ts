/**
 * Writing assignments (Điều 7): group heads assign a topic, a writer and a due date for their own
 * group; the writer's post fulfils it and the assignment follows the post through the chain.
 */
import type { Role } from '@school/shared'
import { describe, expect, it } from 'vitest'

import type { User } from '../../cms/src/payload-types'
import { demoLoginEmail } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { outcomeOf } from './support/outcome'
import { findUserByEmail, useTestSchool } from './support/payload'
import { stepAs } from './support/workflow'

const school = useTestSchool()

async function user(role: Role | string): Promise<User> {
  return findUserByEmail(school.payload, role.includes('@') ? role : demoLoginEmail(role as Role))
}

async function groupId(name: string) {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { name: { equals: name } },
    overrideAccess: true,
  })
  return docs[0].id
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

describe('assignments', () => {
  it('a group head assigns a writer of their group; not for another group; a teacher cannot assign', async () => {
    const { payload } = school
    const head = await user('group_head')
    const writer = await user('homeroom_teacher')
    const grade1 = await groupId('Tổ khối 1')
    const grade3 = await groupId('Tổ khối 3')
    const assignment = await payload.create({
      collection: 'assignments',
      user: head,
      overrideAccess: false,
      data: {
        topic: 'Chuyên đề đọc hiểu lớp 3',
        group: await groupId('Tổ khối 3'),
        writer: writer.id,
        dueDate: inDays(7),
      },
    })
    expect(assignment.status).toBe('open')
    expect(
      typeof assignment.assignedBy === 'object' ? assignment.assignedBy?.id : assignment.assignedBy,
    ).toBe(head.id)
    await expect(
      payload.create({
        collection: 'assignments',
        user: head,
        overrideAccess: false,
        data: { topic: 'Khác tổ', group: grade1, writer: writer.id, dueDate: inDays(7) },
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      await outcomeOf(() =>
        payload.create({
          collection: 'assignments',
          user: writer,
          overrideAccess: false,
          data: { topic: 'Tự giao', group: grade3, writer: writer.id, dueDate: inDays(7) },
        }),
      ),
    ).toBe('refused')
    const vicePrincipal = await user('vice_principal')
    expect(
      await outcomeOf(() =>
        payload.create({
          collection: 'assignments',
          user: vicePrincipal,
          overrideAccess: false,
          data: {
            topic: 'Ban giám hiệu giao',
            group: grade1,
            writer: writer.id,
            dueDate: inDays(3),
          },
        }),
      ),
    ).toBe('allowed')
    // The writer does not edit the assignment itself.
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'assignments',
          id: assignment.id,
          user: writer,
          overrideAccess: false,
          data: { dueDate: inDays(30) },
        }),
      ),
    ).toBe('refused')
  })

  it('the post that fulfils it carries it along: writing → in review → published', async () => {
    const { payload } = school
    const head = await user('group_head')
    const writer = await user('homeroom_teacher')
    const assignment = await payload.create({
      collection: 'assignments',
      user: head,
      overrideAccess: false,
      data: {
        topic: 'Tin hoạt động tuần',
        group: await groupId('Tổ khối 3'),
        writer: writer.id,
        dueDate: inDays(-1),
      },
    })
    const post = await payload.create({
      collection: 'posts',
      user: writer,
      overrideAccess: false,
      draft: true,
      data: {
        title: 'Tin hoạt động tuần của khối 3',
        excerpt: 'Tóm tắt',
        content: richText('Nội dung'),
        assignment: assignment.id,
      },
    })
    const statusNow = async () =>
      (
        await payload.findByID({
          collection: 'assignments',
          id: assignment.id,
          overrideAccess: true,
        })
      ).status
    expect(await statusNow()).toBe('writing')

    const step = (who: User, action: string) => stepAs(payload, who, post.id, action)
    await step(writer, 'submit')
    expect(await statusNow()).toBe('in_review')
    // The main document follows the stage of a post that is not live yet.
    expect(
      (await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })).stage,
    ).toBe('submitted')
    await step(head, 'accept')
    await step(await user('vice_principal'), 'approve')
    await step(await user('web_admin'), 'publish')
    expect(await statusNow()).toBe('published')
    const withPosts = await payload.findByID({
      collection: 'assignments',
      id: assignment.id,
      overrideAccess: true,
      depth: 0,
    })
    expect(withPosts.posts?.docs).toEqual([post.id])
  })
})
