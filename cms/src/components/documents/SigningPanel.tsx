'use client'

import { Banner, Button, ConfirmationModal, toast, useModal } from '@payloadcms/ui'
import {
  TRANSCRIPT_SIGNING_STEP_LABELS,
  formatDateVi,
  type TranscriptSigningStep,
} from '@school/shared'
import { useCallback, useEffect, useState } from 'react'

import type { DocumentClass } from '../../documents/classes-endpoint'
import type { SigningStatus, SigningStepRecord } from '../../documents/transcript-signing'

const NETWORK_PROBLEM = 'Không kết nối được máy chủ, hãy thử lại.'

const STATE_TEXT: Record<SigningStatus['state'], string> = {
  unsigned: 'Học bạ của lớp chưa được xác nhận.',
  confirmed: 'Giáo viên chủ nhiệm đã xác nhận; đang chờ Hiệu trưởng ký.',
  signed: 'Học bạ của lớp đã được xác nhận và ký.',
  changed:
    'Dữ liệu của lớp đã được điều chỉnh sau lần xác nhận hoặc ký gần nhất: học bạ đã ký không ' +
    'còn khớp. Giáo viên chủ nhiệm xác nhận lại, rồi Hiệu trưởng ký lại.',
}

const ACTION: Record<TranscriptSigningStep, { button: string; heading: string; body: string }> = {
  homeroom: {
    button: 'Xác nhận học bạ cả lớp',
    heading: 'Xác nhận học bạ cả lớp?',
    body:
      'Bạn xác nhận học bạ của mọi học sinh trong lớp đúng với kết quả đánh giá đã được phê ' +
      'duyệt. Sau đó Hiệu trưởng ký.',
  },
  principal: {
    button: 'Ký học bạ cả lớp',
    heading: 'Ký học bạ cả lớp?',
    body:
      'Bạn ký học bạ của mọi học sinh trong lớp. Khi trường đã cấu hình chứng thư số, tệp PDF ' +
      'học bạ mang chữ ký số của trường.',
  },
}

function when(at: string): string {
  return `${formatDateVi(at)} ${new Date(at).toLocaleTimeString('vi-VN')}`
}

function StepLine({ record }: { record: SigningStepRecord }) {
  return (
    <li>
      <strong>{TRANSCRIPT_SIGNING_STEP_LABELS[record.step].vi}</strong>
      {record.round > 1 ? ` (lần ${record.round})` : ''}: {record.by.name}, {when(record.at)}
      {record.certificateSubject ? ` · chứng thư số: ${record.certificateSubject}` : ''}
      {!record.current ? ' · dữ liệu đã thay đổi sau bước này' : ''}
    </li>
  )
}

/**
 * Học bạ số of the chosen class: the steps taken (who, when, which certificate), whether the
 * data changed since, and the button for the next step when this user may take it. The server
 * decides; the panel shows its answer and its refusals.
 */
export function SigningPanel({
  api,
  chosen,
  schoolYear,
}: {
  api: string
  chosen: DocumentClass
  schoolYear: string
}) {
  const [status, setStatus] = useState<SigningStatus | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const { openModal } = useModal()
  const modalSlug = `sign-transcripts-${chosen.id}`
  const visible =
    chosen.may.transcripts || chosen.may.confirmTranscripts || chosen.may.signTranscripts

  const load = useCallback(async () => {
    try {
      const params = new URLSearchParams({ class: String(chosen.id), schoolYear })
      const response = await fetch(`${api}/transcript-signatures/status?${params}`, {
        credentials: 'include',
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setProblem(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      setProblem(null)
      setStatus(body as SigningStatus)
    } catch {
      setProblem(NETWORK_PROBLEM)
    }
  }, [api, chosen.id, schoolYear])

  useEffect(() => {
    if (visible) void load()
  }, [load, visible])

  if (!visible) return null
  const step: TranscriptSigningStep | null = status?.may.homeroom
    ? 'homeroom'
    : status?.may.principal
      ? 'principal'
      : null

  async function takeStep() {
    if (!step) return
    setBusy(true)
    try {
      const response = await fetch(`${api}/transcript-signatures/sign`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ class: chosen.id, schoolYear, step }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        await load()
        return
      }
      toast.success(step === 'homeroom' ? 'Đã xác nhận học bạ cả lớp.' : 'Đã ký học bạ cả lớp.')
      setStatus(body as SigningStatus)
    } catch {
      toast.error(NETWORK_PROBLEM)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="documents-view__section" aria-labelledby="documents-signing">
      <h2 id="documents-signing">Ký học bạ số</h2>
      {problem && <Banner type="error">{problem}</Banner>}
      {status && (
        <>
          <Banner
            type={
              status.state === 'changed' ? 'error' : status.state === 'signed' ? 'success' : 'info'
            }
          >
            {STATE_TEXT[status.state]}
          </Banner>
          {status.steps.length > 0 && (
            <ul>
              {status.steps.map((record) => (
                <StepLine key={`${record.round}:${record.step}`} record={record} />
              ))}
            </ul>
          )}
          {status.earlier.length > 0 && (
            <details>
              <summary>Các lần ký trước ({status.earlier.length} bước)</summary>
              <ul>
                {status.earlier.map((record) => (
                  <StepLine key={`${record.round}:${record.step}`} record={record} />
                ))}
              </ul>
            </details>
          )}
          {status.why && status.state !== 'signed' && <p role="status">{status.why}</p>}
          {step && (
            <div className="documents-view__links">
              <Button buttonStyle="primary" disabled={busy} onClick={() => openModal(modalSlug)}>
                {ACTION[step].button}
              </Button>
            </div>
          )}
          {step && (
            <ConfirmationModal
              modalSlug={modalSlug}
              heading={ACTION[step].heading}
              body={<p>{ACTION[step].body}</p>}
              confirmLabel={ACTION[step].button}
              cancelLabel="Huỷ"
              onConfirm={takeStep}
            />
          )}
        </>
      )}
    </section>
  )
}
