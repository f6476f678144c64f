/**
 * Which disclosure documents the website shows (Thông tư 09/2024/TT-BGDĐT): a file is public
 * exactly while a published disclosure lists it. The publication's `afterLiveChange` keeps the
 * marks; no client writes them (`fieldWritePolicy['disclosure-files']`), and a public file is
 * frozen (`collectionPolicy['disclosure-files']`) until it comes down.
 */
import type { CollectionAfterDeleteHook, PayloadRequest, Where } from 'payload'

import { idOf, idsOf } from '../lib/ids'

type Id = number | string

interface Marks {
  id: Id
  publishedIn?: unknown
}

async function filesWhere(req: PayloadRequest, where: Where): Promise<Marks[]> {
  const { docs } = await req.payload.find({
    collection: 'disclosure-files',
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { publishedIn: true },
    overrideAccess: true,
    req,
  })
  return docs as Marks[]
}

const listed = (file: Marks) => idsOf<Id>(file.publishedIn as Id[] | undefined)

async function writeMarks(req: PayloadRequest, id: Id, publishedIn: Id[]) {
  await req.payload.update({
    collection: 'disclosure-files',
    id,
    // Ids are numbers on SQLite and strings on MongoDB; the generated type knows only the first.
    data: { publishedIn: publishedIn as number[], onWebsite: publishedIn.length > 0 },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** Makes the files listing `disclosureId` exactly those in `live` (none once it is down). */
export async function markFilesOfDisclosure(
  req: PayloadRequest,
  disclosureId: Id,
  live: ReadonlySet<string>,
): Promise<void> {
  const before = await filesWhere(req, { publishedIn: { in: [disclosureId] } })
  const beforeIds = new Set(before.map((file) => String(file.id)))
  for (const file of before) {
    if (live.has(String(file.id))) continue
    const others = listed(file).filter((id) => String(id) !== String(disclosureId))
    await writeMarks(req, file.id, others)
  }
  const added = [...live].filter((id) => !beforeIds.has(id))
  if (added.length === 0) return
  for (const file of await filesWhere(req, { id: { in: added } }))
    await writeMarks(req, file.id, [...listed(file), disclosureId])
}

/** The file ids a disclosure's documents list. */
export function filesOf(documents: unknown): Set<string> {
  const found = new Set<string>()
  for (const row of Array.isArray(documents) ? documents : []) {
    const id = idOf((row as { file?: unknown })?.file as Id | { id: Id } | null | undefined)
    if (id !== null) found.add(String(id))
  }
  return found
}

/**
 * A deleted disclosure shows nothing any more: files it was the last to show become private.
 * (SQLite drops it from the files' lists with the record: the marks are recomputed from them.)
 */
export const unmarkFilesOfDeletedDisclosure: CollectionAfterDeleteHook = async ({ doc, req }) => {
  for (const file of await filesWhere(req, { onWebsite: { equals: true } })) {
    const others = listed(file).filter((id) => String(id) !== String(doc.id))
    if (others.length !== listed(file).length || others.length === 0)
      await writeMarks(req, file.id, others)
  }
  return doc
}
