/**
 * The school's colours (issue 15): the web admin picks them in the school profile, and the site
 * writes white text on the primary colour and links and buttons in the accent colour on white.
 * WCAG 2.x AA asks 4.5:1 for normal text, so both must reach it against white; the body text
 * (#1f2933) on white is far above it.
 */

/** The colours the site uses when the profile has none (or one saved before the check). */
export const DEFAULT_SCHOOL_COLOURS = { primary: '#0b4f8a', accent: '#b3261e' } as const

export const MIN_TEXT_CONTRAST = 4.5

/** The site's light backgrounds, white and the cards' tint: the colours are checked on both. */
export const SITE_LIGHT_BACKGROUNDS = ['#ffffff', '#f4f7fb'] as const

/** "#0b4f8a" or "#0B4F8A"; three-digit forms are refused, to keep one spelling per colour. */
export function isHexColour(value: unknown): value is string {
  return typeof value === 'string' && /^#[0-9a-fA-F]{6}$/.test(value)
}

function channel(hex: string, index: number): number {
  const value = parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2)
}

/** WCAG contrast ratio of two #rrggbb colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/**
 * Why a colour cannot be the school's primary or accent colour, in Vietnamese and English; null
 * when it can. Empty is allowed: the site then uses the default.
 */
export function schoolColourProblem(value: unknown): { vi: string; en: string } | null {
  if (value === undefined || value === null || value === '') return null
  if (!isHexColour(value)) {
    return {
      vi: 'Màu viết dạng #rrggbb, ví dụ #0b4f8a.',
      en: 'A colour is written #rrggbb, e.g. #0b4f8a.',
    }
  }
  const ratio = Math.min(...SITE_LIGHT_BACKGROUNDS.map((light) => contrastRatio(value, light)))
  if (ratio < MIN_TEXT_CONTRAST) {
    const shown = (Math.floor(ratio * 100) / 100).toFixed(2)
    return {
      vi:
        `Màu ${value} quá nhạt: độ tương phản với nền trắng (và nền nhạt của các ô) chỉ ${shown}:1, cần ít nhất 4.5:1 ` +
        '(WCAG AA) để chữ dễ đọc. Hãy chọn màu đậm hơn.',
      en:
        `Colour ${value} is too light: its contrast with white (and the cards' tint) is only ${shown}:1, and text ` +
        'needs at least 4.5:1 (WCAG AA). Choose a darker colour.',
    }
  }
  return null
}

/** The colour to use: the profile's when it passes the check, else the default. */
export function usableSchoolColour(value: unknown, fallback: string): string {
  return isHexColour(value) && schoolColourProblem(value) === null ? value.toLowerCase() : fallback
}
