import rss from '@astrojs/rss'
import type { APIContext } from 'astro'

import { getPublishedPosts, getSchoolProfile } from '../lib/cms'
import { paths } from '../lib/links'

export async function GET(context: APIContext) {
  const [school, posts] = await Promise.all([getSchoolProfile(), getPublishedPosts()])
  return rss({
    title: `Tin tức ${school.name}`,
    description: `Tin tức, thông báo và bài viết của ${school.name}`,
    site: context.site!,
    customData: '<language>vi</language>',
    items: posts.slice(0, 50).map((post) => ({
      title: post.title,
      description: post.excerpt,
      pubDate: new Date(post.publishedAt),
      link: paths.post(post.slug),
    })),
  })
}
