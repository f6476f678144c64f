'use client'

import { SelectInput, useConfig } from '@payloadcms/ui'
import { PERIOD_LABELS, PERIODS, formatDateVi, type GridChoices } from '@school/shared'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { EntryGrid, gridQuery, type AnyGrid } from './EntryGrid'
import { NETWORK_FAILURE, WINDOW_LABELS, firstMessage } from './labels'

export interface GridSelection {
  schoolYear: string
  period: string
  class: string
  /** A subject code, or `traits` for the qualities and competencies. */
  subject: string
}

export const TRAITS = 'traits'
const LEAVE_WARNING = 'Bảng có thay đổi chưa lưu. Rời trang sẽ mất các thay đổi đó. Vẫn rời trang?'

type Option = { label: string; value: string }
const valueOf = (option: Option | Option[]) => (Array.isArray(option) ? option[0] : option)?.value

/** The pickers of the grid page and the grid they open, kept in the address (a reload keeps it). */
export function GridWorkspace({ initial }: { initial: GridSelection }) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [selection, setSelection] = useState<GridSelection>(initial)
  const [choices, setChoices] = useState<GridChoices | null>(null)
  const [grid, setGrid] = useState<AnyGrid | null>(null)
  /** A reload of the grid from the server. */
  const [version, setVersion] = useState(0)
  /** A new grid from the server: the entry grid starts again from it. */
  const [generation, setGeneration] = useState(0)
  const [notice, setNotice] = useState<{ tone: 'error' | 'success'; text: string } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const dirty = useRef(false)
  const onDirtyChange = useCallback((value: boolean) => {
    dirty.current = value
  }, [])

  // A page leave with unsaved changes asks first: closing the tab, and the admin's own links.
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return
      event.preventDefault()
      event.returnValue = LEAVE_WARNING
    }
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]')
      if (!dirty.current || !link || link.hasAttribute('download')) return
      if (!window.confirm(LEAVE_WARNING)) {
        event.preventDefault()
        event.stopPropagation()
      } else dirty.current = false
    }
    window.addEventListener('beforeunload', beforeUnload)
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', beforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [])

  useEffect(() => {
    let current = true
    setChoices(null)
    fetch(`${api}/assessment-grid/choices?schoolYear=${encodeURIComponent(selection.schoolYear)}`, {
      credentials: 'include',
    })
      .then(async (response) => {
        const body = await response.json().catch(() => null)
        if (!current) return
        if (!response.ok) {
          setProblem(
            firstMessage(body) ?? `Không tải được danh sách bảng (lỗi ${response.status}).`,
          )
          return
        }
        setProblem(null)
        setChoices(body as GridChoices)
      })
      .catch(() => current && setProblem(NETWORK_FAILURE))
    return () => {
      current = false
    }
  }, [api, selection.schoolYear])

  // Fill what the address left out with the first open checkpoint, class and subject.
  const resolved = useMemo<GridSelection | null>(() => {
    if (!choices || choices.sheets.length === 0) return null
    const period = (PERIODS as readonly string[]).includes(selection.period)
      ? selection.period
      : (choices.periods.find((entry) => entry.state === 'open')?.period ??
        choices.periods[0]?.period ??
        'mid1')
    const classSheets = choices.sheets.filter((sheet) => String(sheet.class.id) === selection.class)
    const classId = classSheets.length > 0 ? selection.class : String(choices.sheets[0].class.id)
    const sheets = choices.sheets.filter((sheet) => String(sheet.class.id) === classId)
    const subject = sheets.some((sheet) => (sheet.subject?.code ?? TRAITS) === selection.subject)
      ? selection.subject
      : (sheets[0].subject?.code ?? TRAITS)
    return { schoolYear: selection.schoolYear, period, class: classId, subject }
  }, [choices, selection])

  useEffect(() => {
    if (!resolved) return
    const query = new URLSearchParams({ ...resolved })
    window.history.replaceState(null, '', `${window.location.pathname}?${query}`)
    let current = true
    const params = new URLSearchParams({
      class: resolved.class,
      period: resolved.period,
      schoolYear: resolved.schoolYear,
    })
    if (resolved.subject !== TRAITS) params.set('subject', resolved.subject)
    const endpoint = resolved.subject === TRAITS ? 'trait-grid' : 'assessment-grid'
    setGrid(null)
    fetch(`${api}/${endpoint}?${params}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json().catch(() => null)
        if (!current) return
        if (!response.ok) {
          setProblem(firstMessage(body) ?? `Không mở được bảng (lỗi ${response.status}).`)
          return
        }
        setProblem(null)
        setGrid(body as AnyGrid)
      })
      .catch(() => current && setProblem(NETWORK_FAILURE))
    return () => {
      current = false
    }
  }, [api, resolved, version])

  function choose(change: Partial<GridSelection>) {
    if (dirty.current && !window.confirm(LEAVE_WARNING)) return
    dirty.current = false
    setNotice(null)
    setSelection((before) => ({ ...before, ...(resolved ?? {}), ...change }))
  }

  const replace = useCallback(
    (next: AnyGrid | null, message: { tone: 'error' | 'success'; text: string }) => {
      setNotice(message)
      dirty.current = false
      setGeneration((value) => value + 1)
      if (next) setGrid(next)
      // Without the grid in the answer (a confirmation), it is read again.
      else setVersion((value) => value + 1)
    },
    [],
  )

  const classes = useMemo(() => {
    const seen = new Map<string, string>()
    for (const sheet of choices?.sheets ?? []) seen.set(String(sheet.class.id), sheet.class.name)
    return [...seen].map(([value, label]) => ({ value, label }))
  }, [choices])
  const subjects = (choices?.sheets ?? [])
    .filter((sheet) => String(sheet.class.id) === resolved?.class)
    .map((sheet) => ({
      value: sheet.subject?.code ?? TRAITS,
      label: sheet.subject?.name ?? 'Phẩm chất, năng lực',
    }))
  const periods = (choices?.periods ?? []).map((entry) => ({
    value: entry.period,
    label: `${PERIOD_LABELS[entry.period].vi} (${WINDOW_LABELS[entry.state]})`,
  }))
  const entryWindow = choices?.periods.find((entry) => entry.period === resolved?.period)
  const sheet = choices?.sheets.find(
    (candidate) =>
      String(candidate.class.id) === resolved?.class &&
      (candidate.subject?.code ?? TRAITS) === resolved?.subject,
  )
  const years = choices?.schoolYears ?? [selection.schoolYear]

  return (
    <div className="grid-workspace">
      <div className="grid-workspace__pickers">
        <SelectInput
          name="schoolYear"
          path="schoolYear"
          label="Năm học"
          isClearable={false}
          options={years.map((year) => ({ value: year, label: year }))}
          value={selection.schoolYear}
          onChange={(option) =>
            choose({ schoolYear: valueOf(option as Option) ?? initial.schoolYear })
          }
        />
        <SelectInput
          name="period"
          path="period"
          label="Kì đánh giá"
          isClearable={false}
          options={periods}
          value={resolved?.period ?? selection.period}
          onChange={(option) => choose({ period: valueOf(option as Option) })}
        />
        <SelectInput
          name="class"
          path="class"
          label="Lớp"
          isClearable={false}
          options={classes}
          value={resolved?.class}
          onChange={(option) => choose({ class: valueOf(option as Option), subject: '' })}
        />
        <SelectInput
          name="subject"
          path="subject"
          label="Môn học, hoạt động"
          isClearable={false}
          options={subjects}
          value={resolved?.subject}
          onChange={(option) => choose({ subject: valueOf(option as Option) })}
        />
      </div>
      {entryWindow?.opensOn && entryWindow.closesOn && (
        <p className="grid-workspace__window">
          Thời hạn nhập: {formatDateVi(entryWindow.opensOn)} – {formatDateVi(entryWindow.closesOn)}
        </p>
      )}
      {problem && <p className="entry-grid__message entry-grid__message--error">{problem}</p>}
      {choices && choices.sheets.length === 0 && (
        <p>Năm học {choices.schoolYear} bạn không có bảng nào để nhập hoặc xem.</p>
      )}
      {!problem && resolved && !grid && <p>Đang mở bảng…</p>}
      {grid && (
        <EntryGrid
          key={`${grid.kind}:${gridQuery(grid)}:${generation}`}
          api={api}
          grid={grid}
          notice={notice}
          mayFileCorrection={sheet?.mayEnter ?? false}
          onReplace={replace}
          onDirtyChange={onDirtyChange}
        />
      )}
    </div>
  )
}
