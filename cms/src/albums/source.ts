/**
 * Thư viện ảnh (issue 15): how an album goes on the website through the notices' publication
 * (publication/). The album itself stays staff-only; its snapshot carries the page's public data
 * only: title, event date, description and, per image, the file and its caption. Never the
 * pupils an image shows, nor who made the album.
 */
import type { PayloadRequest } from 'payload'
import { schoolYearOf, slugify } from '@school/shared'

import { idOf, idsOf } from '../lib/ids'
import type { Message } from '../lib/messages'
import { markAlbumMedia } from '../media/public-use'
import type { NoticeSnapshot, NoticeSource } from '../publication'
import type { Album } from '../payload-types'
import { pupilsLackingConsent } from '../workflow/consent'

type Id = number | string
type Ref = Id | { id: Id } | null | undefined

/** One image as the public sees it: the media file (made public with the album) and caption. */
export interface AlbumImageSnapshot {
  media: Id
  caption: string
}

/** The data of an album's public notice (`public-notices`, kind `album`). */
export interface AlbumSnapshotData {
  eventDate: string | null
  description: string
  images: AlbumImageSnapshot[]
}

export const ALBUM_PATH_PREFIX = '/thu-vien-anh/'

/** The notice's key and the page's address: the album's slug, without diacritics. */
export function albumKey(album: Pick<Album, 'slug' | 'title'>): string {
  return slugify(album.slug || album.title || '')
}

export function albumImages(album: Pick<Album, 'images'>): Array<{ media: Id; caption: string }> {
  return (album.images ?? []).flatMap((row) => {
    const media = idOf(row.image as Ref)
    return media === null ? [] : [{ media, caption: (row.caption ?? '').trim() }]
  })
}

/** Every pupil the album's images show, once each. */
export function pupilsShown(album: Pick<Album, 'images'>): Id[] {
  const ids = (album.images ?? []).flatMap((row) => idsOf<Id>((row.pupils ?? []) as Ref[]))
  return [...new Map(ids.map((id) => [String(id), id])).values()]
}

async function snapshot(_req: PayloadRequest, album: Album): Promise<NoticeSnapshot> {
  const key = albumKey(album)
  const data: AlbumSnapshotData = {
    eventDate: album.eventDate ?? null,
    description: (album.description ?? '').trim(),
    images: albumImages(album),
  }
  return {
    key,
    title: album.title,
    path: `${ALBUM_PATH_PREFIX}${key}/`,
    schoolYear: album.eventDate ? schoolYearOf(new Date(album.eventDate)) : null,
    data: data as unknown as Record<string, unknown>,
  }
}

async function missingForSubmission(_req: PayloadRequest, album: Album): Promise<Message | null> {
  const missing: Message[] = []
  if (!album.eventDate) missing.push({ vi: 'ngày diễn ra sự kiện', en: 'the event date' })
  if (albumImages(album).length === 0) missing.push({ vi: 'ít nhất một ảnh', en: 'an image' })
  if (albumKey(album) === '') missing.push({ vi: 'tiêu đề', en: 'a title' })
  if (missing.length === 0) return null
  return {
    vi: `Album còn thiếu: ${missing.map((m) => m.vi).join(', ')}.`,
    en: `The album still lacks: ${missing.map((m) => m.en).join(', ')}.`,
  }
}

/**
 * An image showing pupils needs their consent exactly as a post naming them does (Law 91/2025:
 * the guardian's, and the pupil's own from age 7): the rule is workflow/consent.ts's.
 */
export async function albumConsentProblem(
  req: PayloadRequest,
  album: Pick<Album, 'images'>,
): Promise<Message | null> {
  const lacking = await pupilsLackingConsent(req, pupilsShown(album))
  if (lacking.length === 0) return null
  return {
    vi: `Chưa đăng được: ảnh trong album có học sinh chưa có sự đồng ý cần thiết — ${lacking.map((l) => l.vi).join('; ')}. Hãy bỏ ảnh (hoặc bỏ tên các em khỏi ảnh) hoặc ghi nhận sự đồng ý trong hồ sơ học sinh.`,
    en: `Not published: images of the album show pupils without the needed consent — ${lacking.map((l) => l.en).join('; ')}. Remove the images or record the consent in the pupil's record.`,
  }
}

export const albumSource: NoticeSource<Album> = {
  collection: 'albums',
  kind: 'album',
  snapshot,
  missingForSubmission,
  problemForPublication: albumConsentProblem,
  // The images are public exactly while the album is live (unless something else shows them).
  afterLiveChange: async (req, album, live) => {
    const images = live ? albumImages(album).map((image) => String(image.media)) : []
    await markAlbumMedia(req, album.id, new Set(images))
  },
}
