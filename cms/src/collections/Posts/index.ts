import type { CollectionConfig } from 'payload'
import { POST_KIND_LABELS, POST_KINDS, STAGE_LABELS, STAGES } from '@school/shared'

import {
  collectionAccess,
  fieldAccess,
  fieldReadAccess,
  pickerFilter,
} from '../../access/payload-access'
import { slugField } from '../../fields/slug'
import {
  markMediaOfLivePost,
  noteMediaOfDeletedPost,
  unmarkMediaOfDeletedPost,
} from '../../media/public-use'
import { rebuildSiteWhenLivePostDeleted } from '../../site-build/hooks'
import { startLinkedAssignment } from '../../workflow/assignments'
import { workflowEndpoint, workflowStatusEndpoint } from '../../workflow/endpoint'
import { assignOwnership } from './hooks/assignOwnership'
import { guardPostUpdate, guardWorkflowState } from './hooks/guardWorkflowState'

const OWNER_GROUP_LABEL = { vi: 'Thuộc tổ / lớp / đoàn thể', en: 'Owner group' }
const AUTHORS_LABEL = { vi: 'Tác giả', en: 'Authors' }
const CREATED_BY_LABEL = { vi: 'Người tạo bài', en: 'Created by' }
const STAGE_LABEL = { vi: 'Bước duyệt', en: 'Stage' }
const REVIEWED_BY_LABEL = { vi: 'Người thẩm định', en: 'Reviewed by' }
const APPROVED_BY_LABEL = { vi: 'Người phê duyệt', en: 'Approved by' }
const RETURN_COMMENT_LABEL = { vi: 'Ý kiến khi trả lại', en: 'Comment when sent back' }
const PUBLISH_AT_LABEL = { vi: 'Hẹn giờ đăng', en: 'Publish at' }
const PUBLISHED_AT_LABEL = { vi: 'Ngày đăng', en: 'Published on' }

/**
 * Posts of the school website: written by groups, organisations and classes, reviewed by the
 * group head, approved by leadership, published by the web admin (Điều 5.6, 6, 7, 17).
 * The stage moves only through `workflow/` (POST /api/posts/:id/workflow).
 */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: {
    singular: { vi: 'Bài viết', en: 'Post' },
    plural: { vi: 'Bài viết', en: 'Posts' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'stage', 'ownerGroup', 'kind', 'updatedAt'],
    group: { vi: 'Website', en: 'Website' },
    components: {
      edit: {
        // Posts go live and come down only through the workflow panel.
        PublishButton: '/components/workflow/Hidden#Hidden',
        UnpublishButton: '/components/workflow/Hidden#Hidden',
      },
    },
  },
  access: collectionAccess('posts'),
  versions: {
    drafts: { autosave: { interval: 2000 } },
    maxPerDoc: 50,
  },
  endpoints: [workflowEndpoint, workflowStatusEndpoint],
  hooks: {
    beforeOperation: [guardPostUpdate],
    beforeChange: [assignOwnership, guardWorkflowState],
    afterChange: [startLinkedAssignment, markMediaOfLivePost],
    beforeDelete: [noteMediaOfDeletedPost],
    afterDelete: [rebuildSiteWhenLivePostDeleted, unmarkMediaOfDeletedPost],
  },
  fields: [
    {
      name: 'workflow',
      type: 'ui',
      label: { vi: 'Quy trình duyệt bài', en: 'Review workflow' },
      admin: {
        position: 'sidebar',
        components: { Field: '/components/workflow/WorkflowPanel#WorkflowPanel' },
      },
    },
    { name: 'title', type: 'text', required: true, label: { vi: 'Tiêu đề', en: 'Title' } },
    slugField('title', 'posts'),
    {
      name: 'excerpt',
      type: 'textarea',
      label: { vi: 'Tóm tắt', en: 'Excerpt' },
      maxLength: 400,
    },
    { name: 'content', type: 'richText', label: { vi: 'Nội dung', en: 'Content' } },
    {
      name: 'coverImage',
      type: 'upload',
      relationTo: 'media',
      label: { vi: 'Ảnh đại diện', en: 'Cover image' },
    },
    {
      // Điều 14.3, 17.3: a document from the authorities, or a year's test papers, goes on the
      // website as files to download under the post; they are public once the post is published.
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: { vi: 'Tệp đính kèm', en: 'Attachments' },
      admin: {
        description: {
          vi: 'Tệp PDF tải về được ngay dưới bài trên website, khi bài được đăng.',
          en: 'PDF files to download under the post on the website, once it is published.',
        },
      },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'news',
      options: POST_KINDS.map((kind) => ({ value: kind, label: POST_KIND_LABELS[kind] })),
      label: { vi: 'Loại bài', en: 'Kind' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'ownerGroup',
      type: 'relationship',
      relationTo: 'groups',
      label: OWNER_GROUP_LABEL,
      access: fieldAccess('posts', 'ownerGroup', OWNER_GROUP_LABEL),
      admin: {
        position: 'sidebar',
        description: {
          vi: 'Để trống: bài của toàn trường.',
          en: 'Empty: a post of the whole school.',
        },
      },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: AUTHORS_LABEL,
      access: {
        ...fieldAccess('posts', 'authors', AUTHORS_LABEL),
        ...fieldReadAccess('posts', 'authors'),
      },
      admin: { position: 'sidebar' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: CREATED_BY_LABEL,
      // Recorded by the server (hooks/assignOwnership); nobody sets or changes it.
      access: {
        ...fieldAccess('posts', 'createdBy', CREATED_BY_LABEL),
        ...fieldReadAccess('posts', 'createdBy'),
      },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'assignment',
      type: 'relationship',
      relationTo: 'assignments',
      label: { vi: 'Thực hiện phân công', en: 'Fulfils assignment' },
      filterOptions: pickerFilter('posts', 'assignment'),
      access: fieldReadAccess('posts', 'assignment'),
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      label: { vi: 'Từ khóa', en: 'Tags' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'pupils',
      type: 'relationship',
      relationTo: 'students',
      hasMany: true,
      label: { vi: 'Học sinh có tên, ảnh trong bài', en: 'Pupils named or pictured' },
      access: fieldReadAccess('posts', 'pupils'),
      admin: {
        position: 'sidebar',
        description: {
          vi: 'Bài chỉ được đăng khi mọi học sinh ở đây đã có sự đồng ý cần thiết.',
          en: 'The post is published only when every pupil here has the needed consent.',
        },
      },
    },
    {
      name: 'stage',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: STAGES.map((stage) => ({ value: stage, label: STAGE_LABELS[stage] })),
      label: STAGE_LABEL,
      access: fieldAccess('posts', 'stage', STAGE_LABEL, 'draft'),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'publishAt',
      type: 'date',
      label: PUBLISH_AT_LABEL,
      access: fieldAccess('posts', 'publishAt', PUBLISH_AT_LABEL),
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: PUBLISHED_AT_LABEL,
      access: fieldAccess('posts', 'publishedAt', PUBLISHED_AT_LABEL),
      admin: { position: 'sidebar', readOnly: true, date: { displayFormat: 'dd/MM/yyyy HH:mm' } },
    },
    {
      name: 'returnComment',
      type: 'textarea',
      label: RETURN_COMMENT_LABEL,
      access: {
        ...fieldAccess('posts', 'returnComment', RETURN_COMMENT_LABEL),
        ...fieldReadAccess('posts', 'returnComment'),
      },
      admin: { readOnly: true, condition: (data) => data?.stage === 'returned' },
    },
    {
      name: 'reviewedBy',
      type: 'relationship',
      relationTo: 'users',
      label: REVIEWED_BY_LABEL,
      access: {
        ...fieldAccess('posts', 'reviewedBy', REVIEWED_BY_LABEL),
        ...fieldReadAccess('posts', 'reviewedBy'),
      },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'approvedBy',
      type: 'relationship',
      relationTo: 'users',
      label: APPROVED_BY_LABEL,
      access: {
        ...fieldAccess('posts', 'approvedBy', APPROVED_BY_LABEL),
        ...fieldReadAccess('posts', 'approvedBy'),
      },
      admin: { position: 'sidebar', readOnly: true },
    },
    // Issue 15: a post about an event to come (a festival, a parents' meeting) carries its date
    // and place; the home page lists it under "Sự kiện sắp tới" until the day has passed.
    {
      type: 'row',
      fields: [
        {
          name: 'eventDate',
          type: 'date',
          label: { vi: 'Ngày diễn ra sự kiện', en: 'Event date' },
          admin: {
            date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
            description: {
              vi: 'Nếu bài báo trước một sự kiện: trang chủ hiện ở mục Sự kiện sắp tới.',
              en: 'For a post announcing an event: listed on the home page until it is over.',
            },
          },
        },
        {
          name: 'eventPlace',
          type: 'text',
          maxLength: 200,
          label: { vi: 'Địa điểm', en: 'Place' },
          admin: { condition: (data) => Boolean(data?.eventDate) },
        },
      ],
    },
  ],
}
