import type { Post } from '../../../cms/src/payload-types'

/** A Lexical rich-text value with one paragraph per string, as the admin editor saves it. */
export function richText(...paragraphs: string[]): NonNullable<Post['content']> {
  return {
    root: {
      type: 'root',
      format: '' as const,
      indent: 0,
      version: 1,
      direction: 'ltr' as const,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr' as const,
        textFormat: 0,
        children: [{ type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 }],
      })),
    },
  }
}
