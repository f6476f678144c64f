/**
 * What the public sees of a disclosure (Thông tư 09/2024/TT-BGDĐT): its section, school year,
 * text and documents (title, name, size: the site copies the file into its build) and, for last
 * year's results, the aggregates per grade. Nothing else of the record: not who wrote, approved
 * or published it.
 */
import type { PayloadRequest } from 'payload'
import {
  DISCLOSURE_SECTION_INFO,
  disclosureKey,
  disclosurePath,
  disclosureSectionLabel,
  isDisclosureSection,
  previousSchoolYear,
  type DisclosureSection,
  type ResultsAggregate,
} from '@school/shared'

import type { NoticeSource } from '../publication'
import type { Disclosure, DisclosureFile } from '../payload-types'
import { filesOf, markFilesOfDisclosure } from './files'
import { resultsAggregate } from './results'

/** One document as the site lists and copies it. */
export interface DisclosureDocumentData {
  id: string
  title: string
  filename: string
  filesize: number
}

/** The `data` of a disclosure notice, as the site reads it. */
export interface DisclosureNoticeData {
  section: DisclosureSection
  slug: string
  label: string
  article: string
  schoolYear: string
  body: unknown
  documents: DisclosureDocumentData[]
  changeDate: string | null
  /** Last year's results only: the year they are of, and the counts per grade. */
  results?: { schoolYear: string; aggregate: ResultsAggregate }
}

function documentsOf(doc: Disclosure): DisclosureDocumentData[] {
  return (doc.documents ?? []).flatMap((row) => {
    const file = row.file as DisclosureFile | number | null
    if (!file || typeof file !== 'object' || !file.filename) return []
    return [
      {
        id: String(file.id),
        title: file.title,
        filename: file.filename,
        filesize: typeof file.filesize === 'number' ? file.filesize : 0,
      },
    ]
  })
}

function isEmptyBody(body: unknown): boolean {
  const root = (body as { root?: { children?: unknown[] } } | null | undefined)?.root
  const text = JSON.stringify(root?.children ?? [])
  return !/"text":"[^"]*\S/.test(text)
}

export const disclosureSource: NoticeSource<Disclosure> = {
  collection: 'disclosures',
  kind: 'disclosure',
  snapshot: async (req: PayloadRequest, doc: Disclosure) => {
    const section = doc.section as DisclosureSection
    const info = DISCLOSURE_SECTION_INFO[section]
    const data: DisclosureNoticeData = {
      section,
      slug: info.slug,
      label: info.label.vi,
      article: info.article,
      schoolYear: doc.schoolYear,
      body: doc.body ?? null,
      documents: documentsOf(doc),
      changeDate: doc.changeDate ?? null,
    }
    if (section === 'results') {
      const of = previousSchoolYear(doc.schoolYear)
      data.results = { schoolYear: of, aggregate: await resultsAggregate(req, of) }
    }
    return {
      key: disclosureKey(section, doc.schoolYear),
      title: `${disclosureSectionLabel(section)} – năm học ${doc.schoolYear}`,
      path: disclosurePath(section),
      schoolYear: doc.schoolYear,
      data: data as unknown as Record<string, unknown>,
    }
  },
  missingForSubmission: async (_req, doc) => {
    if (!isDisclosureSection(doc.section)) return null
    if (doc.section === 'results') return null
    if (isEmptyBody(doc.body) && (doc.documents ?? []).length === 0) {
      return {
        vi: 'Mục công khai cần có nội dung hoặc ít nhất một tài liệu PDF trước khi gửi duyệt.',
        en: 'A disclosure needs text or at least one PDF document before it is submitted.',
      }
    }
    return null
  },
  afterLiveChange: async (req, doc, live) => {
    await markFilesOfDisclosure(req, doc.id, live ? filesOf(doc.documents) : new Set())
  },
}
