import { describe, expect, it } from 'vitest'

import type { RichTextNode, SiteImage } from './cms'
import { escapeHtml, pictureHtml, richTextHtml } from './html'

const text = (value: string, format = 0): RichTextNode => ({ type: 'text', text: value, format })
const root = (...children: RichTextNode[]): RichTextNode => ({ type: 'root', children })
const paragraph = (...children: RichTextNode[]): RichTextNode => ({ type: 'paragraph', children })

const image: SiteImage = {
  alt: 'Lễ khai giảng "2026"',
  original: { src: '/media/7/anh.jpg', width: 1200, height: 800, mimeType: 'image/jpeg' },
  webp: [
    { src: '/media/7/anh-400x267.webp', width: 400, height: 267, mimeType: 'image/webp' },
    { src: '/media/7/anh-800x533.webp', width: 800, height: 533, mimeType: 'image/webp' },
  ],
}

describe('richTextHtml', () => {
  it('writes the elements of a post', () => {
    const html = richTextHtml(
      root(
        { type: 'heading', tag: 'h1', children: [text('Lịch thi')] },
        paragraph(
          text('Đậm', 1),
          text(' và '),
          text('nghiêng', 2),
          { type: 'linebreak' },
          text('cả hai', 3),
        ),
        {
          type: 'list',
          listType: 'number',
          children: [{ type: 'listitem', children: [text('Toán')] }],
        },
        { type: 'quote', children: [text('Học đi đôi với hành')] },
        { type: 'horizontalrule' },
      ),
    )
    expect(html).toBe(
      '<h2>Lịch thi</h2><p><strong>Đậm</strong> và <em>nghiêng</em><br><strong><em>cả hai</em></strong></p><ol><li>Toán</li></ol><blockquote>Học đi đôi với hành</blockquote><hr>',
    )
  })

  it('escapes text: markup in a post is shown, never run', () => {
    const html = richTextHtml(
      root(paragraph(text('<script>alert(1)</script><img src=x onerror="alert(2)">'))),
    )
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;</p>',
    )
  })

  it('keeps safe links and drops javascript: ones, escaping the address', () => {
    const link = (url: string, newTab = false): RichTextNode => ({
      type: 'link',
      fields: { url, newTab },
      children: [text('xem')],
    })
    expect(richTextHtml(root(paragraph(link('https://moet.gov.vn/?a=1&b="x"', true))))).toBe(
      '<p><a href="https://moet.gov.vn/?a=1&amp;b=%22x%22" rel="noopener noreferrer" target="_blank">xem</a></p>',
    )
    expect(richTextHtml(root(paragraph(link('/tin-tuc/"onmouseover="alert(1)'))))).toBe(
      '<p><a href="/tin-tuc/&quot;onmouseover=&quot;alert(1)">xem</a></p>',
    )
    expect(richTextHtml(root(paragraph(link('javascript:alert(1)'))))).toBe(
      '<p><span>xem</span></p>',
    )
    expect(richTextHtml(root(paragraph(link(' JavaScript:alert(1)'))))).toBe(
      '<p><span>xem</span></p>',
    )
  })

  it('shows only the text of nodes it does not know, and nothing of an upload without an image', () => {
    expect(
      richTextHtml(
        root({ type: 'table', children: [text('ô <b>')] }, { type: 'upload', value: 3 }),
      ),
    ).toBe('ô &lt;b&gt;')
    expect(richTextHtml(null)).toBe('')
  })

  it('puts an image of the text in a figure', () => {
    expect(richTextHtml(root({ type: 'upload', image }))).toBe(
      `<figure class="rich-text__image">${pictureHtml(image, { sizes: '(min-width: 48rem) 46rem, 100vw' })}</figure>`,
    )
  })
})

describe('pictureHtml', () => {
  it('offers WebP sizes, falls back to the original, and loads lazily unless first', () => {
    expect(pictureHtml(image, { sizes: '100vw', class: 'cover-image' })).toBe(
      '<picture class="cover-image"><source type="image/webp" srcset="/media/7/anh-400x267.webp 400w, /media/7/anh-800x533.webp 800w" sizes="100vw">' +
        '<img src="/media/7/anh.jpg" width="1200" height="800" alt="Lễ khai giảng &quot;2026&quot;" loading="lazy" decoding="async"></picture>',
    )
    expect(pictureHtml({ ...image, webp: [] }, { sizes: '100vw', priority: true })).toBe(
      '<picture><img src="/media/7/anh.jpg" width="1200" height="800" alt="Lễ khai giảng &quot;2026&quot;" loading="eager" fetchpriority="high"></picture>',
    )
  })

  it('escapes every character that could end an attribute or start a tag', () => {
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;')
  })
})
