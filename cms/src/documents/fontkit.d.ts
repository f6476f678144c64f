/** The part of fontkit (pdfkit's own font engine, no types of its own) the PDFs use. */
declare module 'fontkit' {
  export interface Font {
    layout: (text: string, features?: unknown) => unknown
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font
}
