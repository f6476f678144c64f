/**
 * The fields and hooks a published record carries: where it is on its path, who moved it, and
 * when its content last changed. All are written by the publication's own code only (Điều 17.3).
 */
import type {
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  Field,
  FieldAccess,
} from 'payload'
import { PUBLICATION_STAGES, PUBLICATION_STAGE_LABELS } from '@school/shared'

import { actorOf } from '../access/authorize'
import { publicationFieldWrites } from '../access/policy'
import type { Rule } from '../access/rules'
import { hasFlag } from '../lib/request-flags'
import { MESSAGES, userError, type Message } from '../lib/messages'
import { sameValue } from '../lib/values'
import { removeNotices } from './notices'
import type { NoticeSource } from './source'

type PublicationField = keyof typeof publicationFieldWrites

export const PUBLICATION_FIELD_NAMES = Object.keys(publicationFieldWrites) as PublicationField[]

/** A field nobody but the publication writes: a client's attempt to change it gets 403. */
function writtenByPublication(field: PublicationField, label: Message): { update: FieldAccess } {
  const rule: Rule = publicationFieldWrites[field]
  const check: FieldAccess = async ({ req, siblingData, doc }) => {
    const grant = await rule({ user: actorOf(req), req })
    if (grant === true) return true
    const incoming = siblingData?.[field]
    if (incoming !== undefined && !sameValue(incoming, doc?.[field], { falseIsBlank: true }))
      throw userError(req, 403, MESSAGES.fieldForbidden(label))
    return false
  }
  return { update: check }
}

const LABELS = {
  publicationStage: { vi: 'Bước đăng website', en: 'Publication stage' },
  publicationLive: { vi: 'Đang hiện trên website', en: 'On the website' },
  publicationComment: { vi: 'Ý kiến khi trả lại', en: 'Comment when sent back' },
  submittedBy: { vi: 'Người gửi duyệt', en: 'Submitted by' },
  approvedBy: { vi: 'Người duyệt', en: 'Approved by' },
  publishedBy: { vi: 'Người đăng', en: 'Published by' },
  publishedAt: { vi: 'Đăng lúc', en: 'Published at' },
  contentChangedAt: { vi: 'Nội dung sửa lần cuối', en: 'Content last changed' },
} satisfies Record<PublicationField, Message>

const sidebar = { position: 'sidebar', readOnly: true } as const

/** A create may not start past the draft: only these values are the fields' own defaults. */
const CREATE_DEFAULTS: Partial<Record<PublicationField, unknown>> = {
  publicationStage: 'draft',
  publicationLive: false,
}

export function publicationFields(source: NoticeSource<never>): Field[] {
  const access = (field: PublicationField) => {
    const { update } = writtenByPublication(field, LABELS[field])
    const create: FieldAccess = async (args) => {
      const incoming = args.siblingData?.[field]
      if (incoming === undefined || sameValue(incoming, CREATE_DEFAULTS[field] ?? null)) return true
      return update({ ...args, doc: { [field]: CREATE_DEFAULTS[field] ?? null } })
    }
    return { create, update }
  }
  return [
    {
      name: 'publicationPanel',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: {
          Field: {
            path: '/components/publication/PublicationPanel#PublicationPanel',
            clientProps: { collection: source.collection },
          },
        },
      },
    },
    {
      name: 'publicationStage',
      type: 'select',
      defaultValue: 'draft',
      required: true,
      index: true,
      label: LABELS.publicationStage,
      options: PUBLICATION_STAGES.map((stage) => ({
        value: stage,
        label: PUBLICATION_STAGE_LABELS[stage],
      })),
      access: access('publicationStage'),
      admin: sidebar,
    },
    {
      name: 'publicationLive',
      type: 'checkbox',
      defaultValue: false,
      label: LABELS.publicationLive,
      access: access('publicationLive'),
      admin: sidebar,
    },
    {
      name: 'publicationComment',
      type: 'textarea',
      label: LABELS.publicationComment,
      access: access('publicationComment'),
      admin: { ...sidebar, condition: (data) => Boolean(data?.publicationComment) },
    },
    ...(['submittedBy', 'approvedBy', 'publishedBy'] as const).map((name): Field => ({
      name,
      type: 'relationship',
      relationTo: 'users',
      label: LABELS[name],
      access: access(name),
      admin: sidebar,
    })),
    ...(['publishedAt', 'contentChangedAt'] as const).map((name): Field => ({
      name,
      type: 'date',
      label: LABELS[name],
      access: access(name),
      admin: { ...sidebar, date: { pickerAppearance: 'dayAndTime' } },
    })),
  ]
}

/** What a voided approval writes: the record is a draft again, sent and approved by nobody. */
export const APPROVAL_VOIDED = {
  publicationStage: 'draft',
  submittedBy: null,
  approvedBy: null,
} as const

/**
 * A user's change of the content voids the approval: the record is a draft again and goes the
 * whole path once more, while the version published before stays on the website until the new
 * one is published (or the web admin takes it down).
 */
function backToDraftWhenContentChanges(): CollectionBeforeChangeHook {
  return ({ data, originalDoc, operation, req }) => {
    if (hasFlag(req, 'publication')) return data
    const now = new Date().toISOString()
    if (operation === 'create') return { ...data, contentChangedAt: now }
    const changed = Object.keys(data).some(
      (name) =>
        !(PUBLICATION_FIELD_NAMES as string[]).includes(name) &&
        !['id', 'createdAt', 'updatedAt', 'publicationPanel'].includes(name) &&
        !sameValue(data[name], originalDoc?.[name], {
          falseIsBlank: true,
          listsAsSets: true,
          ignoreRowIds: true,
        }),
    )
    if (!changed) return data
    return {
      ...data,
      contentChangedAt: now,
      ...(originalDoc?.publicationStage !== 'draft' && APPROVAL_VOIDED),
    }
  }
}

/** A deleted record's pages leave the website with it. */
function takeDownWhenDeleted(source: NoticeSource<never>): CollectionAfterDeleteHook {
  return async ({ doc, req }) => {
    await removeNotices(req, { collection: source.collection, id: doc.id }, source.kind)
    return doc
  }
}

export function publicationHooks(source: NoticeSource<never>) {
  return {
    beforeChange: [backToDraftWhenContentChanges()],
    afterDelete: [takeDownWhenDeleted(source)],
  }
}
