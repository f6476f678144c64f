'use client'

import { Banner, Button, toast } from '@payloadcms/ui'
import type { MoetError } from '@school/shared'
import { useState } from 'react'

import type { DocumentClass } from '../../documents/classes-endpoint'
import type { MoetPupilImportSummary, MoetPupilPreview } from '../../documents/moet-pupils'

const NETWORK_PROBLEM = 'Không kết nối được máy chủ, hãy thử lại.'

interface Refusal {
  message: string
  errors: MoetError[]
}

/** A 4xx's words: the endpoints answer `{ message, errors }` (a bad file) or `{ errors }`. */
function refusalOf(body: unknown, status: number): Refusal {
  const answer = (body ?? {}) as { message?: string; errors?: Array<Partial<MoetError>> }
  const errors = (answer.errors ?? []).filter((error): error is MoetError => 'row' in error)
  const message = answer.message ?? answer.errors?.[0]?.message ?? `HTTP ${status}`
  return { message, errors }
}

async function send<T>(url: string, file: File, token?: string): Promise<T | Refusal> {
  const form = new FormData()
  form.set('file', file)
  if (token) form.set('token', token)
  try {
    const response = await fetch(url, { method: 'POST', credentials: 'include', body: form })
    const body = await response.json().catch(() => ({}))
    return response.ok ? (body as T) : refusalOf(body, response.status)
  } catch {
    return { message: NETWORK_PROBLEM, errors: [] }
  }
}

const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && !('token' in value) && !('created' in value)

function ErrorTable({ errors }: { errors: MoetError[] }) {
  if (errors.length === 0) return null
  return (
    <table className="documents-view__table">
      <thead>
        <tr>
          <th>Trang</th>
          <th>Dòng</th>
          <th>Cột</th>
          <th>Lỗi</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((error, at) => (
          <tr key={at}>
            <td>{error.sheet}</td>
            <td>{error.row || ''}</td>
            <td>{error.column}</td>
            <td>{error.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/**
 * The Ministry's pupil list (Điều 8): download it (the chosen class, or the school's classes of
 * the year), then upload the Ministry's list to see what would change before anything is
 * written, and import exactly that.
 */
export function MoetPanel({
  api,
  chosen,
  schoolYear,
}: {
  api: string
  chosen: DocumentClass | undefined
  schoolYear: string | null
}) {
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<MoetPupilPreview | null>(null)
  const [refusal, setRefusal] = useState<Refusal | null>(null)
  const [busy, setBusy] = useState(false)

  const previewFile = async () => {
    if (!file) return
    setBusy(true)
    const answer = await send<MoetPupilPreview>(`${api}/moet-pupils/preview`, file)
    setBusy(false)
    if (isRefusal(answer)) {
      setPreview(null)
      setRefusal(answer)
      return
    }
    setRefusal(null)
    setPreview(answer)
  }

  const apply = async () => {
    if (!file || !preview) return
    setBusy(true)
    const answer = await send<MoetPupilImportSummary>(
      `${api}/moet-pupils/apply`,
      file,
      preview.token,
    )
    setBusy(false)
    if (isRefusal(answer)) {
      setRefusal(answer)
      toast.error(answer.message)
      return
    }
    toast.success(answer.message)
    setPreview(null)
    setFile(null)
  }

  return (
    <section className="documents-view__section" aria-labelledby="documents-moet-pupils">
      <h2 id="documents-moet-pupils">Danh sách học sinh CSDL ngành (C1-HocSinh)</h2>
      <div className="documents-view__links">
        {chosen?.may.moetExport && (
          <Button el="anchor" buttonStyle="secondary" url={`${api}/moet-pupils?class=${chosen.id}`}>
            {`Danh sách ${chosen.name} (Excel)`}
          </Button>
        )}
        {schoolYear && (
          <Button
            el="anchor"
            buttonStyle="secondary"
            url={`${api}/moet-pupils?schoolYear=${encodeURIComponent(schoolYear)}`}
          >
            {`Danh sách toàn trường ${schoolYear} (Excel)`}
          </Button>
        )}
      </div>
      <p>
        Nhập danh sách tải từ CSDL ngành: xem trước những gì sẽ thay đổi, chưa ghi gì; khi nhập, học
        sinh mới được tạo, mọi thay đổi của học sinh đã có (cả mã tạm TMP… đổi sang mã của Bộ) được
        gửi Ban giám hiệu quyết định.
      </p>
      <div className="documents-view__links">
        <input
          type="file"
          aria-label="Tệp danh sách học sinh (.xlsx)"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null)
            setPreview(null)
            setRefusal(null)
          }}
        />
        <Button buttonStyle="primary" disabled={!file || busy} onClick={() => void previewFile()}>
          Xem trước
        </Button>
      </div>
      {refusal && (
        <>
          <Banner type="error">{refusal.message}</Banner>
          <ErrorTable errors={refusal.errors} />
        </>
      )}
      {preview && (
        <div>
          <Banner type={preview.errors.length > 0 ? 'error' : 'info'}>{preview.message}</Banner>
          <ErrorTable errors={preview.errors} />
          {preview.new.length > 0 && (
            <>
              <h3>Học sinh mới ({preview.new.length})</h3>
              <table className="documents-view__table">
                <tbody>
                  {preview.new.map((pupil) => (
                    <tr key={pupil.row}>
                      <td>{pupil.studentCode}</td>
                      <td>{pupil.fullName}</td>
                      <td>{pupil.className}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {preview.changed.length > 0 && (
            <>
              <h3>Thay đổi của học sinh đã có ({preview.changed.length})</h3>
              <table className="documents-view__table">
                <tbody>
                  {preview.changed.flatMap((pupil) =>
                    pupil.changes.map((change) => (
                      <tr key={`${pupil.row}-${change.field}`}>
                        <td>{`${pupil.fullName} (${pupil.studentCode})`}</td>
                        <td>{change.label}</td>
                        <td>{change.current}</td>
                        <td>→ {change.proposed}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </>
          )}
          {preview.reconcile.length > 0 && (
            <>
              <h3>Mã tạm cần đối chiếu ({preview.reconcile.length})</h3>
              <table className="documents-view__table">
                <tbody>
                  {preview.reconcile.map((pupil) => (
                    <tr key={pupil.row}>
                      <td>{pupil.fullName}</td>
                      <td>{pupil.className}</td>
                      <td>{pupil.temporaryCode ?? 'mã tạm'}</td>
                      <td>→ {pupil.studentCode}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {(preview.missing.length > 0 || preview.missingUnreadable > 0) && (
            <>
              <h3>
                Có trong lớp nhưng không có trong danh sách (
                {preview.missing.length + preview.missingUnreadable})
              </h3>
              <table className="documents-view__table">
                <tbody>
                  {preview.missing.map((pupil, at) => (
                    <tr key={at}>
                      <td>{pupil.studentCode ?? ''}</td>
                      <td>{pupil.fullName}</td>
                      <td>{pupil.className}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {preview.missingUnreadable > 0 && (
                <p>{`Và ${preview.missingUnreadable} học sinh bạn không được xem hồ sơ.`}</p>
              )}
            </>
          )}
          {preview.notes.length > 0 && (
            <ul>
              {preview.notes.map((note, at) => (
                <li key={at}>{`Dòng ${note.row}: ${note.message}`}</li>
              ))}
            </ul>
          )}
          <Button
            buttonStyle="primary"
            disabled={busy || preview.errors.length > 0}
            onClick={() => void apply()}
          >
            Nhập đúng như xem trước
          </Button>
        </div>
      )}
    </section>
  )
}
