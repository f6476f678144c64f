import { describe, expect, it } from 'vitest'

import type { Period } from './assessment'
import {
  CHECKPOINT_KINDS,
  GRADE_BANDS,
  checkpointKindOf,
  classSummaryLayout,
  gradeBandOf,
  summaryTotals,
  yearEndCells,
  type CheckpointKind,
  type GradeBand,
  type SummaryRow,
} from './class-summary'

const QUALITIES = ['Yêu nước', 'Nhân ái', 'Chăm chỉ', 'Trung thực', 'Trách nhiệm']
const GENERAL = ['Tự chủ và tự học', 'Giao tiếp và hợp tác', 'Giải quyết vấn đề và sáng tạo']
const SPECIFIC_1_2 = ['Ngôn ngữ', 'Tính toán', 'Khoa học', 'Thẩm mĩ', 'Thể chất']
const SPECIFIC_3_5 = [
  'Ngôn ngữ',
  'Tính toán',
  'Khoa học',
  'Công nghệ',
  'Tin học',
  'Thẩm mĩ',
  'Thể chất',
]
const YEAR_END_4 = [
  'Đánh giá kết quả giáo dục',
  'Khen thưởng',
  'Hoàn thành chương trình lớp học',
  'Lên lớp',
]

// TT27 Điều 7.2 and the 2018 programme, written out by hand for each band (level columns, then
// the subjects tested at that kind of checkpoint), independently of PROGRAMME_SUBJECTS.
const SUBJECTS: Record<GradeBand, string[]> = {
  '1-2': [
    'Tiếng Việt',
    'Toán',
    'Đạo đức',
    'Tự nhiên và Xã hội',
    'Giáo dục thể chất',
    'Âm nhạc',
    'Mĩ thuật',
    'Hoạt động trải nghiệm',
  ],
  '3': [
    'Tiếng Việt',
    'Toán',
    'Ngoại ngữ 1',
    'Đạo đức',
    'Tự nhiên và Xã hội',
    'Tin học và Công nghệ',
    'Giáo dục thể chất',
    'Âm nhạc',
    'Mĩ thuật',
    'Hoạt động trải nghiệm',
  ],
  '4-5': [
    'Tiếng Việt',
    'Toán',
    'Ngoại ngữ 1',
    'Đạo đức',
    'Khoa học',
    'Lịch sử và Địa lí',
    'Tin học và Công nghệ',
    'Giáo dục thể chất',
    'Âm nhạc',
    'Mĩ thuật',
    'Hoạt động trải nghiệm',
  ],
}
const TESTED: Record<GradeBand, Record<CheckpointKind, string[]>> = {
  '1-2': { mid: [], end1: ['Tiếng Việt', 'Toán'], end: ['Tiếng Việt', 'Toán'] },
  '3': {
    mid: [],
    end1: ['Tiếng Việt', 'Toán', 'Ngoại ngữ 1', 'Tin học và Công nghệ'],
    end: ['Tiếng Việt', 'Toán', 'Ngoại ngữ 1', 'Tin học và Công nghệ'],
  },
  '4-5': {
    mid: ['Tiếng Việt', 'Toán'],
    end1: [
      'Tiếng Việt',
      'Toán',
      'Ngoại ngữ 1',
      'Khoa học',
      'Lịch sử và Địa lí',
      'Tin học và Công nghệ',
    ],
    end: [
      'Tiếng Việt',
      'Toán',
      'Ngoại ngữ 1',
      'Khoa học',
      'Lịch sử và Địa lí',
      'Tin học và Công nghệ',
    ],
  },
}
const PERIOD_OF: Record<CheckpointKind, Period[]> = {
  mid: ['mid1', 'mid2'],
  end1: ['end1'],
  end: ['end'],
}
const GRADES_OF: Record<GradeBand, number[]> = { '1-2': [1, 2], '3': [3], '4-5': [4, 5] }

function expectedNames(kind: CheckpointKind, band: GradeBand, grade: number): string[] {
  const subjects = SUBJECTS[band].flatMap((name) =>
    TESTED[band][kind].includes(name)
      ? [`${name} - Mức đạt được`, `${name} - Điểm KTĐK`]
      : [`${name} - Mức đạt được`],
  )
  const specific = band === '1-2' ? SPECIFIC_1_2 : SPECIFIC_3_5
  let yearEnd: string[] = []
  if (kind === 'end') {
    yearEnd =
      grade === 5 ? [...YEAR_END_4.slice(0, 2), 'Hoàn thành chương trình tiểu học'] : YEAR_END_4
  }
  return [
    'STT',
    'Họ và tên',
    'Ngày sinh',
    ...subjects,
    ...QUALITIES,
    ...GENERAL,
    ...specific,
    ...yearEnd,
  ]
}

describe('the nine layouts of the class summary', () => {
  for (const kind of CHECKPOINT_KINDS) {
    for (const band of GRADE_BANDS) {
      it(`${kind} × grades ${band}: the columns, in the programme's order`, () => {
        for (const grade of GRADES_OF[band]) {
          for (const period of PERIOD_OF[kind]) {
            const layout = classSummaryLayout(period, grade)
            expect(layout.kind).toBe(kind)
            expect(layout.band).toBe(band)
            const names = layout.columns.map((column) => column.name)
            expect(names).toEqual(expectedNames(kind, band, grade))
            expect(new Set(names).size).toBe(names.length)
          }
        }
      })
    }
  }

  it('puts the headings in their groups', () => {
    const layout = classSummaryLayout('end', 4)
    const byName = new Map(layout.columns.map((column) => [column.name, column]))
    expect(byName.get('Toán - Điểm KTĐK')).toMatchObject({
      group: 'Môn học và hoạt động giáo dục',
      title: 'Toán',
      subtitle: 'Điểm KTĐK',
      tally: ['9-10', '7-8', '5-6', '<5'],
    })
    expect(byName.get('Yêu nước')?.group).toBe('Phẩm chất chủ yếu')
    expect(byName.get('Giao tiếp và hợp tác')?.group).toBe('Năng lực chung')
    expect(byName.get('Tin học')?.group).toBe('Năng lực đặc thù')
    expect(byName.get('Lên lớp')?.group).toBe('Tổng hợp cuối năm học')
  })

  it('adds an elective only for a class where someone takes it', () => {
    const without = classSummaryLayout('end1', 1).columns.map((column) => column.name)
    const withEnglish = classSummaryLayout('end1', 1, ['ngoai-ngu']).columns.map((c) => c.name)
    expect(without).not.toContain('Ngoại ngữ 1 - Mức đạt được')
    // Grades 1–2 learn the elective without a periodic test (TT27 Điều 7.2).
    expect(withEnglish.slice(3, 8)).toEqual([
      'Tiếng Việt - Mức đạt được',
      'Tiếng Việt - Điểm KTĐK',
      'Toán - Mức đạt được',
      'Toán - Điểm KTĐK',
      'Ngoại ngữ 1 - Mức đạt được',
    ])
  })

  it('maps periods and grades to their layout', () => {
    expect(['mid1', 'end1', 'mid2', 'end'].map((p) => checkpointKindOf(p as Period))).toEqual([
      'mid',
      'end1',
      'mid',
      'end',
    ])
    expect([1, 2, 3, 4, 5].map(gradeBandOf)).toEqual(['1-2', '1-2', '3', '4-5', '4-5'])
  })
})

describe('the totals rows', () => {
  it('count each level, score band and year-end value per column', () => {
    const layout = classSummaryLayout('end', 3)
    const rows: SummaryRow[] = [
      {
        student: 1,
        cells: { 'level:toan': 'T', 'score:toan': '10', 'trait:nhan-ai': 'Đ', result: 'HTT' },
      },
      {
        student: 2,
        cells: { 'level:toan': 'T', 'score:toan': '9', 'trait:nhan-ai': 'T', result: 'HT' },
      },
      {
        student: 3,
        cells: { 'level:toan': 'C', 'score:toan': '4', 'trait:nhan-ai': 'Đ', result: 'CHT' },
      },
      { student: 4, cells: { 'level:toan': 'H', 'score:toan': '7' } },
    ]
    const totals = summaryTotals(layout, rows)
    expect(totals).toHaveLength(4)
    expect(totals.map((line) => line['level:toan'])).toEqual(['T: 2', 'H: 1', 'C: 1', undefined])
    expect(totals.map((line) => line['score:toan'])).toEqual([
      '9-10: 2',
      '7-8: 1',
      '5-6: 0',
      '<5: 1',
    ])
    expect(totals.map((line) => line['trait:nhan-ai']).slice(0, 3)).toEqual([
      'T: 1',
      'Đ: 2',
      'C: 0',
    ])
    expect(totals.map((line) => line.result)).toEqual(['HTXS: 0', 'HTT: 1', 'HT: 1', 'CHT: 1'])
    expect(totals[0]!.name).toBeUndefined()
  })
})

describe('the year-end cells', () => {
  it('mark completion and promotion as the record and the principal decided', () => {
    expect(yearEndCells({ result: 'HTXS', award: 'excellent', promotion: 'promoted' })).toEqual({
      result: 'HTXS',
      award: 'Xuất sắc',
      completion: 'x',
      promotion: 'Lên lớp',
    })
    const passedAfterSummer = yearEndCells({
      result: 'CHT',
      promotion: 'summer_practice',
      supplementaryPassed: true,
    })
    expect(passedAfterSummer).toMatchObject({ completion: 'x', promotion: 'Rèn luyện hè' })
    const promotedByDecision = yearEndCells({
      result: 'CHT',
      promotion: 'promoted',
      supplementaryPassed: false,
      principalDecision: 'promote',
    })
    expect(promotedByDecision).toMatchObject({ completion: '', promotion: 'Lên lớp' })
    expect(yearEndCells({ result: 'CHT', principalDecision: 'retain' }).promotion).toBe('Ở lại lớp')
    expect(yearEndCells(null)).toEqual({})
  })
})
