import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess, fieldAccess } from '../access/payload-access'
import { hasFlag } from '../lib/request-flags'

export const ASSIGNMENT_STATUSES = [
  { value: 'open', label: { vi: 'Chưa viết', en: 'Not started' } },
  { value: 'writing', label: { vi: 'Đang viết', en: 'Writing' } },
  { value: 'in_review', label: { vi: 'Đang duyệt', en: 'In review' } },
  { value: 'published', label: { vi: 'Đã đăng', en: 'Published' } },
]

/**
 * The assigner is the person who saves the assignment, and a new one is open; who may assign
 * for which group is the policy's (`fieldWritePolicy.assignments`).
 */
const recordAssigner: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (!req.user || operation !== 'create' || hasFlag(req, 'workflow')) return data
  return { ...data, assignedBy: req.user.id, status: 'open' }
}

const GROUP_LABEL = { vi: 'Tổ / đoàn thể', en: 'Group' }
const ASSIGNED_BY_LABEL = { vi: 'Người phân công', en: 'Assigned by' }
const STATUS_LABEL = { vi: 'Tình trạng', en: 'Status' }
const ONLY_OWN_GROUP = {
  vi: 'Bạn chỉ phân công viết bài cho tổ / đoàn thể mà mình phụ trách.',
  en: 'You assign writers only for a group you head.',
}

/** A writer is given a topic and a due date by their group head (Điều 7: phân công người viết bài). */
export const Assignments: CollectionConfig = {
  slug: 'assignments',
  labels: {
    singular: { vi: 'Phân công viết bài', en: 'Assignment' },
    plural: { vi: 'Phân công viết bài', en: 'Assignments' },
  },
  admin: {
    useAsTitle: 'topic',
    defaultColumns: ['topic', 'writer', 'group', 'dueDate', 'status'],
    group: { vi: 'Website', en: 'Website' },
  },
  access: collectionAccess('assignments'),
  defaultSort: 'dueDate',
  hooks: { beforeChange: [recordAssigner] },
  fields: [
    { name: 'topic', type: 'text', required: true, label: { vi: 'Chủ đề bài viết', en: 'Topic' } },
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'groups',
      required: true,
      label: GROUP_LABEL,
      access: fieldAccess('assignments', 'group', GROUP_LABEL, undefined, ONLY_OWN_GROUP),
    },
    {
      name: 'writer',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      label: { vi: 'Người viết', en: 'Writer' },
    },
    {
      name: 'dueDate',
      type: 'date',
      required: true,
      label: { vi: 'Hạn nộp', en: 'Due date' },
      admin: {
        date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
        components: { Cell: '/components/assignments/DueDateCell#DueDateCell' },
      },
    },
    { name: 'notes', type: 'textarea', label: { vi: 'Ghi chú', en: 'Notes' } },
    {
      name: 'status',
      type: 'select',
      defaultValue: 'open',
      options: ASSIGNMENT_STATUSES,
      label: STATUS_LABEL,
      access: fieldAccess('assignments', 'status', STATUS_LABEL, 'open'),
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          vi: 'Cập nhật theo bài viết gắn với phân công.',
          en: 'Follows the post that fulfils it.',
        },
      },
    },
    {
      name: 'assignedBy',
      type: 'relationship',
      relationTo: 'users',
      label: ASSIGNED_BY_LABEL,
      access: fieldAccess('assignments', 'assignedBy', ASSIGNED_BY_LABEL),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'posts',
      type: 'join',
      collection: 'posts',
      on: 'assignment',
      label: { vi: 'Bài viết thực hiện', en: 'Posts fulfilling it' },
    },
  ],
}
