import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LETTER_COLOURS, badgeFor, letterColours } from './badge'
import { BRANDS } from './brand-table'
import { contrastRatio, glyphOn } from './contrast'
import { initials } from './initials'

/** CIE76 colour difference in L*a*b* (D65): ≥ ~10 reads as clearly different side by side. */
function deltaE(a: string, b: string): number {
  const lab = (hex: string) => {
    const lin = (at: number) => {
      const c = parseInt(hex.slice(at, at + 2), 16) / 255
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    const [r, g, bl] = [lin(1), lin(3), lin(5)]
    const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * bl, (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883]
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116)
    const [fx, fy, fz] = xyz.map(f) as [number, number, number]
    return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)]
  }
  const [p, q] = [lab(a), lab(b)]
  return Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)
}

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 5)
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2)
  })

  it('every brand badge reads at 4.5:1 or more, whatever the theme (the badge carries its own fill)', () => {
    for (const brand of BRANDS) expect(contrastRatio(brand.colour, glyphOn(brand.colour)), brand.id).toBeGreaterThanOrEqual(4.5)
  })

  it('any fill gets a glyph colour of at least 4.5:1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const hex = `#${n.toString(16).padStart(6, '0').toUpperCase()}`
        expect(contrastRatio(hex, glyphOn(hex))).toBeGreaterThanOrEqual(4.5)
      }),
      { seed: 18, numRuns: 3000 },
    )
  })
})

describe('letter badges', () => {
  it('carry white text at 6:1 or more on every fill', () => {
    for (const colour of LETTER_COLOURS) {
      expect(glyphOn(colour)).toBe('#FFFFFF')
      expect(contrastRatio(colour, '#FFFFFF')).toBeGreaterThanOrEqual(6)
    }
  })

  it('fills are clearly different from each other', () => {
    for (const [i, a] of LETTER_COLOURS.entries()) for (const b of LETTER_COLOURS.slice(i + 1)) expect(deltaE(a, b), `${a} ${b}`).toBeGreaterThanOrEqual(10)
  })

  it('never gives two different neighbouring names the same fill; the same name keeps its fill', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Acme Bank', 'acme bank', 'Sparkasse', 'Fox Shop', 'B', 'Zeta', 'Hetzner Robot', 'Q', 'my shop', null), { maxLength: 60 }), (names) => {
        const colours = letterColours(names)
        for (let i = 0; i < names.length; i++) {
          expect(colours[i] === null).toBe(names[i] === null)
          const [name, above] = [names[i], names[i - 1]]
          if (i > 0 && name != null && above != null && name.toLowerCase() !== above.toLowerCase()) expect(colours[i]).not.toBe(colours[i - 1])
        }
      }),
      { seed: 1818, numRuns: 500 },
    )
    expect(letterColours(['Acme Bank'])).toEqual(letterColours(['Acme Bank']))
  })
})

describe('initials', () => {
  it.each([
    ['Amazon Seller Central', 'AS'],
    ['kdp', 'KD'],
    ['seller@example.com', 'SE'],
    ['', '?'],
    ['   ', '?'],
    ['🦊 Fox Shop', '🦊F'],
    ['👨‍👩‍👧‍👦', '👨‍👩‍👧‍👦'],
    ['🇩🇪 Shop', '🇩🇪S'],
    ['Émile Zola', 'ÉZ'],
    ['e\u0301cole', 'ÉC'],
    ['\u202Elive', 'LI'],
    ['محل تجاري', 'مت'],
    ['東京 ショップ', '東シ'],
  ])('%j → %j', (name, expected) => {
    expect(initials(name)).toBe(expected)
  })

  it('never splits a surrogate pair or leaves a lone combining mark', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        const text = initials(name)
        // No lone surrogate (half an emoji shows as �).
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
        expect(text).not.toMatch(/^\p{M}/u)
      }),
      { seed: 19, numRuns: 2000 },
    )
  })
})

describe('badgeFor', () => {
  const q = { issuer: 'eBay', label: 'me@shop.com', kind: 'other' as const, choice: null }
  it('shows the brand icon on its colour', () => {
    expect(badgeFor(q)).toEqual({ kind: 'icon', icon: 'ebay', title: 'eBay', background: '#E53238', foreground: '#000000' })
  })

  it('names the Amazon property on Amazon monograms', () => {
    expect(badgeFor({ ...q, issuer: 'Amazon', kind: 'seller-central' })).toMatchObject({ kind: 'monogram', text: 'SC', background: '#FF9900', foreground: '#000000' })
    expect(badgeFor({ ...q, issuer: 'Amazon', kind: 'kdp' })).toMatchObject({ kind: 'monogram', text: 'KDP' })
    expect(badgeFor({ ...q, issuer: 'Amazon', kind: 'associates' })).toMatchObject({ kind: 'monogram', text: 'AS' })
    expect(badgeFor({ ...q, issuer: 'Amazon', kind: 'other' })).toMatchObject({ kind: 'monogram', text: 'a' })
    expect(badgeFor({ ...q, issuer: 'AWS', kind: 'other' })).toMatchObject({ kind: 'monogram', text: 'AWS', background: '#232F3E', foreground: '#FFFFFF' })
  })

  it('falls back to letters for an unknown brand, and follows the user’s choice', () => {
    expect(badgeFor({ ...q, issuer: 'Acme Bank' }, '#0B57B0')).toEqual({ kind: 'letters', text: 'AB', title: 'Acme Bank', background: '#0B57B0', foreground: '#FFFFFF' })
    expect(badgeFor({ ...q, choice: { kind: 'letters' } }, '#0B57B0')).toMatchObject({ kind: 'letters', text: 'EB' })
    expect(badgeFor({ ...q, issuer: 'Acme Bank', choice: { kind: 'brand', brand: 'github' } })).toMatchObject({ kind: 'icon', icon: 'github' })
    expect(badgeFor({ ...q, choice: { kind: 'image' } })).toEqual({ kind: 'image', title: 'eBay' })
    // A brand id this version does not know (stored by a newer one): letters, not a crash.
    expect(badgeFor({ ...q, choice: { kind: 'brand', brand: 'no-such-brand' } })).toMatchObject({ kind: 'letters', text: 'EB' })
  })
})
