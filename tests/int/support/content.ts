import { richTextFromParagraphs, type RichTextValue } from '../../../cms/src/lib/rich-text'

/** A Lexical rich-text value with one paragraph per string, as the admin editor saves it. */
export function richText(...paragraphs: string[]): RichTextValue {
  return richTextFromParagraphs(paragraphs)
}
