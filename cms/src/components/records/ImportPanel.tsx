'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import type { ImportSummary as Summary } from '../../records-import/apply'

interface ImportError {
  sheet: string
  row: number
  column: string
  message: string
}
/** Records the importer may not read: only new and existing are told (see Intake). */
const PEOPLE: Array<['staff' | 'pupils', string]> = [
  ['staff', 'Cán bộ'],
  ['pupils', 'Học sinh'],
]

/** Upload, progress, and the errors or the summary of the start-of-year import (Điều 8). */
export function ImportPanel() {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [errors, setErrors] = useState<ImportError[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const [summary, setSummary] = useState<Summary | null>(null)
  const [summaryText, setSummaryText] = useState<string | null>(null)
  // An import cut short by a stop of the server (records-import/runs.ts): asked to run it again.
  const [interrupted, setInterrupted] = useState<string | null>(null)

  useEffect(() => {
    fetch(`${api}/records-import/last-run`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : null))
      .then((body: { message?: string } | null) => setInterrupted(body?.message ?? null))
      .catch(() => setInterrupted(null))
  }, [api])

  async function upload() {
    if (!file) return
    setBusy(true)
    setErrors([])
    setMessage(null)
    setSummary(null)
    setSummaryText(null)
    setInterrupted(null)
    setProgress(null)
    try {
      const response = await fetch(`${api}/records-import`, {
        method: 'POST',
        credentials: 'include',
        headers: {
          'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
        body: file,
      })
      if (!response.headers.get('content-type')?.includes('ndjson')) {
        const body = await response.json().catch(() => ({}))
        setErrors(body.errors ?? [])
        setMessage(body.message ?? body.errors?.[0]?.message ?? `Lỗi ${response.status}`)
        return
      }
      const reader = response.body!.getReader()
      const decoder = new TextDecoder()
      let buffered = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        buffered += decoder.decode(value, { stream: true })
        const lines = buffered.split('\n')
        buffered = lines.pop() ?? ''
        for (const line of lines.filter(Boolean)) {
          const event = JSON.parse(line)
          if (event.type === 'progress') setProgress({ done: event.done, total: event.total })
          if (event.type === 'summary') {
            setSummary(event.summary)
            setSummaryText(event.message ?? 'Đã nhập xong.')
          }
          if (event.type === 'failed') setMessage(event.message)
        }
      }
    } catch {
      setMessage('Không gửi được tệp: kiểm tra kết nối rồi thử lại.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Nhập dữ liệu đầu năm</h2>
      <ol>
        <li>
          <a
            className="btn btn--style-secondary btn--size-small"
            href={`${api}/records-import/template`}
            download
          >
            Tải tệp mẫu (.xlsx)
          </a>
        </li>
        <li>
          Điền lớp, học sinh kèm người giám hộ, cán bộ và phân công giảng dạy vào các trang tính của
          mẫu.
        </li>
        <li>
          Chọn tệp đã điền và bấm “Nhập dữ liệu”. Hệ thống kiểm tra mọi dòng trước; có lỗi thì không
          nhập gì.
        </li>
      </ol>
      <div className="records-view__actions">
        <label>
          Tệp đã điền{' '}
          <input
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          disabled={!file || busy}
          onClick={upload}
        >
          {busy ? 'Đang nhập…' : 'Nhập dữ liệu'}
        </button>
      </div>
      {progress && (
        <p>
          <label>
            Tiến độ: {progress.done}/{progress.total} dòng{' '}
            <progress max={progress.total || 1} value={progress.done} />
          </label>
        </p>
      )}
      <div role="status" aria-live="polite">
        {interrupted && <p className="records-view__errors">{interrupted}</p>}
        {message && <p className="records-view__errors">{message}</p>}
        {summary && <p>{summaryText}</p>}
      </div>
      {errors.length > 0 && (
        <table aria-label="Lỗi trong tệp">
          <thead>
            <tr>
              <th scope="col">Trang tính</th>
              <th scope="col">Dòng</th>
              <th scope="col">Cột</th>
              <th scope="col">Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={index}>
                <td>{error.sheet}</td>
                <td className="number">{error.row || ''}</td>
                <td>{error.column}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary && (
        <table aria-label="Kết quả nhập">
          <thead>
            <tr>
              <th scope="col">Loại</th>
              <th scope="col">Thêm mới</th>
              <th scope="col">Đã có</th>
              <th scope="col">Đã gửi đề xuất</th>
              <th scope="col">Đề xuất đang chờ</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Lớp</th>
              <td className="number">{summary.classes.created}</td>
              <td className="number">{summary.classes.unchanged}</td>
              <td className="number">{summary.classes.proposed}</td>
              <td className="number">{summary.classes.pending}</td>
            </tr>
            <tr>
              <th scope="row">Phân công giảng dạy</th>
              <td className="number">{summary.assignments.created}</td>
              <td className="number">{summary.assignments.unchanged}</td>
              <td className="number">{summary.assignments.proposed}</td>
              <td className="number">{summary.assignments.pending}</td>
            </tr>
            {PEOPLE.map(([key, label]) => (
              <tr key={key}>
                <th scope="row">{label}</th>
                <td className="number">{summary[key].created}</td>
                <td className="number">{summary[key].existing}</td>
                <td colSpan={2}>Gửi người quyết định, không hiện ở đây</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
