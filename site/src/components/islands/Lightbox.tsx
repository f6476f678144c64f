/**
 * The album's lightbox (issue 15): progressive enhancement of the album's grid of links to the
 * full images. Without JavaScript each link opens its image; with it, a click (or Enter on the
 * focused link) opens a modal dialog instead: ← and → move, Esc closes and puts the focus back
 * on the thumbnail of the image shown, Tab stays inside, and the caption is read out.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

export interface LightboxImage {
  /** The full image (the link's address). */
  src: string
  srcset: string
  width: number
  height: number
  alt: string
  caption: string
}

interface Props {
  images: LightboxImage[]
  /** The id of the album's grid, whose links (in the images' order) open the dialog. */
  gridId: string
  albumTitle: string
}

export default function Lightbox({ images, gridId, albumTitle }: Props) {
  const [links, setLinks] = useState<HTMLAnchorElement[]>([])
  const [index, setIndex] = useState<number | null>(null)
  const dialog = useRef<HTMLDivElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  const shown = useRef<number | null>(null)
  shown.current = index

  const close = useCallback(() => {
    const last = shown.current
    setIndex(null)
    if (last !== null) links[last]?.focus()
  }, [links])
  const move = useCallback(
    (step: number) =>
      setIndex((current) =>
        current === null ? null : (current + step + images.length) % images.length,
      ),
    [images.length],
  )

  useEffect(() => {
    const grid = document.getElementById(gridId)
    setLinks([...(grid?.querySelectorAll<HTMLAnchorElement>('a[data-lightbox]') ?? [])])
  }, [gridId])

  useEffect(() => {
    const openers = links.map((link, i) => {
      const open = (event: MouseEvent) => {
        // A click with a modifier opens the image in a new tab, as the link would.
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return
        event.preventDefault()
        setIndex(i)
      }
      link.addEventListener('click', open)
      return () => link.removeEventListener('click', open)
    })
    // The grid says when its links open the lightbox (the browser tests wait for it).
    if (links.length > 0) document.getElementById(gridId)?.setAttribute('data-lightbox-ready', '')
    return () => openers.forEach((remove) => remove())
  }, [links, gridId])

  const open = index !== null
  useEffect(() => {
    if (!open) return
    document.documentElement.classList.add('lightbox-open')
    closeButton.current?.focus()
    return () => document.documentElement.classList.remove('lightbox-open')
  }, [open])

  if (index === null) return null
  const image = images[index]!

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
    } else if (event.key === 'ArrowRight') {
      event.preventDefault()
      move(1)
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault()
      move(-1)
    } else if (event.key === 'Tab') {
      // The focus stays inside the dialog: from the last control back to the first, and back.
      const controls = [...(dialog.current?.querySelectorAll<HTMLElement>('button') ?? [])]
      const first = controls[0]
      const last = controls[controls.length - 1]
      if (!first || !last) return
      const active = document.activeElement
      if (event.shiftKey && (active === first || !dialog.current?.contains(active))) {
        event.preventDefault()
        last.focus()
      } else if (!event.shiftKey && active === last) {
        event.preventDefault()
        first.focus()
      }
    }
  }

  const position = `Ảnh ${index + 1} / ${images.length}`
  return (
    <div
      className="lightbox-backdrop"
      onClick={(event) => event.target === event.currentTarget && close()}
    >
      <div
        ref={dialog}
        className="lightbox"
        role="dialog"
        aria-modal="true"
        aria-label={`${albumTitle}: xem ảnh`}
        aria-describedby="lightbox-caption"
        onKeyDown={onKeyDown}
      >
        <figure className="lightbox-figure">
          <picture>
            {image.srcset && <source type="image/webp" srcSet={image.srcset} sizes="100vw" />}
            <img src={image.src} width={image.width} height={image.height} alt={image.alt} />
          </picture>
          <figcaption id="lightbox-caption" aria-live="polite">
            <span className="lightbox-position">{position}</span>
            {image.caption && <span>{image.caption}</span>}
          </figcaption>
        </figure>
        <div className="lightbox-controls">
          <button type="button" onClick={() => move(-1)} aria-keyshortcuts="ArrowLeft">
            ← Ảnh trước
          </button>
          <button type="button" onClick={() => move(1)} aria-keyshortcuts="ArrowRight">
            Ảnh sau →
          </button>
          <button type="button" ref={closeButton} onClick={close} aria-keyshortcuts="Escape">
            Đóng (Esc)
          </button>
        </div>
      </div>
    </div>
  )
}
