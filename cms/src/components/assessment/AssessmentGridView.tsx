import { Gutter } from '@payloadcms/ui'
import { schoolYearOf } from '@school/shared'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'
import { abilities } from '../../access/authorize'
import { GridWorkspace, type GridSelection } from './GridWorkspace'
import './grid.scss'

/** School years offered: this one and the five before (a transcript looks back that far). */
const YEARS_BACK = 5

function pickedValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/**
 * /admin/assessments: the entry grid of a class's subject, or of its qualities and competencies,
 * at one checkpoint (Điều 10.1, 12.1). What the user may open comes from the grid's choices
 * endpoint (the policy's `assessmentPolicy`), so a subject teacher sees only their assignments.
 */
export async function AssessmentGridView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const may = await abilities(initPageResult.req)
  const currentYear = schoolYearOf(new Date())
  const firstYear = Number(currentYear.slice(0, 4))
  const schoolYears = Array.from({ length: YEARS_BACK + 1 }, (_, back) => {
    const start = firstYear - back
    return `${start}-${start + 1}`
  })
  const asked = pickedValue(searchParams?.schoolYear)
  const initial: GridSelection = {
    schoolYear: schoolYears.includes(asked) ? asked : currentYear,
    period: pickedValue(searchParams?.period),
    class: pickedValue(searchParams?.class),
    subject: pickedValue(searchParams?.subject),
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="assessment-grid-view">
        <h1>Nhập kết quả đánh giá</h1>
        {may.assessmentGrid ? (
          <GridWorkspace initial={initial} schoolYears={schoolYears} />
        ) : (
          <p>Bạn không có việc nào ở trang này.</p>
        )}
      </Gutter>
    </AdminPage>
  )
}
