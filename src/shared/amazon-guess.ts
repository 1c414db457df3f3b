import type { AccountKind, SellerRegion } from './contract/accounts'
import { matchBrand } from './brands/match-brand'

/**
 * A first guess at an account's kind from its issuer and label, for the
 * add and import forms to pre-select (the user confirms it): AWS, KDP and
 * Associates by their names, any other Amazon account as Seller Central
 * (SellerGuard is for sellers); a buyer account cannot be told from a
 * seller one by its name, so it is never guessed.
 */
export function guessKind(issuer: string, label = ''): AccountKind {
  const brand = matchBrand({ issuer, label, kind: 'other' })?.brand.id
  if (brand === 'aws') return 'aws'
  if (brand !== 'amazon') return 'other'
  const text = `${issuer} ${label}`
  if (/\bKDP\b|kindle direct/i.test(text)) return 'kdp'
  if (/associates|affiliate|partnernet/i.test(text)) return 'associates'
  return 'seller-central'
}

/** Store domains in an issuer or label ("Amazon.co.uk", "sellercentral-europe.amazon.com"), most specific first. */
const HINTS: readonly (readonly [RegExp, SellerRegion])[] = [
  [/sellercentral-europe|amazon\.(co\.uk|de|fr|it|es|nl|se|pl|ie|com\.be|com\.tr)(?![\w.])/i, 'eu'],
  [/amazon\.co\.jp(?![\w.])/i, 'jp'],
  [/amazon\.(com\.au|sg)(?![\w.])/i, 'fe'],
  [/amazon\.(ae|sa|eg)(?![\w.])/i, 'me'],
  [/amazon\.in(?![\w.])/i, 'in'],
  [/amazon\.(com|ca|com\.mx|com\.br)(?![\w.])/i, 'na'],
]

/**
 * A first guess at an account's region from the store domain in its issuer
 * or label, for the UI to pre-select; null when the text names none (most
 * otpauth issuers just say "Amazon"). Never applied silently.
 */
export function guessRegion(issuer: string, label: string): SellerRegion | null {
  const text = `${issuer} ${label}`
  for (const [pattern, region] of HINTS) if (pattern.test(text)) return region
  return null
}
