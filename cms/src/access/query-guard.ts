/**
 * Refuses a query that filters, sorts or counts by a field the reader may not read on every
 * document it could match. Payload checks `where` paths against field read access without the
 * documents (and `sort` not at all), and our record-dependent rules answer "yes, for some
 * documents" there, so a homeroom teacher could otherwise sort the pupils of a class they only
 * teach by address, or filter them by a guardian's phone until one matched.
 *
 * The guarded fields are exactly those of `fieldReadPolicy`; a path is followed through groups,
 * arrays, relationships and joins into every collection it reaches, in every spelling Payload
 * accepts (`and`/`AND`/`Or`, `a.b`/`a__b`, nested objects, `sort`/`-sort`, lists of sorts).
 */
import type {
  CollectionBeforeOperationHook,
  FlattenedField,
  PayloadRequest,
  SanitizedCollectionConfig,
  SanitizedConfig,
  Where,
} from 'payload'

import { userError } from '../lib/messages'
import { pathSteps, sortPaths, wherePaths } from '../lib/query-paths'
import { actorOf } from './authorize'
import { collectionPolicy, fieldReadPolicy, type PolicyCollection } from './policy'
import type { Rule } from './rules'

type GuardedCollection = keyof typeof fieldReadPolicy

function guardRule(collection: string, field: string): Rule | undefined {
  const table = fieldReadPolicy[collection as GuardedCollection] as
    Record<string, Rule | undefined> | undefined
  return table?.[field]
}

function labelOf(field: FlattenedField): string | undefined {
  const label = 'label' in field ? field.label : undefined
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && 'vi' in label) return String(label.vi)
  return undefined
}

const coverage = new WeakMap<PayloadRequest, Map<string, Promise<boolean>>>()

/**
 * Does the reader read the field on every document of the collection they may read at all?
 * Asked of the readable set, never of the query's own filter: the answer must not depend on the
 * values looked for, or the refusal itself would tell them. A homeroom teacher who reads only
 * their own class may sort it by address; one who also teaches another class may not.
 */
function readsOnAllReadable(
  req: PayloadRequest,
  collection: string,
  field: string,
  fieldGrant: Where,
): Promise<boolean> {
  let known = coverage.get(req)
  if (!known) coverage.set(req, (known = new Map()))
  const key = `${collection}.${field}`
  let answer = known.get(key)
  if (!answer) {
    answer = (async () => {
      if (!(collection in collectionPolicy)) return false
      const slug = collection as PolicyCollection
      const readGrant = await collectionPolicy[slug].read({ user: actorOf(req), req })
      if (readGrant === false) return false
      const readable: Where = readGrant === true ? {} : readGrant
      const count = async (where: Where) =>
        (await req.payload.count({ collection: slug, where, overrideAccess: true, req })).totalDocs
      return (await count(readable)) === (await count({ and: [readable, fieldGrant] }))
    })()
    known.set(key, answer)
  }
  return answer
}

/**
 * Throws 403 when a path reaches a field the reader does not read on every document it could
 * match: on the queried collection, every document the reader may read; beyond a relationship,
 * every document there is (the reader's reach into it is not what the query lists).
 */
async function refuseHiddenPaths(
  req: PayloadRequest,
  config: SanitizedConfig,
  collection: string,
  paths: string[],
): Promise<void> {
  for (const path of paths) {
    const steps = pathSteps(config, collection, path)
    for (const [index, { collection: slug, field }] of steps.entries()) {
      const rule = guardRule(slug, field.name)
      if (!rule) continue
      const grant = await rule({ user: actorOf(req), req })
      if (grant === true) continue
      if (
        grant !== false &&
        index === 0 &&
        (await readsOnAllReadable(req, slug, field.name, grant))
      )
        continue
      const label = labelOf(field) ?? field.name
      throw userError(req, 403, {
        vi: `Bạn không được lọc hay sắp xếp theo trường "${label}" (${path}).`,
        en: `You may not filter or sort by "${field.name}" (${path}).`,
      })
    }
  }
}

interface QueryArgs {
  where?: unknown
  sort?: unknown
  field?: unknown
  overrideAccess?: boolean
  joins?: Record<string, { where?: unknown; sort?: unknown } | false> | false
}

/** The joins a query asks for, with the collection each one lists. */
function joinQueries(
  collection: SanitizedCollectionConfig,
  joins: QueryArgs['joins'],
): Array<{ collection: string; paths: string[] }> {
  if (!joins) return []
  return Object.entries(joins).flatMap(([name, query]) => {
    if (!query) return []
    const field = collection.flattenedFields.find((candidate) => candidate.name === name)
    if (!field || field.type !== 'join') return []
    const paths = [...wherePaths(query.where), ...sortPaths(query.sort)]
    return [field.collection].flat().map((slug) => ({ collection: slug, paths }))
  })
}

/** The guard, for every collection of the config (a path may lead into any of them). */
export function hiddenPathGuard(
  config: SanitizedConfig,
  collection: SanitizedCollectionConfig,
): CollectionBeforeOperationHook {
  return async ({ args, overrideAccess, req }) => {
    const query = args as QueryArgs
    // Queries the server makes for itself bypass access, and are not a reader's queries.
    if (overrideAccess === true || query.overrideAccess === true) return args
    const paths = [
      ...wherePaths(query.where),
      ...sortPaths(query.sort),
      ...(typeof query.field === 'string' ? [query.field] : []),
    ]
    await refuseHiddenPaths(req, config, collection.slug, paths)
    for (const join of joinQueries(collection, query.joins)) {
      await refuseHiddenPaths(req, config, join.collection, join.paths)
    }
    return args
  }
}
