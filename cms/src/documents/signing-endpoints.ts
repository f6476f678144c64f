/**
 * Học bạ số, a whole class at once (Công văn 119/BGDĐT-GDTH; TT27 Điều 13):
 *
 * `POST /api/transcript-signatures/sign` `{ class, schoolYear, step: 'homeroom' | 'principal' }`
 * → 201 with the status · 400 bad body · 401 · 403 not this step's signer · 404 unknown class ·
 * 409 the year not approved, a CHT pupil's supplementary assessment not recorded, the step
 * out of order or already taken (two at once: one is recorded, the other gets 409).
 *
 * `GET /api/transcript-signatures/status?class=&schoolYear=` → the steps (who, when, which
 * certificate), whether the data changed since, what comes next and whether the user may take
 * it · 401 · 403 · 404.
 *
 * The step is written as the user under the request flag `transcriptSigning`, so that the
 * collection's `create` rule is what admits it; nothing else creates, changes or deletes one.
 */
import { TRANSCRIPT_SIGNING_STEPS, type TranscriptSigningStep } from '@school/shared'
import type { Endpoint, PayloadRequest } from 'payload'

import { authorize } from '../access/authorize'
import { documentPolicy } from '../access/policy'
import { classAndYear } from '../assessment/year-end'
import { userError } from '../lib/messages'
import { jsonBodyOf } from '../lib/request-body'
import { withFlag } from '../lib/request-flags'
import type { User } from '../payload-types'
import { configuredCertificate } from './signing'
import { STEP_REFUSALS, signingStatus, type SigningStatus } from './transcript-signing'
import { authorizedClassYear, LOGIN } from './class-request'

const STATUS_REFUSED = {
  vi: 'Tình trạng ký học bạ của lớp dành cho Ban giám hiệu và giáo viên chủ nhiệm của lớp.',
  en: "The class's signing status is for leadership and its homeroom teacher.",
}
const BAD_BODY = {
  vi:
    'Gửi {"class": <mã lớp>, "schoolYear": "2025-2026", "step": "homeroom"} ' +
    '(GVCN xác nhận) hoặc "step": "principal" (Hiệu trưởng ký).',
  en: 'Send {"class", "schoolYear", "step": "homeroom" | "principal"}.',
}

async function readBody(req: PayloadRequest) {
  const body = await jsonBodyOf(req)
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw userError(req, 400, BAD_BODY)
  const { class: classId, schoolYear, step } = body as Record<string, unknown>
  const validClass = typeof classId === 'number' || typeof classId === 'string'
  const validStep = TRANSCRIPT_SIGNING_STEPS.includes(step as TranscriptSigningStep)
  if (!validClass || typeof schoolYear !== 'string' || !validStep) {
    throw userError(req, 400, BAD_BODY)
  }
  return { classId, schoolYear, step: step as TranscriptSigningStep }
}

function conflict(req: PayloadRequest, vi: string, en: string) {
  return userError(req, 409, { vi, en })
}

/** Why the step cannot be taken now (409), or nothing when it can. */
function refuseOutOfOrder(
  req: PayloadRequest,
  status: SigningStatus,
  step: TranscriptSigningStep,
): void {
  if (!status.yearApproved) {
    throw conflict(req, status.why ?? '', "The principal has not approved the class's year.")
  }
  if (status.pendingPupils.length > 0) {
    throw conflict(req, status.why ?? '', 'Some CHT pupils await their supplementary assessment.')
  }
  if (status.next === null) {
    throw conflict(req, 'Học bạ của lớp đã được ký.', "The class's transcripts are signed.")
  }
  if (status.next.step === step) return
  if (step === 'principal') {
    throw conflict(
      req,
      status.state === 'changed'
        ? 'Dữ liệu của lớp đã thay đổi sau khi giáo viên chủ nhiệm xác nhận: giáo viên chủ nhiệm ' +
            'cần xác nhận lại trước khi Hiệu trưởng ký.'
        : 'Giáo viên chủ nhiệm cần xác nhận học bạ của lớp trước khi Hiệu trưởng ký.',
      'The homeroom teacher confirms first.',
    )
  }
  throw conflict(
    req,
    'Giáo viên chủ nhiệm đã xác nhận học bạ của lớp; đang chờ Hiệu trưởng ký.',
    'Already confirmed; waiting for the principal.',
  )
}

/** The school's certificate as the principal signs (null when none is configured). */
function certificateSubjectOrRefuse(req: PayloadRequest): string | null {
  try {
    return configuredCertificate()?.subject ?? null
  } catch (error) {
    req.payload.logger.error({ err: error }, 'The school certificate cannot be opened')
    throw userError(req, 503, {
      vi:
        'Chứng thư số của trường đã cấu hình nhưng không mở được (tệp hoặc mật khẩu): ' +
        'báo quản trị hệ thống trước khi ký.',
      en: "The school's configured certificate cannot be opened (file or password).",
    })
  }
}

export const transcriptSigningEndpoint: Endpoint = {
  path: '/sign',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, LOGIN)
    const { classId, schoolYear, step } = await readBody(req)
    const { schoolClass } = await classAndYear(req, classId, schoolYear)
    const target = { record: { class: schoolClass.id, schoolYear } }
    await authorize(
      req,
      step === 'homeroom' ? documentPolicy.confirmTranscripts : documentPolicy.signTranscripts,
      STEP_REFUSALS[step],
      target,
    )
    const status = await signingStatus(req, schoolClass, schoolYear)
    refuseOutOfOrder(req, status, step)
    const round = status.next!.round
    const certificateSubject = step === 'principal' ? certificateSubjectOrRefuse(req) : null
    const user = req.user as User
    try {
      await withFlag(req, 'transcriptSigning', () =>
        req.payload.create({
          collection: 'transcript-signatures',
          data: {
            class: schoolClass.id,
            schoolYear,
            step,
            round,
            by: user.id,
            signerName: user.fullName,
            certificateSubject,
            fingerprint: status.fingerprint,
          },
          depth: 0,
          overrideAccess: false,
          user,
          req,
        }),
      )
    } catch (error) {
      // Two at once both saw the step open: the unique index (class × year × step × round)
      // keeps the first; the other is told it is taken.
      const { totalDocs } = await req.payload.count({
        collection: 'transcript-signatures',
        where: {
          and: [
            { class: { equals: schoolClass.id } },
            { schoolYear: { equals: schoolYear } },
            { step: { equals: step } },
            { round: { equals: round } },
          ],
        },
        overrideAccess: true,
        req,
      })
      if (totalDocs > 0) {
        throw conflict(req, 'Bước này vừa được thực hiện.', 'This step was just taken.')
      }
      throw error
    }
    const { fingerprint: _fingerprint, ...answer } = await signingStatus(
      req,
      schoolClass,
      schoolYear,
    )
    return Response.json(answer, { status: 201 })
  },
}

export const transcriptSigningStatusEndpoint: Endpoint = {
  path: '/status',
  method: 'get',
  handler: async (req) => {
    const { schoolClass, schoolYear } = await authorizedClassYear(
      req,
      documentPolicy.transcripts,
      STATUS_REFUSED,
    )
    const { fingerprint: _fingerprint, ...answer } = await signingStatus(
      req,
      schoolClass,
      schoolYear,
    )
    return Response.json(answer)
  },
}
