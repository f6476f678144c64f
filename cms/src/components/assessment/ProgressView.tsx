import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import {
  PERIODS,
  PERIOD_LABELS,
  formatDateVi,
  isSchoolYear,
  previousSchoolYear,
  schoolYearOf,
  type Period,
} from '@school/shared'

import { isAllowed } from '../../access/authorize'
import { assessmentPolicy } from '../../access/policy'
import {
  checkpointAnomalies,
  checkpointProgress,
  entriesByMonth,
  openedCheckpoints,
  type CheckpointProgress,
} from '../../assessment/progress'
import { AdminPage } from '../AdminPage'
import { ProgressFilter } from './ProgressFilter'
import { ProgressRemind } from './ProgressRemind'
import { ClassTable, TeacherTable } from './ProgressTables'
import './progress.scss'

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

function windowText(progress: CheckpointProgress): string {
  if (!progress.opensOn || !progress.closesOn) return 'Ban giám hiệu chưa đặt hạn nhập kì này.'
  const range = `Hạn nhập: ${formatDateVi(progress.opensOn)} – ${formatDateVi(progress.closesOn)}`
  const days = progress.daysLeft ?? 0
  if (days < 0) return `${range} (đã khóa sổ).`
  return `${range} (còn ${days} ngày).`
}

/**
 * /admin/assessment-progress (Điều 6, 7): a checkpoint's entry per teacher and per class with
 * its deadline, for the rows the policy lets this user follow; leadership also sends reminders,
 * reads the month-by-month entries and the abnormal results to report.
 */
export async function ProgressView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const page = (children: React.ReactNode) => (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="assessment-progress">
        <h1>Tiến độ nhập kết quả đánh giá</h1>
        {children}
      </Gutter>
    </AdminPage>
  )
  if (!(await isAllowed(req, assessmentPolicy.progressPage))) {
    return page(<p>Bạn không có việc nào ở trang này.</p>)
  }
  const currentYear = schoolYearOf(new Date())
  const askedYear = first(searchParams?.schoolYear)
  const schoolYear = isSchoolYear(askedYear) ? askedYear : currentYear
  const askedPeriod = first(searchParams?.period) as Period | undefined
  const period: Period =
    askedPeriod && PERIODS.includes(askedPeriod)
      ? askedPeriod
      : ((await openedCheckpoints(req, schoolYear))[0] ?? 'mid1')
  const years = [currentYear]
  for (let i = 0; i < 4; i += 1) years.push(previousSchoolYear(years[years.length - 1]!))

  const leadership = await isAllowed(req, assessmentPolicy.progressByMonth)
  const [progress, months, anomalies] = await Promise.all([
    checkpointProgress(req, schoolYear, period),
    leadership ? entriesByMonth(req, schoolYear) : null,
    (await isAllowed(req, assessmentPolicy.anomalies))
      ? checkpointAnomalies(req, schoolYear, period)
      : null,
  ])
  const periods = PERIODS.map((value) => ({ value, label: PERIOD_LABELS[value].vi }))

  return page(
    <>
      <ProgressFilter schoolYear={schoolYear} period={period} years={years} periods={periods} />
      <p>
        {PERIOD_LABELS[period].vi} năm học {schoolYear}. {windowText(progress)}{' '}
        {`Tổng cộng đã nhập ${progress.total.done}/${progress.total.required}.`}
      </p>
      {leadership && <ProgressRemind schoolYear={schoolYear} period={period} />}
      {progress.rows.length === 0 ? (
        <p>Chưa có phân công giảng dạy nào trong phạm vi bạn theo dõi.</p>
      ) : (
        <>
          <section aria-labelledby="progress-teachers">
            <h2 id="progress-teachers">Theo giáo viên</h2>
            <TeacherTable teachers={progress.byTeacher} />
          </section>
          <section aria-labelledby="progress-classes">
            <h2 id="progress-classes">Theo lớp</h2>
            <ClassTable classes={progress.byClass} rows={progress.rows} />
          </section>
        </>
      )}
      {anomalies && (
        <section aria-labelledby="progress-anomalies">
          <h2 id="progress-anomalies">Kết quả bất thường ({anomalies.length})</h2>
          {anomalies.length === 0 ? (
            <p>Không có kết quả bất thường ở kì này.</p>
          ) : (
            <ol className="assessment-progress__anomalies">
              {anomalies.map((anomaly, index) => (
                <li key={index} data-kind={anomaly.kind}>
                  {anomaly.description}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      {months && (
        <section aria-labelledby="progress-months">
          <h2 id="progress-months">Số kết quả nhập theo tháng, năm học {schoolYear}</h2>
          {months.months.length === 0 ? (
            <p>Chưa có kết quả nào được nhập.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Lớp</th>
                  {months.months.map((month) => (
                    <th scope="col" key={month} className="number">
                      {month.slice(5)}/{month.slice(0, 4)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.classes.map((row) => (
                  <tr key={String(row.classId)}>
                    <th scope="row">{row.className}</th>
                    {row.counts.map((count, index) => (
                      <td key={months.months[index]} className="number">
                        {count}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>,
  )
}
