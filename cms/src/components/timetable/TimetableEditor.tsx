'use client'

import {
  Banner,
  FieldLabel,
  useConfig,
  useDocumentInfo,
  useField,
  useFormFields,
} from '@payloadcms/ui'
import {
  TIMETABLE_DAY_LABELS,
  TIMETABLE_PERIODS,
  TIMETABLE_SESSION_LABELS,
  compareVi,
  timetableDays,
  type TimetableDay,
} from '@school/shared'
import { useEffect, useMemo, useRef, useState } from 'react'

import './timetable.scss'

interface Entry {
  day: string
  period: number
  subject: string
  teacher: number | string | null
  room?: string | null
}

interface Problem {
  day?: string
  period?: number
  message: string
}

interface Option {
  value: string
  label: string
}

interface Choices {
  subjects: Option[]
  /** Subject code → the teachers assigned to it in this class. */
  teachers: Record<string, Option[]>
}

const idText = (value: unknown) =>
  value && typeof value === 'object' ? String((value as { id: unknown }).id) : String(value ?? '')

async function getJson(url: string) {
  const response = await fetch(url, { credentials: 'include' })
  const body = await response.json().catch(() => null)
  if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? `Lỗi ${response.status}`)
  return body
}

/**
 * The class's week as a grid (Điều 6: the vice-principal's timetable): each cell picks a subject
 * of the class's programme, then one of the teachers assigned to it in this class, and a room.
 * Every change is checked by the server (POST /api/timetables/check, the same check a save
 * runs); the clashes are listed above the grid and their cells marked. A save the server
 * refuses shows its message and saves nothing.
 */
export function TimetableEditor({ path }: { path: string }) {
  const { config } = useConfig()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const { id } = useDocumentInfo()
  const { value, setValue } = useField<Entry[]>({ path })
  const classId = useFormFields(([fields]) => fields.class?.value)
  const schoolYear = useFormFields(([fields]) => fields.schoolYear?.value) as string | undefined
  const validFrom = useFormFields(([fields]) => fields.validFrom?.value) as string | undefined
  const saturday = useFormFields(([fields]) => fields.saturday?.value) === true
  const entries = useMemo(() => (Array.isArray(value) ? value : []), [value])
  const [choices, setChoices] = useState<Choices | null>(null)
  const [loadProblem, setLoadProblem] = useState<string | null>(null)
  const [problems, setProblems] = useState<Problem[]>([])
  const [checking, setChecking] = useState(false)
  const days = timetableDays(saturday)
  const classKey = idText(classId)

  useEffect(() => {
    if (!classKey || !schoolYear) {
      setChoices(null)
      return
    }
    let current = true
    const year = encodeURIComponent(schoolYear)
    Promise.all([
      getJson(`${api}/groups/${classKey}?depth=0`),
      getJson(`${api}/subjects?limit=0&depth=0&sort=order`),
      getJson(
        `${api}/teaching-assignments?limit=0&depth=1&where[class][equals]=${classKey}` +
          `&where[schoolYear][equals]=${year}`,
      ),
    ])
      .then(([group, subjects, assignments]) => {
        if (!current) return
        const grade = String(group.grade ?? '')
        const teachers: Record<string, Option[]> = {}
        for (const a of assignments.docs ?? []) {
          const list = (teachers[a.subject] ??= [])
          const teacherId = idText(a.teacher)
          if (!list.some((t) => t.value === teacherId)) {
            list.push({ value: teacherId, label: a.teacher?.fullName ?? `#${teacherId}` })
          }
        }
        for (const list of Object.values(teachers)) list.sort((a, b) => compareVi(a.label, b.label))
        const inGrade = (subjects.docs ?? []).filter(
          (s: { grades?: string[]; electiveGrades?: string[] }) =>
            s.grades?.includes(grade) || s.electiveGrades?.includes(grade),
        )
        setChoices({
          subjects: inGrade.map((s: { code: string; name: string }) => ({
            value: s.code,
            label: s.name,
          })),
          teachers,
        })
        setLoadProblem(null)
      })
      .catch((error: Error) => current && setLoadProblem(error.message))
    return () => {
      current = false
    }
  }, [api, classKey, schoolYear])

  // The server's check after each change (a short pause first: typing a room is many changes).
  const asked = useRef(0)
  useEffect(() => {
    if (!classKey || !schoolYear || !validFrom) return
    const ticket = ++asked.current
    const timer = setTimeout(() => {
      setChecking(true)
      fetch(`${api}/timetables/check`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id, class: classKey, schoolYear, validFrom, saturday, entries }),
      })
        .then(async (response) => {
          const body = await response.json().catch(() => null)
          if (ticket !== asked.current) return
          if (!response.ok) {
            setProblems([{ message: body?.errors?.[0]?.message ?? `Lỗi ${response.status}` }])
          } else setProblems(body?.problems ?? [])
        })
        .catch(() => ticket === asked.current && setProblems([]))
        .finally(() => ticket === asked.current && setChecking(false))
    }, 300)
    return () => clearTimeout(timer)
  }, [api, id, classKey, schoolYear, validFrom, saturday, entries])

  const at = (day: string, period: number) =>
    entries.find((e) => e.day === day && Number(e.period) === period)

  function change(day: string, period: number, patch: Partial<Entry> | null) {
    const others = entries.filter((e) => !(e.day === day && Number(e.period) === period))
    if (patch === null) {
      setValue(others)
      return
    }
    const before = at(day, period) ?? { day, period, subject: '', teacher: null, room: null }
    const next = { ...before, ...patch }
    if (!next.subject) {
      setValue(others)
      return
    }
    setValue(
      [...others, next].sort(
        (a, b) => a.day.localeCompare(b.day) || Number(a.period) - Number(b.period),
      ),
    )
  }

  function pickSubject(day: string, period: number, subject: string) {
    if (!subject) return change(day, period, null)
    const teachers = choices?.teachers[subject] ?? []
    const current = at(day, period)
    const keep = teachers.some((t) => t.value === idText(current?.teacher))
    const teacher = keep ? current!.teacher : teachers.length === 1 ? teachers[0]!.value : null
    change(day, period, { subject, teacher: teacher === null ? null : asId(teacher) })
  }

  const marked = new Set(problems.filter((p) => p.day).map((p) => `${p.day}|${p.period}`))

  return (
    <div className="field-type timetable-editor">
      <FieldLabel label="Các tiết học trong tuần" />
      {!classKey || !schoolYear ? (
        <p>Chọn lớp và năm học để xếp các tiết.</p>
      ) : loadProblem ? (
        <Banner type="error">{loadProblem}</Banner>
      ) : !choices ? (
        <p>Đang tải các môn và phân công…</p>
      ) : (
        <>
          <div className="timetable-editor__status" role="status" aria-live="polite">
            {problems.length === 0 ? (checking ? 'Đang kiểm tra…' : 'Không có chỗ trùng.') : ''}
          </div>
          {problems.length > 0 && (
            <div role="alert" className="timetable-editor__problems">
              <Banner type="error">
                <strong>Máy chủ sẽ không lưu thời khóa biểu này:</strong>
                <ul>
                  {problems.map((p, index) => (
                    <li key={index}>{p.message}</li>
                  ))}
                </ul>
              </Banner>
            </div>
          )}
          <div className="timetable-editor__scroll">
            <table className="timetable-editor__grid">
              <caption>
                Thời khóa biểu trong tuần: chọn môn, giáo viên và phòng cho từng tiết
              </caption>
              <thead>
                <tr>
                  <th scope="col">Tiết</th>
                  {days.map((day) => (
                    <th scope="col" key={day}>
                      {TIMETABLE_DAY_LABELS[day]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {TIMETABLE_PERIODS.map((p) => (
                  <tr key={p.period} className={`timetable-editor__row--${p.session}`}>
                    <th scope="row">
                      Tiết {p.period}
                      <span className="timetable-editor__time">
                        {TIMETABLE_SESSION_LABELS[p.session]} {p.start}–{p.end}
                      </span>
                    </th>
                    {days.map((day) => (
                      <Cell
                        key={day}
                        day={day}
                        period={p.period}
                        entry={at(day, p.period)}
                        choices={choices}
                        clash={marked.has(`${day}|${p.period}`)}
                        onSubject={(s) => pickSubject(day, p.period, s)}
                        onTeacher={(t) => change(day, p.period, { teacher: t ? asId(t) : null })}
                        onRoom={(room) => change(day, p.period, { room: room || null })}
                      />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  )
}

const asId = (value: string | number): number | string =>
  /^\d+$/.test(String(value)) ? Number(value) : value

function Cell({
  day,
  period,
  entry,
  choices,
  clash,
  onSubject,
  onTeacher,
  onRoom,
}: {
  day: TimetableDay
  period: number
  entry: Entry | undefined
  choices: Choices
  clash: boolean
  onSubject: (subject: string) => void
  onTeacher: (teacher: string) => void
  onRoom: (room: string) => void
}) {
  const where = `${TIMETABLE_DAY_LABELS[day]}, tiết ${period}`
  const teachers = entry ? (choices.teachers[entry.subject] ?? []) : []
  return (
    <td className={clash ? 'timetable-editor__cell timetable-editor__cell--clash' : undefined}>
      <select
        aria-label={`Môn, ${where}`}
        value={entry?.subject ?? ''}
        onChange={(event) => onSubject(event.target.value)}
      >
        <option value="">—</option>
        {choices.subjects.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {entry && (
        <>
          <select
            aria-label={`Giáo viên, ${where}`}
            value={idText(entry.teacher ?? '')}
            onChange={(event) => onTeacher(event.target.value)}
          >
            <option value="">{teachers.length === 0 ? 'Chưa phân công' : 'Chọn GV'}</option>
            {teachers.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
          <input
            aria-label={`Phòng, ${where}`}
            placeholder="Phòng"
            value={entry.room ?? ''}
            onChange={(event) => onRoom(event.target.value)}
          />
        </>
      )}
    </td>
  )
}
