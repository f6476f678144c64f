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
  'archive-file',
  // Law 91/2025: everything the school holds on one pupil, for their guardian.
  'pupil-data',
  // An office register (contests name pupils) as the user may see it.
  'register',
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
  'archive-file': { vi: 'Tệp lưu trữ', en: 'Archived file' },
  'pupil-data': { vi: 'Toàn bộ dữ liệu của một học sinh', en: "All of one pupil's data" },
  register: { vi: 'Sổ, danh sách xuất ra Excel', en: 'Register exported to Excel' },
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

/**
 * The school's electronic archive (Điều 13.2, 14.2): what an entry holds — a year's final
 * transcripts and summaries sent by the IT teacher, or a summary the teachers signed on paper,
 * filed by the clerk (Điều 13.1) — and where it stands. An entry moves forward only, never back.
 */
export const ARCHIVE_ENTRY_KINDS = ['year-end', 'signed-summary'] as const
export type ArchiveEntryKind = (typeof ARCHIVE_ENTRY_KINDS)[number]
export const ARCHIVE_ENTRY_KIND_LABELS: Labels<ArchiveEntryKind> = {
  'year-end': { vi: 'Học bạ và bảng tổng hợp cuối năm', en: 'Year-end transcripts and summaries' },
  'signed-summary': { vi: 'Bảng tổng hợp có chữ ký', en: 'Signed class summary' },
}

export const ARCHIVE_STATUSES = ['preparing', 'sent', 'received', 'failed'] as const
export type ArchiveStatus = (typeof ARCHIVE_STATUSES)[number]
export const ARCHIVE_STATUS_LABELS: Labels<ArchiveStatus> = {
  preparing: { vi: 'Đang chuẩn bị', en: 'Preparing' },
  sent: { vi: 'Đã gửi, chờ văn thư nhận', en: 'Sent, awaiting the clerk' },
  received: { vi: 'Văn thư đã nhận', en: 'Received' },
  failed: { vi: 'Không hoàn thành', en: 'Failed' },
}

/** What a verification finds of each archived file, against the checksum kept at filing. */
export const ARCHIVE_FILE_STATES = ['ok', 'changed', 'missing'] as const
export type ArchiveFileState = (typeof ARCHIVE_FILE_STATES)[number]
