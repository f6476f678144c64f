/**
 * Hydrates a React island when it scrolls into view, as Astro's `client:visible` does, but from a
 * bundled module file: Astro's own island runtime is an inline <script> (and an inline <style>),
 * which the site's Content-Security-Policy (scripts and styles from 'self' only) refuses. The
 * island's HTML is rendered at build time by Astro (no client directive), inside an element
 * `[data-island="<name>"]`; this module hydrates it in place.
 */
import { createElement, type ComponentType } from 'react'
import { hydrateRoot } from 'react-dom/client'

export function hydrateWhenVisible<Props extends object>(
  name: string,
  Component: ComponentType<Props>,
): void {
  for (const element of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    const props = JSON.parse(element.dataset.props ?? '{}') as Props
    const hydrate = () => hydrateRoot(element, createElement(Component, props))
    if (!('IntersectionObserver' in window)) {
      hydrate()
      continue
    }
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return
      observer.disconnect()
      hydrate()
    })
    observer.observe(element)
  }
}
