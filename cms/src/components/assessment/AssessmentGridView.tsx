import { Gutter } from '@payloadcms/ui'
import { isSchoolYear, schoolYearOf } from '@school/shared'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'
import { abilities } from '../../access/authorize'
import { GridWorkspace, type GridSelection } from './GridWorkspace'
import './grid.scss'

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
  const asked = pickedValue(searchParams?.schoolYear)
  const initial: GridSelection = {
    schoolYear: isSchoolYear(asked) ? asked : schoolYearOf(new Date()),
    period: pickedValue(searchParams?.period),
    class: pickedValue(searchParams?.class),
    subject: pickedValue(searchParams?.subject),
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="assessment-grid-view">
        <h1>Nhập kết quả đánh giá</h1>
        {may.assessmentGrid ? (
          <GridWorkspace initial={initial} />
        ) : (
          <p>Bạn không có việc nào ở trang này.</p>
        )}
      </Gutter>
    </AdminPage>
  )
}
