import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
} from 'payload'
import {
  HANDLING_ROLE_LABELS,
  HANDLING_ROLES,
  HANDLING_STATUS_LABELS,
  HANDLING_STATUSES,
  optionsOf,
} from '@school/shared'

import { isAllowed } from '../../access/authorize'
import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { officeDocumentPolicy, type fieldWritePolicy } from '../../access/policy'
import { dateOnly } from '../../fields/records'
import { idOf } from '../../lib/ids'
import { userError, type Message } from '../../lib/messages'
import { officeFileEndpoint, officeFileHooks, officeUpload } from '../../office/files'
import { refreshIncomingState } from '../../office/handling-state'
import { notifyHandler } from '../../office/reminders'
import type { User } from '../../payload-types'

const L = {
  document: { vi: 'Văn bản đến', en: 'Incoming document' },
  handler: { vi: 'Người xử lý', en: 'Handler' },
  role: { vi: 'Vai trò', en: 'Role' },
  deadline: { vi: 'Hạn xử lý', en: 'Deadline' },
  note: { vi: 'Ý kiến chỉ đạo', en: 'Direction' },
  directedBy: { vi: 'Lãnh đạo chỉ đạo', en: 'Directed by' },
  assignedBy: { vi: 'Người giao / ghi nhận', en: 'Assigned by' },
  status: { vi: 'Tình trạng', en: 'Status' },
  handledAt: { vi: 'Ngày xử lý xong', en: 'Handled on' },
  handledNote: { vi: 'Kết quả xử lý', en: 'How it was handled' },
  remindedOn: { vi: 'Nhắc hạn lần cuối', en: 'Last reminded' },
} satisfies Record<string, Message>

type WrittenField = keyof (typeof fieldWritePolicy)['document-handlings'] & keyof typeof L

function written(field: WrittenField, initialValue?: unknown) {
  return { access: fieldAccess('document-handlings', field, L[field], initialValue) }
}

type Doc = Record<string, unknown>

async function mayDirect(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  userId: unknown,
): Promise<boolean> {
  const id = idOf(userId as number | string | null)
  if (id === null) return false
  // Whose direction it is asks the policy about that person (their roles, no personal data).
  const leader = await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!leader) return false
  return (await officeDocumentPolicy.directHandling({ user: leader as User, req })) === true
}

/**
 * An assignment carries leadership's direction: given by a leader, or recorded by the clerk
 * naming the leader who wrote it on the paper (bút phê). Handled is the last step: it says how
 * (a note or a file), and is dated by the server.
 */
const keepHandlingSteps: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const merged = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const result: Doc = { ...data }
  if (operation === 'create') {
    result.assignedBy = req.user?.id ?? null
    result.status = 'assigned'
    const documentId = idOf(merged.document as number | string | null)
    const document =
      documentId === null
        ? null
        : await req.payload.findByID({
            collection: 'incoming-documents',
            id: documentId,
            depth: 0,
            select: { cancelled: true },
            overrideAccess: false,
            user: req.user,
            req,
            disableErrors: true,
          })
    if (!document) {
      throw userError(req, 400, {
        vi: 'Chọn văn bản đến cần giao xử lý.',
        en: 'Choose the incoming document to assign.',
      })
    }
    if (document.cancelled) {
      throw userError(req, 409, {
        vi: 'Văn bản này đã hủy trong sổ, không giao xử lý được.',
        en: 'This entry was cancelled: it cannot be assigned.',
      })
    }
    if (!merged.directedBy && (await isAllowed(req, officeDocumentPolicy.directHandling)))
      result.directedBy = req.user?.id ?? null
  }
  if (data.directedBy !== undefined || operation === 'create') {
    const directedBy = result.directedBy ?? merged.directedBy
    if (!(await mayDirect(req, directedBy))) {
      throw userError(req, 400, {
        vi:
          'Ghi rõ lãnh đạo chỉ đạo (Hiệu trưởng hoặc Phó Hiệu trưởng đã bút phê trên văn bản) ' +
          'khi văn thư ghi nhận việc giao xử lý.',
        en: 'Name the principal or vice-principal who directed the handling.',
      })
    }
  }
  const from = originalDoc?.status
  if (operation === 'update' && from !== merged.status) {
    if (from === 'handled') {
      throw userError(req, 409, {
        vi: 'Văn bản đã xử lý xong; cần xử lý thêm thì lãnh đạo giao lại.',
        en: 'Already handled; leadership assigns it again if more is needed.',
      })
    }
    if (merged.status === 'handled') {
      const hasFile = Boolean(merged.filename) || Boolean(req.file)
      if (!String(merged.handledNote ?? '').trim() && !hasFile) {
        throw userError(req, 400, {
          vi: 'Ghi kết quả xử lý hoặc đính kèm tệp kết quả khi đánh dấu đã xử lý.',
          en: 'Say how it was handled, or attach the result, when marking it handled.',
        })
      }
      result.handledAt = new Date().toISOString()
    }
  }
  return result
}

const refreshDocument: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  const id = idOf(doc.document as number | string | null)
  if (id !== null) await refreshIncomingState(req, id)
  const before = idOf(previousDoc?.document as number | string | null)
  if (before !== null && String(before) !== String(id)) await refreshIncomingState(req, before)
  return doc
}

const refreshAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const id = idOf(doc.document as number | string | null)
  if (id !== null) await refreshIncomingState(req, id)
  return doc
}

const tellHandler: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation === 'create') await notifyHandler(req, doc as Doc)
  return doc
}

/**
 * Giao xử lý văn bản đến (Nghị định 30/2020/NĐ-CP, Điều 24): who handles an incoming document
 * (lead or support), by when, as directed by whom, and how it was handled (a note, a result
 * file). The handler sees theirs on the dashboard; overdue ones are reminded daily.
 */
export const DocumentHandlings: CollectionConfig = {
  slug: 'document-handlings',
  labels: {
    singular: { vi: 'Giao xử lý văn bản', en: 'Document handling' },
    plural: { vi: 'Giao xử lý văn bản', en: 'Document handlings' },
  },
  admin: {
    group: { vi: 'Văn thư', en: 'Office' },
    defaultColumns: ['document', 'handler', 'role', 'deadline', 'status', 'directedBy'],
    description: {
      vi: 'Văn bản đến được giao cho ai xử lý, hạn xử lý, ý kiến chỉ đạo và kết quả.',
      en: 'Who handles which incoming document, by when, and how it was handled.',
    },
  },
  access: collectionAccess('document-handlings'),
  defaultSort: 'deadline',
  upload: officeUpload('document-handlings'),
  endpoints: [officeFileEndpoint('document-handlings')],
  hooks: {
    beforeOperation: [...officeFileHooks.beforeOperation],
    beforeChange: [keepHandlingSteps, ...officeFileHooks.beforeChange],
    afterChange: [refreshDocument, tellHandler],
    afterDelete: [refreshAfterDelete],
  },
  fields: [
    {
      name: 'document',
      type: 'relationship',
      relationTo: 'incoming-documents',
      required: true,
      index: true,
      label: L.document,
      ...written('document'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'handler',
          type: 'relationship',
          relationTo: 'users',
          required: true,
          index: true,
          label: L.handler,
          ...written('handler'),
        },
        {
          name: 'role',
          type: 'select',
          required: true,
          defaultValue: 'lead',
          options: optionsOf(HANDLING_ROLES, HANDLING_ROLE_LABELS),
          label: L.role,
          ...written('role', 'lead'),
        },
        {
          name: 'deadline',
          type: 'date',
          index: true,
          label: L.deadline,
          ...written('deadline'),
          admin: {
            ...dateOnly,
            components: { Cell: '/components/office/OfficeCells#HandlingDeadlineCell' },
          },
        },
      ],
    },
    { name: 'note', type: 'textarea', label: L.note, ...written('note') },
    {
      type: 'row',
      fields: [
        {
          name: 'directedBy',
          type: 'relationship',
          relationTo: 'users',
          label: L.directedBy,
          ...written('directedBy'),
          admin: {
            description: {
              vi: 'Văn thư ghi nhận bút phê: chọn lãnh đạo đã chỉ đạo.',
              en: 'When the clerk records it: the leader who directed it.',
            },
          },
        },
        {
          name: 'assignedBy',
          type: 'relationship',
          relationTo: 'users',
          label: L.assignedBy,
          ...written('assignedBy'),
          admin: { readOnly: true },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'assigned',
      index: true,
      options: optionsOf(HANDLING_STATUSES, HANDLING_STATUS_LABELS),
      label: L.status,
      ...written('status', 'assigned'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'handledAt',
      type: 'date',
      label: L.handledAt,
      ...written('handledAt'),
      admin: { readOnly: true, position: 'sidebar', ...dateOnly },
    },
    {
      name: 'handledNote',
      type: 'textarea',
      label: L.handledNote,
      ...written('handledNote'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'remindedOn',
      type: 'text',
      label: L.remindedOn,
      ...written('remindedOn'),
      admin: { readOnly: true, position: 'sidebar' },
    },
  ],
}
