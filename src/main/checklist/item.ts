import { ChecklistSection, type ChecklistItem, type SellerRegion } from '../../shared/contract'

export { ChecklistSection, Evidence, ItemId } from '../../shared/contract'

export const SECTION_ORDER: readonly ChecklistSection[] = ChecklistSection.options

export { SECTION_TITLES } from '../../shared/checklist-labels'

/** What one region says differently about an item: its path, its reasons, and the pages that back them. */
export type RegionalText = Readonly<Partial<Pick<ChecklistItem, 'title' | 'why' | 'where' | 'sources'>>>

/**
 * One thing to check, as written in `items-*.ts`: the contract's
 * `ChecklistItem` with text per region instead of one chosen region.
 * Every definition names its sources (`sources.ts`).
 */
export type ChecklistItemDefinition = Readonly<
  Omit<ChecklistItem, 'region'> & {
    /** What differs on one region's Seller Central. */
    byRegion?: Readonly<Partial<Record<SellerRegion, RegionalText>>>
  }
>
