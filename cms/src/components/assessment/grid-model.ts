/**
 * The entry grid's model in the browser (Điều 10.1, 12.1): the columns of a subject or trait
 * grid, the values as typed, the checks the server also makes (so a mistake shows beside its cell
 * before saving), keyboard movement and pasting a block copied from Excel. Pure: no React, no
 * fetch, so it is tested on its own.
 */
import {
  QUALITY_LEVELS,
  SUBJECT_LEVELS,
  TRAIT_LABELS,
  type GridError,
  type QualityLevel,
  type SubjectGrid,
  type SubjectGridEntry,
  type TraitCode,
  type TraitGrid,
  type TraitGridEntry,
} from '@school/shared'

export type CellKind = 'level' | 'score' | 'text'
export type LevelScale = 'subject' | 'quality'

export interface GridColumn {
  /** `level`, `score`, `comment`, a trait code, `qualitiesComment`, `competenciesComment`. */
  key: string
  label: string
  kind: CellKind
}

/** What each cell holds as typed, per row (the grid's row order), keyed by column. */
export type Draft = Array<Record<string, string>>

export interface CellPosition {
  row: number
  column: number
}

export function subjectColumns(grid: Pick<SubjectGrid, 'tested'>): GridColumn[] {
  return [
    { key: 'level', label: 'Mức', kind: 'level' },
    ...(grid.tested ? [{ key: 'score', label: 'Điểm KTĐK', kind: 'score' as const }] : []),
    { key: 'comment', label: 'Nhận xét', kind: 'text' },
  ]
}

export function traitColumns(grid: Pick<TraitGrid, 'traits'>): GridColumn[] {
  return [
    ...grid.traits.map((trait) => ({
      key: trait,
      label: TRAIT_LABELS[trait],
      kind: 'level' as const,
    })),
    { key: 'qualitiesComment', label: 'Nhận xét phẩm chất', kind: 'text' },
    { key: 'competenciesComment', label: 'Nhận xét năng lực', kind: 'text' },
  ]
}

export function subjectDraft(grid: SubjectGrid): Draft {
  return grid.rows.map((row) => ({
    level: row.level ?? '',
    score: row.score === null || row.score === undefined ? '' : String(row.score),
    comment: row.comment ?? '',
  }))
}

export function traitDraft(grid: TraitGrid): Draft {
  return grid.rows.map((row) => ({
    ...Object.fromEntries(grid.traits.map((trait) => [trait, row.levels[trait] ?? ''])),
    qualitiesComment: row.qualitiesComment ?? '',
    competenciesComment: row.competenciesComment ?? '',
  }))
}

const SUBJECT_ALIASES: Record<string, string> = { HTT: 'T', HT: 'H', CHT: 'C' }
// "D" for "Đ": a keyboard without Vietnamese input types D; CCG is "Cần cố gắng".
const QUALITY_ALIASES: Record<string, string> = { D: 'Đ', CCG: 'C' }

/**
 * A level as the teacher typed it (`t`, ` h `, `HTT`, `d`), in the Ministry's letter when it is
 * one, else upper-cased as typed (the check then says what is wrong).
 */
export function normalizeLevel(text: string, scale: LevelScale): string {
  const typed = text.trim().toLocaleUpperCase('vi')
  if (typed === '') return ''
  const levels: readonly string[] = scale === 'subject' ? SUBJECT_LEVELS : QUALITY_LEVELS
  if (levels.includes(typed)) return typed
  const alias = (scale === 'subject' ? SUBJECT_ALIASES : QUALITY_ALIASES)[typed]
  return alias ?? typed
}

/** A typed score: the number when it is a whole number 1–10, `invalid` otherwise, null if empty. */
export function parseScore(text: string): number | null | 'invalid' {
  const typed = text.trim().replace(',', '.')
  if (typed === '') return null
  if (!/^\d+(\.\d+)?$/.test(typed)) return 'invalid'
  const score = Number(typed)
  return Number.isInteger(score) && score >= 1 && score <= 10 ? score : 'invalid'
}

export const MESSAGES = {
  subjectLevel: 'Mức là T (Hoàn thành tốt), H (Hoàn thành) hoặc C (Chưa hoàn thành).',
  qualityLevel: 'Mức là T (Tốt), Đ (Đạt) hoặc C (Cần cố gắng).',
  levelRequired: 'Cần nhập mức khi đã có điểm hoặc nhận xét.',
  storedBlank: 'Kết quả đã nhập không để trống mức đạt được.',
  score: 'Điểm là số nguyên từ 1 đến 10, không dùng số thập phân.',
  scoreRequired: 'Môn này có bài kiểm tra định kì ở kì này: cần nhập điểm.',
  noTest: 'Môn này không có bài kiểm tra định kì ở kì này: để trống điểm.',
} as const

const hasAnyValue = (values: Record<string, string>) =>
  Object.values(values).some((value) => value.trim() !== '')

/**
 * The server's rules of one pupil's subject entry (TT27 Điều 6, 7): nothing, or a level (T/H/C);
 * a whole score 1–10 where the subject is tested at the checkpoint, required there, none
 * elsewhere. Answers the message of each wrong cell.
 */
export function checkSubjectRow(
  values: Record<string, string>,
  tested: boolean,
  stored = false,
): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!hasAnyValue(values)) return stored ? { level: MESSAGES.storedBlank } : errors
  const level = normalizeLevel(values.level ?? '', 'subject')
  if (level === '') errors.level = MESSAGES.levelRequired
  else if (!(SUBJECT_LEVELS as readonly string[]).includes(level))
    errors.level = MESSAGES.subjectLevel
  const scoreText = values.score ?? ''
  const score = parseScore(scoreText)
  if (!tested) {
    if (scoreText.trim() !== '') errors.score = MESSAGES.noTest
  } else if (score === 'invalid') errors.score = MESSAGES.score
  else if (score === null) errors.score = MESSAGES.scoreRequired
  return errors
}

/**
 * A pupil's qualities and competencies: each level given is T/Đ/C. A row may be saved part
 * filled (the homeroom teacher rates over several sittings); confirming needs every trait.
 */
export function checkTraitRow(
  values: Record<string, string>,
  traits: readonly TraitCode[],
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const trait of traits) {
    const level = normalizeLevel(values[trait] ?? '', 'quality')
    if (level !== '' && !(QUALITY_LEVELS as readonly string[]).includes(level)) {
      errors[trait] = MESSAGES.qualityLevel
    }
  }
  return errors
}

/**
 * The pupils whose entry keeps the saved grid from being confirmed (the server's rule): no level,
 * no score where tested, a trait not rated.
 */
export function missingPupils(grid: SubjectGrid | TraitGrid): string[] {
  if (grid.kind === 'subject') {
    return grid.rows
      .filter((row) => !row.level || (grid.tested && row.score === null))
      .map((row) => row.fullName)
  }
  return grid.rows
    .filter((row) => grid.traits.some((trait) => !row.levels[trait]))
    .map((row) => row.fullName)
}

const orNull = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : null)

/** The save of the rows that changed, in the endpoint's contract. */
export function subjectEntries(
  grid: SubjectGrid,
  draft: Draft,
  changed: ReadonlySet<number>,
  retest: ReadonlySet<number>,
): SubjectGridEntry[] {
  return [...changed]
    .sort((a, b) => a - b)
    .map((index) => {
      const values = draft[index]
      const score = parseScore(values.score ?? '')
      const level = normalizeLevel(values.level ?? '', 'subject')
      return {
        student: grid.rows[index].student,
        level: level === '' ? null : (level as SubjectGridEntry['level']),
        ...(grid.tested ? { score: typeof score === 'number' ? score : null } : {}),
        comment: orNull(values.comment),
        ...(retest.has(index) ? { retest: true } : {}),
      }
    })
}

export function traitEntries(
  grid: TraitGrid,
  draft: Draft,
  changed: ReadonlySet<number>,
): TraitGridEntry[] {
  return [...changed]
    .sort((a, b) => a - b)
    .map((index) => {
      const values = draft[index]
      return {
        student: grid.rows[index].student,
        levels: Object.fromEntries(
          grid.traits.map((trait) => [
            trait,
            orNull(normalizeLevel(values[trait] ?? '', 'quality')) as QualityLevel | null,
          ]),
        ),
        qualitiesComment: orNull(values.qualitiesComment),
        competenciesComment: orNull(values.competenciesComment),
      }
    })
}

/**
 * The server's errors on the grid's cells: `row:column` → message. An error naming a pupil the
 * grid does not show, or no column of it, is returned apart (said above the grid).
 */
export function errorsByCell(
  errors: GridError[],
  rows: ReadonlyArray<{ student: number | string; studentCode: string | null }>,
  columns: readonly GridColumn[],
): { cells: Map<string, string>; other: GridError[] } {
  const cells = new Map<string, string>()
  const other: GridError[] = []
  for (const error of errors) {
    const row = rows.findIndex(
      (candidate) =>
        (error.student !== undefined && String(candidate.student) === String(error.student)) ||
        (error.studentCode !== undefined && candidate.studentCode === error.studentCode),
    )
    const column = columns.find((candidate) => candidate.key === error.column)
    if (row < 0 || !column) other.push(error)
    else cells.set(cellKey(row, column.key), error.message)
  }
  return { cells, other }
}

export const cellKey = (row: number, column: string) => `${row}:${column}`

export type Move = 'next' | 'previous' | 'down' | 'up' | 'left' | 'right'

/**
 * The move a key asks for in a cell, or null to leave it to the input: Tab and Shift-Tab across,
 * Enter and Shift-Enter down and up, arrows between cells except in a comment, where they move
 * the caret.
 */
export function moveOfKey(
  key: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean },
  kind: CellKind,
): Move | null {
  if (key.altKey || key.ctrlKey || key.metaKey) return null
  if (key.key === 'Tab') return key.shiftKey ? 'previous' : 'next'
  if (key.key === 'Enter') return key.shiftKey ? 'up' : 'down'
  if (kind === 'text') return null
  const arrows: Record<string, Move> = {
    ArrowDown: 'down',
    ArrowUp: 'up',
    ArrowLeft: 'left',
    ArrowRight: 'right',
  }
  return arrows[key.key] ?? null
}

/**
 * Where a move lands in a grid of `rows` × `columns`: Tab runs along a row and on to the next,
 * the others stay inside the grid. Null when the move would leave it (Tab on the last cell goes
 * on to the buttons after the grid).
 */
export function moveFrom(
  from: CellPosition,
  move: Move,
  size: { rows: number; columns: number },
): CellPosition | null {
  const index = from.row * size.columns + from.column
  switch (move) {
    case 'next':
    case 'previous': {
      const to = index + (move === 'next' ? 1 : -1)
      if (to < 0 || to >= size.rows * size.columns) return null
      return { row: Math.floor(to / size.columns), column: to % size.columns }
    }
    case 'down':
      return from.row + 1 < size.rows ? { ...from, row: from.row + 1 } : null
    case 'up':
      return from.row > 0 ? { ...from, row: from.row - 1 } : null
    case 'right':
      return from.column + 1 < size.columns ? { ...from, column: from.column + 1 } : null
    case 'left':
      return from.column > 0 ? { ...from, column: from.column - 1 } : null
  }
}

/**
 * What Excel or a spreadsheet puts on the clipboard: rows by newline, cells by tab; a cell with a
 * tab, a newline or a quote is quoted, with quotes doubled. The trailing newline Excel adds after
 * the last row is not an empty row.
 */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let atCellStart = true
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"'
        index++
      } else if (char === '"') quoted = false
      else cell += char
      continue
    }
    if (char === '"' && atCellStart) {
      quoted = true
      atCellStart = false
    } else if (char === '\t') {
      row.push(cell)
      cell = ''
      atCellStart = true
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      atCellStart = true
    } else {
      cell += char
      atCellStart = false
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** Whether a paste is a table (more than one cell), which the grid spreads over its cells. */
export const isTablePaste = (text: string) => /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''))

/**
 * A pasted block written from `start` rightwards and downwards; what falls outside the grid is
 * dropped (and counted), levels are put in the Ministry's letter.
 */
export function pasteInto(
  draft: Draft,
  start: CellPosition,
  table: string[][],
  columns: readonly GridColumn[],
  scale: LevelScale,
): { draft: Draft; changedRows: number[]; dropped: number } {
  const next = draft.map((values) => ({ ...values }))
  const changedRows = new Set<number>()
  let dropped = 0
  table.forEach((cells, rowOffset) => {
    cells.forEach((text, columnOffset) => {
      const row = start.row + rowOffset
      const column = columns[start.column + columnOffset]
      if (row >= next.length || !column) {
        dropped++
        return
      }
      next[row][column.key] = column.kind === 'level' ? normalizeLevel(text, scale) : text.trim()
      changedRows.add(row)
    })
  })
  return { draft: next, changedRows: [...changedRows].sort((a, b) => a - b), dropped }
}
