import type { CollectionSlug, PayloadRequest } from 'payload'
import type { NoticeKind } from '@school/shared'

import type { Message } from '../lib/messages'

/** One page's worth of what the public sees, as the site reads it from `public-notices`. */
export interface NoticeSnapshot {
  /** Tells the notices of a kind apart: a class's slug, a school year, an album's slug. */
  key: string
  title: string
  /** The site's address of the page ("/thoi-khoa-bieu/3a/"). */
  path: string
  schoolYear?: string | null
  /** Published, non-personal data only: whatever is here, anyone on the internet reads. */
  data: Record<string, unknown>
}

/**
 * A collection whose records the school publishes as notices. Each consuming collection declares
 * one, spreads `publicationFields(source)` into its fields, `publicationHooks(source)` into its
 * hooks and `publicationEndpoints(source)` into its endpoints, and gives its keepers a rule in
 * `noticeKeepers` (access/policy.ts).
 */
export interface NoticeSource<Doc = Record<string, unknown> & { id: number | string }> {
  collection: CollectionSlug
  kind: NoticeKind
  /** What the public sees of the record, built by server code when it is published. */
  snapshot: (req: PayloadRequest, doc: Doc) => Promise<NoticeSnapshot | NoticeSnapshot[]>
  /** What the record still lacks before it can be sent for approval; null when complete. */
  missingForSubmission?: (req: PayloadRequest, doc: Doc) => Promise<Message | null>
  /** Why it may not go live now (a pupil's consent missing); null when it may. */
  problemForPublication?: (req: PayloadRequest, doc: Doc) => Promise<Message | null>
  /** After it went live (`true`) or came down (`false`): mark its images public or private. */
  afterLiveChange?: (req: PayloadRequest, doc: Doc, live: boolean) => Promise<void>
}
