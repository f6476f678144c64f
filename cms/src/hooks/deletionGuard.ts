/**
 * Refuses to delete a document that other records cannot do without. A required relationship
 * (a workflow step's post, a check-up's pupil, a pupil's class) would otherwise end the delete as
 * a 500 on SQLite (its NOT NULL column cannot be cleared) and leave dangling records on MongoDB;
 * and Payload deletes a post's versions before the post itself, so a failing bulk delete lost the
 * history of the post it could not delete. The guard runs as the first `beforeDelete` hook: after
 * Payload has checked that the user may delete the document, before anything is written.
 */
import type {
  CollectionBeforeDeleteHook,
  CollectionSlug,
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { localize, UserFacingError, type Message } from '../lib/messages'

/** A relationship field somewhere in a collection, by the path a `where` query names it. */
interface Reference {
  source: CollectionSlug
  path: string
}

/** What the school is told for the references it meets every day: what holds, what to do. */
const HOLDERS: Record<string, { holds: (count: number) => Message; instead: Message }> = {
  'workflow-events.post': {
    holds: (count) => ({
      vi: `bài viết đã có ${count} bước duyệt được ghi lại`,
      en: `the post has ${count} recorded review steps`,
    }),
    instead: {
      vi: 'Hãy gỡ bài (unpublish) thay vì xóa.',
      en: 'Unpublish the post instead of deleting it.',
    },
  },
  'health-checkups.student': {
    holds: (count) => ({
      vi: `học sinh có ${count} lần khám sức khỏe`,
      en: `the pupil has ${count} health check-ups`,
    }),
    instead: {
      vi: 'Hãy ghi sự kiện chuyển trường / thôi học thay vì xóa.',
      en: 'Record a transfer or a leaving event instead of deleting the pupil.',
    },
  },
  'students.class': {
    holds: (count) => ({
      vi: `lớp còn ${count} học sinh`,
      en: `the class still has ${count} pupils`,
    }),
    instead: {
      vi: 'Hãy chuyển học sinh sang lớp khác hoặc giữ lớp làm lưu trữ.',
      en: 'Move the pupils to another class, or keep the class as an archive.',
    },
  },
}

function labelOf(collection: SanitizedCollectionConfig): Message {
  const plural = collection.labels?.plural
  if (plural && typeof plural === 'object' && 'vi' in plural && 'en' in plural)
    return { vi: String(plural.vi), en: String(plural.en) }
  return { vi: collection.slug, en: collection.slug }
}

/** The generic wording, for a required reference that has no entry in `HOLDERS`. */
function genericHolder(source: SanitizedCollectionConfig, count: number) {
  const label = labelOf(source)
  return {
    holds: {
      vi: `còn ${count} mục trong "${label.vi}" cần đến mục này`,
      en: `${count} entries of "${label.en}" still need it`,
    },
    instead: {
      vi: 'Hãy giữ lại mục này.',
      en: 'Keep it.',
    },
  }
}

/**
 * The required single relationships to `target` in `fields`, named by query path. Polymorphic
 * relationships are left out: only Payload's own collections (preferences, locks) use them, and
 * Payload clears those itself.
 */
function requiredReferencesIn(
  fields: FlattenedField[],
  target: CollectionSlug,
  prefix = '',
): string[] {
  const paths: string[] = []
  for (const field of fields) {
    const path = `${prefix}${field.name}`
    if (field.type === 'relationship' || field.type === 'upload') {
      if (field.relationTo === target && field.required && !field.hasMany) paths.push(path)
    } else if (field.type === 'group' || field.type === 'array' || field.type === 'tab') {
      paths.push(...requiredReferencesIn(field.flattenedFields, target, `${path}.`))
    } else if (field.type === 'blocks') {
      for (const block of field.blocks)
        if (typeof block === 'object')
          paths.push(...requiredReferencesIn(block.flattenedFields, target, `${path}.`))
    }
  }
  return paths
}

const referencesCache = new WeakMap<object, Map<CollectionSlug, Reference[]>>()

/** Every required reference to `target` in the project's collections, read from their config. */
function referencesTo(req: PayloadRequest, target: CollectionSlug): Reference[] {
  let byTarget = referencesCache.get(req.payload.config)
  if (!byTarget) referencesCache.set(req.payload.config, (byTarget = new Map()))
  let references = byTarget.get(target)
  if (!references) {
    references = req.payload.config.collections
      .filter((collection) => !collection.slug.startsWith('payload-'))
      .flatMap((collection) =>
        requiredReferencesIn(collection.flattenedFields, target).map((path) => ({
          source: collection.slug,
          path,
        })),
      )
    byTarget.set(target, references)
  }
  return references
}

export const refuseDeletingWhatIsReferenced: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const holders: Array<{ holds: Message; instead: Message }> = []
  for (const { source, path } of referencesTo(req, collection.slug)) {
    // The whole count, whoever asks: a record the user cannot see still holds the document.
    const { totalDocs } = await req.payload.count({
      collection: source,
      where: { [path]: { equals: id } },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) continue
    const known = HOLDERS[`${source}.${path}`]
    holders.push(
      known
        ? { holds: known.holds(totalDocs), instead: known.instead }
        : genericHolder(req.payload.collections[source].config, totalDocs),
    )
  }
  if (holders.length === 0) return
  const advice = [...new Set(holders.map((holder) => localize(req, holder.instead)))]
  const reasons = holders.map((holder) => localize(req, holder.holds)).join('; ')
  const prefix = localize(req, { vi: 'Không xóa được', en: 'Cannot delete' })
  throw new UserFacingError(`${prefix}: ${reasons}. ${advice.join(' ')}`, 409)
}
