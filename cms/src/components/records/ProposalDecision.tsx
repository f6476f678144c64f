'use client'

import {
  Button,
  toast,
  useConfig,
  useDocumentInfo,
  useFormFields,
  useTranslation,
} from '@payloadcms/ui'
import { useState } from 'react'

const TEXT = {
  title: { vi: 'Quyết định', en: 'Decision' },
  note: { vi: 'Ghi chú (không bắt buộc)', en: 'Note (optional)' },
  accept: { vi: 'Chấp nhận và áp dụng', en: 'Accept and apply' },
  reject: { vi: 'Từ chối', en: 'Reject' },
  done: { vi: 'Đã ghi quyết định.', en: 'Decision recorded.' },
}

/**
 * Accept or reject buttons of a pending import proposal. The server decides whether this user
 * is its decider (403 otherwise, shown as the message); the admin only offers the buttons.
 */
export function ProposalDecision() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const status = useFormFields(([fields]) => fields.status?.value)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  async function decide(decision: 'accept' | 'reject') {
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL ?? ''}${config.routes.api}/import-proposals/${id}/decision`,
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ decision, note: note.trim() || undefined }),
        },
      )
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      toast.success(TEXT.done[lang])
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  if (!id || status !== 'pending') return null
  return (
    <section aria-labelledby="proposal-decision-title" style={{ marginBottom: 24 }}>
      <h3 id="proposal-decision-title">{TEXT.title[lang]}</h3>
      <label style={{ display: 'block', marginBottom: 8 }}>
        {TEXT.note[lang]}
        <textarea
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      <Button
        buttonStyle="primary"
        size="small"
        disabled={busy}
        onClick={() => void decide('accept')}
      >
        {TEXT.accept[lang]}
      </Button>{' '}
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={() => void decide('reject')}
      >
        {TEXT.reject[lang]}
      </Button>
    </section>
  )
}
