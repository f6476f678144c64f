/**
 * The news listing's pages, numbered from the oldest post so that a publication changes the
 * first page and at most one more, not every page (issue 15, point 7: publish → live in
 * seconds). Numbered from the newest, one new post would shift all 500 pages of a 5,000-post
 * school by one post, and an incremental build would render them all.
 *
 * Each numbered page (/tin-tuc/<n>/) holds PAGE_SIZE posts for good: page 1 the oldest ten,
 * page 2 the next ten. The first page (/tin-tuc/) holds the newest posts not on a numbered page,
 * from PAGE_SIZE to 2 × PAGE_SIZE − 1 of them; once it would hold 2 × PAGE_SIZE, its oldest ten
 * become the next numbered page. Only unpublishing (or back-dating) a post shifts the pages
 * after it, which an incremental build renders as for any change of their posts.
 */
export const NEWS_PAGE_SIZE = 10

export interface NewsPage<Post> {
  /** The page's number in its address; null for the first page, /tin-tuc/. */
  number: number | null
  /** Newest first, as every listing of the site. */
  posts: Post[]
  /** The page of the next newer posts (null: the first page); absent on the first page. */
  newer?: number | null
  /** The page of the next older posts; null when there are none. */
  older: number | null
}

/** `newestFirst`: every published post, newest first. */
export function newsPages<Post>(newestFirst: Post[], size = NEWS_PAGE_SIZE): NewsPage<Post>[] {
  const total = newestFirst.length
  const numbered = total < 2 * size ? 0 : Math.floor(total / size) - 1
  const onFirst = total - numbered * size
  const pages: NewsPage<Post>[] = [
    { number: null, posts: newestFirst.slice(0, onFirst), older: numbered || null },
  ]
  for (let number = numbered; number >= 1; number--) {
    const end = total - (number - 1) * size
    pages.push({
      number,
      posts: newestFirst.slice(end - size, end),
      newer: number === numbered ? null : number + 1,
      older: number > 1 ? number - 1 : null,
    })
  }
  return pages
}
