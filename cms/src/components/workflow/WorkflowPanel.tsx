'use client'

import { Button, useConfig, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import {
  ACTION_LABELS,
  STAGE_LABELS,
  formatDateTimeVi as timeVi,
  type Stage,
  type WorkflowAction,
} from '@school/shared'
import { useState } from 'react'

import { useStepEndpoint } from './useStepEndpoint'

import './workflow.scss'

interface WorkflowStatus {
  stage: Stage
  returnComment: string | null
  publishAt: string | null
  actions: WorkflowAction[]
  history: Array<{
    action: WorkflowAction
    fromStage: Stage
    toStage: Stage
    comment: string | null
    createdAt: string
    actor: string | null
  }>
}

const TEXT = {
  title: { vi: 'Quy trình duyệt bài', en: 'Review workflow' },
  stage: { vi: 'Bước hiện tại', en: 'Stage' },
  saveFirst: {
    vi: 'Lưu bản nháp trước, rồi gửi thẩm định.',
    en: 'Save the draft first, then submit it.',
  },
  waitSave: { vi: 'Đang lưu bản nháp…', en: 'Saving the draft…' },
  nothing: {
    vi: 'Bạn không có thao tác nào ở bước này.',
    en: 'Nothing for you to do at this stage.',
  },
  returned: { vi: 'Ý kiến khi trả lại', en: 'Comment when sent back' },
  comment: { vi: 'Ý kiến (bắt buộc khi trả lại)', en: 'Comment (required to send back)' },
  publishAt: { vi: 'Hẹn giờ đăng (để trống: đăng ngay)', en: 'Publish at (empty: now)' },
  scheduled: { vi: 'Đã hẹn đăng lúc', en: 'Scheduled for' },
  history: { vi: 'Lịch sử duyệt', en: 'History' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
}

/** The post's stage, the buttons for exactly the steps this user may take now, and its history. */
export function WorkflowPanel() {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const modified = useFormModified()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const endpoint = `${config.serverURL ?? ''}${config.routes.api}/posts/${id}/workflow`
  const { status, busy, takeStep } = useStepEndpoint<WorkflowStatus>(id ? endpoint : null)
  const [comment, setComment] = useState('')
  const [publishAt, setPublishAt] = useState('')

  function act(action: WorkflowAction) {
    void takeStep(
      {
        action,
        comment: comment.trim() || undefined,
        publishAt:
          action === 'publish' && publishAt ? new Date(publishAt).toISOString() : undefined,
      },
      `${TEXT.done[lang]}: ${ACTION_LABELS[action][lang]}`,
    )
  }

  if (!id)
    return (
      <div className="workflow-panel">
        <p>{TEXT.saveFirst[lang]}</p>
      </div>
    )
  if (!status) return <div className="workflow-panel" aria-busy="true" />

  const { stage, actions } = status
  return (
    <section className="workflow-panel" aria-labelledby="workflow-panel-title">
      <h3 id="workflow-panel-title">{TEXT.title[lang]}</h3>
      <p>
        {TEXT.stage[lang]}:{' '}
        <strong className={`workflow-stage workflow-stage--${stage}`} data-stage={stage}>
          {STAGE_LABELS[stage][lang]}
        </strong>
      </p>
      {stage === 'returned' && status.returnComment && (
        <div className="workflow-panel__returned" role="note">
          <strong>{TEXT.returned[lang]}:</strong> {status.returnComment}
        </div>
      )}
      {status.publishAt && stage === 'approved' && (
        <p>
          {TEXT.scheduled[lang]} {timeVi(status.publishAt)}
        </p>
      )}
      {actions.includes('return') && (
        <label className="workflow-panel__field">
          {TEXT.comment[lang]}
          <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />
        </label>
      )}
      {actions.includes('publish') && (
        <label className="workflow-panel__field">
          {TEXT.publishAt[lang]}
          <input
            type="datetime-local"
            value={publishAt}
            onChange={(event) => setPublishAt(event.target.value)}
          />
        </label>
      )}
      {modified && actions.length > 0 && (
        <p className="workflow-panel__hint">{TEXT.waitSave[lang]}</p>
      )}
      <div className="workflow-panel__actions">
        {actions.map((action) => (
          <Button
            key={action}
            buttonStyle={action === 'return' || action === 'unpublish' ? 'secondary' : 'primary'}
            size="medium"
            disabled={busy || modified}
            onClick={() => act(action)}
          >
            {ACTION_LABELS[action][lang]}
          </Button>
        ))}
      </div>
      {actions.length === 0 && <p className="workflow-panel__hint">{TEXT.nothing[lang]}</p>}
      {status.history.length > 0 && (
        <details className="workflow-panel__history">
          <summary>
            {TEXT.history[lang]} ({status.history.length})
          </summary>
          <ol>
            {status.history.map((event, index) => (
              <li key={index}>
                <time dateTime={event.createdAt}>{timeVi(event.createdAt)}</time> ·{' '}
                {event.actor ?? '—'} · {ACTION_LABELS[event.action][lang]} (
                {STAGE_LABELS[event.fromStage][lang]} → {STAGE_LABELS[event.toStage][lang]})
                {event.comment && <blockquote>{event.comment}</blockquote>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  )
}
