/**
 * Demo contests (Điều 8): this and last year's, with the IT teacher's entries for seeded pupils,
 * a few results celebrated, last year's Violympic already turned into a draft news post (through
 * the same code as the contest's button). Entered as the IT teacher, through the policy.
 */
import { createLocalReq, type Payload } from 'payload'
import {
  previousSchoolYear,
  schoolYearOf,
  type ContestAward,
  type ContestLevel,
  type ContestSubject,
} from '@school/shared'

import { celebrateContest } from '../collections/contests/endpoints'
import type { Contest, User } from '../payload-types'

interface DemoEntry {
  /** A pupil: the `index`-th (by code) of the class. */
  className: string
  index: number
  round?: string
  score?: number
  duration?: string
  rank?: number
  award?: ContestAward
  celebrate?: boolean
  accountName?: string
}

interface DemoContest {
  name: string
  organiser: string
  level: ContestLevel
  subjectArea: ContestSubject
  /** 0: this school year; -1: last year. */
  year: 0 | -1
  /** Months after the school year's start (September), and the length in days. */
  month: number
  days: number
  rounds: string[]
  website?: string
  entries: DemoEntry[]
  /** Celebrated results already put in a draft post. */
  posted?: boolean
}

const DEMO_CONTESTS: DemoContest[] = [
  {
    name: 'Violympic Toán',
    organiser: 'Bộ Giáo dục và Đào tạo, Công ty FPT',
    level: 'district',
    subjectArea: 'math',
    year: -1,
    month: 6,
    days: 1,
    rounds: ['Cấp quận'],
    website: 'https://violympic.vn',
    posted: true,
    entries: [
      {
        className: 'Lớp 3A',
        index: 0,
        round: 'Cấp quận',
        score: 290,
        duration: '24:10',
        rank: 2,
        award: 'first',
        celebrate: true,
      },
      {
        className: 'Lớp 3B',
        index: 1,
        round: 'Cấp quận',
        score: 270,
        duration: '27:45',
        rank: 9,
        award: 'second',
        celebrate: true,
      },
      {
        className: 'Lớp 4A',
        index: 2,
        round: 'Cấp quận',
        score: 250,
        duration: '29:02',
        rank: 21,
        award: 'third',
        celebrate: true,
      },
      {
        className: 'Lớp 5A',
        index: 0,
        round: 'Cấp quận',
        score: 180,
        duration: '30:00',
        award: 'none',
      },
    ],
  },
  {
    name: 'Tin học trẻ',
    organiser: 'Thành đoàn, Sở Giáo dục và Đào tạo',
    level: 'city',
    subjectArea: 'informatics',
    year: -1,
    month: 7,
    days: 2,
    rounds: ['Vòng thành phố'],
    entries: [
      {
        className: 'Lớp 5B',
        index: 0,
        round: 'Vòng thành phố',
        score: 82,
        rank: 15,
        award: 'consolation',
      },
    ],
  },
  {
    name: 'IOE Tiếng Anh',
    organiser: 'Bộ Giáo dục và Đào tạo',
    level: 'school',
    subjectArea: 'english',
    year: 0,
    month: 1,
    days: 30,
    rounds: ['Cấp trường'],
    website: 'https://ioe.vn',
    entries: [
      {
        className: 'Lớp 3A',
        index: 1,
        round: 'Cấp trường',
        score: 300,
        duration: '18:20',
        rank: 1,
        award: 'gold',
        celebrate: true,
        accountName: 'ioe.giathuong.3a01',
      },
      {
        className: 'Lớp 3B',
        index: 0,
        round: 'Cấp trường',
        score: 285,
        duration: '21:05',
        rank: 3,
        award: 'silver',
        celebrate: true,
        accountName: 'ioe.giathuong.3b01',
      },
      {
        className: 'Lớp 3B',
        index: 2,
        round: 'Cấp trường',
        score: 240,
        duration: '25:40',
        rank: 12,
        award: 'none',
      },
      {
        className: 'Lớp 4B',
        index: 0,
        round: 'Cấp trường',
        score: 260,
        duration: '23:30',
        rank: 7,
        award: 'bronze',
      },
    ],
  },
  {
    name: 'Trạng Nguyên Tiếng Việt',
    organiser: 'Bộ Giáo dục và Đào tạo',
    level: 'school',
    subjectArea: 'vietnamese',
    year: 0,
    month: 2,
    days: 20,
    rounds: ['Cấp trường'],
    website: 'https://trangnguyen.edu.vn',
    entries: [
      { className: 'Lớp 1A', index: 0, round: 'Cấp trường', score: 95, rank: 4 },
      { className: 'Lớp 2A', index: 1, round: 'Cấp trường', score: 88, rank: 10 },
    ],
  },
]

const day = (date: Date) => date.toISOString().slice(0, 10)

export async function seedDemoContests(payload: Payload, staff: Map<string, User>): Promise<void> {
  const it = staff.get('it')
  if (!it) return
  const req = await createLocalReq({ user: { ...it, collection: 'users' } }, payload)
  const as = { overrideAccess: false, user: it, req, depth: 0 } as const
  const thisYear = schoolYearOf(new Date())
  const classIds = new Map<string, number>()
  // Demo lookups of the classes and their pupils (the IT teacher names them from the organiser's
  // sheets, as the results form does).
  const { docs: classes } = await payload.find({
    collection: 'groups',
    where: { kind: { equals: 'class' } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  for (const group of classes) classIds.set(group.name, group.id)
  for (const demo of DEMO_CONTESTS) {
    const schoolYear = demo.year === 0 ? thisYear : previousSchoolYear(thisYear)
    const start = new Date(Date.UTC(Number(schoolYear.slice(0, 4)), 8 + demo.month, 5))
    const end = new Date(start.getTime() + (demo.days - 1) * 86_400_000)
    const contest: Contest = await payload.create({
      collection: 'contests',
      ...as,
      data: {
        name: demo.name,
        organiser: demo.organiser,
        level: demo.level,
        subjectArea: demo.subjectArea,
        schoolYear,
        startDate: day(start),
        endDate: day(end),
        rounds: demo.rounds.map((name) => ({ name, date: day(start) })),
        website: demo.website,
      },
    })
    for (const entry of demo.entries) {
      const classId = classIds.get(entry.className)
      if (classId === undefined) continue
      const { docs } = await payload.find({
        collection: 'students',
        where: { class: { equals: classId } },
        sort: 'studentCode',
        depth: 0,
        limit: entry.index + 1,
        select: {},
        overrideAccess: true,
      })
      const pupil = docs[entry.index]
      if (!pupil) continue
      await payload.create({
        collection: 'contest-entries',
        ...as,
        data: {
          contest: contest.id,
          pupil: pupil.id,
          round: entry.round,
          score: entry.score,
          duration: entry.duration,
          rank: entry.rank,
          award: entry.award,
          celebrate: entry.celebrate ?? false,
          accountName: entry.accountName,
        },
      })
    }
    if (demo.posted) await celebrateContest(req, contest)
  }
}
