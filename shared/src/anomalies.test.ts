import { describe, expect, it } from 'vitest'

import type { Period, SubjectLevel } from './assessment'
import {
  classOutlierAnomalies,
  dropAnomalies,
  findAnomalies,
  scoreLevelAnomalies,
  type AssessmentFact,
} from './anomalies'

const YEAR = '2026-2027'

function fact(
  period: Period,
  level: SubjectLevel | null,
  score: number | null,
  more: Partial<AssessmentFact> = {},
): AssessmentFact {
  return {
    student: 1,
    studentName: 'Nguyễn Văn An',
    class: 'c4a',
    className: '4A',
    grade: 4,
    subject: 'toan',
    schoolYear: YEAR,
    period,
    level,
    score,
    ...more,
  }
}

describe('(a) a score that contradicts its level', () => {
  it.each([
    { level: 'T', score: 7, flagged: false },
    { level: 'T', score: 6, flagged: true },
    { level: 'T', score: 10, flagged: false },
    { level: 'H', score: 5, flagged: false },
    { level: 'H', score: 4, flagged: true },
    { level: 'H', score: 8, flagged: false },
    { level: 'H', score: 9, flagged: true },
    { level: 'C', score: 4, flagged: false },
    { level: 'C', score: 5, flagged: true },
    { level: 'C', score: 1, flagged: false },
  ] as const)('$level with $score: flagged $flagged', ({ level, score, flagged }) => {
    expect(scoreLevelAnomalies([fact('end1', level, score)])).toHaveLength(flagged ? 1 : 0)
  })

  it('ignores an entry without a level or without a score', () => {
    expect(scoreLevelAnomalies([fact('end1', null, 2), fact('mid1', 'C', null)])).toEqual([])
  })

  it('describes the contradiction in Vietnamese', () => {
    const [maths, science] = scoreLevelAnomalies([
      fact('end1', 'T', 6),
      fact('end1', 'C', 6, { student: 2, studentName: 'Lê Thị Bình', subject: 'khoa-hoc' }),
    ])
    expect(maths).toMatchObject({ kind: 'score-level', student: 1, level: 'T', score: 6 })
    expect(maths.description).toBe(
      'Nguyễn Văn An (4A), Toán, Cuối học kì I: mức T (Hoàn thành tốt) nhưng điểm KTĐK 6 (dưới 7)',
    )
    expect(science.description).toBe(
      'Lê Thị Bình (4A), Khoa học, Cuối học kì I: mức C (Chưa hoàn thành) nhưng điểm KTĐK 6 (từ 5)',
    )
  })

  it('reports only the asked checkpoint', () => {
    const facts = [fact('mid1', 'T', 5), fact('end1', 'T', 4)]
    expect(scoreLevelAnomalies(facts, { period: 'end1' }).map((a) => a.score)).toEqual([4])
  })
})

describe('(b) a pupil far below their previous checkpoint', () => {
  it('a fall of 3 points is flagged, of 2 is not', () => {
    expect(dropAnomalies([fact('mid1', 'T', 9), fact('end1', 'H', 6)])).toHaveLength(1)
    expect(dropAnomalies([fact('mid1', 'T', 9), fact('end1', 'H', 7)])).toEqual([])
    expect(dropAnomalies([fact('mid1', 'H', 6), fact('end1', 'T', 9)])).toEqual([])
  })

  it('T to C is flagged; T to H and H to C are not', () => {
    expect(dropAnomalies([fact('mid1', 'T', null), fact('end1', 'C', null)])).toHaveLength(1)
    expect(dropAnomalies([fact('mid1', 'T', null), fact('end1', 'H', null)])).toEqual([])
    expect(dropAnomalies([fact('mid1', 'H', null), fact('end1', 'C', null)])).toEqual([])
  })

  it('says both when both happen', () => {
    const [anomaly] = dropAnomalies([fact('end1', 'C', 4), fact('mid1', 'T', 8)])
    expect(anomaly).toMatchObject({
      kind: 'drop',
      period: 'end1',
      scoreDrop: { from: 8, to: 4, fromPeriod: 'mid1' },
      levelDrop: { fromPeriod: 'mid1' },
    })
    expect(anomaly.description).toBe(
      'Nguyễn Văn An (4A), Toán, Cuối học kì I: điểm KTĐK từ 8 (Giữa học kì I) xuống 4, ' +
        'giảm 4 điểm; mức từ T (Giữa học kì I) xuống C',
    )
  })

  it('grade 3: the score is compared with the last tested checkpoint, past an untested one', () => {
    const grade3 = { grade: 3, class: 'c3a', className: '3A' }
    const anomalies = dropAnomalies([
      fact('end1', 'T', 8, grade3),
      fact('mid2', 'T', null, grade3),
      fact('end', 'H', 5, grade3),
    ])
    expect(anomalies).toHaveLength(1)
    expect(anomalies[0].scoreDrop).toEqual({ from: 8, to: 5, fromPeriod: 'end1' })
    expect(anomalies[0].levelDrop).toBeNull()
  })

  it('does not compare across school years, pupils or subjects', () => {
    expect(
      dropAnomalies([
        fact('end', 'T', 10, { schoolYear: '2025-2026', grade: 3 }),
        fact('mid1', 'C', 4),
        fact('end1', 'T', 10, { student: 2 }),
        fact('end1', 'C', 4, { subject: 'tieng-viet' }),
      ]),
    ).toEqual([])
  })

  it('reports only the asked checkpoint, using the earlier ones as previous', () => {
    const facts = [fact('mid1', 'T', 10), fact('end1', 'T', 6), fact('mid2', 'C', 3)]
    expect(dropAnomalies(facts).map((a) => a.period)).toEqual(['end1', 'mid2'])
    expect(dropAnomalies(facts, { period: 'mid2' })).toMatchObject([
      { period: 'mid2', scoreDrop: { from: 6, to: 3 }, levelDrop: { fromPeriod: 'end1' } },
    ])
  })
})

/** A class's entries: one pupil per level, the scores alongside (by hand, in the tables below). */
function classEntries(
  className: string,
  levels: string,
  scores: number[] = [],
  more: Partial<AssessmentFact> = {},
): AssessmentFact[] {
  const count = Math.max(levels.length, scores.length)
  return Array.from({ length: count }, (_, index) =>
    fact('end1', (levels[index] as SubjectLevel | undefined) ?? null, scores[index] ?? null, {
      student: `${className}-${index + 1}`,
      studentName: `Học sinh ${index + 1}`,
      class: className,
      className,
      grade: 3,
      ...more,
    }),
  )
}
const repeat = (level: string, times: number) => level.repeat(times)

describe('(c) a class far from the rest of its grade', () => {
  it('share of C 15 points above the other classes: flagged', () => {
    // 3A 3/10 = 30 %; 3B and 3C together 6/40 = 15 %. 3B: 15 % against 6/30 = 20 %; 3C the same.
    const anomalies = classOutlierAnomalies([
      ...classEntries('3A', repeat('C', 3) + repeat('T', 7)),
      ...classEntries('3B', repeat('C', 3) + repeat('H', 17)),
      ...classEntries('3C', repeat('C', 3) + repeat('T', 17)),
    ])
    expect(anomalies).toHaveLength(1)
    expect(anomalies[0]).toMatchObject({
      kind: 'class-outlier',
      className: '3A',
      measure: 'c-share',
      against: 'other-classes',
    })
    expect(anomalies[0].classValue).toBeCloseTo(0.3)
    expect(anomalies[0].restValue).toBeCloseTo(0.15)
    expect(anomalies[0].description).toBe(
      'Lớp 3A, Toán, Cuối học kì I: 30% mức C, các lớp khác của khối 3: 15% (chênh 15 điểm %, ' +
        'ngưỡng 15)',
    )
  })

  it('share of C 14 points above: not flagged', () => {
    // 3A 3/10 = 30 %; 3B and 3C 8/50 = 16 %. 3B: 16 % against 7/35 = 20 %.
    expect(
      classOutlierAnomalies([
        ...classEntries('3A', repeat('C', 3) + repeat('T', 7)),
        ...classEntries('3B', repeat('C', 4) + repeat('H', 21)),
        ...classEntries('3C', repeat('C', 4) + repeat('T', 21)),
      ]),
    ).toEqual([])
  })

  it('mean score 1 point below or above the other classes: flagged; 0.9 below: not', () => {
    const sevens = Array<number>(10).fill(7)
    const sixes = Array<number>(10).fill(6)
    const eights = Array<number>(10).fill(8)
    // 3A 6.0 against 7.0; 3B 7.0 against (60 + 70) / 20 = 6.5.
    const below = classOutlierAnomalies([
      ...classEntries('3A', '', sixes),
      ...classEntries('3B', '', sevens),
      ...classEntries('3C', '', sevens),
    ])
    expect(below.map((a) => [a.className, a.measure])).toEqual([['3A', 'mean-score']])
    expect(below[0].description).toBe(
      'Lớp 3A, Toán, Cuối học kì I: điểm KTĐK trung bình 6,0, các lớp khác của khối 3: 7,0 ' +
        '(chênh 1,0 điểm, ngưỡng 1,0)',
    )
    const above = classOutlierAnomalies([
      ...classEntries('3A', '', eights),
      ...classEntries('3B', '', sevens),
      ...classEntries('3C', '', sevens),
    ])
    expect(above.map((a) => [a.className, a.classValue, a.restValue])).toEqual([['3A', 8, 7]])
    // 3A: nine 6s and a 7 = 6.1 against 7.0.
    expect(
      classOutlierAnomalies([
        ...classEntries('3A', '', [...Array<number>(9).fill(6), 7]),
        ...classEntries('3B', '', sevens),
        ...classEntries('3C', '', sevens),
      ]),
    ).toEqual([])
  })

  it('one other class only: nothing, unless a reference for the grade is given', () => {
    const facts = [
      ...classEntries('3A', repeat('C', 5) + repeat('T', 5)),
      ...classEntries('3B', repeat('C', 1) + repeat('T', 9)),
    ]
    expect(classOutlierAnomalies(facts)).toEqual([])
    const againstReference = classOutlierAnomalies(facts, {
      references: [{ period: 'end1', grade: 3, subject: 'toan', cShare: 0.1 }],
    })
    expect(againstReference).toHaveLength(1)
    expect(againstReference[0]).toMatchObject({ className: '3A', against: 'reference' })
    expect(againstReference[0].description).toBe(
      'Lớp 3A, Toán, Cuối học kì I: 50% mức C, mức chung của khối 3: 10% (chênh 40 điểm %, ' +
        'ngưỡng 15)',
    )
    expect(
      classOutlierAnomalies(facts, {
        references: [{ period: 'end1', grade: 3, subject: 'tieng-viet', cShare: 0.1 }],
      }),
    ).toEqual([])
  })

  it('a class with fewer than 10 entries is not judged yet; with 10 it is', () => {
    const others = [...classEntries('3B', repeat('T', 10)), ...classEntries('3C', repeat('T', 10))]
    expect(classOutlierAnomalies([...classEntries('3A', repeat('C', 9)), ...others])).toEqual([])
    expect(
      classOutlierAnomalies([...classEntries('3A', repeat('C', 10)), ...others]).map(
        (a) => a.className,
      ),
    ).toEqual(['3A'])
  })

  it('a flagged class leaves the rest: the normal classes beside it are not flagged', () => {
    // Without that, 3B (0 %) would be 50 points from 3A and 3C pooled (10/20).
    expect(
      classOutlierAnomalies([
        ...classEntries('3A', repeat('C', 10)),
        ...classEntries('3B', repeat('T', 10)),
        ...classEntries('3C', repeat('T', 10)),
      ]).map((a) => a.className),
    ).toEqual(['3A'])
    // Two classes at 40 % among three at 10 %: both flagged, the third of the normal ones not.
    const ten = repeat('C', 1) + repeat('T', 9)
    const forty = repeat('C', 4) + repeat('H', 6)
    const twoOutliers = classOutlierAnomalies([
      ...classEntries('3A', forty),
      ...classEntries('3B', forty),
      ...classEntries('3C', ten),
      ...classEntries('3D', ten),
      ...classEntries('3E', ten),
    ])
    expect(twoOutliers.map((a) => [a.className, a.restValue])).toEqual([
      ['3A', 7 / 40],
      ['3B', 3 / 30],
    ])
  })

  it('compares only the same subject, checkpoint, grade and year', () => {
    const facts = [
      ...classEntries('3A', repeat('C', 10)),
      ...classEntries('3B', repeat('T', 10), [], { subject: 'tieng-viet' }),
      ...classEntries('3C', repeat('T', 10), [], { period: 'end' }),
      ...classEntries('4A', repeat('T', 10), [], { grade: 4 }),
      ...classEntries('3D', repeat('T', 10), [], { schoolYear: '2025-2026' }),
    ]
    expect(classOutlierAnomalies(facts)).toEqual([])
  })
})

describe('all anomalies', () => {
  it('lists the three kinds, in order', () => {
    const facts = [
      fact('mid1', 'T', 10),
      fact('end1', 'T', 6),
      ...classEntries('3A', repeat('C', 10)),
      ...classEntries('3B', repeat('T', 10)),
      ...classEntries('3C', repeat('T', 10)),
    ]
    expect(findAnomalies(facts, { period: 'end1' }).map((a) => a.kind)).toEqual([
      'score-level',
      'drop',
      'class-outlier',
    ])
  })
})
