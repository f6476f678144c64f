import { TRANSCRIPT_SIGNING_STEP_LABELS, TRANSCRIPT_SIGNING_STEPS, optionsOf } from '@school/shared'
import type { CollectionConfig } from 'payload'

import { collectionAccess } from '../../access/payload-access'
import {
  transcriptSigningEndpoint,
  transcriptSigningStatusEndpoint,
} from '../../documents/signing-endpoints'
import { L } from '../assessment/labels'

/**
 * Học bạ số (Công văn 119/BGDĐT-GDTH; TT27 Điều 13): the homeroom teacher's confirmation and
 * the principal's signature of a class's transcripts of a year, one record per step, written by
 * the signing endpoint only and never changed. The signer's name is kept as text so that a
 * transcript printed years later still names who signed, whatever became of the account.
 */
export const TranscriptSignatures: CollectionConfig = {
  slug: 'transcript-signatures',
  labels: {
    singular: { vi: 'Bước ký học bạ', en: 'Transcript signing step' },
    plural: { vi: 'Ký học bạ', en: 'Transcript signing' },
  },
  admin: {
    defaultColumns: ['class', 'schoolYear', 'step', 'signerName', 'createdAt'],
    group: { vi: 'Học bạ và lưu trữ', en: 'Transcripts and archive' },
  },
  access: collectionAccess('transcript-signatures'),
  defaultSort: '-createdAt',
  // POST /api/transcript-signatures/sign and GET …/status: a path under a collection's slug is
  // routed to the collection's own endpoints (before its defaults), not the root's.
  endpoints: [transcriptSigningEndpoint, transcriptSigningStatusEndpoint],
  // Each step once per round: a later round only after the class's data changed since the last.
  indexes: [{ fields: ['class', 'schoolYear', 'step', 'round'], unique: true }],
  fields: [
    {
      name: 'class',
      type: 'relationship',
      relationTo: 'groups',
      required: true,
      index: true,
      label: L.class,
    },
    { name: 'schoolYear', type: 'text', required: true, index: true, label: L.schoolYear },
    {
      name: 'step',
      type: 'select',
      required: true,
      options: optionsOf(TRANSCRIPT_SIGNING_STEPS, TRANSCRIPT_SIGNING_STEP_LABELS),
      label: { vi: 'Bước', en: 'Step' },
    },
    {
      name: 'by',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      label: { vi: 'Người thực hiện', en: 'By' },
    },
    { name: 'signerName', type: 'text', required: true, label: { vi: 'Họ tên', en: 'Name' } },
    {
      name: 'certificateSubject',
      type: 'text',
      label: { vi: 'Chứng thư số', en: 'Certificate' },
      admin: {
        description: {
          vi: 'Chủ thể chứng thư số đã ký tệp PDF; trống khi trường chưa cấu hình chứng thư.',
          en: 'The certificate that signed the PDFs; empty when the school has none configured.',
        },
      },
    },
    {
      name: 'round',
      type: 'number',
      required: true,
      defaultValue: 1,
      min: 1,
      label: { vi: 'Lần ký', en: 'Round' },
      admin: {
        description: {
          vi: 'Lần 2, 3… khi dữ liệu của lớp được điều chỉnh sau khi đã ký và cần ký lại.',
          en: "2, 3… when the class's data was corrected after signing and is signed again.",
        },
      },
    },
    {
      name: 'fingerprint',
      type: 'text',
      label: { vi: 'Dấu dữ liệu (SHA-256)', en: 'Data fingerprint (SHA-256)' },
      admin: {
        description: {
          vi: 'SHA-256 của dữ liệu cuối năm của lớp tại thời điểm thực hiện bước này.',
          en: "SHA-256 of the class's year-end data when this step was taken.",
        },
      },
    },
  ],
}
