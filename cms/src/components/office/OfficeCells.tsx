'use client'

import type { DefaultCellComponentProps } from 'payload'
import {
  DOCUMENT_URGENCY_LABELS,
  INCOMING_STATE_LABELS,
  formatDateVi,
  isHandlingDueSoon,
  isHandlingOverdue,
  vietnamDay,
  type DocumentUrgency,
  type HandlingStatus,
  type IncomingState,
} from '@school/shared'

const LATE = { color: 'var(--theme-error-500, #b91c1c)', fontWeight: 600 } as const
const SOON = { color: 'var(--theme-warning-600, #b45309)', fontWeight: 600 } as const

/** Khẩn, thượng khẩn and hỏa tốc stand out in the register's list. */
export function UrgencyCell({ cellData }: DefaultCellComponentProps) {
  const label = DOCUMENT_URGENCY_LABELS[cellData as DocumentUrgency]
  if (!label) return null
  return <span style={cellData === 'normal' ? undefined : LATE}>{label.vi}</span>
}

/** Chưa giao / đang xử lý / đã xử lý / quá hạn: overdue in red. */
export function IncomingStateCell({ cellData }: DefaultCellComponentProps) {
  const label = INCOMING_STATE_LABELS[cellData as IncomingState]
  if (!label) return null
  return (
    <span
      className={`incoming-state incoming-state--${cellData}`}
      style={cellData === 'overdue' ? LATE : undefined}
    >
      {label.vi}
    </span>
  )
}

/** A handling's deadline: overdue in red, due within two days marked. */
export function HandlingDeadlineCell({ cellData, rowData }: DefaultCellComponentProps) {
  if (!cellData) return null
  const handling = { status: rowData?.status as HandlingStatus, deadline: String(cellData) }
  const today = vietnamDay()
  const text = formatDateVi(String(cellData))
  if (isHandlingOverdue(handling, today))
    return (
      <span className="handling-overdue" style={LATE}>
        {text} · Quá hạn
      </span>
    )
  if (isHandlingDueSoon(handling, today))
    return (
      <span className="handling-due-soon" style={SOON}>
        {text} · Sắp đến hạn
      </span>
    )
  return <span>{text}</span>
}
