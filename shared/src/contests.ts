/**
 * Contests the pupils take part in (Điều 8: the IT teacher creates their accounts with the
 * organisers and keeps their results): levels, subject areas and awards, as the admin and the
 * exports label them.
 */
import { foldForSearch } from './search'

type Labels<K extends string> = Record<K, { vi: string; en: string }>

export const CONTEST_LEVELS = ['school', 'district', 'city', 'national', 'international'] as const
export type ContestLevel = (typeof CONTEST_LEVELS)[number]
export const CONTEST_LEVEL_LABELS: Labels<ContestLevel> = {
  school: { vi: 'Cấp trường', en: 'School' },
  district: { vi: 'Cấp quận/huyện', en: 'District' },
  city: { vi: 'Cấp thành phố/tỉnh', en: 'City/province' },
  national: { vi: 'Cấp quốc gia', en: 'National' },
  international: { vi: 'Quốc tế', en: 'International' },
}

export const CONTEST_SUBJECTS = [
  'math',
  'vietnamese',
  'english',
  'informatics',
  'science',
  'arts',
  'sports',
  'other',
] as const
export type ContestSubject = (typeof CONTEST_SUBJECTS)[number]
export const CONTEST_SUBJECT_LABELS: Labels<ContestSubject> = {
  math: { vi: 'Toán', en: 'Mathematics' },
  vietnamese: { vi: 'Tiếng Việt', en: 'Vietnamese' },
  english: { vi: 'Tiếng Anh', en: 'English' },
  informatics: { vi: 'Tin học', en: 'Informatics' },
  science: { vi: 'Khoa học', en: 'Science' },
  arts: { vi: 'Nghệ thuật', en: 'Arts' },
  sports: { vi: 'Thể thao', en: 'Sports' },
  other: { vi: 'Khác', en: 'Other' },
}

export const CONTEST_AWARDS = [
  'first',
  'second',
  'third',
  'consolation',
  'gold',
  'silver',
  'bronze',
  'none',
] as const
export type ContestAward = (typeof CONTEST_AWARDS)[number]
export const CONTEST_AWARD_LABELS: Labels<ContestAward> = {
  first: { vi: 'Giải Nhất', en: 'First prize' },
  second: { vi: 'Giải Nhì', en: 'Second prize' },
  third: { vi: 'Giải Ba', en: 'Third prize' },
  consolation: { vi: 'Giải Khuyến khích', en: 'Honourable mention' },
  gold: { vi: 'Huy chương Vàng', en: 'Gold medal' },
  silver: { vi: 'Huy chương Bạc', en: 'Silver medal' },
  bronze: { vi: 'Huy chương Đồng', en: 'Bronze medal' },
  none: { vi: 'Không đạt giải', en: 'No award' },
}

/** What a results sheet may write for an award ("Nhất", "giải nhì", "HC Vàng", "KK"…). */
export function awardFromText(text: string): ContestAward | null {
  const folded = foldForSearch(text).replace(/^giai /, '')
  if (!folded) return null
  for (const award of CONTEST_AWARDS) {
    const label = foldForSearch(CONTEST_AWARD_LABELS[award].vi).replace(/^giai /, '')
    if (folded === label || folded === award) return award
  }
  const shorthand: Record<string, ContestAward> = {
    kk: 'consolation',
    'hc vang': 'gold',
    'hc bac': 'silver',
    'hc dong': 'bronze',
    vang: 'gold',
    bac: 'silver',
    dong: 'bronze',
    khong: 'none',
    'khong dat': 'none',
  }
  return shorthand[folded] ?? null
}
