/**
 * Abnormal results the vice-principal reports (issue 11, point 5; TT27 Điều 6, 7): a score that
 * contradicts its level, a pupil far below their previous checkpoint, a class far from the rest of
 * its grade. Pure functions over plain rows; every anomaly carries a Vietnamese description.
 */
import {
  PERIODS,
  PERIOD_LABELS,
  PROGRAMME_SUBJECTS,
  SUBJECT_LEVEL_LABELS,
  type Period,
  type SubjectLevel,
} from './assessment'

type Key = number | string

/** One pupil's entry of one subject at one checkpoint (`score`: the last attempt, if tested). */
export interface AssessmentFact {
  student: Key
  studentName: string
  class: Key
  className: string
  grade: number
  subject: string
  subjectName?: string
  schoolYear: string
  period: Period
  level: SubjectLevel | null
  score?: number | null
}

/**
 * The thresholds, read from TT27's meaning of the levels (Điều 6.1a: T "thực hiện tốt các yêu cầu
 * học tập", H "thực hiện được các yêu cầu", C "chưa thực hiện được một số yêu cầu") and from the
 * score lines the circular itself draws at the end of the year (Điều 9.2: 9 for HTXS, 7 for HTT,
 * 5 for HT, so 5 is "meets the requirements" and 7 "meets them well").
 */
export const ANOMALY_THRESHOLDS = {
  /** T says "well": a test under 7 is below the line TT27 calls good (all-T pupil, yet not HTT). */
  levelTMinScore: 7,
  /** H says "met": a test under 5 has not met the requirements. */
  levelHMinScore: 5,
  /** H says "met, not well": a test of 9 or more is the excellence line of HTXS. */
  levelHMaxScore: 8,
  /** C says "not met": a test of 5 or more has met them. */
  levelCMaxScore: 4,
  /** A fall of 3 points crosses a whole band (9 → 6, 7 → 4) of the lines above. */
  scoreDrop: 3,
  /**
   * A class's share of C levels 15 percentage points from the rest of its grade: with 30–35
   * pupils one pupil is ≈ 3 points, so it takes five more (or fewer) C than the grade's rate.
   */
  classCShareGap: 0.15,
  /**
   * A class's mean score 1 point from the rest of its grade: with 30–35 pupils and scores spread
   * by ≈ 1.5, chance differences between classes stay near a third of a point.
   */
  classMeanScoreGap: 1,
  /** Comparing with one other class says more about that class than about this one. */
  minOtherClasses: 2,
  /**
   * Fewer entries than this (a class half entered) say nothing about the class yet: it is neither
   * judged nor counted in the rest of the grade.
   */
  minClassEntries: 10,
} as const

const EPSILON = 1e-9

interface AnomalyBase {
  schoolYear: string
  period: Period
  grade: number
  subject: string
  subjectName: string
  class: Key
  className: string
  /** Vietnamese, for the vice-principal's report. */
  description: string
}

export interface ScoreLevelAnomaly extends AnomalyBase {
  kind: 'score-level'
  student: Key
  studentName: string
  level: SubjectLevel
  score: number
}

export interface DropAnomaly extends AnomalyBase {
  kind: 'drop'
  student: Key
  studentName: string
  /** Set when the score fell by `scoreDrop` or more since the last tested checkpoint. */
  scoreDrop: { from: number; to: number; fromPeriod: Period } | null
  /** Set when the level went from T to C since the previous checkpoint with a level. */
  levelDrop: { fromPeriod: Period } | null
}

export interface ClassOutlierAnomaly extends AnomalyBase {
  kind: 'class-outlier'
  measure: 'c-share' | 'mean-score'
  classValue: number
  /** The rest of the grade (other classes pooled), or the reference given for the grade. */
  restValue: number
  against: 'other-classes' | 'reference'
}

export type Anomaly = ScoreLevelAnomaly | DropAnomaly | ClassOutlierAnomaly

export interface AnomalyFilter {
  /** Report only anomalies at this checkpoint (earlier ones still serve as "previous"). */
  period?: Period
  schoolYear?: string
}

/** A grade's result in a subject at a checkpoint from elsewhere (earlier years, the district). */
export interface GradeReference {
  schoolYear?: string
  period: Period
  grade: number
  subject: string
  cShare?: number
  meanScore?: number
}

const subjectNames = new Map<string, string>(PROGRAMME_SUBJECTS.map((s) => [s.code, s.name]))
const subjectNameOf = (fact: AssessmentFact) =>
  fact.subjectName ?? subjectNames.get(fact.subject) ?? fact.subject

const isScore = (score: number | null | undefined): score is number =>
  typeof score === 'number' && Number.isInteger(score) && score >= 1 && score <= 10

const matches = (fact: AssessmentFact, filter: AnomalyFilter) =>
  (!filter.period || fact.period === filter.period) &&
  (!filter.schoolYear || fact.schoolYear === filter.schoolYear)

function base(fact: AssessmentFact, description: string): AnomalyBase {
  return {
    schoolYear: fact.schoolYear,
    period: fact.period,
    grade: fact.grade,
    subject: fact.subject,
    subjectName: subjectNameOf(fact),
    class: fact.class,
    className: fact.className,
    description,
  }
}

const pupilHeading = (fact: AssessmentFact) =>
  [
    `${fact.studentName} (${fact.className})`,
    subjectNameOf(fact),
    PERIOD_LABELS[fact.period].vi,
  ].join(', ')

const levelText = (level: SubjectLevel) => `${level} (${SUBJECT_LEVEL_LABELS[level].vi})`

/** The bound a score breaks for its level, worded for the report, or null when they agree. */
function contradiction(level: SubjectLevel, score: number): string | null {
  const t = ANOMALY_THRESHOLDS
  if (level === 'T' && score < t.levelTMinScore) return `dưới ${t.levelTMinScore}`
  if (level === 'H' && score < t.levelHMinScore) return `dưới ${t.levelHMinScore}`
  if (level === 'H' && score > t.levelHMaxScore) return `từ ${t.levelHMaxScore + 1}`
  if (level === 'C' && score > t.levelCMaxScore) return `từ ${t.levelCMaxScore + 1}`
  return null
}

/** (a) A test score that contradicts the level its teacher gave. */
export function scoreLevelAnomalies(
  facts: readonly AssessmentFact[],
  filter: AnomalyFilter = {},
): ScoreLevelAnomaly[] {
  const anomalies: ScoreLevelAnomaly[] = []
  for (const fact of facts) {
    if (!matches(fact, filter) || !fact.level || !isScore(fact.score)) continue
    const bound = contradiction(fact.level, fact.score)
    if (!bound) continue
    const description =
      `${pupilHeading(fact)}: mức ${levelText(fact.level)} ` +
      `nhưng điểm KTĐK ${fact.score} (${bound})`
    anomalies.push({
      ...base(fact, description),
      kind: 'score-level',
      student: fact.student,
      studentName: fact.studentName,
      level: fact.level,
      score: fact.score,
    })
  }
  return anomalies
}

const periodIndex = (period: Period) => PERIODS.indexOf(period)

/**
 * (b) A pupil far below their previous checkpoint in the same subject and school year: the score
 * fell by `scoreDrop` or more since the last checkpoint that had a test (grades 1–3 are tested
 * only at end1 and end), or the level went from T to C. Years are not compared: the next grade's
 * programme and tests are different ones.
 */
export function dropAnomalies(
  facts: readonly AssessmentFact[],
  filter: AnomalyFilter = {},
): DropAnomaly[] {
  const histories = new Map<string, AssessmentFact[]>()
  for (const fact of facts) {
    const key = JSON.stringify([String(fact.student), fact.subject, fact.schoolYear])
    const history = histories.get(key) ?? []
    history.push(fact)
    histories.set(key, history)
  }
  const anomalies: DropAnomaly[] = []
  for (const history of histories.values()) {
    history.sort((a, b) => periodIndex(a.period) - periodIndex(b.period))
    history.forEach((fact, index) => {
      if (!matches(fact, filter)) return
      const earlier = history.slice(0, index).reverse()
      const lastScored = earlier.find((previous) => isScore(previous.score))
      const lastLevelled = earlier.find((previous) => previous.level)
      const scoreDrop =
        lastScored &&
        isScore(lastScored.score) &&
        isScore(fact.score) &&
        lastScored.score - fact.score >= ANOMALY_THRESHOLDS.scoreDrop
          ? { from: lastScored.score, to: fact.score, fromPeriod: lastScored.period }
          : null
      const levelDrop =
        lastLevelled?.level === 'T' && fact.level === 'C'
          ? { fromPeriod: lastLevelled.period }
          : null
      if (!scoreDrop && !levelDrop) return
      const parts: string[] = []
      if (scoreDrop) {
        parts.push(
          `điểm KTĐK từ ${scoreDrop.from} (${PERIOD_LABELS[scoreDrop.fromPeriod].vi}) xuống ` +
            `${scoreDrop.to}, giảm ${scoreDrop.from - scoreDrop.to} điểm`,
        )
      }
      if (levelDrop) {
        parts.push(`mức từ T (${PERIOD_LABELS[levelDrop.fromPeriod].vi}) xuống C`)
      }
      anomalies.push({
        ...base(fact, `${pupilHeading(fact)}: ${parts.join('; ')}`),
        kind: 'drop',
        student: fact.student,
        studentName: fact.studentName,
        scoreDrop,
        levelDrop,
      })
    })
  }
  return anomalies
}

/** One class's entries in a subject at a checkpoint, as a ratio the measures pool. */
interface ClassTally {
  sample: AssessmentFact
  /** C levels over levels given. */
  'c-share': { part: number; whole: number }
  /** Sum of scores over scores given. */
  'mean-score': { part: number; whole: number }
}

const percent = (share: number) => `${Math.round(share * 100)}%`
const decimal = (value: number) => value.toFixed(1).replace('.', ',')

type Measure = ClassOutlierAnomaly['measure']
type Rest = { value: number; against: ClassOutlierAnomaly['against'] }

function describeOutlier(sample: AssessmentFact, measure: Measure, value: number, rest: Rest) {
  const heading = `Lớp ${sample.className}, ${subjectNameOf(sample)}, ${
    PERIOD_LABELS[sample.period].vi
  }`
  const restName =
    rest.against === 'reference'
      ? `mức chung của khối ${sample.grade}`
      : `các lớp khác của khối ${sample.grade}`
  const gap = Math.abs(value - rest.value)
  if (measure === 'c-share') {
    const threshold = Math.round(ANOMALY_THRESHOLDS.classCShareGap * 100)
    return (
      `${heading}: ${percent(value)} mức C, ${restName}: ${percent(rest.value)} ` +
      `(chênh ${Math.round(gap * 100)} điểm %, ngưỡng ${threshold})`
    )
  }
  return (
    `${heading}: điểm KTĐK trung bình ${decimal(value)}, ${restName}: ${decimal(rest.value)} ` +
    `(chênh ${decimal(gap)} điểm, ngưỡng ${decimal(ANOMALY_THRESHOLDS.classMeanScoreGap)})`
  )
}

/**
 * The outliers of one measure among the classes of one grade × subject × checkpoint, most
 * extreme first. Each flagged class leaves the comparison before the next is sought: in a grade of
 * three, one class at 100 % C would otherwise make a class at 0 % look far from "the rest" too.
 */
function outliersOfMeasure(
  tallies: readonly ClassTally[],
  measure: Measure,
  reference: number | undefined,
): Array<{ tally: ClassTally; value: number; rest: Rest }> {
  const t = ANOMALY_THRESHOLDS
  const threshold = measure === 'c-share' ? t.classCShareGap : t.classMeanScoreGap
  const ratio = (tally: ClassTally) => tally[measure].part / tally[measure].whole
  // A half-entered class is neither judged nor part of the rest it would be judged against.
  const compared = tallies.filter((tally) => tally[measure].whole >= t.minClassEntries)
  const flagged: Array<{ tally: ClassTally; value: number; rest: Rest }> = []
  for (;;) {
    let most: { tally: ClassTally; value: number; rest: Rest; gap: number } | null = null
    for (const tally of compared) {
      if (flagged.some((outlier) => outlier.tally === tally)) continue
      const others = compared.filter(
        (other) => other !== tally && !flagged.some((outlier) => outlier.tally === other),
      )
      const rest: Rest | null =
        others.length >= t.minOtherClasses
          ? {
              value:
                others.reduce((sum, other) => sum + other[measure].part, 0) /
                others.reduce((sum, other) => sum + other[measure].whole, 0),
              against: 'other-classes',
            }
          : reference !== undefined
            ? { value: reference, against: 'reference' }
            : null
      if (!rest) continue
      const value = ratio(tally)
      const gap = Math.abs(value - rest.value)
      if (gap + EPSILON >= threshold && (!most || gap > most.gap))
        most = { tally, value, rest, gap }
    }
    if (!most) return flagged
    flagged.push({ tally: most.tally, value: most.value, rest: most.rest })
  }
}

/**
 * (c) A class whose results in a subject at a checkpoint differ strongly, either way, from the rest
 * of its grade: its share of C levels or its mean score against the other classes' pupils pooled.
 * That needs at least `minOtherClasses` other classes with `minClassEntries` entries each; a grade
 * with fewer is compared with the caller's reference for the grade (earlier years, the district),
 * if one is given.
 */
export function classOutlierAnomalies(
  facts: readonly AssessmentFact[],
  filter: AnomalyFilter & { references?: readonly GradeReference[] } = {},
): ClassOutlierAnomaly[] {
  const groups = new Map<string, Map<string, ClassTally>>()
  for (const fact of facts) {
    if (!matches(fact, filter)) continue
    const groupKey = JSON.stringify([fact.schoolYear, fact.period, fact.grade, fact.subject])
    const group = groups.get(groupKey) ?? new Map<string, ClassTally>()
    groups.set(groupKey, group)
    const tally = group.get(String(fact.class)) ?? {
      sample: fact,
      'c-share': { part: 0, whole: 0 },
      'mean-score': { part: 0, whole: 0 },
    }
    group.set(String(fact.class), tally)
    if (fact.level) {
      tally['c-share'].whole += 1
      if (fact.level === 'C') tally['c-share'].part += 1
    }
    if (isScore(fact.score)) {
      tally['mean-score'].whole += 1
      tally['mean-score'].part += fact.score
    }
  }

  const anomalies: ClassOutlierAnomaly[] = []
  for (const group of groups.values()) {
    const tallies = [...group.values()]
    const sample = tallies[0].sample
    const reference = filter.references?.find(
      (r) =>
        r.period === sample.period &&
        r.grade === sample.grade &&
        r.subject === sample.subject &&
        (!r.schoolYear || r.schoolYear === sample.schoolYear),
    )
    for (const measure of ['c-share', 'mean-score'] as const) {
      const referenceValue = measure === 'c-share' ? reference?.cShare : reference?.meanScore
      for (const { tally, value, rest } of outliersOfMeasure(tallies, measure, referenceValue)) {
        anomalies.push({
          ...base(tally.sample, describeOutlier(tally.sample, measure, value, rest)),
          kind: 'class-outlier',
          measure,
          classValue: value,
          restValue: rest.value,
          against: rest.against,
        })
      }
    }
  }
  return anomalies
}

/** Every anomaly of the three kinds, in that order. */
export function findAnomalies(
  facts: readonly AssessmentFact[],
  filter: AnomalyFilter & { references?: readonly GradeReference[] } = {},
): Anomaly[] {
  return [
    ...scoreLevelAnomalies(facts, filter),
    ...dropAnomalies(facts, filter),
    ...classOutlierAnomalies(facts, filter),
  ]
}
