// The album's script (a module file: the CSP allows no inline script).
import { hydrateWhenVisible } from './hydrate'

hydrateWhenVisible('lightbox', async () => (await import('./Lightbox')).default)
