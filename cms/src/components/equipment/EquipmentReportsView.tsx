import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'
import { abilities } from '../../access/authorize'
import { equipmentReport } from '../../equipment/endpoints'
import { reportTable } from '../../equipment/report-files'
import {
  EQUIPMENT_REPORT_TITLES,
  EQUIPMENT_REPORTS,
  isEquipmentReport,
} from '../../equipment/reports'

/** /admin/equipment-reports: the register by room and subject, loans, the minimum list. */
export async function EquipmentReportsView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const requested = searchParams?.report
  const kind = isEquipmentReport(requested) ? requested : 'room'
  const allowed = (await abilities(req)).equipmentReports
  const table = allowed ? reportTable(await equipmentReport(req, kind)) : null
  const admin = req.payload.config.routes.admin
  const api = `${req.payload.config.routes.api}/equipment/reports/${kind}?format=xlsx`
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="equipment-reports">
        <h1>Báo cáo tài sản, thiết bị</h1>
        {!table ? (
          <p>Chỉ Ban giám hiệu, nhân viên thiết bị và kế toán xem được các báo cáo này.</p>
        ) : (
          <>
            <nav style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 16 }}>
              {EQUIPMENT_REPORTS.map((each) => (
                <a
                  key={each}
                  href={`${admin}/equipment-reports?report=${each}`}
                  className={`btn btn--size-small ${
                    each === kind ? 'btn--style-primary' : 'btn--style-secondary'
                  }`}
                >
                  {EQUIPMENT_REPORT_TITLES[each]}
                </a>
              ))}
            </nav>
            <h2>{EQUIPMENT_REPORT_TITLES[kind]}</h2>
            <p>
              <a className="btn btn--style-primary btn--size-small" href={api} download>
                Tải bảng tính (.xlsx)
              </a>
            </p>
            <div className="table">
              <table data-report={kind}>
                <thead>
                  <tr>
                    {table.header.map((label) => (
                      <th scope="col" key={label}>
                        {label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((cells, index) => (
                    <tr key={index}>
                      {cells.map((cell, at) => (
                        <td key={at}>
                          {typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Gutter>
    </AdminPage>
  )
}
