import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { correctionDecisionEndpoint } from '../../assessment/corrections'
import { lockOf, lockTargetOf } from '../../assessment/locks'
import { idOf } from '../../lib/ids'
import { userError } from '../../lib/messages'
import type { CorrectionRequest } from '../../payload-types'
import { wholeScore } from './Assessments'
import { GROUP, L, periodOptions, subjectLevelOptions } from './labels'

export const CORRECTION_STATUSES = [
  { value: 'pending', label: { vi: 'Chờ duyệt', en: 'Pending' } },
  { value: 'approved', label: { vi: 'Đã duyệt, đã sửa', en: 'Approved' } },
  { value: 'refused', label: { vi: 'Không duyệt', en: 'Refused' } },
]

/**
 * A new request is about a locked entry (an open one is changed directly), changes something,
 * and is the only pending one on it; it carries the entry's class, subject and checkpoint (who
 * reads it is decided by them) and the values before, and records who asked.
 */
const fileTheRequest: CollectionBeforeChangeHook<CorrectionRequest> = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const assessmentId = idOf(data.assessment as number)
  const assessment =
    assessmentId === null
      ? null
      : await req.payload.findByID({
          collection: 'assessments',
          id: assessmentId,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
          req,
        })
  if (!assessment) {
    throw userError(req, 400, { vi: 'Cần chọn kết quả cần sửa.', en: 'Choose the entry.' })
  }
  const target = lockTargetOf(assessment, assessment.subject)
  if (!target || (await lockOf(req, target)) === null) {
    throw userError(req, 409, {
      vi: 'Kết quả này chưa khóa sổ: giáo viên sửa trực tiếp trong bảng nhập.',
      en: 'This entry is not locked: its teacher changes it directly in the grid.',
    })
  }
  const proposes = ['level', 'score', 'comment'].some(
    (field) => data[field as 'level'] !== undefined && data[field as 'level'] !== null,
  )
  if (!proposes) {
    throw userError(req, 400, {
      vi: 'Đề nghị điều chỉnh cần ít nhất một giá trị mới (mức, điểm hoặc nhận xét).',
      en: 'A correction request proposes at least one new value.',
    })
  }
  const { totalDocs } = await req.payload.count({
    collection: 'correction-requests',
    where: {
      and: [{ assessment: { equals: assessment.id } }, { status: { equals: 'pending' } }],
    },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) {
    throw userError(req, 409, {
      vi: 'Kết quả này đã có một đề nghị điều chỉnh đang chờ duyệt.',
      en: 'This entry already has a pending correction request.',
    })
  }
  return {
    ...data,
    student: idOf(assessment.student),
    class: idOf(assessment.class),
    subject: assessment.subject,
    period: assessment.period,
    schoolYear: assessment.schoolYear,
    before: {
      level: assessment.level,
      score: assessment.score ?? null,
      comment: assessment.comment ?? null,
    },
    status: 'pending',
    requestedBy: req.user?.id ?? data.requestedBy ?? null,
  }
}

const STATUS = { vi: 'Tình trạng', en: 'Status' }
const DECIDED_BY = { vi: 'Người quyết định', en: 'Decided by' }
const DECISION = { vi: 'Ý kiến khi quyết định', en: 'Decision comment' }
const REQUESTED_BY = { vi: 'Người đề nghị', en: 'Requested by' }
/** Copied from the entry by the server: who reads the request follows from them. */
type CopiedField =
  'decidedAt' | 'before' | 'student' | 'class' | 'subject' | 'period' | 'schoolYear'
const copied = (name: CopiedField) => ({
  access: fieldAccess('correction-requests', name, { vi: name, en: name }),
  admin: { readOnly: true },
})

/**
 * Đề nghị điều chỉnh kết quả (Điều 12.2): after an entry is locked, its change is proposed with a
 * reason and decided by a vice-principal or the principal (the principal, for an approved year);
 * nobody decides their own request; approval applies the change and the change log names the
 * request. A parent's appeal (TT27 Điều 17) is recorded the same way, with its answer.
 */
export const CorrectionRequests: CollectionConfig = {
  slug: 'correction-requests',
  labels: {
    singular: { vi: 'Đề nghị điều chỉnh kết quả', en: 'Correction request' },
    plural: { vi: 'Đề nghị điều chỉnh kết quả', en: 'Correction requests' },
  },
  admin: {
    defaultColumns: ['student', 'subject', 'period', 'status', 'requestedBy', 'createdAt'],
    group: GROUP,
  },
  access: collectionAccess('correction-requests'),
  defaultSort: '-createdAt',
  endpoints: [correctionDecisionEndpoint],
  hooks: { beforeChange: [fileTheRequest] },
  fields: [
    {
      name: 'assessment',
      type: 'relationship',
      relationTo: 'assessments',
      required: true,
      index: true,
      label: { vi: 'Kết quả cần sửa', en: 'Entry' },
      access: fieldAccess('correction-requests', 'assessment', {
        vi: 'Kết quả cần sửa',
        en: 'Entry',
      }),
    },
    {
      type: 'row',
      fields: [
        { name: 'level', type: 'select', options: subjectLevelOptions, label: L.level },
        { name: 'score', type: 'number', validate: wholeScore, label: L.score },
      ],
    },
    { name: 'comment', type: 'textarea', maxLength: 1000, label: L.comment },
    {
      name: 'reason',
      type: 'textarea',
      required: true,
      maxLength: 1000,
      label: { vi: 'Lý do điều chỉnh', en: 'Reason' },
    },
    {
      name: 'decision',
      type: 'ui',
      admin: {
        components: {
          Field: {
            path: '/components/DecisionPanel#DecisionPanel',
            clientProps: {
              collection: 'correction-requests',
              choices: [
                {
                  value: 'approve',
                  label: { vi: 'Duyệt và sửa kết quả', en: 'Approve and apply' },
                },
                { value: 'refuse', label: { vi: 'Không duyệt', en: 'Refuse' } },
              ],
              noteKey: 'comment',
              noteLabel: { vi: 'Ý kiến (bắt buộc khi không duyệt)', en: 'Comment' },
              noteRequiredFor: ['refuse'],
            },
          },
        },
      },
    },
    {
      name: 'status',
      type: 'select',
      options: CORRECTION_STATUSES,
      defaultValue: 'pending',
      index: true,
      label: STATUS,
      access: fieldAccess('correction-requests', 'status', STATUS, 'pending'),
      admin: { readOnly: true },
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      relationTo: 'users',
      label: DECIDED_BY,
      access: fieldAccess('correction-requests', 'decidedBy', DECIDED_BY),
      admin: { readOnly: true },
    },
    {
      name: 'decidedAt',
      type: 'date',
      label: { vi: 'Ngày quyết định', en: 'Decided at' },
      ...copied('decidedAt'),
    },
    {
      name: 'decisionComment',
      type: 'textarea',
      label: DECISION,
      access: fieldAccess('correction-requests', 'decisionComment', DECISION),
      admin: { readOnly: true },
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: REQUESTED_BY,
      access: fieldAccess('correction-requests', 'requestedBy', REQUESTED_BY),
      admin: { readOnly: true },
    },
    {
      type: 'collapsible',
      label: { vi: 'Kết quả trước khi sửa', en: 'The entry before' },
      admin: { initCollapsed: true },
      fields: [
        { name: 'before', type: 'json', ...copied('before') },
        { name: 'student', type: 'relationship', relationTo: 'students', ...copied('student') },
        {
          name: 'class',
          type: 'relationship',
          relationTo: 'groups',
          index: true,
          ...copied('class'),
        },
        { name: 'subject', type: 'text', ...copied('subject') },
        { name: 'period', type: 'select', options: periodOptions, ...copied('period') },
        { name: 'schoolYear', type: 'text', ...copied('schoolYear') },
      ],
    },
  ],
}
