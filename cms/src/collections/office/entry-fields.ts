/**
 * What an entry of either register (incoming, outgoing) has alike: its cancellation, who
 * registered it, and the button that sends it to the website (Nghị định 30, Điều 15, 22;
 * Điều 14.3).
 */
import type { CollectionBeforeChangeHook, Field, FieldAccess } from 'payload'

import { userError } from '../../lib/messages'

type Doc = Record<string, unknown>

export const ENTRY_LABELS = {
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  cancelReason: { vi: 'Lý do hủy', en: 'Reason for cancelling' },
  registeredBy: { vi: 'Người vào sổ', en: 'Registered by' },
} as const

/** A cancelled entry says why, and is not brought back: its number stays used. */
export function checkCancellation(
  req: Parameters<CollectionBeforeChangeHook>[0]['req'],
  merged: Doc,
  originalDoc: Doc | undefined,
): void {
  if (merged.cancelled && !String(merged.cancelReason ?? '').trim()) {
    throw userError(req, 400, {
      vi: 'Hủy văn bản trong sổ cần ghi lý do hủy.',
      en: 'Cancelling an entry needs a reason.',
    })
  }
  if (originalDoc?.cancelled && !merged.cancelled) {
    throw userError(req, 409, {
      vi: 'Văn bản đã hủy không khôi phục được; số của nó vẫn giữ trong sổ. Hãy vào sổ văn bản mới.',
      en: 'A cancelled entry cannot be restored; its number stays used. Register a new one.',
    })
  }
}

/**
 * The sidebar's cancellation, the server-written registrar (`registeredByAccess`: the
 * collection's `fieldWritePolicy` entry) and the "to the website" button.
 */
export function entrySidebarFields(
  collection: 'incoming-documents' | 'outgoing-documents',
  registeredByAccess: { create: FieldAccess; update: FieldAccess },
): Field[] {
  return [
    {
      name: 'cancelled',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: ENTRY_LABELS.cancelled,
      admin: { position: 'sidebar' },
    },
    {
      name: 'cancelReason',
      type: 'textarea',
      label: ENTRY_LABELS.cancelReason,
      admin: { position: 'sidebar', condition: (data) => Boolean(data?.cancelled) },
    },
    {
      name: 'registeredBy',
      type: 'relationship',
      relationTo: 'users',
      label: ENTRY_LABELS.registeredBy,
      access: registeredByAccess,
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'toWebsite',
      type: 'ui',
      label: { vi: 'Đưa lên website', en: 'To the website' },
      admin: {
        position: 'sidebar',
        components: {
          Field: {
            path: '/components/office/SendToWebsiteButton#SendToWebsiteButton',
            clientProps: { collection },
          },
        },
      },
    },
  ]
}
