import type { CollectionConfig } from 'payload'
import { ACTION_LABELS, STAGE_LABELS, STAGES, WORKFLOW_ACTIONS } from '@school/shared'

import { collectionAccess } from '../access/payload-access'

const stageOptions = STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] }))

/** One entry per workflow step: who moved which post from which stage to which, and why. */
export const WorkflowEvents: CollectionConfig = {
  slug: 'workflow-events',
  labels: {
    singular: { vi: 'Nhật ký duyệt bài', en: 'Workflow event' },
    plural: { vi: 'Nhật ký duyệt bài', en: 'Workflow events' },
  },
  admin: {
    group: { vi: 'Website', en: 'Website' },
    defaultColumns: ['createdAt', 'post', 'action', 'fromStage', 'toStage', 'actor'],
    useAsTitle: 'action',
  },
  access: collectionAccess('workflow-events'),
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'post',
      type: 'relationship',
      relationTo: 'posts',
      required: true,
      index: true,
      label: { vi: 'Bài viết', en: 'Post' },
    },
    {
      name: 'action',
      type: 'select',
      required: true,
      options: WORKFLOW_ACTIONS.map((action) => ({ value: action, label: ACTION_LABELS[action] })),
      label: { vi: 'Thao tác', en: 'Action' },
    },
    {
      name: 'fromStage',
      type: 'select',
      required: true,
      options: stageOptions,
      label: { vi: 'Từ bước', en: 'From' },
    },
    {
      name: 'toStage',
      type: 'select',
      required: true,
      options: stageOptions,
      label: { vi: 'Sang bước', en: 'To' },
    },
    {
      name: 'actor',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      label: { vi: 'Người thực hiện', en: 'By' },
    },
    { name: 'comment', type: 'textarea', label: { vi: 'Ý kiến', en: 'Comment' } },
  ],
}
