/**
 * Issue 10, hole 2: the start-of-year import rewrote people's powers. Who keeps a class, which
 * class a pupil is in and the staff profiles are decisions of leadership and the HR officer
 * (Điều 5.1, 6, 16): the IT teacher's import creates what is new and only proposes changes to
 * those; the decider accepts (applied as them, audited under their name) or rejects, once; a
 * blank cell never erases saved data. Through the real REST handlers, as the demo accounts.
 */
import ExcelJS from 'exceljs'
import { GUARDIAN_RELATIONSHIP_LABELS, schoolYearOf } from '@school/shared'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Group, ImportProposal, StaffProfile, Student } from '../../cms/src/payload-types'
import { COLUMNS, SHEETS } from '../../cms/src/records-import/workbook'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { findUserByEmail, useTestSchool } from './support/payload'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
let payload: Payload
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType
const schoolYear = schoolYearOf(new Date())
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

type Role = Parameters<typeof demoLoginEmail>[0]

async function as(role: Role) {
  const client = new RestClient()
  expect((await client.login(demoLoginEmail(role), demoPassword())).status).toBe(200)
  return client
}

/** A file with exactly these rows, cells by the template's column keys; a key left out is blank. */
async function workbookOf(
  sheets: Partial<Record<keyof typeof COLUMNS, Array<Record<string, string>>>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  for (const key of ['classes', 'pupils', 'staff'] as const) {
    const sheet = workbook.addWorksheet(SHEETS[key])
    const columns = COLUMNS[key]
    sheet.addRow(columns.map((column) => (column.required ? `${column.header} *` : column.header)))
    for (const row of sheets[key] ?? [])
      sheet.addRow(columns.map((column) => row[column.key] ?? ''))
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

async function importAs(role: Role, file: Uint8Array) {
  const response = await (await as(role)).raw('POST', '/records-import', file, XLSX)
  expect(response.status).toBe(200)
  const last = JSON.parse((await response.text()).trim().split('\n').at(-1)!)
  expect(last.type, JSON.stringify(last)).toBe('summary')
  return last as {
    summary: Record<'classes' | 'staff' | 'pupils', Record<string, number>>
    message: string
  }
}

async function proposalsAbout(targetCollection: string, targetId: number | string) {
  const { docs } = await payload.find({
    collection: 'import-proposals',
    where: {
      and: [
        { targetCollection: { equals: targetCollection } },
        { targetId: { equals: String(targetId) } },
      ],
    },
    sort: 'createdAt',
    depth: 0,
    overrideAccess: true,
  })
  return docs as ImportProposal[]
}

const decide = async (role: Role, id: number | string, body: unknown) =>
  (await as(role)).post(`/import-proposals/${id}/decision`, body)

let class3B: Group
const users: Partial<Record<Role, number>> = {}

beforeAll(async () => {
  payload = school.payload
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  class3B = (
    await payload.find({
      collection: 'groups',
      where: { name: { equals: 'Lớp 3B' } },
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  for (const role of [
    'principal',
    'vice_principal',
    'it_teacher',
    'homeroom_teacher',
    'subject_teacher',
    'hr_officer',
  ] as const)
    users[role] = (await findUserByEmail(payload, demoLoginEmail(role))).id as number
})

describe("an existing class's homeroom teacher", () => {
  let proposal: ImportProposal
  const file = () =>
    workbookOf({
      classes: [
        { name: '3B', grade: '3', schoolYear, homeroomEmail: demoLoginEmail('subject_teacher') },
      ],
    })

  it("the IT teacher's import keeps it and who reads the pupils, files a proposal", async () => {
    const { summary, message } = await importAs('it_teacher', await file())
    expect(summary.classes).toEqual({ created: 0, unchanged: 0, proposed: 1, pending: 0 })
    expect(message).toContain('1 thay đổi đã được gửi đề xuất, chưa áp dụng')

    const after = await payload.findByID({
      collection: 'groups',
      id: class3B.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.homeroomTeacher).toBe(users.homeroom_teacher)
    const pupil = (
      await payload.find({
        collection: 'students',
        where: { class: { equals: class3B.id } },
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]
    const seen = await (await as('subject_teacher')).get(`/students/${pupil.id}`)
    expect(seen.body.guardians).toBeUndefined()

    const filed = await proposalsAbout('groups', class3B.id)
    expect(filed).toHaveLength(1)
    proposal = filed[0]
    expect(proposal).toMatchObject({
      status: 'pending',
      proposedBy: users.it_teacher,
      targetLabel: `Lớp 3B (${schoolYear})`,
      changes: [
        {
          field: 'homeroomTeacher',
          label: 'Giáo viên chủ nhiệm',
          current: { value: users.homeroom_teacher },
          proposed: { value: users.subject_teacher },
          proposedText: expect.stringContaining(demoLoginEmail('subject_teacher')),
        },
      ],
    })
    // The proposer follows what they proposed about classes; leadership sees it to decide.
    expect((await (await as('it_teacher')).get(`/import-proposals/${proposal.id}`)).status).toBe(
      200,
    )
    expect(
      (await (await as('vice_principal')).get(`/import-proposals/${proposal.id}`)).status,
    ).toBe(200)
    // Who neither imports nor decides has no proposals to read at all.
    expect((await (await as('homeroom_teacher')).get('/import-proposals')).status).toBe(403)
  })

  it('the same file again files no second proposal while the first waits', async () => {
    const { summary } = await importAs('it_teacher', await file())
    expect(summary.classes).toEqual({ created: 0, unchanged: 0, proposed: 0, pending: 1 })
    expect(await proposalsAbout('groups', class3B.id)).toHaveLength(1)
  })

  it('only leadership decides: IT teacher, teachers, HR officer 403; the public 401', async () => {
    for (const role of [
      'it_teacher',
      'homeroom_teacher',
      'subject_teacher',
      'hr_officer',
    ] as const) {
      const refused = await decide(role, proposal.id, { decision: 'accept' })
      expect(refused.status, role).toBe(403)
      expect(refused.body.errors[0].message).toContain('Hiệu trưởng')
    }
    expect(
      (
        await new RestClient().post(`/import-proposals/${proposal.id}/decision`, {
          decision: 'accept',
        })
      ).status,
    ).toBe(401)
    expect((await decide('vice_principal', proposal.id, { decision: 'maybe' })).status).toBe(400)
    // Nobody edits or deletes a proposal directly, not even its decider.
    const principal = await as('principal')
    expect(
      (await principal.patch(`/import-proposals/${proposal.id}`, { status: 'accepted' })).status,
    ).toBe(403)
    expect((await principal.delete(`/import-proposals/${proposal.id}`)).status).toBe(403)
    expect(
      (
        await principal.post('/import-proposals', {
          targetCollection: 'groups',
          targetId: String(class3B.id),
          targetLabel: 'x',
          changes: [{ field: 'homeroomTeacher', label: 'x', proposed: { value: users.principal } }],
        })
      ).status,
    ).toBe(403)
    const still = await payload.findByID({
      collection: 'groups',
      id: class3B.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(still.homeroomTeacher).toBe(users.homeroom_teacher)
    expect((await proposalsAbout('groups', class3B.id))[0].status).toBe('pending')
  })

  it('a rejection changes nothing, is recorded with who and why, and is final', async () => {
    const rejected = await decide('vice_principal', proposal.id, {
      decision: 'reject',
      note: 'Giữ nguyên GVCN.',
    })
    expect(rejected.status).toBe(200)
    expect(rejected.body.doc).toMatchObject({
      status: 'rejected',
      decidedBy: users.vice_principal,
      note: 'Giữ nguyên GVCN.',
    })
    const still = await payload.findByID({
      collection: 'groups',
      id: class3B.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(still.homeroomTeacher).toBe(users.homeroom_teacher)
    const again = await decide('principal', proposal.id, { decision: 'accept' })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].message).toContain('chỉ được quyết định một lần')
  })

  it('a stale proposal is refused (409); accepted, it applies as the decider', async () => {
    const { summary } = await importAs('it_teacher', await file())
    expect(summary.classes.proposed).toBe(1)
    const fresh = (await proposalsAbout('groups', class3B.id)).at(-1)!
    expect(fresh.status).toBe('pending')

    await payload.update({
      collection: 'groups',
      id: class3B.id,
      data: { homeroomTeacher: users.principal },
      overrideAccess: true,
    })
    const stale = await decide('vice_principal', fresh.id, { decision: 'accept' })
    expect(stale.status).toBe(409)
    expect(stale.body.errors[0].message).toContain('Hồ sơ đã thay đổi sau khi đề xuất được gửi')
    expect(
      (
        await payload.findByID({
          collection: 'groups',
          id: class3B.id,
          depth: 0,
          overrideAccess: true,
        })
      ).homeroomTeacher,
    ).toBe(users.principal)

    await payload.update({
      collection: 'groups',
      id: class3B.id,
      data: { homeroomTeacher: users.homeroom_teacher },
      overrideAccess: true,
    })
    const accepted = await decide('vice_principal', fresh.id, {
      decision: 'accept',
      note: 'Đồng ý.',
    })
    expect(accepted.status).toBe(200)
    expect(accepted.body.doc).toMatchObject({ status: 'accepted', decidedBy: users.vice_principal })
    const after = await payload.findByID({
      collection: 'groups',
      id: class3B.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after.homeroomTeacher).toBe(users.subject_teacher)
    // The new homeroom teacher now keeps the class's records.
    const pupil = (
      await payload.find({
        collection: 'students',
        where: { class: { equals: class3B.id } },
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0]
    expect(
      (await (await as('subject_teacher')).get(`/students/${pupil.id}`)).body.guardians?.length,
    ).toBeGreaterThan(0)

    await payload.update({
      collection: 'groups',
      id: class3B.id,
      data: { homeroomTeacher: users.homeroom_teacher },
      overrideAccess: true,
    })
  })
})

describe('an existing staff profile', () => {
  let before: StaffProfile
  let proposal: ImportProposal

  it('the import neither overwrites nor blanks it: the HR officer gets a proposal', async () => {
    before = (
      await payload.find({
        collection: 'staff-profiles',
        where: { email: { equals: demoLoginEmail('subject_teacher') } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    expect(before.phone).toBeTruthy()
    expect(before.qualifications?.[0]?.institution).toBeTruthy()
    const { summary } = await importAs(
      'it_teacher',
      await workbookOf({
        staff: [
          {
            email: demoLoginEmail('subject_teacher'),
            fullName: 'Trần Thị Mới Nhập',
            position: 'Giáo viên Tiếng Anh khối 3–5',
            qualification: 'Thạc sĩ',
            major: 'Ngôn ngữ Anh',
          },
        ],
      }),
    )
    // The importer is told the profile existed, not whether the file differs (Intake).
    expect(summary.staff).toEqual({ created: 0, existing: 1 })
    expect(await proposalsAbout('staff-profiles', before.id)).toHaveLength(1)
    const after = await payload.findByID({
      collection: 'staff-profiles',
      id: before.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after).toEqual(before)

    const filed = await proposalsAbout('staff-profiles', before.id)
    expect(filed).toHaveLength(1)
    proposal = filed[0]
    // Only what the file says: no blank phone, birth date or gender proposed.
    expect(proposal.changes.map((change) => change.field).sort()).toEqual([
      'fullName',
      'position',
      'qualifications',
    ])
    const qualifications = proposal.changes.find((change) => change.field === 'qualifications')!
    expect((qualifications.proposed as { value: unknown[] }).value).toHaveLength(2)
  })

  it('its values are read by the HR officer and the principal only', async () => {
    expect((await (await as('hr_officer')).get(`/import-proposals/${proposal.id}`)).status).toBe(
      200,
    )
    expect((await (await as('principal')).get(`/import-proposals/${proposal.id}`)).status).toBe(200)
    // The proposer and the vice-principal read other proposals, not this one.
    for (const role of ['it_teacher', 'vice_principal'] as const) {
      const client = await as(role)
      expect((await client.get(`/import-proposals/${proposal.id}`)).status, role).toBe(404)
      const list = await client.get(
        '/import-proposals?where[targetCollection][equals]=staff-profiles',
      )
      expect(list.body.totalDocs, role).toBe(0)
    }
    expect(
      (await (await as('subject_teacher')).get(`/import-proposals/${proposal.id}`)).status,
    ).toBe(403)
    const graphql = new GraphQLClient()
    await graphql.login(demoLoginEmail('it_teacher'), demoPassword())
    const answer = await graphql.query(
      '{ ImportProposals(where: { targetCollection: { equals: staff_profiles } }) { totalDocs } }',
    )
    expect(answer.errors).toBeUndefined()
    expect(answer.data.ImportProposals.totalDocs).toBe(0)
  })

  it('IT teacher, vice-principal cannot accept; the HR officer does, audited as them', async () => {
    for (const role of ['it_teacher', 'vice_principal', 'subject_teacher'] as const)
      expect((await decide(role, proposal.id, { decision: 'accept' })).status, role).toBe(403)
    const started = new Date().toISOString()
    const accepted = await decide('hr_officer', proposal.id, { decision: 'accept' })
    expect(accepted.status).toBe(200)
    const after = await payload.findByID({
      collection: 'staff-profiles',
      id: before.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(after).toMatchObject({
      fullName: 'Trần Thị Mới Nhập',
      position: 'Giáo viên Tiếng Anh khối 3–5',
      phone: before.phone,
    })
    expect(after.qualifications).toHaveLength(2)
    expect(after.qualifications?.[0]).toMatchObject({
      institution: before.qualifications?.[0]?.institution,
    })
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'staff-profiles' } },
          { docId: { equals: String(before.id) } },
          { action: { equals: 'update' } },
          { createdAt: { greater_than_equal: started } },
        ],
      },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ actor: users.hr_officer })
    expect(docs[0].fields).toEqual(
      expect.arrayContaining(['fullName', 'position', 'qualifications']),
    )
    expect((await decide('hr_officer', proposal.id, { decision: 'accept' })).status).toBe(409)
  })
})

/** How a decider reads a staff member: their name and e-mail. */
async function person(role: Role) {
  const user = await findUserByEmail(payload, demoLoginEmail(role))
  return `${user.fullName} (${user.email})`
}

async function pupilById(id: number | string) {
  return payload.findByID({ collection: 'students', id, depth: 0, overrideAccess: true })
}

const ddmmyyyy = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { timeZone: 'UTC' })

const changedFields = (proposal: ImportProposal) =>
  proposal.changes.map((change) => change.field).sort()

describe('an existing pupil', () => {
  let pupil: Student
  let class3A: Group
  let dataProposal: ImportProposal
  let moveProposal: ImportProposal

  it('the import changes nothing, a blank erases nothing: data and move are proposed', async () => {
    class3A = (
      await payload.find({
        collection: 'groups',
        where: { name: { equals: 'Lớp 3A' } },
        depth: 0,
        overrideAccess: true,
      })
    ).docs[0]
    const in3B = await payload.find({
      collection: 'students',
      where: { class: { equals: class3B.id } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    const chosen = in3B.docs.find((candidate) => candidate.guardians?.length === 2)!
    // Saved values the template's defaults (Kinh, no policy status) would have overwritten.
    await payload.update({
      collection: 'students',
      id: chosen.id,
      data: { ethnicity: 'Tày', policyStatus: 'poor_household' },
      depth: 0,
      overrideAccess: true,
    })
    pupil = await pupilById(chosen.id)
    const [father] = pupil.guardians!
    const { summary } = await importAs(
      'it_teacher',
      await workbookOf({
        pupils: [
          {
            studentCode: pupil.studentCode,
            fullName: `${pupil.fullName} Nhập`,
            dateOfBirth: ddmmyyyy(pupil.dateOfBirth),
            gender: pupil.gender === 'male' ? 'Nam' : 'Nữ',
            className: '3A',
            guardian1Name: father.name,
            guardian1Relationship: 'Bố',
            guardian1Phone: '0987654321',
          },
        ],
      }),
    )
    expect(summary.pupils).toEqual({ created: 0, existing: 1 })
    // Điều 6, 9.1: the record is the homeroom teacher's and leadership's, not the import's.
    expect(await pupilById(pupil.id)).toEqual(pupil)

    const filed = await proposalsAbout('students', pupil.id)
    expect(filed.map(changedFields)).toEqual([['fullName', 'guardians'], ['class']])
    ;[dataProposal, moveProposal] = filed
    // Only what the file says: no blank ethnicity, address or policy status proposed.
    const guardians = dataProposal.changes.find((change) => change.field === 'guardians')!
    expect(guardians.proposedText).toContain(`[Sửa] ${father.name} (Bố, ${father.phone}`)
    expect(guardians.proposedText).toContain(`→ ${father.name} (Bố, 0987654321`)
    expect(guardians.proposedText).not.toContain('[Thêm]')
  })

  it('the class move names both classes with school year and homeroom teacher', async () => {
    expect(moveProposal.changes).toMatchObject([
      {
        field: 'class',
        current: { value: class3B.id },
        proposed: { value: class3A.id },
        currentText: `Lớp 3B (${schoolYear}, GVCN ${await person('homeroom_teacher')})`,
        proposedText: `Lớp 3A (${schoolYear}, GVCN ${await person('group_head')})`,
      },
    ])
  })

  it('leadership decides, audited as the decider; not the proposer or a teacher', async () => {
    for (const proposal of [dataProposal, moveProposal]) {
      // The proposer does not read pupils' proposals; a homeroom teacher does not decide them.
      expect((await (await as('it_teacher')).get(`/import-proposals/${proposal.id}`)).status).toBe(
        404,
      )
      for (const role of ['homeroom_teacher', 'it_teacher', 'hr_officer'] as const)
        expect((await decide(role, proposal.id, { decision: 'accept' })).status, role).toBe(403)
    }
    const started = new Date().toISOString()
    expect((await decide('principal', moveProposal.id, { decision: 'accept' })).status).toBe(200)
    expect((await decide('vice_principal', dataProposal.id, { decision: 'accept' })).status).toBe(
      200,
    )
    const after = await pupilById(pupil.id)
    expect(after).toMatchObject({
      fullName: `${pupil.fullName} Nhập`,
      class: class3A.id,
      ethnicity: 'Tày',
      policyStatus: 'poor_household',
      permanentAddress: pupil.permanentAddress,
    })
    const [father, mother] = pupil.guardians!
    expect(after.guardians).toHaveLength(2)
    expect(after.guardians?.[0]).toMatchObject({
      name: father.name,
      phone: '0987654321',
      occupation: father.occupation,
    })
    expect(after.guardians?.[1]).toMatchObject({ name: mother.name, phone: mother.phone })
    expect(after.enrollmentEvents?.at(-1)).toMatchObject({
      kind: 'class_change',
      fromClass: class3B.id,
      toClass: class3A.id,
    })
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'students' } },
          { docId: { equals: String(pupil.id) } },
          { action: { equals: 'update' } },
          { createdAt: { greater_than_equal: started } },
        ],
      },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.map((entry) => entry.actor)).toEqual([users.principal, users.vice_principal])
    expect(docs[0].fields).toContain('class')
    expect(docs[1].fields).toEqual(expect.arrayContaining(['fullName', 'guardians']))
  })
})

/**
 * The attack of the report: a workbook gives next year's 3B the IT teacher as homeroom teacher,
 * moves a pupil of this year's 3B into it and adds the attacker as a guardian.
 */
describe("the IT teacher's takeover of a pupil through the import", () => {
  const nextYear = `${Number(schoolYear.slice(0, 4)) + 1}-${Number(schoolYear.slice(0, 4)) + 2}`
  let pupil: Student
  let newClass: Group
  let homeroomProposal: ImportProposal
  let moveProposal: ImportProposal
  let guardianProposal: ImportProposal
  const attackFile = () =>
    workbookOf({
      classes: [
        {
          name: '3B',
          grade: '3',
          schoolYear: nextYear,
          homeroomEmail: demoLoginEmail('it_teacher'),
        },
      ],
      pupils: [
        {
          studentCode: pupil.studentCode,
          fullName: pupil.fullName,
          dateOfBirth: ddmmyyyy(pupil.dateOfBirth),
          gender: pupil.gender === 'male' ? 'Nam' : 'Nữ',
          className: '3B',
          guardian1Name: 'Kẻ Tấn Công',
          guardian1Relationship: 'Bố',
          guardian1Phone: '0911111111',
        },
      ],
    })

  it('makes the class without its homeroom teacher, changes no pupil, proposes', async () => {
    const in3B = await payload.find({
      collection: 'students',
      where: { class: { equals: class3B.id } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    pupil = await pupilById(in3B.docs.find((candidate) => candidate.guardians?.length)!.id)
    const { summary } = await importAs('it_teacher', await attackFile())
    expect(summary.classes).toEqual({ created: 1, unchanged: 0, proposed: 1, pending: 0 })
    expect(summary.pupils).toEqual({ created: 0, existing: 1 })
    expect(await proposalsAbout('students', pupil.id)).toHaveLength(2)

    const listed = await (
      await as('it_teacher')
    ).get(`/groups?where[schoolYear][equals]=${nextYear}&depth=0`)
    expect(listed.body.docs).toHaveLength(1)
    newClass = listed.body.docs[0]
    expect(newClass).toMatchObject({ name: 'Lớp 3B', schoolYear: nextYear })
    expect(newClass.homeroomTeacher ?? null).toBeNull()
    expect(await pupilById(pupil.id)).toEqual(pupil)

    const [filed] = await proposalsAbout('groups', newClass.id)
    homeroomProposal = filed
    expect(homeroomProposal).toMatchObject({
      status: 'pending',
      proposedBy: users.it_teacher,
      targetLabel: `Lớp 3B (${nextYear})`,
      changes: [
        {
          field: 'homeroomTeacher',
          current: { value: null },
          proposed: { value: users.it_teacher },
          currentText: '(trống)',
          proposedText: await person('it_teacher'),
        },
      ],
    })
  })

  it('proposals name both years, both homeroom teachers, the guardian', async () => {
    const filed = await proposalsAbout('students', pupil.id)
    expect(filed.map(changedFields)).toEqual([['guardians'], ['class']])
    ;[guardianProposal, moveProposal] = filed
    expect(moveProposal.changes).toMatchObject([
      {
        currentText: `Lớp 3B (${schoolYear}, GVCN ${await person('homeroom_teacher')})`,
        proposedText: `Lớp 3B (${nextYear}, chưa có GVCN)`,
      },
    ])
    const [guardians] = guardianProposal.changes
    expect(guardians.proposedText).toContain('[Thêm] Kẻ Tấn Công (Bố, 0911111111)')
    expect(guardians.currentText).not.toContain('Kẻ Tấn Công')
    // Family data is for leadership: the IT teacher neither reads the pupil nor the proposal.
    const itTeacher = await as('it_teacher')
    expect((await itTeacher.get(`/import-proposals/${guardianProposal.id}`)).status).toBe(404)
    expect((await itTeacher.get(`/students/${pupil.id}`)).body.guardians).toBeUndefined()
    const principal = await as('principal')
    const shown = await principal.get(`/import-proposals/${guardianProposal.id}`)
    expect(shown.status).toBe(200)
    expect(shown.body.changes[0].proposedText).toContain('Kẻ Tấn Công')
    // A waiting proposal reads as of now: who keeps the class today, not when it was filed.
    const setKeeper = (homeroomTeacher: number | null) =>
      payload.update({
        collection: 'groups',
        id: newClass.id,
        data: { homeroomTeacher },
        overrideAccess: true,
      })
    await setKeeper(users.subject_teacher!)
    const move = await principal.get(`/import-proposals/${moveProposal.id}`)
    expect(move.body.changes[0].proposedText).toBe(
      `Lớp 3B (${nextYear}, GVCN ${await person('subject_teacher')})`,
    )
    await setKeeper(null)
  })

  it('after leadership rejects, nothing changed', async () => {
    for (const proposal of [homeroomProposal, moveProposal])
      expect((await decide('vice_principal', proposal.id, { decision: 'reject' })).status).toBe(200)
    const classAfter = await payload.findByID({
      collection: 'groups',
      id: newClass.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(classAfter.homeroomTeacher ?? null).toBeNull()
    expect(await pupilById(pupil.id)).toEqual(pupil)
  })

  it('an accepted guardian applies, audited as the decider; IT teacher reads none', async () => {
    for (const role of ['it_teacher', 'homeroom_teacher'] as const)
      expect((await decide(role, guardianProposal.id, { decision: 'accept' })).status).toBe(403)
    const started = new Date().toISOString()
    const accepted = await decide('vice_principal', guardianProposal.id, { decision: 'accept' })
    expect(accepted.status).toBe(200)
    expect(accepted.body.doc).toMatchObject({ status: 'accepted', decidedBy: users.vice_principal })
    const after = await pupilById(pupil.id)
    expect(after.guardians).toHaveLength(pupil.guardians!.length + 1)
    expect(after.guardians?.at(-1)).toMatchObject({ name: 'Kẻ Tấn Công', phone: '0911111111' })
    expect(after.class).toBe(class3B.id)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { collection: { equals: 'students' } },
          { docId: { equals: String(pupil.id) } },
          { action: { equals: 'update' } },
          { createdAt: { greater_than_equal: started } },
        ],
      },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ actor: users.vice_principal, fields: ['guardians'] })
    const seen = await (await as('it_teacher')).get(`/students/${pupil.id}`)
    expect(seen.body.guardians).toBeUndefined()
  })

  it('the same file again duplicates neither the class nor the guardian', async () => {
    const { summary } = await importAs('it_teacher', await attackFile())
    // The rejected homeroom teacher and move are proposed anew; the guardian is already there.
    expect(summary.classes).toEqual({ created: 0, unchanged: 0, proposed: 1, pending: 0 })
    expect(summary.pupils).toEqual({ created: 0, existing: 1 })
    const classes = await payload.count({
      collection: 'groups',
      where: { schoolYear: { equals: nextYear } },
      overrideAccess: true,
    })
    expect(classes.totalDocs).toBe(1)
    expect((await pupilById(pupil.id)).guardians).toHaveLength(pupil.guardians!.length + 1)
  })
})

describe('the summary tells the importer nothing about records they may not read', () => {
  it('a right guess at a guardian’s phone and a wrong one answer alike', async () => {
    const { docs } = await payload.find({
      collection: 'students',
      where: { 'guardians.phone': { exists: true } },
      limit: 1,
      depth: 1,
      overrideAccess: true,
    })
    const pupil = docs[0]
    const guardian = pupil.guardians![0]
    const className = (pupil.class as { name: string }).name.replace(/^Lớp /, '')
    const row = (phone: string) => ({
      studentCode: pupil.studentCode,
      fullName: pupil.fullName,
      dateOfBirth: ddmmyyyy(pupil.dateOfBirth),
      gender: pupil.gender === 'male' ? 'Nam' : 'Nữ',
      className,
      guardian1Name: guardian.name,
      guardian1Relationship: GUARDIAN_RELATIONSHIP_LABELS[guardian.relationship].vi,
      guardian1Phone: phone,
    })
    const answers = []
    const filed: number[] = []
    for (const phone of [guardian.phone, '0900000001']) {
      const { summary, message } = await importAs(
        'it_teacher',
        await workbookOf({ pupils: [row(phone)] }),
      )
      answers.push({ pupils: summary.pupils, staff: summary.staff, message })
      filed.push((await proposalsAbout('students', pupil.id)).length)
    }
    // The deciders see the difference: the right guess filed nothing, the wrong one a proposal.
    expect(filed[1]).toBe(filed[0] + 1)
    expect(answers[0]).toEqual(answers[1])
  })
})
