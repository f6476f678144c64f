'use client'

import { Banner, Button, SelectInput, toast } from '@payloadcms/ui'
import {
  ARCHIVE_ENTRY_KIND_LABELS,
  ARCHIVE_STATUS_LABELS,
  DOCUMENT_KIND_LABELS,
  PERIOD_LABELS,
  PERIODS,
  formatDateTimeVi,
  type ArchiveFileState,
  type DocumentKind,
} from '@school/shared'
import { useCallback, useEffect, useState } from 'react'

import type { YearAbilities } from '../../documents/classes-endpoint'
import type { ArchiveListEntry } from '../../documents/archive-endpoints'
import type { NotFinalClass, VerifiedFile } from '../../documents/archive'

const NETWORK_PROBLEM = 'Không kết nối được máy chủ, hãy thử lại.'
/** How often the page asks again while a send is being made. */
const POLL_MS = 2000

async function call(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'include', ...init })
  } catch {
    return Response.json({ errors: [{ message: NETWORK_PROBLEM }] }, { status: 503 })
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each caller reads its own answer
async function readJson(response: Response): Promise<any> {
  return response.json().catch(() => ({}))
}

const messageOf = (body: { errors?: Array<{ message?: string }> }, status: number) =>
  body.errors?.[0]?.message ?? `HTTP ${status}`

const STATE_TEXT: Record<ArchiveFileState, string> = {
  ok: 'Khớp',
  changed: 'ĐÃ BỊ THAY ĐỔI',
  missing: 'MẤT TỆP',
}

interface Verification {
  ok: boolean
  checkedAt: string
  files: VerifiedFile[]
}

/**
 * The school's electronic archive of a year (Điều 13.2, 14.2): its entries with their progress
 * (asked again while one is being made), the IT teacher's send, the clerk's receipt and filing
 * of a signed summary, and the verification of each file's checksum. The buttons follow the
 * page's answer; every endpoint asks the policy again.
 */
export function ArchivePanel({
  api,
  schoolYear,
  may,
}: {
  api: string
  schoolYear: string
  may: YearAbilities
}) {
  const [entries, setEntries] = useState<ArchiveListEntry[]>([])
  const [problem, setProblem] = useState<string | null>(null)
  const [notFinal, setNotFinal] = useState<NotFinalClass[]>([])
  const [verifications, setVerifications] = useState<Record<number, Verification>>({})
  const [busy, setBusy] = useState(false)
  const shown = may.readArchive || may.sendToArchive || may.receiveArchive || may.fileSignedSummary

  const load = useCallback(async () => {
    const response = await call(`${api}/archive?schoolYear=${encodeURIComponent(schoolYear)}`)
    const body = await readJson(response)
    if (!response.ok) {
      setProblem(messageOf(body, response.status))
      return
    }
    setProblem(null)
    setEntries(body.entries as ArchiveListEntry[])
  }, [api, schoolYear])

  useEffect(() => {
    if (!shown) return
    setNotFinal([])
    setVerifications({})
    void load()
  }, [load, shown])

  const preparing = entries.some((entry) => entry.status === 'preparing')
  useEffect(() => {
    if (!preparing) return
    const timer = setInterval(() => void load(), POLL_MS)
    return () => clearInterval(timer)
  }, [preparing, load])

  if (!shown) return null

  async function send() {
    setBusy(true)
    const response = await call(`${api}/archive/send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ schoolYear }),
    })
    const body = await readJson(response)
    setBusy(false)
    setNotFinal((body.notFinal as NotFinalClass[] | undefined) ?? [])
    if (response.status !== 202) {
      toast.error(messageOf(body, response.status))
      return
    }
    toast.success('Đã bắt đầu gửi; tiến độ hiện bên dưới.')
    await load()
  }

  async function receive(entry: ArchiveListEntry) {
    const response = await call(`${api}/archive/${entry.id}/receive`, { method: 'POST' })
    const body = await readJson(response)
    if (!response.ok) toast.error(messageOf(body, response.status))
    else toast.success(`Đã nhận: ${entry.title}`)
    await load()
  }

  async function verify(entry: ArchiveListEntry) {
    const response = await call(`${api}/archive/${entry.id}/verify`)
    const body = await readJson(response)
    if (!response.ok) {
      toast.error(messageOf(body, response.status))
      return
    }
    setVerifications((known) => ({ ...known, [entry.id]: body as Verification }))
    if (body.ok) toast.success('Mọi tệp khớp mã kiểm tra.')
    else toast.error('Có tệp đã bị thay đổi hoặc bị mất.')
  }

  return (
    <section className="documents-view__section" aria-labelledby="documents-archive">
      <h2 id="documents-archive">Lưu trữ điện tử · năm học {schoolYear}</h2>
      {problem && <Banner type="error">{problem}</Banner>}
      {may.sendToArchive && (
        <div className="documents-view__links">
          <Button buttonStyle="primary" disabled={busy || preparing} onClick={() => void send()}>
            Gửi học bạ và bảng tổng hợp cuối năm vào lưu trữ
          </Button>
        </div>
      )}
      {notFinal.length > 0 && (
        <Banner type="error">
          <p>Các lớp chưa có học bạ chính thức:</p>
          <ul>
            {notFinal.map((group) => (
              <li key={group.id}>
                {group.name}: {group.reasons.join('; ')}
              </li>
            ))}
          </ul>
        </Banner>
      )}
      {entries.length === 0 && !problem && <p>Năm học này chưa có hồ sơ lưu trữ.</p>}
      {entries.map((entry) => (
        <ArchiveEntryRow
          key={entry.id}
          entry={entry}
          verification={verifications[entry.id]}
          mayReceive={may.receiveArchive}
          mayVerify={may.verifyArchive}
          onReceive={() => void receive(entry)}
          onVerify={() => void verify(entry)}
        />
      ))}
      {may.fileSignedSummary && (
        <SignedSummaryForm api={api} schoolYear={schoolYear} onFiled={() => void load()} />
      )}
    </section>
  )
}

function ArchiveEntryRow({
  entry,
  verification,
  mayReceive,
  mayVerify,
  onReceive,
  onVerify,
}: {
  entry: ArchiveListEntry
  verification: Verification | undefined
  mayReceive: boolean
  mayVerify: boolean
  onReceive: () => void
  onVerify: () => void
}) {
  const stateOf = (id: number) => verification?.files.find((file) => file.id === id)?.state
  return (
    <div className="documents-view__archive-entry">
      <h3>{entry.title}</h3>
      <p>
        {ARCHIVE_ENTRY_KIND_LABELS[entry.kind].vi} ·{' '}
        <strong>{ARCHIVE_STATUS_LABELS[entry.status].vi}</strong>
        {entry.status === 'preparing' && (
          <>
            {' '}
            <progress max={entry.progress.total} value={entry.progress.done} />{' '}
            {entry.progress.done}/{entry.progress.total} lớp
          </>
        )}
      </p>
      {entry.failure && <Banner type="error">{entry.failure}</Banner>}
      <p>
        {entry.sentBy &&
          entry.sentAt &&
          `Gửi: ${entry.sentBy}, ${formatDateTimeVi(entry.sentAt)}. `}
        {entry.receivedBy &&
          entry.receivedAt &&
          `Nhận: ${entry.receivedBy}, ${formatDateTimeVi(entry.receivedAt)}.`}
      </p>
      <div className="documents-view__links">
        {mayReceive && entry.status === 'sent' && (
          <Button buttonStyle="primary" onClick={onReceive}>
            Nhận vào lưu trữ
          </Button>
        )}
        {mayVerify && entry.files && entry.files.length > 0 && (
          <Button buttonStyle="secondary" onClick={onVerify}>
            Kiểm tra tính toàn vẹn (SHA-256)
          </Button>
        )}
      </div>
      {verification && (
        <Banner type={verification.ok ? 'success' : 'error'}>
          {verification.ok ? 'Mọi tệp khớp mã kiểm tra' : 'Có tệp không khớp'} (kiểm tra lúc{' '}
          {formatDateTimeVi(verification.checkedAt)}).
        </Banner>
      )}
      {entry.files && entry.files.length > 0 && (
        <table className="documents-view__table">
          <thead>
            <tr>
              <th scope="col">Tệp</th>
              <th scope="col">Lớp</th>
              <th scope="col">Loại</th>
              <th scope="col">SHA-256</th>
              {verification && <th scope="col">Kiểm tra</th>}
            </tr>
          </thead>
          <tbody>
            {entry.files.map((file) => {
              const state = stateOf(file.id)
              return (
                <tr key={file.id}>
                  <td>{file.url ? <a href={file.url}>{file.filename}</a> : file.filename}</td>
                  <td>
                    {file.className ?? ''}
                    {file.period ? ` · ${PERIOD_LABELS[file.period].vi}` : ''}
                  </td>
                  <td>{DOCUMENT_KIND_LABELS[file.kind as DocumentKind]?.vi ?? file.kind}</td>
                  <td>
                    <code title={file.sha256}>{file.sha256.slice(0, 16)}…</code>
                  </td>
                  {verification && <td>{state ? STATE_TEXT[state] : ''}</td>}
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}

interface ClassOption {
  value: string
  label: string
}

/** The clerk files a scanned summary the teachers signed (Điều 13.1): PDF only. */
function SignedSummaryForm({
  api,
  schoolYear,
  onFiled,
}: {
  api: string
  schoolYear: string
  onFiled: () => void
}) {
  const [classes, setClasses] = useState<ClassOption[]>([])
  const [classId, setClassId] = useState<string | null>(null)
  const [period, setPeriod] = useState<string>('end1')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    void (async () => {
      // Class names are public (groups' `read`): the clerk files for every class of the year.
      const params = new URLSearchParams({
        'where[kind][equals]': 'class',
        'where[schoolYear][equals]': schoolYear,
        sort: 'name',
        limit: '0',
        depth: '0',
      })
      const response = await call(`${api}/groups?${params.toString()}`)
      const body = await readJson(response)
      const options = ((body.docs ?? []) as Array<{ id: number; name: string }>).map((group) => ({
        value: String(group.id),
        label: group.name,
      }))
      setClasses(options)
      setClassId(options[0]?.value ?? null)
    })()
  }, [api, schoolYear])

  async function submit() {
    if (!classId || !file) {
      toast.error('Hãy chọn lớp và tệp PDF đã quét.')
      return
    }
    const form = new FormData()
    form.append('schoolYear', schoolYear)
    form.append('class', classId)
    form.append('period', period)
    form.append('file', file)
    setBusy(true)
    const response = await call(`${api}/archive/file`, { method: 'POST', body: form })
    const body = await readJson(response)
    setBusy(false)
    if (!response.ok) {
      toast.error(messageOf(body, response.status))
      return
    }
    toast.success('Đã lưu bảng tổng hợp có chữ ký vào lưu trữ.')
    setFile(null)
    onFiled()
  }

  return (
    <div className="documents-view__archive-entry">
      <h3>Lưu bảng tổng hợp có chữ ký của giáo viên (bản quét PDF)</h3>
      <div className="documents-view__pickers">
        <SelectInput
          name="archiveClass"
          path="archiveClass"
          label="Lớp"
          options={classes}
          value={classId ?? undefined}
          isClearable={false}
          onChange={(option) => setClassId((option as { value?: string } | null)?.value ?? null)}
        />
        <SelectInput
          name="archivePeriod"
          path="archivePeriod"
          label="Kì đánh giá"
          options={PERIODS.map((value) => ({ value, label: PERIOD_LABELS[value].vi }))}
          value={period}
          isClearable={false}
          onChange={(option) => setPeriod((option as { value?: string } | null)?.value ?? 'end1')}
        />
      </div>
      <div className="documents-view__links">
        <input
          type="file"
          accept="application/pdf,.pdf"
          aria-label="Tệp PDF đã quét"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <Button buttonStyle="primary" disabled={busy || !file} onClick={() => void submit()}>
          Lưu vào lưu trữ
        </Button>
      </div>
    </div>
  )
}
