'use client'

import type { DefaultCellComponentProps } from 'payload'
import { formatDateVi, loanOverdue } from '@school/shared'

/** A loan's due day in the list: past and not returned, it stands out in red as overdue. */
export function LoanDueCell({ cellData, rowData }: DefaultCellComponentProps) {
  if (!cellData) return null
  const text = formatDateVi(String(cellData))
  if (!loanOverdue(String(cellData), rowData?.status)) return <span>{text}</span>
  return (
    <span
      className="equipment-overdue"
      style={{ color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 }}
    >
      {text} · Quá hạn
    </span>
  )
}
