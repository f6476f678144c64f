/** Labels and options of the periodic test archive (Vietnamese first). */
import {
  HANDOVER_STATUS_LABELS,
  HANDOVER_STATUSES,
  PROGRAMME_SUBJECTS,
  TEST_PAPER_PART_LABELS,
  TEST_PAPER_PARTS,
  TESTED_SUBJECTS,
  optionsOf,
} from '@school/shared'

import type { Message } from '../../lib/messages'

export const ARCHIVE_GROUP = { vi: 'Đề kiểm tra định kỳ', en: 'Periodic tests' }

export const partOptions = optionsOf(TEST_PAPER_PARTS, TEST_PAPER_PART_LABELS)
export const handoverStatusOptions = optionsOf(HANDOVER_STATUSES, HANDOVER_STATUS_LABELS)
export const testedSubjectOptions = TESTED_SUBJECTS.map((subject) => ({
  value: subject.code,
  label: { vi: subject.name, en: subject.name },
}))

export function subjectName(code: unknown): string {
  return PROGRAMME_SUBJECTS.find((subject) => subject.code === code)?.name ?? String(code ?? '')
}

export const TP = {
  schoolYear: { vi: 'Năm học', en: 'School year' },
  grade: { vi: 'Khối', en: 'Grade' },
  subject: { vi: 'Môn học', en: 'Subject' },
  period: { vi: 'Kì kiểm tra', en: 'Checkpoint' },
  part: { vi: 'Thành phần', en: 'Part' },
  title: { vi: 'Tên tài liệu', en: 'Title' },
  note: { vi: 'Ghi chú', en: 'Note' },
  uploadedBy: { vi: 'Người tải lên', en: 'Uploaded by' },
} satisfies Record<string, Message>

export const HO = {
  schoolYear: { vi: 'Năm học', en: 'School year' },
  items: { vi: 'Nội dung bàn giao', en: 'What is handed' },
  setCount: { vi: 'Số bộ đề', en: 'Sets' },
  completeSets: { vi: 'Số bộ đủ 3 thành phần', en: 'Complete sets' },
  fileCount: { vi: 'Số tệp', en: 'Files' },
  handedBy: { vi: 'Người bàn giao', en: 'Handed by' },
  handedAt: { vi: 'Ngày bàn giao', en: 'Handed on' },
  note: { vi: 'Ghi chú của người bàn giao', en: 'Note' },
  status: { vi: 'Trạng thái', en: 'Status' },
  receivedBy: { vi: 'Người nhận', en: 'Received by' },
  receivedAt: { vi: 'Ngày nhận', en: 'Received on' },
  receiptNote: { vi: 'Ghi chú của thư viện (thiếu gì)', en: "Library's note (what is missing)" },
} satisfies Record<string, Message>
