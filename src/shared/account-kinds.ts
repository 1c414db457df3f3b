import type { AccountKind } from './contract/accounts'

/** How each kind of account is named in the UI, the tray and reports. */
export const KIND_LABELS: Readonly<Record<AccountKind, string>> = {
  'seller-central': 'Seller Central',
  kdp: 'KDP',
  associates: 'Associates',
  'amazon-buyer': 'Amazon buyer',
  aws: 'AWS',
  other: 'Other',
}

/** The order kinds are listed in, everywhere accounts are grouped. */
export const KIND_ORDER: readonly AccountKind[] = ['seller-central', 'kdp', 'associates', 'amazon-buyer', 'aws', 'other']

/** Lower-case, accent-free text for matching and sorting ("Café" matches "cafe"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
}
