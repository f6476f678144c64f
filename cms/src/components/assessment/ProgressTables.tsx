import type {
  ClassProgress,
  ProgressRow,
  ProgressStatus,
  TeacherProgress,
} from '../../assessment/progress'
import { PROGRESS_STATUS_LABELS } from '../../assessment/progress'

/** A done/required bar; red once overdue, amber when the window closes within three days. */
export function ProgressBar({
  done,
  required,
  status,
}: {
  done: number
  required: number
  status: ProgressStatus
}) {
  const percent = required === 0 ? 100 : Math.round((done / required) * 100)
  return (
    <span className={`progress-bar progress-bar--${status}`} title={`${percent}%`}>
      <span className="progress-bar__fill" style={{ width: `${percent}%` }} />
    </span>
  )
}

export function StatusCell({ status }: { status: ProgressStatus }) {
  return (
    <td className={`progress-status progress-status--${status}`} data-status={status}>
      {PROGRESS_STATUS_LABELS[status].vi}
    </td>
  )
}

function Counts({ done, required }: { done: number; required: number }) {
  return (
    <td className="number">
      {done}/{required}
    </td>
  )
}

export function TeacherTable({ teachers }: { teachers: TeacherProgress[] }) {
  return (
    <table className="assessment-progress__teachers">
      <thead>
        <tr>
          <th scope="col">Giáo viên</th>
          <th scope="col">Đã nhập</th>
          <th scope="col">Tiến độ</th>
          <th scope="col">Đã xác nhận</th>
          <th scope="col">Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        {teachers.map((teacher) => (
          <tr key={String(teacher.teacherId)} data-teacher={String(teacher.teacherId)}>
            <th scope="row">{teacher.teacherName || '(chưa có giáo viên)'}</th>
            <Counts done={teacher.done} required={teacher.required} />
            <td>
              <ProgressBar {...teacher} />
            </td>
            <td className="number">
              {teacher.confirmedRows}/{teacher.rows}
            </td>
            <StatusCell status={teacher.status} />
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ClassTable({ classes, rows }: { classes: ClassProgress[]; rows: ProgressRow[] }) {
  return (
    <table className="assessment-progress__classes">
      <thead>
        <tr>
          <th scope="col">Lớp / môn</th>
          <th scope="col">Giáo viên</th>
          <th scope="col">Đã nhập</th>
          <th scope="col">Tiến độ</th>
          <th scope="col">Xác nhận</th>
          <th scope="col">Tình trạng</th>
        </tr>
      </thead>
      {classes.map((schoolClass) => (
        <tbody key={String(schoolClass.classId)} data-class={schoolClass.className}>
          <tr className="assessment-progress__class">
            <th scope="rowgroup" colSpan={2}>
              {schoolClass.className}
            </th>
            <Counts done={schoolClass.done} required={schoolClass.required} />
            <td>
              <ProgressBar {...schoolClass} />
            </td>
            <td className="number">
              {schoolClass.confirmedRows}/{schoolClass.rows}
            </td>
            <StatusCell status={schoolClass.status} />
          </tr>
          {rows
            .filter((row) => String(row.classId) === String(schoolClass.classId))
            .map((row) => (
              <tr key={row.scope} data-scope={row.scope}>
                <td>
                  {row.scopeName}
                  {row.missingScore > 0 && <small> · {row.missingScore} bài thiếu điểm KTĐK</small>}
                </td>
                <td>{row.teacherName}</td>
                <Counts done={row.done} required={row.required} />
                <td>
                  <ProgressBar {...row} />
                </td>
                <td>{row.confirmed ? 'Đã xác nhận' : ''}</td>
                <StatusCell status={row.status} />
              </tr>
            ))}
        </tbody>
      ))}
    </table>
  )
}
