import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import { YEAR_RESULT_RULE_LINES, YEAR_RESULTS } from '@school/shared'

import { abilities } from '../../access/authorize'
import { AWARD_OPTIONS, PROMOTION_OPTIONS } from '../../collections/assessment/YearEndResults'
import { AdminPage } from '../AdminPage'
import { YearEndPanel } from './YearEndPanel'
import './year-end.scss'

const optionsVi = (options: Array<{ value: string; label: { vi: string } }>) =>
  options.map((option) => ({ value: option.value, label: option.label.vi }))

/**
 * /admin/year-end (TT27 Điều 9.2, 11–13; Điều 5.4): a class's year-end results with their
 * reasons and what is missing; the homeroom teacher's comments, award proposals and promotion
 * notes; the principal's approval. What each user may do is the server's answer.
 */
export async function YearEndView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const may = await abilities(req)
  const asked = (name: string) => {
    const value = searchParams?.[name]
    return typeof value === 'string' && value !== '' ? value : null
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="year-end-view">
        <h1>Kết quả cuối năm học</h1>
        {may.yearEnd ? (
          <YearEndPanel
            api={req.payload.config.routes.api}
            awards={optionsVi(AWARD_OPTIONS)}
            promotions={optionsVi(PROMOTION_OPTIONS)}
            rule={YEAR_RESULTS.map((result) => YEAR_RESULT_RULE_LINES[result])}
            initialClass={asked('class')}
            initialYear={asked('schoolYear')}
          />
        ) : (
          <p>Bạn không có việc nào ở trang này.</p>
        )}
      </Gutter>
    </AdminPage>
  )
}
