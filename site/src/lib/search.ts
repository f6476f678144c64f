/**
 * What the search index holds of a post (integrations/search-index.ts): the article as a small
 * HTML document, the way its page reads (title as the heading Pagefind weighs most, excerpt,
 * kind and group, the text, tags), made from the data rather than read back from the built page,
 * so the index is built while Astro renders the pages.
 */
import { POST_KIND_LABELS, dStrokeWordsFolded } from '@school/shared'

import type { PublishedPost, RichTextNode } from './cms'
import { escapeHtml, richTextHtml } from './html'
import { paths } from './links'

export interface SearchPage {
  url: string
  /** An HTML document for Pagefind's addHTMLFile; every text in it escaped. */
  content: string
}

const BLOCKS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'linebreak'])

/** The words of rich text; text nodes of one paragraph join without a space (a word may change format midway). */
function plainText(node: RichTextNode | null): string {
  if (!node) return ''
  const own = typeof node.text === 'string' ? node.text : ''
  const inner = (node.children ?? []).map(plainText).join('')
  return BLOCKS.has(node.type) ? ` ${own}${inner} ` : `${own}${inner}`
}

export function searchPage(post: PublishedPost): SearchPage {
  const about = [POST_KIND_LABELS[post.kind]?.vi, post.ownerGroup?.name].filter(Boolean).join(' · ')
  // Pagefind matches words without tone marks by itself, but not "d" for "đ": "doan" finds
  // "Đoàn" through a folded copy of the post's đ-words.
  const folded = dStrokeWordsFolded(
    [post.title, post.excerpt, about, plainText(post.content), ...post.tags].join(' '),
  )
  const html = [
    '<html lang="vi"><body><article data-pagefind-body>',
    `<h1>${escapeHtml(post.title)}</h1>`,
    post.excerpt ? `<p data-pagefind-meta="excerpt">${escapeHtml(post.excerpt)}</p>` : '',
    about ? `<p>${escapeHtml(about)}</p>` : '',
    richTextHtml(post.content),
    post.tags.length > 0
      ? `<ul>${post.tags.map((tag) => `<li>${escapeHtml(tag)}</li>`).join('')}</ul>`
      : '',
    folded ? `<p>${escapeHtml(folded)}</p>` : '',
    '</article></body></html>',
  ]
  return { url: paths.post(post.slug), content: html.join('') }
}
