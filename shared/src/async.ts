/**
 * `task` for every item, at most `limit` at a time; results in the items' order. For many small
 * awaits (requests to the CMS, links of a build's files), where one at a time waits on each
 * round trip and all at once floods the server or the file system.
 */
export async function mapLimited<T, R>(
  items: T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await task(items[index])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
