/**
 * The only code of the site that talks to the CMS. It asks the public REST API, without any
 * credentials, for published content only, so it can never receive a draft or a record of a
 * pupil or a member of staff. Pages get typed data from here.
 *
 * Each answer is read once per build and kept for the whole process, not for this module: the
 * integrations (integrations/cms-prefetch.ts) start reading while Vite is still bundling the
 * pages, and the bundled pages, a second copy of this module, take the same answers. A warm
 * builder (scripts/astro-build-worker.mjs) runs many builds in one process: the answers are kept per
 * build, known by its output folder, so a build never reads the one before's.
 */
import {
  compareVi,
  mapLimited,
  DEFAULT_SCHOOL_COLOURS,
  usableSchoolColour,
  isSiteImageType,
  mediaFileName,
  slugify,
  type SiteImageType,
} from '@school/shared'

export const CMS_URL = (process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/$/, '')

export interface SchoolLink {
  label: string
  url: string
}

export interface SchoolProfile {
  name: string
  motto?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  links: SchoolLink[]
  about: RichTextNode | null
}

export type PostKind =
  | 'news'
  | 'announcement'
  | 'professional_topic'
  | 'elearning'
  | 'official_document'
  | 'pupil_writing'
  | 'practice_tests'

export interface GroupRef {
  name: string
  slug: string
  kind: 'professional' | 'organisation' | 'class' | 'editorial_board'
}

export interface RichTextNode {
  type: string
  children?: RichTextNode[]
  [key: string]: unknown
}

/** One file of an image, as the site serves it: `src` under /media/, fetched from the CMS at build. */
export interface ImageFile {
  src: string
  width: number
  height: number
  mimeType: string
}

/**
 * An image of a post: the original (the fallback for browsers without WebP) and the WebP sizes
 * that sharp made in the CMS at upload, smallest first.
 */
export interface SiteImage {
  alt: string
  original: ImageFile
  webp: ImageFile[]
}

/** A file to download under a post (a PDF of an official document), copied into the build. */
export interface SiteAttachment {
  name: string
  src: string
  size: number
  mimeType: string
}

export interface PublishedPost {
  id: number | string
  title: string
  slug: string
  excerpt: string
  kind: PostKind
  tags: string[]
  publishedAt: string
  ownerGroup: GroupRef | null
  coverImage: SiteImage | null
  /** PDFs listed under the article ("Tệp đính kèm"), in the post's order. */
  attachments?: SiteAttachment[]
  /** Lexical upload nodes of images carry an `image: SiteImage` here instead of the media document. */
  content: RichTextNode | null
}

interface Page<T> {
  docs: T[]
  totalPages: number
}

async function getJSON<T>(path: string): Promise<T> {
  const url = `${CMS_URL}/api${path}`
  // No cookie, no Authorization header: the site reads exactly what the public may read.
  // Uncompressed: the build runs beside the CMS, where gzip only costs both of them CPU.
  const response = await fetch(url, {
    credentials: 'omit',
    headers: { Accept: 'application/json', 'Accept-Encoding': 'identity' },
  })
  if (!response.ok) throw new Error(`CMS answered ${response.status} for ${url}`)
  return (await response.json()) as T
}

interface BuildData {
  /** The build these answers are for (its output folder). */
  build: string
  profile?: Promise<SchoolProfile>
  posts?: Promise<PublishedPost[]>
  /** Where the build fetches each file the site serves, and its type: site path → CMS file. */
  mediaFiles: Map<string, { from: string; mimeType: string }>
}

const BUILD_DATA = Symbol.for('giathuong.site.cmsData')
const processWide = globalThis as unknown as Record<symbol, BuildData | undefined>
function buildData(): BuildData {
  const build = process.env.SITE_OUT_DIR ?? ''
  const kept = processWide[BUILD_DATA]
  if (kept?.build === build) return kept
  return (processWide[BUILD_DATA] = { build, mediaFiles: new Map() })
}

/** Drops the answers kept for this process, so the next read asks the CMS again (tests: one process, many builds). */
export function forgetCmsAnswers(): void {
  delete processWide[BUILD_DATA]
}

/** The school's name, contacts and about text; fetched once per build. */
export function getSchoolProfile(): Promise<SchoolProfile> {
  const data = buildData()
  data.profile ??= fetchSchoolProfile()
  return data.profile
}

async function fetchSchoolProfile(): Promise<SchoolProfile> {
  const profile = await getJSON<Partial<SchoolProfile>>('/globals/school-profile?depth=0')
  const school: SchoolProfile = {
    name: profile.name || 'Trường Tiểu học',
    motto: profile.motto,
    address: profile.address,
    phone: profile.phone,
    email: profile.email,
    links: (profile.links ?? []).map(({ label, url }) => ({ label, url })),
    about: (profile as { about?: { root?: RichTextNode } | null }).about?.root ?? null,
  }
  await resolveImages([], [school.about])
  return school
}

function toGroupRef(value: unknown): GroupRef | null {
  if (!value || typeof value !== 'object') return null
  const group = value as Partial<GroupRef>
  if (!group.name || !group.slug || !group.kind) return null
  return { name: group.name, slug: group.slug, kind: group.kind }
}

interface MediaDoc {
  id: number | string
  alt?: string | null
  filename?: string | null
  mimeType?: string | null
  width?: number | null
  height?: number | null
  filesize?: number | null
  sizes?: Record<
    string,
    | {
        filename?: string | null
        mimeType?: string | null
        width?: number | null
        height?: number | null
      }
    | undefined
  >
}

/**
 * "Ảnh khai giảng-800x450.webp" → "anh-khai-giang-800x450.webp": plain names for plain URLs,
 * under the extension of the file's type as the CMS detected it from its bytes, never the one
 * in the stored name. The site server types files by extension: a file named `.html` would be
 * served as a page, on the site's origin.
 */
function siteFileName(filename: string, mimeType: SiteImageType): string {
  return mediaFileName(filename, mimeType, 'anh')
}

function imageFile(
  media: MediaDoc,
  file: {
    filename?: string | null
    mimeType?: string | null
    width?: number | null
    height?: number | null
  },
): ImageFile | null {
  if (!file.filename || !file.width || !file.height || !isSiteImageType(file.mimeType)) return null
  // The media id keeps two uploads whose names slug alike apart.
  const src = `/media/${media.id}/${siteFileName(file.filename, file.mimeType)}`
  buildData().mediaFiles.set(src, {
    from: `${CMS_URL}/api/media/file/${encodeURIComponent(file.filename)}`,
    mimeType: file.mimeType,
  })
  return { src, width: file.width, height: file.height, mimeType: file.mimeType }
}

/**
 * A raster image the site can show (JPEG, PNG, WebP, GIF, AVIF); null for PDFs, SVGs, any other
 * type and anything without known dimensions.
 */
function toSiteImage(value: unknown): SiteImage | null {
  if (!value || typeof value !== 'object') return null
  const media = value as MediaDoc
  if (!isSiteImageType(media.mimeType)) return null
  const original = imageFile(media, media)
  if (!original) return null
  const webp = Object.values(media.sizes ?? {})
    .filter((size) => size?.mimeType === 'image/webp')
    .map((size) => imageFile(media, size!))
    .filter((file): file is ImageFile => file !== null)
    .sort((a, b) => a.width - b.width)
  return { alt: String(media.alt ?? ''), original, webp }
}

/**
 * A PDF attached to a post, copied into the build under /media/<id>/<plain name>.pdf like the
 * images; null for anything else (an image attached by mistake is not a download here).
 */
function toSiteAttachment(value: unknown): SiteAttachment | null {
  if (!value || typeof value !== 'object') return null
  const media = value as MediaDoc
  if (media.mimeType !== 'application/pdf' || !media.filename) return null
  const src = `/media/${media.id}/${mediaFileName(media.filename, 'application/pdf', 'tep')}`
  buildData().mediaFiles.set(src, {
    from: `${CMS_URL}/api/media/file/${encodeURIComponent(media.filename)}`,
    mimeType: 'application/pdf',
  })
  return {
    name: media.filename,
    src,
    size: typeof media.filesize === 'number' ? media.filesize : 0,
    mimeType: media.mimeType,
  }
}

async function getMediaByIds(ids: Array<number | string>): Promise<Map<string, MediaDoc>> {
  const found = new Map<string, MediaDoc>()
  for (let start = 0; start < ids.length; start += 100) {
    const query = new URLSearchParams({
      'where[id][in]': ids.slice(start, start + 100).join(','),
      limit: '100',
      depth: '0',
    })
    const result = await getJSON<Page<MediaDoc>>(`/media?${query}`)
    for (const doc of result.docs) found.set(String(doc.id), doc)
  }
  return found
}

function uploadNodes(node: RichTextNode | null, found: RichTextNode[] = []): RichTextNode[] {
  if (!node) return found
  if (node.type === 'upload' && node.relationTo === 'media') found.push(node)
  for (const child of node.children ?? []) uploadNodes(child, found)
  return found
}

/**
 * Gives each post its cover and each image of the rich text a SiteImage. Payload fills in media
 * documents only down to the depth asked for, so ids left over are looked up in one go. The media
 * document itself is dropped: the page needs the image, not who uploaded it.
 */
async function resolveImages(
  posts: Array<{ post: PublishedPost; cover: unknown; attachments?: unknown[] }>,
  contents = posts.map(({ post }) => post.content),
): Promise<void> {
  const nodes = contents.flatMap((root) => uploadNodes(root))
  const isId = (value: unknown): value is number | string =>
    typeof value === 'number' || typeof value === 'string'
  const ids = [
    ...nodes.map((node) => node.value),
    ...posts.map(({ cover }) => cover),
    ...posts.flatMap(({ attachments }) => attachments ?? []),
  ].filter(isId)
  const byId = ids.length > 0 ? await getMediaByIds([...new Set(ids)]) : new Map<string, MediaDoc>()
  const media = (value: unknown) => (isId(value) ? byId.get(String(value)) : value)
  for (const { post, cover, attachments } of posts) {
    post.coverImage = toSiteImage(media(cover))
    post.attachments = (attachments ?? [])
      .map((attachment) => toSiteAttachment(media(attachment)))
      .filter((attachment): attachment is SiteAttachment => attachment !== null)
  }
  for (const node of nodes) {
    node.image = toSiteImage(media(node.value))
    delete node.value
  }
}

/**
 * Every image file the published pages show, with where to fetch it from and the type it must
 * have; complete once the posts are read.
 */
export async function getMediaFiles(): Promise<
  Array<{ src: string; from: string; mimeType: string }>
> {
  await Promise.all([
    getPublishedPosts(),
    getSchoolProfile(),
    getSchoolFace(),
    getOrganisation(),
    getAlbums(),
  ])
  return [...buildData().mediaFiles].map(([src, file]) => ({ src, ...file }))
}

const POST_FIELDS = [
  'title',
  'slug',
  'excerpt',
  'content',
  'coverImage',
  'attachments',
  'kind',
  'ownerGroup',
  'tags',
  'publishedAt',
  'updatedAt',
  '_status',
]

const POSTS_PER_REQUEST = 500
/** Requests in flight at once: the CMS answers one while the build reads the one before. */
const PARALLEL_REQUESTS = 3

function publishedPostsQuery(page: number): string {
  return new URLSearchParams({
    'where[_status][equals]': 'published',
    sort: '-publishedAt',
    limit: String(POSTS_PER_REQUEST),
    page: String(page),
    depth: '1',
    // Only what the site shows: the workflow's fields stay in the CMS, and the answer is a third smaller.
    ...Object.fromEntries(POST_FIELDS.map((field) => [`select[${field}]`, 'true'])),
    // Of a post's group, only what the site shows.
    'populate[groups][name]': 'true',
    'populate[groups][slug]': 'true',
    'populate[groups][kind]': 'true',
  }).toString()
}

function toPublishedPost(doc: Record<string, unknown>): {
  post: PublishedPost
  cover: unknown
  attachments: unknown[]
} {
  const post: PublishedPost = {
    id: doc.id as number,
    title: String(doc.title ?? ''),
    slug: String(doc.slug ?? ''),
    excerpt: String(doc.excerpt ?? ''),
    kind: (doc.kind as PostKind) ?? 'news',
    tags: Array.isArray(doc.tags) ? (doc.tags as string[]) : [],
    publishedAt: String(doc.publishedAt ?? doc.updatedAt ?? ''),
    ownerGroup: toGroupRef(doc.ownerGroup),
    coverImage: null,
    attachments: [],
    content: (doc.content as { root?: RichTextNode } | null)?.root ?? null,
  }
  const attachments = Array.isArray(doc.attachments) ? (doc.attachments as unknown[]) : []
  return { post, cover: doc.coverImage, attachments }
}

/**
 * Every published post, newest first. Fetched once per build, 500 at a time (each page of
 * results costs the CMS a sort and a count), a few requests at a time.
 */
export function getPublishedPosts(): Promise<PublishedPost[]> {
  const data = buildData()
  data.posts ??= (async () => {
    const first = await getJSON<Page<Record<string, unknown>>>(`/posts?${publishedPostsQuery(1)}`)
    const laterPages = Array.from(
      { length: Math.max(0, first.totalPages - 1) },
      (_, index) => index + 2,
    )
    const later = await mapLimited(laterPages, PARALLEL_REQUESTS, (page) =>
      getJSON<Page<Record<string, unknown>>>(`/posts?${publishedPostsQuery(page)}`),
    )
    const shown = [first, ...later]
      .flatMap((result) => result.docs)
      .filter((doc) => doc._status === 'published' && doc.slug)
      .map(toPublishedPost)
    await resolveImages(shown)
    return shown.map(({ post }) => post)
  })()
  return data.posts
}

/** Groups, organisations and classes that have published posts, in Vietnamese order. */
export async function getGroupsWithPosts(): Promise<GroupRef[]> {
  const bySlug = new Map<string, GroupRef>()
  for (const post of await getPublishedPosts())
    if (post.ownerGroup) bySlug.set(post.ownerGroup.slug, post.ownerGroup)
  return [...bySlug.values()].sort((a, b) => compareVi(a.name, b.name))
}

/** Tags in use, each with its slug (no diacritics). */
export async function getTags(): Promise<Array<{ name: string; slug: string }>> {
  const bySlug = new Map<string, string>()
  for (const post of await getPublishedPosts())
    for (const tag of post.tags) bySlug.set(slugify(tag), tag)
  return [...bySlug]
    .map(([slug, name]) => ({ slug, name }))
    .sort((a, b) => compareVi(a.name, b.name))
}

/**
 * A page's worth of the school's data the CMS published (issue 15: the timetable, the lunch
 * menu, the test schedule, the disclosures, the albums, the organisation). `data` is whatever the
 * record's snapshot put there; each page family types its own.
 */
export interface PublicNotice<Data = Record<string, unknown>> {
  kind: string
  key: string
  title: string
  path: string
  schoolYear: string | null
  data: Data
  /** When the content last changed (the page says "Cập nhật lần cuối"). */
  changedAt: string
  publishedAt: string
}

const NOTICES = Symbol.for('giathuong.site.cmsNotices')
function noticesByKind(): Map<string, Promise<PublicNotice[]>> {
  const data = buildData() as BuildData & { [NOTICES]?: Map<string, Promise<PublicNotice[]>> }
  return (data[NOTICES] ??= new Map())
}

/** The published notices of a kind, fetched once per build, in the order of their keys. */
export function getPublicNotices<Data = Record<string, unknown>>(
  kind: string,
): Promise<Array<PublicNotice<Data>>> {
  const byKind = noticesByKind()
  if (!byKind.has(kind)) {
    byKind.set(
      kind,
      getJSON<Page<PublicNotice>>(
        `/public-notices?where[kind][equals]=${encodeURIComponent(kind)}` +
          '&sort=key&limit=1000&depth=0',
      ).then((page) => page.docs),
    )
  }
  return byKind.get(kind)! as Promise<Array<PublicNotice<Data>>>
}

// ── Công khai (Thông tư 09/2024/TT-BGDĐT): the disclosure sections' published snapshots. ──

/** A disclosure's PDF as the site serves it: copied into the build under /cong-khai/tep/. */
export interface DisclosureDocument {
  id: string
  title: string
  filename: string
  filesize: number
  src: string
}

export interface DisclosureResultCell {
  count: number | null
  percent: number | null
}

/** Counts per grade, small cells already suppressed by the CMS (null: not shown). */
export interface DisclosureResults {
  schoolYear: string
  aggregate: {
    pupils: number
    suppressed: boolean
    grades: Array<{
      grade: number
      pupils: number | null
      results: Record<string, DisclosureResultCell>
      promotion: Record<string, DisclosureResultCell>
    }>
  }
}

export interface DisclosureData {
  section: string
  slug: string
  label: string
  article: string
  schoolYear: string
  body: RichTextNode | null
  documents: DisclosureDocument[]
  changeDate: string | null
  results?: DisclosureResults
}

const disclosureFileSrc = (file: { id: string; filename: string }) =>
  `/cong-khai/tep/${encodeURIComponent(file.id)}/${mediaFileName(file.filename, 'application/pdf', 'tai-lieu')}`

/**
 * The disclosures of the school years the site keeps online (`onlineYears`, newest first): older
 * ones stay in the CMS but leave the site. Each document gets the address it is copied to.
 */
export async function getDisclosures(
  onlineYears: readonly string[],
): Promise<Array<PublicNotice<DisclosureData>>> {
  const online = new Set(onlineYears)
  const notices = await getPublicNotices<DisclosureData>('disclosure')
  return notices
    .filter((notice) => notice.schoolYear !== null && online.has(notice.schoolYear))
    .map((notice) => ({
      ...notice,
      data: {
        ...notice.data,
        documents: (notice.data.documents ?? []).map((file) => ({
          ...file,
          src: disclosureFileSrc(file),
        })),
      },
    }))
    .sort((a, b) => compareVi(b.schoolYear ?? '', a.schoolYear ?? ''))
}

/** Every disclosure PDF the pages link to, with where the build fetches it (anonymously). */
export async function getDisclosureFiles(
  onlineYears: readonly string[],
): Promise<Array<{ src: string; from: string }>> {
  const files = (await getDisclosures(onlineYears)).flatMap((notice) => notice.data.documents)
  const bySrc = new Map(
    files.map((file) => [
      file.src,
      `${CMS_URL}/api/disclosure-files/file/${encodeURIComponent(file.filename)}`,
    ]),
  )
  return [...bySrc].map(([src, from]) => ({ src, from }))
}

// ── Issue 15: the school's own face (logo, banner, colours, quick links, featured story,
// upcoming events) and the organisation page. ──

export interface QuickLink {
  label: string
  url: string
  description: string | null
}

export interface SchoolFace {
  logo: SiteImage | null
  banner: SiteImage | null
  /** Checked in the CMS (WCAG AA on white); a colour saved before the check falls back here too. */
  colours: { primary: string; accent: string }
  quickLinks: QuickLink[]
  featuredPostId: number | string | null
}

interface FaceData {
  face?: Promise<SchoolFace>
  organisation?: Promise<SiteOrganisation>
  events?: Promise<UpcomingEvent[]>
}
const FACE_DATA = Symbol.for('giathuong.site.cmsFaceData')
function faceData(): FaceData {
  // Kept beside the build's other answers, and forgotten with them.
  const data = buildData() as BuildData & { [FACE_DATA]?: FaceData }
  return (data[FACE_DATA] ??= {})
}

async function imagesById(ids: unknown[]): Promise<Map<string, SiteImage | null>> {
  const wanted = ids.filter(
    (id): id is number | string => typeof id === 'number' || typeof id === 'string',
  )
  const docs = wanted.length > 0 ? await getMediaByIds([...new Set(wanted)]) : new Map()
  return new Map(wanted.map((id) => [String(id), toSiteImage(docs.get(String(id)))]))
}

/** The profile's face for the layout and the home page; fetched once per build. */
export function getSchoolFace(): Promise<SchoolFace> {
  const data = faceData()
  data.face ??= (async () => {
    const profile = await getJSON<Record<string, unknown>>('/globals/school-profile?depth=0')
    const images = await imagesById([profile.logo, profile.banner])
    const image = (value: unknown) => images.get(String(value)) ?? null
    const quickLinks = Array.isArray(profile.quickLinks) ? profile.quickLinks : []
    const featured = profile.featuredPost
    return {
      logo: image(profile.logo),
      banner: image(profile.banner),
      colours: {
        primary: usableSchoolColour(profile.primaryColor, DEFAULT_SCHOOL_COLOURS.primary),
        accent: usableSchoolColour(profile.accentColor, DEFAULT_SCHOOL_COLOURS.accent),
      },
      quickLinks: (quickLinks as Array<Record<string, unknown>>)
        .filter((link) => typeof link.label === 'string' && typeof link.url === 'string')
        .map((link) => ({
          label: String(link.label),
          url: String(link.url),
          description:
            typeof link.description === 'string' && link.description ? link.description : null,
        })),
      featuredPostId:
        typeof featured === 'number' || typeof featured === 'string' ? featured : null,
    }
  })()
  return data.face
}

/**
 * The home page's featured story: the one the web admin chose while it is published, else the
 * newest published post with a cover image, else the newest post.
 */
export async function getFeaturedPost(): Promise<PublishedPost | null> {
  const [face, posts] = await Promise.all([getSchoolFace(), getPublishedPosts()])
  const chosen =
    face.featuredPostId !== null
      ? posts.find((post) => String(post.id) === String(face.featuredPostId))
      : undefined
  return chosen ?? posts.find((post) => post.coverImage) ?? posts[0] ?? null
}

export interface UpcomingEvent {
  title: string
  slug: string
  eventDate: string
  eventPlace: string | null
}

/** Midnight today in Vietnam (UTC+7, no daylight saving), as an instant. */
export function startOfTodayInVietnam(now = new Date()): Date {
  const local = new Date(now.getTime() + 7 * 3_600_000)
  local.setUTCHours(0, 0, 0, 0)
  return new Date(local.getTime() - 7 * 3_600_000)
}

/** Published posts with an event from today on (Vietnam time), soonest first. */
export function getUpcomingEvents(limit = 5): Promise<UpcomingEvent[]> {
  const data = faceData()
  data.events ??= (async () => {
    const query = new URLSearchParams({
      'where[_status][equals]': 'published',
      'where[eventDate][greater_than_equal]': startOfTodayInVietnam().toISOString(),
      sort: 'eventDate',
      limit: String(limit),
      depth: '0',
      'select[title]': 'true',
      'select[slug]': 'true',
      'select[eventDate]': 'true',
      'select[eventPlace]': 'true',
    })
    const result = await getJSON<Page<Record<string, unknown>>>(`/posts?${query}`)
    return result.docs
      .filter((doc) => doc.slug && typeof doc.eventDate === 'string')
      .map((doc) => ({
        title: String(doc.title ?? ''),
        slug: String(doc.slug),
        eventDate: String(doc.eventDate),
        eventPlace: typeof doc.eventPlace === 'string' && doc.eventPlace ? doc.eventPlace : null,
      }))
  })()
  return data.events
}

/** A member of staff who agreed to appear on the website: nothing else of them reaches the site. */
export interface OrganisationPerson {
  name: string
  title: string | null
  photo: SiteImage | null
}

export interface OrganisationGroup {
  name: string
  slug: string
  kind: 'professional' | 'organisation' | 'editorial_board'
  head: OrganisationPerson | null
  members: OrganisationPerson[]
  memberCount: number
}

export interface SiteOrganisation {
  leadership: Array<{
    role: 'principal' | 'vice_principal'
    people: OrganisationPerson[]
    count: number
  }>
  groups: OrganisationGroup[]
}

interface PersonAnswer {
  name: string
  title: string | null
  photo: number | string | null
}

/** Cơ cấu tổ chức, from the CMS's public endpoint (only the staff who agreed are named). */
export function getOrganisation(): Promise<SiteOrganisation> {
  const data = faceData()
  data.organisation ??= (async () => {
    const answer = await getJSON<{
      leadership: Array<{
        role: 'principal' | 'vice_principal'
        people: PersonAnswer[]
        count: number
      }>
      groups: Array<
        Omit<OrganisationGroup, 'head' | 'members'> & {
          head: PersonAnswer | null
          members: PersonAnswer[]
        }
      >
    }>('/public/organisation')
    const everyone = [
      ...answer.leadership.flatMap((entry) => entry.people),
      ...answer.groups.flatMap((group) => [...(group.head ? [group.head] : []), ...group.members]),
    ]
    const photos = await imagesById(everyone.map((person) => person.photo))
    const person = (p: PersonAnswer): OrganisationPerson => ({
      name: p.name,
      title: p.title,
      photo: p.photo === null ? null : (photos.get(String(p.photo)) ?? null),
    })
    return {
      leadership: answer.leadership.map((entry) => ({
        role: entry.role,
        people: entry.people.map(person),
        count: entry.count,
      })),
      groups: answer.groups.map((group) => ({
        name: group.name,
        slug: group.slug,
        kind: group.kind,
        head: group.head ? person(group.head) : null,
        members: group.members.map(person),
        memberCount: group.memberCount,
      })),
    }
  })()
  return data.organisation
}
// ── Thời khóa biểu (issue 15): the published week of each class, from public-notices. ──

import type { PublicTimetableData } from '@school/shared'

/** A class's published timetable: `key` is its page's slug (`/thoi-khoa-bieu/3a/`). */
export type TimetableNotice = PublicNotice<PublicTimetableData>

/** Every class's published timetable, by grade then class name (Vietnamese order). */
export async function getTimetables(): Promise<TimetableNotice[]> {
  const notices = await getPublicNotices<PublicTimetableData>('timetable')
  return [...notices].sort(
    (a, b) =>
      (a.data.grade ?? 0) - (b.data.grade ?? 0) || compareVi(a.data.className, b.data.className),
  )
}
// ── Thư viện ảnh (issue 15): the published albums, their images through the site's pipeline. ──

/** One image of an album: its files (copied into the build like a post's) and its caption. */
export interface AlbumImage {
  image: SiteImage
  caption: string
}

/** A published album as its pages show it; never who is in the pictures, nor who made it. */
export interface SiteAlbum {
  key: string
  title: string
  path: string
  description: string
  eventDate: string | null
  changedAt: string
  images: AlbumImage[]
}

interface AlbumNoticeData {
  eventDate?: string | null
  description?: string
  images?: Array<{ media?: number | string; caption?: string }>
}

const ALBUMS = Symbol.for('giathuong.site.cmsAlbums')

/** The published albums, newest event first, each image resolved once per build. */
export function getAlbums(): Promise<SiteAlbum[]> {
  const data = buildData() as BuildData & { [ALBUMS]?: Promise<SiteAlbum[]> }
  return (data[ALBUMS] ??= fetchAlbums())
}

async function fetchAlbums(): Promise<SiteAlbum[]> {
  const notices = await getPublicNotices<AlbumNoticeData>('album')
  const ids = notices.flatMap((notice) => (notice.data.images ?? []).map((image) => image.media))
  const known = ids.filter((id): id is number | string => id !== undefined && id !== null)
  const byId = known.length > 0 ? await getMediaByIds([...new Set(known)]) : new Map()
  const albums = notices.map((notice): SiteAlbum => {
    const images = (notice.data.images ?? []).flatMap((entry) => {
      const image = toSiteImage(byId.get(String(entry.media)))
      return image ? [{ image, caption: String(entry.caption ?? '') }] : []
    })
    return {
      key: notice.key,
      title: notice.title,
      path: notice.path,
      description: String(notice.data.description ?? ''),
      eventDate: notice.data.eventDate ?? null,
      changedAt: notice.changedAt,
      images,
    }
  })
  const time = (album: SiteAlbum) => (album.eventDate ? Date.parse(album.eventDate) : 0)
  return albums
    .filter((album) => album.images.length > 0)
    .sort((a, b) => time(b) - time(a) || compareVi(a.title, b.title))
}
