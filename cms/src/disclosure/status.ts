/**
 * The web admin's view of the public disclosure (Thông tư 09/2024/TT-BGDĐT): for each section of
 * each school year online, whether it is published, due (by when) or late. The computation is
 * `disclosureStatus` in shared; this reads the records it needs.
 */
import type { PayloadRequest } from 'payload'
import {
  DISCLOSURE_SECTIONS,
  disclosureSectionLabel,
  disclosureStatus,
  schoolYearOf,
  schoolYearsOnline,
  type DisclosureSection,
  type DisclosureStatus,
} from '@school/shared'

export interface DisclosureStatusRow extends DisclosureStatus {
  section: DisclosureSection
  label: string
  schoolYear: string
  /** The record, when there is one (a section nobody started has none). */
  id: number | string | null
  stage: string | null
}

/**
 * Sections × school years, from the current one back over the years kept online. Read as the
 * server: the page is for those `disclosurePolicy.statusPage` admits, and shows only stages and
 * dates, never the content.
 */
export async function disclosureStatusRows(
  req: PayloadRequest,
  now: Date = new Date(),
): Promise<DisclosureStatusRow[]> {
  const years = schoolYearsOnline(schoolYearOf(now))
  const { docs } = await req.payload.find({
    collection: 'disclosures',
    where: { schoolYear: { in: years } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {
      section: true,
      schoolYear: true,
      changeDate: true,
      publicationLive: true,
      publishedAt: true,
      publicationStage: true,
    },
    overrideAccess: true,
    req,
  })
  const byKey = new Map(docs.map((doc) => [`${doc.section}:${doc.schoolYear}`, doc]))
  // Every section of the current year; of earlier ones, those the school recorded here (a year
  // from before the system is not judged by what the system never held).
  return years.flatMap((schoolYear, index) =>
    DISCLOSURE_SECTIONS.flatMap((section): DisclosureStatusRow[] => {
      const doc = byKey.get(`${section}:${schoolYear}`)
      if (!doc && index > 0) return []
      const row: DisclosureStatusRow = {
        section,
        label: disclosureSectionLabel(section),
        schoolYear,
        id: doc?.id ?? null,
        stage: doc?.publicationStage ?? null,
        ...disclosureStatus({
          schoolYear,
          live: doc?.publicationLive === true,
          publishedAt: doc?.publishedAt ?? null,
          changeDate: doc?.changeDate ?? null,
          now,
        }),
      }
      return [row]
    }),
  )
}
