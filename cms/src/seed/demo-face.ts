/**
 * The demo school's own face on the website (issue 15): its logo, banner, colours, quick links
 * and featured story, a post announcing an event to come, and the staff who agreed to appear on
 * the organisation page. Each step is done as the person who would do it (the web admin for the
 * profile, each member of staff for their own consent), through the same rules as the admin.
 * One member of leadership, Lê Thị Minh Nguyệt, has not agreed: the website never names her.
 */
import { createLocalReq, type Payload } from 'payload'
import sharp from 'sharp'

import type { User } from '../payload-types'
import { applyTransition } from '../workflow/apply'

/** Who agrees, with the title they chose and the colours of their (drawn) portrait. */
export const DEMO_CONSENTING: Array<{ key: string; title: string; palette: [string, string] }> = [
  { key: 'principal', title: 'Hiệu trưởng', palette: ['#cfe2f3', '#0b5394'] },
  {
    key: 'vp-academic',
    title: 'Phó hiệu trưởng phụ trách chuyên môn',
    palette: ['#d9ead3', '#38761d'],
  },
  { key: 'head-3', title: 'Tổ trưởng tổ khối 3', palette: ['#fce5cd', '#b45f06'] },
  { key: 'head-2', title: 'Chủ tịch Công đoàn', palette: ['#ead1dc', '#741b47'] },
  { key: 'pioneer', title: 'Tổng phụ trách Đội', palette: ['#f4cccc', '#990000'] },
  { key: 'english-2', title: 'Bí thư Chi đoàn', palette: ['#d0e0e3', '#134f5c'] },
  { key: 'homeroom-3b', title: '', palette: ['#fff2cc', '#7f6000'] },
]

/** The one the demo shows is never named: leadership, so she would otherwise be on top. */
export const DEMO_NOT_CONSENTING = 'vp-activities'

async function png(svg: string, name: string) {
  const data = await sharp(Buffer.from(svg)).png().toBuffer()
  return { data, mimetype: 'image/png', name, size: data.length }
}

async function jpeg(svg: string, name: string) {
  const data = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
  return { data, mimetype: 'image/jpeg', name, size: data.length }
}

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <circle cx="128" cy="128" r="124" fill="#ffffff" stroke="#0b4f8a" stroke-width="8"/>
  <circle cx="128" cy="128" r="100" fill="#0b4f8a"/>
  <path d="M128 52 l14 28 l31 4 l-23 21 l6 31 l-28 -15 l-28 15 l6 -31 l-23 -21 l31 -4 z" fill="#f1c232"/>
  <path d="M60 170 Q128 140 128 190 Q128 140 196 170 L196 200 Q128 172 128 214 Q128 172 60 200 z" fill="#ffffff"/>
</svg>`

function portrait([background, clothes]: [string, string]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="480" viewBox="0 0 480 480">
  <rect width="480" height="480" fill="${background}"/>
  <circle cx="240" cy="190" r="92" fill="#f3d2b3"/>
  <path d="M148 170 Q150 84 240 84 Q330 84 332 170 Q300 118 240 118 Q180 118 148 170 z" fill="#3b2a20"/>
  <path d="M70 480 Q80 320 240 310 Q400 320 410 480 z" fill="${clothes}"/>
</svg>`
}

function banner(): string {
  const flags = Array.from(
    { length: 14 },
    (_, i) =>
      `<path d="M${60 + i * 110} 60 l40 20 l-40 20 z" fill="${i % 2 ? '#b3261e' : '#f1c232'}"/>`,
  ).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="400" viewBox="0 0 1600 400">
  <rect width="1600" height="400" fill="#cfe2f3"/>
  <path d="M0 60 Q800 30 1600 60" stroke="#555" stroke-width="3" fill="none"/>${flags}
  <rect x="0" y="300" width="1600" height="100" fill="#93c47d"/>
  <rect x="300" y="150" width="1000" height="160" fill="#f6e7c1"/>
  <path d="M260 160 L800 90 L1340 160 z" fill="#b3261e"/>
  ${[380, 540, 700, 900, 1060, 1220].map((x) => `<rect x="${x}" y="190" width="70" height="60" fill="#6fa8dc"/>`).join('')}
</svg>`
}

/** Days from now, at 07:30 in Vietnam (UTC+7, no daylight saving). */
function daysAhead(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000)
  date.setUTCHours(0, 30, 0, 0)
  return date.toISOString()
}

export async function seedDemoFace(payload: Payload, staff: Map<string, User>): Promise<void> {
  const person = (key: string) => {
    const user = staff.get(key)
    if (!user) throw new Error(`Demo face: unknown person "${key}"`)
    return { ...user, collection: 'users' as const }
  }
  const webAdmin = person('web-admin')
  const upload = async (
    user: ReturnType<typeof person>,
    alt: string,
    file: Awaited<ReturnType<typeof png>>,
  ) =>
    (
      await payload.create({
        collection: 'media',
        user,
        overrideAccess: false,
        data: { alt },
        file,
      })
    ).id

  // Tổ khối 3 announces the date and place of its topic session: a new draft of the live post,
  // taken through the workflow again like every correction (Điều 7, 17).
  const { docs: topics } = await payload.find({
    collection: 'posts',
    where: { title: { equals: 'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3' } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  if (topics[0]) {
    const writer = person('homeroom-3b')
    await payload.update({
      collection: 'posts',
      id: topics[0].id,
      draft: true,
      user: writer,
      overrideAccess: false,
      data: { eventDate: daysAhead(10), eventPlace: 'Phòng họp Tổ khối 3' },
    })
    for (const [who, action] of [
      ['homeroom-3b', 'submit'],
      ['head-3', 'accept'],
      ['vp-academic', 'approve'],
      ['web-admin', 'publish'],
    ] as const) {
      const req = await createLocalReq({ user: person(who), context: { notify: false } }, payload)
      await applyTransition(req, { postId: topics[0].id, action })
    }
  }

  const { docs: opening } = await payload.find({
    collection: 'posts',
    where: { title: { equals: 'Lễ khai giảng năm học mới' }, _status: { equals: 'published' } },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const logo = await upload(
    webAdmin,
    'Logo Trường Tiểu học Gia Thượng',
    await png(LOGO, 'logo.png'),
  )
  const bannerId = await upload(
    webAdmin,
    'Băng rôn Trường Tiểu học Gia Thượng',
    await jpeg(banner(), 'bang-ron.jpg'),
  )
  await payload.updateGlobal({
    slug: 'school-profile',
    user: webAdmin,
    overrideAccess: false,
    data: {
      logo,
      banner: bannerId,
      primaryColor: '#0b4f8a',
      accentColor: '#b3261e',
      featuredPost: opening[0]?.id,
      quickLinks: [
        { label: 'Thời khóa biểu', url: '/thoi-khoa-bieu/', description: 'Lịch học từng lớp' },
        { label: 'Thực đơn bán trú', url: '/thuc-don/', description: 'Bữa trưa của các con' },
        { label: 'Lịch kiểm tra', url: '/lich-kiem-tra/', description: 'Các bài kiểm tra định kỳ' },
        { label: 'Công khai', url: '/cong-khai/', description: 'Thông tư 09/2024/TT-BGDĐT' },
        { label: 'Đề ôn luyện', url: '/de-kiem-tra/', description: 'Đề các năm trước' },
        { label: 'Liên hệ', url: '/gioi-thieu/', description: 'Địa chỉ, điện thoại, email' },
      ],
    },
  })

  // Each one agrees in their own profile: nobody else may tick it for them.
  for (const { key, title, palette } of DEMO_CONSENTING) {
    const user = person(key)
    const photo = await upload(
      user,
      `Ảnh ${user.fullName}`,
      await jpeg(portrait(palette), `anh-${key}.jpg`),
    )
    await payload.update({
      collection: 'users',
      id: user.id,
      user,
      overrideAccess: false,
      data: { websiteConsent: true, websiteTitle: title || undefined, websitePhoto: photo },
    })
  }
}
