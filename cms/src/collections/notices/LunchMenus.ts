import type { CollectionBeforeChangeHook, CollectionConfig, DateFieldValidation } from 'payload'
import {
  MEALS,
  MEAL_LABELS,
  MENU_DAYS,
  MENU_DAY_LABELS,
  dayOfWeek,
  isMonday,
  menuWeekLabel,
  schoolYearOf,
  vietnamDay,
  type Meal,
  type MenuDay,
  type PublicLunchMenu,
} from '@school/shared'

import { collectionAccess } from '../../access/payload-access'
import { dateOnly } from '../../fields/records'
import { localize } from '../../lib/messages'
import {
  publicationEndpoints,
  publicationFields,
  publicationHooks,
  type NoticeSource,
} from '../../publication'
import type { LunchMenu } from '../../payload-types'

const GROUP = { vi: 'Website', en: 'Website' }

/** The week's Monday as a calendar day in Vietnam (the date picker stores a moment). */
export const weekKey = (value: string | null | undefined) => (value ? vietnamDay(value) : '')

const onAMonday: DateFieldValidation = (value, { req }) =>
  !value || isMonday(weekKey(String(value)))
    ? true
    : localize(req, {
        vi: 'Tuần của thực đơn bắt đầu ngày thứ Hai: chọn ngày thứ Hai của tuần.',
        en: 'A menu’s week starts on a Monday: pick the Monday.',
      })

/** Dishes are typed one per line; blank lines and stray spaces are not dishes. */
export const dishesOf = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

type MenuDayRow = NonNullable<LunchMenu['days']>[number]

function lastDayOf(days: MenuDayRow[] | null | undefined): MenuDay {
  const present = (days ?? []).map((day) => day.weekday as MenuDay)
  return present.includes('sat') ? 'sat' : 'fri'
}

const nameTheWeek: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data } as Partial<LunchMenu>
  const monday = weekKey(merged.weekOf)
  if (!monday) return data
  return {
    ...data,
    weekKey: monday,
    schoolYear: schoolYearOf(new Date(`${monday}T12:00:00+07:00`)),
    label: menuWeekLabel(monday, lastDayOf(merged.days)),
  }
}

/** Exactly what the page /thuc-don/ shows: the week, its days' dishes, the note. */
export function publicMenu(doc: LunchMenu): PublicLunchMenu {
  const monday = weekKey(doc.weekOf)
  const days = [...(doc.days ?? [])]
    .sort(
      (a, b) => MENU_DAYS.indexOf(a.weekday as MenuDay) - MENU_DAYS.indexOf(b.weekday as MenuDay),
    )
    .map((day) => ({
      weekday: day.weekday as MenuDay,
      label: MENU_DAY_LABELS[day.weekday as MenuDay].vi,
      date: dayOfWeek(monday, day.weekday as MenuDay),
      meals: [...(day.meals ?? [])]
        .sort((a, b) => MEALS.indexOf(a.meal as Meal) - MEALS.indexOf(b.meal as Meal))
        .map((meal) => ({
          meal: meal.meal as Meal,
          label: MEAL_LABELS[meal.meal as Meal].vi,
          dishes: dishesOf(meal.dishes),
        }))
        .filter((meal) => meal.dishes.length > 0),
    }))
    .filter((day) => day.meals.length > 0)
  return {
    weekOf: monday,
    label: doc.label ?? menuWeekLabel(monday),
    days,
    note: doc.note?.trim() || null,
  }
}

export const lunchMenuSource: NoticeSource<LunchMenu> = {
  collection: 'lunch-menus',
  kind: 'lunch_menu',
  snapshot: async (_req, doc) => {
    const menu = publicMenu(doc)
    return {
      key: menu.weekOf,
      title: `Thực đơn ${menu.label}`,
      path: '/thuc-don/',
      schoolYear: doc.schoolYear ?? null,
      data: menu as unknown as Record<string, unknown>,
    }
  },
  missingForSubmission: async (_req, doc) =>
    publicMenu(doc).days.length === 0
      ? {
          vi: 'Thực đơn chưa có món nào: nhập món ăn cho ít nhất một ngày trước khi gửi duyệt.',
          en: 'The menu has no dishes yet: enter at least one day’s dishes before submitting.',
        }
      : null,
}

const source = lunchMenuSource as unknown as NoticeSource<never>
const hooks = publicationHooks(source)

/**
 * Thực đơn bán trú (Điều 17.4): a week's dishes per day and meal, kept by the nurse and
 * leadership (access/policy.ts), read by staff, published through the notices' path as the
 * public snapshot `lunch_menu:<Monday>`.
 */
export const LunchMenus: CollectionConfig = {
  slug: 'lunch-menus',
  labels: {
    singular: { vi: 'Thực đơn bán trú', en: 'Lunch menu' },
    plural: { vi: 'Thực đơn bán trú', en: 'Lunch menus' },
  },
  admin: {
    group: GROUP,
    useAsTitle: 'label',
    defaultColumns: ['label', 'publicationStage', 'publicationLive', 'contentChangedAt'],
    description: {
      vi: 'Thực đơn từng tuần. Đăng lên website (trang Thực đơn) sau khi được duyệt.',
      en: 'Each week’s menu, published on the website (Lunch menu) once approved.',
    },
  },
  access: collectionAccess('lunch-menus'),
  defaultSort: '-weekOf',
  hooks: { beforeChange: [nameTheWeek, ...hooks.beforeChange], afterDelete: hooks.afterDelete },
  endpoints: publicationEndpoints(source),
  fields: [
    {
      name: 'weekOf',
      type: 'date',
      required: true,
      validate: onAMonday,
      label: { vi: 'Tuần bắt đầu (thứ Hai)', en: 'Week of (Monday)' },
      admin: dateOnly,
    },
    // One menu per week: the public page's key.
    { name: 'weekKey', type: 'text', unique: true, index: true, admin: { hidden: true } },
    {
      name: 'label',
      type: 'text',
      label: { vi: 'Tuần', en: 'Week' },
      admin: { readOnly: true, description: { vi: 'Tự đặt theo ngày.', en: 'From the date.' } },
    },
    { name: 'schoolYear', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'days',
      type: 'array',
      label: { vi: 'Các ngày', en: 'Days' },
      labels: { singular: { vi: 'Ngày', en: 'Day' }, plural: { vi: 'Ngày', en: 'Days' } },
      fields: [
        {
          name: 'weekday',
          type: 'select',
          required: true,
          label: { vi: 'Thứ', en: 'Day' },
          options: MENU_DAYS.map((value) => ({ value, label: MENU_DAY_LABELS[value] })),
        },
        {
          name: 'meals',
          type: 'array',
          label: { vi: 'Bữa ăn', en: 'Meals' },
          labels: { singular: { vi: 'Bữa', en: 'Meal' }, plural: { vi: 'Bữa', en: 'Meals' } },
          fields: [
            {
              name: 'meal',
              type: 'select',
              required: true,
              label: { vi: 'Bữa', en: 'Meal' },
              options: MEALS.map((value) => ({ value, label: MEAL_LABELS[value] })),
            },
            {
              name: 'dishes',
              type: 'textarea',
              required: true,
              label: { vi: 'Món ăn (mỗi dòng một món)', en: 'Dishes (one per line)' },
            },
          ],
        },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      label: { vi: 'Ghi chú (chất gây dị ứng…)', en: 'Note (allergens…)' },
    },
    ...publicationFields(source),
  ],
}
