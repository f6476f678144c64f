/**
 * The registers' numbers (Nghị định 30/2020/NĐ-CP, Điều 15, 22): counted from 1 each calendar
 * year (outgoing documents: each year and kind), given by the server once the entry is saved, so
 * a form refused for a missing field uses no number, and never given twice. Two registrations at
 * once take their turn in this process (lib/one-at-a-time.ts: the CMS runs as one process), and a
 * unique key (`numberKey`) refuses a duplicate in the database should two processes ever race.
 * A cancelled entry keeps its number: the next one counts on from the highest number given.
 */
import type { CollectionAfterChangeHook, PayloadRequest, Where } from 'payload'

import { oneAtATime } from '../lib/one-at-a-time'

type Doc = Record<string, unknown>

export interface Sequence {
  /** Where the entries counted together are: `{ arrivalYear: 2026 }`. */
  where: Where
  /** The sequence's name, in the unique key and the queue: `2026`, `2026:quyet_dinh`. */
  key: string
}

export interface Numbering {
  collection: 'incoming-documents' | 'outgoing-documents'
  numberField: string
  /** The sequence a new entry counts in; null when it cannot count yet. */
  sequenceOf: (doc: Doc) => Sequence | null
  /** What the entry stores with its number (the number, the key, a symbol). */
  written: (doc: Doc, number: number, sequence: Sequence) => Doc
}

async function highestNumber(req: PayloadRequest, numbering: Numbering, sequence: Sequence) {
  // The server counting its own register: every entry counts, whoever may read it.
  const { docs } = await req.payload.find({
    collection: numbering.collection,
    where: { and: [sequence.where, { [numbering.numberField]: { exists: true } }] },
    sort: `-${numbering.numberField}`,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const value = (docs[0] as unknown as Doc | undefined)?.[numbering.numberField]
  return typeof value === 'number' ? value : 0
}

/** The hook that gives a new entry its number, as the last step of its registration. */
export function numberOnRegistration(numbering: Numbering): CollectionAfterChangeHook {
  return async ({ doc, operation, req }) => {
    if (operation !== 'create') return doc
    const sequence = numbering.sequenceOf(doc as Doc)
    if (!sequence) return doc
    return oneAtATime(`${numbering.collection}:${sequence.key}`, async () => {
      const number = (await highestNumber(req, numbering, sequence)) + 1
      // Server-written fields (fieldWritePolicy: nobody), written past access on purpose.
      const updated = await req.payload.update({
        collection: numbering.collection,
        id: (doc as Doc).id as number | string,
        data: numbering.written(doc as Doc, number, sequence) as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      return { ...doc, ...updated }
    })
  }
}
