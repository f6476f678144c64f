/**
 * HTML made as strings for the parts every page repeats many times (rich text, pictures): an
 * Astro component per Lexical node cost more than the rest of an article page. Every text and
 * every attribute value goes through `escapeHtml`; no string from the CMS is ever written
 * unescaped, and links keep only safe addresses (safeHref).
 */
import type { RichTextNode, SiteImage } from './cms'
import { safeHref } from './links'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ENTITIES[char])
}

/** ` name="value"` for each attribute that has a value; names are the code's own, never data. */
function attributes(values: Record<string, string | number | null | undefined | false>): string {
  let html = ''
  for (const [name, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== false)
      html += ` ${name}="${escapeHtml(value)}"`
  return html
}

export interface PictureOptions {
  /** How wide the image is shown, for the browser to pick a file (the `sizes` attribute). */
  sizes: string
  /** The first picture of a page: loaded at once, not lazily. */
  priority?: boolean
  class?: string
}

/**
 * An image in WebP at the widths sharp made at upload, with the original file for browsers
 * without WebP. width/height keep the page from jumping while it loads. Only the first image of
 * a page (`priority`) loads at once; the rest wait until the reader scrolls near them.
 */
export function pictureHtml(
  image: SiteImage,
  { sizes, priority = false, class: className }: PictureOptions,
): string {
  const srcset = image.webp.map((file) => `${file.src} ${file.width}w`).join(', ')
  const source = srcset ? `<source${attributes({ type: 'image/webp', srcset, sizes })}>` : ''
  const img = `<img${attributes({
    src: image.original.src,
    width: image.original.width,
    height: image.original.height,
    alt: image.alt,
    loading: priority ? 'eager' : 'lazy',
    decoding: priority ? undefined : 'async',
    fetchpriority: priority ? 'high' : undefined,
  })}>`
  return `<picture${attributes({ class: className })}>${source}${img}</picture>`
}

// Lexical text format bits; one tag per text, the first that applies.
const TEXT_FORMATS: Array<[bit: number, open: string, close: string]> = [
  [16, '<code>', '</code>'],
  [1 | 2, '<strong><em>', '</em></strong>'],
  [1, '<strong>', '</strong>'],
  [2, '<em>', '</em>'],
  [8, '<u>', '</u>'],
  [4, '<s>', '</s>'],
  [32, '<sub>', '</sub>'],
  [64, '<sup>', '</sup>'],
]
const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

function textHtml(node: RichTextNode): string {
  const text = escapeHtml(node.text)
  const format = typeof node.format === 'number' ? node.format : 0
  const found = TEXT_FORMATS.find(([bits]) => (format & bits) === bits)
  return found ? `${found[1]}${text}${found[2]}` : text
}

function nodeHtml(node: RichTextNode): string {
  const inner = () => (Array.isArray(node.children) ? node.children.map(nodeHtml).join('') : '')
  switch (node.type) {
    case 'text':
      return textHtml(node)
    case 'linebreak':
      return '<br>'
    case 'paragraph':
      return `<p>${inner()}</p>`
    case 'heading': {
      // The page title is the only h1.
      const tag = HEADINGS.has(String(node.tag)) ? String(node.tag) : 'h2'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'quote':
      return `<blockquote>${inner()}</blockquote>`
    case 'list': {
      const tag = node.listType === 'number' ? 'ol' : 'ul'
      return `<${tag}>${inner()}</${tag}>`
    }
    case 'listitem':
      return `<li>${inner()}</li>`
    case 'horizontalrule':
      return '<hr>'
    case 'upload': {
      // Set by the data module for images (lib/cms.ts); files and PDFs have none.
      const image = (node.image ?? null) as SiteImage | null
      return image
        ? `<figure class="rich-text__image">${pictureHtml(image, { sizes: '(min-width: 48rem) 46rem, 100vw' })}</figure>`
        : ''
    }
    case 'link':
    case 'autolink': {
      const fields = (node.fields ?? {}) as { url?: unknown; newTab?: unknown }
      const href = safeHref(fields.url ?? node.url)
      if (!href) return `<span>${inner()}</span>`
      const newTab = Boolean(fields.newTab)
      return `<a${attributes({ href, rel: newTab && 'noopener noreferrer', target: newTab && '_blank' })}>${inner()}</a>`
    }
    default:
      // Nodes this site does not know (tables, embeds…) show their text, never their markup.
      return inner()
  }
}

/** A Lexical rich-text value as HTML elements. */
export function richTextHtml(root: RichTextNode | null): string {
  return (root?.children ?? []).map(nodeHtml).join('')
}

/** A file's size as Vietnamese readers write it: "850 KB", "1,2 MB" (decimal comma). */
export function fileSizeVi(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 KB'
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  const megabytes = bytes / (1024 * 1024)
  return `${(Math.round(megabytes * 10) / 10).toString().replace('.', ',')} MB`
}
