import { sql, type MigrateDownArgs, type MigrateUpArgs } from '@payloadcms/db-sqlite'

import { mediaInRichText } from '../media/public-use'

/**
 * Written by hand (data only, in SQL so that it runs on any later schema): files stored before
 * the marks of what the website shows existed get them from what is live now (published posts'
 * covers and images, the school profile's text), so the public and the site's build still read
 * them. A fresh database has nothing to mark.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  const posts = (await db.all(
    sql`SELECT id, cover_image_id AS cover, content FROM posts WHERE _status = 'published';`,
  )) as Array<{ id: number; cover: number | null; content: string | null }>
  const postsOf = new Map<string, number[]>()
  for (const post of posts) {
    const shown = mediaInRichText(post.content ? JSON.parse(post.content) : null)
    if (post.cover !== null) shown.add(String(post.cover))
    for (const media of shown) postsOf.set(media, [...(postsOf.get(media) ?? []), post.id])
  }
  const profiles = (await db.all(sql`SELECT about FROM school_profile;`)) as Array<{
    about: string | null
  }>
  const onProfile = new Set(
    profiles.flatMap(({ about }) => [...mediaInRichText(about ? JSON.parse(about) : null)]),
  )
  const files = (await db.all(sql`SELECT id FROM media;`)) as Array<{ id: number }>
  await db.run(sql`DELETE FROM media_rels WHERE path = 'publishedIn';`)
  for (const { id } of files) {
    const shownIn = postsOf.get(String(id)) ?? []
    const profile = onProfile.has(String(id)) ? 1 : 0
    const website = shownIn.length > 0 || profile ? 1 : 0
    await db.run(
      sql`UPDATE media SET on_website = ${website}, on_school_profile = ${profile} WHERE id = ${id};`,
    )
    for (const [index, postId] of shownIn.entries()) {
      await db.run(
        sql`INSERT INTO media_rels ("order", parent_id, path, posts_id) VALUES (${index + 1}, ${id}, 'publishedIn', ${postId});`,
      )
    }
  }
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // The marks are derived from what is live; the schema migration before this one drops them.
}
