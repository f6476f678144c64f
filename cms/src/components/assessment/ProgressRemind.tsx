'use client'

import { Button, useConfig } from '@payloadcms/ui'
import { useState } from 'react'

/** Leadership's button: email the teachers behind with this checkpoint (once a day each). */
export function ProgressRemind({ schoolYear, period }: { schoolYear: string; period: string }) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)

  async function remind() {
    setBusy(true)
    setMessage(null)
    try {
      const response = await fetch(`${api}/assessment-progress/remind`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ schoolYear, period }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setMessage(body?.errors?.[0]?.message ?? 'Không gửi được nhắc nhở.')
      } else if (body.recipients.length === 0) {
        setMessage('Không có giáo viên nào chậm tiến độ.')
      } else if (!body.smtp) {
        setMessage(
          `${body.recipients.length} giáo viên chậm tiến độ (thấy trên trang chủ của mình); ` +
            'máy chủ chưa cấu hình email nên chưa gửi thư.',
        )
      } else {
        setMessage(
          `Đã gửi ${body.sent} thư nhắc; ${body.alreadyToday} giáo viên đã được nhắc hôm nay.`,
        )
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="assessment-progress__remind">
      <Button buttonStyle="secondary" size="small" disabled={busy} onClick={() => void remind()}>
        Gửi nhắc nhở giáo viên chậm tiến độ
      </Button>
      {message && <p role="status">{message}</p>}
    </div>
  )
}
