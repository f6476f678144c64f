/**
 * What the search index holds of a post (integrations/search-index.ts). Made from the data, not
 * read back from the built pages, so the index is built while Astro renders them.
 */
import { dStrokeWordsFolded } from '@school/shared'

import type { PublishedPost, RichTextNode } from './cms'
import { paths } from './links'

export interface SearchRecord {
  url: string
  content: string
  language: 'vi'
  meta: { title: string; excerpt: string }
}

function plainText(node: RichTextNode | null): string {
  if (!node) return ''
  const own = typeof node.text === 'string' ? node.text : ''
  return (node.children ?? []).reduce((text, child) => `${text} ${plainText(child)}`, own)
}

export function searchRecord(post: PublishedPost): SearchRecord {
  const text = [post.title, post.excerpt, plainText(post.content), ...post.tags].join(' ')
  // Pagefind matches words without tone marks by itself, but not "d" for "đ": "doan" finds
  // "Đoàn" through a folded copy of the post's đ-words.
  const folded = dStrokeWordsFolded(text)
  return {
    url: paths.post(post.slug),
    content: folded ? `${text} ${folded}` : text,
    language: 'vi',
    meta: { title: post.title, excerpt: post.excerpt },
  }
}
