import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'
import { abilities, isAllowed } from '../../access/authorize'
import { assessmentPolicy } from '../../access/policy'
import { AttendanceGrid, type AttendanceClassOption } from './AttendanceGrid'
import './attendance.scss'

/**
 * /admin/attendance (Điều 9.3): the homeroom teacher's quick weekly grid of their class,
 * leadership's reading of every class, and the term and year totals. The classes offered are
 * the ones the policy lets this user read; the grid itself is read and saved through the API.
 */
export async function AttendanceView({
  initPageResult,
  params,
  searchParams,
}: AdminViewServerProps) {
  const { req } = initPageResult
  const may = await abilities(req)
  const classes: AttendanceClassOption[] = []
  if (may.attendance) {
    const { docs } = await req.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      sort: 'name',
      limit: 0,
      depth: 0,
      select: { name: true },
      overrideAccess: true,
      req,
    })
    for (const group of docs) {
      const record = { record: { class: group.id } }
      if (!(await isAllowed(req, assessmentPolicy.readAttendance, record))) continue
      const editable = await isAllowed(req, assessmentPolicy.takeAttendance, record)
      classes.push({ id: String(group.id), name: group.name, editable })
    }
  }
  const asked = typeof searchParams?.class === 'string' ? searchParams.class : undefined
  const initialClass =
    classes.find((option) => option.id === asked) ??
    classes.find((option) => option.editable) ??
    classes[0]
  const week = typeof searchParams?.week === 'string' ? searchParams.week : undefined

  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="attendance-view">
        <h1>Điểm danh</h1>
        {initialClass ? (
          <AttendanceGrid classes={classes} initialClass={initialClass.id} initialWeek={week} />
        ) : (
          <p>Bạn không có lớp nào để điểm danh hay theo dõi điểm danh.</p>
        )}
      </Gutter>
    </AdminPage>
  )
}
