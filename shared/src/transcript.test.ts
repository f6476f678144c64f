import { describe, expect, it } from 'vitest'

import { awardsOf, completionOf, reasonsOf } from './transcript'

describe('line (6) of the transcript (TT27 Điều 12, 13)', () => {
  it('completes the grade with HTXS, HTT or HT; grade 5 completes primary school', () => {
    for (const result of ['HTXS', 'HTT', 'HT'] as const) {
      expect(completionOf(3, result)).toBe('Hoàn thành chương trình lớp học')
      expect(completionOf(5, result)).toBe('Hoàn thành chương trình tiểu học')
    }
  })

  it('completes CHT only by the supplementary assessment; else the principal decides', () => {
    expect(completionOf(2, 'CHT', { supplementary: { passed: true } })).toBe(
      'Hoàn thành chương trình lớp học (sau đánh giá bổ sung)',
    )
    expect(completionOf(2, 'CHT', { principalDecision: 'promote' })).toBe(
      'Chưa hoàn thành chương trình lớp học; được lên lớp theo quyết định của Hiệu trưởng',
    )
    expect(completionOf(5, 'CHT', { principalDecision: 'retain' })).toBe(
      'Chưa hoàn thành chương trình tiểu học; ở lại lớp',
    )
    expect(completionOf(2, 'CHT')).toBe(
      'Chưa hoàn thành chương trình lớp học; rèn luyện trong hè, chờ đánh giá bổ sung',
    )
    expect(completionOf(2, null)).toBeNull()
  })

  it('names the awards with the teacher’s note, and keeps only the reasons’ strings', () => {
    expect(awardsOf({ award: 'excellent' })).toEqual(['Học sinh Xuất sắc'])
    expect(awardsOf({ award: 'outstanding', awardNote: 'Tiêu biểu môn Toán' })).toEqual([
      'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện (Tiêu biểu môn Toán)',
    ])
    expect(awardsOf({ award: null })).toEqual([])
    expect(reasonsOf(['a', 1, 'b'])).toEqual(['a', 'b'])
    expect(reasonsOf('a')).toEqual([])
  })
})
