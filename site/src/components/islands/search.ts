// The search page's script (a module file, not inline: the CSP allows no inline script).
import { hydrateWhenVisible } from './hydrate'
import { SearchIsland } from './SearchIsland'

hydrateWhenVisible('search', SearchIsland)
