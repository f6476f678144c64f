/**
 * Assets and teaching equipment (Điều 6, 15) through the real stack: lending no more than is
 * available, a return in a worse condition, an approved disposal, the yearly inventory's
 * differences and approval, the value fields (written by the accountant only; read, filtered
 * and sorted by the accountant, leadership and the officer only, over REST and GraphQL), the
 * register's export as the user, and the reports against the seeded demo data.
 */
import ExcelJS from 'exceljs'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'
import { MINIMUM_EQUIPMENT, type Role } from '@school/shared'

import type { Asset, User } from '../../cms/src/payload-types'
import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { outcomeOf } from './support/outcome'
import { findUserByEmail, useTestSchool } from './support/payload'
import { pdfText } from './support/pdf'
import type {
  GraphQLClient as GraphQLClientType,
  RestClient as RestClientType,
} from './support/rest'

const school = useTestSchool()
let RestClient: typeof RestClientType
let GraphQLClient: typeof GraphQLClientType
const people = new Map<Role, User>()
const user = (role: Role) => people.get(role)!
const as = (role: Role) => ({ user: user(role), overrideAccess: false, depth: 0 }) as const
let counter = 0

async function newAsset(payload: Payload, data: Partial<Asset> = {}): Promise<Asset> {
  counter += 1
  return payload.create({
    collection: 'assets',
    ...as('equipment_officer'),
    data: {
      code: `TBDH-TEST-${String(counter).padStart(3, '0')}`,
      name: `Bộ thiết bị thử ${counter}`,
      kind: 'teaching_equipment',
      room: 'store',
      unit: 'bộ',
      quantity: 3,
      condition: 'good',
      ...data,
    } as Asset,
  })
}

const today = () => new Date().toISOString()
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()

async function lend(
  payload: Payload,
  asset: Asset,
  quantity: number,
  borrower: Role = 'subject_teacher',
) {
  return payload.create({
    collection: 'equipment-loans',
    ...as('equipment_officer'),
    data: {
      asset: asset.id,
      borrower: user(borrower).id,
      quantity,
      lentOn: today(),
      dueOn: daysFromNow(2),
    } as never,
  })
}

async function client(role: Role) {
  const rest = new RestClient()
  const login = await rest.login(demoLoginEmail(role), demoPassword())
  expect(login.status).toBe(200)
  return rest
}

async function sheetRows(response: Response): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
  const rows: unknown[][] = []
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

beforeAll(async () => {
  ;({ RestClient, GraphQLClient } = await import('./support/rest'))
  for (const role of [
    'principal',
    'vice_principal',
    'equipment_officer',
    'accountant',
    'subject_teacher',
    'homeroom_teacher',
    'librarian',
  ] as Role[])
    people.set(role, await findUserByEmail(school.payload, demoLoginEmail(role)))
})

describe('lending and taking back', () => {
  it('lends no more than is there, less what is out and what is broken', async () => {
    const { payload } = school
    const asset = await newAsset(payload, { quantity: 5, brokenQuantity: 1 })
    const first = await lend(payload, asset, 3)
    expect(first.status).toBe('out')
    expect(first.lentBy).toBe(user('equipment_officer').id)
    await expect(lend(payload, asset, 2)).rejects.toMatchObject({ status: 409 })
    const second = await lend(payload, asset, 1)
    expect(second.status).toBe('out')
    await expect(lend(payload, asset, 1)).rejects.toMatchObject({ status: 409 })
    // An asset broken as a whole lends nothing.
    const broken = await newAsset(payload, { quantity: 4, condition: 'damaged' })
    await expect(lend(payload, broken, 1)).rejects.toMatchObject({ status: 409 })
    // The register's quantity cannot drop below what is out and what is broken.
    await expect(
      payload.update({
        collection: 'assets',
        id: asset.id,
        ...as('equipment_officer'),
        data: { quantity: 4 },
      }),
    ).rejects.toMatchObject({ status: 409 })
    // Once returned, the items can be lent again.
    await payload.update({
      collection: 'equipment-loans',
      id: first.id,
      ...as('equipment_officer'),
      data: { returnedOn: today(), returnCondition: 'good' },
    })
    expect((await lend(payload, asset, 3)).status).toBe('out')
  })

  it('a return in a worse condition records a damage and updates the asset', async () => {
    const { payload } = school
    const asset = await newAsset(payload, { quantity: 4 })
    const loan = await lend(payload, asset, 2, 'homeroom_teacher')
    // The condition goes with the return date.
    await expect(
      payload.update({
        collection: 'equipment-loans',
        id: loan.id,
        ...as('equipment_officer'),
        data: { returnedOn: today() },
      }),
    ).rejects.toMatchObject({ status: 400 })
    const returned = await payload.update({
      collection: 'equipment-loans',
      id: loan.id,
      ...as('equipment_officer'),
      data: { returnedOn: today(), returnCondition: 'damaged' },
    })
    expect(returned.status).toBe('returned')
    expect(returned.receivedBy).toBe(user('equipment_officer').id)
    const after = await payload.findByID({
      collection: 'assets',
      id: asset.id,
      overrideAccess: true,
    })
    expect(after.brokenQuantity).toBe(2)
    expect(after.condition).toBe('minor_damage')
    const events = await payload.find({
      collection: 'asset-events',
      where: { loan: { equals: loan.id } },
      overrideAccess: true,
    })
    expect(events.docs).toHaveLength(1)
    expect(events.docs[0]).toMatchObject({ kind: 'damage', quantity: 2, status: 'recorded' })
    // Only 2 of 4 can be lent now; a returned loan no longer changes.
    await expect(lend(payload, asset, 3)).rejects.toMatchObject({ status: 409 })
    expect(
      await outcomeOf(() =>
        payload.update({
          collection: 'equipment-loans',
          id: loan.id,
          ...as('equipment_officer'),
          data: { note: 'sửa sau khi trả' },
        }),
      ),
    ).toBe('refused')
  })

  it('a borrower reads their own loans only; the server writes who lent', async () => {
    const { payload } = school
    const asset = await newAsset(payload)
    const mine = await lend(payload, asset, 1, 'subject_teacher')
    const theirs = await lend(payload, asset, 1, 'homeroom_teacher')
    const seen = await payload.find({
      collection: 'equipment-loans',
      ...as('subject_teacher'),
      limit: 0,
      pagination: false,
    })
    const ids = seen.docs.map((loan) => loan.id)
    expect(ids).toContain(mine.id)
    expect(ids).not.toContain(theirs.id)
    expect(seen.docs.every((loan) => loan.borrower === user('subject_teacher').id)).toBe(true)
    await expect(
      payload.create({
        collection: 'equipment-loans',
        ...as('equipment_officer'),
        data: {
          asset: asset.id,
          borrower: user('subject_teacher').id,
          quantity: 1,
          lentOn: today(),
          dueOn: today(),
          lentBy: user('principal').id,
        } as never,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('damage, repair and disposal', () => {
  it('an approved disposal takes the quantity off the register, never the asset', async () => {
    const { payload } = school
    const asset = await newAsset(payload, { quantity: 3 })
    const propose = (quantity: number) =>
      payload.create({
        collection: 'asset-events',
        ...as('equipment_officer'),
        data: {
          kind: 'disposal',
          asset: asset.id,
          quantity,
          date: today(),
          description: 'Hỏng không sửa được',
        } as never,
      })
    const partial = await propose(1)
    expect(partial.status).toBe('proposed')
    expect(partial.proposedBy).toBe(user('equipment_officer').id)
    // The officer proposes; leadership decides.
    await expect(
      payload.update({
        collection: 'asset-events',
        id: partial.id,
        ...as('equipment_officer'),
        data: { status: 'approved' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    const approved = await payload.update({
      collection: 'asset-events',
      id: partial.id,
      ...as('vice_principal'),
      data: { status: 'approved' },
    })
    expect(approved.decidedBy).toBe(user('vice_principal').id)
    expect(approved.decidedAt).toBeTruthy()
    let after = await payload.findByID({ collection: 'assets', id: asset.id, overrideAccess: true })
    expect(after.quantity).toBe(2)
    expect(after.condition).toBe('good')
    // More than what is there is refused, and nothing changes.
    const tooMany = await propose(5)
    await expect(
      payload.update({
        collection: 'asset-events',
        id: tooMany.id,
        ...as('principal'),
        data: { status: 'approved' },
      }),
    ).rejects.toMatchObject({ status: 409 })
    const rest = await propose(2)
    await payload.update({
      collection: 'asset-events',
      id: rest.id,
      ...as('principal'),
      data: { status: 'approved' },
    })
    after = await payload.findByID({ collection: 'assets', id: asset.id, overrideAccess: true })
    expect(after).toMatchObject({ quantity: 0, condition: 'disposed' })
    // Decided once; and nobody deletes an asset.
    await expect(
      payload.update({
        collection: 'asset-events',
        id: rest.id,
        ...as('principal'),
        data: { status: 'rejected' },
      }),
    ).rejects.toMatchObject({ status: expect.any(Number) })
    for (const role of ['equipment_officer', 'principal'] as Role[])
      expect(
        await outcomeOf(() => payload.delete({ collection: 'assets', id: asset.id, ...as(role) })),
      ).toBe('refused')
  })
})

describe('the yearly inventory', () => {
  it('computes differences, freezes when submitted, is approved, then locked', async () => {
    const { payload } = school
    const a = await newAsset(payload, { quantity: 10 })
    const b = await newAsset(payload, { quantity: 4 })
    const draft = await payload.create({
      collection: 'asset-inventories',
      ...as('equipment_officer'),
      data: {
        schoolYear: '2025-2026',
        date: today(),
        lines: [
          { asset: a.id, countedQuantity: 8, conditionFound: 'good', registeredQuantity: 99 },
          { asset: b.id, countedQuantity: 4, conditionFound: 'minor_damage' },
        ],
      } as never,
    })
    expect(draft.status).toBe('draft')
    expect(draft.lines?.map((line) => [line.registeredQuantity, line.difference])).toEqual([
      [10, -2],
      [4, 0],
    ])
    // Leadership approves; it does not count.
    await expect(
      payload.update({
        collection: 'asset-inventories',
        id: draft.id,
        ...as('vice_principal'),
        data: { status: 'approved' },
      }),
    ).rejects.toMatchObject({ status: 409 })
    const submitted = await payload.update({
      collection: 'asset-inventories',
      id: draft.id,
      ...as('equipment_officer'),
      data: { status: 'submitted' },
    })
    expect(submitted.submittedBy).toBe(user('equipment_officer').id)
    await expect(
      payload.update({
        collection: 'asset-inventories',
        id: draft.id,
        ...as('equipment_officer'),
        data: { lines: [{ asset: a.id, countedQuantity: 10 }] } as never,
      }),
    ).rejects.toMatchObject({ status: 409 })
    await expect(
      payload.update({
        collection: 'asset-inventories',
        id: draft.id,
        ...as('equipment_officer'),
        data: { status: 'approved' },
      }),
    ).rejects.toMatchObject({ status: 403 })
    const approved = await payload.update({
      collection: 'asset-inventories',
      id: draft.id,
      ...as('vice_principal'),
      data: { status: 'approved' },
    })
    expect(approved.approvedBy).toBe(user('vice_principal').id)
    expect(approved.approvedAt).toBeTruthy()
    for (const role of ['equipment_officer', 'vice_principal', 'principal'] as Role[])
      expect(
        await outcomeOf(() =>
          payload.update({
            collection: 'asset-inventories',
            id: draft.id,
            ...as(role),
            data: { conclusion: 'Sửa sau phê duyệt' },
          }),
        ),
      ).toBe('refused')
  })

  it('prints the seeded inventory as PDF and .xlsx with its differences', async () => {
    const { payload } = school
    const { docs } = await payload.find({
      collection: 'asset-inventories',
      where: { status: { equals: 'approved' } },
      sort: 'date',
      overrideAccess: true,
    })
    const seeded = docs[0]
    const officer = await client('equipment_officer')
    const pdf = await officer.raw('GET', `/equipment/inventories/${seeded.id}/report?format=pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()))
    expect(text).toContain('BIÊN BẢN KIỂM KÊ TÀI SẢN, THIẾT BỊ')
    expect(text).toContain(seeded.schoolYear)
    expect(text).toMatch(/CCDC-TV-GH-001 Ghế thư viện: trên sổ 40, kiểm kê 38\s+\(thiếu 2 cái\)/)
    expect(text).toMatch(/CCDC-MT-GV-001 Giá vẽ học sinh: trên sổ 20, kiểm kê 21\s+\(thừa 1 cái\)/)
    const xlsx = await officer.raw('GET', `/equipment/inventories/${seeded.id}/report?format=xlsx`)
    expect(xlsx.status).toBe(200)
    const rows = await sheetRows(xlsx)
    const chairs = rows.find((row) => row[1] === 'CCDC-TV-GH-001')
    expect(chairs?.slice(4, 7)).toEqual([40, 38, -2])
    // A teacher may not print it.
    const teacher = await client('subject_teacher')
    const refused = await teacher.raw(
      'GET',
      `/equipment/inventories/${seeded.id}/report?format=pdf`,
    )
    expect(refused.status).toBe(403)
  })
})

describe('the value fields (Điều 15)', () => {
  it('only the accountant writes them; the remaining value is computed', async () => {
    const { payload } = school
    const asset = await newAsset(payload)
    for (const role of ['equipment_officer', 'principal'] as Role[])
      await expect(
        payload.update({
          collection: 'assets',
          id: asset.id,
          ...as(role),
          data: { originalValue: 1_000_000 },
        }),
      ).rejects.toMatchObject({ status: 403 })
    const valued = await payload.update({
      collection: 'assets',
      id: asset.id,
      ...as('accountant'),
      data: { unitPrice: 500_000, originalValue: 1_500_000, accumulatedWear: 300_000 },
    })
    expect(valued.remainingValue).toBe(1_200_000)
    // The accountant keeps the values, not the register's facts.
    await expect(
      payload.update({
        collection: 'assets',
        id: asset.id,
        ...as('accountant'),
        data: { quantity: 99 },
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: 'assets',
        id: asset.id,
        ...as('accountant'),
        data: { remainingValue: 5 },
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('teachers read the register without values and cannot filter or sort by them', async () => {
    const { payload } = school
    const read = await payload.find({ collection: 'assets', ...as('subject_teacher'), limit: 5 })
    expect(read.docs.length).toBeGreaterThan(0)
    for (const doc of read.docs) {
      expect(doc).not.toHaveProperty('originalValue')
      expect(doc).not.toHaveProperty('remainingValue')
      expect(doc).not.toHaveProperty('unitPrice')
      expect(doc).not.toHaveProperty('accumulatedWear')
    }
    const officerRead = await payload.find({
      collection: 'assets',
      ...as('equipment_officer'),
      where: { code: { equals: 'TSCD-VP-PT-001' } },
    })
    expect(officerRead.docs[0].originalValue).toBe(45_000_000)

    const teacher = await client('subject_teacher')
    const spellings = [
      '/assets?where[originalValue][greater_than]=1000000',
      '/assets?where[or][0][remainingValue][less_than]=5',
      '/assets?where[AND][0][unitPrice][exists]=true',
      '/assets?sort=-originalValue',
      '/assets?sort=accumulatedWear',
      '/asset-events?where[cost][greater_than]=0',
    ]
    for (const path of spellings) {
      const response = await teacher.get(path)
      expect([403], `${path}: ${JSON.stringify(response.body)}`).toContain(response.status)
    }
    for (const role of ['accountant', 'vice_principal', 'equipment_officer'] as Role[]) {
      const allowed = await (
        await client(role)
      ).get('/assets?where[originalValue][greater_than]=40000000&sort=-remainingValue')
      expect(allowed.status, role).toBe(200)
      expect(allowed.body.docs.map((doc: Asset) => doc.code)).toContain('TSCD-VP-PT-001')
    }
    const graphql = new GraphQLClient()
    await graphql.login(demoLoginEmail('subject_teacher'), demoPassword())
    for (const query of [
      '{ Assets(where: { originalValue: { greater_than: 1000000 } }) { docs { id } } }',
      '{ Assets(sort: "-remainingValue") { docs { id } } }',
    ]) {
      const answer = await graphql.query(query)
      expect(answer.errors?.length, query).toBeGreaterThan(0)
      expect(answer.data?.Assets?.docs ?? []).toHaveLength(0)
    }
    const plain = await graphql.query('{ Assets(limit: 3) { docs { code originalValue } } }')
    expect(plain.data.Assets.docs.length).toBeGreaterThan(0)
    for (const doc of plain.data.Assets.docs) expect(doc.originalValue ?? null).toBeNull()
    const accountant = new GraphQLClient()
    await accountant.login(demoLoginEmail('accountant'), demoPassword())
    const sorted = await accountant.query(
      '{ Assets(sort: "-originalValue", limit: 1) { docs { code originalValue } } }',
    )
    expect(sorted.errors).toBeUndefined()
    expect(sorted.data.Assets.docs[0].originalValue).toBeGreaterThan(0)
  })

  it("a teacher's export of the register has no value columns; the accountant's has", async () => {
    const teacher = await client('subject_teacher')
    const theirs = await teacher.raw('GET', '/registers/assets/export')
    expect(theirs.status).toBe(200)
    const teacherRows = await sheetRows(theirs)
    const teacherHeader = teacherRows[2].map(String)
    expect(teacherHeader).toContain('Mã tài sản')
    expect(teacherHeader.some((cell) => /giá|hao mòn/i.test(cell))).toBe(false)
    const accountant = await client('accountant')
    const rows = await sheetRows(await accountant.raw('GET', '/registers/assets/export'))
    const header = rows[2].map(String)
    expect(header).toContain('Nguyên giá (đồng)')
    const copier = rows.find((row) => row[1] === 'TSCD-VP-PT-001')!
    expect(copier[header.indexOf('Nguyên giá (đồng)')]).toBe(45_000_000)
    // A teacher's export of the loans holds their own loans only.
    const loans = await sheetRows(await teacher.raw('GET', '/registers/equipment-loans/export'))
    const borrowers = loans.slice(3).map((row) => row[2])
    expect(borrowers.length).toBeGreaterThan(0)
    expect(new Set(borrowers)).toEqual(new Set([user('subject_teacher').fullName]))
    const officerLoans = await sheetRows(
      await (await client('equipment_officer')).raw('GET', '/registers/equipment-loans/export'),
    )
    expect(new Set(officerLoans.slice(3).map((row) => row[2])).size).toBeGreaterThan(1)
    // The librarian is no reader of the register: nothing in the file.
    const librarian = await client('librarian')
    const none = await librarian.raw('GET', '/registers/assets/export')
    if (none.status === 200) expect((await sheetRows(none)).length).toBe(3)
    else expect([403, 404]).toContain(none.status)
  })
})

describe('search, with or without Vietnamese marks', () => {
  it('finds equipment by name and loans by borrower or equipment', async () => {
    const teacher = await client('subject_teacher')
    for (const typed of ['mo hinh dong ho', 'Mô hình ĐỒNG HỒ']) {
      const found = await teacher.get(
        `/assets?where[searchText][like]=${encodeURIComponent(typed)}`,
      )
      expect(found.status).toBe(200)
      expect(found.body.docs.map((doc: Asset) => doc.name)).toContain('Mô hình đồng hồ (giáo viên)')
    }
    // The value of an asset is never in its search text.
    const byValue = await teacher.get('/assets?where[searchText][like]=45000000')
    expect(byValue.body.docs).toHaveLength(0)
    const officer = await client('equipment_officer')
    const typed = encodeURIComponent('hoang minh tuan qua dia cau')
    const loans = await officer.get(`/equipment-loans?depth=0&where[searchText][like]=${typed}`)
    expect(loans.status).toBe(200)
    expect(loans.body.docs.length).toBeGreaterThan(0)
    expect(
      loans.body.docs.every(
        (loan: { borrower: number }) => loan.borrower === user('subject_teacher').id,
      ),
    ).toBe(true)
  })
})

describe('reports against the seeded demo data', () => {
  it('by room, by subject, loans out and overdue, the minimum list', async () => {
    const officer = await client('equipment_officer')
    const room = await officer.get('/equipment/reports/room')
    expect(room.status).toBe(200)
    const library = room.body.rows.find((row: { key: string }) => row.key === 'library')
    // Reading tables 10, chairs 40, shelves 8, the catalogue cabinet 1.
    expect(library).toMatchObject({ assets: 4, quantity: 59 })
    expect(library.originalValue).toBe(10 * 2_200_000 + 40 * 450_000 + 8 * 3_100_000 + 4_500_000)
    const classroom = room.body.rows.find((row: { key: string }) => row.key === 'class-2a')
    expect(classroom).toMatchObject({ assets: 2, quantity: 19, broken: 0 })

    const subject = await officer.get('/equipment/reports/subject')
    const music = subject.body.rows.find((row: { label: string }) => row.label === 'Âm nhạc')
    expect(music).toMatchObject({ assets: 2, quantity: 2 })

    const loans = await officer.get('/equipment/reports/loans')
    const seededOut = loans.body.rows.filter((row: { code: string }) => !row.code.includes('TEST'))
    expect(seededOut).toHaveLength(2)
    const overdue = seededOut.filter((row: { overdue: boolean }) => row.overdue)
    expect(overdue).toHaveLength(1)
    expect(overdue[0].code).toMatch(/^TBDH-TN3-01-/)

    const minimum = await officer.get('/equipment/reports/minimum')
    expect(minimum.body.rows).toHaveLength(MINIMUM_EQUIPMENT.length)
    const missing = minimum.body.rows
      .filter((row: { verdict: string }) => row.verdict === 'missing')
      .map((row: { item: { code: string } }) => row.item.code)
      .sort()
    expect(missing).toEqual(['KH5-01', 'LS5-02', 'TN3-02'])
    const short = Object.fromEntries(
      minimum.body.rows
        .filter((row: { verdict: string }) => row.verdict === 'short')
        .map((row: { item: { code: string }; required: number; held: number }) => [
          row.item.code,
          [row.required, row.held],
        ]),
    )
    // T3-01 came back broken (1 of 2 usable), the computers are 18 of 20.
    expect(short).toEqual({
      'T2-02': [2, 1],
      'TV4-01': [2, 1],
      'T3-01': [2, 1],
      'TH3-01': [20, 18],
    })

    const xlsx = await officer.raw('GET', '/equipment/reports/minimum?format=xlsx')
    expect(xlsx.status).toBe(200)
    const rows = await sheetRows(xlsx)
    const globe = rows.find((row) => row[1] === 'TN3-02')
    expect(globe?.slice(6, 10)).toEqual([1, 0, 1, 'Chưa có'])

    for (const role of ['subject_teacher', 'librarian'] as Role[]) {
      const refused = await (await client(role)).get('/equipment/reports/room')
      expect(refused.status, role).toBe(403)
    }
    expect((await (await client('accountant')).get('/equipment/reports/loans')).status).toBe(200)
  })
})
