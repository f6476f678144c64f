/**
 * The only code of the site that talks to the CMS. It asks the public REST API, without any
 * credentials, for published content only, so it can never receive a draft or a record of a
 * pupil or a member of staff. Pages get typed data from here.
 */
import { compareVi, slugify } from '@school/shared'

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

export type PostKind = 'news' | 'announcement' | 'professional_topic' | 'elearning' | 'official_document' | 'pupil_writing'

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

export interface PublishedPost {
  id: number | string
  title: string
  slug: string
  excerpt: string
  kind: PostKind
  tags: string[]
  publishedAt: string
  ownerGroup: GroupRef | null
  content: RichTextNode | null
}

interface Page<T> {
  docs: T[]
  hasNextPage: boolean
}

async function getJSON<T>(path: string): Promise<T> {
  const url = `${CMS_URL}/api${path}`
  // No cookie, no Authorization header: the site reads exactly what the public may read.
  const response = await fetch(url, { credentials: 'omit', headers: { Accept: 'application/json' } })
  if (!response.ok) throw new Error(`CMS answered ${response.status} for ${url}`)
  return (await response.json()) as T
}

let profileCache: Promise<SchoolProfile> | undefined

/** The school profile, fetched once per build: every page shows it (a request per page was most of a large build). */
export function getSchoolProfile(): Promise<SchoolProfile> {
  profileCache ??= (async () => {
    const profile = await getJSON<Partial<SchoolProfile>>('/globals/school-profile?depth=0')
    return {
      name: profile.name || 'Trường Tiểu học',
      motto: profile.motto,
      address: profile.address,
      phone: profile.phone,
      email: profile.email,
      links: (profile.links ?? []).map(({ label, url }) => ({ label, url })),
      about: (profile as { about?: { root?: RichTextNode } | null }).about?.root ?? null,
    }
  })()
  return profileCache
}

function toGroupRef(value: unknown): GroupRef | null {
  if (!value || typeof value !== 'object') return null
  const group = value as Partial<GroupRef>
  if (!group.name || !group.slug || !group.kind) return null
  return { name: group.name, slug: group.slug, kind: group.kind }
}

let postsCache: Promise<PublishedPost[]> | undefined

/** Every published post, newest first. Fetched once per build, 500 at a time (each page of results costs the CMS a sort and a count). */
export function getPublishedPosts(): Promise<PublishedPost[]> {
  postsCache ??= (async () => {
    const posts: PublishedPost[] = []
    for (let page = 1; ; page += 1) {
      const query = new URLSearchParams({
        'where[_status][equals]': 'published',
        sort: '-publishedAt',
        limit: '500',
        page: String(page),
        depth: '1',
        // Of a post's group, only what the site shows.
        'populate[groups][name]': 'true',
        'populate[groups][slug]': 'true',
        'populate[groups][kind]': 'true',
      })
      const result = await getJSON<Page<Record<string, unknown>>>(`/posts?${query}`)
      for (const doc of result.docs) {
        if (doc._status !== 'published') continue
        posts.push({
          id: doc.id as number,
          title: String(doc.title ?? ''),
          slug: String(doc.slug ?? ''),
          excerpt: String(doc.excerpt ?? ''),
          kind: (doc.kind as PostKind) ?? 'news',
          tags: Array.isArray(doc.tags) ? (doc.tags as string[]) : [],
          publishedAt: String(doc.publishedAt ?? doc.updatedAt ?? ''),
          ownerGroup: toGroupRef(doc.ownerGroup),
          content: (doc.content as { root?: RichTextNode } | null)?.root ?? null,
        })
      }
      if (!result.hasNextPage) break
    }
    return posts.filter((post) => post.slug)
  })()
  return postsCache
}

/** Groups, organisations and classes that have published posts, in Vietnamese order. */
export async function getGroupsWithPosts(): Promise<GroupRef[]> {
  const bySlug = new Map<string, GroupRef>()
  for (const post of await getPublishedPosts()) if (post.ownerGroup) bySlug.set(post.ownerGroup.slug, post.ownerGroup)
  return [...bySlug.values()].sort((a, b) => compareVi(a.name, b.name))
}

/** Tags in use, each with its slug (no diacritics). */
export async function getTags(): Promise<Array<{ name: string; slug: string }>> {
  const bySlug = new Map<string, string>()
  for (const post of await getPublishedPosts()) for (const tag of post.tags) bySlug.set(slugify(tag), tag)
  return [...bySlug].map(([slug, name]) => ({ slug, name })).sort((a, b) => compareVi(a.name, b.name))
}
