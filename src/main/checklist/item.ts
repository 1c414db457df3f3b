import { ChecklistSection, type ChecklistItem, type SellerRegion } from '../../shared/contract'

export { ChecklistSection, Evidence, ItemId } from '../../shared/contract'

export const SECTION_ORDER: readonly ChecklistSection[] = ChecklistSection.options

export { SECTION_TITLES } from '../../shared/checklist-labels'

/**
 * One thing to check, as written in `items-*.ts`: the contract's
 * `ChecklistItem` with a path per region instead of one chosen region.
 */
export type ChecklistItemDefinition = Readonly<
  Omit<ChecklistItem, 'region'> & {
    /** The path on one region's Seller Central, where it differs from `where`. */
    whereByRegion?: Readonly<Partial<Record<SellerRegion, string>>>
  }
>
