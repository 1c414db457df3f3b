import type { ChecklistSection, Evidence, ItemSource, SellerRegion } from './contract/checklist'

/** Section headings of the checklist, in the UI and in reports. */
export const SECTION_TITLES: Readonly<Record<ChecklistSection, string>> = {
  'sign-in': 'Sign-in',
  'bank-and-tax': 'Bank and tax',
  'people-and-devices': 'People and devices',
  recovery: 'Recovery',
}

/** Seller Central's regional sites, as the region picker and reports name them. */
export const REGION_LABELS: Readonly<Record<SellerRegion, string>> = {
  na: 'North America and Brazil (US, Canada, Mexico, Brazil)',
  eu: 'Europe (UK and EU stores)',
  me: 'Middle East (UAE, Saudi Arabia, Egypt)',
  in: 'India',
  jp: 'Japan',
  fe: 'Australia or Singapore',
}

/** The order the region picker lists them in (the schema's order is the order they were added). */
export const REGION_ORDER: readonly SellerRegion[] = ['na', 'eu', 'me', 'in', 'jp', 'fe']

/** The host of a source's address, for a line that names where it is without being a link ("sellercentral.amazon.com"). */
function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null
  try {
    return new URL(url).host
  } catch {
    return null
  }
}

/**
 * A source as the checklist and the reports name it: "Amazon help
 * (sellercentral.amazon.com, page 202110760): About Two-Step Verification,
 * — checked 2026-12-01.", with what the page does not confirm.
 */
export function sourceText(source: ItemSource): string {
  const where = [hostOf(source.url), source.pageId ? `page ${source.pageId}` : null].filter(Boolean).join(', ')
  const lead = source.publisher === 'amazon' ? 'Amazon help' : source.publisher === 'other' ? 'Source' : null
  const head = lead === null ? source.title : `${lead}${where ? ` (${where})` : ''}: ${source.title}`
  const unconfirmed = source.unconfirmed ? ` Not confirmed there: ${source.unconfirmed}` : ''
  return `${head} — checked ${source.checkedOn}.${unconfirmed}`
}

/** What the date of an evidence item is ("measured 2026-07-20"), in the checklist and the reports. */
export const EVIDENCE_DATE_WORDS: Readonly<Record<Evidence, string>> = {
  'clock-in-sync': 'measured',
  'authenticator-in-vault': 'confirmed',
  'recent-backup': 'oldest backup',
  'app-lock': 'checked',
  'screen-privacy': 'checked',
}
