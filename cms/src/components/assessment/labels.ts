/** The grid page's words for a lock (Điều 12.2) and the endpoints it talks to. */
import type { GridChoices, GridLock } from '@school/shared'

export const LOCK_LABELS: Record<GridLock | 'open', string> = {
  open: 'Đang mở nhập',
  not_open: 'Chưa mở',
  closed: 'Khóa sổ: đã hết hạn nhập',
  confirmed: 'Khóa sổ: giáo viên đã xác nhận hoàn thành',
  approved: 'Khóa sổ: hiệu trưởng đã phê duyệt cả năm',
  no_window: 'Chưa mở: chưa đặt thời hạn nhập',
}

/** A checkpoint's entry window today, as the pickers show it. */
export const WINDOW_LABELS: Record<GridChoices['periods'][number]['state'], string> = {
  open: 'đang mở nhập',
  not_open: 'chưa mở',
  closed: 'khóa sổ',
  no_window: 'chưa đặt thời hạn',
}

export const lockLabel = (lock: GridLock | null | undefined) => LOCK_LABELS[lock ?? 'open']

/** Why a grid shows without inputs, in one sentence. */
export function readOnlyReason(lock: GridLock | null): string {
  switch (lock) {
    case null:
      return 'Bạn chỉ được xem bảng này (không được phân công nhập).'
    case 'not_open':
    case 'no_window':
      return 'Kì đánh giá này chưa mở nhập.'
    default:
      return (
        `${lockLabel(lock)}. Muốn sửa một kết quả, bấm “Đề nghị điều chỉnh” ở hàng đó ` +
        'để Ban giám hiệu duyệt.'
      )
  }
}

/** The first message of a Payload error answer (`{ errors: [{ message }] }`), if any. */
export function firstMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null
  const { errors, message } = body as { errors?: Array<{ message?: unknown }>; message?: unknown }
  const first = Array.isArray(errors) ? errors[0]?.message : undefined
  if (typeof first === 'string') return first
  return typeof message === 'string' ? message : null
}

export const NETWORK_FAILURE =
  'Không gửi được: kiểm tra kết nối rồi thử lại. Các giá trị đã nhập vẫn còn trên màn hình.'
