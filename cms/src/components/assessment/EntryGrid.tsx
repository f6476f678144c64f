'use client'

import { Button, ConfirmationModal, useModal } from '@payloadcms/ui'
import {
  PERIOD_LABELS,
  SUBJECT_LEVELS,
  type GridError,
  type SubjectGrid,
  type TraitGrid,
} from '@school/shared'
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react'

import {
  cellKey,
  checkSubjectRow,
  checkTraitRow,
  errorsByCell,
  missingPupils,
  isTablePaste,
  moveFrom,
  moveOfKey,
  normalizeLevel,
  parseClipboardTable,
  pasteInto,
  subjectColumns,
  subjectDraft,
  subjectEntries,
  traitColumns,
  traitDraft,
  traitEntries,
  type CellPosition,
  type Draft,
  type GridColumn,
} from './grid-model'
import { NETWORK_FAILURE, firstMessage, lockLabel, readOnlyReason } from './labels'

export type AnyGrid = SubjectGrid | TraitGrid
/** A comment template as the grid shows it (a subject's or the traits' level letter). */
type BankEntry = { level: string | null; text: string }

interface Notice {
  tone: 'error' | 'success'
  text: string
}

export interface EntryGridProps {
  api: string
  grid: AnyGrid
  /** The grid the server answered after a save, an upload or a confirmation. */
  onReplace: (grid: AnyGrid | null, notice: Notice) => void
  onDirtyChange: (dirty: boolean) => void
  notice: Notice | null
  /** The assigned teacher of the sheet: on a locked grid, they ask for a correction. */
  mayFileCorrection: boolean
}

/** The query of the grid's own endpoints (`/api/assessment-grid…`, `/api/trait-grid…`). */
export function gridQuery(grid: AnyGrid): string {
  const query = new URLSearchParams({
    class: String(grid.class.id),
    period: grid.period,
    schoolYear: grid.schoolYear,
  })
  if (grid.kind === 'subject') query.set('subject', grid.subject.code)
  return query.toString()
}

const endpointOf = (grid: AnyGrid) => (grid.kind === 'subject' ? 'assessment-grid' : 'trait-grid')
const bankScope = (grid: AnyGrid) => (grid.kind === 'subject' ? grid.subject.code : 'traits')

async function readJson(response: Response): Promise<unknown> {
  return response.json().catch(() => null)
}

/**
 * One class's grid of a subject (or of its qualities and competencies) at one checkpoint, as a
 * spreadsheet: type, Tab across, Enter and arrows down, paste a block from Excel; every mistake
 * beside its cell; one save; nothing typed is lost when a save fails (Điều 10.1, 12.1).
 */
export function EntryGrid({
  api,
  grid,
  onReplace,
  onDirtyChange,
  notice,
  mayFileCorrection,
}: EntryGridProps) {
  const corrections =
    !grid.editable && grid.lock !== null && grid.kind === 'subject' && mayFileCorrection
  const columns: GridColumn[] = useMemo(
    () => (grid.kind === 'subject' ? subjectColumns(grid) : traitColumns(grid)),
    [grid],
  )
  const scale = grid.kind === 'subject' ? 'subject' : 'quality'
  const [draft, setDraft] = useState<Draft>(() =>
    grid.kind === 'subject' ? subjectDraft(grid) : traitDraft(grid),
  )
  const [changed, setChanged] = useState<Set<number>>(() => new Set())
  const [retest, setRetest] = useState<Set<number>>(() => new Set())
  const [attempted, setAttempted] = useState(false)
  const [serverErrors, setServerErrors] = useState<Map<string, string>>(() => new Map())
  const [message, setMessage] = useState<Notice | null>(notice)
  const [busy, setBusy] = useState(false)
  const [commentCell, setCommentCell] = useState<CellPosition | null>(null)
  const [bank, setBank] = useState<BankEntry[]>(grid.commentBank)
  const [uploadErrors, setUploadErrors] = useState<GridError[]>([])
  const [file, setFile] = useState<File | null>(null)
  const [correctionRow, setCorrectionRow] = useState<number | null>(null)
  const inputs = useRef(new Map<string, HTMLInputElement>())
  const { openModal } = useModal()
  const confirmSlug = `confirm-grid-${endpointOf(grid)}`

  const dirty = changed.size > 0
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange])

  const clientErrors = useMemo(
    () =>
      draft.map((values, index) =>
        grid.kind === 'subject'
          ? checkSubjectRow(values, grid.tested, grid.rows[index].assessment !== null)
          : checkTraitRow(values, grid.traits),
      ),
    [draft, grid],
  )
  // Confirming asks for a saved grid, so the saved rows tell whether it is complete.
  const missing = useMemo(() => missingPupils(grid), [grid])
  const complete = grid.rows.length > 0 && missing.length === 0

  function errorOf(row: number, column: string): string | undefined {
    const fromServer = serverErrors.get(cellKey(row, column))
    if (fromServer) return fromServer
    return attempted || changed.has(row) ? clientErrors[row][column] : undefined
  }

  function markChanged(rows: Iterable<number>, columnKeys: string[]) {
    setChanged((before) => new Set([...before, ...rows]))
    setServerErrors((before) => {
      const after = new Map(before)
      for (const row of rows) for (const key of columnKeys) after.delete(cellKey(row, key))
      return after
    })
  }

  function setCell(row: number, column: GridColumn, text: string) {
    const value = column.kind === 'level' ? normalizeLevel(text, scale) : text
    setDraft((before) =>
      before.map((values, index) => (index === row ? { ...values, [column.key]: value } : values)),
    )
    markChanged([row], [column.key])
  }

  function focusCell(position: CellPosition) {
    const input = inputs.current.get(cellKey(position.row, columns[position.column].key))
    if (!input) return
    input.focus()
    if (columns[position.column].kind !== 'text') input.select()
  }

  function onCellKeyDown(event: KeyboardEvent<HTMLInputElement>, position: CellPosition) {
    const column = columns[position.column]
    if (column.kind === 'text' && event.altKey && /^[1-9]$/.test(event.key)) {
      const template = templatesFor(position)[Number(event.key) - 1]
      if (template) {
        event.preventDefault()
        insertTemplate(template.text, position)
      }
      return
    }
    const move = moveOfKey(event, column.kind)
    if (!move) return
    const to = moveFrom(position, move, { rows: draft.length, columns: columns.length })
    // Tab past the last cell leaves the grid for the buttons after it, as a browser would.
    if (!to && (move === 'next' || move === 'previous')) return
    event.preventDefault()
    if (to) focusCell(to)
  }

  function onCellPaste(event: ClipboardEvent<HTMLInputElement>, position: CellPosition) {
    const text = event.clipboardData.getData('text/plain')
    if (!isTablePaste(text)) return
    event.preventDefault()
    const table = parseClipboardTable(text)
    const result = pasteInto(draft, position, table, columns, scale)
    setDraft(result.draft)
    markChanged(
      result.changedRows,
      columns.map((column) => column.key),
    )
    setMessage(
      result.dropped > 0
        ? {
            tone: 'error',
            text: `Đã dán; ${result.dropped} ô nằm ngoài bảng nên bị bỏ qua.`,
          }
        : { tone: 'success', text: `Đã dán vào ${result.changedRows.length} hàng (chưa lưu).` },
    )
  }

  function templatesFor(position: CellPosition | null) {
    if (!position) return []
    if (grid.kind !== 'subject') return bank
    const level = normalizeLevel(draft[position.row]?.level ?? '', 'subject')
    return level ? bank.filter((entry) => !entry.level || entry.level === level) : bank
  }

  function insertTemplate(text: string, position: CellPosition) {
    const column = columns[position.column]
    const current = draft[position.row][column.key] ?? ''
    setCell(position.row, column, current.trim() === '' ? text : `${current.trimEnd()} ${text}`)
    requestAnimationFrame(() => focusCell(position))
  }

  async function saveTemplate() {
    if (!commentCell) return
    const values = draft[commentCell.row]
    const text = (values[columns[commentCell.column].key] ?? '').trim()
    if (!text) return
    const level =
      grid.kind === 'subject' ? normalizeLevel(values.level ?? '', 'subject') || null : null
    try {
      const response = await fetch(`${api}/comment-bank`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ subject: bankScope(grid), level, text }),
      })
      if (!response.ok) {
        const reason = firstMessage(await readJson(response)) ?? `lỗi ${response.status}`
        setMessage({ tone: 'error', text: `Chưa lưu được mẫu nhận xét: ${reason}` })
        return
      }
      setBank((before) => [...before, { level, text }])
      setMessage({ tone: 'success', text: 'Đã lưu nhận xét vào mẫu nhận xét của bạn.' })
    } catch {
      setMessage({ tone: 'error', text: NETWORK_FAILURE })
    }
  }

  async function save() {
    setAttempted(true)
    const wrong = [...changed].filter((row) => Object.keys(clientErrors[row]).length > 0)
    if (wrong.length > 0) {
      setMessage({
        tone: 'error',
        text: `Chưa lưu: ${wrong.length} học sinh còn ô có lỗi (ghi đỏ bên cạnh ô). Sửa rồi bấm “Lưu”.`,
      })
      return
    }
    if (!dirty) {
      setMessage({ tone: 'success', text: 'Không có thay đổi nào cần lưu.' })
      return
    }
    const rows =
      grid.kind === 'subject'
        ? subjectEntries(grid, draft, changed, retest)
        : traitEntries(grid, draft, changed)
    const body = {
      class: grid.class.id,
      ...(grid.kind === 'subject' ? { subject: grid.subject.code } : {}),
      period: grid.period,
      schoolYear: grid.schoolYear,
      rows,
    }
    setBusy(true)
    try {
      const response = await fetch(`${api}/${endpointOf(grid)}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = await readJson(response)
      if (response.ok) {
        onReplace((answer as { grid?: AnyGrid } | null)?.grid ?? null, {
          tone: 'success',
          text: `Đã lưu ${rows.length} học sinh.`,
        })
        return
      }
      const errors = ((answer as { errors?: GridError[] } | null)?.errors ?? []).filter(
        (error) => typeof error.column === 'string',
      )
      const { cells, other } = errorsByCell(errors, grid.rows, columns)
      setServerErrors(cells)
      const reason =
        other.map((error) => error.message).join(' ') ||
        (cells.size === 0 ? firstMessage(answer) : null) ||
        ''
      setMessage({
        tone: 'error',
        text:
          cells.size > 0
            ? `Chưa lưu gì: ${cells.size} ô có lỗi (ghi đỏ bên cạnh ô). ${reason}`.trim()
            : `Chưa lưu gì: ${reason || `lỗi ${response.status}`}. Các giá trị đã nhập vẫn còn.`,
      })
    } catch {
      setMessage({ tone: 'error', text: NETWORK_FAILURE })
    } finally {
      setBusy(false)
    }
  }

  async function confirm() {
    try {
      const response = await fetch(`${api}/assessment-grid/confirm`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          class: grid.class.id,
          subject: bankScope(grid),
          period: grid.period,
          schoolYear: grid.schoolYear,
        }),
      })
      if (!response.ok) {
        const answer = await readJson(response)
        const reason = firstMessage(answer) ?? `Chưa xác nhận được (lỗi ${response.status}).`
        const names = (answer as { missing?: unknown } | null)?.missing
        setMessage({
          tone: 'error',
          text: Array.isArray(names) ? `${reason} ${names.join(', ')}.` : reason,
        })
        return
      }
      onReplace(null, { tone: 'success', text: 'Đã xác nhận hoàn thành: bảng đã khóa sổ.' })
    } catch {
      setMessage({ tone: 'error', text: NETWORK_FAILURE })
    }
  }

  async function upload() {
    if (!file) return
    if (dirty && !window.confirm('Bảng có thay đổi chưa lưu. Tải tệp lên sẽ bỏ các thay đổi đó?')) {
      return
    }
    setBusy(true)
    setUploadErrors([])
    try {
      const form = new FormData()
      form.append('file', file)
      const response = await fetch(`${api}/${endpointOf(grid)}/xlsx?${gridQuery(grid)}`, {
        method: 'POST',
        credentials: 'include',
        body: form,
      })
      const answer = await readJson(response)
      if (response.ok) {
        onReplace((answer as { grid?: AnyGrid } | null)?.grid ?? null, {
          tone: 'success',
          text: 'Đã nhập tệp Excel vào bảng.',
        })
        return
      }
      const errors = (answer as { errors?: GridError[] } | null)?.errors ?? []
      setUploadErrors(errors)
      setMessage({
        tone: 'error',
        text:
          errors.length > 1 || errors[0]?.cell
            ? `Tệp có ${errors.length} lỗi; chưa ghi gì vào bảng.`
            : `Chưa nhập được tệp: ${firstMessage(answer) ?? `lỗi ${response.status}`}`,
      })
    } catch {
      setMessage({ tone: 'error', text: NETWORK_FAILURE })
    } finally {
      setBusy(false)
    }
  }

  const templates = templatesFor(commentCell)
  const title =
    grid.kind === 'subject'
      ? `${grid.subject.name} – ${grid.class.name} – ${PERIOD_LABELS[grid.period].vi}`
      : `Phẩm chất, năng lực – ${grid.class.name} – ${PERIOD_LABELS[grid.period].vi}`

  return (
    <section className="entry-grid" aria-labelledby="entry-grid-title">
      <div className="entry-grid__head">
        <h2 id="entry-grid-title">{title}</h2>
        <span className={`entry-grid__lock entry-grid__lock--${grid.lock ?? 'open'}`}>
          {lockLabel(grid.lock)}
        </span>
        {dirty && <span className="entry-grid__dirty">Có thay đổi chưa lưu ({changed.size})</span>}
      </div>
      {!grid.editable && <p>{readOnlyReason(grid.lock)}</p>}
      {grid.kind === 'subject' && (
        <p className="entry-grid__hint">
          {grid.tested
            ? 'Môn có bài kiểm tra định kì ở kì này: nhập mức (T, H, C) và điểm (số nguyên 1–10).'
            : 'Môn không có bài kiểm tra định kì ở kì này: nhập mức (T, H, C) và nhận xét.'}
          {grid.editable &&
            ' Gõ chữ thường cũng được; Tab, Enter, mũi tên để di chuyển; dán cả cột từ Excel.'}
        </p>
      )}
      <div role="status" aria-live="polite" className="entry-grid__status">
        {message && (
          <p className={`entry-grid__message entry-grid__message--${message.tone}`}>
            {message.text}
          </p>
        )}
      </div>
      <div className="entry-grid__scroll">
        <table className="entry-grid__table" aria-label={title}>
          <thead>
            <tr>
              <th scope="col" className="entry-grid__index">
                STT
              </th>
              <th scope="col" className="entry-grid__name">
                Họ và tên
              </th>
              {columns.map((column) => (
                <th scope="col" key={column.key} className={`entry-grid__col--${column.kind}`}>
                  {column.label}
                </th>
              ))}
              {grid.kind === 'subject' && grid.tested && grid.editable && (
                <th scope="col">Kiểm tra lại</th>
              )}
              {corrections && <th scope="col">Điều chỉnh</th>}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row, rowIndex) => (
              <GridRow
                key={String(row.student)}
                grid={grid}
                row={row}
                rowIndex={rowIndex}
                columns={columns}
                values={draft[rowIndex]}
                changed={changed.has(rowIndex)}
                retest={retest.has(rowIndex)}
                errorOf={errorOf}
                register={(key, input) => {
                  if (input) inputs.current.set(key, input)
                  else inputs.current.delete(key)
                }}
                onChange={setCell}
                onKeyDown={onCellKeyDown}
                onPaste={onCellPaste}
                onFocusCell={(position) => {
                  if (columns[position.column].kind === 'text') setCommentCell(position)
                }}
                onRetest={(on) => {
                  setRetest((before) => {
                    const after = new Set(before)
                    if (on) after.add(rowIndex)
                    else after.delete(rowIndex)
                    return after
                  })
                  markChanged([rowIndex], [])
                }}
                corrections={corrections}
                correctionOpen={correctionRow === rowIndex}
                onCorrection={() =>
                  setCorrectionRow((open) => (open === rowIndex ? null : rowIndex))
                }
                api={api}
              />
            ))}
          </tbody>
        </table>
      </div>

      {grid.editable && (
        <aside className="entry-grid__bank" aria-label="Mẫu nhận xét">
          <h3>Mẫu nhận xét</h3>
          {!commentCell ? (
            <p>Chọn một ô nhận xét để chèn nhanh mẫu (Alt+1…9 hoặc bấm vào mẫu).</p>
          ) : (
            <>
              <p>
                Cho ô “{columns[commentCell.column]?.label}” của{' '}
                {grid.rows[commentCell.row]?.fullName}:
              </p>
              {templates.length === 0 ? (
                <p>Chưa có mẫu nào cho môn và mức này.</p>
              ) : (
                <ol>
                  {templates.slice(0, 9).map((template, index) => (
                    <li key={`${index}:${template.text}`}>
                      <button
                        type="button"
                        className="entry-grid__template"
                        title={`Alt+${index + 1}`}
                        onClick={() => insertTemplate(template.text, commentCell)}
                      >
                        {template.level && <strong>{template.level} </strong>}
                        {template.text}
                      </button>
                    </li>
                  ))}
                </ol>
              )}
              <Button
                buttonStyle="secondary"
                size="small"
                disabled={
                  !(draft[commentCell.row]?.[columns[commentCell.column]?.key] ?? '').trim()
                }
                onClick={saveTemplate}
              >
                Lưu vào mẫu nhận xét
              </Button>
            </>
          )}
        </aside>
      )}

      <div className="entry-grid__actions">
        {grid.editable && (
          <Button buttonStyle="primary" size="medium" disabled={busy} onClick={save}>
            {busy ? 'Đang lưu…' : 'Lưu'}
          </Button>
        )}
        {grid.editable && (
          <Button
            buttonStyle="secondary"
            size="medium"
            disabled={busy || dirty || !complete}
            tooltip={
              dirty
                ? 'Lưu các thay đổi trước khi xác nhận.'
                : complete
                  ? undefined
                  : `Còn ${missing.length} học sinh chưa có kết quả đầy đủ.`
            }
            onClick={() => openModal(confirmSlug)}
          >
            Xác nhận hoàn thành
          </Button>
        )}
        <a
          className="btn btn--style-secondary btn--size-medium"
          href={`${api}/${endpointOf(grid)}/xlsx?${gridQuery(grid)}`}
          download
        >
          Tải Excel
        </a>
      </div>
      {grid.editable && (
        <div className="entry-grid__actions">
          <label>
            Tệp Excel đã điền{' '}
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </label>
          <Button buttonStyle="secondary" size="small" disabled={!file || busy} onClick={upload}>
            Tải lên Excel
          </Button>
        </div>
      )}
      {uploadErrors.length > 0 && (
        <table className="entry-grid__upload-errors" aria-label="Lỗi trong tệp Excel">
          <thead>
            <tr>
              <th scope="col">Ô</th>
              <th scope="col">Học sinh</th>
              <th scope="col">Lỗi</th>
            </tr>
          </thead>
          <tbody>
            {uploadErrors.map((error, index) => (
              <tr key={index}>
                <td>{error.cell ?? ''}</td>
                <td>
                  {grid.rows.find(
                    (row) =>
                      (error.student !== undefined &&
                        String(row.student) === String(error.student)) ||
                      (error.studentCode !== undefined && row.studentCode === error.studentCode),
                  )?.fullName ??
                    error.studentCode ??
                    ''}
                </td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmationModal
        modalSlug={confirmSlug}
        heading="Xác nhận hoàn thành nhập kết quả?"
        body={
          <p>
            Sau khi xác nhận, bảng {title} bị khóa sổ. Muốn sửa phải gửi đề nghị điều chỉnh để Ban
            giám hiệu duyệt.
          </p>
        }
        confirmLabel="Xác nhận"
        cancelLabel="Hủy"
        onConfirm={confirm}
      />
    </section>
  )
}

interface GridRowProps {
  api: string
  grid: AnyGrid
  row: AnyGrid['rows'][number]
  rowIndex: number
  columns: GridColumn[]
  values: Record<string, string>
  changed: boolean
  retest: boolean
  errorOf: (row: number, column: string) => string | undefined
  register: (key: string, input: HTMLInputElement | null) => void
  onChange: (row: number, column: GridColumn, text: string) => void
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, position: CellPosition) => void
  onPaste: (event: ClipboardEvent<HTMLInputElement>, position: CellPosition) => void
  onFocusCell: (position: CellPosition) => void
  onRetest: (on: boolean) => void
  corrections: boolean
  correctionOpen: boolean
  onCorrection: () => void
}

function GridRow(props: GridRowProps) {
  const { grid, row, rowIndex, columns, values } = props
  const subjectRow = grid.kind === 'subject' ? (row as SubjectGrid['rows'][number]) : null
  const canRetest =
    grid.kind === 'subject' &&
    grid.tested &&
    grid.editable &&
    subjectRow?.assessment !== null &&
    subjectRow?.score !== null
  const extraColumns =
    (grid.kind === 'subject' && grid.tested && grid.editable ? 1 : 0) + (props.corrections ? 1 : 0)
  return (
    <>
      <tr className={props.changed ? 'entry-grid__row--changed' : undefined}>
        <td className="entry-grid__index">{rowIndex + 1}</td>
        <th scope="row" className="entry-grid__name">
          {row.fullName}
          {props.changed && (
            <span className="entry-grid__changed" title="Chưa lưu">
              {' '}
              •
            </span>
          )}
        </th>
        {columns.map((column, columnIndex) => {
          const error = props.errorOf(rowIndex, column.key)
          const key = cellKey(rowIndex, column.key)
          const errorId = `grid-error-${rowIndex}-${column.key}`
          return (
            <td
              key={column.key}
              className={`entry-grid__cell entry-grid__col--${column.kind}${error ? ' entry-grid__cell--error' : ''}`}
            >
              {grid.editable ? (
                <input
                  ref={(input) => props.register(key, input)}
                  type="text"
                  value={values[column.key] ?? ''}
                  aria-label={`${column.label} – ${row.fullName}`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  inputMode={column.kind === 'score' ? 'numeric' : undefined}
                  autoComplete="off"
                  spellCheck={column.kind === 'text'}
                  maxLength={column.kind === 'text' ? 1000 : 4}
                  onChange={(event) => props.onChange(rowIndex, column, event.target.value)}
                  onKeyDown={(event) =>
                    props.onKeyDown(event, { row: rowIndex, column: columnIndex })
                  }
                  onPaste={(event) => props.onPaste(event, { row: rowIndex, column: columnIndex })}
                  onFocus={(event) => {
                    if (column.kind !== 'text') event.target.select()
                    props.onFocusCell({ row: rowIndex, column: columnIndex })
                  }}
                />
              ) : (
                <span>{values[column.key]}</span>
              )}
              {column.key === 'score' && subjectRow && subjectRow.earlierScores.length > 0 && (
                <span className="entry-grid__attempts">
                  Lần trước: {subjectRow.earlierScores.join(', ')}
                </span>
              )}
              {error && (
                <span className="entry-grid__error" id={errorId}>
                  {error}
                </span>
              )}
            </td>
          )
        })}
        {grid.kind === 'subject' && grid.tested && grid.editable && (
          <td>
            {canRetest && (
              <label className="entry-grid__retest">
                <input
                  type="checkbox"
                  checked={props.retest}
                  onChange={(event) => props.onRetest(event.target.checked)}
                />{' '}
                Kiểm tra lại
              </label>
            )}
          </td>
        )}
        {props.corrections && (
          <td>
            {subjectRow?.assessment !== null && (
              <Button buttonStyle="secondary" size="small" onClick={props.onCorrection}>
                Đề nghị điều chỉnh
              </Button>
            )}
          </td>
        )}
      </tr>
      {props.correctionOpen && subjectRow && subjectRow.assessment !== null && (
        <tr className="entry-grid__correction-row">
          <td colSpan={2 + columns.length + extraColumns}>
            <CorrectionForm
              api={props.api}
              tested={grid.kind === 'subject' && grid.tested}
              row={subjectRow}
              onDone={props.onCorrection}
            />
          </td>
        </tr>
      )}
    </>
  )
}

/** Đề nghị điều chỉnh (Điều 12.2): the new values of a locked entry and why, for leadership. */
function CorrectionForm({
  api,
  tested,
  row,
  onDone,
}: {
  api: string
  tested: boolean
  row: SubjectGrid['rows'][number]
  onDone: () => void
}) {
  const [level, setLevel] = useState<string>(row.level ?? '')
  const [score, setScore] = useState(row.score === null ? '' : String(row.score))
  const [comment, setComment] = useState(row.comment ?? '')
  const [reason, setReason] = useState('')
  const [result, setResult] = useState<Notice | null>(null)
  const [sent, setSent] = useState(false)

  async function send() {
    if (!reason.trim()) {
      setResult({ tone: 'error', text: 'Cần ghi lý do điều chỉnh.' })
      return
    }
    const proposal: Record<string, unknown> = { assessment: row.assessment, reason: reason.trim() }
    if (level && level !== row.level) proposal.level = level
    if (tested && score.trim() !== '' && Number(score) !== row.score) proposal.score = Number(score)
    if (comment.trim() !== (row.comment ?? '')) proposal.comment = comment.trim()
    try {
      const response = await fetch(`${api}/correction-requests`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(proposal),
      })
      if (!response.ok) {
        const why = firstMessage(await readJson(response)) ?? `lỗi ${response.status}`
        setResult({ tone: 'error', text: `Chưa gửi được: ${why}` })
        return
      }
      setSent(true)
      setResult({ tone: 'success', text: 'Đã gửi đề nghị điều chỉnh; chờ Ban giám hiệu duyệt.' })
    } catch {
      setResult({ tone: 'error', text: NETWORK_FAILURE })
    }
  }

  return (
    <form
      className="entry-grid__correction"
      aria-label={`Đề nghị điều chỉnh – ${row.fullName}`}
      onSubmit={(event) => {
        event.preventDefault()
        void send()
      }}
    >
      <label>
        Mức mới{' '}
        <select value={level} onChange={(event) => setLevel(event.target.value)}>
          {SUBJECT_LEVELS.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
      {tested && (
        <label>
          Điểm mới{' '}
          <input
            type="number"
            min={1}
            max={10}
            step={1}
            value={score}
            onChange={(event) => setScore(event.target.value)}
          />
        </label>
      )}
      <label>
        Nhận xét mới{' '}
        <textarea value={comment} onChange={(event) => setComment(event.target.value)} />
      </label>
      <label>
        Lý do điều chỉnh{' '}
        <textarea required value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <div className="entry-grid__actions">
        <Button type="submit" buttonStyle="primary" size="small" disabled={sent}>
          Gửi đề nghị
        </Button>
        <Button buttonStyle="secondary" size="small" onClick={onDone}>
          Đóng
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {result && (
          <p className={`entry-grid__message entry-grid__message--${result.tone}`}>{result.text}</p>
        )}
      </div>
    </form>
  )
}
