'use client'

import { Button, toast, useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'

const TEXT = {
  fill: { vi: 'Lấy từ lịch đánh giá', en: 'Fill from the checkpoints' },
  hint: {
    vi: 'Thay các dòng dưới đây bằng các môn có kiểm tra định kì của kì này (TT27), từ ngày mở kì đánh giá; sau đó sửa ngày, buổi nếu cần.',
    en: 'Replaces the rows with the subjects tested at this checkpoint (TT27), from its opening day; adjust them afterwards.',
  },
  saveFirst: { vi: 'Lưu năm học và kì trước.', en: 'Save the year and period first.' },
  done: { vi: 'Đã lấy', en: 'Filled' },
}

/** The "Lấy từ lịch đánh giá" button: the server makes the rows (403/409 shown as they come). */
export function FillTestSchedule() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const [busy, setBusy] = useState(false)
  if (!id) return <p>{TEXT.saveFirst[lang]}</p>

  async function fill() {
    setBusy(true)
    try {
      const response = await fetch(
        `${config.serverURL ?? ''}${config.routes.api}/test-schedules/${id}/fill`,
        { method: 'POST', credentials: 'include' },
      )
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      toast.success(`${TEXT.done[lang]}: ${body.filled}`)
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type">
      <Button buttonStyle="secondary" disabled={busy} onClick={() => void fill()}>
        {TEXT.fill[lang]}
      </Button>
      <p className="field-description">{TEXT.hint[lang]}</p>
    </div>
  )
}
