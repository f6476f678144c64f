/**
 * The principal approves a class's year (TT27 Điều 13; Điều 5.4): the class's end-of-year
 * entries are made through REST by the teachers assigned to them, the principal approves in the
 * admin's year-end page, and the class's year becomes read-only (a teacher's change answers 409,
 * the homeroom teacher's page has nothing left to save).
 */
import { expect, test, type APIRequestContext } from '@playwright/test'
import { schoolYearOf, traitsOfGrade } from '@school/shared'

import { demoLoginEmail, demoPassword } from '../../cms/src/seed/demo-school'
import { E2E } from '../../playwright.config'
import { adminAs } from './support'

const schoolYear = schoolYearOf(new Date())
const CLASS_NAME = 'Lớp 3B'

interface Doc {
  id: number
  [key: string]: unknown
}

class Api {
  constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async as(request: APIRequestContext, email: string): Promise<Api> {
    const response = await request.post(`${E2E.cmsURL}/api/users/login`, {
      data: { email, password: demoPassword() },
    })
    expect(response.status(), email).toBe(200)
    return new Api(request, (await response.json()).token)
  }

  async call(method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) {
    const response = await this.request.fetch(`${E2E.cmsURL}/api${path}`, {
      method,
      headers: { Authorization: `JWT ${this.token}` },
      data,
    })
    return { status: response.status(), body: await response.json().catch(() => ({})) }
  }

  async docs(path: string): Promise<Doc[]> {
    const { status, body } = await this.call('GET', path)
    expect(status, path).toBe(200)
    return body.docs
  }
}

const where = (conditions: Record<string, string | number>) =>
  Object.entries(conditions)
    .map(([field, value]) => `where[${field}][equals]=${encodeURIComponent(String(value))}`)
    .join('&')

/** Runs the calls a few at a time: the server is one process on a shared machine. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>, size = 6) {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work))
  }
}

test('the principal approves a complete class year and the year becomes read-only', async ({
  browser,
  request,
}) => {
  test.setTimeout(600_000)
  const principal = await Api.as(request, demoLoginEmail('principal'))
  const [schoolClass] = await principal.docs(
    `/groups?${where({ name: CLASS_NAME, kind: 'class', schoolYear })}&depth=0`,
  )
  expect(schoolClass).toBeTruthy()
  const classId = schoolClass!.id
  // Leadership opens the end-of-year window today, as they would in June.
  const [window] = await principal.docs(
    `/assessment-periods?${where({ schoolYear, period: 'end' })}`,
  )
  const day = 24 * 3600 * 1000
  const opened = await principal.call('PATCH', `/assessment-periods/${window!.id}`, {
    opensOn: new Date(Date.now() - 2 * day).toISOString(),
    closesOn: new Date(Date.now() + 10 * day).toISOString(),
  })
  expect(opened.status).toBe(200)

  const pupils = await principal.docs(
    `/students?${where({ class: classId, status: 'studying' })}&limit=100&depth=0`,
  )
  const subjects = (await principal.docs('/subjects?limit=100&depth=0')).filter((subject) =>
    (subject.grades as string[]).includes('3'),
  )
  const testedAtEnd = new Set(
    subjects
      .filter((subject) =>
        (subject.tests as Array<{ grade: string; periods: string[] }>).some(
          (test) => test.grade === '3' && test.periods.includes('end'),
        ),
      )
      .map((subject) => subject.code as string),
  )
  const assignments = await principal.docs(
    `/teaching-assignments?${where({ class: classId, schoolYear })}&limit=100&depth=1`,
  )
  const subjectsOf = new Map<string, string[]>()
  for (const assignment of assignments) {
    const email = (assignment.teacher as { email: string }).email
    if (!subjects.some((subject) => subject.code === assignment.subject)) continue
    subjectsOf.set(email, [...(subjectsOf.get(email) ?? []), assignment.subject as string])
  }
  expect([...subjectsOf.values()].flat().sort()).toEqual(
    subjects.map((subject) => subject.code as string).sort(),
  )

  // The page refuses the approval while the class's year is incomplete.
  const page = await adminAs(browser, 'principal')
  await page.goto(`/admin/year-end?class=${classId}`)
  await expect(
    page.getByRole('heading', { name: `${CLASS_NAME}, năm học ${schoolYear}` }),
  ).toBeVisible()
  const approve = page.getByRole('button', { name: 'Phê duyệt kết quả năm học' })
  await expect(approve).toBeDisabled()
  await expect(page.locator('.year-end-view__missing')).toContainText('chưa thể phê duyệt')

  // Each assigned teacher enters the class's end-of-year results; the homeroom teacher the traits.
  const found: { english?: Api; entry?: number } = {}
  for (const [email, codes] of subjectsOf) {
    const teacher = await Api.as(request, email)
    const entries = pupils.flatMap((pupil) => codes.map((code) => ({ pupil, code })))
    await inBatches(entries, async ({ pupil, code }) => {
      const created = await teacher.call('POST', '/assessments', {
        student: pupil.id,
        class: classId,
        subject: code,
        period: 'end',
        schoolYear,
        level: 'T',
        score: testedAtEnd.has(code) ? 9 : undefined,
      })
      expect(created.status, `${email} ${code}`).toBe(201)
      if (code === 'ngoai-ngu') {
        found.entry = created.body.doc.id
        found.english = teacher
      }
    })
  }
  const homeroom = await Api.as(request, demoLoginEmail('homeroom_teacher'))
  await inBatches(pupils, async (pupil) => {
    const created = await homeroom.call('POST', '/trait-assessments', {
      student: pupil.id,
      class: classId,
      period: 'end',
      schoolYear,
      traits: traitsOfGrade(3).map((trait) => ({ trait, level: 'T' })),
    })
    expect(created.status).toBe(201)
  })
  expect(found.entry).toBeDefined()

  await page.reload()
  await expect(approve).toBeEnabled()
  await expect(
    page.getByRole('row').filter({ hasText: 'Hoàn thành xuất sắc' }).first(),
  ).toBeVisible()
  await approve.click()
  await expect(page.getByText(/Đã phê duyệt bởi .+ lúc/)).toBeVisible()
  await expect(approve).toHaveCount(0)

  // The class's year is read-only: the English teacher's change is refused with the reason.
  const changed = await found.english!.call('PATCH', `/assessments/${found.entry}`, {
    comment: 'Sửa sau khi đã phê duyệt.',
  })
  expect(changed.status).toBe(409)
  expect(changed.body.errors[0].message).toContain('Hiệu trưởng đã phê duyệt')
  const answer = await homeroom.call('GET', `/year-end/${classId}`)
  expect(answer.body.may.lock).toBe('approved')

  const homeroomPage = await adminAs(browser, 'homeroom_teacher')
  await homeroomPage.goto(`/admin/year-end?class=${classId}`)
  await expect(homeroomPage.getByText(/Đã phê duyệt bởi/)).toBeVisible()
  await expect(homeroomPage.getByRole('button', { name: 'Lưu', exact: true })).toHaveCount(0)
})
