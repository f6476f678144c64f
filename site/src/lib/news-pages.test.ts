import { describe, expect, it } from 'vitest'

import { newsPages } from './news-pages'

/** Posts 1…n, newest first (post n is the newest). */
const posts = (n: number) => Array.from({ length: n }, (_, index) => n - index)

describe('newsPages', () => {
  it('puts fewer than two pages of posts on the first page alone', () => {
    expect(newsPages(posts(0))).toEqual([{ number: null, posts: [], older: null }])
    expect(newsPages(posts(19))).toEqual([{ number: null, posts: posts(19), older: null }])
  })

  it('numbers full pages from the oldest post; the first page keeps the rest', () => {
    const pages = newsPages(posts(34))
    expect(pages.map((page) => page.number)).toEqual([null, 2, 1])
    expect(pages[0]).toEqual({ number: null, posts: posts(34).slice(0, 14), older: 2 })
    expect(pages[1]).toEqual({
      number: 2,
      posts: [20, 19, 18, 17, 16, 15, 14, 13, 12, 11],
      newer: null,
      older: 1,
    })
    expect(pages[2]).toEqual({
      number: 1,
      posts: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
      newer: 2,
      older: null,
    })
  })

  it('keeps every numbered page as it was when a post is published', () => {
    for (let n = 20; n < 80; n++) {
      const before = newsPages(posts(n))
      const after = newsPages(posts(n + 1))
      const changed = after.filter(
        (page) =>
          JSON.stringify(page) !== JSON.stringify(before.find((old) => old.number === page.number)),
      )
      // The first page, and a new numbered page with the one before it (its link to newer posts).
      expect(changed.length).toBeLessThanOrEqual(3)
      if (n % 10 !== 9) expect(changed.map((page) => page.number)).toEqual([null])
    }
  })

  it('lists every post exactly once', () => {
    for (const n of [0, 5, 20, 29, 30, 101, 5003]) {
      const listed = newsPages(posts(n)).flatMap((page) => page.posts)
      expect(listed).toEqual(posts(n))
    }
  })
})
