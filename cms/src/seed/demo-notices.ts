/**
 * Demo lunch menus and test schedule (issue 15, Điều 17.4), through the notices' real path as
 * their people: the nurse writes this week's and next week's menus and sends them, a
 * vice-principal approves, the web admin publishes; the academic vice-principal fills the
 * current checkpoint's test schedule from the checkpoints, moves it to the coming school days,
 * sends it, the principal approves, the web admin publishes.
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import { plusDays, mondayOf, schoolYearOf, vietnamDay, type Period } from '@school/shared'

import { rowsFromCheckpoints } from '../collections/notices/test-schedule-fill'
import { lunchMenuSource } from '../collections/notices/LunchMenus'
import { testScheduleSource } from '../collections/notices/TestSchedules'
import { applyPublicationStep } from '../publication/apply'
import type { NoticeSource } from '../publication'
import type { LunchMenu, User } from '../payload-types'

type Days = NonNullable<LunchMenu['days']>

/** Two weeks of a semi-boarding menu, as a school nurse writes it. */
const WEEKS: Array<{ days: Days; note: string }> = [
  {
    note: 'Món cá có thể còn xương nhỏ; học sinh dị ứng hải sản được thay bằng thịt gà (báo trước với cô y tế).',
    days: [
      {
        weekday: 'mon',
        meals: [
          {
            meal: 'lunch',
            dishes: 'Cơm trắng\nThịt kho trứng cút\nCanh bí đỏ nấu tôm\nRau muống xào tỏi',
          },
          { meal: 'afternoon_snack', dishes: 'Sữa chua\nChuối' },
        ],
      },
      {
        weekday: 'tue',
        meals: [
          {
            meal: 'lunch',
            dishes: 'Cơm trắng\nGà rim gừng\nCanh cải nấu thịt băm\nĐậu cô ve luộc',
          },
          { meal: 'afternoon_snack', dishes: 'Bánh bông lan\nSữa tươi' },
        ],
      },
      {
        weekday: 'wed',
        meals: [
          { meal: 'lunch', dishes: 'Cơm trắng\nCá basa sốt cà chua\nCanh chua nấu rau\nSu su xào' },
          { meal: 'afternoon_snack', dishes: 'Chè đậu xanh' },
        ],
      },
      {
        weekday: 'thu',
        meals: [
          { meal: 'lunch', dishes: 'Bún bò\nRau sống\nDưa hấu' },
          { meal: 'afternoon_snack', dishes: 'Sữa đậu nành\nBánh quy' },
        ],
      },
      {
        weekday: 'fri',
        meals: [
          {
            meal: 'lunch',
            dishes: 'Cơm trắng\nĐậu phụ nhồi thịt sốt cà chua\nCanh rau ngót\nCải thảo luộc',
          },
          { meal: 'afternoon_snack', dishes: 'Sữa chua uống\nThanh long' },
        ],
      },
    ],
  },
  {
    note: 'Bánh mì thứ Năm có gluten và trứng.',
    days: [
      {
        weekday: 'mon',
        meals: [
          { meal: 'lunch', dishes: 'Cơm trắng\nThịt lợn rang\nCanh mồng tơi nấu cua\nBí xanh xào' },
          { meal: 'afternoon_snack', dishes: 'Sữa tươi\nĐu đủ' },
        ],
      },
      {
        weekday: 'tue',
        meals: [
          { meal: 'lunch', dishes: 'Cơm trắng\nTrứng đúc thịt\nCanh bầu nấu tôm\nRau cải xào' },
          { meal: 'afternoon_snack', dishes: 'Bánh flan' },
        ],
      },
      {
        weekday: 'wed',
        meals: [
          { meal: 'lunch', dishes: 'Phở gà\nRau thơm\nCam' },
          { meal: 'afternoon_snack', dishes: 'Sữa chua\nBánh quy' },
        ],
      },
      {
        weekday: 'thu',
        meals: [
          { meal: 'lunch', dishes: 'Cơm trắng\nCá thu sốt cà chua\nCanh cải nấu thịt\nGiá đỗ xào' },
          { meal: 'afternoon_snack', dishes: 'Bánh mì trứng\nSữa tươi' },
        ],
      },
      {
        weekday: 'fri',
        meals: [
          { meal: 'lunch', dishes: 'Cơm trắng\nGà chiên nước mắm\nCanh bí đao\nSu hào xào cà rốt' },
          { meal: 'afternoon_snack', dishes: 'Chè bưởi' },
        ],
      },
    ],
  },
]

async function requestOf(payload: Payload, user: User | undefined): Promise<PayloadRequest> {
  if (!user) throw new Error('demo-notices: a demo account is missing')
  return createLocalReq({ user: { ...user, collection: 'users' } }, payload)
}

async function step(
  req: PayloadRequest,
  source: NoticeSource<never>,
  id: number | string,
  action: 'submit' | 'approve' | 'publish',
) {
  await applyPublicationStep(req, source, { id, action })
}

/** The next school day (Monday to Friday) after `day`. */
function nextSchoolDay(day: string): string {
  let current = plusDays(day, 1)
  while ([0, 6].includes(new Date(`${current}T00:00:00.000Z`).getUTCDay()))
    current = plusDays(current, 1)
  return current
}

/** The checkpoint whose entry window is open today, or the next one to open. */
async function currentPeriod(req: PayloadRequest, schoolYear: string): Promise<Period | null> {
  const today = vietnamDay()
  const { docs } = await req.payload.find({
    collection: 'assessment-periods',
    where: { schoolYear: { equals: schoolYear } },
    sort: 'opensOn',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const open = docs.find((window) => vietnamDay(window.closesOn) >= today)
  return (open?.period as Period | undefined) ?? null
}

export async function seedDemoNotices(payload: Payload, staff: Map<string, User>): Promise<void> {
  const started = Date.now()
  const nurse = await requestOf(payload, staff.get('nurse'))
  const vicePrincipal = await requestOf(payload, staff.get('vp-activities'))
  const viceAcademic = await requestOf(payload, staff.get('vp-academic'))
  const principal = await requestOf(payload, staff.get('principal'))
  const webAdmin = await requestOf(payload, staff.get('web-admin'))
  const menus = lunchMenuSource as unknown as NoticeSource<never>
  const schedules = testScheduleSource as unknown as NoticeSource<never>

  const thisMonday = mondayOf(vietnamDay())
  for (const [index, week] of WEEKS.entries()) {
    const monday = plusDays(thisMonday, 7 * index)
    const menu = await payload.create({
      collection: 'lunch-menus',
      data: {
        weekOf: `${monday}T05:00:00.000Z`,
        days: week.days,
        note: week.note,
        publicationStage: 'draft',
      },
      user: nurse.user,
      overrideAccess: false,
      req: nurse,
    })
    await step(nurse, menus, menu.id, 'submit')
    await step(vicePrincipal, menus, menu.id, 'approve')
    await step(webAdmin, menus, menu.id, 'publish')
  }

  const schoolYear = schoolYearOf(new Date())
  const period = await currentPeriod(viceAcademic, schoolYear)
  if (period) {
    const schedule = await payload.create({
      collection: 'test-schedules',
      data: { schoolYear, period, publicationStage: 'draft' },
      user: viceAcademic.user,
      overrideAccess: false,
      req: viceAcademic,
    })
    // Filled from the checkpoints, then moved as the school plans it: from the next school day.
    const rows = await rowsFromCheckpoints(viceAcademic, schoolYear, period)
    const firstDay = rows.map((row) => vietnamDay(row.date)).sort()[0]
    const days = [...new Set(rows.map((row) => vietnamDay(row.date)))].sort()
    const moved = new Map<string, string>()
    let day = vietnamDay()
    for (const original of days) moved.set(original, (day = nextSchoolDay(day)))
    await payload.update({
      collection: 'test-schedules',
      id: schedule.id,
      data: {
        rows: rows.map((row) => ({
          ...row,
          date: `${moved.get(vietnamDay(row.date)) ?? firstDay}T05:00:00.000Z`,
        })),
      },
      user: viceAcademic.user,
      overrideAccess: false,
      req: viceAcademic,
    })
    await step(viceAcademic, schedules, schedule.id, 'submit')
    await step(principal, schedules, schedule.id, 'approve')
    await step(webAdmin, schedules, schedule.id, 'publish')
  }
  payload.logger.info(`Demo lunch menus and test schedule published in ${Date.now() - started} ms.`)
}
