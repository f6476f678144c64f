import type { Post } from '../payload-types'
import type { Message } from '../lib/messages'

function hasText(richText: Post['content']): boolean {
  const walk = (node: unknown): boolean => {
    if (!node || typeof node !== 'object') return false
    const { text, children } = node as { text?: unknown; children?: unknown }
    if (typeof text === 'string' && text.trim() !== '') return true
    return Array.isArray(children) && children.some(walk)
  }
  return walk(richText?.root)
}

/** What a post needs before it is handed in: everything publication needs. */
export function missingForPublication(post: Post): Message[] {
  const missing: Message[] = []
  if (!post.title?.trim()) missing.push({ vi: 'tiêu đề', en: 'title' })
  if (!post.slug?.trim()) missing.push({ vi: 'đường dẫn (slug)', en: 'slug' })
  if (!post.excerpt?.trim()) missing.push({ vi: 'tóm tắt', en: 'excerpt' })
  if (!hasText(post.content)) missing.push({ vi: 'nội dung', en: 'content' })
  if (!post.kind) missing.push({ vi: 'loại bài', en: 'kind' })
  return missing
}
