/**
 * Deleting what other records need (issue 10, hole 12): a post with its review history, a pupil
 * with check-ups, a class with pupils. Each is refused with a 409 and a Vietnamese message that
 * says what holds it and what to do instead, and nothing of it is lost; what nothing needs is
 * still deleted. Restoring a version of a collection that keeps none is a 404, not a 500.
 */
import type { Role } from '@school/shared'
import type { Where } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType

beforeAll(async () => {
  // The route handlers read the config at import: after the test school has set the database.
  ;({ RestClient } = await import('./support/rest'))
})

async function loggedIn(role: Role) {
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  return client
}

const count = async (
  collection: 'posts' | 'workflow-events' | 'students' | 'health-checkups' | 'groups',
  where: Where,
) => (await school.payload.count({ collection, where, overrideAccess: true })).totalDocs

async function postWithHistory() {
  const { docs } = await school.payload.find({
    collection: 'workflow-events',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const postId = docs[0].post as number
  return {
    postId,
    events: await count('workflow-events', { post: { equals: postId } }),
    versions: (
      await school.payload.countVersions({
        collection: 'posts',
        where: { parent: { equals: postId } },
      })
    ).totalDocs,
  }
}

async function pupilWithCheckups() {
  const { docs } = await school.payload.find({
    collection: 'health-checkups',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const pupilId = docs[0].student as number
  return { pupilId, checkups: await count('health-checkups', { student: { equals: pupilId } }) }
}

async function classWithPupils() {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    limit: 1,
    overrideAccess: true,
  })
  const classId = docs[0].id
  return { classId, pupils: await count('students', { class: { equals: classId } }) }
}

describe('what records need is not deleted', () => {
  it('a post with review steps: 409, the post, its steps and its versions are all kept', async () => {
    const { postId, events, versions } = await postWithHistory()
    expect(events).toBeGreaterThan(0)
    const refused = await (await loggedIn('principal')).delete(`/posts/${postId}`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toBe(
      `Không xóa được: bài viết đã có ${events} bước duyệt được ghi lại. ` +
        'Hãy gỡ bài (unpublish) thay vì xóa.',
    )
    expect(await count('posts', { id: { equals: postId } })).toBe(1)
    expect(await count('workflow-events', { post: { equals: postId } })).toBe(events)
    const { totalDocs } = await school.payload.countVersions({
      collection: 'posts',
      where: { parent: { equals: postId } },
    })
    expect(totalDocs).toBe(versions)
  })

  it('in a bulk delete too: the post is refused with the same message and keeps its versions', async () => {
    const { postId, events, versions } = await postWithHistory()
    const refused = await (await loggedIn('principal')).delete(`/posts?where[id][in]=${postId}`)
    expect(refused.status).toBe(400)
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        id: postId,
        message: expect.stringContaining(`bài viết đã có ${events} bước duyệt`),
      }),
    ])
    expect(await count('posts', { id: { equals: postId } })).toBe(1)
    const { totalDocs } = await school.payload.countVersions({
      collection: 'posts',
      where: { parent: { equals: postId } },
    })
    // Payload deletes a post's versions before the post: the guard runs before both.
    expect(totalDocs).toBe(versions)
  })

  it('a pupil with check-ups: 409 with what to record instead; pupil and check-ups kept', async () => {
    const { pupilId, checkups } = await pupilWithCheckups()
    expect(checkups).toBeGreaterThan(0)
    const refused = await (await loggedIn('principal')).delete(`/students/${pupilId}`)
    expect(refused.status).toBe(409)
    // The demo pupil also has results and attendance: the message names every holder.
    const message: string = refused.body.errors[0].message
    expect(message).toMatch(
      new RegExp(`^Không xóa được: học sinh có ${checkups} lần khám sức khỏe[.;]`),
    )
    expect(message).toContain('Hãy ghi sự kiện chuyển trường / thôi học thay vì xóa.')
    expect(await count('students', { id: { equals: pupilId } })).toBe(1)
    expect(await count('health-checkups', { student: { equals: pupilId } })).toBe(checkups)
  })

  it('a class with pupils: 409 naming how many; the class and its pupils kept', async () => {
    const { classId, pupils } = await classWithPupils()
    expect(pupils).toBeGreaterThan(0)
    const refused = await (await loggedIn('principal')).delete(`/groups/${classId}`)
    expect(refused.status).toBe(409)
    // The demo class also has assignments, results and attendance: all are named.
    const message: string = refused.body.errors[0].message
    expect(message).toMatch(new RegExp(`^Không xóa được: lớp còn ${pupils} học sinh[.;]`))
    expect(message).toContain('Hãy chuyển học sinh sang lớp khác hoặc giữ lớp làm lưu trữ.')
    expect(await count('groups', { id: { equals: classId } })).toBe(1)
    expect(await count('students', { class: { equals: classId } })).toBe(pupils)
  })

  it('in English for a user who chose English', async () => {
    const { classId } = await classWithPupils()
    const client = new RestClient('en')
    await client.login(demoLoginEmail('principal'), demoPassword())
    const refused = await client.delete(`/groups/${classId}`)
    expect(refused.status).toBe(409)
    expect(refused.body.errors[0].message).toMatch(/^Cannot delete: the class still has \d+ pupils/)
  })

  it('who may not delete the pupil is refused as before (403), and learns nothing of its record', async () => {
    const { pupilId } = await pupilWithCheckups()
    const refused = await (await loggedIn('nurse')).delete(`/students/${pupilId}`)
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).not.toMatch(/khám/)
  })
})

describe('what nothing needs is still deleted', () => {
  it('a draft without review steps', async () => {
    const principal = await loggedIn('principal')
    const created = await principal.post('/posts?draft=true', {
      title: 'Bản nháp sẽ xóa',
      excerpt: 'Thử xóa.',
      content: richText('Nội dung.'),
    })
    expect(created.status).toBe(201)
    const postId = created.body.doc.id
    expect(await count('workflow-events', { post: { equals: postId } })).toBe(0)
    expect((await principal.delete(`/posts/${postId}`)).status).toBe(200)
    expect(await count('posts', { id: { equals: postId } })).toBe(0)
  })

  it('a pupil without check-ups, and then the empty class', async () => {
    const { classId } = await classWithPupils()
    const { docs } = await school.payload.find({
      collection: 'groups',
      where: { id: { equals: classId } },
      overrideAccess: true,
    })
    const emptyClass = await school.payload.create({
      collection: 'groups',
      data: {
        name: 'Lớp thử xóa',
        kind: 'class',
        grade: docs[0].grade,
        schoolYear: docs[0].schoolYear,
      },
      overrideAccess: true,
    })
    const pupil = await school.payload.create({
      collection: 'students',
      data: {
        fullName: 'Nguyễn Thử Xóa',
        studentCode: '0125099999',
        dateOfBirth: '2017-05-04T00:00:00.000Z',
        gender: 'female',
        class: emptyClass.id,
        status: 'studying',
      },
      overrideAccess: true,
    })
    const principal = await loggedIn('principal')
    // The class is held while its one pupil is in it.
    expect((await principal.delete(`/groups/${emptyClass.id}`)).status).toBe(409)
    expect((await principal.delete(`/students/${pupil.id}`)).status).toBe(200)
    expect(await count('students', { id: { equals: pupil.id } })).toBe(0)
    expect((await principal.delete(`/groups/${emptyClass.id}`)).status).toBe(200)
    expect(await count('groups', { id: { equals: emptyClass.id } })).toBe(0)
  })
})

describe('versions of collections that keep none', () => {
  it.each(['/users/versions/1', '/groups/versions/1', '/students/versions/1'])(
    'restoring %s → 404 with a Vietnamese message, for the principal and for the public',
    async (path) => {
      for (const client of [await loggedIn('principal'), new RestClient()]) {
        const response = await client.request('POST', path)
        expect(response.status).toBe(404)
        expect(response.body.errors[0].message).toMatch(/không lưu các phiên bản/)
      }
    },
  )

  it.each(['/users/versions', '/groups/versions', '/students/versions/1'])(
    'reading %s → 403, never 500',
    async (path) => {
      expect((await (await loggedIn('principal')).get(path)).status).toBe(403)
    },
  )

  it('posts keep versions: staff still read them', async () => {
    expect((await (await loggedIn('principal')).get('/posts/versions?limit=1')).status).toBe(200)
  })
})
