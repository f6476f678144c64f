/**
 * Học bạ số (Công văn 119/BGDĐT-GDTH; TT27 Điều 13): the homeroom teacher confirms a class's
 * transcripts of an approved year, then the principal signs them, each step once, through
 * `POST /api/transcript-signatures/sign` only; a correction of the signed year reopens the steps.
 * Through the real REST and GraphQL handlers with the demo school's accounts.
 */
import { schoolYearOf, previousSchoolYear, type Role } from '@school/shared'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group } from '../../cms/src/payload-types'
import { DEFAULT_DEMO_PASSWORD, demoLoginEmail } from '../../cms/src/seed/demo-school'
import { makeTestCertificate } from './support/certificate'
import { useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
const PASSWORD = DEFAULT_DEMO_PASSWORD
const thisYear = schoolYearOf(new Date())
const lastYear = previousSchoolYear(thisYear)

const ROLES = [
  'principal',
  'vice_principal',
  'homeroom_teacher',
  'group_head',
  'subject_teacher',
  'clerk',
  'it_teacher',
] as const satisfies readonly Role[]
// The REST module boots the config: imported once the test school's database is set.
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType
const clients = new Map<Role, RestClientType>()
const as = (role: (typeof ROLES)[number]) => clients.get(role)!
let anonymous: RestClientType

async function classNamed(name: string): Promise<Group> {
  const { docs } = await school.payload.find({
    collection: 'groups',
    where: { and: [{ name: { equals: name } }, { kind: { equals: 'class' } }] },
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error(`No class ${name}`)
  return docs[0]
}

/** Last year's approved classes: 3B is the homeroom_teacher login's, 3A the group_head's. */
let c3B: Group
let c3A: Group
let current3B: Group

const sign = (role: (typeof ROLES)[number], group: Group, step: string) =>
  as(role).post('/transcript-signatures/sign', {
    class: group.id,
    schoolYear: group.schoolYear,
    step,
  })
const status = (role: (typeof ROLES)[number], group: Group) =>
  as(role).get(`/transcript-signatures/status?class=${group.id}&schoolYear=${group.schoolYear}`)

async function stepsOf(group: Group) {
  const { docs } = await school.payload.find({
    collection: 'transcript-signatures',
    where: { class: { equals: group.id } },
    sort: 'createdAt',
    overrideAccess: true,
  })
  return docs
}

beforeAll(async () => {
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  anonymous = new RestClient()
  for (const role of ROLES) {
    const client = new RestClient()
    expect((await client.login(demoLoginEmail(role), PASSWORD)).status).toBe(200)
    clients.set(role, client)
  }
  c3B = await classNamed(`Lớp 3B (${lastYear})`)
  c3A = await classNamed(`Lớp 3A (${lastYear})`)
  current3B = await classNamed('Lớp 3B')
})

describe('the signing status', () => {
  it("is read by leadership and the class's homeroom teacher, and no one else", async () => {
    const mine = await status('homeroom_teacher', c3B)
    expect(mine.status).toBe(200)
    expect(mine.body).toMatchObject({
      state: 'unsigned',
      yearApproved: true,
      next: { step: 'homeroom', round: 1 },
      may: { homeroom: true, principal: false },
      steps: [],
    })
    expect(mine.body.fingerprint).toBeUndefined()
    const principal = await status('principal', c3B)
    expect(principal.status).toBe(200)
    expect(principal.body.may).toEqual({ homeroom: false, principal: false })
    expect((await status('vice_principal', c3B)).status).toBe(200)
    // Another class's homeroom teacher (and head of its group), a subject teacher, the clerk.
    for (const role of ['group_head', 'subject_teacher', 'clerk', 'it_teacher'] as const) {
      const refused = await status(role, c3B)
      expect(refused.status, role).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/Ban giám hiệu và giáo viên chủ nhiệm/)
    }
    expect((await status('group_head', c3A)).status).toBe(200)
    const path = `/transcript-signatures/status?class=${c3B.id}&schoolYear=${lastYear}`
    expect((await anonymous.get(path)).status).toBe(401)
    expect((await as('principal').get(`/transcript-signatures/status?class=999999`)).status).toBe(
      404,
    )
    expect((await as('principal').get(`/transcript-signatures/status?class=x'1`)).status).toBe(404)
  })
})

describe('signing a class', () => {
  it('answers bad input with 400, nobody with 401, an unknown class with 404', async () => {
    const principal = as('principal')
    for (const body of [
      {},
      { class: c3B.id, schoolYear: lastYear },
      { class: c3B.id, schoolYear: lastYear, step: 'admin' },
      { class: { id: c3B.id }, schoolYear: lastYear, step: 'homeroom' },
      [c3B.id],
    ]) {
      const answer = await principal.post('/transcript-signatures/sign', body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.errors[0].message).toMatch(/Gửi/)
    }
    const notJson = await principal.request('POST', '/transcript-signatures/sign', undefined, '{')
    expect(notJson.status).toBe(400)
    const otherYear = await principal.post('/transcript-signatures/sign', {
      class: c3B.id,
      schoolYear: thisYear,
      step: 'homeroom',
    })
    expect(otherYear.status).toBe(400)
    const unknown = await principal.post('/transcript-signatures/sign', {
      class: 999_999,
      schoolYear: lastYear,
      step: 'principal',
    })
    expect(unknown.status).toBe(404)
    const nobody = await anonymous.post('/transcript-signatures/sign', {
      class: c3B.id,
      schoolYear: lastYear,
      step: 'homeroom',
    })
    expect(nobody.status).toBe(401)
    expect(await stepsOf(c3B)).toHaveLength(0)
  })

  it('needs the year approved by the principal first', async () => {
    const answer = await sign('homeroom_teacher', current3B, 'homeroom')
    expect(answer.status).toBe(409)
    expect(answer.body.errors[0].message).toMatch(/chưa phê duyệt kết quả năm học/)
    expect(await stepsOf(current3B)).toHaveLength(0)
  })

  it('homeroom confirms, then the principal signs, each once and only they', async () => {
    // The principal's step before the homeroom teacher's.
    const early = await sign('principal', c3B, 'principal')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/Giáo viên chủ nhiệm cần xác nhận/)
    // Not the class's homeroom teacher: another class's, the principal, a subject teacher.
    for (const role of ['group_head', 'principal', 'vice_principal', 'subject_teacher'] as const) {
      const refused = await sign(role, c3B, 'homeroom')
      expect(refused.status, role).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/Chỉ giáo viên chủ nhiệm của lớp/)
    }
    expect(await stepsOf(c3B)).toHaveLength(0)

    const confirmed = await sign('homeroom_teacher', c3B, 'homeroom')
    expect(confirmed.status).toBe(201)
    expect(confirmed.body.state).toBe('confirmed')
    expect(confirmed.body.steps).toHaveLength(1)
    const [step] = await stepsOf(c3B)
    expect(step).toMatchObject({ step: 'homeroom', round: 1, certificateSubject: null })
    expect(step.signerName).toBe(confirmed.body.steps[0].by.name)
    expect(step.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect((await sign('homeroom_teacher', c3B, 'homeroom')).status).toBe(409)

    // The principal's step: not the homeroom teacher, not the vice-principal.
    for (const role of ['homeroom_teacher', 'vice_principal', 'group_head'] as const) {
      const refused = await sign(role, c3B, 'principal')
      expect(refused.status, role).toBe(403)
      expect(refused.body.errors[0].message).toMatch(/Chỉ Hiệu trưởng ký/)
    }
    const principalStatus = await status('principal', c3B)
    expect(principalStatus.body.may).toEqual({ homeroom: false, principal: true })

    // With the school's certificate configured, its subject is recorded with the signature.
    const certificate = makeTestCertificate('Trường Tiểu học Gia Thượng')
    const saved = {
      file: process.env.SIGNING_CERTIFICATE_FILE,
      password: process.env.SIGNING_CERTIFICATE_PASSWORD,
    }
    try {
      // A configured certificate that does not open is the installation's fault, said in words.
      process.env.SIGNING_CERTIFICATE_FILE = certificate.file
      process.env.SIGNING_CERTIFICATE_PASSWORD = 'sai-mat-khau'
      const broken = await sign('principal', c3B, 'principal')
      expect(broken.status).toBe(503)
      expect(broken.body.errors[0].message).toMatch(/Chứng thư số của trường/)
      expect(await stepsOf(c3B)).toHaveLength(1)

      process.env.SIGNING_CERTIFICATE_PASSWORD = certificate.password
      const signed = await sign('principal', c3B, 'principal')
      expect(signed.status).toBe(201)
      expect(signed.body.state).toBe('signed')
      expect(signed.body.next).toBeNull()
      expect(signed.body.steps.map((one: { step: string }) => one.step)).toEqual([
        'homeroom',
        'principal',
      ])
      expect(signed.body.steps[1].certificateSubject).toBe('Trường Tiểu học Gia Thượng')
    } finally {
      for (const [key, value] of [
        ['SIGNING_CERTIFICATE_FILE', saved.file],
        ['SIGNING_CERTIFICATE_PASSWORD', saved.password],
      ] as const) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
    const stored = await stepsOf(c3B)
    expect(stored).toHaveLength(2)
    expect(stored[1]).toMatchObject({
      step: 'principal',
      round: 1,
      certificateSubject: 'Trường Tiểu học Gia Thượng',
      fingerprint: stored[0].fingerprint,
    })
    for (const step of ['principal', 'homeroom']) {
      const again = await sign(step === 'principal' ? 'principal' : 'homeroom_teacher', c3B, step)
      expect(again.status, step).toBe(409)
    }
    expect(await stepsOf(c3B)).toHaveLength(2)
  })

  it('two confirmations at once: one is recorded, the other is told 409', async () => {
    const answers = await Promise.all([
      sign('group_head', c3A, 'homeroom'),
      sign('group_head', c3A, 'homeroom'),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409])
    expect(await stepsOf(c3A)).toHaveLength(1)
    // The unique index is what decides it, whatever the endpoint checked before.
    await expect(
      school.payload.create({
        collection: 'transcript-signatures',
        data: {
          class: c3A.id,
          schoolYear: lastYear,
          step: 'homeroom',
          round: 1,
          by: (await stepsOf(c3A))[0].by as number,
          signerName: 'Bản sao',
        },
        overrideAccess: true,
      }),
    ).rejects.toThrow()
    expect(await stepsOf(c3A)).toHaveLength(1)
  })
})

describe("a CHT pupil's transcript", () => {
  it('waits for the supplementary assessment; the class is signed after it', async () => {
    const { docs } = await school.payload.find({
      collection: 'year-end-results',
      where: { and: [{ schoolYear: { equals: lastYear } }, { result: { equals: 'CHT' } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const record = docs[0]!
    const group = (await school.payload.findByID({
      collection: 'groups',
      id: record.class as number,
      overrideAccess: true,
    })) as Group
    const pupil = await school.payload.findByID({
      collection: 'students',
      id: record.student as number,
      overrideAccess: true,
    })
    // The supplementary assessment not yet recorded (the seed writes it, with no user).
    await school.payload.update({
      collection: 'year-end-results',
      id: record.id,
      data: { supplementary: { date: null, passed: null, comment: null } },
      overrideAccess: true,
    })
    try {
      const refused = await sign('principal', group, 'principal')
      expect(refused.status).toBe(409)
      expect(refused.body.errors[0].message).toContain(pupil.fullName)
      expect(refused.body.errors[0].message).toMatch(/chưa có kết quả đánh giá bổ sung/)
      const seen = await status('principal', group)
      expect(seen.body.pendingPupils).toEqual([
        { id: pupil.id, fullName: pupil.fullName, reason: 'chưa có kết quả đánh giá bổ sung' },
      ])
      // Re-assessed without passing: signed once the principal decides.
      await school.payload.update({
        collection: 'year-end-results',
        id: record.id,
        data: {
          supplementary: {
            date: `${lastYear.slice(5)}-08-10`,
            passed: false,
            comment: 'Chưa đạt.',
          },
          principalDecision: null,
        },
        overrideAccess: true,
      })
      const undecided = await status('principal', group)
      expect(undecided.body.pendingPupils[0].reason).toMatch(/quyết định của Hiệu trưởng/)
    } finally {
      await school.payload.update({
        collection: 'year-end-results',
        id: record.id,
        data: { supplementary: record.supplementary, principalDecision: record.principalDecision },
        overrideAccess: true,
      })
    }
    const after = await status('principal', group)
    expect(after.body.pendingPupils).toEqual([])
    // No longer blocked: what is left is the order of the steps.
    const early = await sign('principal', group, 'principal')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/Giáo viên chủ nhiệm cần xác nhận/)
  })
})

describe('a step is written by the signing endpoint only', () => {
  let stepId: number
  beforeAll(async () => {
    stepId = (await stepsOf(c3B))[0].id
  })

  it('REST create, update and delete are refused to everyone', async () => {
    const forged = {
      class: c3B.id,
      schoolYear: lastYear,
      step: 'principal',
      round: 9,
      by: 1,
      signerName: 'Giả mạo',
    }
    for (const role of ['principal', 'homeroom_teacher', 'it_teacher'] as const) {
      expect((await as(role).post('/transcript-signatures', forged)).status, role).toBe(403)
      const patched = await as(role).patch(`/transcript-signatures/${stepId}`, {
        signerName: 'Giả mạo',
      })
      expect([403, 404], role).toContain(patched.status)
      expect([403, 404], role).toContain(
        (await as(role).delete(`/transcript-signatures/${stepId}`)).status,
      )
    }
    expect((await anonymous.post('/transcript-signatures', forged)).status).toBe(403)
    const stored = await stepsOf(c3B)
    expect(stored).toHaveLength(2)
    expect(stored[0].signerName).not.toBe('Giả mạo')
    // Read as the collection allows: leadership and the class's homeroom teacher, not others.
    expect((await as('homeroom_teacher').get(`/transcript-signatures/${stepId}`)).status).toBe(200)
    expect((await as('group_head').get(`/transcript-signatures/${stepId}`)).status).toBe(404)
  })

  it('GraphQL mutations are refused', async () => {
    // Payload's own refusal, not a malformed query (which would fail for any reason).
    const FORBIDDEN = /không có quyền thực hiện|not allowed to perform/
    const client = new GraphQLClient()
    await client.login(demoLoginEmail('principal'), PASSWORD)
    const created = await client.query(
      `mutation { createTranscriptSignature(data: { class: ${c3B.id}, schoolYear: "${lastYear}",
        step: principal, round: 7, by: 1, signerName: "Giả mạo" }) { id } }`,
    )
    expect(created.errors?.[0]?.message).toMatch(FORBIDDEN)
    const updated = await client.query(
      `mutation { updateTranscriptSignature(id: ${stepId}, data: { signerName: "Giả mạo" }) { id } }`,
    )
    expect(updated.errors?.[0]?.message).toMatch(FORBIDDEN)
    const deleted = await client.query(
      `mutation { deleteTranscriptSignature(id: ${stepId}) { id } }`,
    )
    expect(deleted.errors?.[0]?.message).toMatch(FORBIDDEN)
    const stored = await stepsOf(c3B)
    expect(stored).toHaveLength(2)
    expect(stored.map((one) => one.signerName)).not.toContain('Giả mạo')
  })
})

describe('a correction of the signed year', () => {
  it('marks the transcripts changed; the steps are taken again in a new round', async () => {
    const { docs } = await school.payload.find({
      collection: 'assessments',
      where: {
        and: [
          { class: { equals: c3B.id } },
          { period: { equals: 'end' } },
          { subject: { equals: 'tieng-viet' } },
        ],
      },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const entry = docs[0]!
    const filed = await as('homeroom_teacher').post('/correction-requests', {
      assessment: entry.id,
      comment: 'Em đọc lưu loát, viết đúng chính tả (đã điều chỉnh).',
      reason: 'Ghi nhầm nhận xét.',
    })
    expect(filed.status).toBe(201)
    const decided = await as('principal').post(
      `/correction-requests/${filed.body.doc.id}/decision`,
      {
        decision: 'approve',
      },
    )
    expect(decided.status).toBe(200)

    const changed = await status('principal', c3B)
    expect(changed.body).toMatchObject({
      state: 'changed',
      round: 1,
      next: { step: 'homeroom', round: 2 },
      may: { homeroom: false, principal: false },
    })
    expect(changed.body.steps.every((one: { current: boolean }) => !one.current)).toBe(true)
    // The principal cannot sign data the homeroom teacher has not confirmed.
    const early = await sign('principal', c3B, 'principal')
    expect(early.status).toBe(409)
    expect(early.body.errors[0].message).toMatch(/đã thay đổi sau khi giáo viên chủ nhiệm xác nhận/)

    expect((await sign('homeroom_teacher', c3B, 'homeroom')).status).toBe(201)
    const signed = await sign('principal', c3B, 'principal')
    expect(signed.status).toBe(201)
    expect(signed.body).toMatchObject({ state: 'signed', round: 2, next: null })
    // No certificate configured now: the step is recorded all the same, without one.
    expect(signed.body.steps[1].certificateSubject).toBeNull()
    // What was signed before the correction is kept.
    expect(signed.body.earlier).toHaveLength(2)
    const stored = await stepsOf(c3B)
    expect(stored.map((one) => [one.step, one.round])).toEqual([
      ['homeroom', 1],
      ['principal', 1],
      ['homeroom', 2],
      ['principal', 2],
    ])
    expect(stored[2].fingerprint).not.toBe(stored[0].fingerprint)
  })
})
