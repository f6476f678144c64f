// The search page's script (a module file, not inline: the CSP allows no inline script).
import { hydrateWhenVisible } from './hydrate'
import { SearchIsland } from './SearchIsland'

hydrateWhenVisible('search', SearchIsland)

// With JavaScript the search works: the page's "needs JavaScript" block goes away.
document.querySelector('[data-search-fallback]')?.setAttribute('hidden', '')
