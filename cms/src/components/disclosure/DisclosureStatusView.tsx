import { Gutter, Pill } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import {
  DISCLOSURE_CHANGE_WORKING_DAYS,
  DISCLOSURE_STATE_LABELS,
  DISCLOSURE_YEARS_ONLINE,
  PUBLICATION_STAGE_LABELS,
  type DisclosureState,
  type PublicationStage,
} from '@school/shared'

import { AdminPage } from '../AdminPage'
import { abilities } from '../../access/authorize'
import { disclosureStatusRows } from '../../disclosure/status'

const PILL: Record<DisclosureState, 'success' | 'warning' | 'error'> = {
  published: 'success',
  due: 'warning',
  late: 'error',
}

/** /admin/disclosure-status: each section × school year, published, due (by when) or late. */
export async function DisclosureStatusView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const allowed = (await abilities(req)).disclosureStatus
  const rows = allowed ? await disclosureStatusRows(req) : []
  const admin = req.payload.config.routes.admin
  const years = [...new Set(rows.map((row) => row.schoolYear))]
  const late = rows.filter((row) => row.state === 'late').length
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="disclosure-status">
        <h1>Công khai theo Thông tư 09/2024/TT-BGDĐT</h1>
        {!allowed ? (
          <p>Chỉ Ban giám hiệu, quản trị website và kế toán xem được trang này.</p>
        ) : (
          <>
            <p>
              Hạn công khai: chậm nhất ngày 30/06 của năm học; khi có thay đổi, trong{' '}
              {DISCLOSURE_CHANGE_WORKING_DAYS} ngày làm việc kể từ ngày thay đổi. Website giữ{' '}
              {DISCLOSURE_YEARS_ONLINE} năm học gần nhất.
            </p>
            <p data-late-count={late}>
              {late === 0 ? 'Không có mục nào quá hạn.' : `${late} mục đã quá hạn chưa công khai.`}
            </p>
            {years.map((year) => (
              <section key={year}>
                <h2>Năm học {year}</h2>
                <div className="table">
                  <table data-school-year={year}>
                    <thead>
                      <tr>
                        <th scope="col">Mục</th>
                        <th scope="col">Bước</th>
                        <th scope="col">Tình trạng</th>
                        <th scope="col">Hạn</th>
                        <th scope="col">Đã đăng</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows
                        .filter((row) => row.schoolYear === year)
                        .map((row) => (
                          <tr key={row.section} data-section={row.section} data-state={row.state}>
                            <td>
                              {row.id === null ? (
                                <a href={`${admin}/collections/disclosures/create`}>{row.label}</a>
                              ) : (
                                <a href={`${admin}/collections/disclosures/${row.id}`}>
                                  {row.label}
                                </a>
                              )}
                            </td>
                            <td>
                              {row.stage
                                ? (PUBLICATION_STAGE_LABELS[row.stage as PublicationStage]?.vi ??
                                  row.stage)
                                : 'Chưa soạn'}
                            </td>
                            <td>
                              <Pill pillStyle={PILL[row.state]} size="small">
                                {DISCLOSURE_STATE_LABELS[row.state].vi}
                              </Pill>
                            </td>
                            <td>
                              {row.dueDate}
                              {row.reason === 'change' && ' (do có thay đổi)'}
                            </td>
                            <td>{row.publishedDate ?? '—'}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}
          </>
        )}
      </Gutter>
    </AdminPage>
  )
}
