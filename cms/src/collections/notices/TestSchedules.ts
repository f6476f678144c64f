import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import {
  PERIOD_LABELS,
  SESSIONS,
  TEST_SESSION_LABELS,
  compareVi,
  vietnamDay,
  type Period,
  type PublicTestSchedule,
  type Session,
} from '@school/shared'

import { collectionAccess } from '../../access/payload-access'
import { dateOnly } from '../../fields/records'
import {
  publicationEndpoints,
  publicationFields,
  publicationHooks,
  type NoticeSource,
} from '../../publication'
import type { TestSchedule } from '../../payload-types'
import { L, gradeOptions, periodOptions, schoolYearValidation } from '../assessment/labels'
import { fillEndpoint } from './test-schedule-fill'

const nameTheSchedule: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const merged = { ...originalDoc, ...data } as Partial<TestSchedule>
  const label = merged.period ? PERIOD_LABELS[merged.period as Period].vi : ''
  return { ...data, title: `Lịch kiểm tra ${label} năm học ${merged.schoolYear ?? ''}`.trim() }
}

/** Exactly what /lich-kiem-tra/ shows: grade, subject, day, session. No pupil, ever. */
export function publicSchedule(doc: TestSchedule): PublicTestSchedule {
  const rows = (doc.rows ?? [])
    .filter((row) => row.date && row.subject?.trim())
    .map((row) => ({
      grade: Number(row.grade),
      subject: row.subject.trim(),
      date: vietnamDay(row.date),
      session: (row.session ?? 'morning') as Session,
    }))
    .sort(
      (a, b) =>
        a.grade - b.grade ||
        a.date.localeCompare(b.date) ||
        SESSIONS.indexOf(a.session) - SESSIONS.indexOf(b.session) ||
        compareVi(a.subject, b.subject),
    )
  const period = doc.period as Period
  return { schoolYear: doc.schoolYear, period, periodLabel: PERIOD_LABELS[period].vi, rows }
}

export const testScheduleSource: NoticeSource<TestSchedule> = {
  collection: 'test-schedules',
  kind: 'test_schedule',
  snapshot: async (_req, doc) => {
    const schedule = publicSchedule(doc)
    return {
      key: `${doc.schoolYear}:${doc.period}`,
      title: `Lịch kiểm tra ${schedule.periodLabel} năm học ${doc.schoolYear}`,
      path: '/lich-kiem-tra/',
      schoolYear: doc.schoolYear,
      data: schedule as unknown as Record<string, unknown>,
    }
  },
  missingForSubmission: async (_req, doc) =>
    publicSchedule(doc).rows.length === 0
      ? {
          vi: 'Lịch kiểm tra chưa có dòng nào: bấm "Lấy từ lịch đánh giá" hoặc nhập trước khi gửi duyệt.',
          en: 'The schedule has no rows yet: fill it from the checkpoints or enter them first.',
        }
      : null,
}

const source = testScheduleSource as unknown as NoticeSource<never>
const hooks = publicationHooks(source)

/**
 * Lịch kiểm tra định kì (TT27 Điều 7; Điều 17.4): per school year and checkpoint, the grades'
 * tests by day and session, filled from the checkpoints ("Lấy từ lịch đánh giá") and adjusted by
 * leadership, published as the snapshot `test_schedule:<year>:<period>`.
 */
export const TestSchedules: CollectionConfig = {
  slug: 'test-schedules',
  labels: {
    singular: { vi: 'Lịch kiểm tra', en: 'Test schedule' },
    plural: { vi: 'Lịch kiểm tra định kì', en: 'Test schedules' },
  },
  admin: {
    group: { vi: 'Website', en: 'Website' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'publicationStage', 'publicationLive', 'contentChangedAt'],
  },
  access: collectionAccess('test-schedules'),
  defaultSort: '-schoolYear',
  indexes: [{ fields: ['schoolYear', 'period'], unique: true }],
  hooks: {
    beforeChange: [nameTheSchedule, ...hooks.beforeChange],
    afterDelete: hooks.afterDelete,
  },
  endpoints: [...publicationEndpoints(source), fillEndpoint],
  fields: [
    { name: 'title', type: 'text', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          validate: schoolYearValidation,
          label: L.schoolYear,
          admin: { placeholder: '2026-2027' },
        },
        { name: 'period', type: 'select', required: true, options: periodOptions, label: L.period },
      ],
    },
    {
      name: 'fillFromCheckpoints',
      type: 'ui',
      admin: {
        components: {
          Field: '/components/notices/FillTestSchedule#FillTestSchedule',
        },
      },
    },
    {
      name: 'rows',
      type: 'array',
      label: { vi: 'Các bài kiểm tra', en: 'Tests' },
      labels: { singular: { vi: 'Bài kiểm tra', en: 'Test' }, plural: { vi: 'Bài', en: 'Tests' } },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'grade',
              type: 'select',
              required: true,
              options: gradeOptions,
              label: { vi: 'Khối', en: 'Grade' },
            },
            { name: 'subject', type: 'text', required: true, label: { vi: 'Môn', en: 'Subject' } },
            {
              name: 'date',
              type: 'date',
              required: true,
              label: { vi: 'Ngày', en: 'Date' },
              admin: dateOnly,
            },
            {
              name: 'session',
              type: 'select',
              required: true,
              defaultValue: 'morning',
              label: { vi: 'Buổi', en: 'Session' },
              options: SESSIONS.map((value) => ({ value, label: TEST_SESSION_LABELS[value] })),
            },
          ],
        },
      ],
    },
    ...publicationFields(source),
  ],
}
