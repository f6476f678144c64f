import { lexicalEditor } from '@payloadcms/richtext-lexical'
import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { DISCLOSURE_SECTIONS, disclosureSectionLabel, isDisclosureSection } from '@school/shared'

import { collectionAccess } from '../../access/payload-access'
import { unmarkFilesOfDeletedDisclosure } from '../../disclosure/files'
import { disclosureSource } from '../../disclosure/source'
import { publicationEndpoints, publicationFields, publicationHooks } from '../../publication'
import { schoolYearValidation } from '../assessment/labels'

const hooks = publicationHooks(disclosureSource)
const LEFT_OUT = ['upload', 'relationship', 'blocks']

/** The title the admin lists it by: "Thu chi tài chính (Điều 5) – năm học 2026-2027". */
const titleFromSection: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const section = data.section ?? originalDoc?.section
  const schoolYear = data.schoolYear ?? originalDoc?.schoolYear
  if (!isDisclosureSection(section)) return data
  return { ...data, title: `${disclosureSectionLabel(section)} – năm học ${schoolYear}` }
}

/**
 * One section of the public disclosure for one school year (Thông tư 09/2024/TT-BGDĐT): its text,
 * its PDF documents and, when it reports a change, the day of the change (the time limit runs
 * from it). Kept by leadership, the finances by the accountant; published through the notices'
 * workflow (publication/), which puts its snapshot (disclosure/source.ts) on the website.
 */
export const Disclosures: CollectionConfig = {
  slug: 'disclosures',
  labels: {
    singular: { vi: 'Mục công khai', en: 'Disclosure' },
    plural: { vi: 'Mục công khai', en: 'Disclosures' },
  },
  admin: {
    group: { vi: 'Công khai', en: 'Public disclosure' },
    useAsTitle: 'title',
    defaultColumns: ['title', 'publicationStage', 'publicationLive', 'contentChangedAt'],
  },
  access: collectionAccess('disclosures'),
  defaultSort: '-schoolYear',
  indexes: [{ fields: ['section', 'schoolYear'], unique: true }],
  hooks: {
    beforeChange: [titleFromSection, ...hooks.beforeChange],
    afterDelete: [...hooks.afterDelete, unmarkFilesOfDeletedDisclosure],
  },
  endpoints: publicationEndpoints(disclosureSource),
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'section',
          type: 'select',
          required: true,
          index: true,
          label: { vi: 'Mục (Thông tư 09/2024)', en: 'Section (Circular 09/2024)' },
          options: DISCLOSURE_SECTIONS.map((section) => ({
            value: section,
            label: {
              vi: disclosureSectionLabel(section, 'vi'),
              en: disclosureSectionLabel(section, 'en'),
            },
          })),
        },
        {
          name: 'schoolYear',
          type: 'text',
          required: true,
          index: true,
          label: { vi: 'Năm học', en: 'School year' },
          validate: schoolYearValidation,
        },
      ],
    },
    { name: 'title', type: 'text', admin: { readOnly: true, hidden: true } },
    {
      name: 'body',
      type: 'richText',
      label: { vi: 'Nội dung', en: 'Text' },
      // Text, headings, lists, tables of figures and links: no pictures or links to records,
      // whose visibility the snapshot could not vouch for.
      editor: lexicalEditor({
        features: ({ defaultFeatures }) =>
          defaultFeatures.filter((feature) => !LEFT_OUT.includes(feature.key)),
      }),
      admin: {
        description: {
          vi:
            'Mục "Kết quả giáo dục năm học trước" tự có bảng tổng hợp theo khối (không có tên ' +
            'học sinh); ở đây chỉ ghi phần giải thích.',
          en: "Last year's results carry their table per grade by themselves (no pupil names).",
        },
      },
    },
    {
      name: 'documents',
      type: 'array',
      label: { vi: 'Tài liệu (PDF)', en: 'Documents (PDF)' },
      labels: {
        singular: { vi: 'Tài liệu', en: 'Document' },
        plural: { vi: 'Tài liệu', en: 'Documents' },
      },
      fields: [
        {
          name: 'file',
          type: 'upload',
          relationTo: 'disclosure-files',
          required: true,
          label: { vi: 'Tệp PDF', en: 'PDF file' },
        },
      ],
    },
    {
      name: 'changeDate',
      type: 'date',
      label: { vi: 'Ngày có thay đổi', en: 'Date of the change' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' },
        description: {
          vi:
            'Khi mục này công khai một thay đổi (mức thu mới, Hiệu trưởng mới…): hạn công khai ' +
            'tính từ ngày này.',
          en: 'When this reports a change: the time limit runs from this day.',
        },
      },
    },
    ...publicationFields(disclosureSource),
  ],
}
