'use client'

import { useEffect, useState } from 'react'

interface Pupil {
  id: number
  fullName: string
}

/**
 * One pupil's transcript of the year, for each pupil of the class's file (a pupil who transfers
 * out takes theirs): the list from `GET /api/documents/pupils`, each a plain download link.
 */
export function PupilTranscripts({
  api,
  classId,
  schoolYear,
}: {
  api: string
  classId: number
  schoolYear: string
}) {
  const [pupils, setPupils] = useState<Pupil[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    const query = new URLSearchParams({ class: String(classId), schoolYear }).toString()
    setPupils(null)
    setProblem(null)
    fetch(`${api}/documents/pupils?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!current) return
        if (!response.ok) setProblem(body.errors?.[0]?.message ?? `HTTP ${response.status}`)
        else setPupils(body.pupils as Pupil[])
      })
      .catch(() => current && setProblem('Không kết nối được máy chủ, hãy thử lại.'))
    return () => {
      current = false
    }
  }, [api, classId, schoolYear])

  if (problem) return <p role="status">{problem}</p>
  if (!pupils) return null
  return (
    <details>
      <summary>Học bạ từng học sinh ({pupils.length})</summary>
      <ol>
        {pupils.map((pupil) => (
          <li key={pupil.id}>
            <a
              href={`${api}/transcripts/${pupil.id}?${new URLSearchParams({ schoolYear })}`}
              aria-label={`Học bạ của ${pupil.fullName} (PDF)`}
            >
              {pupil.fullName}
            </a>
          </li>
        ))}
      </ol>
    </details>
  )
}
