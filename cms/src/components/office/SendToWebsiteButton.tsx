'use client'

import { Button, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

interface Answer {
  adminUrl?: string
  message?: { vi: string }
  errors?: Array<{ message: string }>
}

/**
 * "Đưa lên website" on a document of the registers: makes a draft post of the "Văn bản" kind
 * with the document's file (office/to-website.ts) and says where it is. Only the clerk and
 * leadership may (the endpoint asks the policy; others get its refusal).
 */
export function SendToWebsiteButton({ collection }: { collection: string }) {
  const { config } = useConfig()
  const { id } = useDocumentInfo()
  const [answer, setAnswer] = useState<Answer | null>(null)
  const [busy, setBusy] = useState(false)
  if (!id) return null
  const send = async () => {
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL}${config.routes.api}/office/${collection}/${id}/to-website`,
        { method: 'POST', credentials: 'include' },
      )
      setAnswer((await response.json()) as Answer)
    } catch {
      setAnswer({ errors: [{ message: 'Không gửi được, hãy thử lại.' }] })
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="office-to-website" style={{ marginBottom: 16 }}>
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void send()}>
        Đưa lên website (mục Văn bản)
      </Button>
      {answer?.adminUrl && (
        <p role="status">
          {answer.message?.vi} <a href={answer.adminUrl}>Mở bản nháp bài viết</a>
        </p>
      )}
      {answer?.errors && (
        <p role="alert">{answer.errors.map((error) => error.message).join(' ')}</p>
      )}
    </div>
  )
}
