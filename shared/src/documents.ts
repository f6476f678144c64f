/**
 * The documents the school prints and files from its records (TT27 Điều 13, Phụ lục 1–2;
 * the school's regulation Điều 6, 8, 13, 14.2): their kinds, as the audit log and the archive
 * name them, and the steps of a class's digital transcripts (học bạ số).
 */
type Labels<K extends string> = Record<K, { vi: string; en: string }>

export const DOCUMENT_KINDS = [
  'transcript',
  'class-summary',
  'moet-results',
  'moet-pupils',
  'moet-pupil-import',
  'signed-summary',
  'class-list',
  'assessment-grid',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]
export const DOCUMENT_KIND_LABELS: Labels<DocumentKind> = {
  transcript: { vi: 'Học bạ', en: 'Transcript' },
  'class-summary': { vi: 'Bảng tổng hợp kết quả đánh giá', en: 'Class summary' },
  'moet-results': { vi: 'Tệp kết quả CSDL ngành', en: "Ministry's results file" },
  'moet-pupils': { vi: 'Danh sách học sinh CSDL ngành', en: "Ministry's pupil list" },
  'moet-pupil-import': { vi: 'Nhập danh sách học sinh CSDL ngành', en: 'Ministry pupil import' },
  'signed-summary': { vi: 'Bảng tổng hợp có chữ ký', en: 'Signed class summary' },
  'class-list': { vi: 'Danh sách lớp', en: 'Class list' },
  'assessment-grid': { vi: 'Bảng nhập kết quả (Excel)', en: 'Assessment grid (Excel)' },
}

/**
 * Học bạ số (Công văn 119/BGDĐT-GDTH): the homeroom teacher confirms a class's transcripts of a
 * year, then the principal signs them; the steps in this order, each once.
 */
export const TRANSCRIPT_SIGNING_STEPS = ['homeroom', 'principal'] as const
export type TranscriptSigningStep = (typeof TRANSCRIPT_SIGNING_STEPS)[number]
export const TRANSCRIPT_SIGNING_STEP_LABELS: Labels<TranscriptSigningStep> = {
  homeroom: { vi: 'Giáo viên chủ nhiệm xác nhận', en: 'Homeroom teacher confirmed' },
  principal: { vi: 'Hiệu trưởng ký', en: 'Principal signed' },
}
