/**
 * Hydrates the album's lightbox once its grid is in view, like Astro's `client:visible`, but
 * from a script file: Astro's own island runtime is an inline <script> and <style>, which the
 * site's Content-Security-Policy (script-src 'self', style-src 'self') refuses. React and the
 * lightbox are a separate chunk, fetched only when the grid scrolls into view.
 */
import type { LightboxImage } from './Lightbox'

async function hydrate(holder: HTMLElement): Promise<void> {
  const [{ createElement }, { createRoot }, { default: Lightbox }] = await Promise.all([
    import('react'),
    import('react-dom/client'),
    import('./Lightbox'),
  ])
  const images = JSON.parse(holder.dataset.images ?? '[]') as LightboxImage[]
  createRoot(holder).render(
    createElement(Lightbox, {
      images,
      gridId: holder.dataset.grid ?? '',
      albumTitle: holder.dataset.title ?? '',
    }),
  )
}

for (const holder of document.querySelectorAll<HTMLElement>('[data-lightbox-island]')) {
  const grid = document.getElementById(holder.dataset.grid ?? '')
  if (!grid) continue
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return
    observer.disconnect()
    void hydrate(holder)
  })
  observer.observe(grid)
}
