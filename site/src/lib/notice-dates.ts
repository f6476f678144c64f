/** Days of the lunch menu and the test schedule, as the pages say them (dd/mm/yyyy). */
import { formatDateVi, vietnamDay } from '@school/shared'

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']

/** "Thứ Hai, 30/11/2026" for a `YYYY-MM-DD` day. */
export function dayWithWeekday(day: string): string {
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00.000Z`).getUTCDay()]
  return `${weekday}, ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}

/** The day the build runs, in Vietnam: the pages show what is current then. */
export function buildDay(): string {
  return vietnamDay(new Date())
}

/** The latest of some moments ("Cập nhật lần cuối"): dd/mm/yyyy and the day for `datetime`. */
export function lastChanged(moments: string[]): { text: string; day: string } | null {
  const latest = moments.reduce((a, b) => (a > b ? a : b), '')
  return latest ? { text: formatDateVi(latest), day: vietnamDay(latest) } : null
}
