import type { AccountKind } from '../contract/accounts'
import { fold } from '../account-kinds'
import { BRANDS, brandById, type Brand } from './brand-table'
import { HOST, domainChain, hostsIn, withoutPublicSuffix } from './hosts'

/** What a brand is matched from: the account's names and its kind. */
export type BrandQuery = Readonly<{ issuer: string; label: string; kind: AccountKind }>

/** Which part of the account named the brand (shown nowhere; tests and the picker use it). */
export type BrandMatch = Readonly<{ brand: Brand; from: 'kind' | 'issuer' | 'label' }>

/** Words of a name, lower-case and accent-free, split at anything but letters and digits. */
export function nameWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

/** A name with case, accents, spaces and punctuation gone: "Mercado-Libre" and "mercado libre" are both "mercadolibre". */
export function squash(text: string): string {
  return nameWords(text).join('')
}

type NameEntry = Readonly<{ brand: Brand; exact: boolean }>

const NAMES = new Map<string, NameEntry>()
const DOMAINS = new Map<string, Brand>()
for (const brand of BRANDS) {
  for (const raw of brand.names) {
    const exact = raw.startsWith('=')
    const key = squash(exact ? raw.slice(1) : raw)
    if (!NAMES.has(key)) NAMES.set(key, { brand, exact })
  }
  for (const domain of brand.domains) if (!DOMAINS.has(domain)) DOMAINS.set(domain, brand)
}

/** The Amazon property an account kind names, if any: the kind is the user's own statement. */
const BRAND_OF_KIND: Readonly<Record<AccountKind, string | null>> = {
  'seller-central': 'amazon',
  kdp: 'amazon',
  associates: 'amazon',
  'amazon-buyer': 'amazon',
  aws: 'aws',
  other: null,
}

/**
 * The brand a name is written as: the whole name, or its first words
 * ("Amazon Seller Central" → Amazon; "Amazon Web Services" → AWS, the
 * longer name winning), case-, accent- and punctuation-insensitive.
 */
export function brandOfName(text: string): Brand | null {
  const words = nameWords(text)
  if (words.length === 0) return null
  const whole = NAMES.get(words.join(''))
  if (whole) return whole.brand
  for (let n = words.length - 1; n >= 1; n--) {
    const entry = NAMES.get(words.slice(0, n).join(''))
    if (entry && !entry.exact) return entry.brand
  }
  return null
}

/**
 * The brand when the whole text is nothing but one of its names or a host of
 * it ("Amazon", "amazon.de"), so a short name may stand in for it; null when
 * it says more ("Amazon – second store").
 */
export function brandNamedExactly(text: string): Brand | null {
  const whole = NAMES.get(squash(text))
  if (whole) return whole.brand
  const hosts = hostsIn(text)
  return hosts.length === 1 && hosts[0] === fold(text).trim().replace(/^https?:\/\//, '').replace(/\/.*$/, '') ? brandOfHost(text) : null
}

/** The brand of the first host in the text that names one: "sellercentral.amazon.de" → Amazon. */
export function brandOfHost(text: string): Brand | null {
  for (const host of hostsIn(text)) {
    for (const name of domainChain(withoutPublicSuffix(host))) {
      const brand = DOMAINS.get(name)
      if (brand) return brand
    }
  }
  return null
}

/**
 * The brand to show for an account, or null for a letter badge.
 *
 * In order: an Amazon kind (the user said what it is); the issuer, by name
 * then by host ("sellercentral.amazon.de"); then the label the same way, for
 * accounts whose issuer is empty or names no brand. E-mail addresses never
 * count: "me@gmail.com" on a GitHub account is not Google.
 */
export function matchBrand(query: BrandQuery): BrandMatch | null {
  const byKind = BRAND_OF_KIND[query.kind]
  if (byKind !== null) return { brand: brandById(byKind)!, from: 'kind' }
  const fromIssuer = brandOfText(query.issuer)
  if (fromIssuer) return { brand: fromIssuer, from: 'issuer' }
  const fromLabel = brandOfText(query.label)
  return fromLabel ? { brand: fromLabel, from: 'label' } : null
}

// An address's local part is the user's choice ("google@shop.com"), its domain the mailbox provider's.
const EMAIL = /[^\s@()<>]+@[^\s@()<>]+/g

/**
 * By name, with host names taken out ("amazon.github.io" is GitHub, not a
 * name starting "Amazon"); then by host; then by name again with the dots
 * kept as punctuation ("Pay.Pal").
 */
function brandOfText(text: string): Brand | null {
  const plain = fold(text).replace(EMAIL, ' ')
  // A host has a dot: without one, all three lookups are the first (this halves describing 1,000 imported accounts).
  if (!plain.includes('.')) return brandOfName(plain)
  return brandOfName(plain.replace(HOST, ' ')) ?? brandOfHost(plain) ?? brandOfName(plain)
}
