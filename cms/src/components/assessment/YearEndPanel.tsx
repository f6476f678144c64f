'use client'

import { Banner, Button, SelectInput, TextInput, TextareaInput, toast } from '@payloadcms/ui'
import {
  YEAR_RESULT_LABELS,
  formatDateVi,
  type GridLock,
  type YearEndMissing,
} from '@school/shared'
import { useCallback, useEffect, useState } from 'react'

import type { ClassYear, PupilYear } from '../../assessment/year-end'

type Option = { value: string; label: string }

interface ClassChoice {
  id: number
  name: string
  grade: number
  schoolYear: string
}

type ClassYearAnswer = ClassYear & {
  may: { approve: boolean; editRecords: boolean; lock: GridLock | null }
}

interface Draft {
  comment: string
  award: string
  awardNote: string
  promotion: string
}

const MISSING_WORD: Record<YearEndMissing['kind'], string> = {
  subject: 'mức',
  score: 'điểm KTĐK',
  trait: 'mức',
}

const LOCK_TEXT: Partial<Record<GridLock, string>> = {
  closed: 'Đã hết thời gian nhập cuối năm: muốn sửa, hãy gửi đề nghị điều chỉnh.',
  not_open: 'Chưa đến thời gian nhập cuối năm.',
  no_window: 'Ban giám hiệu chưa đặt thời gian nhập cuối năm.',
}

const draftOf = (pupil: PupilYear): Draft => ({
  comment: pupil.record?.comment ?? '',
  award: pupil.record?.award ?? '',
  awardNote: pupil.record?.awardNote ?? '',
  promotion: pupil.record?.promotion ?? '',
})

/** The first missing entries above the table; each pupil's row lists all of theirs. */
const SHOWN_MISSING = 12

const NETWORK_PROBLEM = 'Không kết nối được máy chủ, hãy thử lại.'

/** A fetch that answers a network failure like a refused request, so the page can say so. */
async function call(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'include', ...init })
  } catch {
    return Response.json({ errors: [{ message: NETWORK_PROBLEM }] }, { status: 503 })
  }
}

async function readJson(response: Response): Promise<{
  errors?: Array<{ message?: string; data?: { missing?: ClassYear['missing'] } }>
  [key: string]: unknown
}> {
  return response.json().catch(() => ({}))
}

const missingText = (missing: YearEndMissing[]) =>
  missing.map((item) => `${MISSING_WORD[item.kind]} ${item.name}`).join(', ')

/**
 * The class's year: choose a year and a class, read each pupil's result beside its reason and
 * what is missing, keep the homeroom teacher's part, and (the principal) approve.
 */
export function YearEndPanel({
  api,
  awards,
  promotions,
  rule,
  initialClass,
  initialYear,
}: {
  api: string
  awards: Option[]
  promotions: Option[]
  rule: string[]
  /** From the page's address (`?class=…&schoolYear=…`), so a class's year can be linked to. */
  initialClass: string | null
  initialYear: string | null
}) {
  const [schoolYears, setSchoolYears] = useState<string[]>([])
  const [schoolYear, setSchoolYear] = useState<string | null>(null)
  const [classes, setClasses] = useState<ClassChoice[]>([])
  const [classId, setClassId] = useState<string | null>(null)
  const [year, setYear] = useState<ClassYearAnswer | null>(null)
  const [drafts, setDrafts] = useState<Record<number, Draft>>({})
  const [saving, setSaving] = useState<number | null>(null)
  const [approving, setApproving] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)

  const loadClasses = useCallback(
    async (wanted: string | null) => {
      const query = wanted ? `?schoolYear=${encodeURIComponent(wanted)}` : ''
      const response = await call(`${api}/year-end${query}`)
      const body = await readJson(response)
      setLoaded(true)
      if (!response.ok) {
        setProblem(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      setSchoolYears(body.schoolYears as string[])
      setSchoolYear(body.schoolYear as string | null)
      const choices = body.classes as ClassChoice[]
      setClasses(choices)
      setClassId((current) => {
        const wanted = current ?? initialClass
        if (choices.some((choice) => String(choice.id) === wanted)) return wanted
        return choices[0] ? String(choices[0].id) : null
      })
    },
    [api, initialClass],
  )

  const loadYear = useCallback(
    async (id: string) => {
      const response = await call(`${api}/year-end/${id}`)
      const body = await readJson(response)
      if (!response.ok) {
        setYear(null)
        setProblem(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      const answer = body as unknown as ClassYearAnswer
      setProblem(null)
      setYear(answer)
      setDrafts(
        Object.fromEntries(answer.pupils.map((pupil) => [pupil.student.id, draftOf(pupil)])),
      )
    },
    [api],
  )

  useEffect(() => {
    void loadClasses(initialYear)
  }, [loadClasses, initialYear])
  useEffect(() => {
    if (classId !== null) void loadYear(classId)
  }, [classId, loadYear])

  const editable = Boolean(year && year.may.editRecords && year.may.lock === null)

  function setDraft(pupil: number, change: Partial<Draft>) {
    setDrafts((current) => ({ ...current, [pupil]: { ...current[pupil]!, ...change } }))
  }

  async function save(pupil: PupilYear) {
    if (!year) return
    const draft = drafts[pupil.student.id]!
    const fields = {
      comment: draft.comment.trim() || null,
      award: draft.award || null,
      awardNote: draft.awardNote.trim() || null,
      promotion: draft.promotion || null,
    }
    setSaving(pupil.student.id)
    try {
      const response = pupil.record
        ? await call(`${api}/year-end-results/${pupil.record.id}`, {
            method: 'PATCH',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(fields),
          })
        : await call(`${api}/year-end-results`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({
              ...fields,
              student: pupil.student.id,
              class: year.class.id,
              schoolYear: year.schoolYear,
            }),
          })
      const body = await readJson(response)
      if (!response.ok) {
        // The draft stays as typed: nothing is lost on a refused save.
        toast.error(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        return
      }
      toast.success(`Đã lưu: ${pupil.student.fullName}`)
      await loadYear(String(year.class.id))
    } finally {
      setSaving(null)
    }
  }

  async function approve() {
    if (!year) return
    setApproving(true)
    try {
      const response = await call(`${api}/year-end/${year.class.id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: 'approve', schoolYear: year.schoolYear }),
      })
      const body = await readJson(response)
      if (!response.ok) {
        toast.error(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        await loadYear(String(year.class.id))
        return
      }
      toast.success('Đã phê duyệt kết quả năm học của lớp.')
      const answer = body as unknown as ClassYearAnswer
      setYear(answer)
    } finally {
      setApproving(false)
    }
  }

  const classOptions = classes.map((choice) => ({ value: String(choice.id), label: choice.name }))
  const yearOptions = schoolYears.map((value) => ({ value, label: value }))

  return (
    <div className="year-end-panel">
      <div className="year-end-view__pickers">
        <SelectInput
          name="schoolYear"
          path="schoolYear"
          label="Năm học"
          options={yearOptions}
          value={schoolYear ?? undefined}
          isClearable={false}
          onChange={(option) => {
            const value = (option as { value?: string } | null)?.value ?? null
            void loadClasses(value)
          }}
        />
        <SelectInput
          name="class"
          path="class"
          label="Lớp"
          options={classOptions}
          value={classId ?? undefined}
          isClearable={false}
          onChange={(option) => {
            const value = (option as { value?: string } | null)?.value
            if (value) setClassId(value)
          }}
        />
      </div>
      {problem && <Banner type="error">{problem}</Banner>}
      {!loaded && <p>Đang tải…</p>}
      {loaded && classes.length === 0 && !problem && (
        <p>Không có lớp nào để xem trong năm học này.</p>
      )}
      {year && (
        <YearTable
          year={year}
          drafts={drafts}
          editable={editable}
          saving={saving}
          approving={approving}
          awards={awards}
          promotions={promotions}
          onDraft={setDraft}
          onSave={(pupil) => void save(pupil)}
          onApprove={() => void approve()}
        />
      )}
      <details className="year-end-view__rule">
        <summary>Cách tính kết quả (TT27 Điều 9.2)</summary>
        <ul>
          {rule.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </div>
  )
}

function YearTable({
  year,
  drafts,
  editable,
  saving,
  approving,
  awards,
  promotions,
  onDraft,
  onSave,
  onApprove,
}: {
  year: ClassYearAnswer
  drafts: Record<number, Draft>
  editable: boolean
  saving: number | null
  approving: boolean
  awards: Option[]
  promotions: Option[]
  onDraft: (pupil: number, change: Partial<Draft>) => void
  onSave: (pupil: PupilYear) => void
  onApprove: () => void
}) {
  const { approval, may } = year
  const complete = year.missing.length === 0
  return (
    <section aria-labelledby="year-end-class-title">
      <h2 id="year-end-class-title">
        {year.class.name}, năm học {year.schoolYear}
      </h2>
      {approval.approved ? (
        <Banner type="success">
          Đã phê duyệt bởi {approval.by?.fullName ?? 'Hiệu trưởng'} lúc{' '}
          {approval.at ? formatDateVi(approval.at) : ''}
          {approval.at ? ` ${new Date(approval.at).toLocaleTimeString('vi-VN')}` : ''}. Kết quả năm
          học của lớp chỉ còn sửa được qua đề nghị điều chỉnh do Hiệu trưởng duyệt.
        </Banner>
      ) : (
        may.lock &&
        LOCK_TEXT[may.lock] &&
        may.editRecords && <Banner type="info">{LOCK_TEXT[may.lock]}</Banner>
      )}
      {may.approve && !approval.approved && (
        <div className="year-end-view__approve">
          <Button buttonStyle="primary" disabled={!complete || approving} onClick={onApprove}>
            Phê duyệt kết quả năm học
          </Button>
          {!complete && (
            <div className="year-end-view__missing" role="status">
              <strong>Còn {year.missing.length} mục chưa nhập, chưa thể phê duyệt:</strong>
              <ul>
                {year.missing.slice(0, SHOWN_MISSING).map((item) => (
                  <li key={`${item.student}:${item.kind}:${item.code}`}>
                    {item.fullName}: {MISSING_WORD[item.kind]} {item.name}
                  </li>
                ))}
                {year.missing.length > SHOWN_MISSING && (
                  <li>… và {year.missing.length - SHOWN_MISSING} mục khác (xem cột Còn thiếu)</li>
                )}
              </ul>
            </div>
          )}
        </div>
      )}
      <table className="year-end-view__table">
        <thead>
          <tr>
            <th scope="col">Học sinh</th>
            <th scope="col" className="year-end-view__result">
              Kết quả
            </th>
            <th scope="col" className="year-end-view__reasons">
              Lý do
            </th>
            <th scope="col">Còn thiếu</th>
            <th scope="col">Nhận xét, khen thưởng, lên lớp</th>
          </tr>
        </thead>
        <tbody>
          {year.pupils.map((pupil) => {
            const draft = drafts[pupil.student.id] ?? draftOf(pupil)
            const result = approval.approved ? (pupil.record?.result ?? pupil.result) : pupil.result
            const id = pupil.student.id
            return (
              <tr key={id} data-pupil={pupil.student.studentCode}>
                <th scope="row">
                  {pupil.student.fullName}
                  <div className="year-end-view__code">{pupil.student.studentCode}</div>
                </th>
                <td>
                  {result ? (
                    <span title={YEAR_RESULT_LABELS[result].vi}>
                      <strong>{result}</strong> {YEAR_RESULT_LABELS[result].vi}
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{pupil.reasons.join('; ')}</td>
                <td className="year-end-view__missing-cell">{missingText(pupil.missing)}</td>
                <td className="year-end-view__record">
                  {editable ? (
                    <>
                      <TextareaInput
                        path={`comment-${id}`}
                        label="Nhận xét cuối năm"
                        rows={2}
                        value={draft.comment}
                        onChange={(event) => onDraft(id, { comment: event.target.value })}
                      />
                      <SelectInput
                        name={`award-${id}`}
                        path={`award-${id}`}
                        label="Đề nghị khen thưởng"
                        options={awards}
                        value={draft.award || undefined}
                        onChange={(option) =>
                          onDraft(id, {
                            award: (option as { value?: string } | null)?.value ?? '',
                          })
                        }
                      />
                      <TextInput
                        path={`awardNote-${id}`}
                        label="Thành tích nổi bật"
                        value={draft.awardNote}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          onDraft(id, { awardNote: event.target.value })
                        }
                      />
                      <SelectInput
                        name={`promotion-${id}`}
                        path={`promotion-${id}`}
                        label="Lên lớp / hoàn thành"
                        options={promotions}
                        value={draft.promotion || undefined}
                        onChange={(option) =>
                          onDraft(id, {
                            promotion: (option as { value?: string } | null)?.value ?? '',
                          })
                        }
                      />
                      <Button
                        buttonStyle="secondary"
                        size="small"
                        disabled={saving === id}
                        onClick={() => onSave(pupil)}
                      >
                        Lưu
                      </Button>
                    </>
                  ) : (
                    <RecordSummary pupil={pupil} awards={awards} promotions={promotions} />
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </section>
  )
}

function RecordSummary({
  pupil,
  awards,
  promotions,
}: {
  pupil: PupilYear
  awards: Option[]
  promotions: Option[]
}) {
  const record = pupil.record
  if (!record) return <span>—</span>
  const label = (options: Option[], value: string | null | undefined) =>
    options.find((option) => option.value === value)?.label
  const award = label(awards, record.award)
  const promotion = label(promotions, record.promotion)
  return (
    <div>
      {record.comment && <p>{record.comment}</p>}
      {award && (
        <p>
          Khen thưởng: {award}
          {record.awardNote ? ` (${record.awardNote})` : ''}
        </p>
      )}
      {promotion && <p>{promotion}</p>}
      {record.supplementary?.date && (
        <p>
          Đánh giá bổ sung {formatDateVi(record.supplementary.date)}:{' '}
          {record.supplementary.passed ? 'đã hoàn thành' : 'chưa hoàn thành'}
        </p>
      )}
    </div>
  )
}
