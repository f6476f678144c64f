/**
 * Demo periodic test archive (Điều 6): last school year's papers, answer keys and matrices as
 * small generated PDFs (Toán and Tiếng Việt at every grade and tested checkpoint, a few other
 * subjects at grades 4–5; one set still lacks its matrix), handed to the library and received;
 * this year's first papers uploaded, still secret (their checkpoint is not over).
 */
import { createLocalReq, type Payload, type PayloadRequest } from 'payload'
import {
  PERIOD_LABELS,
  TEST_PAPER_PARTS,
  hasPeriodicTest,
  previousSchoolYear,
  schoolYearOf,
  type Period,
  type TestPaperPart,
} from '@school/shared'

import { subjectName } from '../collections/test-papers/labels'
import { FONTS, mm, newPdf, pdfBuffer, type PdfDocument } from '../documents/pdf'
import { slugify } from '@school/shared'
import { inOneSqliteWrite } from '../lib/sqlite-write'
import type { User } from '../payload-types'

interface DemoSet {
  schoolYear: string
  grade: number
  subject: string
  period: Period
  parts: readonly TestPaperPart[]
}

/** A few questions a pupil of the grade could meet, made from the set so each paper differs. */
function questionsOf(set: DemoSet): Array<[question: string, answer: string]> {
  const base = set.grade * 10 + PERIOD_ORDER[set.period] * 3
  if (set.subject === 'toan') {
    const a = base + 7
    const b = set.grade * 4 + 3
    return [
      [`Tính: ${a} + ${b} = ?`, String(a + b)],
      [`Tính: ${a * 2} − ${b} = ?`, String(a * 2 - b)],
      [
        `Mỗi hộp có ${set.grade + 2} cái bút. Hỏi ${b} hộp có bao nhiêu cái bút?`,
        `${(set.grade + 2) * b} cái bút`,
      ],
    ]
  }
  if (set.subject === 'tieng-viet') {
    return [
      [
        'Đọc đoạn văn "Buổi sáng trên cánh đồng" và trả lời: cánh đồng có màu gì?',
        'Màu xanh của lúa non',
      ],
      ['Tìm từ chỉ sự vật trong câu: "Đàn cò trắng bay qua cánh đồng."', 'đàn cò, cánh đồng'],
      ['Viết 3–5 câu kể về một việc tốt em đã làm.', 'Đúng chủ đề, câu đủ ý, viết hoa đầu câu'],
    ]
  }
  return [
    [
      `Câu 1 (${subjectName(set.subject)}): nêu một điều em đã học trong kì.`,
      'Nêu đúng một nội dung đã học',
    ],
    ['Câu 2: chọn đáp án đúng (A, B, C hoặc D).', 'B'],
    ['Câu 3: vận dụng vào một tình huống ở gia đình em.', 'Vận dụng hợp lí'],
  ]
}

const PERIOD_ORDER: Record<Period, number> = { mid1: 1, end1: 2, mid2: 3, end: 4 }

function heading(doc: PdfDocument, set: DemoSet, what: string): void {
  // One font per paper: each embedded font costs the seed as much as the rest of the page.
  doc.fontSize(13)
  doc.text(`${what} ${PERIOD_LABELS[set.period].vi.toUpperCase()}`, { align: 'center' })
  doc.font(FONTS.regular).fontSize(11)
  doc.text(`Môn ${subjectName(set.subject)} – Lớp ${set.grade} – Năm học ${set.schoolYear}`, {
    align: 'center',
  })
  doc.moveDown(0.6)
}

function writePart(doc: PdfDocument, set: DemoSet, part: TestPaperPart): void {
  const questions = questionsOf(set)
  if (part === 'paper') {
    heading(doc, set, 'ĐỀ KIỂM TRA')
    doc.text('Thời gian làm bài: 40 phút')
    questions.forEach(([question], index) => doc.text(`Câu ${index + 1}. ${question}`))
    return
  }
  if (part === 'answer_key') {
    heading(doc, set, 'ĐÁP ÁN, HƯỚNG DẪN CHẤM')
    questions.forEach(([, answer], index) =>
      doc.text(`Câu ${index + 1}: ${answer} (${index === 2 ? 4 : 3} điểm)`),
    )
    return
  }
  heading(doc, set, 'MA TRẬN ĐỀ KIỂM TRA')
  const cells = [
    ['Mạch kiến thức', 'Mức 1', 'Mức 2', 'Mức 3', 'Tổng'],
    ['Số câu', '1', '1', '1', '3'],
    ['Số điểm', '3', '3', '4', '10'],
  ]
  const width = mm(30)
  const top = doc.y
  cells.forEach((row, r) =>
    row.forEach((text, c) => {
      const x = doc.page.margins.left + c * width
      const y = top + r * mm(7)
      doc.rect(x, y, width, mm(7)).lineWidth(0.5).stroke()
      doc.text(text, x + 3, y + 5, { width: width - 6, lineBreak: false })
    }),
  )
}

async function demoPdf(set: DemoSet, part: TestPaperPart): Promise<Buffer> {
  // A small page: the demo's papers are a few lines each, and the seed must stay fast.
  const doc = newPdf({
    title: `${part} ${set.subject} ${set.grade} ${set.period} ${set.schoolYear}`,
    margins: { top: mm(15), bottom: mm(15), left: mm(15), right: mm(15) },
    reuseFonts: true,
  })
  const done = pdfBuffer(doc)
  writePart(doc, set, part)
  doc.end()
  return done
}

function setsOfYear(schoolYear: string, periods: readonly Period[], grades: number[]): DemoSet[] {
  const sets: DemoSet[] = []
  for (const grade of grades)
    for (const subject of ['tieng-viet', 'toan'])
      for (const period of periods)
        if (hasPeriodicTest(subject, grade, period))
          sets.push({ schoolYear, grade, subject, period, parts: TEST_PAPER_PARTS })
  return sets
}

async function upload(
  req: PayloadRequest,
  set: DemoSet,
  part: TestPaperPart,
  data: Buffer,
): Promise<void> {
  const name = `${slugify(`${part} ${set.subject} lop ${set.grade} ${set.period} ${set.schoolYear}`)}.pdf`
  await req.payload.create({
    collection: 'test-papers',
    data: {
      schoolYear: set.schoolYear,
      grade: String(set.grade) as '1',
      subject: set.subject as 'toan',
      period: set.period,
      part,
    },
    file: { data, mimetype: 'application/pdf', name, size: data.length },
    overrideAccess: false,
    user: req.user,
    req,
    depth: 0,
  })
}

export async function seedDemoTestPapers(
  payload: Payload,
  staff: Map<string, User>,
): Promise<void> {
  const started = Date.now()
  const viceAcademic = staff.get('vp-academic')
  const librarian = staff.get('librarian')
  if (!viceAcademic || !librarian) return
  const asVice = await createLocalReq({ user: { ...viceAcademic, collection: 'users' } }, payload)
  const thisYear = schoolYearOf(new Date())
  const lastYear = previousSchoolYear(thisYear)
  const past: DemoSet[] = [
    ...setsOfYear(lastYear, ['mid1', 'end1', 'mid2', 'end'], [1, 2, 3, 4, 5]),
    {
      schoolYear: lastYear,
      grade: 4,
      subject: 'khoa-hoc',
      period: 'end1',
      parts: TEST_PAPER_PARTS,
    },
    { schoolYear: lastYear, grade: 4, subject: 'khoa-hoc', period: 'end', parts: TEST_PAPER_PARTS },
    {
      schoolYear: lastYear,
      grade: 5,
      subject: 'lich-su-dia-li',
      period: 'end',
      parts: TEST_PAPER_PARTS,
    },
    // A set the vice-principal never had the matrix of: the archive shows it missing.
    {
      schoolYear: lastYear,
      grade: 5,
      subject: 'ngoai-ngu',
      period: 'end',
      parts: ['paper', 'answer_key'],
    },
  ]
  // This year's end-of-term papers are ready before the test: secret until the checkpoint ends.
  const current = setsOfYear(thisYear, ['end1'], [4, 5])
  const uploads = [...past, ...current].flatMap((set) => set.parts.map((part) => ({ set, part })))
  // The PDFs are made first, then stored in one SQLite write (a transaction per file is slow).
  const files = await Promise.all(uploads.map(({ set, part }) => demoPdf(set, part)))
  const made = Date.now()
  await inOneSqliteWrite(payload, async () => {
    for (const [index, { set, part }] of uploads.entries())
      await upload(asVice, set, part, files[index])
  })
  const handover = await payload.create({
    collection: 'test-paper-handovers',
    data: { schoolYear: lastYear, status: 'handed', note: 'Bàn giao bản giấy kèm tệp PDF.' },
    overrideAccess: false,
    user: asVice.user,
    req: asVice,
  })
  const asLibrarian = await createLocalReq({ user: { ...librarian, collection: 'users' } }, payload)
  await payload.update({
    collection: 'test-paper-handovers',
    id: handover.id,
    data: { status: 'received', receiptNote: 'Thiếu ma trận đề Ngoại ngữ lớp 5 cuối năm.' },
    overrideAccess: false,
    user: asLibrarian.user,
    req: asLibrarian,
  })
  payload.logger.info(
    `Demo test papers seeded in ${Date.now() - started} ms (PDFs ${made - started} ms): ` +
      `${files.length} files, ${lastYear} handed ` +
      'to the library and received.',
  )
}
