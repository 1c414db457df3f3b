import type { ChecklistSection, SellerRegion } from './contract/checklist'

/** Section headings of the checklist, in the UI and in reports. */
export const SECTION_TITLES: Readonly<Record<ChecklistSection, string>> = {
  'sign-in': 'Sign-in',
  'bank-and-tax': 'Bank and tax',
  'people-and-devices': 'People and devices',
  recovery: 'Recovery',
}

/** Seller Central's regional sites, as the region picker and reports name them. */
export const REGION_LABELS: Readonly<Record<SellerRegion, string>> = {
  na: 'North America (US, Canada, Mexico)',
  eu: 'Europe (UK and EU stores)',
  fe: 'Far East (Japan, Australia, Singapore)',
  in: 'India',
}
