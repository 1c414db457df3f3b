/** WCAG 2.x relative luminance of an `#RRGGBB` colour (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). */
export function relativeLuminance(hex: string): number {
  const channel = (at: number) => {
    const c = parseInt(hex.slice(at, at + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

/** WCAG contrast ratio between two `#RRGGBB` colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

export const LIGHT_GLYPH = '#FFFFFF'
export const DARK_GLYPH = '#000000'

// Badges are filled with the brand table's and the letter badges' colours only: a few dozen, each worked out once.
const glyphs = new Map<string, string>()

/**
 * The glyph colour for a badge filled with `background`: white or black,
 * whichever contrasts more. One of the two always reaches at least 4.58:1
 * (WCAG's text level, above the 3:1 asked of icons), and the badge carries
 * its own background, so the result holds in the light and the dark theme.
 */
export function glyphOn(background: string): string {
  let glyph = glyphs.get(background)
  if (glyph === undefined) {
    glyph = contrastRatio(background, LIGHT_GLYPH) >= contrastRatio(background, DARK_GLYPH) ? LIGHT_GLYPH : DARK_GLYPH
    glyphs.set(background, glyph)
  }
  return glyph
}
