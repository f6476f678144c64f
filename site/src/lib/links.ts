import { slugify } from '@school/shared'

/** The site's addresses, in one place. */
export const paths = {
  post: (slug: string) => `/tin-tuc/${slug}/`,
  /** A numbered page of the news (lib/news-pages.ts); null for the first page. */
  newsPage: (number: number | null) => (number === null ? '/tin-tuc/' : `/tin-tuc/${number}/`),
  group: (slug: string) => `/nhom/${slug}/`,
  tag: (tag: string) => `/the/${slugify(tag)}/`,
}

/** Links from rich text: only web, mail and phone addresses, or the site's own; never `javascript:`. */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null
  const trimmed = url.trim()
  // Browsers drop tabs and newlines inside an address and read "\" as "/": "/\evil.example" is off-site.
  if (/[\t\n\r]/.test(trimmed)) return null
  if (trimmed.startsWith('/') && !/^\/[/\\]/.test(trimmed)) return trimmed
  if (trimmed.startsWith('#')) return trimmed
  try {
    const parsed = new URL(trimmed)
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(parsed.protocol) ? parsed.href : null
  } catch {
    return null
  }
}
