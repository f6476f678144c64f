/**
 * The CMS killed in the middle of the start-of-year import (issue 13 point 7). Transactions are
 * off on SQLite (db.ts), so part of the file stays written. "Intact" here: the database passes
 * SQLite's integrity check and holds everything it held before; the next start marks the run
 * interrupted and the import page says to import the same file again; that rerun writes what is
 * missing, every pupil of the file once, nobody twice, no proposal filed twice.
 */
import { rmSync } from 'node:fs'
import { schoolYearOf } from '@school/shared'
import { afterAll, describe, expect, it } from 'vitest'

import { importPupils, importWorkbook } from '../fixtures/import-workbook'
import { demoSchool, login, startProduct, type RunningProduct } from './support/product'
import { inspectDatabase, waitForAsync } from './support/faults'

const PORT = 3365
const running: RunningProduct[] = []
const folders: string[] = []

afterAll(async () => {
  for (const product of running) await product.stop()
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

interface ImportLine {
  type: 'progress' | 'summary' | 'failed'
  done?: number
  total?: number
  summary?: Record<string, Record<string, number>>
  message?: string
}

/** Posts the file and reads its progress lines to the end (or to the kill of the server). */
async function postImport(cmsURL: string, auth: string, file: Buffer): Promise<ImportLine[]> {
  const response = await fetch(`${cmsURL}/api/records-import`, {
    method: 'POST',
    headers: { Authorization: auth, 'Content-Type': XLSX },
    body: new Uint8Array(file),
  })
  expect(response.headers.get('content-type')).toContain('ndjson')
  const lines: ImportLine[] = []
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return lines
      buffered += decoder.decode(value, { stream: true })
      const complete = buffered.split('\n')
      buffered = complete.pop() ?? ''
      for (const text of complete.filter(Boolean)) {
        const line = JSON.parse(text) as ImportLine
        lines.push(line)
      }
    }
  } catch {
    // The server was killed: the connection ends without a summary.
    return lines
  }
}

/** The file's pupils written so far, by the counts per class the IT teacher reads (no names). */
async function importedSoFar(cmsURL: string, auth: string): Promise<number> {
  const response = await fetch(`${cmsURL}/api/pupil-statistics`, {
    headers: { Authorization: auth },
  }).catch(() => null) // A connection the server closed as idle: asked again on the next poll.
  if (!response?.ok) return 0
  const { classes } = (await response.json()) as {
    classes: Array<{ class: string; total: number }>
  }
  return classes
    .filter((row) => /^Lớp [1-5]C$/.test(row.class))
    .reduce((sum, row) => sum + row.total, 0)
}

/** Everything but the import's own writes, to see that nothing else was lost or doubled. */
const SNAPSHOT = [
  "SELECT id, student_code, full_name FROM students WHERE student_code NOT LIKE 'IMP%'",
  "SELECT count(*) FROM students_guardians WHERE _parent_id IN (SELECT id FROM students WHERE student_code NOT LIKE 'IMP%')",
  'SELECT id, email FROM users',
  'SELECT id, title, _status FROM posts',
  'SELECT id, email FROM staff_profiles',
  "SELECT id, name FROM groups WHERE name NOT LIKE 'Lớp _C'",
].join('; ')

describe('the CMS killed in the middle of the records import', () => {
  it('keeps the database whole; the next start says so; the same file again finishes it once', async () => {
    const dataDir = await demoSchool(PORT)
    folders.push(dataDir)
    const schoolYear = schoolYearOf(new Date())
    const pupils = importPupils(600, Number(schoolYear.slice(0, 4)))
    const file = await importWorkbook({
      schoolYear,
      pupils,
      homeroomEmail: 'homeroom_teacher@demo.giathuong.edu.vn',
    })
    const before = inspectDatabase(dataDir, [])
    const untouched = before.query(SNAPSHOT)

    const first = await startProduct({ dataDir, port: PORT + 1 })
    running.push(first)
    const itTeacher = await login(first.cmsURL, 'it_teacher')
    // Killed once a good part of the pupils is written, while the rest is being written. (The
    // progress lines reach the client only at the end under `next start`: the CMS is asked.)
    const importing = postImport(first.cmsURL, itTeacher, file)
    await waitForAsync(
      async () => (await importedSoFar(first.cmsURL, itTeacher)) >= 200,
      'the import to write 200 pupils',
      120_000,
      first,
    )
    await first.kill()
    const cut = await importing
    running.pop()
    expect(cut.some((line) => line.type === 'summary')).toBe(false)

    const afterKill = inspectDatabase(dataDir, [])
    expect(afterKill.integrity).toEqual(['ok'])
    expect(afterKill.query(SNAPSHOT)).toBe(untouched)
    const written = Number(
      afterKill.query("SELECT count(*) FROM students WHERE student_code LIKE 'IMP%'"),
    )
    console.info(`The kill came after ${written} of the file's 600 pupils were written`)
    expect(written).toBeGreaterThanOrEqual(190)
    expect(written).toBeLessThan(600)

    const second = await startProduct({ dataDir, port: PORT + 2 })
    running.push(second)
    const auth = await login(second.cmsURL, 'it_teacher')
    const lastRun = await fetch(`${second.cmsURL}/api/records-import/last-run`, {
      headers: { Authorization: auth },
    })
    expect(lastRun.status).toBe(200)
    const told = (await lastRun.json()) as { run: { status: string }; message: string }
    expect(told.run.status).toBe('interrupted')
    expect(told.message).toMatch(/bị ngắt giữa chừng .* Hãy nhập lại đúng tệp đó/)
    // Only the importers are told about imports.
    const teacher = await login(second.cmsURL, 'homeroom_teacher')
    const refused = await fetch(`${second.cmsURL}/api/records-import/last-run`, {
      headers: { Authorization: teacher },
    })
    expect(refused.status).toBe(403)

    const rerun = await postImport(second.cmsURL, auth, file)
    const summary = rerun.at(-1)!
    expect(summary.type).toBe('summary')
    expect(summary.message).toMatch(/^Lần nhập trước bị ngắt giữa chừng nay đã được hoàn tất\./)
    expect(summary.summary!.pupils).toEqual({ created: 600 - written, existing: written })
    expect(summary.summary!.classes).toMatchObject({ created: 0, proposed: 0 })
    const doneRun = await fetch(`${second.cmsURL}/api/records-import/last-run`, {
      headers: { Authorization: auth },
    })
    expect(((await doneRun.json()) as { run: { status: string } }).run.status).toBe('done')
    await second.stop()
    running.pop()

    const after = inspectDatabase(dataDir, [])
    expect(after.integrity).toEqual(['ok'])
    expect(after.query(SNAPSHOT)).toBe(untouched)
    const codes = after
      .query("SELECT student_code FROM students WHERE student_code LIKE 'IMP%' ORDER BY 1")
      .split('\n')
    expect(codes).toEqual(pupils.map((pupil) => pupil.studentCode).sort())
    // Each new class once, each proposal once (the homeroom teacher of 3C).
    expect(after.query("SELECT count(*) FROM groups WHERE name LIKE 'Lớp _C'")).toBe('5')
    expect(
      after.query(
        'SELECT count(*) FROM (SELECT fingerprint FROM import_proposals ' +
          'GROUP BY fingerprint, status HAVING count(*) > 1)',
      ),
    ).toBe('0')
    // A pupil is written in several statements (its row, then its guardians): the one the kill
    // may have cut between them lacks guardians; every other pupil has the file's guardian.
    const withoutGuardian = after.query(
      "SELECT count(*) FROM students WHERE student_code LIKE 'IMP%' AND id NOT IN " +
        '(SELECT _parent_id FROM students_guardians)',
    )
    expect(Number(withoutGuardian)).toBeLessThanOrEqual(1)
  })
})
