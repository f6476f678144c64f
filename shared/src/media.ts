/**
 * The kinds of file the school stores and publishes, each with the one extension it is stored
 * and served under. The type comes from the file's bytes, never from the name a user gave it: a
 * PNG named `a.html` is stored as `a.png` and served as an image, so it can never run as a page.
 */
import { slugify } from './text'

/** Raster images the website shows. SVG is not among them: it can carry scripts. */
export const SITE_IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/avif': 'avif',
} as const

/** Everything the CMS accepts as an upload: the site's images and PDF documents. */
export const MEDIA_TYPES = { ...SITE_IMAGE_TYPES, 'application/pdf': 'pdf' } as const

export type MediaType = keyof typeof MEDIA_TYPES
export type SiteImageType = keyof typeof SITE_IMAGE_TYPES

export function isMediaType(mimeType: unknown): mimeType is MediaType {
  return typeof mimeType === 'string' && Object.hasOwn(MEDIA_TYPES, mimeType)
}

export function isSiteImageType(mimeType: unknown): mimeType is SiteImageType {
  return typeof mimeType === 'string' && Object.hasOwn(SITE_IMAGE_TYPES, mimeType)
}

/**
 * A plain file name for a file of `mimeType`: the user's name without its extension (whatever it
 * was, however spelled: `a.HTML`, `a.html.`, `a.htm `), without diacritics, then the extension of
 * the real type. "Ảnh khai giảng.HTML" of a PNG → "anh-khai-giang.png".
 */
export function mediaFileName(name: string, mimeType: MediaType, fallback = 'tep'): string {
  const trimmed = name.replace(/[\s.]+$/u, '')
  const dot = trimmed.lastIndexOf('.')
  const base = dot > 0 ? trimmed.slice(0, dot) : trimmed
  return `${slugify(base) || fallback}.${MEDIA_TYPES[mimeType]}`
}
