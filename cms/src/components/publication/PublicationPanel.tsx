'use client'

import { Button, useConfig, useDocumentInfo, useFormModified, useTranslation } from '@payloadcms/ui'
import {
  PUBLICATION_ACTION_LABELS,
  PUBLICATION_STAGE_LABELS,
  formatDateTimeVi as timeVi,
  type PublicationAction,
  type PublicationStage,
} from '@school/shared'
import { useState } from 'react'

import { useStepEndpoint } from '../workflow/useStepEndpoint'

import '../workflow/workflow.scss'

interface PublicationStatus {
  stage: PublicationStage
  live: boolean
  comment: string | null
  publishedAt: string | null
  contentChangedAt: string | null
  actions: PublicationAction[]
}

const TEXT = {
  title: { vi: 'Đăng lên website', en: 'Publication' },
  stage: { vi: 'Bước hiện tại', en: 'Stage' },
  saveFirst: { vi: 'Lưu trước, rồi gửi duyệt.', en: 'Save first, then submit it.' },
  waitSave: { vi: 'Hãy lưu thay đổi trước.', en: 'Save your changes first.' },
  nothing: {
    vi: 'Bạn không có thao tác nào ở bước này.',
    en: 'Nothing for you to do at this stage.',
  },
  live: { vi: 'Website đang hiện bản đăng lúc', en: 'The website shows the version of' },
  notLive: { vi: 'Chưa có trên website.', en: 'Not on the website.' },
  newer: {
    vi: 'Nội dung đã sửa sau lần đăng: bản mới cần duyệt và đăng lại.',
    en: 'Changed since publication: the new version needs approval and publication.',
  },
  returned: { vi: 'Ý kiến khi trả lại', en: 'Comment when sent back' },
  comment: { vi: 'Ý kiến (bắt buộc khi trả lại)', en: 'Comment (required to send back)' },
  done: { vi: 'Đã thực hiện', en: 'Done' },
}

/**
 * A published record's stage and the buttons for exactly the steps this user may take now; the
 * server decides (403 otherwise, shown as the message).
 */
export function PublicationPanel({ collection }: { collection: string }) {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const modified = useFormModified()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const endpoint = `${config.serverURL ?? ''}${config.routes.api}/${collection}/${id}/publication`
  const { status, busy, takeStep } = useStepEndpoint<PublicationStatus>(id ? endpoint : null)
  const [comment, setComment] = useState('')

  function act(action: PublicationAction) {
    void takeStep(
      { action, comment: comment.trim() || undefined },
      `${TEXT.done[lang]}: ${PUBLICATION_ACTION_LABELS[action][lang]}`,
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
  const changedSincePublication =
    status.live &&
    status.publishedAt &&
    status.contentChangedAt &&
    status.contentChangedAt > status.publishedAt
  return (
    <section className="workflow-panel" aria-labelledby="publication-panel-title">
      <h3 id="publication-panel-title">{TEXT.title[lang]}</h3>
      <p>
        {TEXT.stage[lang]}:{' '}
        <strong className="workflow-stage" data-stage={stage}>
          {PUBLICATION_STAGE_LABELS[stage][lang]}
        </strong>
      </p>
      <p>
        {status.live && status.publishedAt
          ? `${TEXT.live[lang]} ${timeVi(status.publishedAt)}.`
          : TEXT.notLive[lang]}
      </p>
      {changedSincePublication && <p className="workflow-panel__hint">{TEXT.newer[lang]}</p>}
      {stage === 'draft' && status.comment && (
        <div className="workflow-panel__returned" role="note">
          <strong>{TEXT.returned[lang]}:</strong> {status.comment}
        </div>
      )}
      {actions.includes('return') && (
        <label className="workflow-panel__field">
          {TEXT.comment[lang]}
          <textarea value={comment} onChange={(event) => setComment(event.target.value)} rows={3} />
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
            {PUBLICATION_ACTION_LABELS[action][lang]}
          </Button>
        ))}
      </div>
      {actions.length === 0 && <p className="workflow-panel__hint">{TEXT.nothing[lang]}</p>}
    </section>
  )
}
