/**
 * One way to answer with a file to download: its type, its size, a file name that survives
 * every browser (Vietnamese marks in `filename*`, an ASCII fallback), and never cached.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const PDF_TYPE = 'application/pdf'

/** `attachment; filename="…"; filename*=UTF-8''…`. */
export function attachment(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
  const plain = ascii.replace(/[^\w.-]+/g, '_')
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/** Headers of every file the CMS sends from pupils' or staff records. */
export const PRIVATE_FILE_HEADERS = {
  'Cache-Control': 'private, no-store',
  'X-Content-Type-Options': 'nosniff',
} as const

/** A finished file. */
export function fileResponse(body: Buffer, filename: string, contentType: string): Response {
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      ...PRIVATE_FILE_HEADERS,
      'Content-Type': contentType,
      'Content-Length': String(body.length),
      'Content-Disposition': attachment(filename),
    },
  })
}

export const spreadsheetResponse = (body: Buffer, filename: string) =>
  fileResponse(body, filename, XLSX_TYPE)
