import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import {
  BREACH_NOTICE_HOURS,
  BREACH_NOTIFIED_PARTIES,
  BREACH_NOTIFIED_PARTY_LABELS,
  breachNoticeDeadline,
  optionsOf,
} from '@school/shared'

import { collectionAccess, fieldAccess, fieldReadAccess } from '../access/payload-access'
import { audited } from '../audit/hooks'
import { notInFuture } from '../fields/records'
import { userError } from '../lib/messages'
import type { DataBreach } from '../payload-types'

const dayAndTime = {
  date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
} as const

/** The 72-hour deadline follows the finding; who recorded it is the server's to say. */
const keepNoticeDeadline: CollectionBeforeChangeHook<DataBreach> = ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as DataBreach
  if (
    merged.happenedAt &&
    merged.foundAt &&
    new Date(merged.happenedAt).getTime() > new Date(merged.foundAt).getTime()
  ) {
    throw userError(req, 400, {
      vi: 'Thời điểm xảy ra không thể sau thời điểm phát hiện.',
      en: 'It cannot have happened after it was found.',
    })
  }
  return {
    ...data,
    // The authority's notice, if only entered in the list of who was told.
    authorityNotifiedAt:
      merged.authorityNotifiedAt ??
      (merged.notifications ?? [])
        .filter((entry) => entry.party === 'authority')
        .map((entry) => entry.at)
        .sort()[0] ??
      null,
    noticeDeadline: merged.foundAt
      ? breachNoticeDeadline(new Date(merged.foundAt)).toISOString()
      : null,
    ...(operation === 'create' && { recordedBy: req.user?.id ?? null }),
  }
}

/**
 * A breach of personal data (Law 91/2025/QH15, as best known Điều 23; Decree 356/2025): what
 * happened, what and whom it touched, when it happened and was found, by whom, what was done,
 * and who was told when. The authority (A05, Bộ Công an) must be told within 72 hours of the
 * finding: the deadline is shown in the list and on the dashboard until the notice is recorded.
 */
export const DataBreaches: CollectionConfig = audited({
  slug: 'data-breaches',
  labels: {
    singular: { vi: 'Sự cố dữ liệu cá nhân', en: 'Data breach' },
    plural: { vi: 'Sự cố dữ liệu cá nhân', en: 'Data breaches' },
  },
  admin: {
    group: { vi: 'Hồ sơ', en: 'Records' },
    useAsTitle: 'summary',
    defaultColumns: ['foundAt', 'summary', 'pupilCount', 'noticeDeadline', 'authorityNotifiedAt'],
    description: {
      vi:
        'Ghi nhận sự cố lộ, mất dữ liệu cá nhân. Thông báo Bộ Công an (A05) trong ' +
        `${BREACH_NOTICE_HOURS} giờ kể từ khi phát hiện.`,
      en:
        'Record of personal data breaches. Notify A05 within ' +
        `${BREACH_NOTICE_HOURS} hours of finding.`,
    },
  },
  access: collectionAccess('data-breaches'),
  defaultSort: '-foundAt',
  hooks: { beforeChange: [keepNoticeDeadline] },
  fields: [
    {
      name: 'summary',
      type: 'text',
      required: true,
      label: { vi: 'Sự cố (tóm tắt)', en: 'What happened (summary)' },
    },
    {
      name: 'description',
      type: 'textarea',
      required: true,
      label: { vi: 'Diễn biến', en: 'What happened' },
    },
    {
      name: 'dataAffected',
      type: 'textarea',
      required: true,
      label: { vi: 'Dữ liệu bị ảnh hưởng', en: 'Data affected' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'pupilCount',
          type: 'number',
          required: true,
          min: 0,
          label: { vi: 'Số học sinh bị ảnh hưởng', en: 'Pupils affected (count)' },
        },
        {
          name: 'pupilsAffected',
          type: 'relationship',
          relationTo: 'students',
          hasMany: true,
          label: { vi: 'Học sinh bị ảnh hưởng', en: 'Pupils affected' },
          access: {
            ...fieldReadAccess('data-breaches', 'pupilsAffected'),
            ...fieldAccess('data-breaches', 'pupilsAffected', {
              vi: 'Học sinh bị ảnh hưởng',
              en: 'Pupils affected',
            }),
          },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'happenedAt',
          type: 'date',
          validate: notInFuture,
          label: { vi: 'Thời điểm xảy ra', en: 'Happened at' },
          admin: dayAndTime,
        },
        {
          name: 'foundAt',
          type: 'date',
          required: true,
          index: true,
          validate: notInFuture,
          label: { vi: 'Thời điểm phát hiện', en: 'Found at' },
          admin: dayAndTime,
        },
        {
          name: 'foundBy',
          type: 'text',
          required: true,
          label: { vi: 'Người phát hiện', en: 'Found by' },
        },
      ],
    },
    {
      name: 'measures',
      type: 'textarea',
      label: { vi: 'Biện pháp đã thực hiện', en: 'Measures taken' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'noticeDeadline',
          type: 'date',
          index: true,
          label: { vi: `Hạn thông báo (${BREACH_NOTICE_HOURS} giờ)`, en: 'Notice deadline' },
          admin: {
            ...dayAndTime,
            readOnly: true,
            components: { Cell: '/components/data-rights/DeadlineCell#BreachNoticeCell' },
          },
          access: fieldAccess('data-breaches', 'noticeDeadline', {
            vi: 'Hạn thông báo',
            en: 'Notice deadline',
          }),
        },
        {
          name: 'authorityNotifiedAt',
          type: 'date',
          validate: notInFuture,
          label: { vi: 'Đã báo Bộ Công an (A05) lúc', en: 'Authority (A05) told at' },
          admin: dayAndTime,
        },
      ],
    },
    {
      name: 'notifications',
      type: 'array',
      label: { vi: 'Đã thông báo cho', en: 'Who was told' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'party',
              type: 'select',
              required: true,
              options: optionsOf(BREACH_NOTIFIED_PARTIES, BREACH_NOTIFIED_PARTY_LABELS),
              label: { vi: 'Bên được thông báo', en: 'Told' },
            },
            {
              name: 'at',
              type: 'date',
              required: true,
              validate: notInFuture,
              label: { vi: 'Lúc', en: 'At' },
              admin: dayAndTime,
            },
            { name: 'how', type: 'text', label: { vi: 'Hình thức, số văn bản', en: 'How' } },
          ],
        },
      ],
    },
    {
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người ghi nhận', en: 'Recorded by' },
      admin: { readOnly: true, position: 'sidebar' },
      access: fieldAccess('data-breaches', 'recordedBy', {
        vi: 'Người ghi nhận',
        en: 'Recorded by',
      }),
    },
  ],
})
