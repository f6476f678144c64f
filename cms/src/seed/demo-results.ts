/**
 * Made-up but plausible results of the demo school's pupils (TT27 Điều 6, 7, 9): levels, test
 * scores and comments per subject and checkpoint, qualities and competencies, each pupil's year
 * drawn from one ability so a pupil is consistent across subjects and checkpoints. Pure and
 * deterministic (a seeded generator): every run seeds the same results.
 */
import {
  PERIODS,
  PROGRAMME_SUBJECTS,
  traitsOfGrade,
  type Period,
  type QualityLevel,
  type SubjectLevel,
  type TraitCode,
} from '@school/shared'

import { generator } from './demo-records'

type Random = ReturnType<typeof generator>

/**
 * The school's shared comment templates (mẫu nhận xét) per level; `{mon}` is the subject's name.
 * The seeded comments are drawn from the same bank, as a teacher filling the grid would.
 */
export const SHARED_SUBJECT_COMMENTS: Record<SubjectLevel, string[]> = {
  T: [
    'Nắm vững kiến thức, kĩ năng môn {mon}; tích cực phát biểu xây dựng bài.',
    'Hoàn thành tốt các nội dung môn {mon}, vận dụng linh hoạt vào bài tập.',
    'Học tốt môn {mon}, trình bày bài sạch đẹp, chủ động trong học tập.',
  ],
  H: [
    'Hoàn thành các nội dung môn {mon}; cần cẩn thận hơn khi làm bài.',
    'Nắm được kiến thức cơ bản môn {mon}, cần mạnh dạn phát biểu hơn.',
    'Hoàn thành yêu cầu môn {mon}; cần luyện tập thêm ở nhà.',
  ],
  C: [
    'Chưa hoàn thành một số nội dung môn {mon}; cần được hỗ trợ thêm.',
    'Còn chậm trong môn {mon}, cần gia đình phối hợp kèm cặp thêm.',
  ],
}

/** Comments a subject's teacher words for that subject (shared, leadership's bank too). */
const SUBJECT_SPECIFIC: Partial<Record<string, Partial<Record<SubjectLevel, string[]>>>> = {
  'tieng-viet': {
    T: ['Đọc to, rõ ràng, diễn cảm; viết đúng chính tả, chữ viết đẹp.'],
    H: ['Đọc tương đối trôi chảy; cần rèn thêm chữ viết và chính tả.'],
  },
  toan: {
    T: ['Tính toán nhanh, chính xác; giải toán có lời văn tốt.'],
    H: ['Thực hiện được các phép tính; cần cẩn thận khi giải toán có lời văn.'],
  },
  'giao-duc-the-chat': { T: ['Tập luyện tích cực, thực hiện đúng và đẹp các động tác.'] },
  'am-nhac': { T: ['Hát đúng giai điệu, thuộc lời, biểu diễn tự tin.'] },
  'mi-thuat': { T: ['Bài vẽ có bố cục đẹp, màu sắc hài hòa, sáng tạo.'] },
}

/** The demo subject teacher's own templates for Ngoại ngữ (not shared). */
export const OWN_ENGLISH_COMMENTS: Array<{ level: SubjectLevel; text: string }> = [
  { level: 'T', text: 'Phát âm chuẩn, mạnh dạn giao tiếp bằng tiếng Anh; thuộc nhiều từ vựng.' },
  { level: 'T', text: 'Nghe hiểu tốt, trả lời nhanh các câu hỏi đơn giản bằng tiếng Anh.' },
  { level: 'H', text: 'Nhớ được từ vựng của bài; cần luyện phát âm và nói thành câu.' },
  { level: 'C', text: 'Còn nhầm lẫn từ vựng cơ bản; cần ôn lại bài hằng ngày.' },
]

export const SHARED_TRAIT_COMMENTS: Record<QualityLevel, string[]> = {
  T: [
    'Ngoan ngoãn, lễ phép, đoàn kết với bạn bè; tự giác, có trách nhiệm với công việc được giao.',
    'Chăm chỉ, trung thực, biết giúp đỡ bạn; tự học và hợp tác nhóm tốt.',
  ],
  Đ: [
    'Lễ phép, hòa nhã với bạn bè; cần chủ động hơn trong học tập.',
    'Biết hợp tác với bạn; cần mạnh dạn trình bày ý kiến trước lớp.',
  ],
  C: ['Cần cố gắng tập trung trong giờ học và hoàn thành nhiệm vụ được giao.'],
}

const COMPETENCY_COMMENTS: Record<QualityLevel, string[]> = {
  T: ['Tự chủ trong học tập, giao tiếp tự tin, biết giải quyết vấn đề sáng tạo.'],
  Đ: ['Biết tự học, giao tiếp được với bạn; cần rèn thêm kĩ năng giải quyết vấn đề.'],
  C: ['Cần được hướng dẫn thêm để tự học và hợp tác với bạn.'],
}

/** Electives every class of these grades takes (the school teaches English from grade 1). */
export const DEMO_ELECTIVES: Record<number, string[]> = { 1: ['ngoai-ngu'], 2: ['ngoai-ngu'] }

export function subjectName(code: string): string {
  return PROGRAMME_SUBJECTS.find((subject) => subject.code === code)?.name ?? code
}

/** Every shared template of a subject and level (the bank seeded for leadership). */
export function sharedCommentsOf(code: string, level: SubjectLevel): string[] {
  const name = subjectName(code)
  return [
    ...(SUBJECT_SPECIFIC[code]?.[level] ?? []),
    ...SHARED_SUBJECT_COMMENTS[level].map((text) => text.replace('{mon}', name)),
  ]
}

/** The subjects a pupil of the grade is assessed in: compulsory, plus the electives the school teaches. */
export function subjectsOfGrade(grade: number, electives: readonly string[]): string[] {
  return PROGRAMME_SUBJECTS.filter(
    (subject) =>
      subject.grades.includes(grade) ||
      (subject.electiveGrades.includes(grade) && electives.includes(subject.code)),
  )
    .sort((a, b) => a.order - b.order)
    .map((subject) => subject.code)
}

export function testedAt(code: string, grade: number, period: Period): boolean {
  const subject = PROGRAMME_SUBJECTS.find((candidate) => candidate.code === code)
  return subject?.tested[grade]?.includes(period) ?? false
}

export interface SubjectResult {
  subject: string
  period: Period
  level: SubjectLevel
  score: number | null
  comment: string
}

export interface TraitSheet {
  period: Period
  traits: Array<{ trait: TraitCode; level: QualityLevel }>
  qualitiesComment: string
  competenciesComment: string
}

/** How one pupil does: an ability, and (for a few) a subject they do not complete this year. */
export interface PupilProfile {
  ability: number
  struggles?: string
}

/** A pupil's ability: most in the middle, a few high and low (a sum of uniforms). */
export function pupilProfile(random: Random): PupilProfile {
  return { ability: (random.next() + random.next() + random.next()) / 3 }
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))

/** One pupil's entries in the given subjects at the given checkpoints, and their trait sheets. */
export function pupilResults(
  profile: PupilProfile,
  grade: number,
  subjects: readonly string[],
  periods: readonly Period[],
  random: Random,
): { entries: SubjectResult[]; sheets: TraitSheet[] } {
  const entries: SubjectResult[] = []
  const strength = new Map(
    subjects.map((code) => [code, profile.ability + random.int(-6, 6) / 100]),
  )
  for (const period of periods) {
    // Pupils grow over the year: a later checkpoint is a little better.
    const growth = PERIODS.indexOf(period) * 0.02
    for (const code of subjects) {
      const skill = strength.get(code)! + growth + random.int(-6, 6) / 100
      const struggling = profile.struggles === code && period !== 'mid1'
      // A pupil behind at mid-term is helped to complete by the end of the year (TT27 Điều 12.2).
      const lowest = period === 'end' ? 'H' : 'C'
      const level: SubjectLevel = struggling ? 'C' : skill > 0.5 ? 'T' : skill > 0.15 ? 'H' : lowest
      const score = testedAt(code, grade, period)
        ? struggling
          ? random.int(3, 4)
          : clamp(Math.round(3.4 + skill * 7.4 + random.int(-8, 8) / 10), level === 'C' ? 3 : 5, 10)
        : null
      entries.push({
        subject: code,
        period,
        level,
        score,
        comment: random.pick(sharedCommentsOf(code, level)),
      })
    }
  }
  const sheets = periods.map((period): TraitSheet => {
    const growth = PERIODS.indexOf(period) * 0.03
    const traits = traitsOfGrade(grade).map((trait) => {
      const value = profile.ability + growth + random.int(-10, 10) / 100
      const level: QualityLevel = value > 0.45 ? 'T' : value > 0.12 || period === 'end' ? 'Đ' : 'C'
      return { trait, level }
    })
    const lowest = traits.some((row) => row.level === 'C')
      ? 'C'
      : traits.some((row) => row.level === 'Đ')
        ? 'Đ'
        : 'T'
    return {
      period,
      traits,
      qualitiesComment: random.pick(SHARED_TRAIT_COMMENTS[lowest]),
      competenciesComment: random.pick(COMPETENCY_COMMENTS[lowest]),
    }
  })
  return { entries, sheets }
}

/** The homeroom teacher's year-end comment, by result. */
export const YEAR_END_COMMENTS: Record<string, string> = {
  HTXS: 'Em học tập xuất sắc, gương mẫu, được thầy cô và bạn bè yêu quý. Chúc mừng em!',
  HTT: 'Em học tập tốt, chăm ngoan, tiến bộ rõ rệt trong năm học.',
  HT: 'Em hoàn thành chương trình lớp học; cần cố gắng hơn nữa ở năm học tới.',
  CHT: 'Em cần rèn luyện thêm trong hè để hoàn thành chương trình lớp học.',
}
