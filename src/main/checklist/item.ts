import { ChecklistSection, type Evidence, type SellerRegion } from '../../shared/contract'

export { ChecklistSection, Evidence, ItemId } from '../../shared/contract'

export const SECTION_ORDER: readonly ChecklistSection[] = ChecklistSection.options

export { SECTION_TITLES } from '../../shared/checklist-labels'


/** One thing to check, as written in `items-*.ts`. */
export type ChecklistItemDefinition = Readonly<{
  id: string
  section: ChecklistSection
  title: string
  /** Why it matters, in plain words. */
  why: string
  /** Where to do it: a menu path as Amazon names it ("Settings → Account Info → Deposit Methods"). */
  where: string
  /** The path on one region's Seller Central, where it differs from `where`. */
  whereByRegion?: Readonly<Partial<Record<SellerRegion, string>>>
  /** SellerGuard checks this itself. */
  evidence?: Evidence
  /** Done by hand, it comes back as due this many days later (for an evidence item: how old the evidence may be). */
  reviewEveryDays?: number
}>

/** An item for one account: `where` chosen for the account's region. JSON only. */
export type ChecklistItem = Readonly<{
  id: string
  section: ChecklistSection
  title: string
  why: string
  where: string
  /** Set when `where` is specific to this region. */
  region?: SellerRegion
  evidence?: Evidence
  reviewEveryDays?: number
}>
