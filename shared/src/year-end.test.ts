import { describe, expect, it } from 'vitest'

import type { QualityLevel, SubjectLevel, TraitCode } from './assessment'
import {
  YEAR_RESULT_RULE_TEXT,
  yearEndResult,
  yearEndSubjectsOfGrade,
  type YearEndInput,
  type YearEndSubjectRequirement,
} from './year-end'

// The 2018 programme's table (TT27 Điều 7.2), copied by hand (code, name, tested at `end`).
const GRADE_1_2: YearEndSubjectRequirement[] = [
  { code: 'tieng-viet', name: 'Tiếng Việt', tested: true },
  { code: 'toan', name: 'Toán', tested: true },
  { code: 'dao-duc', name: 'Đạo đức', tested: false },
  { code: 'tu-nhien-xa-hoi', name: 'Tự nhiên và Xã hội', tested: false },
  { code: 'giao-duc-the-chat', name: 'Giáo dục thể chất', tested: false },
  { code: 'am-nhac', name: 'Âm nhạc', tested: false },
  { code: 'mi-thuat', name: 'Mĩ thuật', tested: false },
  { code: 'hoat-dong-trai-nghiem', name: 'Hoạt động trải nghiệm', tested: false },
]
const GRADE_3: YearEndSubjectRequirement[] = [
  { code: 'tieng-viet', name: 'Tiếng Việt', tested: true },
  { code: 'toan', name: 'Toán', tested: true },
  { code: 'ngoai-ngu', name: 'Ngoại ngữ 1', tested: true },
  { code: 'dao-duc', name: 'Đạo đức', tested: false },
  { code: 'tu-nhien-xa-hoi', name: 'Tự nhiên và Xã hội', tested: false },
  { code: 'tin-hoc-cong-nghe', name: 'Tin học và Công nghệ', tested: true },
  { code: 'giao-duc-the-chat', name: 'Giáo dục thể chất', tested: false },
  { code: 'am-nhac', name: 'Âm nhạc', tested: false },
  { code: 'mi-thuat', name: 'Mĩ thuật', tested: false },
  { code: 'hoat-dong-trai-nghiem', name: 'Hoạt động trải nghiệm', tested: false },
]
const GRADE_4_5: YearEndSubjectRequirement[] = [
  { code: 'tieng-viet', name: 'Tiếng Việt', tested: true },
  { code: 'toan', name: 'Toán', tested: true },
  { code: 'ngoai-ngu', name: 'Ngoại ngữ 1', tested: true },
  { code: 'dao-duc', name: 'Đạo đức', tested: false },
  { code: 'khoa-hoc', name: 'Khoa học', tested: true },
  { code: 'lich-su-dia-li', name: 'Lịch sử và Địa lí', tested: true },
  { code: 'tin-hoc-cong-nghe', name: 'Tin học và Công nghệ', tested: true },
  { code: 'giao-duc-the-chat', name: 'Giáo dục thể chất', tested: false },
  { code: 'am-nhac', name: 'Âm nhạc', tested: false },
  { code: 'mi-thuat', name: 'Mĩ thuật', tested: false },
  { code: 'hoat-dong-trai-nghiem', name: 'Hoạt động trải nghiệm', tested: false },
]
const ELECTIVE_ENGLISH_GRADE_1_2: YearEndSubjectRequirement = {
  code: 'ngoai-ngu',
  name: 'Ngoại ngữ 1',
  tested: false,
}
const ELECTIVE_ETHNIC_LANGUAGE: YearEndSubjectRequirement = {
  code: 'tieng-dan-toc',
  name: 'Tiếng dân tộc thiểu số',
  tested: false,
}

// 5 qualities, 3 general competencies, the specific ones (công nghệ, tin học from grade 3).
const TRAITS_1_2: TraitCode[] = [
  'yeu-nuoc',
  'nhan-ai',
  'cham-chi',
  'trung-thuc',
  'trach-nhiem',
  'tu-chu-tu-hoc',
  'giao-tiep-hop-tac',
  'gqvd-sang-tao',
  'ngon-ngu',
  'tinh-toan',
  'khoa-hoc',
  'tham-mi',
  'the-chat',
]
const TRAITS_3_5: TraitCode[] = [...TRAITS_1_2, 'cong-nghe', 'tin-hoc']

interface Pupil {
  grade: number
  subjects: YearEndSubjectRequirement[]
  levels?: Record<string, SubjectLevel | null>
  scores?: Record<string, number | null>
  traits?: Partial<Record<TraitCode, QualityLevel | null>>
  /** Entries to leave out entirely. */
  without?: string[]
  withoutTraits?: TraitCode[]
}

/** A pupil with every subject T, every test 10 and every trait Tốt, then the case's changes. */
function pupil(spec: Pupil): YearEndInput {
  const traitCodes = spec.grade >= 3 ? TRAITS_3_5 : TRAITS_1_2
  const traits: Partial<Record<TraitCode, QualityLevel | null>> = {}
  for (const code of traitCodes) {
    if (!spec.withoutTraits?.includes(code)) traits[code] = spec.traits?.[code] ?? 'T'
  }
  for (const [code, level] of Object.entries(spec.traits ?? {})) {
    if (level === null) traits[code as TraitCode] = null
  }
  return {
    grade: spec.grade,
    subjects: spec.subjects,
    entries: spec.subjects
      .filter((subject) => !spec.without?.includes(subject.code))
      .map((subject) => ({
        subject: subject.code,
        name: subject.name,
        level: spec.levels && subject.code in spec.levels ? spec.levels[subject.code] : 'T',
        score:
          spec.scores && subject.code in spec.scores
            ? spec.scores[subject.code]
            : subject.tested
              ? 10
              : null,
      })),
    traits,
  }
}

describe('year-end result (TT27 Điều 9.2)', () => {
  const cases: Array<{
    title: string
    input: YearEndInput
    result: string | null
    reasons: string[]
  }> = [
    // HTXS and its edge: 9 is enough, 8 is not.
    {
      title: 'grade 3, all T, Tốt, 10s',
      input: pupil({ grade: 3, subjects: GRADE_3 }),
      result: 'HTXS',
      reasons: [],
    },
    {
      title: 'grade 4, all T, Tốt, every test exactly 9',
      input: pupil({
        grade: 4,
        subjects: GRADE_4_5,
        scores: {
          'tieng-viet': 9,
          toan: 9,
          'ngoai-ngu': 9,
          'khoa-hoc': 9,
          'lich-su-dia-li': 9,
          'tin-hoc-cong-nghe': 9,
        },
      }),
      result: 'HTXS',
      reasons: [],
    },
    {
      title: 'grade 3, Toán 8: HTT',
      input: pupil({ grade: 3, subjects: GRADE_3, scores: { toan: 8 } }),
      result: 'HTT',
      reasons: ['không đạt HTXS vì điểm KTĐK Toán: 8 (cần ≥ 9)'],
    },
    {
      title: 'grade 5, two tests below 9, every reason listed in transcript order',
      input: pupil({ grade: 5, subjects: GRADE_4_5, scores: { 'lich-su-dia-li': 7, toan: 8 } }),
      result: 'HTT',
      reasons: [
        'không đạt HTXS vì điểm KTĐK Toán: 8 (cần ≥ 9)',
        'không đạt HTXS vì điểm KTĐK Lịch sử và Địa lí: 7 (cần ≥ 9)',
      ],
    },
    // HTT's edge: 7 is enough, 6 is not (all T and Tốt, yet HT).
    {
      title: 'grade 3, Tiếng Việt 7: still HTT',
      input: pupil({ grade: 3, subjects: GRADE_3, scores: { 'tieng-viet': 7 } }),
      result: 'HTT',
      reasons: ['không đạt HTXS vì điểm KTĐK Tiếng Việt: 7 (cần ≥ 9)'],
    },
    {
      title: 'grade 3, all T and Tốt but Toán 6: HT',
      input: pupil({ grade: 3, subjects: GRADE_3, scores: { toan: 6 } }),
      result: 'HT',
      reasons: ['không đạt HTT vì điểm KTĐK Toán: 6 (cần ≥ 7)'],
    },
    // One H, one Đạt: HT, whatever the scores.
    {
      title: 'grade 3, 9s and 10s, one H in Âm nhạc: HT',
      input: pupil({
        grade: 3,
        subjects: GRADE_3,
        levels: { 'am-nhac': 'H' },
        scores: { toan: 9 },
      }),
      result: 'HT',
      reasons: ['không đạt HTT vì Âm nhạc: H'],
    },
    {
      title: 'grade 4, one quality Đạt: HT',
      input: pupil({ grade: 4, subjects: GRADE_4_5, traits: { 'cham-chi': 'Đ' } }),
      result: 'HT',
      reasons: ['không đạt HTT vì phẩm chất Chăm chỉ: Đạt'],
    },
    {
      title: 'grade 2, a general and a specific competency Đạt, an H, Toán 8: only HTT reasons',
      input: pupil({
        grade: 2,
        subjects: GRADE_1_2,
        levels: { 'mi-thuat': 'H' },
        scores: { toan: 8 },
        traits: { 'giao-tiep-hop-tac': 'Đ', 'the-chat': 'Đ' },
      }),
      result: 'HT',
      reasons: [
        'không đạt HTT vì Mĩ thuật: H',
        'không đạt HTT vì năng lực Giao tiếp và hợp tác: Đạt',
        'không đạt HTT vì năng lực Thể chất: Đạt',
      ],
    },
    // HT's edge: 5 is enough, 4 is not.
    {
      title: 'grade 1, Tiếng Việt 5: HT',
      input: pupil({ grade: 1, subjects: GRADE_1_2, scores: { 'tieng-viet': 5 } }),
      result: 'HT',
      reasons: ['không đạt HTT vì điểm KTĐK Tiếng Việt: 5 (cần ≥ 7)'],
    },
    {
      title: 'grade 3, all T and Tốt but Toán 4: CHT',
      input: pupil({ grade: 3, subjects: GRADE_3, scores: { toan: 4 } }),
      result: 'CHT',
      reasons: ['CHT vì điểm KTĐK Toán: 4 (cần ≥ 5)'],
    },
    {
      title: 'grade 4, one subject C: CHT',
      input: pupil({ grade: 4, subjects: GRADE_4_5, levels: { toan: 'C' } }),
      result: 'CHT',
      reasons: ['CHT vì Toán: Chưa hoàn thành'],
    },
    {
      title: 'grade 3, one competency Cần cố gắng: CHT',
      input: pupil({ grade: 3, subjects: GRADE_3, traits: { 'tin-hoc': 'C' } }),
      result: 'CHT',
      reasons: ['CHT vì năng lực Tin học: Cần cố gắng'],
    },
    {
      title: 'grade 5, a quality C, an H and a 6 too: only the CHT reasons',
      input: pupil({
        grade: 5,
        subjects: GRADE_4_5,
        levels: { 'khoa-hoc': 'H', 'ngoai-ngu': 'C' },
        scores: { 'khoa-hoc': 6, 'ngoai-ngu': 3 },
        traits: { 'trung-thuc': 'C' },
      }),
      result: 'CHT',
      reasons: [
        'CHT vì Ngoại ngữ 1: Chưa hoàn thành',
        'CHT vì điểm KTĐK Ngoại ngữ 1: 3 (cần ≥ 5)',
        'CHT vì phẩm chất Trung thực: Cần cố gắng',
      ],
    },
    // Subject sets: an untested subject needs no score; a grade 1–2 pupil has no công nghệ or
    // tin học competency; an elective counts like any subject.
    {
      title: 'grade 2, untested subjects without a score, no công nghệ / tin học: HTXS',
      input: pupil({ grade: 2, subjects: GRADE_1_2 }),
      result: 'HTXS',
      reasons: [],
    },
    {
      title: 'grade 4, a score on an untested subject does not count',
      input: pupil({ grade: 4, subjects: GRADE_4_5, scores: { 'dao-duc': 3 } }),
      result: 'HTXS',
      reasons: [],
    },
    {
      title: 'grade 1, elective Ngoại ngữ H: HT',
      input: pupil({
        grade: 1,
        subjects: [...GRADE_1_2, ELECTIVE_ENGLISH_GRADE_1_2],
        levels: { 'ngoai-ngu': 'H' },
      }),
      result: 'HT',
      reasons: ['không đạt HTT vì Ngoại ngữ 1: H'],
    },
    {
      title: 'grade 3, elective Tiếng dân tộc C: CHT',
      input: pupil({
        grade: 3,
        subjects: [...GRADE_3, ELECTIVE_ETHNIC_LANGUAGE],
        levels: { 'tieng-dan-toc': 'C' },
      }),
      result: 'CHT',
      reasons: ['CHT vì Tiếng dân tộc thiểu số: Chưa hoàn thành'],
    },
    {
      title: 'grade 1, an entry of a subject the pupil does not take is ignored',
      input: {
        ...pupil({ grade: 1, subjects: GRADE_1_2 }),
        entries: [
          ...pupil({ grade: 1, subjects: GRADE_1_2 }).entries,
          { subject: 'tieng-dan-toc', name: 'Tiếng dân tộc thiểu số', level: 'C', score: null },
        ],
      },
      result: 'HTXS',
      reasons: [],
    },
  ]

  it.each(cases)('$title', ({ input, result, reasons }) => {
    const outcome = yearEndResult(input)
    expect(outcome.missing).toEqual([])
    expect(outcome.result).toBe(result)
    expect(outcome.reasons).toEqual(reasons)
  })

  it('lists a missing test score, subject level and trait, and gives no result', () => {
    const outcome = yearEndResult(
      pupil({
        grade: 4,
        subjects: GRADE_4_5,
        levels: { 'am-nhac': null },
        scores: { toan: null },
        withoutTraits: ['tu-chu-tu-hoc'],
      }),
    )
    expect(outcome).toEqual({
      result: null,
      reasons: [],
      missing: [
        { kind: 'score', code: 'toan', name: 'Toán' },
        { kind: 'subject', code: 'am-nhac', name: 'Âm nhạc' },
        { kind: 'trait', code: 'tu-chu-tu-hoc', name: 'Tự chủ và tự học' },
      ],
    })
  })

  it('a subject with no entry at all misses its level and, where tested, its score', () => {
    const outcome = yearEndResult(
      pupil({ grade: 3, subjects: GRADE_3, without: ['tin-hoc-cong-nghe', 'mi-thuat'] }),
    )
    expect(outcome.result).toBeNull()
    expect(outcome.missing).toEqual([
      { kind: 'subject', code: 'tin-hoc-cong-nghe', name: 'Tin học và Công nghệ' },
      { kind: 'score', code: 'tin-hoc-cong-nghe', name: 'Tin học và Công nghệ' },
      { kind: 'subject', code: 'mi-thuat', name: 'Mĩ thuật' },
    ])
  })

  it('a trait stored as null is missing; grade 3 requires công nghệ and tin học', () => {
    const grade3WithGrade2Traits = pupil({ grade: 3, subjects: GRADE_3 })
    delete grade3WithGrade2Traits.traits['cong-nghe']
    grade3WithGrade2Traits.traits['tin-hoc'] = null
    expect(yearEndResult(grade3WithGrade2Traits).missing).toEqual([
      { kind: 'trait', code: 'cong-nghe', name: 'Công nghệ' },
      { kind: 'trait', code: 'tin-hoc', name: 'Tin học' },
    ])
  })

  it('a missing entry wins over a shortfall: a C elsewhere does not give CHT early', () => {
    const outcome = yearEndResult(
      pupil({
        grade: 1,
        subjects: GRADE_1_2,
        levels: { toan: 'C' },
        scores: { 'tieng-viet': null },
      }),
    )
    expect(outcome.result).toBeNull()
    expect(outcome.missing).toEqual([{ kind: 'score', code: 'tieng-viet', name: 'Tiếng Việt' }])
  })

  it('a score that is not a whole number from 1 to 10 cannot be judged: missing', () => {
    for (const score of [0, 11, 8.5, Number.NaN]) {
      const outcome = yearEndResult(pupil({ grade: 3, subjects: GRADE_3, scores: { toan: score } }))
      expect(outcome.result).toBeNull()
      expect(outcome.missing).toEqual([{ kind: 'score', code: 'toan', name: 'Toán' }])
    }
  })

  it('builds the subjects of each grade from the programme, electives only where offered', () => {
    expect(yearEndSubjectsOfGrade(1)).toEqual(GRADE_1_2)
    expect(yearEndSubjectsOfGrade(2, ['ngoai-ngu'])).toEqual([
      GRADE_1_2[0],
      GRADE_1_2[1],
      ELECTIVE_ENGLISH_GRADE_1_2,
      ...GRADE_1_2.slice(2),
    ])
    expect(yearEndSubjectsOfGrade(3)).toEqual(GRADE_3)
    expect(yearEndSubjectsOfGrade(3, ['tieng-dan-toc'])).toEqual([
      ...GRADE_3,
      ELECTIVE_ETHNIC_LANGUAGE,
    ])
    expect(yearEndSubjectsOfGrade(4)).toEqual(GRADE_4_5)
    expect(yearEndSubjectsOfGrade(5, ['ngoai-ngu'])).toEqual(GRADE_4_5)
  })

  it('states the rule one line per category', () => {
    const lines = YEAR_RESULT_RULE_TEXT.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toMatch(/^Hoàn thành xuất sắc \(HTXS\):.*từ 9 điểm\.$/)
    expect(lines[1]).toMatch(/^Hoàn thành tốt \(HTT\): chưa đạt HTXS,.*từ 7 điểm\.$/)
    expect(lines[2]).toMatch(/^Hoàn thành \(HT\):.*Tốt hoặc Đạt;.*từ 5 điểm\.$/)
    expect(lines[3]).toMatch(/^Chưa hoàn thành \(CHT\)/)
  })
})
