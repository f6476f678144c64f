/**
 * The timetable's class picker (issue 15, a React island hydrated when in view by
 * islands/hydrate.ts): choose a class and its week appears here, read from the class's `tuan.json`, without a reload; the address keeps
 * the choice (`?lop=3a`) so a reload or a shared link shows the same class. Before it is
 * hydrated, and without JavaScript, it renders nothing: the page's links to each class serve.
 */
import { useEffect, useState } from 'react'
import type { PublicTimetableData } from '@school/shared'

import { TimetableWeek } from '../timetable/TimetableWeek'

interface ClassLink {
  key: string
  className: string
  path: string
}

interface Week {
  key: string
  data: PublicTimetableData
}

export default function TimetablePicker({ classes }: { classes: ClassLink[] }) {
  const [ready, setReady] = useState(false)
  const [chosen, setChosen] = useState('')
  const [week, setWeek] = useState<Week | null>(null)
  const [problem, setProblem] = useState('')

  useEffect(() => {
    setReady(true)
    const asked = new URLSearchParams(window.location.search).get('lop') ?? ''
    if (classes.some((c) => c.key === asked)) setChosen(asked)
  }, [classes])

  useEffect(() => {
    const link = classes.find((c) => c.key === chosen)
    if (!link) {
      setWeek(null)
      return
    }
    let current = true
    setProblem('')
    fetch(`${link.path}tuan.json`)
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status))
        return response.json() as Promise<Week>
      })
      .then((loaded) => current && setWeek(loaded))
      .catch(() => current && setProblem('Không tải được thời khóa biểu. Hãy mở trang của lớp.'))
    return () => {
      current = false
    }
  }, [chosen, classes])

  if (!ready) return null

  function choose(key: string) {
    setChosen(key)
    const url = new URL(window.location.href)
    if (key) url.searchParams.set('lop', key)
    else url.searchParams.delete('lop')
    window.history.replaceState(null, '', url)
  }

  const link = classes.find((c) => c.key === chosen)
  return (
    <section className="tkb-picker" aria-labelledby="tkb-xem-nhanh">
      <h2 id="tkb-xem-nhanh">
        {link && week ? `Thời khóa biểu ${week.data.className}` : 'Xem nhanh'}
      </h2>
      <label htmlFor="tkb-lop">Chọn lớp</label>
      <select id="tkb-lop" value={chosen} onChange={(event) => choose(event.target.value)}>
        <option value="">— Chọn lớp —</option>
        {classes.map((c) => (
          <option key={c.key} value={c.key}>
            {c.className}
          </option>
        ))}
      </select>
      <div aria-live="polite">
        {problem && <p>{problem}</p>}
        {link && week && week.key === link.key && (
          <>
            <TimetableWeek
              data={week.data}
              caption={`Các tiết học trong tuần của ${week.data.className}`}
            />
            <p>
              <a href={link.path}>Mở trang thời khóa biểu {week.data.className}</a>
            </p>
          </>
        )}
      </div>
    </section>
  )
}
