import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { abilities } from '../../access/authorize'
import { AdminPage } from '../AdminPage'
import { DocumentsWorkspace } from './DocumentsWorkspace'
import './documents.scss'

/**
 * /admin/documents (TT27 Điều 13, Phụ lục 1–2; Điều 6, 8, 13, 14.2): a class's transcripts and
 * summaries to download, their signing, the Ministry's files and the school's archive. What
 * each user may do is the server's answer (`GET /api/documents/classes`).
 */
export async function DocumentsView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const may = await abilities(req)
  const asked = (name: string) => {
    const value = searchParams?.[name]
    return typeof value === 'string' && value !== '' ? value : null
  }
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="documents-view">
        <h1>Học bạ, báo cáo và lưu trữ</h1>
        {may.documents ? (
          <DocumentsWorkspace
            api={req.payload.config.routes.api}
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
