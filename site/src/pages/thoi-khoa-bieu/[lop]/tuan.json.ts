/**
 * The class's week as JSON, for the class picker island on /thoi-khoa-bieu/: the same public
 * snapshot the class's page shows, nothing more.
 */
import type { APIRoute, GetStaticPaths } from 'astro'

import { getTimetables, type TimetableNotice } from '../../../lib/cms'

export const getStaticPaths = (async () => {
  const timetables = await getTimetables()
  return timetables.map((notice) => ({ params: { lop: notice.key }, props: { notice } }))
}) satisfies GetStaticPaths

export const GET: APIRoute = ({ props }) => {
  const { notice } = props as { notice: TimetableNotice }
  return new Response(
    JSON.stringify({
      key: notice.key,
      title: notice.title,
      path: notice.path,
      schoolYear: notice.schoolYear,
      changedAt: notice.changedAt,
      data: notice.data,
    }),
    { headers: { 'Content-Type': 'application/json' } },
  )
}
