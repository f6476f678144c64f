/**
 * Reading back the PDFs the product makes, with Debian's poppler-utils (installed by
 * `npm test`): the text as a reader would copy it, the page count, the embedded fonts, and
 * whether a signature verifies.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

function tempFile(pdf: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pdf-')), 'document.pdf')
  writeFileSync(file, pdf)
  return file
}

/** The text of every page (`-layout`: columns kept where they are on the page). */
export function pdfText(pdf: Uint8Array, options: { layout?: boolean } = {}): string {
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', tempFile(pdf), '-']
  return execFileSync('pdftotext', args, { encoding: 'utf8' })
}

/** One string per page. */
export function pdfPageTexts(pdf: Uint8Array, options: { layout?: boolean } = {}): string[] {
  const pages = pdfText(pdf, options).split('\f')
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages
}

export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', [tempFile(pdf)], { encoding: 'utf8' })
  return Object.fromEntries(
    out
      .split('\n')
      .filter((line) => line.includes(':'))
      .map((line) => {
        const at = line.indexOf(':')
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()]
      }),
  )
}

export const pdfPageCount = (pdf: Uint8Array) => Number(pdfInfo(pdf).Pages)

/** `pdffonts`: each font's name and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean }[] {
  const lines = execFileSync('pdffonts', [tempFile(pdf)], { encoding: 'utf8' }).split('\n')
  return lines
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cells = line.trim().split(/\s+/)
      // name … emb sub uni object ID: "yes"/"no" columns counted from the end.
      return { name: cells[0], embedded: cells.at(-5) === 'yes' }
    })
}

/** `pdfsig`: what poppler's verifier says of each signature (the whole output, and a verdict). */
export function pdfSignatures(pdf: Uint8Array): { output: string; valid: boolean } {
  const result = spawnSync('pdfsig', [tempFile(pdf)], { encoding: 'utf8' })
  const output = `${result.stdout}${result.stderr}`
  return { output, valid: /Signature Validation: Signature is Valid/.test(output) }
}

/** The first page as a PNG at 100 dpi (`pdftoppm`), for a person to look at. */
export function pdfFirstPagePng(pdf: Uint8Array, outFile: string): string {
  const file = tempFile(pdf)
  const prefix = path.join(path.dirname(file), 'page')
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', file, prefix])
  const png = readdirSync(path.dirname(file)).find((name) => name.endsWith('.png'))
  if (!png) throw new Error('pdftoppm made no page')
  execFileSync('cp', [path.join(path.dirname(file), png), outFile])
  return outFile
}
