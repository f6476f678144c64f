'use client'

import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

type Answer = { message?: string; errors?: Array<{ message?: string }>; post?: { id: number } }

/**
 * On a contest's page: paste the organiser's results (many pupils at once), see them in the
 * results list, and turn the results the school celebrates into a draft post
 * (collections/contests/endpoints.ts). The server decides who may; the buttons only ask.
 */
export function ContestActions() {
  const { id, docPermissions } = useDocumentInfo()
  const { config } = useConfig()
  const [text, setText] = useState('')
  const [round, setRound] = useState('')
  const [celebrate, setCelebrate] = useState(false)
  const [busy, setBusy] = useState(false)
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const admin = `${config.serverURL ?? ''}${config.routes.admin}`
  if (!id) return <p>Lưu cuộc thi trước, rồi nhập kết quả.</p>
  const resultsLink = (
    <a href={`${admin}/collections/contest-entries?where[contest][equals]=${id}`}>
      Xem kết quả của cuộc thi
    </a>
  )
  // Who keeps the contest enters its results (the policy gives both to the same people); the
  // others see the link to the results they may read.
  if (!docPermissions?.update) return resultsLink

  async function send(path: string, body: unknown): Promise<Answer | null> {
    setBusy(true)
    try {
      const response = await fetch(`${api}/contests/${id}/${path}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = (await response.json().catch(() => ({}))) as Answer
      if (!response.ok) {
        toast.error(answer.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return null
      }
      toast.success(answer.message ?? 'Xong.')
      return answer
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field-type" style={{ display: 'grid', gap: 8 }}>
      <strong>Nhập kết quả</strong>
      <small>
        Dán từ Excel, mỗi dòng một em: Họ tên, Lớp, Điểm, Thời gian (phút:giây), Xếp hạng, Giải
        (cách nhau bằng Tab hoặc dấu ;).
      </small>
      <label>
        Vòng thi
        <input
          className="field-type__input"
          name="contestRound"
          value={round}
          onChange={(event) => setRound(event.target.value)}
          placeholder="Cấp trường"
        />
      </label>
      <textarea
        name="contestResults"
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={'Nguyễn Văn An;3A;280;25:10;1;Nhất'}
      />
      <label>
        <input
          type="checkbox"
          checked={celebrate}
          onChange={(event) => setCelebrate(event.target.checked)}
        />{' '}
        Đánh dấu tuyên dương các em đạt giải
      </label>
      <label>
        Hoặc chọn tệp Excel (.xlsx) của ban tổ chức{' '}
        <input
          type="file"
          name="contestWorkbook"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={async (event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (!file) return
            const bytes = new Uint8Array(await file.arrayBuffer())
            let binary = ''
            for (const byte of bytes) binary += String.fromCharCode(byte)
            await send('results', { workbook: btoa(binary), round, celebrate })
          }}
        />
      </label>
      <Button
        buttonStyle="primary"
        size="small"
        disabled={busy || !text.trim()}
        onClick={async () => {
          if (await send('results', { text, round, celebrate })) setText('')
        }}
      >
        Lưu kết quả
      </Button>
      {resultsLink}
      <hr />
      <strong>Tuyên dương</strong>
      <small>
        Lập bài nháp nêu tên các em được đánh dấu tuyên dương. Bài chỉ được đăng khi các em đã có sự
        đồng ý của cha mẹ (và của em, từ 7 tuổi).
      </small>
      <Button
        buttonStyle="secondary"
        size="small"
        disabled={busy}
        onClick={async () => {
          const answer = await send('celebrate', {})
          if (answer?.post) window.location.assign(`${admin}/collections/posts/${answer.post.id}`)
        }}
      >
        Lập bài tuyên dương
      </Button>
    </div>
  )
}
