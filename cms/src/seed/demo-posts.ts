/**
 * Demo posts, taken through the real editorial workflow by the demo staff so that the website,
 * the dashboards and the monthly report have something true to show: some published, some still
 * on their way (Điều 5.6, 7, 17).
 */
import { createLocalReq, type Payload } from 'payload'

import { richTextFromParagraphs as richText } from '../lib/rich-text'
import type { Post, User } from '../payload-types'
import { applyTransition } from '../workflow/apply'
import { drawDemoImage, type DemoImage } from './demo-images'

type Step = [
  who: string,
  action: 'submit' | 'accept' | 'return' | 'approve' | 'publish',
  comment?: string,
]

interface DemoPost {
  title: string
  excerpt: string
  paragraphs: string[]
  kind: Post['kind']
  /** A group name, or null for the whole school. */
  owner: string | null
  author: string
  tags: string[]
  steps: Step[]
  /** Uploaded by the author and shown at the top of the post. */
  cover?: DemoImage
  /** Uploaded by the author and placed in the text after the first paragraph. */
  inlineImage?: DemoImage
}

/** Keys of DEMO_STAFF (see demo-school.ts). */
const PUBLISH_PATH = (reviewer: string, approver: string): Step[] => [
  ['$author', 'submit'],
  [reviewer, 'accept'],
  [approver, 'approve'],
  ['web-admin', 'publish'],
]

export const DEMO_POSTS: DemoPost[] = [
  {
    title: 'Lễ khai giảng năm học mới',
    excerpt:
      'Sáng 5/9, thầy và trò Trường Tiểu học Gia Thượng long trọng tổ chức Lễ khai giảng năm học mới.',
    paragraphs: [
      'Sáng ngày 5 tháng 9, trong không khí tươi vui của ngày hội đến trường, toàn thể cán bộ, giáo viên, nhân viên và học sinh nhà trường đã long trọng tổ chức Lễ khai giảng năm học mới.',
      'Các em học sinh lớp 1 được các anh chị lớp 5 dắt tay vào trường trong tiếng trống khai trường rộn rã. Nhà trường chúc các em một năm học chăm ngoan, học giỏi.',
    ],
    kind: 'news',
    owner: null,
    author: 'principal',
    tags: ['khai giảng', 'năm học mới'],
    steps: PUBLISH_PATH('vp-academic', 'vp-activities'),
    cover: {
      name: 'le-khai-giang.jpg',
      alt: 'Sân trường trang trí cờ hoa trong ngày khai giảng',
      palette: ['#9fc5e8', '#93c47d', '#cc0000'],
    },
    inlineImage: {
      name: 'hoc-sinh-lop-1.jpg',
      alt: 'Dãy lớp học của học sinh lớp 1 ngày đầu năm học',
      palette: ['#f9cb9c', '#b6d7a8', '#3d85c6'],
    },
  },
  {
    title: 'Thực đơn bán trú tuần đầu tháng 12',
    excerpt: 'Thực đơn bữa trưa bán trú từ thứ Hai đến thứ Sáu tuần đầu tháng 12.',
    paragraphs: [
      'Thứ Hai: cơm, thịt gà rang gừng, canh bí nấu tôm, chuối. Thứ Ba: cơm, cá basa sốt cà chua, canh rau ngót, sữa chua.',
      'Thứ Tư: bún bò, rau sống, cam. Thứ Năm: cơm, thịt lợn kho trứng, canh cải nấu thịt, dưa hấu. Thứ Sáu: cơm, đậu phụ sốt thịt, canh chua, thanh long.',
    ],
    kind: 'announcement',
    owner: null,
    author: 'web-admin',
    tags: ['bán trú', 'thực đơn'],
    steps: [
      ['$author', 'submit'],
      ['vp-activities', 'accept'],
      ['principal', 'approve'],
      ['principal', 'publish'],
    ],
  },
  {
    title: 'Chuyên đề: Dạy đọc hiểu cho học sinh lớp 3',
    excerpt: 'Tổ khối 3 sinh hoạt chuyên đề về các biện pháp giúp học sinh đọc hiểu văn bản.',
    paragraphs: [
      'Thực hiện kế hoạch sinh hoạt chuyên môn, Tổ khối 3 đã tổ chức chuyên đề “Một số biện pháp dạy đọc hiểu cho học sinh lớp 3”.',
      'Các giáo viên đã dự giờ, trao đổi và thống nhất cách đặt câu hỏi gợi mở, giúp học sinh tự tìm ý chính của bài đọc.',
    ],
    kind: 'professional_topic',
    owner: 'Tổ khối 3',
    author: 'homeroom-3b',
    tags: ['chuyên đề', 'đọc hiểu'],
    steps: PUBLISH_PATH('head-3', 'vp-academic'),
    cover: {
      name: 'chuyen-de-doc-hieu.jpg',
      alt: 'Phòng học của tổ khối 3 trong buổi sinh hoạt chuyên đề',
      palette: ['#b4a7d6', '#d9ead3', '#674ea7'],
    },
  },
  {
    title: 'Bài giảng E-learning: Phép nhân trong phạm vi 100',
    excerpt: 'Bài giảng điện tử giúp học sinh lớp 2 ôn tập phép nhân tại nhà.',
    paragraphs: [
      'Bài giảng gồm phần khởi động, hình thành kiến thức và luyện tập với các trò chơi nhỏ.',
      'Phụ huynh có thể cùng các em học lại bài sau giờ học ở trường.',
    ],
    kind: 'elearning',
    owner: 'Tổ khối 2',
    author: 'head-2',
    tags: ['e-learning', 'toán'],
    cover: {
      name: 'bai-giang-phep-nhan.jpg',
      alt: 'Minh họa lớp học cho bài giảng phép nhân',
      palette: ['#a2c4c9', '#ffe599', '#e69138'],
    },
    // The head wrote it: a vice-principal reviews, the principal approves.
    steps: PUBLISH_PATH('vp-academic', 'principal'),
  },
  {
    title: 'Lớp 3B trải nghiệm làm bánh trôi',
    excerpt: 'Học sinh lớp 3B cùng nhau làm bánh trôi trong tiết hoạt động trải nghiệm.',
    paragraphs: [
      'Trong tiết hoạt động trải nghiệm, các em học sinh lớp 3B đã được tự tay nặn bánh trôi.',
    ],
    kind: 'news',
    owner: 'Lớp 3B',
    author: 'homeroom-3b',
    tags: ['trải nghiệm'],
    steps: [['$author', 'submit']],
  },
  {
    title: 'Hội thi kể chuyện theo sách',
    excerpt: 'Liên đội phát động hội thi kể chuyện theo sách cho học sinh toàn trường.',
    paragraphs: [
      'Liên đội phát động hội thi kể chuyện theo sách nhằm khuyến khích phong trào đọc sách của học sinh.',
    ],
    kind: 'news',
    owner: 'Liên đội',
    author: 'pioneer',
    tags: ['Liên đội', 'đọc sách'],
    steps: [
      ['$author', 'submit'],
      ['vp-activities', 'return', 'Bổ sung thời gian và cách thức đăng ký dự thi.'],
    ],
  },
  {
    title: 'Lịch nghỉ Tết Nguyên đán',
    excerpt: 'Thông báo lịch nghỉ Tết Nguyên đán theo hướng dẫn của Sở Giáo dục và Đào tạo.',
    paragraphs: [
      'Căn cứ hướng dẫn của Sở Giáo dục và Đào tạo Hà Nội, nhà trường thông báo lịch nghỉ Tết Nguyên đán của học sinh.',
    ],
    kind: 'official_document',
    owner: null,
    author: 'clerk',
    tags: ['văn bản', 'lịch nghỉ'],
    steps: [
      ['$author', 'submit'],
      ['vp-academic', 'accept'],
      ['principal', 'approve'],
    ],
  },
]

/** Writes each demo post as its author and walks it through its steps as the demo staff. */
export async function seedDemoPosts(payload: Payload, staff: Map<string, User>): Promise<void> {
  const person = (key: string) => {
    const user = staff.get(key)
    if (!user) throw new Error(`Demo posts: unknown person "${key}"`)
    return { ...user, collection: 'users' as const }
  }
  for (const demo of DEMO_POSTS) {
    const author = person(demo.author)
    let ownerGroup: number | null = null
    if (demo.owner) {
      const { docs } = await payload.find({
        collection: 'groups',
        where: { name: { equals: demo.owner } },
        depth: 0,
        overrideAccess: true,
      })
      ownerGroup = docs[0].id
    }
    const upload = async (image: DemoImage) =>
      (
        await payload.create({
          collection: 'media',
          user: author,
          overrideAccess: false,
          data: { alt: image.alt },
          file: await drawDemoImage(image),
        })
      ).id
    const content = richText(demo.paragraphs)
    if (demo.inlineImage) {
      const value = await upload(demo.inlineImage)
      content.root.children.splice(1, 0, {
        type: 'upload',
        relationTo: 'media',
        value,
        fields: null,
        format: '',
        version: 3,
      })
    }
    const coverImage = demo.cover ? await upload(demo.cover) : null
    const post = await payload.create({
      collection: 'posts',
      draft: true,
      user: author,
      overrideAccess: false,
      data: {
        title: demo.title,
        excerpt: demo.excerpt,
        content,
        kind: demo.kind,
        tags: demo.tags,
        ownerGroup,
        coverImage,
      },
    })
    for (const [who, action, comment] of demo.steps) {
      // Demo data tells nobody: no notification emails while seeding.
      const req = await createLocalReq(
        { user: who === '$author' ? author : person(who), context: { notify: false } },
        payload,
      )
      await applyTransition(req, { postId: post.id, action, comment })
    }
  }
}
