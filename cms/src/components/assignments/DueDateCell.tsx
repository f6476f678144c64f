'use client'

import type { DefaultCellComponentProps } from 'payload'
import { formatDateVi } from '@school/shared'

/** A due date in the list; past due and not yet published, it stands out. */
export function DueDateCell({ cellData, rowData }: DefaultCellComponentProps) {
  if (!cellData) return null
  const due = new Date(String(cellData))
  const overdue = rowData?.status !== 'published' && due.getTime() < Date.now()
  return overdue ? (
    <span
      className="assignment-overdue"
      style={{ color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 }}
    >
      {formatDateVi(due)} · Quá hạn
    </span>
  ) : (
    <span>{formatDateVi(due)}</span>
  )
}
