/**
 * Two demo photo albums (Thư viện ảnh, issue 15), made by the grade 3 group's head from the demo
 * pictures, one image showing a pupil whose consent is on record, and published through the
 * notices' publication as their people: the head submits, a vice-principal approves, the web
 * admin publishes.
 */
import { createLocalReq, type Payload } from 'payload'

import { applyPublicationStep } from '../publication/apply'
import { albumSource } from '../albums/source'
import type { User } from '../payload-types'
import { drawDemoImage, type DemoImage } from './demo-images'

interface DemoAlbum {
  title: string
  eventDate: string
  description: string
  images: Array<DemoImage & { caption: string; showsPupil?: boolean }>
}

export const DEMO_ALBUMS: DemoAlbum[] = [
  {
    title: 'Lễ khai giảng năm học mới',
    eventDate: '2026-09-05T00:00:00.000Z',
    description: 'Những hình ảnh của buổi lễ khai giảng trên sân trường.',
    images: [
      {
        name: 'album-khai-giang-1.jpg',
        alt: 'Sân trường trang trí cờ hoa ngày khai giảng',
        palette: ['#9fc5e8', '#93c47d', '#cc0000'],
        caption: 'Sân trường rực rỡ cờ hoa trước giờ khai giảng.',
      },
      {
        name: 'album-khai-giang-2.jpg',
        alt: 'Học sinh lớp 3A đón chào năm học mới',
        palette: ['#cfe2f3', '#6aa84f', '#e69138'],
        caption: 'Học sinh lớp 3A đón chào năm học mới.',
        showsPupil: true,
      },
      {
        name: 'album-khai-giang-3.jpg',
        alt: 'Hồi trống khai trường',
        palette: ['#b4a7d6', '#38761d', '#990000'],
        caption: 'Hồi trống khai trường vang lên.',
      },
    ],
  },
  {
    title: 'Hội khỏe Phù Đổng cấp trường',
    eventDate: '2026-11-14T00:00:00.000Z',
    description: 'Các em thi đấu sôi nổi ở các môn điền kinh, kéo co và nhảy dây.',
    images: [
      {
        name: 'album-hoi-khoe-1.jpg',
        alt: 'Đường chạy trên sân trường',
        palette: ['#a2c4c9', '#b6d7a8', '#3d85c6'],
        caption: 'Vòng chung kết chạy 60 m.',
      },
      {
        name: 'album-hoi-khoe-2.jpg',
        alt: 'Khán đài cổ vũ các đội kéo co',
        palette: ['#ffe599', '#8fce00', '#674ea7'],
        caption: 'Các lớp cổ vũ đội kéo co của mình.',
      },
    ],
  },
]

/** A pupil whose consent allows the website (guardian's and own), if the demo has pupils. */
async function pupilWithConsent(payload: Payload): Promise<number | string | null> {
  const { docs } = await payload.find({
    collection: 'students',
    where: {
      and: [{ 'consent.guardian': { equals: true } }, { 'consent.pupil': { equals: true } }],
    },
    sort: 'id',
    limit: 1,
    depth: 0,
    select: {},
    overrideAccess: true,
  })
  return docs[0]?.id ?? null
}

export async function seedDemoAlbums(payload: Payload, staff: Map<string, User>): Promise<void> {
  const person = (key: string) => {
    const user = staff.get(key)
    if (!user) throw new Error(`Demo albums: unknown person "${key}"`)
    return { ...user, collection: 'users' as const }
  }
  const maker = person('head-3')
  const pupil = await pupilWithConsent(payload)
  for (const demo of DEMO_ALBUMS) {
    const images = []
    for (const image of demo.images) {
      const media = await payload.create({
        collection: 'media',
        user: maker,
        overrideAccess: false,
        data: { alt: image.alt },
        file: await drawDemoImage(image),
      })
      images.push({
        image: media.id,
        caption: image.caption,
        pupils: image.showsPupil && pupil !== null ? [pupil as number] : [],
      })
    }
    const album = await payload.create({
      collection: 'albums',
      user: maker,
      overrideAccess: false,
      data: {
        title: demo.title,
        eventDate: demo.eventDate,
        description: demo.description,
        images,
        // The field's own default: a new album starts as a draft.
        publicationStage: 'draft',
      },
    })
    for (const [who, action] of [
      ['head-3', 'submit'],
      ['vp-academic', 'approve'],
      ['web-admin', 'publish'],
    ] as const) {
      const req = await createLocalReq({ user: person(who), context: { notify: false } }, payload)
      await applyPublicationStep(req, albumSource as never, { id: album.id, action })
    }
  }
}
