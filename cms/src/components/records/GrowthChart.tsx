'use client'

import { useConfig, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { formatDateVi } from '@school/shared'
import { useEffect, useState } from 'react'

interface Checkup {
  id: number | string
  date: string
  heightCm?: number | null
  weightKg?: number | null
  bmi?: number | null
}

const TEXT = {
  title: { vi: 'Theo dõi phát triển (chiều cao, cân nặng)', en: 'Growth (height, weight)' },
  none: { vi: 'Chưa có lần khám nào.', en: 'No check-ups yet.' },
  date: { vi: 'Ngày khám', en: 'Date' },
  height: { vi: 'Chiều cao (cm)', en: 'Height (cm)' },
  weight: { vi: 'Cân nặng (kg)', en: 'Weight (kg)' },
}

const WIDTH = 480
const HEIGHT = 140
const PAD = 24

/** A line through the values, scaled to its own range: the shape of growth is what matters. */
function line(values: number[]): string {
  const min = Math.min(...values)
  const max = Math.max(...values)
  const span = max - min || 1
  return values
    .map((value, index) => {
      const x = PAD + (values.length === 1 ? 0 : (index * (WIDTH - 2 * PAD)) / (values.length - 1))
      const y = HEIGHT - PAD - ((value - min) * (HEIGHT - 2 * PAD)) / span
      return `${x.toFixed(1)},${y.toFixed(1)}`
    })
    .join(' ')
}

/**
 * The pupil's check-ups over time (Điều 11), for those allowed to read them: the list comes from
 * the API with the viewer's own rights, so a subject teacher sees nothing here.
 */
export function GrowthChart() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const [checkups, setCheckups] = useState<Checkup[] | null>(null)

  useEffect(() => {
    if (!id) return
    const url = `${config.serverURL ?? ''}${config.routes.api}/health-checkups?where[student][equals]=${id}&sort=date&limit=100&depth=0`
    fetch(url, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then((body: { docs: Checkup[] }) => setCheckups(body.docs))
      .catch(() => setCheckups([]))
  }, [id, config.serverURL, config.routes.api])

  if (!id || checkups === null) return null
  const measured = checkups.filter((checkup) => checkup.heightCm && checkup.weightKg)
  return (
    <section className="growth-chart" aria-labelledby="growth-title" style={{ marginBottom: 24 }}>
      <h3 id="growth-title">{TEXT.title[lang]}</h3>
      {measured.length === 0 ? (
        <p>{TEXT.none[lang]}</p>
      ) : (
        <>
          <svg
            width={WIDTH}
            height={HEIGHT}
            role="img"
            aria-label={TEXT.title[lang]}
            style={{ maxWidth: '100%' }}
          >
            <polyline
              fill="none"
              stroke="#1d4ed8"
              strokeWidth={2}
              points={line(measured.map((c) => c.heightCm!))}
            />
            <polyline
              fill="none"
              stroke="#b45309"
              strokeWidth={2}
              strokeDasharray="4 3"
              points={line(measured.map((c) => c.weightKg!))}
            />
          </svg>
          <table>
            <thead>
              <tr>
                <th scope="col">{TEXT.date[lang]}</th>
                <th scope="col" style={{ color: '#1d4ed8' }}>
                  {TEXT.height[lang]}
                </th>
                <th scope="col" style={{ color: '#b45309' }}>
                  {TEXT.weight[lang]}
                </th>
                <th scope="col">BMI</th>
              </tr>
            </thead>
            <tbody>
              {measured.map((checkup) => (
                <tr key={checkup.id}>
                  <td>{formatDateVi(checkup.date)}</td>
                  <td>{checkup.heightCm}</td>
                  <td>{checkup.weightKg}</td>
                  <td>{checkup.bmi ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
