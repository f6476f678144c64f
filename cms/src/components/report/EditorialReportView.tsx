import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'
import { abilities } from '../../access/authorize'
import { currentMonth, editorialReport, isMonth, type ReportCounts } from '../../reports/editorial'
import './report.scss'

const COLUMNS: Array<[keyof ReportCounts, string]> = [
  ['assigned', 'Được phân công'],
  ['submitted', 'Đã gửi duyệt'],
  ['returned', 'Bị trả lại'],
  ['published', 'Đã đăng'],
]

/** /admin/editorial-report: the monthly report of the editorial board (Điều 17.1). */
export async function EditorialReportView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const requested = typeof searchParams?.month === 'string' ? searchParams.month : undefined
  const month = isMonth(requested) ? requested : currentMonth()
  const allowed = (await abilities(req)).editorialReport
  const report = allowed ? await editorialReport(req, month) : null
  const [year, mm] = month.split('-')
  const api = `${req.payload.config.routes.api}/editorial-report?month=${month}`

  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="editorial-report">
        <h1>Báo cáo Ban biên tập Website</h1>
        {!report ? (
          <p>Chỉ Ban giám hiệu và Quản trị Website xem được báo cáo này.</p>
        ) : (
          <>
            <form method="get" className="editorial-report__month">
              <label>
                Tháng <input type="month" name="month" defaultValue={month} required />
              </label>
              <button type="submit" className="btn btn--style-secondary btn--size-small">
                Xem
              </button>
              <a
                className="btn btn--style-primary btn--size-small"
                href={`${api}&format=xlsx`}
                download
              >
                Tải bảng tính (.xlsx)
              </a>
            </form>
            <p>
              Tháng {mm}/{year}: số bài được phân công, gửi duyệt, bị trả lại và đã đăng.
            </p>
            <h2>Theo tổ, đoàn thể</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Tổ / đoàn thể</th>
                  {COLUMNS.map(([, label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.groups.map((row) => (
                  <tr key={String(row.id)}>
                    <th scope="row">{row.name}</th>
                    {COLUMNS.map(([key]) => (
                      <td key={key}>{row[key]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>Theo thành viên</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Họ và tên</th>
                  {COLUMNS.map(([, label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.people.map((row) => (
                  <tr key={String(row.id)}>
                    <th scope="row">
                      {row.name}
                      {row.onBoard && (
                        <span className="editorial-report__board"> · Ban biên tập</span>
                      )}
                    </th>
                    {COLUMNS.map(([key]) => (
                      <td key={key}>{row[key]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Gutter>
    </AdminPage>
  )
}
