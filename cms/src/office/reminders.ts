/**
 * Telling handlers of incoming documents (Nghị định 30/2020/NĐ-CP, Điều 24): a mail when a
 * document is given to them, and once a day for what is due tomorrow or overdue, to the handler
 * and to who assigned it. Each row records the day it was reminded (`remindedOn`) as soon as its
 * mail went out, so a restart, or the job running again the same day, sends nothing twice.
 */
import { createLocalReq, type Payload, type PayloadRequest, type TaskConfig } from 'payload'
import {
  DOCUMENT_URGENCY_LABELS,
  HANDLING_ROLE_LABELS,
  formatDateVi,
  vietnamDay,
  type DocumentUrgency,
  type HandlingRole,
} from '@school/shared'

import { smtpConfigured } from '../email'
import { idOf } from '../lib/ids'
import type { User } from '../payload-types'
import { refreshIncomingState } from './handling-state'

export const OFFICE_REMINDERS_QUEUE = 'office-reminders'

type Doc = Record<string, unknown>

function adminUrl(payload: Payload): string {
  return `${payload.config.serverURL}${payload.config.routes.admin}`
}

/** The people of a row, read by the server for its own mail (names and addresses only). */
async function person(req: PayloadRequest, value: unknown): Promise<User | null> {
  const id = idOf(value as number | string | null)
  if (id === null) return null
  return (await req.payload.findByID({
    collection: 'users',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as User | null
}

async function documentOf(req: PayloadRequest, value: unknown): Promise<Doc | null> {
  const id = idOf(value as number | string | null)
  if (id === null) return null
  return (await req.payload.findByID({
    collection: 'incoming-documents',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })) as Doc | null
}

function describe(document: Doc): string {
  const number = document.arrivalNumber ? `số đến ${document.arrivalNumber}` : 'văn bản đến'
  const symbol = document.numberSymbol ? ` (${document.numberSymbol})` : ''
  return `${number}${symbol} của ${document.issuer}: ${document.summary}`
}

async function send(req: PayloadRequest, to: string[], subject: string, text: string) {
  if (to.length === 0) return
  await req.payload.sendEmail({ to, subject, text })
}

/** A mail to the handler when a document is given to them; a mail failure undoes nothing. */
export async function notifyHandler(req: PayloadRequest, handling: Doc): Promise<void> {
  if (!smtpConfigured() || req.context?.notify === false) return
  try {
    const handler = await person(req, handling.handler)
    const document = await documentOf(req, handling.document)
    if (!handler?.email || !document) return
    const urgency = DOCUMENT_URGENCY_LABELS[document.urgency as DocumentUrgency]?.vi ?? ''
    const role = HANDLING_ROLE_LABELS[handling.role as HandlingRole]?.vi ?? ''
    await send(
      req,
      [handler.email],
      `[Văn bản đến] Giao xử lý: ${String(document.summary).slice(0, 80)}`,
      [
        `Thầy/cô được giao xử lý (${role}) ${describe(document)}.`,
        urgency ? `Độ khẩn: ${urgency}.` : '',
        handling.deadline ? `Hạn xử lý: ${formatDateVi(String(handling.deadline))}.` : '',
        handling.note ? `Ý kiến chỉ đạo: ${handling.note}` : '',
        `Mở văn bản: ${adminUrl(req.payload)}/collections/document-handlings/${handling.id}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
    )
  } catch (error) {
    req.payload.logger.error({ err: error, msg: 'Handling notice not sent' })
  }
}

function nextDay(day: string): string {
  return vietnamDay(new Date(Date.parse(`${day}T12:00:00+07:00`) + 86_400_000))
}

/**
 * Reminds, once on `today`, every open handling due tomorrow or overdue, and brings the
 * register's overdue states up to date. Returns how many rows were reminded.
 */
export async function sendHandlingReminders(
  payload: Payload,
  now: Date = new Date(),
): Promise<number> {
  const req = await createLocalReq({}, payload)
  const today = vietnamDay(now)
  const tomorrow = nextDay(today)
  // Before the end of tomorrow in Vietnam: due tomorrow, today, or already past.
  const dueBy = new Date(Date.parse(`${tomorrow}T23:59:59.999+07:00`)).toISOString()
  // The server's own round of its register: every open row with a deadline counts.
  const { docs } = await payload.find({
    collection: 'document-handlings',
    where: {
      and: [
        { status: { equals: 'assigned' } },
        { deadline: { less_than_equal: dueBy } },
        { or: [{ remindedOn: { exists: false } }, { remindedOn: { not_equals: today } }] },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const touched = new Set<string>()
  let reminded = 0
  for (const handling of docs as unknown as Doc[]) {
    const documentId = idOf(handling.document as number | string | null)
    if (documentId !== null) touched.add(String(documentId))
    if (!smtpConfigured()) continue
    const document = await documentOf(req, handling.document)
    if (!document || document.cancelled) continue
    const handler = await person(req, handling.handler)
    const assigner = await person(req, handling.assignedBy)
    const to = [...new Set([handler?.email, assigner?.email].filter(Boolean) as string[])]
    const due = vietnamDay(String(handling.deadline))
    const late = due < today
    const when = late
      ? `đã quá hạn (hạn ${formatDateVi(due)})`
      : `đến hạn ngày ${formatDateVi(due)}`
    try {
      await send(
        req,
        to,
        `[Văn bản đến] ${late ? 'Quá hạn xử lý' : 'Sắp đến hạn xử lý'}: ` +
          String(document.summary).slice(0, 70),
        [
          `Việc xử lý ${describe(document)} giao cho ${handler?.fullName ?? ''} ${when}.`,
          handling.note ? `Ý kiến chỉ đạo: ${handling.note}` : '',
          `Mở: ${adminUrl(payload)}/collections/document-handlings/${handling.id}`,
        ]
          .filter(Boolean)
          .join('\n\n'),
      )
    } catch (error) {
      payload.logger.error({ err: error, msg: `Reminder of handling ${handling.id} not sent` })
      continue
    }
    // Server-written (fieldWritePolicy: nobody): the day this row's reminder went out.
    await payload.update({
      collection: 'document-handlings',
      id: handling.id as number | string,
      data: { remindedOn: today },
      depth: 0,
      overrideAccess: true,
      req,
    })
    reminded += 1
  }
  // What became overdue today shows so in the register's list.
  const { docs: open } = await payload.find({
    collection: 'incoming-documents',
    where: { handlingState: { in: ['in_progress', 'overdue'] } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { handlingState: true },
    overrideAccess: true,
    req,
  })
  for (const document of open) touched.add(String(document.id))
  for (const id of touched) await refreshIncomingState(req, id, today)
  return reminded
}

/** The daily round, run by the CMS's own job queue (payload.config: jobs). */
export const remindHandlers: TaskConfig<'remindHandlers'> = {
  slug: 'remindHandlers',
  retries: 0,
  // Hourly: the first run of a day reminds; the rest find everything reminded already.
  schedule: [{ cron: '0 5 * * * *', queue: OFFICE_REMINDERS_QUEUE }],
  handler: async ({ req }) => {
    await sendHandlingReminders(req.payload)
    return { output: {} }
  },
}
