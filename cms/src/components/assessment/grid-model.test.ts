/** The entry grid's model: checks, keyboard moves and pasting from Excel (no browser). */
import type { SubjectGrid, TraitGrid } from '@school/shared'
import { describe, expect, it } from 'vitest'

import {
  MESSAGES,
  checkSubjectRow,
  checkTraitRow,
  errorsByCell,
  missingPupils,
  isTablePaste,
  moveFrom,
  moveOfKey,
  normalizeLevel,
  parseClipboardTable,
  parseScore,
  pasteInto,
  subjectColumns,
  subjectDraft,
  subjectEntries,
  traitColumns,
  traitDraft,
  traitEntries,
} from './grid-model'

const pupils = [
  { student: 11, studentCode: '0125000001', fullName: 'Nguyễn Thị Ánh Tuyết' },
  { student: 12, studentCode: '0125000002', fullName: 'Trần Đức Hưởng' },
  { student: 13, studentCode: null, fullName: 'Lê Hoàng Yến Nhi' },
]

function subjectGrid(tested: boolean): SubjectGrid {
  return {
    kind: 'subject',
    class: { id: 3, name: 'Lớp 3A', grade: 3 },
    subject: { code: 'ngoai-ngu', name: 'Ngoại ngữ 1' },
    period: 'end1',
    schoolYear: '2026-2027',
    tested,
    lock: null,
    editable: true,
    rows: pupils.map((pupil, index) => ({
      ...pupil,
      assessment: index === 0 ? 90 : null,
      level: index === 0 ? 'T' : null,
      score: index === 0 ? 9 : null,
      earlierScores: [],
      comment: index === 0 ? 'Phát âm tốt.' : null,
    })),
    commentBank: [],
  }
}

const keyOf = (key: string, shiftKey = false) => ({
  key,
  shiftKey,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
})

describe('levels and scores as typed', () => {
  it('accepts lower case, spaces and the long forms, in the Ministry’s letter', () => {
    expect(normalizeLevel(' t ', 'subject')).toBe('T')
    expect(normalizeLevel('h', 'subject')).toBe('H')
    expect(normalizeLevel('cht', 'subject')).toBe('C')
    expect(normalizeLevel('d', 'quality')).toBe('Đ')
    expect(normalizeLevel('đ', 'quality')).toBe('Đ')
    expect(normalizeLevel('ccg', 'quality')).toBe('C')
    // Not a subject level: kept as typed so the check can name it.
    expect(normalizeLevel('đ', 'subject')).toBe('Đ')
    expect(normalizeLevel('x', 'subject')).toBe('X')
  })

  it('reads whole scores 1–10 only', () => {
    expect(parseScore('')).toBeNull()
    expect(parseScore(' 7 ')).toBe(7)
    expect(parseScore('10')).toBe(10)
    expect(parseScore('11')).toBe('invalid')
    expect(parseScore('0')).toBe('invalid')
    expect(parseScore('8,5')).toBe('invalid')
    expect(parseScore('8.0')).toBe(8)
    expect(parseScore('tám')).toBe('invalid')
  })
})

describe('the checks beside each cell', () => {
  it('asks for a level once anything is typed, and a whole score where tested', () => {
    expect(checkSubjectRow({ level: '', score: '', comment: '' }, true)).toEqual({})
    expect(checkSubjectRow({ level: '', score: '8', comment: '' }, true)).toEqual({
      level: MESSAGES.levelRequired,
    })
    expect(checkSubjectRow({ level: 't', score: '11', comment: '' }, true)).toEqual({
      score: MESSAGES.score,
    })
    expect(checkSubjectRow({ level: 'T', score: '', comment: '' }, true)).toEqual({
      score: MESSAGES.scoreRequired,
    })
    expect(checkSubjectRow({ level: 'X', score: '9', comment: '' }, true)).toEqual({
      level: MESSAGES.subjectLevel,
    })
    expect(checkSubjectRow({ level: 'H', score: '', comment: 'Tốt' }, false)).toEqual({})
    expect(checkSubjectRow({ level: 'H', score: '7' }, false)).toEqual({ score: MESSAGES.noTest })
  })

  it('refuses to blank a stored entry', () => {
    expect(checkSubjectRow({ level: '', score: '', comment: '' }, true, true)).toEqual({
      level: MESSAGES.storedBlank,
    })
  })

  it('takes a part-filled trait row, checking the letters given', () => {
    const traits = ['yeu-nuoc', 'nhan-ai'] as const
    expect(checkTraitRow({ 'yeu-nuoc': 'd', 'nhan-ai': '' }, traits)).toEqual({})
    expect(checkTraitRow({ 'yeu-nuoc': 'H', 'nhan-ai': 'T' }, traits)).toEqual({
      'yeu-nuoc': MESSAGES.qualityLevel,
    })
  })

  it('names the pupils that keep a saved grid from being confirmed', () => {
    const grid = subjectGrid(true)
    expect(missingPupils(grid)).toEqual(['Trần Đức Hưởng', 'Lê Hoàng Yến Nhi'])
    expect(missingPupils({ ...grid, rows: grid.rows.slice(0, 1) })).toEqual([])
    const noScore = { ...grid.rows[0], score: null }
    expect(missingPupils({ ...grid, rows: [noScore] })).toEqual([noScore.fullName])
    expect(missingPupils({ ...grid, tested: false, rows: [noScore] })).toEqual([])
  })

  it('puts the server’s errors on their cells, and the rest apart', () => {
    const grid = subjectGrid(true)
    const { cells, other } = errorsByCell(
      [
        { student: 12, column: 'score', message: 'Điểm sai' },
        { studentCode: '0125000001', column: 'level', message: 'Mức sai' },
        { student: 99, column: 'level', message: 'Không có trong lớp' },
        { column: 'file', message: 'Tệp hỏng' },
      ],
      grid.rows,
      subjectColumns(grid),
    )
    expect(Object.fromEntries(cells)).toEqual({ '1:score': 'Điểm sai', '0:level': 'Mức sai' })
    expect(other.map((error) => error.message)).toEqual(['Không có trong lớp', 'Tệp hỏng'])
  })
})

describe('the save', () => {
  it('sends the changed rows only, levels in their letter, a re-test when asked', () => {
    const grid = subjectGrid(true)
    const draft = subjectDraft(grid)
    expect(draft[0]).toEqual({ level: 'T', score: '9', comment: 'Phát âm tốt.' })
    draft[0].score = '10'
    draft[2] = { level: 'h', score: '7', comment: '  ' }
    expect(subjectEntries(grid, draft, new Set([2, 0]), new Set([0]))).toEqual([
      { student: 11, level: 'T', score: 10, comment: 'Phát âm tốt.', retest: true },
      { student: 13, level: 'H', score: 7, comment: null },
    ])
  })

  it('sends no score for a subject without a test at the checkpoint', () => {
    const grid = subjectGrid(false)
    expect(subjectColumns(grid).map((column) => column.key)).toEqual(['level', 'comment'])
    const draft = subjectDraft(grid)
    draft[1].level = 'c'
    expect(subjectEntries(grid, draft, new Set([1]), new Set())).toEqual([
      { student: 12, level: 'C', comment: null },
    ])
  })

  it('sends trait levels in their letter', () => {
    const grid: TraitGrid = {
      kind: 'traits',
      class: { id: 3, name: 'Lớp 3A', grade: 3 },
      period: 'end1',
      schoolYear: '2026-2027',
      traits: ['yeu-nuoc', 'nhan-ai'],
      lock: null,
      editable: true,
      rows: pupils.map((pupil) => ({
        ...pupil,
        assessment: null,
        levels: {},
        qualitiesComment: null,
        competenciesComment: null,
      })),
      commentBank: [],
    }
    expect(traitColumns(grid).map((column) => column.label)).toEqual([
      'Yêu nước',
      'Nhân ái',
      'Nhận xét phẩm chất',
      'Nhận xét năng lực',
    ])
    const draft = traitDraft(grid)
    Object.assign(draft[0], { 'yeu-nuoc': 'd', 'nhan-ai': 't', qualitiesComment: 'Lễ phép.' })
    expect(traitEntries(grid, draft, new Set([0]))).toEqual([
      {
        student: 11,
        levels: { 'yeu-nuoc': 'Đ', 'nhan-ai': 'T' },
        qualitiesComment: 'Lễ phép.',
        competenciesComment: null,
      },
    ])
  })
})

describe('keyboard', () => {
  const size = { rows: 3, columns: 3 }

  it('moves across with Tab, down with Enter, and by arrows except in a comment', () => {
    expect(moveOfKey(keyOf('Tab'), 'text')).toBe('next')
    expect(moveOfKey(keyOf('Tab', true), 'level')).toBe('previous')
    expect(moveOfKey(keyOf('Enter'), 'text')).toBe('down')
    expect(moveOfKey(keyOf('Enter', true), 'score')).toBe('up')
    expect(moveOfKey(keyOf('ArrowDown'), 'score')).toBe('down')
    expect(moveOfKey(keyOf('ArrowLeft'), 'level')).toBe('left')
    expect(moveOfKey(keyOf('ArrowDown'), 'text')).toBeNull()
    expect(moveOfKey(keyOf('ArrowLeft'), 'text')).toBeNull()
    expect(moveOfKey(keyOf('t'), 'level')).toBeNull()
    expect(moveOfKey({ ...keyOf('Enter'), ctrlKey: true }, 'level')).toBeNull()
  })

  it('runs Tab along a row into the next, and stops at the grid’s edges', () => {
    expect(moveFrom({ row: 0, column: 2 }, 'next', size)).toEqual({ row: 1, column: 0 })
    expect(moveFrom({ row: 1, column: 0 }, 'previous', size)).toEqual({ row: 0, column: 2 })
    expect(moveFrom({ row: 2, column: 2 }, 'next', size)).toBeNull()
    expect(moveFrom({ row: 0, column: 0 }, 'previous', size)).toBeNull()
    expect(moveFrom({ row: 0, column: 1 }, 'down', size)).toEqual({ row: 1, column: 1 })
    expect(moveFrom({ row: 2, column: 1 }, 'down', size)).toBeNull()
    expect(moveFrom({ row: 0, column: 1 }, 'up', size)).toBeNull()
    expect(moveFrom({ row: 1, column: 2 }, 'right', size)).toBeNull()
    expect(moveFrom({ row: 1, column: 1 }, 'left', size)).toEqual({ row: 1, column: 0 })
  })
})

describe('pasting from Excel', () => {
  it('reads rows and cells, Excel’s quoted cells and its trailing newline', () => {
    expect(parseClipboardTable('T\t9\r\nH\t7\r\n')).toEqual([
      ['T', '9'],
      ['H', '7'],
    ])
    expect(parseClipboardTable('T\n\nC')).toEqual([['T'], [''], ['C']])
    expect(parseClipboardTable('"Chăm ngoan,\nlễ phép"\t"nói ""cảm ơn"""\n')).toEqual([
      ['Chăm ngoan,\nlễ phép', 'nói "cảm ơn"'],
    ])
    expect(parseClipboardTable('a\t\tb')).toEqual([['a', '', 'b']])
  })

  it('tells a table from a single value', () => {
    expect(isTablePaste('Phát âm tốt.')).toBe(false)
    expect(isTablePaste('Phát âm tốt.\r\n')).toBe(false)
    expect(isTablePaste('T\nH')).toBe(true)
    expect(isTablePaste('T\t9')).toBe(true)
  })

  it('writes a block from the focused cell, drops what falls outside and normalises levels', () => {
    const columns = subjectColumns({ tested: true })
    const draft = subjectDraft(subjectGrid(true))
    const {
      draft: next,
      changedRows,
      dropped,
    } = pasteInto(
      draft,
      { row: 1, column: 0 },
      [
        ['h', ' 7 ', 'Cố gắng', 'extra'],
        ['t', '10'],
        ['c', '4'],
      ],
      columns,
      'subject',
    )
    expect(next[1]).toEqual({ level: 'H', score: '7', comment: 'Cố gắng' })
    expect(next[2]).toEqual({ level: 'T', score: '10', comment: '' })
    expect(next[0]).toEqual(draft[0])
    expect(changedRows).toEqual([1, 2])
    expect(dropped).toBe(3)
    // The draft given is left as it was (the grid keeps its state immutable).
    expect(draft[1].level).toBe('')
  })
})
