/**
 * The periodic test archive (Điều 6 of the school's regulation; TT27 Điều 7.2): each checkpoint
 * of a grade's tested subject has a set of three parts, kept by the vice-principal in charge and
 * handed to the library at the end of the year. Codes are stored: never rename one.
 */
import { PERIODS, PROGRAMME_SUBJECTS, type Period } from './assessment'

type Labels<K extends string> = Record<K, { vi: string; en: string }>

/** The three parts of a set: the paper, its answer key (with the marking guide), its matrix. */
export const TEST_PAPER_PARTS = ['paper', 'answer_key', 'matrix'] as const
export type TestPaperPart = (typeof TEST_PAPER_PARTS)[number]
export const TEST_PAPER_PART_LABELS: Labels<TestPaperPart> = {
  paper: { vi: 'Đề kiểm tra', en: 'Test paper' },
  answer_key: { vi: 'Đáp án, hướng dẫn chấm', en: 'Answer key' },
  matrix: { vi: 'Ma trận đề', en: 'Test matrix' },
}

/**
 * What pupils may practise with on the website: the paper and its answer key. The matrix is the
 * teachers' plan of the test (which skill at which level, how many points): of no use to a pupil
 * practising, and the school reuses its structure year after year.
 */
export const PUBLIC_TEST_PAPER_PARTS: readonly TestPaperPart[] = ['paper', 'answer_key']

/** The steps of a handover to the library: handed by the vice-principal, received by the librarian. */
export const HANDOVER_STATUSES = ['handed', 'received'] as const
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number]
export const HANDOVER_STATUS_LABELS: Labels<HandoverStatus> = {
  handed: { vi: 'Đã bàn giao, chờ thư viện nhận', en: 'Handed, awaiting receipt' },
  received: { vi: 'Thư viện đã nhận', en: 'Received by the library' },
}

/** The subjects that have a periodic test at some grade (the archive's subject options). */
export const TESTED_SUBJECTS = PROGRAMME_SUBJECTS.filter(
  (subject) => Object.keys(subject.tested).length > 0,
)

/** TT27 Điều 7.2: whether the subject has a periodic test at this grade and checkpoint. */
export function hasPeriodicTest(code: string, grade: number, period: Period): boolean {
  const subject = PROGRAMME_SUBJECTS.find((candidate) => candidate.code === code)
  return subject?.tested[grade]?.includes(period) ?? false
}

/** One set the archive of a year should hold. */
export interface TestPaperSet {
  grade: number
  subject: string
  subjectName: string
  period: Period
}

/** Every set a school year's archive should hold, by grade, subject order and checkpoint. */
export function expectedTestPaperSets(): TestPaperSet[] {
  const sets: TestPaperSet[] = []
  for (const grade of [1, 2, 3, 4, 5]) {
    for (const subject of TESTED_SUBJECTS) {
      for (const period of PERIODS) {
        if (subject.tested[grade]?.includes(period))
          sets.push({ grade, subject: subject.code, subjectName: subject.name, period })
      }
    }
  }
  return sets
}

/** The key of a set: `4:toan:mid1`. */
export const testPaperSetKey = (set: { grade: number | string; subject: string; period: string }) =>
  `${set.grade}:${set.subject}:${set.period}`
