/**
 * `npm run bench:archive [-- --classes 30 --pupils 35]`: the whole school's year-end send to the
 * electronic archive (issue 12, point 9: "in minutes with progress shown; memory flat"). Not
 * part of `npm test`: it measures, it does not check.
 *
 * On a scratch SQLite file (schema pushed as the integration tests run it), it makes a school
 * year of N classes, each approved and signed by the principal, and an IT teacher; then sends
 * the year through the archive's own code (`documents/archive.ts`, as `POST /api/archive/send`
 * does after the policy) and follows the entry's progress as the page does, sampling the
 * process's memory after each class. Each class's documents are made by a stand-in producer of
 * the real size: one PDF of `pupils` transcript pages and three summaries (the real producers
 * of the transcript and summary modules replace it at merge: pass `--producer year-end`).
 *
 * Prints the time per class, the whole send, and the heap and RSS after the first classes and
 * at the end: memory is flat when the last is close to the first.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'

import type { ArchiveDocument, ArchiveProducer } from '../../../cms/src/documents/archive-producers'

const { values: options } = parseArgs({
  options: {
    classes: { type: 'string', default: '30' },
    pupils: { type: 'string', default: '35' },
    producer: { type: 'string', default: 'stand-in' },
    keep: { type: 'boolean', default: false },
  },
})
const classCount = Number(options.classes)
const pupilCount = Number(options.pupils)

const scratch = mkdtempSync(path.join(os.tmpdir(), 'school-bench-archive-'))
process.env.DATABASE_URL = `file:${path.join(scratch, 'school.db')}`
process.env.MEDIA_DIR = path.join(scratch, 'media')
process.env.ARCHIVE_DIR = path.join(scratch, 'archive')
process.env.PAYLOAD_SECRET ||= 'bench-archive-secret'
process.env.SEED_DEMO = 'false'
delete process.env.SITE_SOURCE_DIR

const { createLocalReq, getPayload } = await import('payload')
const config = (await import('@payload-config')).default
const payload = await getPayload({ config })
const archive = await import('../../../cms/src/documents/archive')
const producers = await import('../../../cms/src/documents/archive-producers')
const { FONTS, newPdf, pdfBuffer } = await import('../../../cms/src/documents/pdf')
const { withFlag } = await import('../../../cms/src/lib/request-flags')

const schoolYear = '2020-2021'
const itTeacher = await payload.create({
  collection: 'users',
  data: {
    fullName: 'Giáo viên Tin học',
    email: 'it@bench.giathuong.edu.vn',
    password: 'Bench@Archive2024',
    roles: ['it_teacher'],
  },
  overrideAccess: true,
})
const principal = await payload.create({
  collection: 'users',
  data: {
    fullName: 'Hiệu trưởng',
    email: 'principal@bench.giathuong.edu.vn',
    password: 'Bench@Archive2024',
    roles: ['principal'],
  },
  overrideAccess: true,
})
const setupReq = await createLocalReq({}, payload)
for (let at = 0; at < classCount; at += 1) {
  const grade = (at % 5) + 1
  const group = await payload.create({
    collection: 'groups',
    data: {
      name: `Lớp ${grade}${String.fromCharCode(65 + Math.floor(at / 5))} (${schoolYear})`,
      kind: 'class',
      grade,
      schoolYear,
    },
    overrideAccess: true,
  })
  // What the principal's approval and signing record (their endpoints, other parts).
  await withFlag(setupReq, 'assessmentConfirmation', () =>
    payload.create({
      collection: 'assessment-confirmations',
      data: {
        class: group.id,
        schoolYear,
        period: 'end',
        scope: 'year-end',
        kind: 'approved',
        by: principal.id,
      },
      overrideAccess: true,
      req: setupReq,
    }),
  )
  await payload.create({
    collection: 'transcript-signatures',
    data: {
      class: group.id,
      schoolYear,
      step: 'principal',
      by: principal.id,
      signerName: 'Hiệu trưởng',
    },
    overrideAccess: true,
  })
}

/** A PDF of `pages` pages of Vietnamese text, about the size of a transcript page each. */
async function pagesPdf(title: string, pages: number): Promise<Buffer> {
  const doc = newPdf({ title })
  const done = pdfBuffer(doc)
  for (let page = 0; page < pages; page += 1) {
    if (page > 0) doc.addPage()
    doc
      .font(FONTS.bold)
      .fontSize(14)
      .text(`${title} · trang ${page + 1}`, { align: 'center' })
    doc.font(FONTS.regular).fontSize(11)
    for (let line = 0; line < 30; line += 1) {
      doc.text(`Tiếng Việt: Hoàn thành tốt · Toán: 9 · Đạo đức: Hoàn thành · nhận xét ${line}`)
    }
  }
  doc.end()
  return done
}

const standIn: ArchiveProducer = async (_req, schoolClass) => {
  const documents: ArchiveDocument[] = [
    {
      filename: 'hoc-ba.pdf',
      kind: 'transcript',
      body: await pagesPdf(`Học bạ ${schoolClass.name}`, pupilCount * 4),
      contentType: 'application/pdf',
    },
  ]
  for (const period of ['end1', 'end'] as const) {
    documents.push({
      filename: `tong-hop-${period}.pdf`,
      kind: 'class-summary',
      body: await pagesPdf(`Bảng tổng hợp ${schoolClass.name} ${period}`, 2),
      contentType: 'application/pdf',
      period,
    })
  }
  return documents
}
const restore = archive.useArchiveProducer(
  options.producer === 'year-end' ? producers.yearEndProducer : standIn,
)

const req = await createLocalReq({ user: { ...itTeacher, collection: 'users' } }, payload)
const classes = await archive.classesOfYear(req, schoolYear)
const refused = await archive.notFinalClasses(req, classes)
if (refused.length > 0) throw new Error(`Not final: ${refused.map((c) => c.name).join(', ')}`)

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
const samples: Array<{ done: number; ms: number; heap: number; rss: number }> = []
const started = performance.now()
const entry = await archive.startYearEndSend(req, schoolYear, classes)
let lastDone = -1
const settled = archive.archiveSettled(entry.id)
let finished = false
void settled.then(() => (finished = true))
while (!finished) {
  // What the page shows, asked as it asks (the entry's progress), every 100 ms here.
  const now = await payload.findByID({ collection: 'archive-entries', id: entry.id, depth: 0 })
  const done = now.progress?.done ?? 0
  if (done !== lastDone) {
    // With --expose-gc (npm run bench:archive sets it) the heap is what is still held.
    globalThis.gc?.()
    const memory = process.memoryUsage()
    samples.push({ done, ms: performance.now() - started, heap: memory.heapUsed, rss: memory.rss })
    process.stdout.write(`\r${done}/${classCount} lớp · ${mb(memory.rss)} MB RSS   `)
    lastDone = done
  }
  await new Promise((resolve) => setTimeout(resolve, 100))
}
const total = performance.now() - started
const final = await payload.findByID({ collection: 'archive-entries', id: entry.id, depth: 1 })
restore()
const files = (final.files ?? []).map((row) => row.file as { byteSize?: number | null })
globalThis.gc?.()
const bytes = files.reduce((sum, file) => sum + (file.byteSize ?? 0), 0)
const memory = process.memoryUsage()
samples.push({ done: classCount, ms: total, heap: memory.heapUsed, rss: memory.rss })
const early = samples.find((sample) => sample.done >= Math.min(3, classCount)) ?? samples[0]
const peakRss = Math.max(...samples.map((sample) => sample.rss))
console.log(
  [
    '',
    `Archive send: ${classCount} classes × ${pupilCount} pupils, status ${final.status}`,
    `  ${files.length} files, ${mb(bytes)} MB, in ${(total / 1000).toFixed(1)} s ` +
      `(${(total / classCount / 1000).toFixed(2)} s per class)`,
    `  heap after ${early.done} classes ${mb(early.heap)} MB, at the end ${mb(memory.heapUsed)} MB`,
    `  RSS after ${early.done} classes ${mb(early.rss)} MB, peak ${mb(peakRss)} MB`,
  ].join('\n'),
)
await payload.destroy()
if (!options.keep) rmSync(scratch, { recursive: true, force: true })
else console.log(`  kept ${scratch}`)
process.exit(0)
