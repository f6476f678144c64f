import type { CollectionConfig } from 'payload'

import {
  collectionAccess,
  fieldAccess,
  fieldReadAccess,
  pickerFilter,
} from '../../access/payload-access'
import { albumSource } from '../../albums/source'
import { slugField } from '../../fields/slug'
import { publicationEndpoints, publicationFields, publicationHooks } from '../../publication'
import { assignOwnership } from '../Posts/hooks/assignOwnership'

const OWNER_GROUP_LABEL = { vi: 'Thuộc tổ / lớp / đoàn thể', en: 'Owner group' }
const AUTHORS_LABEL = { vi: 'Người làm album', en: 'Made by' }
const CREATED_BY_LABEL = { vi: 'Người tạo album', en: 'Created by' }

const hooks = publicationHooks(albumSource as never)

/**
 * Thư viện ảnh (issue 15): an album of an event, made by those who may write posts for its group
 * (the posts' own rules and hook decide who they are), from images of published posts or images
 * uploaded into it, sent for approval and published through the notices' publication. Each image
 * lists the pupils it shows: publication needs their consent (albums/source.ts), a consent
 * withdrawn later takes the album down (albums/consent-withdrawal.ts).
 */
export const Albums: CollectionConfig = {
  slug: 'albums',
  labels: {
    singular: { vi: 'Album ảnh', en: 'Photo album' },
    plural: { vi: 'Thư viện ảnh', en: 'Photo albums' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'eventDate', 'ownerGroup', 'publicationStage', 'publicationLive'],
    group: { vi: 'Website', en: 'Website' },
  },
  access: collectionAccess('albums'),
  defaultSort: '-eventDate',
  endpoints: publicationEndpoints(albumSource as never),
  hooks: {
    beforeChange: [assignOwnership, ...hooks.beforeChange],
    afterDelete: [...hooks.afterDelete],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { vi: 'Tên album', en: 'Title' },
    },
    slugField('title', 'albums'),
    {
      name: 'eventDate',
      type: 'date',
      index: true,
      label: { vi: 'Ngày diễn ra', en: 'Event date' },
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
    },
    {
      name: 'description',
      type: 'textarea',
      maxLength: 2000,
      label: { vi: 'Giới thiệu', en: 'Description' },
    },
    {
      name: 'images',
      type: 'array',
      label: { vi: 'Ảnh', en: 'Images' },
      labels: { singular: { vi: 'Ảnh', en: 'Image' }, plural: { vi: 'Ảnh', en: 'Images' } },
      admin: {
        description: {
          vi: 'Chọn ảnh của bài đã đăng hoặc tải ảnh mới lên. Ảnh chỉ hiện công khai khi album được đăng.',
          en: 'Pick images of published posts or upload new ones. They are public only once the album is published.',
        },
      },
      fields: [
        {
          name: 'image',
          type: 'upload',
          relationTo: 'media',
          required: true,
          filterOptions: pickerFilter('albums', 'image'),
          label: { vi: 'Ảnh', en: 'Image' },
        },
        {
          name: 'caption',
          type: 'text',
          maxLength: 300,
          label: { vi: 'Chú thích', en: 'Caption' },
        },
        {
          name: 'pupils',
          type: 'relationship',
          relationTo: 'students',
          hasMany: true,
          label: { vi: 'Học sinh có trong ảnh', en: 'Pupils shown' },
          access: fieldReadAccess('albums', 'pupils'),
          admin: {
            description: {
              vi: 'Album chỉ được đăng khi mọi học sinh ở đây đã có sự đồng ý cần thiết. Không bao giờ hiện trên website.',
              en: 'The album is published only when every pupil here has the needed consent. Never shown on the website.',
            },
          },
        },
      ],
    },
    {
      name: 'ownerGroup',
      type: 'relationship',
      relationTo: 'groups',
      label: OWNER_GROUP_LABEL,
      access: fieldAccess('albums', 'ownerGroup', OWNER_GROUP_LABEL),
      admin: {
        position: 'sidebar',
        description: { vi: 'Để trống: album của toàn trường.', en: 'Empty: the whole school.' },
      },
    },
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: AUTHORS_LABEL,
      access: fieldAccess('albums', 'authors', AUTHORS_LABEL),
      admin: { position: 'sidebar' },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: CREATED_BY_LABEL,
      // Recorded by the server (Posts/hooks/assignOwnership); nobody sets or changes it.
      access: fieldAccess('albums', 'createdBy', CREATED_BY_LABEL),
      admin: { position: 'sidebar', readOnly: true },
    },
    ...publicationFields(albumSource as never),
  ],
}
