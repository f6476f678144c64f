/**
 * Benchmark data: tops the posts of a scratch database up to BENCH_POSTS published posts, with
 * Vietnamese titles and a few paragraphs of Lexical rich text, spread over the demo school's
 * groups, the post kinds and a pool of tags, published over the last four school years.
 *
 * Run by scripts/bench/site/index.mjs while the CMS is stopped (one writer on the SQLite file):
 *   DATABASE_URL=file:… PAYLOAD_SECRET=… BENCH_POSTS=5000 tsx scripts/bench/site/generate-posts.ts
 *
 * Why not the workflow for each post: four transitions per post, each a transaction with reads,
 * a version row and a workflow event, would take many minutes for 5,000 posts. These posts are
 * written instead as the workflow leaves them (stage `published`, `_status: 'published'`,
 * `publishedAt`, reviewer and approver set) through Payload's Local API with the project's own
 * config, hooks and validation, under the same `req.context.workflow` flag that applyTransition
 * sets (the only thing guardWorkflowState accepts for a published write), in transactions of
 * 250 posts. They have no `workflow-events` history, which nothing on the website reads. The
 * content is deterministic (a seeded generator): two runs make the same posts.
 */
import {
  commitTransaction,
  createLocalReq,
  getPayload,
  initTransaction,
  killTransaction,
} from 'payload'
import { slugify, type PostKind } from '@school/shared'

import type { Group, Post, User } from '../../../cms/src/payload-types'

const target = Number(process.env.BENCH_POSTS)
if (!Number.isInteger(target) || target < 1)
  throw new Error('Set BENCH_POSTS to the number of published posts wanted.')
const BATCH = 250

// A small deterministic generator (mulberry32), so runs are comparable.
let seed = 20241105
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
function pickSome<T>(items: readonly T[], count: number): T[] {
  const chosen = new Set<T>()
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items))
  return [...chosen]
}

const KIND_WEIGHTS: Array<[PostKind, number]> = [
  ['news', 45],
  ['announcement', 20],
  ['professional_topic', 12],
  ['elearning', 8],
  ['official_document', 8],
  ['pupil_writing', 7],
]
function pickKind(): PostKind {
  let roll = random() * 100
  for (const [kind, weight] of KIND_WEIGHTS) if ((roll -= weight) < 0) return kind
  return 'news'
}

const TITLES: Record<PostKind, string[]> = {
  news: [
    '{group} tham quan Bảo tàng Dân tộc học',
    '{group} tổ chức hoạt động trải nghiệm “Em yêu làng nghề”',
    'Ngày hội đọc sách của {group}',
    '{group} hưởng ứng phong trào “Kế hoạch nhỏ”',
    'Giao lưu văn nghệ chào mừng ngày Nhà giáo Việt Nam 20/11',
    'Hội khỏe Phù Đổng cấp trường',
    '{group} trồng cây xanh trong khuôn viên trường',
    'Học sinh {group} thăm hỏi gia đình thương binh, liệt sĩ',
    'Tết Trung thu cho em',
    'Ngày hội Tiếng Anh của {group}',
    'Buổi sinh hoạt dưới cờ chủ đề “An toàn giao thông”',
    '{group} tổ chức tiết học ngoài trời',
  ],
  announcement: [
    'Thực đơn bán trú tuần {week} tháng {month}',
    'Thông báo lịch kiểm tra định kì cuối học kì',
    'Thông báo họp phụ huynh học sinh {group}',
    'Kế hoạch tổ chức tuần lễ học tập suốt đời',
    'Thay đổi thời khóa biểu từ tuần {week} tháng {month}',
    'Thông báo lịch tiêm chủng cho học sinh',
    'Kế hoạch tuyển sinh lớp 1',
    'Thông báo nghỉ học để phòng chống bão',
  ],
  professional_topic: [
    'Chuyên đề: Đổi mới phương pháp dạy học môn Toán ở {group}',
    'Chuyên đề: Dạy học phát triển năng lực đọc cho học sinh',
    'Sinh hoạt chuyên môn theo nghiên cứu bài học tại {group}',
    'Chuyên đề: Ứng dụng công nghệ thông tin trong dạy học',
    'Chuyên đề: Đánh giá học sinh tiểu học theo Thông tư 27',
    'Thao giảng chào mừng ngày Nhà giáo Việt Nam tại {group}',
  ],
  elearning: [
    'Bài giảng E-learning: Phép cộng có nhớ trong phạm vi 100',
    'Bài giảng E-learning: Tập đọc “Quà của bố”',
    'Bài giảng E-learning: Khám phá hệ Mặt Trời',
    'Bài giảng E-learning: Luyện từ và câu – Từ chỉ sự vật',
    'Bài giảng E-learning: Em tập vẽ tranh phong cảnh',
    'Bài giảng E-learning: Unit 5 – My hobbies',
  ],
  official_document: [
    'Văn bản hướng dẫn thực hiện nhiệm vụ năm học của Sở GD&ĐT',
    'Công văn về công tác phòng chống dịch bệnh trong trường học',
    'Quyết định ban hành quy chế chi tiêu nội bộ',
    'Hướng dẫn đánh giá học sinh cuối học kì',
    'Kế hoạch thực hiện chương trình giáo dục phổ thông 2018',
  ],
  pupil_writing: [
    'Bài văn: Tả ngôi trường thân yêu của em',
    'Bài văn: Kể về một người bạn tốt',
    'Bài thơ: Mùa thu của em',
    'Bài văn: Tả cô giáo chủ nhiệm',
    'Cảm nghĩ về chuyến tham quan cùng {group}',
  ],
  practice_tests: ['Đề kiểm tra định kỳ tháng {month} – ôn luyện'],
}

const SENTENCES = [
  'Hoạt động được tổ chức nhằm giúp học sinh phát triển toàn diện về đức, trí, thể, mĩ.',
  'Các thầy cô giáo đã chuẩn bị chu đáo về nội dung, địa điểm và đồ dùng học tập cho các em.',
  'Học sinh tham gia sôi nổi, mạnh dạn trình bày ý kiến và hợp tác tốt với các bạn trong nhóm.',
  'Ban giám hiệu nhà trường đánh giá cao tinh thần trách nhiệm của tập thể giáo viên.',
  'Phụ huynh học sinh đã phối hợp chặt chẽ với nhà trường trong suốt quá trình tổ chức.',
  'Qua hoạt động, các em thêm yêu trường lớp, biết quan tâm, chia sẻ với bạn bè và người thân.',
  'Nhà trường đề nghị các lớp tiếp tục duy trì và nhân rộng những cách làm hay, sáng tạo.',
  'Kết thúc buổi học, nhiều em bày tỏ mong muốn được tham gia thêm những hoạt động bổ ích như vậy.',
  'Giáo viên chủ nhiệm nhắc nhở học sinh thực hiện tốt nội quy và giữ gìn vệ sinh chung.',
  'Tổ chuyên môn đã thống nhất kế hoạch thực hiện và phân công nhiệm vụ cụ thể cho từng thành viên.',
  'Các tiết học được thiết kế theo hướng phát huy tính tích cực, chủ động của học sinh.',
  'Mọi ý kiến đóng góp xin gửi về văn phòng nhà trường trong giờ hành chính.',
  'Đây là dịp để các em rèn luyện kĩ năng sống, kĩ năng giao tiếp và làm việc nhóm.',
  'Nhà trường trân trọng cảm ơn sự quan tâm, ủng hộ của Ban đại diện cha mẹ học sinh.',
  'Thời gian thực hiện từ đầu tháng, kết quả được tổng hợp và báo cáo Ban giám hiệu.',
  'Các em học sinh lớp 5 đã giúp đỡ các em lớp 1 làm quen với nề nếp của nhà trường.',
  'Buổi sinh hoạt diễn ra trong không khí vui tươi, đầm ấm và đầy ý nghĩa.',
  'Giáo viên đã sử dụng bài giảng điện tử, tranh ảnh và trò chơi học tập để gây hứng thú cho học sinh.',
]

const HEADINGS = [
  'Mục đích, yêu cầu',
  'Nội dung hoạt động',
  'Kết quả đạt được',
  'Tổ chức thực hiện',
  'Một số lưu ý',
]
const TAGS = [
  'khai giảng',
  'bán trú',
  'thực đơn',
  'chuyên đề',
  'đọc hiểu',
  'e-learning',
  'toán',
  'tiếng Việt',
  'tiếng Anh',
  'tin học',
  'âm nhạc',
  'mĩ thuật',
  'thể dục',
  'trải nghiệm',
  'ngoại khóa',
  'Liên đội',
  'Công đoàn',
  'Chi đoàn',
  'an toàn giao thông',
  'y tế học đường',
  'tiêm chủng',
  'thư viện',
  'đọc sách',
  'thi đua',
  '20/11',
  'Trung thu',
  'Tết',
  'họp phụ huynh',
  'kiểm tra định kì',
  'tuyển sinh',
  'văn bản',
  'Sở GD&ĐT',
  'kĩ năng sống',
  'môi trường',
  'từ thiện',
  'khen thưởng',
  'học sinh giỏi',
  'thời khóa biểu',
  'lịch nghỉ',
  'phòng chống dịch',
]

const text = (value: string, format = 0) => ({
  type: 'text',
  text: value,
  format,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const block = (type: string, children: object[], extra: object = {}) => ({
  type,
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  children,
  ...extra,
})

/** Three to six paragraphs, sometimes a heading, a bold phrase or a bulleted list, as the admin editor saves them. */
function body(): NonNullable<Post['content']> {
  const children: object[] = []
  const paragraphs = 3 + Math.floor(random() * 4)
  for (let index = 0; index < paragraphs; index += 1) {
    if (index === 1 && random() < 0.5)
      children.push(block('heading', [text(pick(HEADINGS))], { tag: 'h2' }))
    const sentences = pickSome(SENTENCES, 2 + Math.floor(random() * 3))
    const parts =
      random() < 0.3
        ? [text(`${sentences[0]} `, 1), text(sentences.slice(1).join(' '))]
        : [text(sentences.join(' '))]
    children.push(block('paragraph', parts, { textFormat: 0 }))
    if (index === 2 && random() < 0.25) {
      children.push(
        block(
          'list',
          pickSome(SENTENCES, 3).map((item, n) =>
            block('listitem', [text(item)], { value: n + 1 }),
          ),
          { listType: 'bullet', start: 1, tag: 'ul' },
        ),
      )
    }
  }
  return { root: block('root', children) } as unknown as NonNullable<Post['content']>
}

function fill(template: string, group: Group | null, at: Date): string {
  return template
    .replace('{group}', group?.name ?? 'nhà trường')
    .replace('{week}', String(1 + Math.floor(at.getDate() / 7.5)))
    .replace('{month}', String(at.getMonth() + 1))
}

const idOf = (value: unknown): number | string | null =>
  value && typeof value === 'object'
    ? ((value as { id: number | string }).id ?? null)
    : ((value as number | string | null) ?? null)

const payload = await getPayload({ config: (await import('@payload-config')).default })
try {
  const { totalDocs: existing } = await payload.count({
    collection: 'posts',
    where: { _status: { equals: 'published' } },
    overrideAccess: true,
  })
  const toCreate = Math.max(0, target - existing)
  const groups = (
    await payload.find({
      collection: 'groups',
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs
  const users = (
    await payload.find({
      collection: 'users',
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs
  const withRole = (role: string) =>
    users.filter((user: User) => (user.roles as string[]).includes(role))
  const approvers = [...withRole('principal'), ...withRole('vice_principal')]
  const webAdmin = withRole('web_admin')[0]
  const byId = new Map(groups.map((group) => [String(group.id), group]))
  const taken = new Set(
    (
      await payload.find({
        collection: 'posts',
        limit: 0,
        pagination: false,
        depth: 0,
        draft: true,
        select: { slug: true },
        overrideAccess: true,
      })
    ).docs.map((doc) => doc.slug),
  )

  const started = Date.now()
  // Newest first: the last post generated is about now, the first about four years ago.
  const span = 4 * 365 * 24 * 3600 * 1000
  for (let done = 0; done < toCreate;) {
    const req = await createLocalReq({ context: { workflow: true, notify: false } }, payload)
    const own = await initTransaction(req)
    try {
      for (const end = Math.min(toCreate, done + BATCH); done < end; done += 1) {
        const at = new Date(
          Date.now() - span + ((existing + done) / target) * span - random() * 3600_000 * 12,
        )
        // A tenth of the posts belong to the whole school, the rest to a group.
        const group =
          random() < 0.1 ? null : pick(groups.filter((g) => g.kind !== 'editorial_board'))
        const members = (group?.members ?? []).map(idOf).filter((id) => id !== null)
        const author = members.length > 0 ? pick(members) : webAdmin.id
        const head =
          group?.kind === 'class'
            ? idOf(byId.get(String(idOf(group.parentGroup)))?.head)
            : idOf(group?.head)
        const reviewer =
          head !== null && String(head) !== String(author)
            ? head
            : pick(withRole('vice_principal')).id
        const approver = pick(
          approvers.filter(
            (user) => String(user.id) !== String(author) && String(user.id) !== String(reviewer),
          ),
        ).id
        const kind = pickKind()
        const title = fill(pick(TITLES[kind]), group, at)
        let slug = slugify(title)
        for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${slugify(title)}-${suffix}`
        taken.add(slug)
        await payload.create({
          collection: 'posts',
          req,
          overrideAccess: true,
          depth: 0,
          data: {
            title,
            slug,
            excerpt: pickSome(SENTENCES, 1)[0],
            content: body(),
            kind,
            ownerGroup: group?.id ?? null,
            authors: [author as number],
            tags: pickSome(TAGS, 1 + Math.floor(random() * 3)),
            stage: 'published',
            _status: 'published',
            publishedAt: at.toISOString(),
            reviewedBy: reviewer as number,
            approvedBy: approver,
          },
        })
      }
      if (own) await commitTransaction(req)
    } catch (error) {
      if (own) await killTransaction(req)
      throw error
    }
    process.stdout.write(`\r  ${existing + done}/${target} bài đã đăng`)
  }
  if (toCreate > 0) process.stdout.write('\n')
  console.log(
    `  ${toCreate} posts created in ${((Date.now() - started) / 1000).toFixed(1)} s (${existing} were there).`,
  )
} finally {
  await payload.destroy()
}
process.exit(0)
