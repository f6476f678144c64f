/**
 * The editorial workflow over its REST contract (Điều 5.1, 5.6, 6, 7, 17.3): every legal step,
 * every illegal one refused with the right status, drafts never public, the event log.
 */
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
const clients = new Map<string, RestClientType>()
let anonymous: RestClientType

/** A logged-in REST client for a demo account (by role) or any seeded email. */
async function as(who: Role | string): Promise<RestClientType> {
  const email = who.includes('@') ? who : demoLoginEmail(who as Role)
  let client = clients.get(email)
  if (!client) {
    client = new RestClient()
    const response = await client.login(email, demoPassword())
    expect(response.status, email).toBe(200)
    clients.set(email, client)
  }
  return client
}

async function groupId(name: string) {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { name: { equals: name } },
    overrideAccess: true,
  })
  return docs[0].id
}

let counter = 0
/** A complete draft written by `writer` (a full post: title, excerpt, content). */
async function draftBy(writer: Role | string, extra: Record<string, unknown> = {}) {
  counter += 1
  const response = await (
    await as(writer)
  ).post('/posts?draft=true', {
    title: `Hoạt động ngoại khóa số ${counter}`,
    excerpt: 'Học sinh tham gia hoạt động trải nghiệm.',
    content: richText('Sáng thứ Hai, các em học sinh đã tham gia buổi ngoại khóa.'),
    ...extra,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.doc as { id: number; stage: string; slug: string; title: string }
}

async function step(
  who: Role | string,
  postId: number | string,
  action: string,
  extra: Record<string, unknown> = {},
) {
  return (await as(who)).post(`/posts/${postId}/workflow`, { action, ...extra })
}

async function expectStep(
  who: Role | string,
  postId: number | string,
  action: string,
  status: number,
  extra = {},
) {
  const response = await step(who, postId, action, extra)
  expect(response.status, `${who} ${action}: ${JSON.stringify(response.body)}`).toBe(status)
  return response
}

/** Walks a post from draft to published with the usual people. */
async function publishThrough(postId: number | string) {
  await expectStep('homeroom_teacher', postId, 'submit', 200)
  await expectStep('group_head', postId, 'accept', 200)
  await expectStep('vice_principal', postId, 'approve', 200)
  await expectStep('web_admin', postId, 'publish', 200)
}

async function publicSlugs(): Promise<string[]> {
  const response = await anonymous.get('/posts?limit=100&depth=0')
  expect(response.status).toBe(200)
  return response.body.docs.map((doc: { slug: string }) => doc.slug)
}

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
  anonymous = new RestClient()
})

describe('writing a draft', () => {
  it('a writer creates a draft with only title and content; it belongs to their own group and to them', async () => {
    const writer = await as('homeroom_teacher')
    const response = await writer.post('/posts?draft=true', {
      title: 'Đội văn nghệ lớp 3B',
      content: richText('Buổi tập đầu tiên.'),
    })
    expect(response.status).toBe(201)
    const { doc } = response.body
    expect(doc.stage).toBe('draft')
    expect(doc._status).toBe('draft')
    expect(doc.slug).toBe('doi-van-nghe-lop-3b')
    expect(doc.ownerGroup.id ?? doc.ownerGroup).toBe(await groupId('Tổ khối 3'))
    const me = (await writer.get('/users/me')).body.user
    expect(doc.authors.map((author: { id: number }) => author.id ?? author)).toEqual([me.id])
    const changed = await writer.patch(`/posts/${doc.id}?draft=true`, {
      title: 'Đội văn nghệ lớp 3B luyện tập',
    })
    expect(changed.status).toBe(200)
    expect(await publicSlugs()).not.toContain(doc.slug)
  })

  it('the same title twice gets a second slug, not an error', async () => {
    const first = await draftBy('homeroom_teacher', { title: 'Đón Tết Độc lập' })
    const second = await draftBy('homeroom_teacher', { title: 'Đón Tết Độc lập' })
    expect(first.slug).toBe('don-tet-doc-lap')
    expect(second.slug).toBe('don-tet-doc-lap-2')
  })

  it('submitting needs what publication needs: the message names what is missing, nothing changes', async () => {
    const writer = await as('homeroom_teacher')
    const { body } = await writer.post('/posts?draft=true', {
      title: 'Chưa có tóm tắt',
      content: richText('Nội dung.'),
    })
    const refused = await expectStep('homeroom_teacher', body.doc.id, 'submit', 400)
    expect(refused.body.errors[0].message).toBe('Chưa gửi được: bài còn thiếu tóm tắt.')
    expect((await writer.get(`/posts/${body.doc.id}?draft=true`)).body.stage).toBe('draft')
    await writer.patch(`/posts/${body.doc.id}?draft=true`, { excerpt: 'Đã có tóm tắt.' })
    expect((await expectStep('homeroom_teacher', body.doc.id, 'submit', 200)).body.doc.stage).toBe(
      'submitted',
    )
  })
})

describe('the whole chain', () => {
  it('draft → submitted → reviewed → approved → published, each step by its role, all logged', async () => {
    const post = await draftBy('homeroom_teacher')
    expect((await expectStep('homeroom_teacher', post.id, 'submit', 200)).body.doc.stage).toBe(
      'submitted',
    )
    const accepted = await expectStep('group_head', post.id, 'accept', 200)
    expect(accepted.body.doc.stage).toBe('reviewed')
    expect((await expectStep('vice_principal', post.id, 'approve', 200)).body.doc.stage).toBe(
      'approved',
    )
    expect(await publicSlugs()).not.toContain(post.slug)
    const published = await expectStep('web_admin', post.id, 'publish', 200)
    expect(published.body.doc.stage).toBe('published')
    expect(published.body.doc._status).toBe('published')
    expect(await publicSlugs()).toContain(post.slug)

    const events = await (
      await as('clerk')
    ).get(`/workflow-events?where[post][equals]=${post.id}&sort=createdAt&depth=0`)
    expect(events.status).toBe(200)
    expect(
      events.body.docs.map(
        (e: { action: string; fromStage: string; toStage: string }) =>
          `${e.action}:${e.fromStage}>${e.toStage}`,
      ),
    ).toEqual([
      'submit:draft>submitted',
      'accept:submitted>reviewed',
      'approve:reviewed>approved',
      'publish:approved>published',
    ])
    const webAdmin = (await (await as('web_admin')).get('/users/me')).body.user
    expect(events.body.docs[3].actor).toBe(webAdmin.id)
  })

  it('return at either check sends the post back with the comment; the writer edits and submits again', async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    const returned = await expectStep('group_head', post.id, 'return', 200, {
      comment: 'Bổ sung ảnh hoạt động.',
    })
    expect(returned.body.doc.stage).toBe('returned')
    const writer = await as('homeroom_teacher')
    expect((await writer.get(`/posts/${post.id}?draft=true`)).body.returnComment).toBe(
      'Bổ sung ảnh hoạt động.',
    )
    expect(
      (await writer.patch(`/posts/${post.id}?draft=true`, { excerpt: 'Đã bổ sung.' })).status,
    ).toBe(200)
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('group_head', post.id, 'accept', 200)
    const back = await expectStep('vice_principal', post.id, 'return', 200, {
      comment: 'Sửa lại tiêu đề.',
    })
    expect(back.body.doc.stage).toBe('returned')
    const again = await expectStep('homeroom_teacher', post.id, 'submit', 200)
    expect(again.body.doc.reviewedBy).toBeNull()
    expect(again.body.doc.returnComment).toBeNull()
  })

  it('editing a published post makes a new draft that goes through the chain while the published version stays live', async () => {
    const post = await draftBy('homeroom_teacher')
    await publishThrough(post.id)
    const writer = await as('homeroom_teacher')
    const edit = await writer.patch(`/posts/${post.id}?draft=true`, { title: 'Tiêu đề đã sửa' })
    expect(edit.status).toBe(200)
    expect(edit.body.doc.stage).toBe('draft')
    const live = await anonymous.get(`/posts/${post.id}`)
    expect(live.status).toBe(200)
    expect(live.body.title).toBe(post.title)
    expect(live.body.stage).toBe('published')
    // The public never sees the newer draft, even when asking for drafts.
    expect((await anonymous.get(`/posts/${post.id}?draft=true`)).body.title).toBe(post.title)
    await publishThrough(post.id)
    expect((await anonymous.get(`/posts/${post.id}`)).body.title).toBe('Tiêu đề đã sửa')
  })

  it('a writer cannot change or take down the live version by saving without ?draft=true', async () => {
    const post = await draftBy('homeroom_teacher')
    await publishThrough(post.id)
    const writer = await as('homeroom_teacher')
    expect((await writer.patch(`/posts/${post.id}`, { _status: 'draft' })).status).toBe(403)
    expect(
      (await writer.patch(`/posts/${post.id}`, { title: 'Sửa thẳng bản đang đăng' })).status,
    ).toBe(403)
    expect(
      (await writer.patch(`/posts?where[id][equals]=${post.id}`, { title: 'Sửa hàng loạt' }))
        .status,
    ).toBe(403)
    const live = await anonymous.get(`/posts/${post.id}`)
    expect(live.body.title).toBe(post.title)
    expect(live.body._status).toBe('published')
  })

  it('unpublish takes the post off the public API; it comes back as a draft for its writers', async () => {
    const post = await draftBy('homeroom_teacher')
    await publishThrough(post.id)
    expect(await publicSlugs()).toContain(post.slug)
    await expectStep('subject_teacher', post.id, 'unpublish', 403)
    const down = await expectStep('web_admin', post.id, 'unpublish', 200)
    expect(down.body.doc.stage).toBe('draft')
    expect(await publicSlugs()).not.toContain(post.slug)
    expect([403, 404]).toContain((await anonymous.get(`/posts/${post.id}`)).status)
  })

  it('the principal may publish and unpublish too', async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('group_head', post.id, 'accept', 200)
    await expectStep('vice_principal', post.id, 'approve', 200)
    await expectStep('principal', post.id, 'publish', 200)
    await expectStep('principal', post.id, 'unpublish', 200)
  })
})

describe('who may take each step', () => {
  it('submit: an author or a member of the owner group; not someone outside it', async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('nurse', post.id, 'submit', 403)
    await expectStep('hang.ntt@demo.giathuong.edu.vn', post.id, 'submit', 403) // head of Tổ khối 1
    await expectStep('subject_teacher', post.id, 'submit', 200) // member of Tổ khối 3
  })

  it('accept: the head of the owner group, not a member, not the head of another group, not leadership', async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('homeroom_teacher', post.id, 'accept', 403)
    await expectStep('subject_teacher', post.id, 'accept', 403)
    await expectStep('hang.ntt@demo.giathuong.edu.vn', post.id, 'accept', 403)
    await expectStep('vice_principal', post.id, 'accept', 403)
    await expectStep('group_head', post.id, 'accept', 200)
  })

  it("a class's post is reviewed by the head of its grade's group", async () => {
    const post = await draftBy('homeroom_teacher', { ownerGroup: await groupId('Lớp 3B') })
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('yen.vth@demo.giathuong.edu.vn', post.id, 'accept', 403) // head of Tổ khối 4
    await expectStep('group_head', post.id, 'accept', 200)
  })

  it("an organisation's post is reviewed by its leader", async () => {
    const post = await draftBy('son.kv@demo.giathuong.edu.vn', {
      ownerGroup: await groupId('Liên đội'),
    })
    await expectStep('son.kv@demo.giathuong.edu.vn', post.id, 'submit', 200)
    await expectStep('son.kv@demo.giathuong.edu.vn', post.id, 'accept', 403) // the leader wrote it
    await expectStep('group_head', post.id, 'accept', 403)
    await expectStep('vice_principal', post.id, 'accept', 200) // leadership stands in
  })

  it('when the head wrote the post a vice-principal reviews it, and a different leader approves it', async () => {
    const post = await draftBy('group_head')
    await expectStep('group_head', post.id, 'submit', 200)
    await expectStep('group_head', post.id, 'accept', 403)
    await expectStep('vice_principal', post.id, 'accept', 200)
    const refused = await expectStep('vice_principal', post.id, 'approve', 403)
    expect(refused.body.errors[0].message).toBe('Bạn không được "Phê duyệt" bài viết này.')
    await expectStep('principal', post.id, 'approve', 200)
  })

  it('nobody approves their own post, the principal included', async () => {
    const post = await draftBy('principal', { ownerGroup: null })
    await expectStep('principal', post.id, 'submit', 200)
    await expectStep('principal', post.id, 'accept', 403)
    await expectStep('vice_principal', post.id, 'accept', 200)
    await expectStep('principal', post.id, 'approve', 403)
    await expectStep('nguyet.ltm@demo.giathuong.edu.vn', post.id, 'approve', 200) // the other vice-principal
  })

  it('approve: leadership only; publish: the web admin or the principal only', async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('group_head', post.id, 'accept', 200)
    for (const role of ['group_head', 'web_admin', 'clerk', 'homeroom_teacher'] as Role[])
      await expectStep(role, post.id, 'approve', 403)
    await expectStep('vice_principal', post.id, 'approve', 200)
    for (const role of ['vice_principal', 'group_head', 'homeroom_teacher', 'clerk'] as Role[])
      await expectStep(role, post.id, 'publish', 403)
    await expectStep('web_admin', post.id, 'publish', 200)
  })
})

describe('refusals with the right status', () => {
  it('401 when not logged in', async () => {
    const post = await draftBy('homeroom_teacher')
    const response = await anonymous.post(`/posts/${post.id}/workflow`, { action: 'submit' })
    expect(response.status).toBe(401)
  })

  it('409 for a step not possible from the stage, naming the stage and what is possible', async () => {
    const post = await draftBy('homeroom_teacher')
    const skipped = await expectStep('web_admin', post.id, 'publish', 409)
    expect(skipped.body.errors[0].message).toBe(
      'Không thể "Đăng lên website" bài đang ở bước "Bản nháp". Có thể: "Gửi thẩm định" (submit).',
    )
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('vice_principal', post.id, 'approve', 409)
    await expectStep('homeroom_teacher', post.id, 'submit', 409)
  })

  it('400 for an unknown action, a return without a comment, or a bad date', async () => {
    const post = await draftBy('homeroom_teacher')
    expect(
      (await expectStep('homeroom_teacher', post.id, 'xuat-ban', 400)).body.errors[0].message,
    ).toMatch(/Thao tác không hợp lệ/)
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    expect((await expectStep('group_head', post.id, 'return', 400)).body.errors[0].message).toMatch(
      /cần ghi ý kiến/,
    )
    await expectStep('group_head', post.id, 'return', 400, { comment: '   ' })
    await expectStep('group_head', post.id, 'accept', 200)
    await expectStep('vice_principal', post.id, 'approve', 200)
    await expectStep('web_admin', post.id, 'publish', 400, { publishAt: 'ngày mai' })
    expect((await (await as('clerk')).get(`/posts/${post.id}?draft=true`)).body.stage).toBe(
      'approved',
    )
  })

  it('404 for a post that does not exist', async () => {
    await expectStep('web_admin', 999999, 'publish', 404)
    await expectStep('web_admin', 'abc', 'publish', 404)
  })

  it('a plain create or update can neither set the stage nor publish', async () => {
    const writer = await as('homeroom_teacher')
    const publishing = await writer.post('/posts', {
      title: 'Đăng thẳng',
      excerpt: 'x',
      content: richText('x'),
      _status: 'published',
    })
    expect(publishing.status).toBe(403)
    // Without ?draft=true Payload still saves a draft: nothing goes live.
    const plain = await writer.post('/posts', {
      title: 'Không có draft',
      excerpt: 'x',
      content: richText('x'),
    })
    expect(plain.body.doc._status).toBe('draft')
    expect(await publicSlugs()).not.toContain(plain.body.doc.slug)
    const staged = await writer.post('/posts?draft=true', {
      title: 'Tự duyệt',
      content: richText('x'),
      stage: 'approved',
    })
    expect(staged.status).toBe(403)
    const post = await draftBy('homeroom_teacher')
    expect(
      (await writer.patch(`/posts/${post.id}?draft=true`, { stage: 'published' })).status,
    ).toBe(403)
    expect((await writer.patch(`/posts/${post.id}`, { _status: 'published' })).status).toBe(403)
    // Saved without ?draft=true, an edit still does not go live.
    const plainEdit = await writer.patch(`/posts/${post.id}`, { title: 'Sửa mà không ?draft' })
    expect(plainEdit.body.doc._status).toBe('draft')
    expect((await writer.patch(`/posts/${post.id}?draft=true`, { reviewedBy: 1 })).status).toBe(403)
    expect(await publicSlugs()).not.toContain(post.slug)
    expect((await writer.get(`/posts/${post.id}?draft=true`)).body.stage).toBe('draft')
  })

  it("a post in the reviewers' hands cannot be edited by its writer (409)", async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    const response = await (
      await as('homeroom_teacher')
    ).patch(`/posts/${post.id}?draft=true`, { title: 'Sửa lén' })
    expect(response.status).toBe(409)
    expect(response.body.errors[0].message).toMatch(/đang ở bước "Chờ thẩm định"/)
    expect((await (await as('clerk')).get(`/posts/${post.id}?draft=true`)).body.title).toBe(
      post.title,
    )
  })

  it('someone outside the post cannot edit it', async () => {
    const post = await draftBy('homeroom_teacher')
    const response = await (
      await as('nurse')
    ).patch(`/posts/${post.id}?draft=true`, { title: 'Không phải bài của tôi' })
    expect([403, 404]).toContain(response.status)
  })
})

describe('what the admin panel is told', () => {
  it('GET /workflow lists exactly the steps this user may take now, and the history', async () => {
    const post = await draftBy('homeroom_teacher')
    const actionsOf = async (who: Role | string) =>
      (await (await as(who)).get(`/posts/${post.id}/workflow`)).body.actions
    expect(await actionsOf('homeroom_teacher')).toEqual(['submit'])
    expect(await actionsOf('group_head')).toEqual(['submit']) // head of the owner group is a member
    expect(await actionsOf('web_admin')).toEqual([])
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    expect(await actionsOf('homeroom_teacher')).toEqual([])
    expect(await actionsOf('group_head')).toEqual(['accept', 'return'])
    await expectStep('group_head', post.id, 'return', 200, { comment: 'Thêm ảnh.' })
    const status = (await (await as('homeroom_teacher')).get(`/posts/${post.id}/workflow`)).body
    expect(status.stage).toBe('returned')
    expect(status.returnComment).toBe('Thêm ảnh.')
    expect(status.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'return'])
    expect(status.history[1].actor).toBe('Đỗ Thị Lan Anh')
    expect((await anonymous.get(`/posts/${post.id}/workflow`)).status).toBe(401)
  })
})

describe('drafts are never public', () => {
  it('the anonymous API lists and reads only published posts, with or without ?draft=true', async () => {
    const draft = await draftBy('homeroom_teacher')
    const listed = await anonymous.get('/posts?draft=true&limit=100')
    expect(listed.body.docs.every((doc: { _status: string }) => doc._status === 'published')).toBe(
      true,
    )
    expect(listed.body.docs.map((doc: { id: number }) => doc.id)).not.toContain(draft.id)
    expect([403, 404]).toContain((await anonymous.get(`/posts/${draft.id}`)).status)
    expect([403, 404]).toContain((await anonymous.get(`/posts/${draft.id}?draft=true`)).status)
    const versions = await anonymous.get('/posts/versions')
    expect([401, 403]).toContain(versions.status)
  })
})

describe('the event log is append-only', () => {
  it('staff read it; the public does not; nobody creates, edits or deletes an entry, the principal included', async () => {
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    const principal = await as('principal')
    const { body } = await principal.get(`/workflow-events?where[post][equals]=${post.id}`)
    expect(body.docs).toHaveLength(1)
    const event = body.docs[0]
    expect((await anonymous.get('/workflow-events')).status).toBe(403)
    expect((await principal.patch(`/workflow-events/${event.id}`, { comment: 'sửa' })).status).toBe(
      403,
    )
    expect((await principal.delete(`/workflow-events/${event.id}`)).status).toBe(403)
    expect(
      (
        await principal.post('/workflow-events', {
          post: post.id,
          action: 'approve',
          fromStage: 'submitted',
          toStage: 'approved',
          actor: 1,
        })
      ).status,
    ).toBe(403)
    const after = await principal.get(`/workflow-events/${event.id}`)
    expect(after.body.comment ?? null).toBeNull()
  })
})

describe('scheduled publication', () => {
  it('publish with a future publishAt keeps the post approved until the jobs queue publishes it', async () => {
    const { SCHEDULED_PUBLICATION_QUEUE } = await import('../../cms/src/workflow/apply')
    const post = await draftBy('homeroom_teacher')
    await expectStep('homeroom_teacher', post.id, 'submit', 200)
    await expectStep('group_head', post.id, 'accept', 200)
    await expectStep('vice_principal', post.id, 'approve', 200)
    const at = new Date(Date.now() + 1500)
    const scheduled = await expectStep('web_admin', post.id, 'publish', 200, {
      publishAt: at.toISOString(),
    })
    expect(scheduled.body.doc.stage).toBe('approved')
    expect(new Date(scheduled.body.doc.publishAt).getTime()).toBe(at.getTime())
    await school.payload.jobs.run({ queue: SCHEDULED_PUBLICATION_QUEUE })
    expect(await publicSlugs()).not.toContain(post.slug)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    await school.payload.jobs.run({ queue: SCHEDULED_PUBLICATION_QUEUE })
    expect(await publicSlugs()).toContain(post.slug)
    const events = await (
      await as('clerk')
    ).get(`/workflow-events?where[post][equals]=${post.id}&sort=createdAt&depth=0`)
    expect(
      events.body.docs
        .map((e: { action: string; toStage: string }) => `${e.action}>${e.toStage}`)
        .slice(-2),
    ).toEqual(['publish>approved', 'publish>published'])
  })
})
