import { foldForSearch } from '@school/shared'

import type { Post } from '../payload-types'

export type RichTextValue = NonNullable<Post['content']>

/** A Lexical rich-text value with one plain paragraph per string, as the admin editor saves it. */
export function richTextFromParagraphs(paragraphs: string[]): RichTextValue {
  return {
    root: {
      type: 'root',
      format: '',
      indent: 0,
      version: 1,
      direction: 'ltr',
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
        ],
      })),
    },
  }
}

function plainTextOf(node: unknown): string {
  if (!node || typeof node !== 'object') return ''
  const { text, children } = node as { text?: unknown; children?: unknown }
  const own = typeof text === 'string' ? text : ''
  return Array.isArray(children) ? own + children.map(plainTextOf).join(' ') : own
}

/**
 * The rich text without its blocks (paragraphs, list items' lists, headings) that mention
 * `name`, with or without marks: what a post says of a pupil whose data was erased (the
 * celebration of a contest writes "Em <name> (lớp 3A) – Giải Nhất" as a paragraph).
 */
export function withoutBlocksNaming(value: RichTextValue, name: string): RichTextValue {
  const wanted = foldForSearch(name)
  if (!wanted) return value
  // The whole name, not a part of another's ("Nguyễn An" does not take "Nguyễn Anh" away).
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const naming = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u')
  const children = (value.root?.children ?? []).filter(
    (block) => !naming.test(foldForSearch(plainTextOf(block))),
  )
  return { ...value, root: { ...value.root, children } }
}
