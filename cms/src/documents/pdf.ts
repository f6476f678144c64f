/**
 * One way to start and send a PDF: A4 with the margins of an administrative document (Nghị định
 * 30/2020/NĐ-CP, Phụ lục I: top and bottom 20 mm, left 30 mm, right 15 mm) and Tinos, the
 * metric twin of Times New Roman that official Vietnamese documents are set in, embedded (and
 * subset) from its npm package so that every mark renders the same on any machine: no system
 * font is assumed and nothing is fetched at run time.
 *
 * A document is streamed as it is written (`pdfStreamResponse`): pages leave the process as they
 * are finished, so a class of 35 holds one page at a time. Signing needs the whole file
 * (`pdfBuffer`).
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'

import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'

import { attachment, fileResponse, PDF_TYPE, PRIVATE_FILE_HEADERS } from '../lib/download'

/**
 * The font package's folder, found on disk from the working directory up (`cms/` under Next,
 * the repository's root under the tests and scripts): Next's bundler rewrites a module-relative
 * `require.resolve` into a path that does not exist at run time.
 */
function findTinosFolder(): string {
  const wanted = path.join('node_modules', '@expo-google-fonts', 'tinos')
  for (let folder = process.cwd(); ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, wanted)
    if (existsSync(path.join(candidate, 'package.json'))) return candidate
    if (path.dirname(folder) === folder) break
  }
  throw new Error('The font package @expo-google-fonts/tinos is not installed: run npm ci')
}

let tinosFolder: string | undefined

/** The registered font names; `doc.font(FONTS.bold)`. */
export const FONTS = {
  regular: 'Tinos',
  bold: 'Tinos-Bold',
  italic: 'Tinos-Italic',
  boldItalic: 'Tinos-BoldItalic',
} as const

const FONT_FILES: Record<keyof typeof FONTS, string> = {
  regular: '400Regular/Tinos_400Regular.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
}

const MM = 72 / 25.4
/** Points per millimetre, for layouts written in the units of the Ministry's templates. */
export const mm = (millimetres: number) => millimetres * MM

export const A4_MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }

export type PdfDocument = PDFKit.PDFDocument

export interface PdfInfo {
  title: string
  subject?: string
  author?: string
  /** Landscape for the wide class summaries. */
  layout?: 'portrait' | 'landscape'
  margins?: { top: number; bottom: number; left: number; right: number }
  /**
   * Many small documents in a row (the demo's test papers): the fonts are read and their
   * shaping tables built once per process, not once per document (a fifth of the time).
   */
  reuseFonts?: boolean
}

let parsedFonts: Record<keyof typeof FONTS, fontkit.Font> | undefined

/** The school's fonts, parsed once; pdfkit embeds a subset of them in each document. */
function sharedFonts(): Record<keyof typeof FONTS, fontkit.Font> {
  tinosFolder ??= findTinosFolder()
  const folder = tinosFolder
  parsedFonts ??= Object.fromEntries(
    (Object.entries(FONT_FILES) as [keyof typeof FONTS, string][]).map(([key, file]) => [
      key,
      fontkit.create(readFileSync(path.join(folder, file))),
    ]),
  ) as Record<keyof typeof FONTS, fontkit.Font>
  return parsedFonts
}

/** A new A4 document with the school's fonts registered and the regular one selected. */
export function newPdf(info: PdfInfo): PdfDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: info.layout ?? 'portrait',
    margins: info.margins ?? A4_MARGINS,
    lang: 'vi-VN',
    displayTitle: true,
    pdfVersion: '1.7',
    compress: true,
    // pdfkit writes every key it is given: an absent one must not be there at all.
    info: Object.fromEntries(
      Object.entries({
        Title: info.title,
        Subject: info.subject,
        Author: info.author,
        Creator: 'Hệ thống quản trị trường tiểu học',
      }).filter(([, value]) => value !== undefined),
    ) as PDFKit.DocumentInfo,
  })
  const reused = info.reuseFonts ? sharedFonts() : undefined
  for (const [key, file] of Object.entries(FONT_FILES) as [keyof typeof FONTS, string][]) {
    tinosFolder ??= findTinosFolder()
    // pdfkit takes a parsed fontkit font as it takes a file (its font factory checks `layout`).
    const source = reused ? (reused[key] as unknown as Buffer) : path.join(tinosFolder, file)
    doc.registerFont(FONTS[key], source)
  }
  doc.font(FONTS.regular)
  return doc
}

/** The whole file, once `doc.end()` has been called by the writer. */
export function pdfBuffer(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

export const pdfResponse = (body: Buffer, filename: string) =>
  fileResponse(body, filename, PDF_TYPE)

// The documents' modules take every kind of download from here.
export { attachment, fileResponse, PDF_TYPE, spreadsheetResponse, XLSX_TYPE } from '../lib/download'

/** How much written PDF may wait for a slow reader before the writer pauses. */
const UNREAD_LIMIT = 512 * 1024

/**
 * Called by a writer between pupils: gives the event loop a turn (the SQLite client answers a
 * local file without one, so a class's file would otherwise leave, and every other request be
 * served, only once it is finished), then waits while the reader has not taken what is written
 * (pdfkit pushes whatever a reader's pace: without this a slow download holds the whole file).
 */
export async function letThePagesGo(doc: PdfDocument): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve))
  while (doc.readableLength > UNREAD_LIMIT && !doc.destroyed) {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * Streams the document while `write` adds its pages, then ends it. A failure half-way aborts the
 * stream (the client sees a broken download, never a truncated file that looks whole).
 */
export function pdfStreamResponse(
  doc: PdfDocument,
  filename: string,
  write: (doc: PdfDocument) => Promise<void>,
): Response {
  write(doc).then(
    () => doc.end(),
    (error: unknown) => doc.destroy(error instanceof Error ? error : new Error(String(error))),
  )
  const body = Readable.toWeb(doc) as unknown as ReadableStream<Uint8Array>
  return new Response(body, {
    status: 200,
    headers: {
      ...PRIVATE_FILE_HEADERS,
      'Content-Type': PDF_TYPE,
      'Content-Disposition': attachment(filename),
    },
  })
}
