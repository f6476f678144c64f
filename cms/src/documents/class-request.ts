/**
 * The start of every endpoint that makes a document of a class's year: a login, then the class
 * and year of the query (`?class=…&schoolYear=…`, checked by `classAndYear`: 404, 400), then the
 * policy's rule asked of that class and year (403 with its message).
 */
import type { PayloadRequest } from 'payload'

import { authorize } from '../access/authorize'
import type { Rule } from '../access/rules'
import { classAndYear } from '../assessment/year-end'
import { userError, type Message } from '../lib/messages'
import type { Group } from '../payload-types'

export const LOGIN: Message = { vi: 'Cần đăng nhập.', en: 'You must log in.' }

export function requireLogin(req: PayloadRequest): void {
  if (!req.user) throw userError(req, 401, LOGIN)
}

export async function authorizedClassYear(
  req: PayloadRequest,
  rule: Rule,
  refusal: Message,
  asked: { class?: unknown; schoolYear?: unknown } = {
    class: req.searchParams.get('class'),
    schoolYear: req.searchParams.get('schoolYear'),
  },
): Promise<{ schoolClass: Group; schoolYear: string }> {
  requireLogin(req)
  const found = await classAndYear(req, asked.class, asked.schoolYear)
  await authorize(req, rule, refusal, {
    record: { class: found.schoolClass.id, schoolYear: found.schoolYear },
  })
  return found
}
