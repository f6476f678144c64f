/**
 * An incoming document's place in the register (chưa giao / đang xử lý / đã xử lý / quá hạn) and
 * who was given it, kept by the server from its handling rows: whenever one changes, and each
 * day for what became overdue (office/reminders.ts).
 */
import type { PayloadRequest } from 'payload'
import {
  incomingStateOf,
  vietnamDay,
  type HandlingRole,
  type HandlingStatus,
  type IncomingState,
} from '@school/shared'

import { idOf, sameId } from '../lib/ids'

interface HandlingRow {
  handler?: unknown
  role?: HandlingRole | null
  status: HandlingStatus
  deadline?: string | null
}

/** Recomputes the document's state and handlers; writes only when something changed. */
export async function refreshIncomingState(
  req: PayloadRequest,
  documentId: number | string,
  today: string = vietnamDay(),
): Promise<IncomingState | null> {
  // The server keeps its own register's state: every row counts, whoever may read it.
  const document = await req.payload.findByID({
    collection: 'incoming-documents',
    id: documentId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (!document) return null
  const { docs } = await req.payload.find({
    collection: 'document-handlings',
    where: { document: { equals: documentId } },
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'createdAt',
    overrideAccess: true,
    req,
  })
  const rows = docs as HandlingRow[]
  const state = incomingStateOf(rows, today)
  // The lead handlers first, as the register's "người nhận" names them.
  const ordered = [
    ...rows.filter((row) => row.role === 'lead'),
    ...rows.filter((row) => row.role !== 'lead'),
  ]
  const handlers: Array<number | string> = []
  for (const row of ordered) {
    const id = idOf(row.handler as number | string | null)
    if (id !== null && !handlers.some((known) => sameId(known, id))) handlers.push(id)
  }
  const before = (document.handlers ?? []).map((value) => idOf(value as number | string))
  const sameHandlers =
    before.length === handlers.length && before.every((id, index) => sameId(id, handlers[index]))
  if (document.handlingState === state && sameHandlers) return state
  await req.payload.update({
    collection: 'incoming-documents',
    id: documentId,
    data: { handlingState: state, handlers: handlers as number[] },
    depth: 0,
    overrideAccess: true,
    req,
  })
  return state
}
