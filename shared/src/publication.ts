/**
 * The small editorial path of a notice the school publishes from its own data (Điều 17.4): the
 * timetable, the lunch menu, the test schedule, a disclosure, a photo album. Leadership approves
 * what goes out, the web admin publishes it (Điều 17.3), as for posts, without a post's review by
 * a group head: the record is kept by the office that owns the data.
 */
export const PUBLICATION_STAGES = ['draft', 'submitted', 'approved', 'published'] as const
export type PublicationStage = (typeof PUBLICATION_STAGES)[number]

export const PUBLICATION_STAGE_LABELS: Record<PublicationStage, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ duyệt', en: 'Awaiting approval' },
  approved: { vi: 'Đã duyệt, chờ đăng', en: 'Approved, awaiting publication' },
  published: { vi: 'Đã đăng', en: 'Published' },
}

export const PUBLICATION_ACTIONS = ['submit', 'approve', 'return', 'publish', 'unpublish'] as const
export type PublicationAction = (typeof PUBLICATION_ACTIONS)[number]

export const PUBLICATION_ACTION_LABELS: Record<PublicationAction, { vi: string; en: string }> = {
  submit: { vi: 'Gửi duyệt', en: 'Submit for approval' },
  approve: { vi: 'Duyệt', en: 'Approve' },
  return: { vi: 'Trả lại', en: 'Send back' },
  publish: { vi: 'Đăng lên website', en: 'Publish' },
  unpublish: { vi: 'Gỡ khỏi website', en: 'Unpublish' },
}

export function isPublicationAction(value: unknown): value is PublicationAction {
  return typeof value === 'string' && (PUBLICATION_ACTIONS as readonly string[]).includes(value)
}

/**
 * What the website shows of the school's data, one kind per page family. A notice's `key` tells
 * the notices of a kind apart (a class's slug, a school year, an album's slug).
 */
export const NOTICE_KINDS = [
  'organisation',
  'timetable',
  'lunch_menu',
  'test_schedule',
  'disclosure',
  'album',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export const NOTICE_KIND_LABELS: Record<NoticeKind, { vi: string; en: string }> = {
  organisation: { vi: 'Cơ cấu tổ chức', en: 'Organisation' },
  timetable: { vi: 'Thời khóa biểu', en: 'Timetable' },
  lunch_menu: { vi: 'Thực đơn', en: 'Lunch menu' },
  test_schedule: { vi: 'Lịch kiểm tra', en: 'Test schedule' },
  disclosure: { vi: 'Công khai', en: 'Public disclosure' },
  album: { vi: 'Thư viện ảnh', en: 'Photo album' },
}
