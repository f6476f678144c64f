'use client'

import { useConfig } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { schoolYearOf } from '@school/shared'

interface SetRow {
  grade: number
  subjectName: string
  periodLabel: string
  parts: Record<'paper' | 'answer_key' | 'matrix', number | string | null>
  complete: boolean
}
interface Completeness {
  schoolYear: string
  sets: SetRow[]
  setCount: number
  completeSets: number
  fileCount: number
}

const PARTS = [
  ['paper', 'Đề'],
  ['answer_key', 'Đáp án'],
  ['matrix', 'Ma trận'],
] as const

/**
 * Above the papers' list, for leadership and the library: each set the year should have (grade,
 * subject, checkpoint) and which of its three parts are there, so what is missing shows at once.
 */
export function CompletenessTable() {
  const { config } = useConfig()
  const [year, setYear] = useState(() => schoolYearOf(new Date()))
  const [data, setData] = useState<Completeness | null>(null)
  const [hidden, setHidden] = useState(false)
  useEffect(() => {
    const url = `${config.serverURL}${config.routes.api}/test-archive/completeness?schoolYear=${year}`
    let live = true
    fetch(url, { credentials: 'include' })
      .then(async (response) => {
        if (!live) return
        if (response.status === 403 || response.status === 401) setHidden(true)
        else if (response.ok) setData((await response.json()) as Completeness)
      })
      .catch(() => setData(null))
    return () => {
      live = false
    }
  }, [config, year])
  if (hidden) return null
  const start = Number(year.slice(0, 4))
  return (
    <details style={{ marginBottom: 16 }} open>
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>
        Bộ đề năm học{' '}
        <select aria-label="Năm học" value={year} onChange={(event) => setYear(event.target.value)}>
          {[start - 2, start - 1, start, start + 1].map((first) => (
            <option key={first} value={`${first}-${first + 1}`}>{`${first}-${first + 1}`}</option>
          ))}
        </select>
        {data &&
          ` · đủ 3 thành phần: ${data.completeSets}/${data.sets.length} bộ, ${data.fileCount} tệp`}
      </summary>
      {data && (
        <table className="table" style={{ width: '100%', marginTop: 8 }}>
          <thead>
            <tr>
              <th>Khối</th>
              <th>Môn</th>
              <th>Kì</th>
              {PARTS.map(([, label]) => (
                <th key={label}>{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.sets.map((set) => (
              <tr key={`${set.grade}-${set.subjectName}-${set.periodLabel}`}>
                <td>{set.grade}</td>
                <td>{set.subjectName}</td>
                <td>{set.periodLabel}</td>
                {PARTS.map(([part, label]) => (
                  <td
                    key={part}
                    style={{
                      color: set.parts[part] === null ? 'var(--theme-error-500)' : undefined,
                    }}
                  >
                    {set.parts[part] === null ? `Thiếu ${label.toLowerCase()}` : '✓'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  )
}
