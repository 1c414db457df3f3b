import { brandById, type Brand } from './brand-table'
import { glyphOn } from './contrast'
import { initials } from './initials'
import { matchBrand, type BrandQuery } from './match-brand'

/**
 * Fills for letter badges (accounts with no known brand). Each carries
 * white text at 6:1 or more; they are far apart in hue and lightness, and
 * `letterColours` never gives two neighbouring rows the same one.
 */
export const LETTER_COLOURS: readonly string[] = ['#B3261E', '#A33D00', '#7A5900', '#3B6E00', '#00695C', '#006A8E', '#0B57B0', '#4A3AB8', '#7B1FA2', '#A3195B', '#6D4C41', '#455A64']

/** How the user chose to show an account; null or `auto`: from its brand, else letters. */
export type BadgeChoice =
  | Readonly<{ kind: 'auto' }>
  | Readonly<{ kind: 'brand'; brand: string }>
  | Readonly<{ kind: 'letters' }>
  | Readonly<{ kind: 'image' }>

/** What a row draws: a brand's icon, a brand's monogram (no icon shipped), letters (no brand), or the user's image. Colours are `#RRGGBB`. */
export type Badge =
  | Readonly<{ kind: 'icon'; icon: string; title: string; background: string; foreground: string }>
  | Readonly<{ kind: 'monogram' | 'letters'; text: string; title: string; background: string; foreground: string }>
  | Readonly<{ kind: 'image'; title: string }>

/** Amazon's monogram names the property: eight Amazon accounts should not look alike. */
const AMAZON_MONOGRAM: Readonly<Partial<Record<BrandQuery['kind'], string>>> = {
  'seller-central': 'SC',
  kdp: 'KDP',
  associates: 'AS',
  'amazon-buyer': 'a',
}

export type BadgeInput = BrandQuery & Readonly<{ choice: BadgeChoice | null }>

/**
 * The badge for an account, before colours for letters are picked (those
 * depend on the neighbours: `letterColours`). `letterColour` is used for a
 * letter badge.
 */
export function badgeFor(input: BadgeInput, letterColour: string = LETTER_COLOURS[0]!): Badge {
  const choice = input.choice ?? { kind: 'auto' }
  const name = input.issuer || input.label
  switch (choice.kind) {
    case 'image':
      return { kind: 'image', title: name }
    case 'letters':
      return letters(name, letterColour)
    case 'brand': {
      const brand = brandById(choice.brand)
      return brand ? brandBadge(brand, input.kind) : letters(name, letterColour)
    }
    case 'auto': {
      const match = matchBrand(input)
      return match ? brandBadge(match.brand, input.kind) : letters(name, letterColour)
    }
  }
}

function brandBadge(brand: Brand, kind: BrandQuery['kind']): Badge {
  const foreground = glyphOn(brand.colour)
  if (brand.icon !== null) return { kind: 'icon', icon: brand.icon, title: brand.title, background: brand.colour, foreground }
  const text = (brand.id === 'amazon' ? AMAZON_MONOGRAM[kind] : undefined) ?? brand.monogram
  return { kind: 'monogram', text, title: brand.title, background: brand.colour, foreground }
}

function letters(name: string, background: string): Badge {
  return { kind: 'letters', text: initials(name), title: name, background, foreground: glyphOn(background) }
}

/** A stable number for a name, so the same issuer tends to keep its colour. */
export function nameHash(name: string): number {
  let hash = 0
  for (const char of name.toLocaleLowerCase()) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return hash
}

/**
 * A letter colour for each row, in the order the rows are shown (null: the
 * row has another badge, and separates its neighbours). A name keeps its
 * own colour unless that would repeat the row right above with a
 * different name; then it moves on to the next one. So two different
 * accounts side by side never look the same, and the same name twice keeps
 * one colour.
 */
export function letterColours(names: readonly (string | null)[]): (string | null)[] {
  const out: (number | null)[] = []
  names.forEach((name, i) => {
    if (name === null) return void out.push(null)
    let index = nameHash(name) % LETTER_COLOURS.length
    const above = i > 0 ? names[i - 1] : null
    if (above != null && above.toLocaleLowerCase() !== name.toLocaleLowerCase() && out[i - 1] === index) index = (index + 1) % LETTER_COLOURS.length
    out.push(index)
  })
  return out.map((i) => (i === null ? null : LETTER_COLOURS[i]!))
}
