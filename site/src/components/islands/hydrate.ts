/**
 * Hydrates a React island when it scrolls into view, as Astro's `client:visible` does, but from a
 * bundled module file: Astro's own island runtime is an inline <script> (and an inline <style>),
 * which the site's Content-Security-Policy (scripts and styles from 'self' only) refuses. The
 * island's HTML is rendered at build time by Astro (no client directive), inside an element
 * `[data-island="<name>"]` whose `data-props` are the component's props; React and the component
 * are fetched only once the island is in view, so a page pays for them only when it is used.
 *
 * An island with nothing to show before it is used (the album's lightbox) is an empty element
 * with `data-watch`, the id of what it enhances: it is rendered into (not hydrated) when that
 * element comes into view.
 */
import type { ComponentType } from 'react'

export function hydrateWhenVisible<Props extends object>(
  name: string,
  load: () => Promise<ComponentType<Props>>,
): void {
  for (const element of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    const props = JSON.parse(element.dataset.props ?? '{}') as Props
    const watchId = element.dataset.watch
    const watched = watchId ? document.getElementById(watchId) : element
    if (!watched) continue
    const hydrate = async () => {
      const [{ createElement }, { createRoot, hydrateRoot }, Component] = await Promise.all([
        import('react'),
        import('react-dom/client'),
        load(),
      ])
      const island = createElement(Component, props)
      if (watchId) createRoot(element).render(island)
      else hydrateRoot(element, island)
    }
    if (!('IntersectionObserver' in window)) {
      void hydrate()
      continue
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      void hydrate()
    })
    observer.observe(watched)
  }
}
