/**
 * Which files the website shows, kept on each media document by the server (issue 10, holes 7
 * and 8): `publishedIn` lists the published posts that use the file (as cover or inside the
 * text), `onSchoolProfile` says every build shows it outside posts (the school profile's about
 * text, logo and banner, and the photos of staff who agreed to be on the organisation page),
 * and `onWebsite` is either of them. The public reads only files on the website, and nobody changes those outside the
 * workflow (`collectionPolicy.media`). The posts' and the profile's hooks keep the marks true
 * whenever what is live changes; no client can write them (`fieldWritePolicy.media`).
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { idOf, idsOf } from '../lib/ids'
import type { Album, Media, Post } from '../payload-types'

type Id = number | string
type MediaRef = Id | { id: Id } | null | undefined

interface RichTextNode {
  type?: unknown
  relationTo?: unknown
  value?: unknown
  children?: unknown
}

/** The media ids of the upload nodes of a Lexical value. */
export function mediaInRichText(value: unknown, found = new Set<string>()): Set<string> {
  const root = (value as { root?: RichTextNode } | null | undefined)?.root
  const walk = (node: RichTextNode) => {
    if (node.type === 'upload' && node.relationTo === 'media') {
      const id = idOf(node.value as MediaRef)
      if (id !== null) found.add(String(id))
    }
    if (Array.isArray(node.children)) for (const child of node.children) walk(child as RichTextNode)
  }
  if (root) walk(root)
  return found
}

function mediaOfPost(post: Pick<Post, 'coverImage' | 'content' | 'attachments'>): Set<string> {
  const found = mediaInRichText(post.content)
  for (const file of [post.coverImage, ...(post.attachments ?? [])]) {
    const id = idOf(file as MediaRef)
    if (id !== null) found.add(String(id))
  }
  return found
}

type Marks = Pick<Media, 'id' | 'publishedIn' | 'onSchoolProfile' | 'inAlbums'>

/**
 * Writes a file's marks as the server: no user may, and a file on the website is frozen. The
 * published albums showing it (issue 15) keep it public too, unless `inAlbums` says otherwise.
 */
async function writeMarks(
  req: PayloadRequest,
  media: Marks,
  publishedIn: Id[],
  onSchoolProfile: boolean,
  inAlbums: Id[] = idsOf<Id>(media.inAlbums as MediaRef[] | null | undefined),
): Promise<void> {
  await req.payload.update({
    collection: 'media',
    id: media.id,
    // Ids are numbers on SQLite and strings on MongoDB; the generated type knows only the first.
    data: {
      publishedIn: publishedIn as Array<Post['id']>,
      onSchoolProfile,
      inAlbums: inAlbums as Array<Album['id']>,
      onWebsite: publishedIn.length > 0 || onSchoolProfile || inAlbums.length > 0,
    },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

const MARK_FIELDS = { publishedIn: true, onSchoolProfile: true, inAlbums: true } as const

async function findMedia(
  req: PayloadRequest,
  where: Parameters<PayloadRequest['payload']['find']>[0]['where'],
) {
  const { docs } = await req.payload.find({
    collection: 'media',
    where,
    depth: 0,
    limit: 0,
    pagination: false,
    select: MARK_FIELDS,
    overrideAccess: true,
    req,
  })
  return docs as Marks[]
}

const idsOfPosts = (values: Media['publishedIn']) => idsOf<Id>(values as MediaRef[] | undefined)

/** Makes the files listing `postId` exactly those in `live` (none when the post is not live). */
async function markPostMedia(req: PayloadRequest, postId: Id, live: Set<string>): Promise<void> {
  const listed = await findMedia(req, { publishedIn: { in: [postId] } })
  const listedIds = new Set(listed.map((media) => String(media.id)))
  const added = [...live].filter((id) => !listedIds.has(id))
  const newlyUsed = added.length > 0 ? await findMedia(req, { id: { in: added } }) : []
  for (const media of listed) {
    if (live.has(String(media.id))) continue
    const others = idsOfPosts(media.publishedIn).filter((id) => String(id) !== String(postId))
    await writeMarks(req, media, others, Boolean(media.onSchoolProfile))
  }
  for (const media of newlyUsed) {
    await writeMarks(
      req,
      media,
      [...idsOfPosts(media.publishedIn), postId],
      Boolean(media.onSchoolProfile),
    )
  }
}

/**
 * After a post is saved, the files of its live version are on the website. The live document is
 * read again: a draft saved beside a live version leaves it as it was, and the saved document
 * may hold only the fields its caller selected. A post never published has nothing live.
 */
export const markMediaOfLivePost: CollectionAfterChangeHook<Post> = async ({
  doc,
  previousDoc,
  req,
}) => {
  const everLive =
    doc._status === 'published' || Boolean(doc.publishedAt) || previousDoc?._status === 'published'
  if (!everLive) return doc
  const live = await req.payload.findByID({
    collection: 'posts',
    id: doc.id,
    depth: 0,
    select: { _status: true, coverImage: true, content: true, attachments: true },
    overrideAccess: true,
    req,
  })
  await markPostMedia(req, doc.id, live._status === 'published' ? mediaOfPost(live) : new Set())
  return doc
}

const MEDIA_OF_DELETED_POST = 'mediaOfDeletedPost'

/**
 * Before a post is deleted, the files it shows are noted: the database drops the post from
 * their lists with the post itself (SQLite's cascade), so afterwards they could not be found.
 */
export const noteMediaOfDeletedPost: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const listed = await findMedia(req, { publishedIn: { in: [id] } })
  req.context[`${MEDIA_OF_DELETED_POST}:${id}`] = listed.map((media) => media.id)
}

/** Once the post is gone, the files it showed are public only if something else shows them. */
export const unmarkMediaOfDeletedPost: CollectionAfterDeleteHook<Post> = async ({ doc, req }) => {
  const noted = req.context[`${MEDIA_OF_DELETED_POST}:${doc.id}`] as Id[] | undefined
  if (!noted?.length) return doc
  for (const media of await findMedia(req, { id: { in: noted } })) {
    const others = idsOfPosts(media.publishedIn).filter((id) => String(id) !== String(doc.id))
    await writeMarks(req, media, others, Boolean(media.onSchoolProfile))
  }
  return doc
}

/**
 * The files every build of the website shows outside posts: the school profile's (the about
 * text's images, the logo, the banner) and the photos of the staff who agreed to appear on the
 * organisation page (issue 15). A photo stops being public when its owner withdraws consent.
 */
async function mediaShownSiteWide(req: PayloadRequest, profile?: unknown): Promise<Set<string>> {
  const school = (profile ??
    (await req.payload.findGlobal({
      slug: 'school-profile',
      depth: 0,
      overrideAccess: true,
      req,
    }))) as { about?: unknown; logo?: unknown; banner?: unknown }
  const shown = mediaInRichText(school.about)
  const { docs: consenting } = await req.payload.find({
    collection: 'users',
    where: { websiteConsent: { equals: true } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { websitePhoto: true },
    overrideAccess: true,
    req,
  })
  for (const file of [school.logo, school.banner, ...consenting.map((u) => u.websitePhoto)]) {
    const id = idOf(file as MediaRef)
    if (id !== null) shown.add(String(id))
  }
  return shown
}

/**
 * Makes `onSchoolProfile` true on exactly the files shown site-wide (see above). The name is
 * older than the organisation page; it means "on every build, outside posts".
 */
export async function markSiteWideMedia(req: PayloadRequest, profile?: unknown): Promise<void> {
  const shown = await mediaShownSiteWide(req, profile)
  const marked = await findMedia(req, { onSchoolProfile: { equals: true } })
  const markedIds = new Set(marked.map((media) => String(media.id)))
  const added = [...shown].filter((id) => !markedIds.has(id))
  const newlyShown = added.length > 0 ? await findMedia(req, { id: { in: added } }) : []
  for (const media of marked)
    if (!shown.has(String(media.id)))
      await writeMarks(req, media, idsOfPosts(media.publishedIn), false)
  for (const media of newlyShown) await writeMarks(req, media, idsOfPosts(media.publishedIn), true)
}

/** The school profile is on every build of the website: its images are public. */
export const markMediaOfSchoolProfile: GlobalAfterChangeHook = async ({ doc, req }) => {
  await markSiteWideMedia(req, doc)
  return doc
}

/**
 * Issue 15: the images of a published album are public while it is live (`live`: its images;
 * empty when it comes down). A file another published post or album shows stays public.
 */
export async function markAlbumMedia(
  req: PayloadRequest,
  albumId: Id,
  live: Set<string>,
): Promise<void> {
  const listed = await findMedia(req, { inAlbums: { in: [albumId] } })
  const listedIds = new Set(listed.map((media) => String(media.id)))
  const added = [...live].filter((id) => !listedIds.has(id))
  const newlyUsed = added.length > 0 ? await findMedia(req, { id: { in: added } }) : []
  const albumsOf = (media: Marks) => idsOf<Id>(media.inAlbums as MediaRef[] | null | undefined)
  const keepOthers = (media: Marks) =>
    writeMarks(
      req,
      media,
      idsOfPosts(media.publishedIn),
      Boolean(media.onSchoolProfile),
      albumsOf(media).filter((id) => String(id) !== String(albumId)),
    )
  for (const media of listed) if (!live.has(String(media.id))) await keepOthers(media)
  for (const media of newlyUsed) {
    await writeMarks(req, media, idsOfPosts(media.publishedIn), Boolean(media.onSchoolProfile), [
      ...albumsOf(media),
      albumId,
    ])
  }
}
