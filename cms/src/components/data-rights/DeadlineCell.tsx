'use client'

import type { DefaultCellComponentProps } from 'payload'
import { formatDateTimeVi, formatDateVi, isOverdue } from '@school/shared'

/** A deadline in a list: past and the step not done, it stands out as overdue. */
function Deadline({
  deadline,
  done,
  withTime,
}: {
  deadline: unknown
  done: boolean
  withTime?: boolean
}) {
  if (!deadline) return null
  const due = new Date(String(deadline))
  const text = withTime ? formatDateTimeVi(due) : formatDateVi(due)
  if (!isOverdue(due, done)) return <span>{text}</span>
  return (
    <span
      className="data-rights-overdue"
      style={{ color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 }}
    >
      {text} · Quá hạn
    </span>
  )
}

/** A request is acknowledged once it left "received". */
export function AcknowledgeByCell({ cellData, rowData }: DefaultCellComponentProps) {
  return <Deadline deadline={cellData} done={rowData?.status !== 'received'} />
}

/** A request is done once completed or refused. */
export function CompleteByCell({ cellData, rowData }: DefaultCellComponentProps) {
  const done = rowData?.status === 'completed' || rowData?.status === 'refused'
  return <Deadline deadline={cellData} done={done} />
}

/** A breach's notice is done once the authority was told. */
export function BreachNoticeCell({ cellData, rowData }: DefaultCellComponentProps) {
  return <Deadline deadline={cellData} done={Boolean(rowData?.authorityNotifiedAt)} withTime />
}
