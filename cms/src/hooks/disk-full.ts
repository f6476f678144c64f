/**
 * A save the disk has no room for. SQLite answers SQLITE_FULL and writes nothing of that statement
 * (its rollback journal is written first, on the same disk); a media upload gets ENOSPC. Payload
 * would answer "Something went wrong." with a 500: the user would retry without knowing why and
 * the IT teacher would hunt for a bug. Answered as 507 Insufficient Storage, saying what to do.
 */
import type { AfterErrorHook } from 'payload'

import { localize } from '../lib/messages'

const DISK_FULL = /SQLITE_FULL|ENOSPC|database or disk is full|no space left on device/i

/** A log or message that says the disk ran out (a child's output: the site's build). */
export const mentionsFullDisk = (text: string) => DISK_FULL.test(text)

/** The error or anything it was caused by ran out of disk (drizzle wraps libsql's error). */
export function isDiskFull(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth += 1) {
    const { code, message } = cause as { code?: unknown; message?: unknown }
    if (mentionsFullDisk(String(code ?? '')) || mentionsFullDisk(String(message ?? ''))) return true
    cause = (cause as { cause?: unknown }).cause
  }
  return false
}

export const answerFullDiskClearly: AfterErrorHook = ({ error, req }) => {
  if (!isDiskFull(error)) return
  const message = localize(req, {
    vi:
      'Máy chủ hết dung lượng đĩa: thay đổi này chưa được lưu. Những gì đã lưu trước đó vẫn còn ' +
      'nguyên. Hãy báo giáo viên Tin học giải phóng dung lượng, rồi lưu lại.',
    en:
      'The server is out of disk space: this change was not saved. What was saved before is ' +
      'intact. Ask the IT teacher to free some space, then save again.',
  })
  return { response: { errors: [{ message }] }, status: 507 }
}
