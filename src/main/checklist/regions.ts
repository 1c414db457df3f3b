import type { SellerRegion } from '../../shared/contract'

export { SellerRegion } from '../../shared/contract'

/**
 * Seller Central's regional sites. A seller account in one region is
 * separate from one in another (its own deposit methods and tax pages),
 * and a few paths read differently, so the checklist can be told which
 * region an account is for. `null` (not set) shows the paths that hold in
 * every region.
 */

export { REGION_LABELS, REGION_ORDER } from '../../shared/checklist-labels'

/** Said once per account in the checklist and the report, where it helps to follow the paths. */
export const REGION_NOTES: Readonly<Partial<Record<SellerRegion, string>>> = {
  // Amazon's "North America and Brazil Unified Account" (help page 201394090).
  na: 'One North America and Brazil account covers amazon.com, amazon.ca, amazon.com.mx and amazon.com.br: check the deposit method for each store you sell in.',
  jp: 'Seller Central Japan shows its menus in Japanese; switch the page language to English to follow the paths here.',
}

export { guessRegion } from '../../shared/amazon-guess'
