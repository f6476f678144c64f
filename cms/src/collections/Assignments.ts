import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { groupsOf } from '../access/groups-of'
import { collectionAccess } from '../access/payload-access'
import { sameId } from '../lib/ids'
import { userError } from '../lib/messages'
import type { User } from '../payload-types'

export const ASSIGNMENT_STATUSES = [
  { value: 'open', label: { vi: 'Chưa viết', en: 'Not started' } },
  { value: 'writing', label: { vi: 'Đang viết', en: 'Writing' } },
  { value: 'in_review', label: { vi: 'Đang duyệt', en: 'In review' } },
  { value: 'published', label: { vi: 'Đã đăng', en: 'Published' } },
]

/**
 * The assigner is the person who saves the assignment; a group head assigns only for a group they
 * head (leadership for any).
 */
const recordAssigner: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
  originalDoc,
}) => {
  const user = req.user as User | null
  if (!user || req.context?.workflow === true) return data
  const next = operation === 'create' ? { ...data, assignedBy: user.id, status: 'open' } : data
  const group = next.group ?? originalDoc?.group
  const isLeader = user.roles.some((role) => role === 'principal' || role === 'vice_principal')
  if (!isLeader && group !== undefined && group !== null) {
    const headed = (await groupsOf(req, user.id)).filter((g) => sameId(g.head, user.id))
    if (!headed.some((g) => sameId(g.id, group))) {
      throw userError(req, 403, {
        vi: 'Bạn chỉ phân công viết bài cho tổ / đoàn thể mà mình phụ trách.',
        en: 'You assign writers only for a group you head.',
      })
    }
  }
  return next
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
      label: { vi: 'Tổ / đoàn thể', en: 'Group' },
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
      label: { vi: 'Tình trạng', en: 'Status' },
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
      label: { vi: 'Người phân công', en: 'Assigned by' },
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
