/**
 * The editorial workflow's words (Điều 5.6, 6, 7, 17): stages a post goes through, the actions
 * that move it, and the kinds of content. Slugs are stored: never rename one.
 */

export const STAGES = [
  'draft',
  'submitted',
  'reviewed',
  'approved',
  'published',
  'returned',
] as const
export type Stage = (typeof STAGES)[number]

/** Between submission and publication a post is in the reviewers' hands, not its writers'. */
export const IN_REVIEW_STAGES: readonly Stage[] = ['submitted', 'reviewed', 'approved']

export const STAGE_LABELS: Record<Stage, { vi: string; en: string }> = {
  draft: { vi: 'Bản nháp', en: 'Draft' },
  submitted: { vi: 'Chờ thẩm định', en: 'Submitted for review' },
  reviewed: { vi: 'Đã thẩm định, chờ duyệt', en: 'Reviewed, awaiting approval' },
  approved: { vi: 'Đã duyệt, chờ đăng', en: 'Approved, awaiting publication' },
  published: { vi: 'Đã đăng', en: 'Published' },
  returned: { vi: 'Trả lại để sửa', en: 'Returned for changes' },
}

export const WORKFLOW_ACTIONS = [
  'submit',
  'accept',
  'return',
  'approve',
  'publish',
  'unpublish',
] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

export const ACTION_LABELS: Record<WorkflowAction, { vi: string; en: string }> = {
  submit: { vi: 'Gửi thẩm định', en: 'Submit for review' },
  accept: { vi: 'Thẩm định đạt', en: 'Accept' },
  return: { vi: 'Trả lại', en: 'Send back' },
  approve: { vi: 'Phê duyệt', en: 'Approve' },
  publish: { vi: 'Đăng lên website', en: 'Publish' },
  unpublish: { vi: 'Gỡ khỏi website', en: 'Unpublish' },
}

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === 'string' && (WORKFLOW_ACTIONS as readonly string[]).includes(value)
}

export const POST_KINDS = [
  'news',
  'announcement',
  'professional_topic',
  'elearning',
  'official_document',
  'pupil_writing',
  'practice_tests',
] as const
export type PostKind = (typeof POST_KINDS)[number]

export const POST_KIND_LABELS: Record<PostKind, { vi: string; en: string }> = {
  news: { vi: 'Tin tức', en: 'News' },
  announcement: { vi: 'Thông báo', en: 'Announcement' },
  professional_topic: { vi: 'Chuyên đề chuyên môn', en: 'Professional topic' },
  elearning: { vi: 'Bài giảng E-learning', en: 'E-learning lesson' },
  official_document: { vi: 'Văn bản cấp trên', en: 'Document from the authorities' },
  pupil_writing: { vi: 'Bài viết của học sinh', en: "Pupils' writing" },
  practice_tests: { vi: 'Đề kiểm tra ôn luyện', en: 'Practice tests' },
}
