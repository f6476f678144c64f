import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { collectionAccess, fieldAccess } from '../../access/payload-access'
import { anyLevelField, GROUP, L } from './labels'

const recordOwner: CollectionBeforeChangeHook = ({ data, operation, req }) =>
  operation === 'create' && req.user && data.shared !== true
    ? { ...data, owner: req.user.id }
    : data

const SHARED = { vi: 'Dùng chung cho cả trường', en: 'Shared with the school' }
const OWNER = { vi: 'Của giáo viên', en: 'Owner' }

/**
 * Mẫu nhận xét (vnEdu and SMAS call it a comment bank): ready-made comments per subject and level
 * that fill a grid's comment in one keystroke. A teacher keeps their own; leadership keeps the
 * school's shared ones.
 */
export const CommentBank: CollectionConfig = {
  slug: 'comment-bank',
  labels: {
    singular: { vi: 'Mẫu nhận xét', en: 'Comment template' },
    plural: { vi: 'Mẫu nhận xét', en: 'Comment bank' },
  },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['text', 'subject', 'level', 'owner'],
    group: GROUP,
  },
  access: collectionAccess('comment-bank'),
  defaultSort: 'subject',
  hooks: { beforeChange: [recordOwner] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'subject',
          type: 'text',
          required: true,
          index: true,
          label: L.subject,
          admin: {
            description: {
              vi: 'Mã môn (ví dụ: toan) hoặc "traits" cho phẩm chất, năng lực.',
              en: 'A subject code, or "traits".',
            },
          },
        },
        { name: 'level', label: L.level, ...anyLevelField },
      ],
    },
    { name: 'text', type: 'textarea', required: true, maxLength: 500, label: L.comment },
    {
      name: 'shared',
      type: 'checkbox',
      defaultValue: false,
      label: SHARED,
      access: fieldAccess('comment-bank', 'shared', SHARED, false),
    },
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      label: OWNER,
      access: fieldAccess('comment-bank', 'owner', OWNER),
      admin: { readOnly: true },
    },
  ],
}
