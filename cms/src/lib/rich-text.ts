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
