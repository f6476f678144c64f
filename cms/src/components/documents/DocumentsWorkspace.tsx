'use client'

import { Banner, Button, SelectInput } from '@payloadcms/ui'
import { PERIOD_LABELS, PERIODS } from '@school/shared'
import { useCallback, useEffect, useState } from 'react'

import type { DocumentClass, DocumentClasses } from '../../documents/classes-endpoint'
import { PupilTranscripts } from './PupilTranscripts'
import { SigningPanel } from './SigningPanel'
import { MoetPanel } from './MoetPanel'
import { ArchivePanel } from './ArchivePanel'

const NETWORK_PROBLEM = 'Không kết nối được máy chủ, hãy thử lại.'

async function readClasses(url: string): Promise<DocumentClasses | { problem: string }> {
  try {
    const response = await fetch(url, { credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    if (!response.ok) return { problem: body.errors?.[0]?.message ?? `HTTP ${response.status}` }
    return body as DocumentClasses
  } catch {
    return { problem: NETWORK_PROBLEM }
  }
}

const query = (values: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(values).map(([key, value]) => [key, String(value)])).toString()

/**
 * Choose a school year and a class; download what the user may make of it. Each download is a
 * plain link to the documented endpoint, so the browser saves the file itself.
 */
export function DocumentsWorkspace({
  api,
  initialClass,
  initialYear,
}: {
  api: string
  initialClass: string | null
  initialYear: string | null
}) {
  const [answer, setAnswer] = useState<DocumentClasses | null>(null)
  const [classId, setClassId] = useState<string | null>(initialClass)
  const [problem, setProblem] = useState<string | null>(null)

  const load = useCallback(
    async (schoolYear: string | null) => {
      const got = await readClasses(
        `${api}/documents/classes${schoolYear ? `?${query({ schoolYear })}` : ''}`,
      )
      if ('problem' in got) {
        setProblem(got.problem)
        return
      }
      setProblem(null)
      setAnswer(got)
      setClassId((current) =>
        got.classes.some((choice) => String(choice.id) === current)
          ? current
          : got.classes[0]
            ? String(got.classes[0].id)
            : null,
      )
    },
    [api],
  )

  useEffect(() => {
    void load(initialYear)
  }, [load, initialYear])

  const chosen: DocumentClass | undefined = answer?.classes.find(
    (choice) => String(choice.id) === classId,
  )
  const schoolYear = answer?.schoolYear ?? null

  return (
    <div>
      {problem && <Banner type="error">{problem}</Banner>}
      <div className="documents-view__pickers">
        <SelectInput
          name="schoolYear"
          path="schoolYear"
          label="Năm học"
          options={(answer?.schoolYears ?? []).map((year) => ({ value: year, label: year }))}
          value={schoolYear ?? undefined}
          isClearable={false}
          onChange={(option) => {
            const value = (option as { value?: string } | null)?.value ?? null
            void load(value)
          }}
        />
        <SelectInput
          name="class"
          path="class"
          label="Lớp"
          options={(answer?.classes ?? []).map((choice) => ({
            value: String(choice.id),
            label: choice.name,
          }))}
          value={classId ?? undefined}
          isClearable={false}
          onChange={(option) => setClassId((option as { value?: string } | null)?.value ?? null)}
        />
      </div>
      {answer && answer.classes.length === 0 && (
        <p>Năm học này không có lớp nào bạn được lập học bạ hoặc báo cáo.</p>
      )}
      {chosen && schoolYear && (
        <>
          {chosen.may.transcripts && (
            <section className="documents-view__section" aria-labelledby="documents-transcripts">
              <h2 id="documents-transcripts">Học bạ</h2>
              <div className="documents-view__links">
                <Button
                  el="anchor"
                  buttonStyle="primary"
                  url={`${api}/transcripts?${query({ class: chosen.id, schoolYear })}`}
                >
                  Học bạ cả lớp (PDF)
                </Button>
              </div>
              <PupilTranscripts api={api} classId={chosen.id} schoolYear={schoolYear} />
            </section>
          )}
          {chosen.may.classSummary && (
            <section className="documents-view__section" aria-labelledby="documents-summaries">
              <h2 id="documents-summaries">Bảng tổng hợp kết quả đánh giá giáo dục</h2>
              <table className="documents-view__table">
                <tbody>
                  {PERIODS.map((period) => (
                    <tr key={period}>
                      <th scope="row">{PERIOD_LABELS[period].vi}</th>
                      {(['pdf', 'xlsx'] as const).map((format) => (
                        <td key={format}>
                          <a
                            href={`${api}/class-summary?${query({
                              class: chosen.id,
                              period,
                              schoolYear,
                              format,
                            })}`}
                          >
                            {format === 'pdf' ? 'PDF' : 'Excel'}
                          </a>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {chosen.may.moetExport && (
            <section className="documents-view__section" aria-labelledby="documents-moet">
              <h2 id="documents-moet">Cơ sở dữ liệu ngành</h2>
              <div className="documents-view__links">
                <Button
                  el="anchor"
                  buttonStyle="secondary"
                  url={`${api}/moet-export?${query({ class: chosen.id, schoolYear })}`}
                >
                  Tệp kết quả học tập của lớp (Excel)
                </Button>
              </div>
            </section>
          )}
          <SigningPanel api={api} chosen={chosen} schoolYear={schoolYear} />
        </>
      )}
      {answer?.may.moetPupilImport && (
        <MoetPanel
          api={api}
          chosen={chosen}
          schoolYear={schoolYear}
          schoolList={answer.may.moetSchoolPupilList}
        />
      )}
      {answer && schoolYear && <ArchivePanel api={api} schoolYear={schoolYear} may={answer.may} />}
    </div>
  )
}
