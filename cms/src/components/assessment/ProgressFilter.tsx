'use client'

import { SelectInput } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'
import type { OptionObject } from 'payload'

/** The checkpoint and school year the progress page shows; a change reloads the page's data. */
export function ProgressFilter({
  schoolYear,
  period,
  years,
  periods,
}: {
  schoolYear: string
  period: string
  years: string[]
  periods: OptionObject[]
}) {
  const router = useRouter()
  const pathname = usePathname()
  const go = (next: { schoolYear?: string; period?: string }) => {
    const params = new URLSearchParams({ schoolYear, period, ...next })
    router.push(`${pathname}?${params.toString()}`)
  }
  const valueOf = (option: unknown) =>
    option && typeof option === 'object' && 'value' in option ? String(option.value) : undefined
  return (
    <div className="assessment-progress__filter">
      <SelectInput
        name="period"
        path="period"
        label="Kì đánh giá"
        options={periods}
        value={period}
        isClearable={false}
        onChange={(option) => {
          const value = valueOf(option)
          if (value) go({ period: value })
        }}
      />
      <SelectInput
        name="schoolYear"
        path="schoolYear"
        label="Năm học"
        options={years.map((year) => ({ value: year, label: year }))}
        value={schoolYear}
        isClearable={false}
        onChange={(option) => {
          const value = valueOf(option)
          if (value) go({ schoolYear: value })
        }}
      />
    </div>
  )
}
