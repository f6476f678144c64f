/**
 * The entry grid's contract (Điều 10.1, 12.1): what `GET /api/assessment-grid` answers, what
 * `POST /api/assessment-grid` takes, and what the spreadsheet of the same grid holds. Shared by
 * the CMS's endpoints, its admin grid and the .xlsx download/upload.
 */
import type { Period, QualityLevel, SubjectLevel, TraitCode } from './assessment'

/** Why a grid cannot be changed directly (a change then needs a correction request). */
export type GridLock =
  | 'not_open' // the checkpoint's entry window has not opened
  | 'closed' // the window has closed
  | 'confirmed' // the teacher confirmed the checkpoint for the class
  | 'approved' // the principal approved the class's year
  | 'no_window' // leadership has not set the checkpoint's window

export interface SubjectGridRow {
  student: number | string
  studentCode: string | null
  fullName: string
  /** The stored assessment, if any. */
  assessment: number | string | null
  level: SubjectLevel | null
  score: number | null
  /** Earlier test attempts, oldest first (the last one, `score`, counts). */
  earlierScores: number[]
  comment: string | null
}

export interface SubjectGrid {
  kind: 'subject'
  class: { id: number | string; name: string; grade: number }
  subject: { code: string; name: string }
  period: Period
  schoolYear: string
  /** Whether this subject carries a 1–10 test at this checkpoint for this grade. */
  tested: boolean
  lock: GridLock | null
  /** Whether the signed-in user may write it now (assigned teacher, window open, not locked). */
  editable: boolean
  /** Pupils in Vietnamese name order (Intl.Collator('vi')). */
  rows: SubjectGridRow[]
  /** Comment bank entries for this subject, by level. */
  commentBank: Array<{ level: SubjectLevel | null; text: string }>
}

export interface SubjectGridEntry {
  student: number | string
  level: SubjectLevel | null
  score?: number | null
  comment?: string | null
  /** A re-test: keep the stored score as an earlier attempt and record `score` as the new one. */
  retest?: boolean
}

export interface SubjectGridSave {
  class: number | string
  subject: string
  period: Period
  schoolYear: string
  rows: SubjectGridEntry[]
}

export interface TraitGridRow {
  student: number | string
  studentCode: string | null
  fullName: string
  assessment: number | string | null
  levels: Partial<Record<TraitCode, QualityLevel | null>>
  qualitiesComment: string | null
  competenciesComment: string | null
}

export interface TraitGrid {
  kind: 'traits'
  class: { id: number | string; name: string; grade: number }
  period: Period
  schoolYear: string
  traits: TraitCode[]
  lock: GridLock | null
  editable: boolean
  rows: TraitGridRow[]
  commentBank: Array<{ level: QualityLevel | null; text: string }>
}

/** One error of a save or an upload: the pupil, the column, and for an upload the cell. */
export interface GridError {
  student?: number | string
  studentCode?: string
  /** The grid's column: `level`, `score`, `comment`, a trait code… */
  column: string
  /** Spreadsheet uploads: the row and column as Excel shows them ("D7"). */
  cell?: string
  message: string
}

export interface TraitGridEntry {
  student: number | string
  levels: Partial<Record<TraitCode, QualityLevel | null>>
  qualitiesComment?: string | null
  competenciesComment?: string | null
}

export interface TraitGridSave {
  class: number | string
  period: Period
  schoolYear: string
  rows: TraitGridEntry[]
}

/** What a user may open in the grid page: their sheets of a school year. */
export interface GridChoices {
  schoolYear: string
  schoolYears: string[]
  periods: Array<{
    period: Period
    opensOn: string | null
    closesOn: string | null
    /** The window's state today (a class's own confirmation or approval is per sheet). */
    state: 'open' | 'not_open' | 'closed' | 'no_window'
  }>
  sheets: Array<{
    class: { id: number | string; name: string; grade: number }
    /** null: the class's qualities and competencies. */
    subject: { code: string; name: string } | null
    /** Whether the user may enter it (when its checkpoint is open and not locked). */
    mayEnter: boolean
  }>
}
