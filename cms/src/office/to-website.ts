/**
 * A document from the authorities, or one the school sent, goes to the website's "Văn bản"
 * (`/van-ban/`) as a post through the editorial workflow (Điều 14.3, 17.3). This only makes the
 * draft, as the user: a post of kind `official_document` with the title and summary, and the
 * document's file copied into `media` (the website reads nothing else) as its attachment. The
 * file stays private until the post is published (media/public-use.ts); the usual steps follow
 * (submit, leadership approves, the web admin publishes).
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Endpoint, PayloadRequest } from 'payload'
import {
  OFFICE_DOCUMENT_TYPE_LABELS,
  formatDateVi,
  isMediaType,
  type OfficeDocumentType,
} from '@school/shared'

import { authorize } from '../access/authorize'
import { officeDocumentPolicy } from '../access/policy'
import { asUser } from '../lib/as-user'
import { couldBeId } from '../lib/ids'
import { richTextFromParagraphs } from '../lib/rich-text'
import { userError } from '../lib/messages'
import { officeDirectory } from './files'

export const WEBSITE_SOURCES = ['incoming-documents', 'outgoing-documents'] as const
type Source = (typeof WEBSITE_SOURCES)[number]

type Doc = Record<string, unknown>

const REFUSAL = {
  vi: 'Đưa văn bản lên website do văn thư hoặc lãnh đạo nhà trường thực hiện.',
  en: 'The clerk or leadership put documents on the website.',
}

function titleOf(source: Source, doc: Doc): string {
  const type = OFFICE_DOCUMENT_TYPE_LABELS[doc.type as OfficeDocumentType]?.vi ?? 'Văn bản'
  const symbol = source === 'incoming-documents' ? doc.numberSymbol : doc.symbol
  const issuer = source === 'incoming-documents' ? ` của ${doc.issuer}` : ''
  const dated = doc.documentDate ? ` ngày ${formatDateVi(String(doc.documentDate))}` : ''
  const head = `${type}${symbol ? ` số ${symbol}` : ''}${issuer}${dated}`
  const title = `${head} ${String(doc.summary ?? '').trim()}`.trim()
  return title.length > 250 ? `${title.slice(0, 247)}…` : title
}

/** The copy of the document's file that becomes the post's attachment, uploaded as the user. */
async function copyFileToMedia(req: PayloadRequest, source: Source, doc: Doc) {
  const filename = typeof doc.filename === 'string' ? doc.filename : ''
  if (!filename || !isMediaType(doc.mimeType)) return null
  // The stored name is the server's own (media/stored-type.ts): it never climbs out of the folder.
  const folder = officeDirectory(source)
  const file = path.join(folder, path.basename(filename))
  const data = await readFile(file).catch(() => null)
  if (!data) {
    throw userError(req, 409, {
      vi: 'Không đọc được tệp của văn bản trên máy chủ; hãy tải lại tệp rồi thử lại.',
      en: "The document's file could not be read; upload it again and retry.",
    })
  }
  return req.payload.create({
    collection: 'media',
    data: { alt: `Tệp văn bản: ${String(doc.summary ?? filename).slice(0, 200)}` },
    file: { data, mimetype: doc.mimeType as string, name: filename, size: data.length },
    ...asUser(req),
  })
}

/** POST /api/office/:collection/:id/to-website → 201 { post: { id, title }, adminUrl }. */
export const toWebsiteEndpoint: Endpoint = {
  path: '/office/:collection/:id/to-website',
  method: 'post',
  handler: async (req) => {
    const source = String(req.routeParams?.collection ?? '') as Source
    const id = String(req.routeParams?.id ?? '')
    if (!WEBSITE_SOURCES.includes(source) || !couldBeId(id))
      throw userError(req, 404, { vi: 'Không tìm thấy', en: 'Not Found' })
    await authorize(req, officeDocumentPolicy.sendToWebsite, REFUSAL)
    const doc = (await req.payload.findByID({
      collection: source,
      id,
      ...asUser(req),
    })) as unknown as Doc
    if (doc.cancelled) {
      throw userError(req, 409, {
        vi: 'Văn bản đã hủy trong sổ không đưa lên website.',
        en: 'A cancelled entry is not put on the website.',
      })
    }
    if (source === 'incoming-documents' && !doc.fromAuthorities) {
      throw userError(req, 409, {
        vi:
          'Chỉ văn bản của cơ quan cấp trên được đưa lên mục Văn bản của website (Điều 14.3). ' +
          'Nếu đúng là văn bản cấp trên, hãy đánh dấu "Văn bản cấp trên" rồi thử lại.',
        en: 'Only documents from the authorities go to the website.',
      })
    }
    const media = await copyFileToMedia(req, source, doc)
    const post = await req.payload.create({
      collection: 'posts',
      draft: true,
      data: {
        title: titleOf(source, doc),
        excerpt: String(doc.summary ?? '').slice(0, 400),
        kind: 'official_document',
        // The school's document, not the office group's: leadership reviews it (Điều 17.3).
        ownerGroup: null,
        content: richTextFromParagraphs([
          `${titleOf(source, doc)}.`,
          media
            ? 'Toàn văn văn bản trong tệp đính kèm dưới đây.'
            : 'Toàn văn văn bản xem tại văn phòng nhà trường.',
        ]),
        attachments: media ? [media.id] : [],
      },
      ...asUser(req),
    })
    const adminUrl = `${req.payload.config.routes.admin}/collections/posts/${post.id}`
    return Response.json(
      {
        post: { id: post.id, title: post.title, stage: post.stage },
        adminUrl,
        message: {
          vi:
            'Đã tạo bản nháp bài viết "Văn bản cấp trên" kèm tệp văn bản. Mở bài, kiểm tra rồi ' +
            'gửi duyệt; bài lên website khi được duyệt và đăng.',
          en: 'A draft post was made with the file attached; open it and submit it for review.',
        },
      },
      { status: 201 },
    )
  },
}
