/**
 * Contests (Điều 8): every role both ways on contests and on a pupil's entry (expected table
 * written by hand), the homeroom teacher's view of their class, attacks by a teacher who keeps
 * no such class (by id, by GraphQL, by a filter or sort on the pupil), the results form, and the
 * celebration post through the workflow with and without the pupils' consent.
 */
import ExcelJS from 'exceljs'
import { ROLES, type Role } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Contest, ContestEntry, Student, User } from '../../cms/src/payload-types'
import { idOf } from '../../cms/src/lib/ids'
import { demoUsers, pupilOf, restClients } from './support/data-rights'
import { outcomeOf, type Outcome } from './support/outcome'
import { useTestSchool } from './support/payload'
import { stepAs } from './support/workflow'

type Action = 'create' | 'read' | 'update' | 'delete'
type Actor = Role | 'anonymous'
const ALL_STAFF: Actor[] = [...ROLES]

/**
 * Điều 8: the IT teacher keeps contests and results; a contest names no pupil (staff read it);
 * a 3B pupil's result is read by leadership (Điều 6) and 3B's homeroom teacher (Điều 9), not by
 * the group head (who keeps 3A) nor a subject teacher of 3B, nor anyone else.
 */
const EXPECTED: Record<'contests' | 'contest-entries', Record<Action, Actor[]>> = {
  contests: {
    create: ['it_teacher'],
    read: ALL_STAFF,
    update: ['it_teacher'],
    delete: ['it_teacher'],
  },
  'contest-entries': {
    create: ['it_teacher'],
    read: ['principal', 'vice_principal', 'it_teacher', 'homeroom_teacher'],
    update: ['it_teacher'],
    delete: ['it_teacher'],
  },
}

const school = useTestSchool()
const as = restClients()
let payload: Payload
let users: Record<Role, User>
let pupil3B: Student
let pupil3A: Student
let contest: Contest
let counter = 0

async function newContest(name = 'Cuộc thi thử'): Promise<Contest> {
  counter += 1
  return payload.create({
    collection: 'contests',
    overrideAccess: false,
    user: users.it_teacher,
    data: { name: `${name} ${counter}`, level: 'school', schoolYear: '2026-2027' },
  })
}

async function newEntry(pupil: Student, extra: Partial<ContestEntry> = {}): Promise<ContestEntry> {
  counter += 1
  return payload.create({
    collection: 'contest-entries',
    overrideAccess: false,
    user: users.it_teacher,
    data: { contest: contest.id, pupil: pupil.id, round: `Vòng ${counter}`, ...extra },
  })
}

beforeAll(async () => {
  payload = school.payload
  users = await demoUsers(payload)
  pupil3B = await pupilOf(payload, 'Lớp 3B', 5)
  pupil3A = await pupilOf(payload, 'Lớp 3A', 5)
  contest = await newContest('Violympic Toán')
})

async function attempt(
  collection: 'contests' | 'contest-entries',
  action: Action,
  user: User | null,
): Promise<Outcome> {
  const who = { user: user ?? undefined, overrideAccess: false } as const
  const target = collection === 'contests' ? await newContest() : await newEntry(pupil3B)
  switch (action) {
    case 'create':
      return outcomeOf(() =>
        collection === 'contests'
          ? payload.create({
              collection,
              ...who,
              data: { name: 'Mới', level: 'school', schoolYear: '2026-2027' },
            })
          : payload.create({
              collection,
              ...who,
              data: { contest: contest.id, pupil: pupil3B.id, round: `Mới ${++counter}` },
            }),
      )
    case 'read':
      return outcomeOf(async () => {
        await payload.findByID({ collection, id: target.id, ...who })
        const { docs } = await payload.find({
          collection,
          where: { id: { equals: target.id } },
          ...who,
        })
        expect(docs).toHaveLength(1)
      })
    case 'update':
      return outcomeOf(() =>
        payload.update({ collection, id: target.id, ...who, data: { note: 'Đã sửa' } }),
      )
    case 'delete':
      return outcomeOf(() => payload.delete({ collection, id: target.id, ...who }))
  }
}

describe('the demo contests', () => {
  it('holds this and last year’s contests, results, and one draft celebration post', async () => {
    const contests = await payload.find({ collection: 'contests', overrideAccess: true, limit: 0 })
    const years = new Set(contests.docs.map((doc) => doc.schoolYear))
    expect(years.size).toBeGreaterThanOrEqual(2)
    const posted = await payload.find({
      collection: 'contest-entries',
      where: { celebrationPost: { exists: true } },
      overrideAccess: true,
      depth: 1,
    })
    expect(posted.totalDocs).toBeGreaterThan(0)
    const post = posted.docs[0].celebrationPost as { _status?: string; title: string }
    expect(post._status).toBe('draft')
    expect(post.title).toContain('Violympic')
  })
})

describe('the policy matrix of contests and their results', () => {
  for (const collection of ['contests', 'contest-entries'] as const) {
    for (const action of ['create', 'read', 'update', 'delete'] as const) {
      const who = EXPECTED[collection][action].join(', ')
      it(`${collection} ${action}: exactly ${who}`, async () => {
        const outcomes: Record<string, Outcome> = {}
        for (const actor of [...ROLES, 'anonymous'] as const)
          outcomes[actor] = await attempt(
            collection,
            action,
            actor === 'anonymous' ? null : users[actor],
          )
        const expected = Object.fromEntries(
          [...ROLES, 'anonymous'].map((actor) => [
            actor,
            EXPECTED[collection][action].includes(actor as Actor) ? 'allowed' : 'refused',
          ]),
        )
        expect(outcomes).toEqual(expected)
      })
    }
  }

  it('REST answers the same: anonymous reads no contest, a subject teacher no result', async () => {
    const { RestClient } = await import('./support/rest')
    expect((await new RestClient().get('/contests')).status).toBe(403)
    expect((await (await as('librarian')).get('/contests')).status).toBe(200)
    expect((await (await as('subject_teacher')).get('/contest-entries')).status).toBe(403)
    expect((await (await as('it_teacher')).get('/contest-entries')).status).toBe(200)
  })
})

describe('who reads which results', () => {
  it("3B's homeroom teacher lists 3B's results only; the group head 3A's only", async () => {
    const of3B = await newEntry(pupil3B)
    const of3A = await newEntry(pupil3A)
    const listOf = async (user: User) =>
      (
        await payload.find({
          collection: 'contest-entries',
          overrideAccess: false,
          user,
          limit: 0,
          pagination: false,
          depth: 0,
        })
      ).docs
    const classIds = (docs: ContestEntry[]) => new Set(docs.map((doc) => String(doc.class)))
    const homeroom = await listOf(users.homeroom_teacher)
    expect(homeroom.map((doc) => doc.id)).toContain(of3B.id)
    expect(homeroom.map((doc) => doc.id)).not.toContain(of3A.id)
    expect(classIds(homeroom)).toEqual(new Set([String(pupil3B.class)]))
    const head = await listOf(users.group_head)
    expect(head.map((doc) => doc.id)).toContain(of3A.id)
    expect(classIds(head)).toEqual(new Set([String(pupil3A.class)]))
    const leadership = await listOf(users.vice_principal)
    expect(leadership.map((doc) => doc.id)).toEqual(expect.arrayContaining([of3A.id, of3B.id]))
  })

  it("the entry carries the pupil's name and class, written by the server", async () => {
    const entry = await newEntry(pupil3B, { score: 250, award: 'second' })
    expect(entry.pupilName).toBe(pupil3B.fullName)
    expect(idOf(entry.class as never)).toBe(idOf(pupil3B.class as never))
    expect(entry.schoolYear).toBe('2026-2027')
    expect(idOf(entry.enteredBy as never)).toBe(users.it_teacher.id)
    const forged = await (
      await as('it_teacher')
    ).patch(`/contest-entries/${entry.id}`, { pupilName: 'Tên giả', class: pupil3A.class })
    expect(forged.status).toBe(403)
    const celebrated = await (
      await as('it_teacher')
    ).patch(`/contest-entries/${entry.id}`, { celebrationPost: 1 })
    expect(celebrated.status).toBe(403)
  })

  it('one result per pupil, contest and round (409); a contest with results stays', async () => {
    const entry = await newEntry(pupil3B)
    await expect(
      payload.create({
        collection: 'contest-entries',
        overrideAccess: false,
        user: users.it_teacher,
        data: { contest: contest.id, pupil: pupil3B.id, round: entry.round },
      }),
    ).rejects.toMatchObject({ status: 409 })
    const removal = await (await as('it_teacher')).delete(`/contests/${contest.id}`)
    expect(removal.status).toBe(409)
  })
})

describe('a result and its pupil over time', () => {
  it('keeps the class the pupil competed for when the pupil later changes class', async () => {
    const mover = await pupilOf(payload, 'Lớp 3B', 8)
    const entry = await newEntry(mover, { score: 10 })
    await payload.update({
      collection: 'students',
      id: mover.id,
      data: { class: pupil3A.class as number },
      overrideAccess: true,
    })
    const edited = await payload.update({
      collection: 'contest-entries',
      id: entry.id,
      data: { score: 12 },
      overrideAccess: false,
      user: users.it_teacher,
      depth: 0,
    })
    expect(idOf(edited.class as never)).toBe(idOf(mover.class as never))
    await payload.update({
      collection: 'students',
      id: mover.id,
      data: { class: mover.class as number },
      overrideAccess: true,
    })
  })

  it("a guardian's erasure request removes the pupil's contest results", async () => {
    const { createLocalReq } = await import('payload')
    const { erasePupilData } = await import('../../cms/src/data-rights/erasure')
    const leaver = await pupilOf(payload, 'Lớp 4B', 6)
    await payload.update({
      collection: 'students',
      id: leaver.id,
      data: {
        enrollmentEvents: [
          ...(leaver.enrollmentEvents ?? []),
          { kind: 'transfer_out', date: '2026-11-20', reason: 'Chuyển nơi ở', school: 'TH khác' },
        ],
      },
      overrideAccess: true,
    })
    await newEntry(leaver, { award: 'first' })
    const count = async () =>
      (
        await payload.count({
          collection: 'contest-entries',
          where: { pupil: { equals: leaver.id } },
          overrideAccess: true,
        })
      ).totalDocs
    expect(await count()).toBe(1)
    // Nobody deletes them outside the erasure but the IT teacher.
    expect(
      await outcomeOf(() =>
        payload.delete({
          collection: 'contest-entries',
          where: { pupil: { equals: leaver.id } },
          overrideAccess: false,
          user: users.principal,
        }),
      ),
    ).toBe('refused')
    expect(await count()).toBe(1)
    const req = await createLocalReq({ user: { ...users.principal, collection: 'users' } }, payload)
    const report = await erasePupilData(req, leaver.id, undefined)
    expect(report).toContain('Kết quả các cuộc thi')
    expect(await count()).toBe(0)
  })
})

describe('a teacher who does not keep the class gets nothing of its results', () => {
  let entry: ContestEntry
  beforeAll(async () => {
    entry = await newEntry(pupil3B, { score: 271, award: 'first' })
  })

  it('not by id, nor in a list (REST)', async () => {
    for (const role of ['subject_teacher', 'group_head', 'nurse', 'clerk'] as const) {
      const client = await as(role)
      const byId = await client.get(`/contest-entries/${entry.id}`)
      expect([403, 404], role).toContain(byId.status)
      expect(JSON.stringify(byId.body)).not.toContain(pupil3B.fullName)
      const listed = await client.get(`/contest-entries?where[id][equals]=${entry.id}&depth=1`)
      if (listed.status === 200) expect(listed.body.docs, role).toEqual([])
      else expect(listed.status, role).toBe(403)
    }
  })

  it('not by a filter or a sort on the pupil', async () => {
    const name = encodeURIComponent(pupil3B.fullName)
    const client = await as('subject_teacher')
    const filtered = await client.get(`/contest-entries?where[pupil.fullName][equals]=${name}`)
    expect(filtered.status).toBe(403)
    const sorted = await client.get('/contest-entries?sort=pupil.dateOfBirth')
    expect(sorted.status).toBe(403)
    // The group head reads 3A's results: a filter on a 3B pupil finds nothing of 3B.
    const head = await (
      await as('group_head')
    ).get(`/contest-entries?where[pupil.fullName][equals]=${name}`)
    expect(head.status).toBe(200)
    expect(head.body.docs).toEqual([])
    // A homeroom teacher may not filter their class's results by what they do not read of a
    // pupil elsewhere (a guardian's phone).
    const phone = await (
      await as('homeroom_teacher')
    ).get('/contest-entries?where[pupil.guardians.phone][like]=09')
    expect(phone.status).toBe(403)
  })

  it('not by GraphQL', async () => {
    const { GraphQLClient } = await import('./support/rest')
    const { demoLoginEmail, demoPassword } = await import('../../cms/src/seed/demo-school')
    const client = new GraphQLClient()
    await client.login(demoLoginEmail('subject_teacher'), demoPassword())
    const one = await client.query(`{ ContestEntry(id: ${entry.id}) { pupilName score } }`)
    expect(one.data?.ContestEntry ?? null).toBeNull()
    expect(JSON.stringify(one)).not.toContain(pupil3B.fullName)
    const many = await client.query(
      `{ ContestEntries(where: { pupilName: { equals: "${pupil3B.fullName}" } }) { docs { id } } }`,
    )
    expect(many.data?.ContestEntries?.docs ?? []).toEqual([])
    expect(JSON.stringify(many)).not.toContain(String(entry.id) + ',')
    const it = new GraphQLClient()
    await it.login(demoLoginEmail('it_teacher'), demoPassword())
    const allowed = await it.query(`{ ContestEntry(id: ${entry.id}) { pupilName score } }`)
    expect(allowed.data.ContestEntry).toEqual({ pupilName: pupil3B.fullName, score: 271 })
  })
})

describe('the results form (many pupils at once)', () => {
  it('matches pupils by name and class, marks or not, and saves all or nothing', async () => {
    const target = await newContest('IOE Tiếng Anh')
    const other = await pupilOf(payload, 'Lớp 4A', 3)
    const client = await as('it_teacher')
    const unmarked = pupil3B.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd')
    const text = [
      'Họ và tên\tLớp\tĐiểm\tThời gian\tXếp hạng\tGiải',
      `${unmarked.toUpperCase()}\t3B\t280\t21:05\t2\tNhì`,
      `${other.fullName};Lớp 4A;250;;;KK`,
    ].join('\n')
    const wrong = await client.post(`/contests/${target.id}/results`, {
      text: `${text}\nNguyễn Không Có\t3B\t100`,
      round: 'Cấp trường',
    })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body)).toContain('Nguyễn Không Có')
    const none = await payload.count({
      collection: 'contest-entries',
      where: { contest: { equals: target.id } },
      overrideAccess: true,
    })
    expect(none.totalDocs).toBe(0)
    const saved = await client.post(`/contests/${target.id}/results`, {
      text,
      round: 'Cấp trường',
      celebrate: true,
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    expect(saved.body.entries).toHaveLength(2)
    const { docs } = await payload.find({
      collection: 'contest-entries',
      where: { contest: { equals: target.id } },
      sort: 'score',
      overrideAccess: true,
    })
    expect(docs.map((doc) => [doc.pupilName, doc.score, doc.award, doc.celebrate])).toEqual([
      [other.fullName, 250, 'consolation', true],
      [pupil3B.fullName, 280, 'second', true],
    ])
    const again = await client.post(`/contests/${target.id}/results`, {
      text,
      round: 'Cấp trường',
    })
    expect(again.status).toBe(400)
  })

  it('reads the organiser’s .xlsx (title rows, STT column), refuses what is not one', async () => {
    const target = await newContest('Tin học trẻ')
    const pupil = await pupilOf(payload, 'Lớp 5B', 4)
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Kết quả')
    sheet.addRow(['KẾT QUẢ THI TIN HỌC TRẺ'])
    sheet.addRow(['STT', 'Họ và tên', 'Lớp', 'Điểm', 'Thời gian', 'Xếp hạng', 'Giải'])
    sheet.addRow([1, pupil.fullName, '5B', 95.5, '40:00', 3, 'Giải Ba'])
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
    const client = await as('it_teacher')
    const saved = await client.post(`/contests/${target.id}/results`, {
      workbook: base64,
      round: 'Vòng thành phố',
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(201)
    const { docs } = await payload.find({
      collection: 'contest-entries',
      where: { contest: { equals: target.id } },
      overrideAccess: true,
      depth: 0,
    })
    expect(docs.map((doc) => [doc.pupilName, doc.score, doc.rank, doc.award, doc.round])).toEqual([
      [pupil.fullName, 95.5, 3, 'third', 'Vòng thành phố'],
    ])
    const broken = await client.post(`/contests/${target.id}/results`, {
      workbook: Buffer.from('not a workbook').toString('base64'),
    })
    expect(broken.status).toBe(400)
  })

  it('is the IT teacher’s only', async () => {
    const target = await newContest()
    for (const role of ['principal', 'homeroom_teacher', 'web_admin'] as const) {
      const answer = await (
        await as(role)
      ).post(`/contests/${target.id}/results`, { text: `${pupil3B.fullName}\t3B\t10` })
      expect(answer.status, role).toBe(403)
    }
  })
})

describe('celebrating results through the workflow, with the pupils’ consent', () => {
  async function setConsent(pupil: Student, guardian: boolean, own: boolean) {
    await payload.update({
      collection: 'students',
      id: pupil.id,
      data: { consent: { guardian, pupil: own } },
      overrideAccess: true,
    })
  }

  async function walkToPublication(postId: number) {
    await stepAs(payload, users.it_teacher, postId, 'submit')
    await stepAs(payload, users.vice_principal, postId, 'accept')
    await stepAs(payload, users.principal, postId, 'approve')
    return stepAs(payload, users.web_admin, postId, 'publish')
  }

  it('drafts a post naming the pupils, published only with their consent', async () => {
    const target = await newContest('Trạng Nguyên Tiếng Việt')
    const other = await pupilOf(payload, 'Lớp 3A', 2)
    await setConsent(pupil3B, true, true)
    await setConsent(other, true, false)
    const { docs } = await payload.find({
      collection: 'groups',
      where: { id: { equals: other.class as number } },
      overrideAccess: true,
    })
    const make = (pupil: Student, extra: Partial<ContestEntry>) =>
      payload.create({
        collection: 'contest-entries',
        overrideAccess: false,
        user: users.it_teacher,
        data: { contest: target.id, pupil: pupil.id, round: 'Cấp trường', ...extra },
      })
    await make(pupil3B, { award: 'first', celebrate: true, score: 300 })
    await make(other, { award: 'third', celebrate: true })
    const notCelebrated = await make(await pupilOf(payload, 'Lớp 3B', 6), { award: 'none' })

    const refused = await (
      await as('homeroom_teacher')
    ).post(`/contests/${target.id}/celebrate`, {})
    expect(refused.status).toBe(403)
    const made = await (await as('it_teacher')).post(`/contests/${target.id}/celebrate`, {})
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    const post = await payload.findByID({
      collection: 'posts',
      id: made.body.post.id,
      draft: true,
      overrideAccess: true,
      depth: 0,
    })
    expect(post._status).toBe('draft')
    expect(post.stage).toBe('draft')
    expect(String(post.createdBy)).toBe(String(users.it_teacher.id))
    expect(post.pupils?.map(String).sort()).toEqual([pupil3B.id, other.id].map(String).sort())
    const text = JSON.stringify(post.content)
    expect(text).toContain(pupil3B.fullName)
    expect(text).toContain('lớp 3B')
    expect(text).toContain('Giải Nhất')
    expect(text).toContain(other.fullName)
    expect(text).toContain(`lớp ${docs[0].name.replace('Lớp ', '')}`)
    const marked = await payload.find({
      collection: 'contest-entries',
      where: { contest: { equals: target.id } },
      overrideAccess: true,
      depth: 0,
    })
    for (const entry of marked.docs)
      expect(entry.celebrationPost ? String(entry.celebrationPost) : null).toBe(
        entry.id === notCelebrated.id ? null : String(post.id),
      )
    // Nothing left to celebrate: a second post is not made.
    const twice = await (await as('it_teacher')).post(`/contests/${target.id}/celebrate`, {})
    expect(twice.status).toBe(400)

    // 3A's pupil is over 7 without their own consent: publication is refused, naming them.
    await expect(walkToPublication(post.id)).rejects.toMatchObject({ status: 400 })
    await expect(stepAs(payload, users.web_admin, post.id, 'publish')).rejects.toThrow(
      other.fullName,
    )
    const still = await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })
    expect(still._status).not.toBe('published')

    await setConsent(other, true, true)
    await stepAs(payload, users.web_admin, post.id, 'publish')
    const live = await payload.findByID({ collection: 'posts', id: post.id, overrideAccess: true })
    expect(live._status).toBe('published')
    expect(live.stage).toBe('published')
  })
})
