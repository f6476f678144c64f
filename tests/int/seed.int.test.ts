import { ROLES } from '@school/shared'
import { describe, expect, it } from 'vitest'

import {
  DEMO_GROUPS,
  DEMO_STAFF,
  demoLoginEmail,
  demoPassword,
} from '../../cms/src/seed/demo-school'
import { seedDemoSchoolIfEmpty } from '../../cms/src/seed'
import { findUserByEmail, useTestSchool } from './support/payload'

const school = useTestSchool()

describe('demo school', () => {
  it('has one demo login per role, each holding that role, all with the demo password', async () => {
    for (const role of ROLES) {
      const result = await school.payload.login({
        collection: 'users',
        data: { email: demoLoginEmail(role), password: demoPassword() },
      })
      expect(result.token).toBeTruthy()
      expect(result.user?.roles).toContain(role)
    }
  })

  it('seeds the whole staff and every group', async () => {
    const users = await school.payload.count({ collection: 'users', overrideAccess: true })
    const groups = await school.payload.count({ collection: 'groups', overrideAccess: true })
    expect(users.totalDocs).toBe(DEMO_STAFF.length)
    expect(groups.totalDocs).toBe(DEMO_GROUPS.length)
    const teachers = DEMO_STAFF.filter((person) =>
      person.roles.some((role) => role.endsWith('teacher') || role === 'group_head'),
    )
    expect(teachers.length).toBeGreaterThanOrEqual(20)
  })

  it('puts the demo homeroom and subject teachers in the group the demo group head heads, and the homeroom teacher in a class of it', async () => {
    const head = await findUserByEmail(school.payload, demoLoginEmail('group_head'))
    const homeroom = await findUserByEmail(school.payload, demoLoginEmail('homeroom_teacher'))
    const subject = await findUserByEmail(school.payload, demoLoginEmail('subject_teacher'))
    const { docs: headed } = await school.payload.find({
      collection: 'groups',
      where: { head: { equals: head.id } },
      depth: 0,
      overrideAccess: true,
    })
    expect(headed).toHaveLength(1)
    const group = headed[0]
    expect(group.members).toEqual(expect.arrayContaining([homeroom.id, subject.id]))
    const { docs: classes } = await school.payload.find({
      collection: 'groups',
      where: { and: [{ kind: { equals: 'class' } }, { homeroomTeacher: { equals: homeroom.id } }] },
      depth: 0,
      overrideAccess: true,
    })
    expect(classes).toHaveLength(1)
    expect(classes[0].parentGroup).toBe(group.id)
  })

  it('has ten classes 1A…5B with a homeroom teacher and the editorial board headed by the principal', async () => {
    const { docs: classes } = await school.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    expect(classes.map((group) => group.name).sort()).toEqual(
      ['1A', '1B', '2A', '2B', '3A', '3B', '4A', '4B', '5A', '5B'].map((name) => `Lớp ${name}`),
    )
    expect(classes.every((group) => group.homeroomTeacher)).toBe(true)
    const principal = await findUserByEmail(school.payload, demoLoginEmail('principal'))
    const { docs: boards } = await school.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'editorial_board' } },
      depth: 0,
      overrideAccess: true,
    })
    expect(boards).toHaveLength(1)
    expect(boards[0].head).toBe(principal.id)
  })

  it('has demo posts walked through the real workflow: four published, others on their way', async () => {
    const { payload } = school
    const { docs } = await payload.find({
      collection: 'posts',
      draft: true,
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    const stages = Object.fromEntries(docs.map((post) => [post.title, post.stage]))
    expect(stages).toMatchObject({
      'Lễ khai giảng năm học mới': 'published',
      'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3': 'published',
      'Lớp 3B trải nghiệm làm bánh trôi': 'submitted',
      'Hội thi kể chuyện theo sách': 'returned',
      'Lịch nghỉ Tết Nguyên đán': 'approved',
    })
    const published = await payload.find({ collection: 'posts', overrideAccess: false, limit: 100 })
    expect(published.totalDocs).toBe(4)
    const events = await payload.count({ collection: 'workflow-events', overrideAccess: true })
    expect(events.totalDocs).toBeGreaterThanOrEqual(20)
  })

  it('never seeds into a database that already holds data', async () => {
    await seedDemoSchoolIfEmpty(school.payload)
    const users = await school.payload.count({ collection: 'users', overrideAccess: true })
    expect(users.totalDocs).toBe(DEMO_STAFF.length)
  })
})
