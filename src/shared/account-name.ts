import type { AccountKind } from './contract/accounts'
import type { SellerRegion } from './contract/checklist'
import { brandNamedExactly } from './brands/match-brand'
import { oneLine } from './one-line'

/** Regions as a row, the tray and the quick pick name them, after "Seller Central". */
export const SHORT_REGION_LABELS: Readonly<Record<SellerRegion, string>> = {
  na: 'NA',
  eu: 'EU',
  fe: 'AU/SG',
  in: 'India',
  me: 'Middle East',
  jp: 'Japan',
}

export type NamedAccount = Readonly<{ issuer: string; label: string; kind: AccountKind; region?: SellerRegion | null }>

/**
 * The one short name of an account, the same in the codes list, the tray
 * and the quick pick, so "Seller Central EU" is never confused with
 * "Seller Central NA": for Amazon kinds, the property (and the region
 * where Amazon keeps separate accounts) from the account's kind and
 * region; otherwise the issuer (or the label when there is none).
 */
export function shortName(account: NamedAccount): string {
  const { base, region } = shortNameParts(account)
  return region ? `${base} ${region}` : base
}

/**
 * The short name in two parts, so a narrow row can shorten the property
 * and never the region that tells two of them apart: "Seller Central" + "EU",
 * "Amazon" + "NA (buyer)".
 */
export function shortNameParts(account: NamedAccount): Readonly<{ base: string; region: string }> {
  const region = account.region ? SHORT_REGION_LABELS[account.region] : ''
  switch (account.kind) {
    case 'seller-central':
      return { base: 'Seller Central', region }
    case 'kdp':
      return { base: 'KDP', region: '' }
    case 'associates':
      return { base: 'Associates', region }
    case 'amazon-buyer':
      return region ? { base: 'Amazon', region: `${region} (buyer)` } : { base: 'Amazon (buyer)', region: '' }
    case 'aws':
      return { base: 'AWS', region: '' }
    case 'other':
      return { base: oneLine(account.issuer) || oneLine(account.label) || 'Unnamed account', region: '' }
  }
}

/**
 * The line under the short name: the label, and the issuer too when the
 * short name replaced it with something it does not say ("My EU shop" as
 * the issuer of a Seller Central EU account), so nothing the user typed is
 * hidden.
 */
export function nameDetail(account: NamedAccount): string {
  const name = shortName(account)
  const issuer = oneLine(account.issuer)
  const label = oneLine(account.label)
  // For other kinds the issuer is the name. For Amazon kinds it shows unless it only says "Amazon" in some form ("amazon.de", "Seller Central").
  const showIssuer = issuer !== '' && account.kind !== 'other' && !sameText(issuer, name) && brandNamedExactly(issuer)?.id !== 'amazon'
  const showLabel = label !== '' && !sameText(label, name)
  return [showIssuer ? issuer : '', showLabel ? label : ''].filter(Boolean).join(' · ')
}

// One collator for every comparison: localeCompare with options builds one per call (~9 µs, 9 ms for a 1,000-account tray menu).
// Made on first use, not at start: building it loads the collation data (~30 ms in a page that is starting).
let baseLetters: Intl.Collator | null = null
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * The same letters, ignoring case and accents. Printable ASCII (most names)
 * needs no collator: there only case pairs are equal at base strength.
 */
export function sameText(a: string, b: string): boolean {
  if (PRINTABLE_ASCII.test(a) && PRINTABLE_ASCII.test(b)) return a.length === b.length && a.toLowerCase() === b.toLowerCase()
  baseLetters ??= new Intl.Collator(undefined, { sensitivity: 'base' })
  return baseLetters.compare(a, b) === 0
}
