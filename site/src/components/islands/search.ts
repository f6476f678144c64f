// The search page's script (a module file, not inline: the CSP allows no inline script).
import { hydrateWhenVisible } from './hydrate'

hydrateWhenVisible('search', async () => (await import('./SearchIsland')).SearchIsland)

// With JavaScript the search works: the page's "needs JavaScript" block goes away.
document.querySelector('[data-search-fallback]')?.setAttribute('hidden', '')
