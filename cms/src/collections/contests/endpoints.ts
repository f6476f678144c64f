/**
 * The contest's two actions (Điều 8), on its page in the admin:
 * - POST /api/contests/:id/results: the IT teacher enters many pupils' results at once, pasted
 *   from the organiser's sheet (one line per pupil: name, class, score, time, rank, award);
 * - POST /api/contests/:id/celebrate: the results the school celebrates become a draft news post
 *   written as the user, naming those pupils in its `pupils`, so the consent rule
 *   (workflow/consent.ts) holds it back until each has the consent needed; then the usual
 *   workflow (submit, review, approval, publication).
 */
import ExcelJS from 'exceljs'
import type { Endpoint, PayloadRequest } from 'payload'
import {
  CONTEST_AWARD_LABELS,
  awardFromText,
  foldForSearch,
  type ContestAward,
} from '@school/shared'

import { authorize } from '../../access/authorize'
import { contestPolicy } from '../../access/policy'
import { asUser, allAsUser } from '../../lib/as-user'
import { couldBeId, idFromText, idOf } from '../../lib/ids'
import { userError } from '../../lib/messages'
import { jsonBodyOf } from '../../lib/request-body'
import { withFlag } from '../../lib/request-flags'
import { richTextFromParagraphs } from '../../lib/rich-text'
import { inTransaction } from '../../lib/transaction'
import type { Contest, ContestEntry, Post } from '../../payload-types'

async function contestOf(req: PayloadRequest): Promise<Contest> {
  const raw = String(req.routeParams?.id ?? '')
  const contest = couldBeId(raw)
    ? await req.payload.findByID({
        collection: 'contests',
        id: idFromText(raw),
        ...asUser(req),
        disableErrors: true,
      })
    : null
  if (!contest) throw userError(req, 404, { vi: 'Không có cuộc thi này.', en: 'No such contest.' })
  return contest
}

/** A class's display name, "Lớp 3A" → "3A". */
const shortClass = (name: string) => name.replace(/^Lớp\s+/iu, '')

/**
 * The results of the contest marked for celebration and not in a post yet, as a new draft news
 * post written as the user, naming the pupils in its `pupils`; the results then point to it.
 */
export async function celebrateContest(
  req: PayloadRequest,
  contest: Contest,
): Promise<{ post: Post; entries: ContestEntry[] }> {
  await authorize(req, contestPolicy.celebrate, {
    vi: 'Chỉ giáo viên Tin học lập bài tuyên dương kết quả thi.',
    en: 'Only the IT teacher turns contest results into a post.',
  })
  return inTransaction(req, async () => {
    const { docs } = await req.payload.find({
      collection: 'contest-entries',
      ...allAsUser(req),
      where: {
        and: [
          { contest: { equals: contest.id } },
          { celebrate: { equals: true } },
          { celebrationPost: { exists: false } },
        ],
      },
      sort: 'pupilName',
    })
    const entries = docs as ContestEntry[]
    if (entries.length === 0)
      throw userError(req, 400, {
        vi:
          'Chưa có kết quả nào được đánh dấu "Nhà trường tuyên dương" mà chưa có bài: hãy ' +
          'đánh dấu các kết quả cần tuyên dương trước.',
        en: 'No result marked for celebration is without a post yet.',
      })
    const classIds = entries.map((entry) => idOf(entry.class)).filter((id) => id !== null)
    // Names of classes: nothing personal.
    const { docs: classes } = await req.payload.find({
      collection: 'groups',
      where: { id: { in: [...new Set(classIds)] } },
      depth: 0,
      limit: 0,
      pagination: false,
      select: { name: true },
      overrideAccess: true,
      req,
    })
    const className = new Map(classes.map((group) => [String(group.id), group.name]))
    const lines = entries.map((entry) => {
      const group = className.get(String(idOf(entry.class)))
      const award = entry.award ? CONTEST_AWARD_LABELS[entry.award as ContestAward].vi : ''
      return [
        `Em ${entry.pupilName}${group ? ` (lớp ${shortClass(group)})` : ''}`,
        award,
        entry.round ? `vòng ${entry.round}` : '',
        typeof entry.score === 'number' ? `${entry.score} điểm` : '',
      ]
        .filter(Boolean)
        .join(' – ')
    })
    const title =
      `Chúc mừng học sinh đạt thành tích tại ${contest.name} ` + `năm học ${contest.schoolYear}`
    const pupils = [...new Set(entries.map((entry) => idOf(entry.pupil)))].filter(
      (id): id is number => id !== null,
    )
    const post = await req.payload.create({
      collection: 'posts',
      draft: true,
      ...asUser(req),
      data: {
        title,
        excerpt:
          `${pupils.length} học sinh của trường đạt thành tích tại ${contest.name}` +
          (contest.organiser ? ` do ${contest.organiser} tổ chức.` : '.'),
        content: richTextFromParagraphs([
          `Nhà trường trân trọng chúc mừng các em học sinh đã đạt thành tích tại ${contest.name}` +
            ` năm học ${contest.schoolYear}:`,
          ...lines,
          'Xin chúc mừng các em, cảm ơn các thầy cô và cha mẹ học sinh đã đồng hành cùng các em.',
        ]),
        kind: 'news',
        // A post of the whole school: leadership reviews and approves it.
        ownerGroup: null,
        pupils,
      },
    })
    await withFlag(req, 'contestCelebration', async () => {
      for (const entry of entries)
        await req.payload.update({
          collection: 'contest-entries',
          id: entry.id,
          ...asUser(req),
          data: { celebrationPost: post.id },
        })
    })
    return { post, entries }
  })
}

export const celebrateEndpoint: Endpoint = {
  path: '/:id/celebrate',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw userError(req, 401, { vi: 'Cần đăng nhập.', en: 'You must log in.' })
    const contest = await contestOf(req)
    const { post, entries } = await celebrateContest(req, contest)
    return Response.json(
      {
        message:
          `Đã tạo bài nháp "${post.title}" với ${entries.length} kết quả. Bài chỉ được đăng khi ` +
          'các em đã có sự đồng ý cần thiết; hãy gửi duyệt bài theo quy trình.',
        post: { id: post.id, title: post.title },
        entries: entries.map((entry) => entry.id),
      },
      { status: 201 },
    )
  },
}

type Row = {
  line: number
  fullName: string
  className: string
  score?: number
  duration?: string
  rank?: number
  award?: ContestAward
}

const MAX_ROWS = 500

/** One line of the organiser's sheet, pasted from Excel (tabs) or typed with ";". */
function parseLine(text: string, line: number): Row | string {
  const cells = text.split(text.includes('\t') ? '\t' : ';').map((cell) => cell.trim())
  // The sheet's first column may number the lines (STT).
  if (/^\d+$/.test(cells[0] ?? '') && cells.length > 2 && !/^\d+$/.test(cells[1])) cells.shift()
  const [fullName = '', className = '', score = '', duration = '', rank = '', award = ''] = cells
  if (!fullName || !className) return `Dòng ${line}: cần họ tên và lớp.`
  const row: Row = { line, fullName, className }
  if (score) {
    const value = Number(score.replace(',', '.'))
    if (!Number.isFinite(value) || value < 0) return `Dòng ${line}: điểm "${score}" không hợp lệ.`
    row.score = value
  }
  if (duration) {
    if (!/^\d{1,3}(:[0-5]\d){1,2}$/.test(duration))
      return `Dòng ${line}: thời gian "${duration}" viết dạng phút:giây.`
    row.duration = duration
  }
  if (rank) {
    const value = Number(rank)
    if (!Number.isInteger(value) || value < 1)
      return `Dòng ${line}: xếp hạng "${rank}" không hợp lệ.`
    row.rank = value
  }
  if (award) {
    const value = awardFromText(award)
    if (!value) return `Dòng ${line}: không hiểu giải "${award}".`
    row.award = value
  }
  return row
}

const MAX_WORKBOOK_BYTES = 2 * 1024 * 1024

/** The organiser's .xlsx (sent as base64), its first sheet as the pasted lines would be. */
async function linesOfWorkbook(req: PayloadRequest, base64: string): Promise<string> {
  const bytes = Buffer.from(base64, 'base64')
  const unreadable = userError(req, 400, {
    vi: 'Không đọc được tệp Excel (.xlsx) kết quả.',
    en: 'The results workbook (.xlsx) could not be read.',
  })
  if (bytes.length === 0) throw unreadable
  if (bytes.length > MAX_WORKBOOK_BYTES)
    throw userError(req, 400, {
      vi: 'Tệp Excel kết quả quá lớn (tối đa 2 MB).',
      en: 'The results workbook is too large (2 MB at most).',
    })
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as never)
  } catch {
    throw unreadable
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw unreadable
  const lines: string[] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells = (row.values as unknown[]).slice(1).map((value) => {
      if (value === null || value === undefined) return ''
      if (typeof value === 'object' && 'result' in value) return String(value.result ?? '')
      if (typeof value === 'object' && 'text' in value) return String(value.text ?? '')
      if (typeof value === 'object' && 'richText' in value)
        return (value.richText as Array<{ text: string }>).map((part) => part.text).join('')
      return String(value).replace(/[\t\n]/g, ' ')
    })
    // A title or a note above the table is no pupil's line.
    if (cells.filter((cell) => cell.trim()).length >= 2) lines.push(cells.join('\t'))
  })
  return lines.join('\n')
}

/** A header line of the sheet ("Họ tên | Lớp | Điểm…"), skipped. */
const isHeader = (text: string) => /^(stt\s+)?ho (va )?ten\b/.test(foldForSearch(text))

export const recordResultsEndpoint: Endpoint = {
  path: '/:id/results',
  method: 'post',
  handler: async (req) => {
    await authorize(req, contestPolicy.recordResults, {
      vi: 'Chỉ giáo viên Tin học nhập kết quả thi của học sinh.',
      en: "Only the IT teacher enters pupils' contest results.",
    })
    const contest = await contestOf(req)
    const body = (await jsonBodyOf(req)) as {
      text?: unknown
      workbook?: unknown
      round?: unknown
      celebrate?: unknown
    } | null
    if (body && typeof body.workbook === 'string')
      body.text = await linesOfWorkbook(req, body.workbook)
    if (!body || typeof body.text !== 'string' || !body.text.trim())
      throw userError(req, 400, {
        vi:
          'Dán danh sách kết quả: mỗi dòng một em (họ tên, lớp, điểm, thời gian, xếp hạng, ' +
          'giải).',
        en: 'Paste the results: one pupil per line (name, class, score, time, rank, award).',
      })
    const round = typeof body.round === 'string' ? body.round.trim() : ''
    const lines = body.text
      .split(/\r?\n/)
      .map((text, index) => ({ text, line: index + 1 }))
      .filter(({ text }) => text.trim() && !isHeader(text))
    if (lines.length > MAX_ROWS)
      throw userError(req, 400, {
        vi: `Mỗi lần nhập tối đa ${MAX_ROWS} dòng.`,
        en: `At most ${MAX_ROWS} lines at a time.`,
      })
    const problems: string[] = []
    const rows: Row[] = []
    for (const { text, line } of lines) {
      const parsed = parseLine(text, line)
      if (typeof parsed === 'string') problems.push(parsed)
      else rows.push(parsed)
    }
    // Classes are public names; the pupils are matched by the server on the name and class the
    // organiser's sheet gives (the IT teacher already holds that sheet), and only their ids
    // are used: the entry's readers read the name and class.
    const { docs: classes } = await req.payload.find({
      collection: 'groups',
      where: { kind: { equals: 'class' } },
      depth: 0,
      limit: 0,
      pagination: false,
      select: { name: true, schoolYear: true },
      overrideAccess: true,
      req,
    })
    const pupilIds: Array<{ row: Row; pupil: number }> = []
    for (const row of rows) {
      const wanted = foldForSearch(shortClass(row.className))
      const candidates = classes
        .filter((group) => foldForSearch(shortClass(group.name)) === wanted)
        .sort(
          (a, b) =>
            Number(b.schoolYear === contest.schoolYear) -
            Number(a.schoolYear === contest.schoolYear),
        )
      const group = candidates[0]
      if (!group) {
        problems.push(`Dòng ${row.line}: không có lớp "${row.className}".`)
        continue
      }
      const { docs: pupils } = await req.payload.find({
        collection: 'students',
        where: { class: { equals: group.id } },
        depth: 0,
        limit: 0,
        pagination: false,
        select: { fullName: true },
        overrideAccess: true,
        req,
      })
      const matches = pupils.filter(
        (pupil) => foldForSearch(pupil.fullName) === foldForSearch(row.fullName),
      )
      if (matches.length !== 1) {
        problems.push(
          matches.length === 0
            ? `Dòng ${row.line}: lớp ${shortClass(group.name)} không có em "${row.fullName}".`
            : `Dòng ${row.line}: lớp ${shortClass(group.name)} có ${matches.length} em tên ` +
                `"${row.fullName}": nhập em này ở mục "Kết quả thi".`,
        )
        continue
      }
      pupilIds.push({ row, pupil: matches[0].id })
    }
    const seen = new Set<number>()
    for (const { row, pupil } of pupilIds) {
      if (seen.has(pupil)) problems.push(`Dòng ${row.line}: em "${row.fullName}" có hai dòng.`)
      seen.add(pupil)
    }
    // Results already there are refused before anything is saved (SQLite has no transactions).
    const { docs: existing } = await req.payload.find({
      collection: 'contest-entries',
      where: {
        and: [
          { contest: { equals: contest.id } },
          { pupil: { in: [...seen] } },
          round ? { round: { equals: round } } : { round: { exists: false } },
        ],
      },
      depth: 0,
      limit: 0,
      pagination: false,
      select: { pupil: true },
      overrideAccess: true,
      req,
    })
    const already = new Set(existing.map((entry) => String(idOf(entry.pupil))))
    for (const { row, pupil } of pupilIds)
      if (already.has(String(pupil)))
        problems.push(`Dòng ${row.line}: em "${row.fullName}" đã có kết quả ở vòng này.`)
    if (problems.length > 0)
      throw userError(req, 400, {
        vi: `Chưa lưu kết quả nào. ${problems.join(' ')}`,
        en: `Nothing was saved. ${problems.join(' ')}`,
      })
    const created = await inTransaction(req, async () => {
      const ids: Array<ContestEntry['id']> = []
      for (const { row, pupil } of pupilIds) {
        const entry = await req.payload.create({
          collection: 'contest-entries',
          ...asUser(req),
          data: {
            contest: contest.id,
            pupil,
            round: round || undefined,
            score: row.score,
            duration: row.duration,
            rank: row.rank,
            award: row.award,
            celebrate: body.celebrate === true && row.award !== undefined && row.award !== 'none',
          },
        })
        ids.push(entry.id)
      }
      return ids
    })
    return Response.json(
      { message: `Đã lưu ${created.length} kết quả.`, entries: created },
      { status: 201 },
    )
  },
}
