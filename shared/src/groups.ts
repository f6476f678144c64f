/**
 * Kinds of groups in the school (SPEC "Roles", Điều 5.6, 7, 9).
 * - professional: tổ chuyên môn (a grade group such as "Tổ khối 3", or a specialist group)
 * - organisation: tổ chức đoàn thể (Công đoàn, Liên đội, Chi đoàn)
 * - class: lớp học (1A … 5B), belongs to the professional group of its grade
 * - editorial_board: Ban biên tập website, headed by the principal (Điều 5.6)
 */
export const GROUP_KINDS = ['professional', 'organisation', 'class', 'editorial_board'] as const

export type GroupKind = (typeof GROUP_KINDS)[number]

export const GROUP_KIND_LABELS: Record<GroupKind, { vi: string; en: string }> = {
  professional: { vi: 'Tổ chuyên môn', en: 'Professional group' },
  organisation: { vi: 'Tổ chức đoàn thể', en: 'Organisation' },
  class: { vi: 'Lớp học', en: 'Class' },
  editorial_board: { vi: 'Ban biên tập', en: 'Editorial board' },
}

/** Primary school grades (khối 1–5). */
export const GRADES = [1, 2, 3, 4, 5] as const
export type Grade = (typeof GRADES)[number]
