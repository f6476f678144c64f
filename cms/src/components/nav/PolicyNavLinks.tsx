import type { ServerProps } from 'payload'

import { abilities } from '../../access/authorize'
import { adminRequest } from '../adminRequest'

const LINK_STYLE = { display: 'block', padding: '4px 0' } as const

/** The admin's own pages in its menu, each for those the policy gives work there (one asking). */
export async function PolicyNavLinks({ user, payload }: ServerProps) {
  if (!user) return null
  const may = await abilities(await adminRequest(payload))
  const admin = payload.config.routes.admin
  return (
    <>
      {may.editorialReport && (
        <a className="nav__link" href={`${admin}/editorial-report`} style={LINK_STYLE}>
          Báo cáo Ban biên tập
        </a>
      )}
      {may.assessmentGrid && (
        <a className="nav__link" href={`${admin}/assessments`} style={LINK_STYLE}>
          Nhập kết quả đánh giá
        </a>
      )}
      {may.assessmentProgress && (
        <a className="nav__link" href={`${admin}/assessment-progress`} style={LINK_STYLE}>
          Tiến độ nhập kết quả
        </a>
      )}
      {may.yearEnd && (
        <a className="nav__link" href={`${admin}/year-end`} style={LINK_STYLE}>
          Tổng hợp cuối năm
        </a>
      )}
      {may.attendance && (
        <a className="nav__link" href={`${admin}/attendance`} style={LINK_STYLE}>
          Điểm danh
        </a>
      )}
      {may.documents && (
        <a className="nav__link" href={`${admin}/documents`} style={LINK_STYLE}>
          Học bạ, báo cáo và lưu trữ
        </a>
      )}
      {may.recordsPage && (
        <a className="nav__link" href={`${admin}/records`} style={LINK_STYLE}>
          Nhập dữ liệu, thống kê, danh sách lớp
        </a>
      )}
      {may.equipmentReports && (
        <a className="nav__link" href={`${admin}/equipment-reports`} style={LINK_STYLE}>
          Báo cáo tài sản, thiết bị
        </a>
      )}
      {may.disclosureStatus && (
        <a className="nav__link" href={`${admin}/disclosure-status`} style={LINK_STYLE}>
          Công khai (TT 09/2024)
        </a>
      )}
    </>
  )
}
