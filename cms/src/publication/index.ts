/**
 * Notices the school publishes from its own data (Điều 17.4: the timetable, the lunch menu, the
 * test schedule; Thông tư 09/2024: the disclosures; the photo albums), through one small
 * editorial path (Điều 17.3): its keeper sends a record for approval, leadership approves it
 * (not the one who sent it), the web admin publishes it or takes it down.
 *
 * - The record itself stays staff-only. Publishing writes its public snapshot into
 *   `public-notices` (kind + key + JSON), built by the collection's own `snapshot()`; the website
 *   reads that collection only, so nothing of the record reaches the public that the snapshot
 *   does not put there on purpose.
 * - Changing a record's content makes it a draft again; the version published before stays
 *   online until the new one is approved and published, or the web admin takes it down.
 * - Each publication and take-down asks for a site build.
 *
 * A consuming collection:
 *   const source: NoticeSource<Timetable> = { collection: 'timetables', kind: 'timetable',
 *     snapshot: async (req, doc) => ({ key, title, path, data }) }
 *   fields: [...ownFields, ...publicationFields(source)]
 *   hooks: { beforeChange: [...publicationHooks(source).beforeChange], afterDelete: [...] }
 *   endpoints: publicationEndpoints(source)
 *   policy.ts: noticeKeepers['timetables'] = <who keeps it>, and collectionPolicy.timetables.update
 *     = anyOf(publicationInProgress, <who keeps it>) so the publication's own write goes through
 */
export { publicationEndpoints } from './endpoints'
export { PUBLICATION_FIELD_NAMES, publicationFields, publicationHooks } from './fields'
export { removeNotices, upsertNotices, type NoticeOrigin } from './notices'
export type { NoticeSnapshot, NoticeSource } from './source'
