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

type Text = { vi: string; en: string }

export interface DecisionPanelProps {
  /** The collection whose `POST /api/<collection>/:id/decision` records the decision. */
  collection: 'import-proposals' | 'correction-requests'
  /** The two answers, the first the primary button: `{ value sent, label }`. */
  choices: [{ value: string; label: Text }, { value: string; label: Text }]
  /** The body's key of the note ("note", "comment"). */
  noteKey: string
  noteLabel: Text
  /** Answers that need a note (a refusal says why). */
  noteRequiredFor?: string[]
}

const TEXT = {
  title: { vi: 'Quyết định', en: 'Decision' },
  noteMissing: { vi: 'Hãy ghi lý do.', en: 'Say why.' },
  done: { vi: 'Đã ghi quyết định.', en: 'Decision recorded.' },
}

/**
 * The decision buttons of a pending import proposal or correction request. The server decides
 * whether this user may decide it (403 otherwise, shown as the message); the admin only offers
 * the buttons.
 */
export function DecisionPanel({
  collection,
  choices,
  noteKey,
  noteLabel,
  noteRequiredFor = [],
}: DecisionPanelProps) {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const status = useFormFields(([fields]) => fields.status?.value)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)

  async function decide(decision: string) {
    if (noteRequiredFor.includes(decision) && note.trim() === '') {
      toast.error(TEXT.noteMissing[lang])
      return
    }
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL ?? ''}${config.routes.api}/${collection}/${id}/decision`,
        {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ decision, [noteKey]: note.trim() || undefined }),
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
    <section aria-labelledby="decision-title" style={{ marginBottom: 24 }}>
      <h3 id="decision-title">{TEXT.title[lang]}</h3>
      <label style={{ display: 'block', marginBottom: 8 }}>
        {noteLabel[lang]}
        <textarea
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          style={{ display: 'block', width: '100%' }}
        />
      </label>
      {choices.map((choice, index) => (
        <span key={choice.value}>
          <Button
            buttonStyle={index === 0 ? 'primary' : 'secondary'}
            size="small"
            disabled={busy}
            onClick={() => void decide(choice.value)}
          >
            {choice.label[lang]}
          </Button>{' '}
        </span>
      ))}
    </section>
  )
}
