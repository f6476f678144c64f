import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
} from 'payload'
import {
  DATA_REQUEST_CHANNEL_LABELS,
  DATA_REQUEST_CHANNELS,
  DATA_REQUEST_KIND_LABELS,
  DATA_REQUEST_KINDS,
  DATA_REQUEST_NEXT,
  DATA_REQUEST_STATUS_LABELS,
  DATA_REQUEST_STATUSES,
  GUARDIAN_RELATIONSHIP_LABELS,
  GUARDIAN_RELATIONSHIPS,
  dataRequestDeadlines,
  optionsOf,
  type DataRequestKind,
  type DataRequestStatus,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { collectionAccess, fieldAccess } from '../access/payload-access'
import { dataRightsPolicy, type fieldWritePolicy } from '../access/policy'
import { audited } from '../audit/hooks'
import { erasePupilData, refuseErasureOfStudyingPupil } from '../data-rights/erasure'
import { dateOnly, notInFuture } from '../fields/records'
import { idOf } from '../lib/ids'
import { userError, type Message } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import type { DataRequest } from '../payload-types'
import { takeDownPostsOf } from '../workflow/consent-withdrawal'

const L = {
  pupil: { vi: 'Học sinh', en: 'Pupil' },
  kind: { vi: 'Loại yêu cầu', en: 'Kind' },
  receivedOn: { vi: 'Ngày nhận', en: 'Received on' },
  status: { vi: 'Trạng thái', en: 'Status' },
  acknowledgeBy: { vi: 'Hạn xác nhận', en: 'Acknowledge by' },
  completeBy: { vi: 'Hạn hoàn thành', en: 'Complete by' },
  acknowledgedAt: { vi: 'Ngày xác nhận', en: 'Acknowledged on' },
  acknowledgedBy: { vi: 'Người xác nhận', en: 'Acknowledged by' },
  decidedAt: { vi: 'Ngày hoàn thành / từ chối', en: 'Decided on' },
  decidedBy: { vi: 'Người quyết định', en: 'Decided by' },
  erasureReport: { vi: 'Đã xóa và được giữ lại', en: 'Erased and kept' },
  recordedBy: { vi: 'Người ghi nhận', en: 'Recorded by' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['data-requests'] & keyof typeof L

function written(field: WrittenField) {
  return { access: fieldAccess('data-requests', field, L[field]) }
}

/**
 * Checks and records each step: a request moves forward only (received → acknowledged →
 * completed or refused), completing or refusing is `dataRightsPolicy.decideRequest`'s, a refusal
 * says why; the server keeps the clock, each step's date and person, and carries out what a
 * completed withdrawal or erasure means for the pupil's data.
 */
const keepRequestSteps: CollectionBeforeChangeHook<DataRequest> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as DataRequest
  const from: DataRequestStatus | undefined = originalDoc?.status as DataRequestStatus | undefined
  const to = (merged.status ?? 'received') as DataRequestStatus
  const now = new Date().toISOString()
  const result: Partial<DataRequest> = { ...data }
  if (operation === 'create') {
    if (to !== 'received') {
      throw userError(req, 400, {
        vi: 'Yêu cầu mới ghi nhận ở trạng thái "Đã nhận"; xác nhận, hoàn thành là các bước sau.',
        en: 'A new request starts as "received"; acknowledging and completing come later.',
      })
    }
    result.recordedBy = req.user?.id ?? null
  }
  if (merged.receivedOn && merged.kind) {
    const deadlines = dataRequestDeadlines(
      new Date(merged.receivedOn),
      merged.kind as DataRequestKind,
    )
    result.acknowledgeBy = deadlines.acknowledgeBy.toISOString()
    result.completeBy = deadlines.completeBy.toISOString()
  }
  if (operation === 'update' && from && to !== from) {
    if (!DATA_REQUEST_NEXT[from].includes(to)) {
      throw userError(req, 409, {
        vi:
          `Không chuyển được từ "${DATA_REQUEST_STATUS_LABELS[from].vi}" sang ` +
          `"${DATA_REQUEST_STATUS_LABELS[to].vi}": yêu cầu chỉ đi tiếp, không quay lại.`,
        en: `Cannot go from "${from}" to "${to}": a request only moves forward.`,
      })
    }
    // Answering a request at all is acknowledging it: completing or refusing one never
    // acknowledged acknowledges it on the same day.
    if (from === 'received') {
      result.acknowledgedAt = now
      result.acknowledgedBy = req.user?.id ?? null
    }
    if (to === 'completed' || to === 'refused') {
      await authorize(req, dataRightsPolicy.decideRequest, {
        vi:
          'Hoàn thành hoặc từ chối yêu cầu về dữ liệu của học sinh do Hiệu trưởng, ' +
          'Phó Hiệu trưởng quyết định.',
        en:
          "Completing or refusing a request about a pupil's data is for the principal " +
          'or a vice-principal.',
      })
      if (to === 'refused' && !merged.refusalReason?.trim()) {
        throw userError(req, 400, {
          vi: 'Từ chối yêu cầu cần ghi lý do (căn cứ pháp luật) để trả lời cha mẹ.',
          en: 'A refusal needs its reason (the legal ground) for the reply.',
        })
      }
      result.decidedAt = now
      result.decidedBy = req.user?.id ?? null
    }
    const pupil = idOf(merged.pupil)
    // Refused before anything is saved: a pupil still studying here keeps their records.
    if (to === 'completed' && pupil !== null && merged.kind === 'erasure') {
      const record = await req.payload.findByID({
        collection: 'students',
        id: pupil,
        depth: 0,
        select: { status: true },
        user: req.user,
        req,
        overrideAccess: false,
      })
      refuseErasureOfStudyingPupil(req, record)
    }
  }
  return result
}

/**
 * Carries out a completed withdrawal or erasure once the step is saved. Run before the save (it
 * was), a completion the save then refused (a required field emptied, a bad option: 400) had
 * already erased the pupil's data and taken their posts down, with the request left open and no
 * report of what was removed.
 */
const carryOutCompletedRequest: CollectionAfterChangeHook<DataRequest> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || previousDoc?.status === 'completed') return doc
  if (doc.status !== 'completed') return doc
  const pupil = idOf(doc.pupil)
  if (pupil === null) return doc
  if (doc.kind === 'erasure') {
    const erasureReport = await erasePupilData(req, pupil, doc.id)
    // The report is the server's (fieldWritePolicy: erasureInProgress), kept with the request.
    await withFlag(req, 'dataErasure', () =>
      req.payload.update({
        collection: 'data-requests',
        id: doc.id,
        data: { erasureReport },
        user: req.user,
        req,
        overrideAccess: false,
        depth: 0,
      }),
    )
    return { ...doc, erasureReport }
  }
  if (doc.kind === 'withdraw_consent') {
    await req.payload.update({
      collection: 'students',
      id: pupil,
      data: { consent: { guardian: false, pupil: false, recordedOn: new Date().toISOString() } },
      user: req.user,
      req,
      overrideAccess: false,
      depth: 0,
    })
    // The pupil's record hook takes the posts down; this catches a consent already false
    // with a post published before the rule existed.
    await takeDownPostsOf(req, pupil, `yêu cầu số ${doc.id}`)
  }
  return doc
}

/**
 * A guardian's request about a pupil's data (Law 91/2025/QH15; Decree 356/2025/NĐ-CP): what was
 * asked, when, and each step with its date and person; the legal clock (shared/data-rights.ts)
 * is shown in the list and on the leadership's dashboard. Audited like the pupil's record.
 */
export const DataRequests: CollectionConfig = audited({
  slug: 'data-requests',
  labels: {
    singular: { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Data request' },
    plural: { vi: 'Yêu cầu về dữ liệu cá nhân', en: 'Data requests' },
  },
  admin: {
    group: { vi: 'Hồ sơ', en: 'Records' },
    useAsTitle: 'guardianName',
    defaultColumns: [
      'receivedOn',
      'pupil',
      'kind',
      'guardianName',
      'status',
      'acknowledgeBy',
      'completeBy',
    ],
    description: {
      vi:
        'Yêu cầu xem, sửa, xóa dữ liệu, rút lại sự đồng ý của cha mẹ học sinh (Luật ' +
        '91/2025). Xác nhận trong 2 ngày làm việc; hạn hoàn thành theo loại yêu cầu.',
      en:
        "Guardians' requests to see, correct or erase data, or withdraw consent " +
        '(Law 91/2025). Acknowledge within 2 working days.',
    },
  },
  access: collectionAccess('data-requests'),
  defaultSort: '-receivedOn',
  hooks: { beforeChange: [keepRequestSteps], afterChange: [carryOutCompletedRequest] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'pupil',
          type: 'relationship',
          relationTo: 'students',
          required: true,
          index: true,
          label: L.pupil,
          ...written('pupil'),
        },
        {
          name: 'kind',
          type: 'select',
          required: true,
          options: optionsOf(DATA_REQUEST_KINDS, DATA_REQUEST_KIND_LABELS),
          label: L.kind,
          ...written('kind'),
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'guardianName',
          type: 'text',
          required: true,
          label: { vi: 'Người yêu cầu', en: 'Requester' },
        },
        {
          name: 'guardianRelationship',
          type: 'select',
          options: optionsOf(GUARDIAN_RELATIONSHIPS, GUARDIAN_RELATIONSHIP_LABELS),
          label: { vi: 'Quan hệ với học sinh', en: 'Relationship' },
        },
        {
          name: 'guardianContact',
          type: 'text',
          required: true,
          label: { vi: 'Liên hệ (điện thoại, email, địa chỉ)', en: 'Contact' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'receivedOn',
          type: 'date',
          required: true,
          index: true,
          validate: notInFuture,
          label: L.receivedOn,
          admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
          ...written('receivedOn'),
        },
        {
          name: 'channel',
          type: 'select',
          required: true,
          options: optionsOf(DATA_REQUEST_CHANNELS, DATA_REQUEST_CHANNEL_LABELS),
          label: { vi: 'Hình thức nhận', en: 'Channel' },
        },
      ],
    },
    {
      name: 'details',
      type: 'textarea',
      required: true,
      label: { vi: 'Nội dung yêu cầu', en: 'What was asked' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'received',
      index: true,
      options: optionsOf(DATA_REQUEST_STATUSES, DATA_REQUEST_STATUS_LABELS),
      label: L.status,
      admin: {
        position: 'sidebar',
        description: {
          vi:
            'Đã nhận → Đã xác nhận → Hoàn thành hoặc Từ chối. Hoàn thành, từ chối: ' +
            'Hiệu trưởng, Phó Hiệu trưởng.',
          en: 'Received → acknowledged → completed or refused (leadership).',
        },
      },
      access: fieldAccess('data-requests', 'status', L.status, 'received'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'acknowledgeBy',
          type: 'date',
          index: true,
          label: L.acknowledgeBy,
          admin: {
            ...dateOnly,
            readOnly: true,
            components: { Cell: '/components/data-rights/DeadlineCell#AcknowledgeByCell' },
          },
          ...written('acknowledgeBy'),
        },
        {
          name: 'completeBy',
          type: 'date',
          index: true,
          label: L.completeBy,
          admin: {
            ...dateOnly,
            readOnly: true,
            components: { Cell: '/components/data-rights/DeadlineCell#CompleteByCell' },
          },
          ...written('completeBy'),
        },
      ],
    },
    {
      name: 'refusalReason',
      type: 'textarea',
      label: { vi: 'Lý do từ chối (căn cứ)', en: 'Reason for refusal (legal ground)' },
    },
    {
      name: 'response',
      type: 'textarea',
      label: { vi: 'Trả lời cha mẹ (nội dung, tệp đã gửi)', en: 'Reply (text, files sent)' },
    },
    {
      name: 'erasureReport',
      type: 'textarea',
      label: L.erasureReport,
      admin: {
        readOnly: true,
        condition: (data) => data?.kind === 'erasure',
        description: {
          vi: 'Hệ thống ghi khi hoàn thành yêu cầu xóa: đã xóa gì, giữ lại gì và vì sao.',
          en: 'Written by the system when an erasure completes: what was removed, kept, and why.',
        },
      },
      ...written('erasureReport'),
    },
    {
      type: 'collapsible',
      label: { vi: 'Các bước đã làm', en: 'Steps taken' },
      admin: { position: 'sidebar' },
      fields: [
        {
          name: 'recordedBy',
          type: 'relationship',
          relationTo: 'users',
          label: L.recordedBy,
          admin: { readOnly: true },
          ...written('recordedBy'),
        },
        {
          name: 'acknowledgedAt',
          type: 'date',
          label: L.acknowledgedAt,
          admin: { readOnly: true },
          ...written('acknowledgedAt'),
        },
        {
          name: 'acknowledgedBy',
          type: 'relationship',
          relationTo: 'users',
          label: L.acknowledgedBy,
          admin: { readOnly: true },
          ...written('acknowledgedBy'),
        },
        {
          name: 'decidedAt',
          type: 'date',
          label: L.decidedAt,
          admin: { readOnly: true },
          ...written('decidedAt'),
        },
        {
          name: 'decidedBy',
          type: 'relationship',
          relationTo: 'users',
          label: L.decidedBy,
          admin: { readOnly: true },
          ...written('decidedBy'),
        },
      ],
    },
  ],
})
