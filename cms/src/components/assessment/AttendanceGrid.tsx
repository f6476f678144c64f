'use client'

import { Button, SelectInput, useConfig } from '@payloadcms/ui'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import type { OptionObject } from 'payload'

import type {
  AttendanceGrid as Grid,
  CellMark,
  GridError,
  GridSession,
} from '../../assessment/attendance-grid'
import type { ClassAttendanceTotals } from '../../assessment/attendance-totals'

export interface AttendanceClassOption {
  id: string
  name: string
  /** The user takes this class's attendance (its homeroom teacher); else reads it. */
  editable: boolean
}

/** A click or Space moves to the next mark in this order. */
const CYCLE: CellMark[] = ['present', 'excused', 'unexcused', 'late']
const LETTER: Record<CellMark, string> = { present: 'C', excused: 'P', unexcused: 'K', late: 'M' }
const MARK_OF_KEY: Record<string, CellMark> = {
  c: 'present',
  p: 'excused',
  k: 'unexcused',
  m: 'late',
}
const LABEL: Record<CellMark, string> = {
  present: 'Có mặt',
  excused: 'Vắng có phép',
  unexcused: 'Vắng không phép',
  late: 'Đi muộn',
}
const SESSION_LABEL = { morning: 'Sáng', afternoon: 'Chiều' } as const
const WEEKDAY = ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7']

interface DraftSession {
  taken: boolean
  /** Pupil id → mark and reason; a pupil not here is present. */
  marks: Record<string, { mark: Exclude<CellMark, 'present'>; reason: string }>
}
type Draft = Record<string, DraftSession>

const keyOf = (session: Pick<GridSession, 'date' | 'session'>) =>
  `${session.date} ${session.session}`
const dayLabel = (date: string) => {
  const weekday = WEEKDAY[new Date(`${date}T00:00:00Z`).getUTCDay()]
  return `${weekday} ${date.slice(8, 10)}/${date.slice(5, 7)}`
}
const dateVi = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`

function draftOf(grid: Grid): Draft {
  const draft: Draft = {}
  for (const session of grid.sessions) {
    const marks: DraftSession['marks'] = {}
    for (const mark of session.marks)
      marks[String(mark.student)] = { mark: mark.mark, reason: mark.reason ?? '' }
    draft[keyOf(session)] = { taken: session.taken, marks }
  }
  return draft
}

const sameSession = (a: DraftSession | undefined, b: DraftSession | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

const days = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1))

/**
 * The weekly grid: pupils down, the week's sessions across. Each cell cycles with a click or
 * Space, or takes a key: C có mặt, P vắng có phép, K vắng không phép, M đi muộn; arrows move.
 * Nothing is sent before "Lưu"; a refused save keeps every change on screen with its errors.
 */
export function AttendanceGrid({
  classes,
  initialClass,
  initialWeek,
}: {
  classes: AttendanceClassOption[]
  initialClass: string
  initialWeek?: string
}) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [classId, setClassId] = useState(initialClass)
  const [week, setWeek] = useState(initialWeek ?? '')
  const [grid, setGrid] = useState<Grid | null>(null)
  const [saved, setSaved] = useState<Draft>({})
  const [draft, setDraft] = useState<Draft>({})
  const [errors, setErrors] = useState<GridError[]>([])
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [totals, setTotals] = useState<ClassAttendanceTotals | null>(null)
  const table = useRef<HTMLTableElement>(null)

  const changed = useMemo(
    () => Object.keys(draft).filter((key) => !sameSession(draft[key], saved[key])),
    [draft, saved],
  )

  const show = useCallback((next: Grid) => {
    setGrid(next)
    const fresh = draftOf(next)
    setSaved(fresh)
    setDraft(fresh)
  }, [])

  const loadTotals = useCallback(async () => {
    const response = await fetch(`${api}/attendance/totals?class=${classId}`, {
      credentials: 'include',
    })
    setTotals(response.ok ? await response.json() : null)
  }, [api, classId])

  const load = useCallback(async () => {
    setBusy(true)
    setErrors([])
    try {
      const query = new URLSearchParams({ class: classId })
      if (week) query.set('week', week)
      const response = await fetch(`${api}/attendance-grid?${query}`, { credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        setGrid(null)
        setMessage(body.errors?.[0]?.message ?? `Lỗi ${response.status}`)
        return
      }
      setMessage(null)
      show(body as Grid)
    } catch {
      setMessage('Không tải được điểm danh: kiểm tra kết nối rồi thử lại.')
    } finally {
      setBusy(false)
    }
  }, [api, classId, week, show])

  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    void loadTotals()
  }, [loadTotals])

  const editable = Boolean(grid?.editable)
  const inRange = (date: string) => Boolean(grid && date >= grid.firstDay && date <= grid.lastDay)

  function goTo(nextWeek: string) {
    if (changed.length > 0 && !window.confirm('Có thay đổi chưa lưu. Bỏ các thay đổi đó?')) return
    setWeek(nextWeek)
  }

  function setMark(key: string, student: string, mark: CellMark) {
    setDraft((current) => {
      const session = current[key] ?? { taken: false, marks: {} }
      const marks = { ...session.marks }
      if (mark === 'present') delete marks[student]
      else marks[student] = { mark, reason: marks[student]?.reason ?? '' }
      // Marking a pupil is taking the session's attendance.
      return { ...current, [key]: { taken: true, marks } }
    })
  }

  function setReason(key: string, student: string, reason: string) {
    setDraft((current) => {
      const session = current[key]
      const mark = session?.marks[student]
      if (!session || !mark) return current
      return {
        ...current,
        [key]: { ...session, marks: { ...session.marks, [student]: { ...mark, reason } } },
      }
    })
  }

  function setTaken(key: string, taken: boolean) {
    setDraft((current) => ({
      ...current,
      [key]: { taken, marks: taken ? (current[key]?.marks ?? {}) : {} },
    }))
  }

  function allPresent(key: string) {
    setDraft((current) => ({ ...current, [key]: { taken: true, marks: {} } }))
  }

  function markOf(key: string, student: string): CellMark {
    return draft[key]?.marks[student]?.mark ?? 'present'
  }

  function focusCell(row: number, column: number) {
    table.current
      ?.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-column="${column}"]`)
      ?.focus()
  }

  function onCellKey(event: KeyboardEvent<HTMLButtonElement>, row: number, column: number) {
    const session = grid!.sessions[column]!
    const key = keyOf(session)
    const student = String(grid!.pupils[row]!.id)
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, column],
      ArrowDown: [row + 1, column],
      ArrowLeft: [row, column - 1],
      ArrowRight: [row, column + 1],
      Enter: [row + 1, column],
    }
    const move = moves[event.key]
    if (move) {
      event.preventDefault()
      focusCell(move[0], move[1])
      return
    }
    const mark = MARK_OF_KEY[event.key.toLowerCase()]
    if (mark && editable && inRange(session.date)) {
      event.preventDefault()
      setMark(key, student, mark)
      // The next pupil, as one goes down the register.
      focusCell(row + 1, column)
    }
  }

  async function save() {
    if (!grid) return
    setBusy(true)
    setErrors([])
    setMessage(null)
    const sessions = changed.map((key) => {
      const [date, session] = key.split(' ')
      const entry = draft[key]!
      return {
        date,
        session,
        taken: entry.taken,
        marks: Object.entries(entry.marks).map(([student, value]) => ({
          student: /^\d+$/.test(student) ? Number(student) : student,
          mark: value.mark,
          reason: value.reason.trim() || null,
        })),
      }
    })
    try {
      const response = await fetch(`${api}/attendance-grid`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ class: grid.class.id, week: grid.week, sessions }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        // Every change stays on screen, with what to fix.
        setErrors(
          (body.errors ?? []).map((error: GridError) => {
            const index = Number(/^sessions\[(\d+)\]/.exec(error.path)?.[1])
            return { ...error, path: Number.isNaN(index) ? error.path : changed[index]! }
          }),
        )
        setMessage(body.message ?? body.errors?.[0]?.message ?? `Lỗi ${response.status}`)
        return
      }
      const { created, updated, removed } = body.saved
      setMessage(`Đã lưu: ${created} buổi mới, ${updated} buổi sửa, ${removed} buổi bỏ.`)
      show(body.grid as Grid)
      void loadTotals()
    } catch {
      setMessage(
        'Không lưu được: kiểm tra kết nối rồi lưu lại; các thay đổi vẫn còn trên màn hình.',
      )
    } finally {
      setBusy(false)
    }
  }

  const options: OptionObject[] = classes.map((option) => ({
    value: option.id,
    label: option.editable ? `${option.name} (lớp chủ nhiệm)` : option.name,
  }))
  const errorKeys = new Set(errors.map((error) => error.path))
  const pupilName = new Map(grid?.pupils.map((pupil) => [String(pupil.id), pupil.name]) ?? [])
  const absences = grid
    ? grid.sessions.flatMap((session) =>
        Object.entries(draft[keyOf(session)]?.marks ?? {}).map(([student, value]) => ({
          key: keyOf(session),
          session,
          student,
          ...value,
        })),
      )
    : []

  return (
    <div className="attendance-grid">
      <div className="attendance-grid__toolbar">
        <div className="attendance-grid__class">
          <SelectInput
            name="class"
            path="class"
            label="Lớp"
            options={options}
            value={classId}
            isClearable={false}
            onChange={(option) => {
              const value = Array.isArray(option) ? option[0]?.value : option?.value
              if (!value || value === classId) return
              if (
                changed.length > 0 &&
                !window.confirm('Có thay đổi chưa lưu. Bỏ các thay đổi đó?')
              )
                return
              setClassId(String(value))
            }}
          />
        </div>
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={!grid || busy}
          onClick={() => grid && goTo(grid.previousWeek)}
        >
          ← Tuần trước
        </Button>
        <label className="attendance-grid__week">
          Tuần có ngày
          <input
            type="date"
            value={grid?.week ?? week}
            onChange={(event) => event.target.value && goTo(event.target.value)}
          />
        </label>
        <Button
          buttonStyle="secondary"
          size="small"
          disabled={!grid || busy}
          onClick={() => grid && goTo(grid.nextWeek)}
        >
          Tuần sau →
        </Button>
        <Button buttonStyle="subtle" size="small" disabled={busy} onClick={() => goTo('')}>
          Tuần này
        </Button>
      </div>

      {grid && (
        <p className="attendance-grid__help">
          {editable
            ? `Bấm vào ô hoặc gõ phím: C có mặt, P vắng có phép, K vắng không phép, M đi muộn; ` +
              `mũi tên để di chuyển. Có thể điểm danh trước đến ${dateVi(grid.lastDay)} cho ` +
              `học sinh xin nghỉ có phép.`
            : 'Bạn xem điểm danh của lớp này; giáo viên chủ nhiệm của lớp điểm danh.'}
        </p>
      )}

      {message && (
        <p
          className={errors.length > 0 ? 'attendance-grid__error' : 'attendance-grid__message'}
          role="status"
        >
          {message}
        </p>
      )}
      {errors.length > 0 && (
        <ul className="attendance-grid__error">
          {errors.map((error, index) => (
            <li key={index}>{error.message}</li>
          ))}
        </ul>
      )}

      {grid && (
        <div className="attendance-grid__scroll">
          <table ref={table} aria-label={`Điểm danh ${grid.class.name}`}>
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  Học sinh ({grid.pupils.length})
                </th>
                {grid.days.map((date) => (
                  <th key={date} colSpan={2} scope="colgroup">
                    {dayLabel(date)}
                  </th>
                ))}
              </tr>
              <tr>
                {grid.sessions.map((session) => {
                  const key = keyOf(session)
                  const entry = draft[key]
                  const open = editable && inRange(session.date)
                  return (
                    <th
                      key={key}
                      scope="col"
                      className={errorKeys.has(key) ? 'attendance-grid__invalid' : undefined}
                    >
                      <span>{SESSION_LABEL[session.session]}</span>
                      <label className="attendance-grid__taken">
                        <input
                          type="checkbox"
                          checked={Boolean(entry?.taken)}
                          disabled={!open}
                          onChange={(event) => setTaken(key, event.target.checked)}
                        />
                        đã điểm danh
                      </label>
                      {open && (
                        <button
                          type="button"
                          className="attendance-grid__all"
                          onClick={() => allPresent(key)}
                        >
                          Cả lớp có mặt
                        </button>
                      )}
                    </th>
                  )
                })}
              </tr>
            </thead>
            <tbody>
              {grid.pupils.map((pupil, row) => (
                <tr key={String(pupil.id)}>
                  <th scope="row">
                    {pupil.name}
                    {pupil.left && <small> (đã chuyển/nghỉ)</small>}
                  </th>
                  {grid.sessions.map((session, column) => {
                    const key = keyOf(session)
                    const student = String(pupil.id)
                    const mark = markOf(key, student)
                    const taken = Boolean(draft[key]?.taken)
                    const open = editable && inRange(session.date)
                    return (
                      <td key={key}>
                        <button
                          type="button"
                          data-row={row}
                          data-column={column}
                          className={`attendance-cell attendance-cell--${taken ? mark : 'untaken'}`}
                          aria-label={`${pupil.name}, ${dayLabel(session.date)} ${
                            SESSION_LABEL[session.session]
                          }: ${taken ? LABEL[mark] : 'chưa điểm danh'}`}
                          aria-disabled={!open}
                          onClick={() => {
                            if (!open) return
                            const next = taken
                              ? CYCLE[(CYCLE.indexOf(mark) + 1) % CYCLE.length]!
                              : 'present'
                            setMark(key, student, next)
                          }}
                          onKeyDown={(event) => onCellKey(event, row, column)}
                        >
                          {taken ? LETTER[mark] : '·'}
                        </button>
                      </td>
                    )
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {grid && absences.length > 0 && (
        <section aria-labelledby="attendance-reasons">
          <h3 id="attendance-reasons">Lý do vắng, muộn trong tuần</h3>
          <ul className="attendance-grid__reasons">
            {absences.map((absence) => (
              <li key={`${absence.key} ${absence.student}`}>
                <span>
                  {pupilName.get(absence.student)} · {dayLabel(absence.session.date)}{' '}
                  {SESSION_LABEL[absence.session.session].toLowerCase()} · {LABEL[absence.mark]}
                </span>
                <input
                  type="text"
                  maxLength={200}
                  placeholder="Lý do (ví dụ: ốm, gia đình xin phép)"
                  value={absence.reason}
                  disabled={!editable || !inRange(absence.session.date)}
                  onChange={(event) => setReason(absence.key, absence.student, event.target.value)}
                />
              </li>
            ))}
          </ul>
        </section>
      )}

      {editable && (
        <div className="attendance-grid__actions">
          <Button disabled={busy || changed.length === 0} onClick={() => void save()}>
            {changed.length > 0 ? `Lưu (${changed.length} buổi thay đổi)` : 'Lưu'}
          </Button>
        </div>
      )}

      {totals && (
        <section aria-labelledby="attendance-totals">
          <h2 id="attendance-totals">Tổng hợp ngày nghỉ năm học {totals.schoolYear}</h2>
          <p className="attendance-grid__help">
            Số ngày nghỉ (một buổi = nửa ngày khi lớp học hai buổi). Học kì II từ{' '}
            {dateVi(totals.term2StartsOn)}. {totals.term2Rule}
          </p>
          <table className="attendance-totals">
            <thead>
              <tr>
                <th rowSpan={2} scope="col">
                  Học sinh
                </th>
                <th colSpan={2} scope="colgroup">
                  Học kì I
                </th>
                <th colSpan={2} scope="colgroup">
                  Học kì II
                </th>
                <th colSpan={3} scope="colgroup">
                  Cả năm
                </th>
              </tr>
              <tr>
                <th scope="col">Có phép</th>
                <th scope="col">Không phép</th>
                <th scope="col">Có phép</th>
                <th scope="col">Không phép</th>
                <th scope="col">Có phép</th>
                <th scope="col">Không phép</th>
                <th scope="col">Đi muộn</th>
              </tr>
            </thead>
            <tbody>
              {totals.pupils.map((pupil) => (
                <tr key={String(pupil.id)}>
                  <th scope="row">{pupil.name}</th>
                  <td className="number">{days(pupil.term1.excusedDays)}</td>
                  <td className="number">{days(pupil.term1.unexcusedDays)}</td>
                  <td className="number">{days(pupil.term2.excusedDays)}</td>
                  <td className="number">{days(pupil.term2.unexcusedDays)}</td>
                  <td className="number">{days(pupil.year.excusedDays)}</td>
                  <td className="number">{days(pupil.year.unexcusedDays)}</td>
                  <td className="number">{pupil.year.lateCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
