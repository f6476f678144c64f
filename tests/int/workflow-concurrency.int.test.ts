/**
 * Two people taking a step on the same post at the same moment (the load benchmark's situation:
 * a whole-school post handed in is in the list of both vice-principals and the principal). One
 * step wins; the other is told the post has moved on (409), and the history stays one chain of
 * steps whose last one is the post's stage.
 */
import type { Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { richText } from './support/content'
import { useTestSchool } from './support/payload'
import type { RestClient as RestClientType } from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
const clients = new Map<Role, RestClientType>()

async function as(role: Role): Promise<RestClientType> {
  let client = clients.get(role)
  if (!client) {
    client = new RestClient()
    const response = await client.login(demoLoginEmail(role), demoPassword())
    expect(response.status, role).toBe(200)
    clients.set(role, client)
  }
  return client
}

let counter = 0
/** A whole-school post handed in by the clerk: any of the leadership may review it. */
async function handedIn(): Promise<number> {
  counter += 1
  const clerk = await as('clerk')
  const made = await clerk.post('/posts?draft=true', {
    title: `Thông báo lịch họp phụ huynh số ${counter}`,
    excerpt: 'Lịch họp phụ huynh cuối học kì.',
    content: richText('Nhà trường thông báo lịch họp phụ huynh học sinh cuối học kì I.'),
    ownerGroup: null,
  })
  expect(made.status, JSON.stringify(made.body)).toBe(201)
  const id = made.body.doc.id as number
  const submitted = await clerk.post(`/posts/${id}/workflow`, { action: 'submit' })
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
  return id
}

async function history(postId: number) {
  const { docs } = await school.payload.find({
    collection: 'workflow-events',
    where: { post: { equals: postId } },
    sort: 'createdAt',
    depth: 0,
    limit: 100,
    overrideAccess: true,
  })
  return docs.map((event) => ({ action: event.action, from: event.fromStage, to: event.toStage }))
}

async function stageOf(postId: number) {
  const post = await school.payload.findByID({
    collection: 'posts',
    id: postId,
    draft: true,
    depth: 0,
    overrideAccess: true,
  })
  return post.stage
}

/** Each step starts where the one before it ended, and the last ends at the post's stage. */
function expectOneChain(steps: Array<{ from: string; to: string }>, stage: string) {
  for (let i = 1; i < steps.length; i += 1) expect(steps[i].from).toBe(steps[i - 1].to)
  expect(steps.at(-1)?.to).toBe(stage)
}

beforeAll(async () => {
  ;({ RestClient } = await import('./support/rest'))
})

describe('concurrent workflow steps on one post', () => {
  it('two reviewers accepting at once: one step is taken, the other gets 409', async () => {
    const id = await handedIn()
    const [vicePrincipal, principal] = [await as('vice_principal'), await as('principal')]
    const answers = await Promise.all([
      vicePrincipal.post(`/posts/${id}/workflow`, { action: 'accept' }),
      principal.post(`/posts/${id}/workflow`, { action: 'accept' }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409])
    const steps = await history(id)
    expect(steps.map((s) => s.action)).toEqual(['submit', 'accept'])
    expectOneChain(steps, await stageOf(id))
  })

  it('accept and return at once: each step taken starts where the one before ended', async () => {
    const id = await handedIn()
    const [vicePrincipal, principal] = [await as('vice_principal'), await as('principal')]
    const answers = await Promise.all([
      vicePrincipal.post(`/posts/${id}/workflow`, { action: 'accept' }),
      principal.post(`/posts/${id}/workflow`, {
        action: 'return',
        comment: 'Cần bổ sung giờ họp.',
      }),
    ])
    // Accepted first, the principal may still send it back as its approver (two steps); sent
    // back first, there is nothing left to accept (409).
    const taken = answers.filter((answer) => answer.status === 200).length
    expect(answers.every((answer) => [200, 409].includes(answer.status))).toBe(true)
    const steps = await history(id)
    expect(steps).toHaveLength(1 + taken)
    expectOneChain(steps, await stageOf(id))
  })

  it('an autosave of the draft while it is handed in: the stage stays where the history ends', async () => {
    counter += 1
    const clerk = await as('clerk')
    const made = await clerk.post('/posts?draft=true', {
      title: `Thông báo nghỉ lễ số ${counter}`,
      excerpt: 'Lịch nghỉ lễ.',
      content: richText('Nhà trường thông báo lịch nghỉ lễ.'),
      ownerGroup: null,
    })
    expect(made.status).toBe(201)
    const id = made.body.doc.id as number
    const answers = await Promise.all([
      clerk.patch(`/posts/${id}?draft=true&autosave=true`, { excerpt: 'Lịch nghỉ lễ, sửa.' }),
      clerk.post(`/posts/${id}/workflow`, { action: 'submit' }),
    ])
    expect(answers.every((answer) => [200, 409].includes(answer.status))).toBe(true)
    expectOneChain(await history(id), await stageOf(id))
  })

  it('steps on different posts still run side by side', async () => {
    const [first, second] = [await handedIn(), await handedIn()]
    const [vicePrincipal, principal] = [await as('vice_principal'), await as('principal')]
    const answers = await Promise.all([
      vicePrincipal.post(`/posts/${first}/workflow`, { action: 'accept' }),
      principal.post(`/posts/${second}/workflow`, { action: 'accept' }),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([200, 200])
    expect(await stageOf(first)).toBe('reviewed')
    expect(await stageOf(second)).toBe('reviewed')
  })
})
