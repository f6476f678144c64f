import type {
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Endpoint,
} from 'payload'

import { collectionAccess } from '../access/payload-access'
import { couldBeId } from '../lib/ids'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import type { ImportProposal } from '../payload-types'
import { currentTexts, decideProposal } from '../records-import/proposals'

/** Who proposed and the state a proposal starts in are the server's, never the client's. */
const fileAsPending: CollectionBeforeChangeHook<ImportProposal> = ({ data, operation, req }) => {
  if (operation !== 'create') return data
  return {
    ...data,
    proposedBy: req.user?.id ?? null,
    status: 'pending',
    decidedBy: null,
    decidedAt: null,
    note: null,
  }
}

/** A waiting proposal reads as of now (a class's homeroom teacher may have changed since). */
const describeAsOfNow: CollectionAfterReadHook<ImportProposal> = async ({ doc, req }) => {
  if (doc.status !== 'pending' || !Array.isArray(doc.changes) || !doc.targetCollection) return doc
  return { ...doc, changes: await currentTexts(req, doc) }
}

/**
 * POST /api/import-proposals/:id/decision  { decision: 'accept' | 'reject', note? }
 * 200 with the proposal · 400 bad input · 401 not logged in · 403 not this proposal's decider ·
 * 404 no such proposal · 409 already decided, or (accept) the record changed since.
 */
const decisionEndpoint: Endpoint = {
  path: '/:id/decision',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const id = String(req.routeParams?.id ?? '')
    if (!couldBeId(id))
      throw userError(req, 404, { vi: 'Không tìm thấy đề xuất.', en: 'Not Found' })
    const body = await jsonBodyOf(req)
    const { decision, note } = (body ?? {}) as { decision?: unknown; note?: unknown }
    if (
      (decision !== 'accept' && decision !== 'reject') ||
      (note !== undefined && note !== null && (typeof note !== 'string' || note.length > 2000))
    ) {
      throw userError(req, 400, {
        vi:
          'Gửi {"decision": "accept"} (chấp nhận) hoặc {"decision": "reject"} (từ chối), ' +
          'kèm "note" nếu cần (tối đa 2000 ký tự).',
        en: 'Send {"decision": "accept"} or {"decision": "reject"}, with an optional "note".',
      })
    }
    const doc = await decideProposal(
      req,
      id,
      decision,
      (note as string | undefined)?.trim() || null,
    )
    return Response.json({ doc })
  },
}

const TARGET_OPTIONS = [
  { value: 'groups', label: { vi: 'Lớp', en: 'Class' } },
  { value: 'students', label: { vi: 'Học sinh', en: 'Pupil' } },
  { value: 'staff-profiles', label: { vi: 'Hồ sơ cán bộ', en: 'Staff profile' } },
  {
    value: 'teaching-assignments',
    label: { vi: 'Phân công giảng dạy', en: 'Teaching assignment' },
  },
]

/**
 * What the start-of-year import proposes to change in classes (who keeps them), existing pupils'
 * records and classes, staff profiles and teaching assignments (Điều 5.1, 6, 9.1, 16), for
 * leadership or the HR
 * officer to accept or reject, once.
 */
export const ImportProposals: CollectionConfig = {
  slug: 'import-proposals',
  labels: {
    singular: { vi: 'Đề xuất thay đổi (nhập dữ liệu)', en: 'Import proposal' },
    plural: { vi: 'Đề xuất thay đổi (nhập dữ liệu)', en: 'Import proposals' },
  },
  admin: {
    useAsTitle: 'targetLabel',
    defaultColumns: ['targetLabel', 'targetCollection', 'status', 'proposedBy', 'createdAt'],
    group: { vi: 'Hồ sơ', en: 'Records' },
    description: {
      vi:
        'Thay đổi mà lần nhập dữ liệu đầu năm tìm thấy nhưng không được tự áp dụng. ' +
        'Lớp (GVCN, cả lớp mới; khối), hồ sơ và chuyển lớp học sinh: Ban giám hiệu quyết định. ' +
        'Hồ sơ cán bộ: cán bộ tổ chức hoặc Hiệu trưởng quyết định. ' +
        'Phân công giảng dạy đã giao cho giáo viên khác: Ban giám hiệu quyết định.',
      en: 'Changes the start-of-year import found but may not make itself, for their deciders.',
    },
  },
  access: collectionAccess('import-proposals'),
  defaultSort: '-createdAt',
  endpoints: [decisionEndpoint],
  hooks: { beforeChange: [fileAsPending], afterRead: [describeAsOfNow] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'targetCollection',
          type: 'select',
          required: true,
          index: true,
          options: TARGET_OPTIONS,
          label: { vi: 'Loại hồ sơ', en: 'Kind of record' },
          admin: { readOnly: true },
        },
        {
          name: 'targetLabel',
          type: 'text',
          required: true,
          label: { vi: 'Hồ sơ', en: 'Record' },
          admin: { readOnly: true },
        },
        {
          name: 'targetId',
          type: 'text',
          required: true,
          index: true,
          label: { vi: 'Mã bản ghi', en: 'Record id' },
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'changes',
      type: 'array',
      required: true,
      minRows: 1,
      label: { vi: 'Các thay đổi đề xuất', en: 'Proposed changes' },
      labels: {
        singular: { vi: 'Thay đổi', en: 'Change' },
        plural: { vi: 'Thay đổi', en: 'Changes' },
      },
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', required: true, label: { vi: 'Trường', en: 'Field' } },
            {
              name: 'currentText',
              type: 'text',
              label: { vi: 'Giá trị hiện tại', en: 'Current value' },
            },
            {
              name: 'proposedText',
              type: 'text',
              label: { vi: 'Giá trị đề xuất', en: 'Proposed value' },
            },
          ],
        },
        // The exact values: what an acceptance writes, and what it checks is still current.
        { name: 'field', type: 'text', required: true, admin: { hidden: true } },
        { name: 'current', type: 'json', admin: { hidden: true } },
        { name: 'proposed', type: 'json', admin: { hidden: true } },
      ],
    },
    {
      name: 'decision',
      type: 'ui',
      admin: {
        components: {
          Field: {
            path: '/components/DecisionPanel#DecisionPanel',
            clientProps: {
              collection: 'import-proposals',
              choices: [
                { value: 'accept', label: { vi: 'Chấp nhận và áp dụng', en: 'Accept and apply' } },
                { value: 'reject', label: { vi: 'Từ chối', en: 'Reject' } },
              ],
              noteKey: 'note',
              noteLabel: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
            },
          },
        },
      },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'pending',
      options: [
        { value: 'pending', label: { vi: 'Chờ quyết định', en: 'Pending' } },
        { value: 'accepted', label: { vi: 'Đã chấp nhận', en: 'Accepted' } },
        { value: 'rejected', label: { vi: 'Đã từ chối', en: 'Rejected' } },
      ],
      label: { vi: 'Trạng thái', en: 'Status' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'proposedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người đề xuất', en: 'Proposed by' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      relationTo: 'users',
      label: { vi: 'Người quyết định', en: 'Decided by' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'decidedAt',
      type: 'date',
      label: { vi: 'Thời điểm quyết định', en: 'Decided at' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'note',
      type: 'textarea',
      label: { vi: 'Ghi chú của người quyết định', en: "Decider's note" },
      admin: { readOnly: true },
    },
    {
      name: 'fingerprint',
      type: 'text',
      index: true,
      admin: { hidden: true },
    },
  ],
}
