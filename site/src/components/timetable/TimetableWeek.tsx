/**
 * A class's week as one accessible table (periods × days), rendered to plain HTML on the class's
 * page (no JavaScript there) and by the class picker island on the timetable's index. A teacher
 * is named only when they agreed to appear on the website; otherwise the cell says "GV: —".
 */
import {
  TIMETABLE_DAY_LABELS,
  TIMETABLE_SESSION_LABELS,
  type PublicTimetableData,
  type TimetableSession,
} from '@school/shared'

export function TimetableWeek({ data, caption }: { data: PublicTimetableData; caption: string }) {
  const lessonAt = (day: string, period: number) =>
    data.lessons.find((lesson) => lesson.day === day && lesson.period === period)
  const sessions = (['morning', 'afternoon'] as TimetableSession[])
    .map((session) => ({ session, periods: data.periods.filter((p) => p.session === session) }))
    .filter((group) => group.periods.length > 0)
  return (
    <div className="tkb-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="tkb">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tiết</th>
            {data.days.map((day) => (
              <th scope="col" key={day}>
                {TIMETABLE_DAY_LABELS[day]}
              </th>
            ))}
          </tr>
        </thead>
        {sessions.map(({ session, periods }) => (
          <tbody key={session}>
            <tr className="tkb__session">
              <th scope="rowgroup" colSpan={data.days.length + 1}>
                {TIMETABLE_SESSION_LABELS[session]}
              </th>
            </tr>
            {periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">
                  Tiết {p.period}
                  <span className="tkb__time">
                    {p.start}–{p.end}
                  </span>
                </th>
                {data.days.map((day) => {
                  const lesson = lessonAt(day, p.period)
                  return (
                    <td key={day}>
                      {lesson ? (
                        <>
                          <span className="tkb__subject">{lesson.subject}</span>
                          <span className="tkb__detail">GV: {lesson.teacher ?? '—'}</span>
                          {lesson.room && <span className="tkb__detail">{lesson.room}</span>}
                        </>
                      ) : (
                        <span className="tkb__free">Không có tiết</span>
                      )}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  )
}
