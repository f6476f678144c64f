import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps, PayloadRequest, Where } from 'payload'

import { AdminPage } from '../AdminPage'
import { abilities } from '../../access/authorize'
import { pupilStatistics, type ClassStatistics } from '../../records-import/endpoints'
import { ImportPanel } from './ImportPanel'
import './records.scss'

/** The classes whose list this user may download (the policy's `exportPolicy.classList`). */
async function exportableClasses(req: PayloadRequest, classLists: Where | false) {
  if (classLists === false) return []
  const { docs } = await req.payload.find({
    collection: 'groups',
    where: { and: [{ kind: { equals: 'class' } }, classLists] },
    sort: 'name',
    limit: 0,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs
}

const STATISTICS: Array<[keyof ClassStatistics, string]> = [
  ['total', 'Tổng số'],
  ['studying', 'Đang học'],
  ['female', 'Nữ'],
  ['ethnicMinority', 'Dân tộc thiểu số'],
  ['policy', 'Diện chính sách'],
  ['transferredOut', 'Chuyển đi'],
  ['droppedOut', 'Bỏ học'],
]

/**
 * /admin/records: the start-of-year import and pupil statistics for the IT teacher (Điều 8),
 * class-list exports for those who keep or teach a class. Each part shows only to who may use it.
 */
export async function RecordsView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const may = await abilities(req)
  const canImport = may.recordsImport
  const canCount = may.pupilStatistics
  const classes = await exportableClasses(req, may.classLists)
  const rows = canCount ? await pupilStatistics(req) : []
  const api = req.payload.config.routes.api

  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="records-view">
        <h1>Hồ sơ: nhập dữ liệu, thống kê, danh sách lớp</h1>
        {!canImport && !canCount && classes.length === 0 && (
          <p>Bạn không có việc nào ở trang này.</p>
        )}
        {canImport && <ImportPanel />}
        {canCount && (
          <section aria-labelledby="statistics-title">
            <h2 id="statistics-title">Thống kê học sinh theo lớp</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Lớp</th>
                  {STATISTICS.map(([, label]) => (
                    <th scope="col" key={label}>
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={String(row.class)}>
                    <th scope="row">{row.class}</th>
                    {STATISTICS.map(([key]) => (
                      <td className="number" key={key}>
                        {row[key]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
        {classes.length > 0 && (
          <section aria-labelledby="class-lists-title">
            <h2 id="class-lists-title">Danh sách lớp</h2>
            <ul>
              {classes.map((group) => (
                <li key={String(group.id)}>
                  <a href={`${api}/class-list?class=${group.id}`} download>
                    Tải danh sách {group.name} (.xlsx)
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </Gutter>
    </AdminPage>
  )
}
